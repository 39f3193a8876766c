import { test } from 'node:test';
import assert from 'node:assert/strict';
import { date } from '../../../kernel/dates.ts';
import { cents } from '../../../kernel/money.ts';
import { proposeMatches } from './matching.ts';
import { settleAgainstAdvance, setOff } from './settlement.ts';
import { leadTimeStats } from './lead-time.ts';
import { isSpoedOorzaak, SPOED_OORZAKEN } from './causes.ts';

const adv = (id: string, bh: string, zv: string, van: string, tot: string) => ({
  id, budgethouderId: bh, zorgverlenerId: zv, van: date(van), tot: date(tot), bedrag: cents(10000),
});

test('matching: one advance and one claim is automatic; ambiguity goes to a person; others are left out', () => {
  const advances = [adv('A1', 'b1', 'z1', '2026-03-01', '2026-03-31'), adv('A2', 'b2', 'z2', '2026-03-01', '2026-03-31'), adv('A3', 'b2', 'z2', '2026-03-01', '2026-03-31')];
  const claims = [
    adv('C1', 'b1', 'z1', '2026-03-01', '2026-03-15'),
    adv('C2', 'b2', 'z2', '2026-03-02', '2026-03-31'),
    adv('C3', 'b1', 'z2', '2026-03-01', '2026-03-15'), // other provider
    adv('C4', 'b1', 'z1', '2026-02-20', '2026-03-15'), // outside the period
  ];
  assert.deepEqual(proposeMatches(advances, claims), [
    { kind: 'automatisch', advanceId: 'A1', claimId: 'C1' },
    { kind: 'handmatig', advanceIds: ['A2', 'A3'], claimIds: ['C2'] },
  ]);
  // Two claims for one advance: a person decides.
  assert.deepEqual(proposeMatches([advances[0]!], [claims[0]!, adv('C5', 'b1', 'z1', '2026-03-16', '2026-03-31')]), [
    { kind: 'handmatig', advanceIds: ['A1'], claimIds: ['C1', 'C5'] },
  ]);
});

test('settlement against an advance: larger claim pays the difference, smaller leaves a recovery', () => {
  assert.deepEqual(settleAgainstAdvance(cents(15000), cents(10000)), { verrekend: 10000, teBetalen: 5000, terugTeVorderen: 0 });
  assert.deepEqual(settleAgainstAdvance(cents(7550), cents(10000)), { verrekend: 7550, teBetalen: 0, terugTeVorderen: 2450 });
  assert.throws(() => settleAgainstAdvance(-1 as never, cents(1)));
});

test('set-off: oldest recovery first, never more than gross or open', () => {
  const r = setOff(cents(12000), [
    { id: 'V2', vastgesteld: '2026-02-01', open: cents(9000) },
    { id: 'V1', vastgesteld: '2026-01-15', open: cents(5000) },
  ]);
  assert.deepEqual(r, { bruto: 12000, verrekend: 12000, netto: 0, perVordering: [{ vorderingId: 'V1', bedrag: 5000 }, { vorderingId: 'V2', bedrag: 7000 }] });
  assert.deepEqual(setOff(cents(3000), [{ id: 'V1', vastgesteld: '2026-01-15', open: cents(1000) }]).netto, 2000);
  assert.deepEqual(setOff(cents(3000), []), { bruto: 3000, verrekend: 0, netto: 3000, perVordering: [] });
});

test('lead time: hand-computed shares within 24/36/48/60/72 hours', () => {
  const t0 = new Date('2026-03-02T09:00:00Z');
  const at = (h: number) => ({ aangevraagd: t0, betaald: new Date(t0.getTime() + h * 3600000) });
  // 10, 24 (inclusive), 30, 50, 80 hours: within 24 → 2, 36 → 3, 48 → 3, 60 → 4, 72 → 4 of 5.
  const s = leadTimeStats([at(10), at(24), at(30), at(50), at(80)]);
  assert.equal(s.aantal, 5);
  assert.equal(s.gemiddeldMinuten, (194 / 5) * 60);
  assert.deepEqual(s.binnen.map((b) => [b.uren, b.aantal, b.aandeelBp]), [[24, 2, 4000], [36, 3, 6000], [48, 3, 6000], [60, 4, 8000], [72, 4, 8000]]);
  assert.throws(() => leadTimeStats([at(-1)]));
  assert.deepEqual(leadTimeStats([]).gemiddeldMinuten, null);
});

test('causes: the eleven categories of seed 000 table 6', () => {
  assert.equal(Object.keys(SPOED_OORZAKEN).length, 11);
  assert.ok(isSpoedOorzaak('OVERIG'));
  assert.ok(!isSpoedOorzaak('toString'));
});
