import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Cents, Quarters } from '../../../kernel/money.ts';
import type { PlainDate } from '../../../kernel/dates.ts';
import { loonGrondslag, verdeelInhouding, verschil, type LoonRegel } from './loonrun.ts';
import { berekenLoonstrook } from './loonstrook.ts';
import { controleerLoonafspraak, keuzeMogelijk } from './afspraak.ts';
import { minimumloonAfspraakfout, minimumloonClaimfout, werkgeverslastenRaming } from './controles.ts';

const c = (n: number) => n as Cents;
const regel = (id: string, datum: string, uren: number, tarief: number, bedrag?: number): LoonRegel => ({
  declaratieId: id, datum, kwartieren: uren * 4, eenheid: 'uur', tarief: c(tarief), bedrag: c(bedrag ?? Math.round(uren * tarief)),
});

test('payslip 5: a correction — a later claim for April recomputes April and settles the difference', () => {
  // Version 1: 60 h × 17.28 = 1,036.80, no tax credit, flexible contract, 3 days (insured from 2026):
  //   tax 370.04, net 666.76, premiums 229.44 (hand-computed as payslip 2 in loonstrook.test.ts).
  // Version 2 after 10 more hours: 70 h × 17.28 = 1,209.60:
  //   holiday pay 1,209.60 × 8/108 = 89.60; wage 1,120.00; × 12 = 13,440 → floor(13,440 / 54) × 54 =
  //   13,392 → table wage 1,116.00; bracket tax 13,392 × 35.75% = 4,787.64 → 4,787 → / 12 = 398.92
  //   special rate without credits (annual wage 14,515.20 in the first bracket): 89.60 × 35.75% =
  //   32.032 → 32.03; tax 430.95; net 1,209.60 − 430.95 = 778.65
  //   premiums: AWf 7.74% 93.62304 → 93.62; Aof 6.27% 75.84192 → 75.84; Wko 0.50% 6.048 → 6.05;
  //   Whk 1.52% 18.38592 → 18.39; Zvw 6.10% 73.7856 → 73.79; total 267.69
  // Difference: gross +172.80, tax +60.91, premiums +38.25; the late claim is paid 172.80 − 60.91 =
  //   111.89 = 778.65 − 666.76.
  const invoer = { maand: '2026-04', geboortedatum: '1990-04-10' as PlainDate, heffingskorting: false, dagenPerWeek: 3, schriftelijkVastContract: false };
  const v1 = berekenLoonstrook({ ...invoer, loon: loonGrondslag(Array.from({ length: 10 }, (_, i) => regel('A', `2026-04-0${i}`, 6, 1728))) });
  const regels2 = [...Array.from({ length: 10 }, (_, i) => regel('A', `2026-04-0${i}`, 6, 1728)), ...Array.from({ length: 5 }, (_, i) => regel('B', `2026-04-2${i}`, 2, 1728))];
  const v2 = berekenLoonstrook({ ...invoer, loon: loonGrondslag(regels2) });
  assert.deepEqual([v1.brutoloon, v1.loonheffing, v1.nettoloon, v1.werkgeverspremies], [103680, 37004, 66676, 22944]);
  assert.deepEqual([v2.brutoloon, v2.vakantiegeld, v2.tabel.tabelloon, v2.loonheffingTabel, v2.loonheffingBijzonder, v2.loonheffing, v2.nettoloon], [120960, 8960, 111600, 39892, 3203, 43095, 77865]);
  assert.deepEqual(v2.premies, { awf: 9362, aof: 7584, wko: 605, ufo: 0, whk: 1839, zvw: 7379 });
  const d = verschil(v2, v1);
  assert.deepEqual(d, { brutoloon: 17280, loonheffing: 6091, werkgeverspremies: 3825 });
  const { aandelen, rest } = verdeelInhouding(d.loonheffing, [{ sleutel: 'B', bruto: c(17280) }]);
  assert.deepEqual(aandelen, [{ sleutel: 'B', ingehouden: 6091 }]);
  assert.equal(rest, 0);
  assert.equal(17280 - aandelen[0]!.ingehouden, v2.nettoloon - v1.nettoloon);
});

