import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Cents } from '../../../kernel/money.ts';
import { parseEuros } from '../../../kernel/money.ts';
import type { PlainDate } from '../../../kernel/dates.ts';
import {
  bijzonderTariefLoonheffing,
  jaarbelasting,
  witteTabelLoonheffing,
  LoonheffingFout,
} from './loonheffing.ts';
import { parametersFor } from './parameters.ts';

const eur = (s: string): Cents => {
  const v = parseEuros(s);
  if (v === undefined) throw new Error(s);
  return v;
};
const d = (s: string) => s as PlainDate;

// The six test vectors of /work/shared/docs/payroll-2026.md: white monthly table 2026, below
// state-pension age. Columns: period wage, table wage, tax without credits, tax with credits,
// labour credit applied.
const VECTOREN: readonly [string, string, string, string, string][] = [
  ['2700.00', '2700.00', '965.25', '267.50', '452.33'],
  ['3000.00', '2997.00', '1071.42', '386.83', '458.17'],
  ['4000.00', '3996.00', '1442.17', '818.67', '461.00'],
  ['4000.50', '4000.50', '1443.83', '820.92', '460.67'],
  ['6502.50', '6502.50', '2383.58', '2083.58', '297.83'],
  ['11002.50', '11002.50', '4607.08', '4602.25', '4.83'],
];

for (const [loon, tabelloon, zonder, met, ark] of VECTOREN) {
  test(`witte maandtabel 2026: ${loon} reproduces the vector to the cent`, () => {
    const zonderKorting = witteTabelLoonheffing({
      periodeloon: eur(loon),
      tijdvak: 'maand',
      datum: d('2026-03-31'),
      heffingskorting: false,
    });
    assert.equal(zonderKorting.tabelloon, eur(tabelloon), 'tabelloon');
    assert.equal(zonderKorting.belastingZonderKortingen, eur(zonder), 'belasting zonder kortingen');
    assert.equal(zonderKorting.loonheffing, eur(zonder), 'loonheffing zonder loonheffingskorting');
    assert.equal(zonderKorting.arbeidskorting, 0);

    const metKorting = witteTabelLoonheffing({
      periodeloon: eur(loon),
      tijdvak: 'maand',
      datum: d('2026-03-31'),
      heffingskorting: true,
    });
    assert.equal(metKorting.tabelloon, eur(tabelloon));
    assert.equal(metKorting.belastingZonderKortingen, eur(zonder));
    assert.equal(metKorting.loonheffing, eur(met), 'loonheffing met loonheffingskorting');
    assert.equal(metKorting.arbeidskorting, eur(ark), 'verrekende arbeidskorting');
    assert.equal(metKorting.boventabel, false);
  });
}

test('vector 2 written out: 3,000.00 a month', () => {
  // 3,000.00 × 12 = 36,000; 36,000 / 54 = 666.67 → 666 × 54 = 35,964 → 2,997.00 a month
  // bracket 1: 35,964 × 35.75% = 12,857.13 → 12,857 (down) → / 12 = 1,071.4167 → 1,071.42
  // AHK: 3,115 − (35,964 − 29,736) × 6.398% = 3,115 − 398.46744 = 2,716.53256 → 2,717 (up)
  // ARK: 5,300 + (35,964 − 25,845) × 1.950% = 5,300 + 197.3205 = 5,497.3205 → 5,498 (up)
  // tax: 12,857 − 2,717 − 5,498 = 4,642 → / 12 = 386.8333 → 386.83; ARK 5,498 / 12 = 458.17
  const r = witteTabelLoonheffing({ periodeloon: eur('3000.00'), tijdvak: 'maand', datum: d('2026-01-01'), heffingskorting: true });
  assert.deepEqual(r.jaar, {
    tabelloon: 35_964,
    belastingZonderKortingen: 12_857,
    recht: { ahk: 2_717, ark: 5_498, ouderenkorting: 0 },
    toegepast: { ahk: 2_717, ark: 5_498, ouderenkorting: 0 },
    belasting: 4_642,
  });
  assert.equal(r.algemeneHeffingskorting, eur('226.42'));
});

