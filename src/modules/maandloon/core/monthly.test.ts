import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { monthlyPayment, monthlyPaymentId, type MonthlyAgreement } from './monthly.ts';
import { date, parseMonth, addDays, toEpochDay, fromEpochDay } from '../../../kernel/dates.ts';
import { cents } from '../../../kernel/money.ts';

function agreement(over: Partial<MonthlyAgreement> = {}): MonthlyAgreement {
  return {
    id: 'ZOK1',
    bsn: '111222333',
    zorgverlenerId: 'ZV1',
    ingangsdatum: date('2026-01-01'),
    einddatum: null,
    maandbedrag: cents(185000),
    ...over,
  };
}

const month = (m: string) => parseMonth(m)!;

describe('monthlyPayment', () => {
  test('a full month pays the whole monthly amount, dated the first of the month', () => {
    assert.deepEqual(monthlyPayment(agreement(), month('2026-02')), {
      declaratieId: 'mnd:ZOK1:2026-02',
      agreementId: 'ZOK1',
      bsn: '111222333',
      zorgverlenerId: 'ZV1',
      datum: '2026-02-01',
      bedrag: 185000,
      dagen: 28,
    });
    assert.equal(monthlyPayment(agreement(), month('2026-03'))!.bedrag, 185000);
    assert.equal(monthlyPayment(agreement(), month('2026-03'))!.dagen, 31);
  });

  test('an agreement starting and ending exactly on the month edges pays the whole month', () => {
    const p = monthlyPayment(agreement({ ingangsdatum: date('2026-04-01'), einddatum: date('2026-04-30') }), month('2026-04'))!;
    assert.equal(p.bedrag, 185000);
    assert.equal(p.dagen, 30);
  });

  test('start mid-month: 2026-02-16 with € 1850.00 → 13/28 of it', () => {
    // 16..28 February = 13 days; 185000 × 13 / 28 = 85892.857… → 85893 cents
    const p = monthlyPayment(agreement({ ingangsdatum: date('2026-02-16') }), month('2026-02'))!;
    assert.equal(p.dagen, 13);
    assert.equal(p.bedrag, 85893);
    assert.equal(p.datum, '2026-02-16', 'dated the first day the agreement covers');
  });

  test('end mid-month: ends 2026-03-10 → 10/31', () => {
    // 185000 × 10 / 31 = 59677.419… → 59677
    const p = monthlyPayment(agreement({ einddatum: date('2026-03-10') }), month('2026-03'))!;
    assert.equal(p.dagen, 10);
    assert.equal(p.bedrag, 59677);
    assert.equal(p.datum, '2026-03-01');
  });

  test('start and end inside the same month: 5..20 March → 16/31', () => {
    // 185000 × 16 / 31 = 95483.870… → 95484
    const p = monthlyPayment(agreement({ ingangsdatum: date('2026-03-05'), einddatum: date('2026-03-20') }), month('2026-03'))!;
    assert.equal(p.dagen, 16);
    assert.equal(p.bedrag, 95484);
  });

  test('a single day: the last day of the agreement is the first of the month', () => {
    // 185000 / 31 = 5967.74… → 5968
    const p = monthlyPayment(agreement({ einddatum: date('2026-03-01') }), month('2026-03'))!;
    assert.equal(p.dagen, 1);
    assert.equal(p.bedrag, 5968);
  });

  test('a leap February counts 29 days: start 2028-02-15 → 15/29', () => {
    // 185000 × 15 / 29 = 95689.655… → 95690
    const p = monthlyPayment(agreement({ ingangsdatum: date('2028-02-15') }), month('2028-02'))!;
    assert.equal(p.dagen, 15);
    assert.equal(p.bedrag, 95690);
    assert.equal(monthlyPayment(agreement(), month('2028-02'))!.bedrag, 185000);
  });

  test('a month outside the agreement gives nothing', () => {
    assert.equal(monthlyPayment(agreement({ ingangsdatum: date('2026-03-01') }), month('2026-02')), undefined, 'starts after the month');
    assert.equal(monthlyPayment(agreement({ ingangsdatum: date('2026-01-01'), einddatum: date('2026-01-31') }), month('2026-02')), undefined, 'ended before the month');
    assert.equal(monthlyPayment(agreement({ ingangsdatum: date('2027-01-01') }), month('2026-12')), undefined);
  });

  test('monthlyPaymentId', () => {
    assert.equal(monthlyPaymentId('ZOK-7', '2026-05'), 'mnd:ZOK-7:2026-05');
  });

  test('property: never more than the monthly amount; the whole amount exactly when every day is covered; more days never pay less', () => {
    const day = (n: number) => fromEpochDay(toEpochDay(date('2025-01-01')) + n);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 900 }),
        fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 0, max: 35 }),
        (start, length, amount, monthIndex) => {
          const a = agreement({ ingangsdatum: day(start), einddatum: length === null ? null : day(start + length), maandbedrag: cents(amount) });
          const y = 2025 + Math.floor(monthIndex / 12);
          const m = month(`${y}-${String((monthIndex % 12) + 1).padStart(2, '0')}`);
          const p = monthlyPayment(a, m);
          const covers = (d: string) => d >= a.ingangsdatum && (a.einddatum === null || d <= a.einddatum);
          let covered = 0;
          for (let d = m.first; d <= m.last; d = addDays(d, 1)) if (covers(d)) covered++;
          if (covered === 0) {
            assert.equal(p, undefined);
            return;
          }
          assert.ok(p);
          assert.equal(p.dagen, covered);
          assert.ok(p.bedrag >= 0 && p.bedrag <= amount);
          assert.ok(Number.isSafeInteger(p.bedrag));
          const inMonth = toEpochDay(m.last) - toEpochDay(m.first) + 1;
          if (covered === inMonth) assert.equal(p.bedrag, amount);
          else assert.ok(Math.abs(p.bedrag * inMonth - amount * covered) * 2 <= inMonth, 'rounded to the nearest cent');
        },
      ),
    );
  });
});