test('wage basis: hours at one rate, else a monthly amount (with hours for the minimum-wage check)', () => {
  assert.deepEqual(loonGrondslag([regel('A', '2026-04-01', 6, 1728), regel('A', '2026-04-02', 2, 1728)]), { soort: 'uren', uren: 32 as Quarters, uurloon: 1728 });
  // two rates: 6 × 17.28 + 2 × 20.00 = 143.68
  assert.deepEqual(loonGrondslag([regel('A', '2026-04-01', 6, 1728), regel('A', '2026-04-02', 2, 2000)]), { soort: 'maandbedrag', bedrag: 14368, uren: 32 });
  // per-line rounding differing from hours × rate: 0.25 h × 17.27 = 4.3175 → 4.32 twice = 8.64, 0.5 × 17.27 = 8.635 → 8.64 (equal here)
  // and 0.25 h × 17.26 = 4.315 → 4.32 twice = 8.64 vs 0.5 h × 17.26 = 8.63: not hours × rate
  assert.equal(loonGrondslag([regel('A', '2026-04-01', 0.25, 1726, 432), regel('A', '2026-04-02', 0.25, 1726, 432)]).soort, 'maandbedrag');
  assert.deepEqual(loonGrondslag([{ declaratieId: 'M', datum: '2026-03-01', kwartieren: 4, eenheid: 'maand', tarief: c(216000), bedrag: c(216000) }]), { soort: 'maandbedrag', bedrag: 216000 });
});

test('withholding is spread over the claims by gross, exactly, never above their gross', () => {
  const { aandelen, rest } = verdeelInhouding(100, [{ sleutel: 'a', bruto: c(1000) }, { sleutel: 'b', bruto: c(1000) }, { sleutel: 'c', bruto: c(1000) }]);
  assert.deepEqual(aandelen.map((a) => a.ingehouden), [34, 33, 33]);
  assert.equal(rest, 0);
  const capped = verdeelInhouding(500, [{ sleutel: 'a', bruto: c(100) }, { sleutel: 'b', bruto: c(300) }]);
  assert.deepEqual(capped.aandelen.map((a) => a.ingehouden), [100, 300]);
  assert.equal(capped.rest, 100);
  const refund = verdeelInhouding(-10, [{ sleutel: 'a', bruto: c(100) }, { sleutel: 'b', bruto: c(300) }]);
  assert.deepEqual(refund.aandelen.map((a) => a.ingehouden), [-3, -7]); // -2.5 → -3 (larger remainder first, then order), -7.5 → -7
  assert.equal(verdeelInhouding(42, []).rest, 42);
});

test('payroll choice: required from 4 days, optional below, never for other agreements', () => {
  const keuze = (dagen: number, loon: boolean, korting = false) => ({ dagenPerWeek: dagen, loonadministratie: loon, heffingskorting: korting, vastContract: false });
  assert.deepEqual(controleerLoonafspraak('arbeidsovereenkomst', keuze(4, true, true)), []);
  assert.equal(controleerLoonafspraak('arbeidsovereenkomst', keuze(4, false))[0]?.veld, 'loonadministratie');
  assert.deepEqual(controleerLoonafspraak('arbeidsovereenkomst', keuze(3, false)), []);
  assert.deepEqual(controleerLoonafspraak('arbeidsovereenkomst', keuze(3, true)), []);
  for (const soort of ['opdracht', 'familie', 'instelling'] as const) {
    assert.equal(controleerLoonafspraak(soort, keuze(5, true)).length, 1, soort);
    assert.deepEqual(controleerLoonafspraak(soort, keuze(5, false)), [], soort);
  }
  assert.equal(controleerLoonafspraak('arbeidsovereenkomst', keuze(3, false, true))[0]?.veld, 'heffingskorting');
  assert.equal(controleerLoonafspraak('arbeidsovereenkomst', keuze(0, true))[0]?.veld, 'dagen_per_week');
  assert.equal(controleerLoonafspraak('arbeidsovereenkomst', keuze(8, true))[0]?.veld, 'dagen_per_week');
  assert.equal(keuzeMogelijk('arbeidsovereenkomst', 3), true);
  assert.equal(keuzeMogelijk('arbeidsovereenkomst', 4), false);
  assert.equal(keuzeMogelijk('familie', 2), false);
});