test('the per-period credits are informative; the tax is (annual tax − annual credits) / 12', () => {
  // 4,000.50: 1,443.83 − 162.25 − 460.67 = 820.91, but (17,326 − 1,947 − 5,528) / 12 = 820.92
  const r = witteTabelLoonheffing({ periodeloon: eur('4000.50'), tijdvak: 'maand', datum: d('2026-06-30'), heffingskorting: true });
  assert.equal(r.algemeneHeffingskorting, eur('162.25'));
  assert.equal(r.loonheffing, eur('820.92'));
  assert.equal(r.belastingZonderKortingen - r.algemeneHeffingskorting - r.arbeidskorting, eur('820.91'));
});

test('zero wage gives zero tax, with and without credits, for every period', () => {
  for (const tijdvak of ['maand', 'vierweken', 'week', 'dag', 'kwartaal'] as const) {
    for (const heffingskorting of [true, false]) {
      const r = witteTabelLoonheffing({ periodeloon: 0 as Cents, tijdvak, datum: d('2026-05-01'), heffingskorting });
      assert.equal(r.tabelloon, 0);
      assert.equal(r.belastingZonderKortingen, 0);
      assert.equal(r.loonheffing, 0);
      assert.equal(r.algemeneHeffingskorting, 0);
      assert.equal(r.arbeidskorting, 0);
    }
  }
});

test('credits never make the tax negative and are cut labour credit first', () => {
  const kolom = parametersFor(d('2026-01-01')).onderAow;
  for (let tabelloon = 0; tabelloon <= 140_000; tabelloon += 54) {
    const j = jaarbelasting(tabelloon, kolom, true);
    assert.ok(j.belasting >= 0, `negatief bij ${tabelloon}`);
    assert.ok(j.toegepast.ahk <= j.recht.ahk && j.toegepast.ark <= j.recht.ark);
    assert.equal(j.belasting, j.belastingZonderKortingen - j.toegepast.ahk - j.toegepast.ark);
    // when anything is cut, the general credit is kept before the labour credit
    if (j.toegepast.ark < j.recht.ark) assert.equal(j.belasting, 0);
    if (j.toegepast.ahk < j.recht.ahk) assert.equal(j.toegepast.ark, 0);
  }
  // 10,000 a year: tax 3,575 < AHK 3,115 + ARK 833 → AHK fully, ARK 460 of 833, tax nil
  const laag = jaarbelasting(10_000, kolom, true);
  assert.deepEqual(laag.toegepast, { ahk: 3_115, ark: 460, ouderenkorting: 0 });
  assert.equal(laag.belasting, 0);
  const r = witteTabelLoonheffing({ periodeloon: eur('500.00'), tijdvak: 'maand', datum: d('2026-02-28'), heffingskorting: true });
  assert.equal(r.loonheffing, 0);
});

test('other periods annualise with their factor', () => {
  // four weeks: 1,000.00 × 13 = 13,000 → 240 × 54 = 12,960; tax 12,960 × 35.75% = 4,633.20 → 4,633
  // → / 13 = 356.3846 → 356.38; table wage 12,960 / 13 = 996.923 → 996.92 (display only)
  const r = witteTabelLoonheffing({ periodeloon: eur('1000.00'), tijdvak: 'vierweken', datum: d('2026-04-01'), heffingskorting: false });
  assert.equal(r.tabelloon, eur('996.92'));
  assert.equal(r.loonheffing, eur('356.38'));
  // quarter: 9,000.00 × 4 = 36,000 → 35,964 → 12,857 / 4 = 3,214.25
  const k = witteTabelLoonheffing({ periodeloon: eur('9000.00'), tijdvak: 'kwartaal', datum: d('2026-04-01'), heffingskorting: false });
  assert.equal(k.loonheffing, eur('3214.25'));
});

