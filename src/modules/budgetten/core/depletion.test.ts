import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { depletion, monthsBetween, type DepletionInput } from './depletion.ts';
import { addDays, date, toEpochDay } from '../../../kernel/dates.ts';

function input(over: Partial<DepletionInput> = {}): DepletionInput {
  return {
    ingangsdatum: date('2026-01-01'),
    einddatum: date('2026-12-31'),
    toegekend: 1_200_000,
    besteedPerMaand: {},
    vandaag: date('2026-07-01'),
    ...over,
  };
}

describe('monthsBetween', () => {
  test('every month from the first to the last, across a year end', () => {
    assert.deepEqual(monthsBetween(date('2025-11-15'), date('2026-02-01')), ['2025-11', '2025-12', '2026-01', '2026-02']);
  });
  test('one month when both dates fall in it', () => {
    assert.deepEqual(monthsBetween(date('2026-03-02'), date('2026-03-30')), ['2026-03']);
  });
});

describe('depletion', () => {
  test('spent per month over the whole allocation period, with cumulative and what is left', () => {
    const d = depletion(input({ besteedPerMaand: { '2026-01': 100_000, '2026-03': 50_000 } }));
    assert.equal(d.maanden.length, 12);
    assert.deepEqual(d.maanden.slice(0, 4), [
      { maand: '2026-01', besteed: 100_000, cumulatief: 100_000, resterend: 1_100_000 },
      { maand: '2026-02', besteed: 0, cumulatief: 100_000, resterend: 1_100_000 },
      { maand: '2026-03', besteed: 50_000, cumulatief: 150_000, resterend: 1_050_000 },
      { maand: '2026-04', besteed: 0, cumulatief: 150_000, resterend: 1_050_000 },
    ]);
    assert.equal(d.maanden.at(-1)!.maand, '2026-12');
    assert.equal(d.besteed, 150_000);
    assert.equal(d.resterend, 1_050_000);
    assert.equal(d.percentage_besteed, 13); // 12.5 % rounds half away from zero
  });

  test('at the pace so far the budget runs out before the end: the expected date', () => {
    // 1 January to 10 January is 10 days; 300.00 spent is 30.00 a day; 2700.00 left lasts 90 days
    const d = depletion(input({ toegekend: 300_000, besteedPerMaand: { '2026-01': 30_000 }, vandaag: date('2026-01-10') }));
    assert.equal(d.verwachte_uitputting, '2026-04-10');
    assert.equal(d.toereikend, false);
    assert.equal(d.uitgeput, false);
    // 30.00 a day × 365.25 / 12 = 913.125 → 913.13
    assert.equal(d.tempo_per_maand, 91_313);
  });

  test('a run-out date is rounded up to a whole day', () => {
    // 10 days, 70.00 spent → 7.00 a day; 100.00 left lasts 14.28… days → 15
    const d = depletion(input({ toegekend: 17_000, besteedPerMaand: { '2026-01': 7_000 }, vandaag: date('2026-01-10') }));
    assert.equal(d.verwachte_uitputting, '2026-01-25');
  });

  test('at a pace that lasts the period: no run-out date, sufficient', () => {
    const d = depletion(input({ besteedPerMaand: { '2026-01': 50_000, '2026-02': 50_000, '2026-03': 50_000 }, vandaag: date('2026-04-01') }));
    assert.equal(d.verwachte_uitputting, null);
    assert.equal(d.toereikend, true);
  });

  test('running out exactly on the last day still gives that date', () => {
    // 31 days in January, 31.00 spent: 1.00 a day; 334.00 left lasts 334 days: 1 Feb … 31 Dec
    const d = depletion(input({ toegekend: 36_500, besteedPerMaand: { '2026-01': 3_100 }, vandaag: date('2026-01-31') }));
    assert.equal(d.verwachte_uitputting, '2026-12-31');
    assert.equal(d.toereikend, false);
  });

  test('a pace so slow that the rest would last thousands of years: no date (regression: such a date compared as text before the end)', () => {
    const d = depletion(input({ toegekend: 2_912_444, besteedPerMaand: { '2026-01': 1 }, vandaag: date('2026-01-01') }));
    assert.equal(d.verwachte_uitputting, null);
    assert.equal(d.toereikend, true);
  });

  test('nothing spent yet: no pace to run out at', () => {
    const d = depletion(input({ vandaag: date('2026-02-15') }));
    assert.equal(d.tempo_per_maand, 0);
    assert.equal(d.verwachte_uitputting, null);
    assert.equal(d.toereikend, true);
    assert.equal(d.percentage_besteed, 0);
  });

  test('before the period starts there is no pace and no forecast', () => {
    const d = depletion(input({ vandaag: date('2025-12-01') }));
    assert.equal(d.tempo_per_maand, null);
    assert.equal(d.verwachte_uitputting, null);
    assert.equal(d.toereikend, null);
    assert.equal(d.maanden.length, 12);
  });

  test('a period that has ended: the pace over the whole period, no forecast', () => {
    const d = depletion(input({ einddatum: date('2026-01-31'), toegekend: 100_000, besteedPerMaand: { '2026-01': 62_000 }, vandaag: date('2026-06-01') }));
    assert.equal(d.verwachte_uitputting, null);
    assert.equal(d.toereikend, true);
    // 62_000 over 31 days × 1461/48 = 60_875 … exact: 62_000 × 1461 / 1488
    assert.equal(d.tempo_per_maand, Math.round((62_000 * 1461) / 1488));
  });

  test('used up: exhausted, not sufficient, no date', () => {
    const d = depletion(input({ toegekend: 100_000, besteedPerMaand: { '2026-01': 60_000, '2026-02': 40_000 }, vandaag: date('2026-03-01') }));
    assert.equal(d.uitgeput, true);
    assert.equal(d.resterend, 0);
    assert.equal(d.verwachte_uitputting, null);
    assert.equal(d.toereikend, false);
    assert.equal(d.percentage_besteed, 100);
  });

  test('a withdrawn budget (0.00): nothing allocated, no percentage', () => {
    const d = depletion(input({ toegekend: 0 }));
    assert.equal(d.percentage_besteed, null);
    assert.equal(d.uitgeput, true);
  });

  test('property: the months add up to what was spent, and a run-out date lies after today within the period', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 364 }),
        fc.integer({ min: 1, max: 5_000_000 }),
        fc.array(fc.integer({ min: 0, max: 200_000 }), { minLength: 12, maxLength: 12 }),
        (offset, toegekend, perMonth) => {
          const vandaag = addDays(date('2026-01-01'), offset);
          const spent: Record<string, number> = {};
          perMonth.forEach((v, i) => {
            const m = `2026-${String(i + 1).padStart(2, '0')}`;
            if (m <= vandaag.slice(0, 7)) spent[m] = v;
          });
          const d = depletion(input({ toegekend, besteedPerMaand: spent, vandaag }));
          assert.equal(d.maanden.at(-1)!.cumulatief, d.besteed);
          assert.equal(d.resterend, toegekend - d.besteed);
          if (d.verwachte_uitputting !== null) {
            assert.ok(d.verwachte_uitputting > vandaag);
            assert.ok(d.verwachte_uitputting <= '2026-12-31');
            assert.equal(d.toereikend, false);
            // at the pace so far, the day before the run-out date still leaves something
            const elapsed = toEpochDay(vandaag) - toEpochDay(date('2026-01-01')) + 1;
            const daysLeft = toEpochDay(d.verwachte_uitputting) - toEpochDay(vandaag);
            assert.ok(d.besteed * (daysLeft - 1) < d.resterend * elapsed);
            assert.ok(d.besteed * daysLeft >= d.resterend * elapsed);
          }
        },
      ),
    );
  });
});