test('minimum wage on claim lines and agreements: employment and family agreements by the hour', () => {
  // born 2007-06-01: 18 on 2026-03-02 (min 7.36 excl. → 7.95 incl.), 19 from 2026-06-01 (min 8.83 → 9.54 incl.: 8.83 × 1.08 = 9.5364)
  const a = { soort: 'familie' as const, eenheid: 'uur', geboortedatum: '2007-06-01' as PlainDate };
  const line = (datum: string, tarief: number) => ({ regelnr: 1, datum: datum as PlainDate, tarief: c(tarief) });
  assert.equal(minimumloonClaimfout(a, [line('2026-03-02', 795)]), undefined);
  assert.match(minimumloonClaimfout(a, [line('2026-03-02', 794)])!, /^Regel 1 \(2026-03-02\): .*18 jaar/);
  assert.match(minimumloonClaimfout(a, [line('2026-06-01', 795)])!, /19 jaar/);
  assert.equal(minimumloonClaimfout({ ...a, soort: 'opdracht' }, [line('2026-03-02', 100)]), undefined);
  assert.equal(minimumloonClaimfout({ ...a, eenheid: 'dagdeel' }, [line('2026-03-02', 100)]), undefined);
  assert.equal(minimumloonClaimfout({ ...a, geboortedatum: null }, [line('2026-03-02', 100)]), undefined);
  assert.equal(minimumloonClaimfout({ ...a, geboortedatum: '1990-01-01' as PlainDate }, [line('2020-03-02', 100)]), undefined); // no parameters before 2025: not checked
  assert.match(minimumloonClaimfout(a, [line('2020-03-02', 100)])!, /12 jaar.*handmatig/); // under 15: referred to a person
  assert.match(minimumloonClaimfout(a, [line('2007-05-31', 100)])!, /vóór de geboortedatum/);
  assert.match(minimumloonAfspraakfout({ soort: 'arbeidsovereenkomst', eenheid: 'uur', tarief: c(900), ingangsdatum: '2026-01-01' as PlainDate, geboortedatum: '2007-06-01' as PlainDate }, '2026-07-01' as PlainDate)!, /^Op 2026-07-01: .*19 jaar/);
});

test('premium estimate for the claim check: each premium rounded up, never below the payslip', () => {
  // 2,160.00, permanent contract, 5 days: 59.184 → 59.19, 135.432 → 135.44, 10.80, 32.832 → 32.84, 131.76
  assert.equal(werkgeverslastenRaming(216000, '2026-03-01' as PlainDate, { dagenPerWeek: 5, vastContract: true }), 37003);
  // a short week in 2025 is not insured: only the Zvw levy (6.51%): 2,160.00 × 6.51% = 140.616 → 140.62
  assert.equal(werkgeverslastenRaming(216000, '2025-03-01' as PlainDate, { dagenPerWeek: 3, vastContract: true }), 14062);
  for (const bruto of [1, 99, 12345, 216000, 1036_80]) {
    const s = berekenLoonstrook({ maand: '2026-03', loon: { soort: 'maandbedrag', bedrag: c(bruto) }, geboortedatum: '1990-01-01' as PlainDate, heffingskorting: true, dagenPerWeek: 3, schriftelijkVastContract: false });
    assert.ok(werkgeverslastenRaming(bruto, '2026-03-01' as PlainDate, { dagenPerWeek: 3, vastContract: false }) >= s.werkgeverspremies);
  }
});