test('above the table maximum the excess is taxed at the top rate, rounded down', () => {
  // Lmax 133,110 = 11,092.50 a month. At Lmax: 28,752 + (133,110 − 78,426) × 49.50% = 28,752 +
  // 27,068.58 = 55,820.58 → 55,820; credits nil (AHK nil above 78,426, ARK nil above 132,920).
  // 55,820 / 12 = 4,651.67. 12,000.00: excess (12,000.00 − 11,092.50) × 49.50% = 449.2125 → 449.21
  const r = witteTabelLoonheffing({ periodeloon: eur('12000.00'), tijdvak: 'maand', datum: d('2026-09-30'), heffingskorting: true });
  assert.equal(r.boventabel, true);
  assert.equal(r.loonheffing, eur('5100.88'));
});

test('2025 uses its own brackets and flags the unverified table-wage step', () => {
  // 2,000.00 × 12 = 24,000 → 444 × 54 = 23,976; 23,976 × 35.82% = 8,588.2032 → 8,588 → 715.67
  const r = witteTabelLoonheffing({ periodeloon: eur('2000.00'), tijdvak: 'maand', datum: d('2025-11-30'), heffingskorting: false });
  assert.equal(r.loonheffing, eur('715.67'));
  assert.ok(r.opmerkingen.some((o) => o.includes('niet geverifieerd')));
});

test('state-pension age column 2026 (secondary-source figures) and refusal for 2025', () => {
  // 2,000.00 → 23,976; bracket 17.85%: 4,279.716 → 4,279; AHK 1,556; OUK 2,067;
  // ARK 498 + (23,976 − 11,965) × 15.483% = 498 + 1,859.66313 = 2,357.66 → 2,358
  // credits 5,981 > 4,279: AHK 1,556, OUK 2,067, ARK 656 of 2,358; tax nil
  const r = witteTabelLoonheffing({
    periodeloon: eur('2000.00'),
    tijdvak: 'maand',
    datum: d('2026-03-31'),
    heffingskorting: true,
    aowLeeftijd: true,
  });
  assert.equal(r.loonheffing, 0);
  assert.deepEqual(r.jaar.toegepast, { ahk: 1_556, ark: 656, ouderenkorting: 2_067 });
  assert.ok(r.opmerkingen.some((o) => o.includes('secundaire bron')));
  assert.throws(
    () => witteTabelLoonheffing({ periodeloon: eur('2000.00'), tijdvak: 'maand', datum: d('2025-03-31'), heffingskorting: true, aowLeeftijd: true }),
    LoonheffingFout,
  );
});

test('special rate: row by annual wage, flagged as approximation', () => {
  // annual 25,920 with credits: row from 25,845: 33.800% × 160.00 = 54.08
  const r = bijzonderTariefLoonheffing({
    bedrag: eur('160.00'),
    jaarloon: eur('25920.00'),
    datum: d('2026-03-31'),
    heffingskorting: true,
  });
  assert.equal(r.percentage.tekst, '33.800');
  assert.equal(r.loonheffing, eur('54.08'));
  assert.equal(r.benadering, true);
  assert.ok(r.opmerkingen[0]?.includes('benadering — te controleren tegen de officiële tabel bijzondere beloningen 2026'));
  // without credits below the first bracket limit: 35.75%
  const z = bijzonderTariefLoonheffing({ bedrag: eur('100.00'), jaarloon: eur('20000.00'), datum: d('2026-03-31'), heffingskorting: false });
  assert.equal(z.loonheffing, eur('35.75'));
  // low annual wage with credits: 0%
  const n = bijzonderTariefLoonheffing({ bedrag: eur('100.00'), jaarloon: eur('5000.00'), datum: d('2026-03-31'), heffingskorting: true });
  assert.equal(n.loonheffing, 0);
});

test('negative wage and dates without parameters are refused clearly', () => {
  assert.throws(
    () => witteTabelLoonheffing({ periodeloon: -1 as Cents, tijdvak: 'maand', datum: d('2026-01-31'), heffingskorting: true }),
    LoonheffingFout,
  );
  assert.throws(
    () => witteTabelLoonheffing({ periodeloon: eur('100.00'), tijdvak: 'maand', datum: d('2027-01-31'), heffingskorting: true }),
    /geen loonparameters voor 2027-01-31/,
  );
});
