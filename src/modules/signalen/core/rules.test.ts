import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PlainDate } from '../../../kernel/dates.ts';
import { afterDeathSignals, budgetSignals, defaultWindow, evidenceForFunder, hoursJumpSignals, hoursPerDaySignals, jumpLookback, manyHoldersSignals, sameHoursSignals, type BudgetFact, type HourLine, type ProviderMonthFact } from './rules.ts';

const d = (s: string) => s as PlainDate;

const budget = (over: Partial<BudgetFact>): BudgetFact => ({
  budget_id: 'T-1', verstrekker: 'GM0001', budgethouder_id: 1, clientnummer: 1000001, wet: 'WMO_HH',
  ingangsdatum: d('2026-01-01'), einddatum: d('2026-12-31'), toegekend: 1200_00, besteedPerMaand: {}, ...over,
});

test('budget signal: runs out before the end at the pace so far, or less than the set share is left', () => {
  // 365 days, 1200.00. By 31 March (90 days) 600.00 spent: 6.67 a day; the 600.00 left lasts 90 more days → 29 June
  const fast = budget({ besteedPerMaand: { '2026-01': 200_00, '2026-02': 200_00, '2026-03': 200_00 } });
  const [s] = budgetSignals([fast], { vandaag: d('2026-03-31'), restantProcent: 10 });
  assert.equal(s!.soort, 'budget_uitputting');
  assert.equal(s!.onderwerp, 'budget:T-1');
  assert.equal(s!.periode, '2026-03');
  assert.deepEqual(s!.verstrekkers, ['GM0001']);
  assert.equal(s!.bewijs.verwachte_uitputting, '2026-06-29');
  assert.equal(s!.bewijs.resterend, 600_00);
  assert.match(s!.omschrijving, /op 29 juni 2026, vóór het einde op 31 december 2026/);
  assert.match(s!.omschrijving, /^Budget (Wet langdurige zorg|Wmo [a-z ]+|Jeugdwet) van cliënt/, 'the law by its name, not its code');
  // 270.00 in 90 days is 3.00 a day: the 930.00 left lasts 310 days, past the end: no signal.
  // (100.00 a month would not do: 3.33 a day runs out on 26 December, five days early.)
  const calm = budget({ besteedPerMaand: { '2026-01': 90_00, '2026-02': 90_00, '2026-03': 90_00 } });
  assert.deepEqual(budgetSignals([calm], { vandaag: d('2026-03-31'), restantProcent: 10 }), []);
  // one big claim in January, nothing since: the pace says it lasts, but 8% is left (< 10%)
  const low = budget({ besteedPerMaand: { '2026-01': 1104_00 } });
  const [l] = budgetSignals([low], { vandaag: d('2026-12-01'), restantProcent: 10 });
  assert.equal(l!.bewijs.procent_resterend, 8);
  assert.match(l!.omschrijving, /nog 8% over, minder dan 10%/);
  assert.deepEqual(budgetSignals([low], { vandaag: d('2026-12-01'), restantProcent: 5 }), []);
  // all spent
  assert.match(budgetSignals([budget({ besteedPerMaand: { '2026-02': 1200_00 } })], { vandaag: d('2026-03-01'), restantProcent: 10 })[0]!.omschrijving, /het budget is op/);
  // not active on the day: nothing
  assert.deepEqual(budgetSignals([fast], { vandaag: d('2027-01-05'), restantProcent: 10 }), []);
});

const line = (over: Partial<HourLine>): HourLine => ({
  declaratie_id: 'D', regelnr: 1, budgethouder_id: 1, clientnummer: 1000001, zorgverlener_id: 'ZV1', zorgverlener_soort: 'zzp', datum: d('2026-03-02'), kwartieren: 40, verstrekkers: ['GM0001'], ...over,
});

test('more than 24 hours on one day for one holder, across providers', () => {
  const lines = [
    line({ declaratie_id: 'A', zorgverlener_id: 'ZV1', kwartieren: 14 * 4 }),
    line({ declaratie_id: 'B', zorgverlener_id: 'ZV2', kwartieren: 11 * 4 }), // 25 hours on 2 March
    line({ declaratie_id: 'C', zorgverlener_id: 'ZV2', kwartieren: 24 * 4, datum: d('2026-03-03') }), // exactly 24: fine
  ];
  const s = hoursPerDaySignals(lines);
  assert.equal(s.length, 1);
  assert.equal(s[0]!.onderwerp, 'budgethouder:1');
  assert.equal(s[0]!.periode, '2026-03-02');
  assert.equal(s[0]!.bewijs.totaal_uren, 25);
  assert.deepEqual((s[0]!.bewijs.regels as { declaratie_id: string }[]).map((r) => r.declaratie_id), ['A', 'B']);
});

