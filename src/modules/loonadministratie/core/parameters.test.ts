import { test } from 'node:test';
import assert from 'node:assert/strict';
import { divRound } from '../../../kernel/money.ts';
import { addDays, type PlainDate } from '../../../kernel/dates.ts';
import { E5, e5NaarEuroOmlaag, euroE5, maalE5, procent } from './breuk.ts';
import { afgeleideBijzonderTariefKolom } from './bijzonderTariefAfleiding.ts';
import { GeenParametersFout, PARAMETERSETS, minimumloonPeriode, parametersFor, type LoonheffingKolom } from './parameters.ts';

const d = (s: string) => s as PlainDate;

function kolommen(): [string, LoonheffingKolom][] {
  const uit: [string, LoonheffingKolom][] = [];
  for (const set of PARAMETERSETS) {
    const jaar = set.geldigVanaf.slice(0, 4);
    uit.push([`${jaar} onder AOW`, set.onderAow]);
    if (set.aow) uit.push([`${jaar} AOW`, set.aow]);
    if (set.aowGeborenVoor1946) uit.push([`${jaar} AOW vóór 1946`, set.aowGeborenVoor1946]);
  }
  return uit;
}

test('parametersFor finds the set of the date and refuses dates without one', () => {
  assert.equal(parametersFor(d('2026-01-01')).geldigVanaf, '2026-01-01');
  assert.equal(parametersFor(d('2026-12-31')).geldigVanaf, '2026-01-01');
  assert.equal(parametersFor(d('2025-12-31')).geldigVanaf, '2025-01-01');
  assert.throws(() => parametersFor(d('2024-12-31')), GeenParametersFout);
  assert.throws(() => parametersFor(d('2027-01-01')), /geen loonparameters voor 2027-01-01/);
});

test('parameter sets are contiguous and every group names its source', () => {
  for (let i = 1; i < PARAMETERSETS.length; i++) {
    assert.equal(addDays(PARAMETERSETS[i - 1]!.geldigTot, 1), PARAMETERSETS[i]!.geldigVanaf);
  }
  for (const set of PARAMETERSETS) {
    assert.ok(set.bron.length > 0);
    for (const h of [set.tabelloon.herkomst, set.onderAow.herkomst, set.premies.herkomst, set.bijzonderTarief.herkomst, set.vakantiegeld.herkomst, set.kortewekeVerzekerd.herkomst]) {
      assert.ok(h.bron.length > 10, 'bron ontbreekt');
    }
    // the minimum-wage periods cover the whole set without gaps
    assert.equal(set.minimumloon[0]!.geldigVanaf, set.geldigVanaf);
    assert.equal(set.minimumloon[set.minimumloon.length - 1]!.geldigTot, set.geldigTot);
    for (let i = 1; i < set.minimumloon.length; i++) {
      assert.equal(addDays(set.minimumloon[i - 1]!.geldigTot, 1), set.minimumloon[i]!.geldigVanaf);
    }
  }
});

test('cumulative tax at each bracket start = previous cumulative + bracket, rounded down', () => {
  // 2026: 38,883 × 35.75% = 13,900.6725 → 13,900; 13,900 + 39,543 × 37.56% = 28,752.3508 → 28,752.
  // (Rounding the running total, not the unrounded 13,900.6725, is what gives the published 28,752.)
  for (const [naam, kolom] of kolommen()) {
    for (let i = 1; i < kolom.schijven.length; i++) {
      const vorige = kolom.schijven[i - 1]!;
      const s = kolom.schijven[i]!;
      const verwacht = e5NaarEuroOmlaag(euroE5(vorige.cumulatief) + maalE5(s.vanaf - vorige.vanaf, vorige.tarief));
      assert.equal(s.cumulatief, verwacht, `${naam}, schijf ${i + 1}`);
    }
  }
});

test('labour-credit segment maxima follow from the build-up, and the nil points from the tapers', () => {
  for (const [naam, kolom] of kolommen()) {
    const { opbouw, afbouw } = kolom.ark;
    for (let i = 0; i < opbouw.length; i++) {
      const s = opbouw[i]!;
      const einde = opbouw[i + 1]?.vanaf ?? afbouw.vanaf;
      const bereikt = euroE5(s.basis) + maalE5(einde - s.vanaf, s.tarief);
      // the stated maximum is the build-up at the segment's end, within one euro
      assert.ok(Math.abs(bereikt - euroE5(s.maximum)) <= E5, `${naam}, segment ${i + 1}`);
      if (opbouw[i + 1]) assert.equal(opbouw[i + 1]!.basis, s.maximum);
    }
    const max = opbouw[opbouw.length - 1]!.maximum;
    const nul = afbouw.vanaf + divRound(max * afbouw.tarief.noemer, afbouw.tarief.teller);
    assert.ok(Math.abs(nul - afbouw.nulBoven) <= 60, `${naam}: ARK-nulpunt ${nul} vs ${afbouw.nulBoven}`);
    const a = kolom.ahk;
    const ahkNul = a.afbouwVanaf + divRound(a.maximum * a.afbouw.noemer, a.afbouw.teller);
    assert.ok(Math.abs(ahkNul - a.nulBoven) <= 60, `${naam}: AHK-nulpunt ${ahkNul} vs ${a.nulBoven}`);
  }
});

test('the approximate special-rate rows equal their derivation (regenerate when parameters change)', () => {
  for (const set of PARAMETERSETS) {
    const t = set.bijzonderTarief;
    assert.equal(t.benadering, true);
    assert.match(t.herkomst.toelichting ?? '', /benadering — te controleren tegen de officiële tabel bijzondere beloningen/);
    const paren: [string, LoonheffingKolom | undefined, typeof t.onderAow | undefined][] = [
      ['onder AOW', set.onderAow, t.onderAow],
      ['AOW', set.aow, t.aow],
      ['AOW vóór 1946', set.aowGeborenVoor1946, t.aowGeborenVoor1946],
    ];
    for (const [naam, kolom, rijen] of paren) {
      assert.equal(kolom === undefined, rijen === undefined, `${set.geldigVanaf} ${naam}`);
      if (!kolom || !rijen) continue;
      const afgeleid = afgeleideBijzonderTariefKolom(kolom);
      const vorm = (r: readonly { vanaf: number; tarief: { tekst: string } }[]) => r.map((x) => [x.vanaf, x.tarief.tekst]);
      assert.deepEqual(vorm(rijen.metHeffingskorting), vorm(afgeleid.metHeffingskorting), `${set.geldigVanaf} ${naam} met`);
      assert.deepEqual(vorm(rijen.zonderHeffingskorting), vorm(afgeleid.zonderHeffingskorting), `${set.geldigVanaf} ${naam} zonder`);
    }
  }
});

test('youth minimum wages are the youth percentages of the adult amount, rounded to cents', () => {
  // Jan 2026: 14.71 × 80% = 11.768 → 11.77; × 60% = 8.826 → 8.83; × 50% = 7.355 → 7.36;
  // × 39.5% = 5.81045 → 5.81; × 34.5% = 5.07495 → 5.07; × 30% = 4.413 → 4.41 (the document's amounts)
  const pct = { 20: procent('80'), 19: procent('60'), 18: procent('50'), 17: procent('39.5'), 16: procent('34.5'), 15: procent('30') };
  for (const set of PARAMETERSETS) {
    for (const m of set.minimumloon) {
      for (const [leeftijd, p] of Object.entries(pct)) {
        const verwacht = divRound(m.perUur[21] * p.teller, p.noemer);
        assert.equal(m.perUur[Number(leeftijd) as 20], verwacht, `${m.geldigVanaf} leeftijd ${leeftijd}`);
      }
    }
  }
  assert.equal(minimumloonPeriode(d('2026-01-01')).perUur[21], 1471);
  assert.equal(minimumloonPeriode(d('2026-07-01')).teBevestigen, true);
  assert.equal(minimumloonPeriode(d('2025-06-30')).perUur[21], 1406);
  assert.equal(minimumloonPeriode(d('2025-07-01')).perUur[21], 1440);
});

test('percentages are exact fractions', () => {
  assert.deepEqual(procent('31.009'), { teller: 31009, noemer: 100000, tekst: '31.009' });
  assert.deepEqual(procent('8'), { teller: 8, noemer: 100, tekst: '8' });
  assert.throws(() => procent('1.2345'));
  assert.throws(() => procent('0.1e2'));
});