test('a person claiming more than 24 hours on one day across holders; institutions are left out', () => {
  const lines = [
    line({ declaratie_id: 'A', budgethouder_id: 1, clientnummer: 11, kwartieren: 10 * 4, verstrekkers: ['GM0001'] }),
    line({ declaratie_id: 'B', budgethouder_id: 2, clientnummer: 12, kwartieren: 10 * 4, verstrekkers: ['ZK0001'] }),
    line({ declaratie_id: 'C', budgethouder_id: 3, clientnummer: 13, kwartieren: 6 * 4, verstrekkers: ['GM0001'] }), // 26 hours
    line({ declaratie_id: 'E', zorgverlener_id: 'ZV3', zorgverlener_soort: 'instelling', budgethouder_id: 1, kwartieren: 20 * 4 }),
    line({ declaratie_id: 'F', zorgverlener_id: 'ZV3', zorgverlener_soort: 'instelling', budgethouder_id: 2, kwartieren: 20 * 4 }),
  ];
  const s = sameHoursSignals(lines);
  assert.equal(s.length, 1);
  assert.equal(s[0]!.onderwerp, 'zorgverlener:ZV1');
  assert.deepEqual(s[0]!.verstrekkers, ['GM0001', 'ZK0001']);
  assert.equal(s[0]!.bewijs.dubbel_uren, 2);
  // what GM0001 sees: its two holders, and that there was one more
  const own = evidenceForFunder(s[0]!.bewijs, 'GM0001');
  assert.deepEqual((own.budgethouders as { clientnummer: number }[]).map((h) => h.clientnummer), [11, 13]);
  assert.equal(own.budgethouders_van_andere_verstrekkers, 1);
  assert.equal(own.totaal_uren, 26);
  // one holder alone over 24 hours with one person is the holder rule's (and the checks'), not this one
  assert.deepEqual(sameHoursSignals([line({ kwartieren: 25 * 4 })]), []);
});

test('care after death: one signal per claim, from the first day after death', () => {
  const s = afterDeathSignals([
    { declaratie_id: 'X', regelnr: 2, budgethouder_id: 4, clientnummer: 14, zorgverlener_id: 'ZV1', datum: d('2026-03-12'), overlijdensdatum: d('2026-03-10'), bedrag: 30_00, status: 'goedgekeurd', verstrekkers: ['GM0001'] },
    { declaratie_id: 'X', regelnr: 1, budgethouder_id: 4, clientnummer: 14, zorgverlener_id: 'ZV1', datum: d('2026-03-11'), overlijdensdatum: d('2026-03-10'), bedrag: 30_00, status: 'goedgekeurd', verstrekkers: ['GM0001'] },
    { declaratie_id: 'Y', regelnr: 1, budgethouder_id: 4, clientnummer: 14, zorgverlener_id: 'ZV1', datum: d('2026-03-10'), overlijdensdatum: d('2026-03-10'), bedrag: 30_00, status: 'betaald', verstrekkers: ['GM0001'] }, // the day itself: fine
  ]);
  assert.equal(s.length, 1);
  assert.deepEqual([s[0]!.onderwerp, s[0]!.periode, s[0]!.bewijs.bedrag], ['declaratie:X', '2026-03-11', 60_00]);
});

const fact = (over: Partial<ProviderMonthFact>): ProviderMonthFact => ({
  zorgverlener_id: 'ZV2', zorgverlener_soort: 'particulier', maand: '2026-03', budgethouder_id: 1, clientnummer: 11, verstrekkers: ['GM0001'], goedgekeurd: 1, kwartieren: 0, ...over,
});

test('a person paid by more holders in a month than usual for its kind', () => {
  const four = [1, 2, 3, 4].map((h) => fact({ budgethouder_id: h, clientnummer: 10 + h }));
  assert.equal(manyHoldersSignals(four, ['2026-03'])[0]!.bewijs.aantal_budgethouders, 4); // a private person: more than 3
  assert.deepEqual(manyHoldersSignals(four.slice(0, 3), ['2026-03']), []);
  assert.deepEqual(manyHoldersSignals(four.map((f) => ({ ...f, zorgverlener_soort: 'zzp' })), ['2026-03']), []); // self-employed: up to 12
  assert.deepEqual(manyHoldersSignals(four.map((f) => ({ ...f, zorgverlener_soort: 'instelling' })), ['2026-03']), []);
  assert.deepEqual(manyHoldersSignals(four.map((f) => ({ ...f, goedgekeurd: 0 })), ['2026-03']), []); // nothing approved or paid
  assert.deepEqual(manyHoldersSignals(four, ['2026-02']), []); // another month
});

test('a sharp jump in a provider\'s hours: twice the three months before and at least 40 hours more', () => {
  // Dec 40 h, Jan 40 h, Feb 40 h: average 40; March 100 h ≥ 80 and +60 ≥ 40 → signal
  const series = (march: number) => [
    fact({ maand: '2025-12', kwartieren: 40 * 4 }), fact({ maand: '2026-01', kwartieren: 40 * 4 }), fact({ maand: '2026-02', kwartieren: 40 * 4 }),
    fact({ maand: '2026-03', kwartieren: march * 4, budgethouder_id: 1 }),
  ];
  const [s] = hoursJumpSignals(series(100), ['2026-03']);
  assert.deepEqual([s!.onderwerp, s!.periode, s!.bewijs.uren, s!.bewijs.gemiddeld_ervoor], ['zorgverlener:ZV2', '2026-03', 100, 40]);
  assert.deepEqual(hoursJumpSignals(series(79), ['2026-03']), []); // less than twice
  // small numbers: 5 → 12 hours is more than twice but not 40 hours more
  assert.deepEqual(hoursJumpSignals([fact({ maand: '2026-02', kwartieren: 15 * 4 }), fact({ maand: '2026-03', kwartieren: 12 * 4 })], ['2026-03']), []);
  // a new provider (nothing in the three months before) is no jump
  assert.deepEqual(hoursJumpSignals([fact({ maand: '2026-03', kwartieren: 200 * 4 })], ['2026-03']), []);
  assert.equal(jumpLookback('2026-03'), '2025-12-01');
  assert.deepEqual(defaultWindow(d('2026-03-27')), { van: '2026-01-01', tot: '2026-03-27' });
});
