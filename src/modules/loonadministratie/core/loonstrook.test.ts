import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Cents, Quarters } from '../../../kernel/money.ts';
import { parseEuros } from '../../../kernel/money.ts';
import type { PlainDate } from '../../../kernel/dates.ts';
import { berekenLoonstrook, datumBereiken, LoonstrookFout, type Loonstrook, type LoonstrookInvoer } from './loonstrook.ts';
import { procent } from './breuk.ts';

const eur = (s: string): Cents => {
  const v = parseEuros(s);
  if (v === undefined) throw new Error(s);
  return v;
};
const d = (s: string) => s as PlainDate;
const uren = (n: number) => (n * 4) as Quarters;

/** The invariants every payslip must satisfy. */
function klopt(s: Loonstrook) {
  assert.equal(s.basisloon + s.vakantiegeld, s.brutoloon);
  assert.equal(s.loonheffingTabel + s.loonheffingBijzonder, s.loonheffing);
  assert.equal(s.brutoloon - s.loonheffing, s.nettoloon);
  const p = s.premies;
  assert.equal(p.awf + p.aof + p.wko + p.ufo + p.whk + p.zvw, s.werkgeverspremies);
  assert.equal(s.brutoloon + s.werkgeverspremies, s.werkgeverslasten);
  assert.equal(s.loonheffing + s.werkgeverspremies, s.afTeDragen);
  const regel = (code: string) => s.regels.find((r) => r.code === code)?.bedrag;
  assert.equal(regel('bruto'), s.brutoloon);
  assert.equal(regel('netto'), s.nettoloon);
  assert.equal(regel('loonheffing'), s.loonheffing);
  assert.equal(regel('werkgeverslasten'), s.werkgeverslasten);
  assert.equal(regel('afdracht'), s.afTeDragen);
  const werkgever = s.regels.filter((r) => r.soort === 'werkgever' && r.code !== 'werkgeverslasten');
  assert.equal(werkgever.reduce((t, r) => t + r.bedrag, 0), s.werkgeverspremies);
}

const basis: Omit<LoonstrookInvoer, 'maand' | 'loon'> = {
  geboortedatum: d('1990-04-10'),
  heffingskorting: true,
  dagenPerWeek: 5,
  schriftelijkVastContract: true,
};

test('payslip 1: monthly amount, with tax credit (March 2026)', () => {
  // gross 2,160.00 incl. holiday pay; 100 hours → 21.60 an hour incl. (20.00 excl.) ≥ 14.71
  // holiday pay = 2,160.00 × 8/108 = 160.00; wage = 2,000.00
  // white table on 2,000.00: × 12 = 24,000 → floor(24,000 / 54) = 444 → 444 × 54 = 23,976 → 1,998.00
  //   bracket: 23,976 × 35.75% = 8,571.42 → 8,571           → / 12 = 714.25
  //   AHK: 23,976 ≤ 29,736 → 3,115                          → / 12 = 259.58
  //   ARK: 996 + (23,976 − 11,965) × 31.009% = 996 + 3,724.49099 = 4,720.49 → 4,721 → / 12 = 393.42
  //   tax: 8,571 − 3,115 − 4,721 = 735                      → / 12 = 61.25
  // special rate on 160.00: annual wage 12 × 2,160.00 = 25,920 → row from 25,845: 33.800%
  //   160.00 × 33.8% = 54.08
  // wage tax 61.25 + 54.08 = 115.33; net 2,160.00 − 115.33 = 2,044.67
  // premiums on 2,160.00: AWf low 2.74% = 59.184 → 59.18; Aof low 6.27% = 135.432 → 135.43;
  //   Wko 0.50% = 10.80; Ufo nil (not a government employer); Whk 1.52% = 32.832 → 32.83;
  //   Zvw levy 6.10% = 131.76; total 370.00 → employer cost 2,530.00; payable 115.33 + 370.00 = 485.33
  const s = berekenLoonstrook({ ...basis, maand: '2026-03', loon: { soort: 'maandbedrag', bedrag: eur('2160.00'), uren: uren(100) } });
  klopt(s);
  assert.equal(s.peildatum, '2026-03-31');
  assert.equal(s.vakantiegeld, eur('160.00'));
  assert.equal(s.basisloon, eur('2000.00'));
  assert.equal(s.tabel.tabelloon, eur('1998.00'));
  assert.equal(s.tabel.belastingZonderKortingen, eur('714.25'));
  assert.equal(s.tabel.algemeneHeffingskorting, eur('259.58'));
  assert.equal(s.tabel.arbeidskorting, eur('393.42'));
  assert.equal(s.loonheffingTabel, eur('61.25'));
  assert.equal(s.bijzonder.percentage.tekst, '33.800');
  assert.equal(s.loonheffingBijzonder, eur('54.08'));
  assert.equal(s.loonheffing, eur('115.33'));
  assert.equal(s.nettoloon, eur('2044.67'));
  assert.deepEqual(s.premies, {
    awf: eur('59.18'),
    aof: eur('135.43'),
    wko: eur('10.80'),
    ufo: 0,
    whk: eur('32.83'),
    zvw: eur('131.76'),
  });
  assert.equal(s.werkgeverspremies, eur('370.00'));
  assert.equal(s.werkgeverslasten, eur('2530.00'));
  assert.equal(s.afTeDragen, eur('485.33'));
  assert.equal(s.minimumloon?.ok, true);
  assert.deepEqual(s.waarschuwingen, []);
  assert.ok(s.voetnoten.some((v) => v.includes('benadering — te controleren tegen de officiële tabel bijzondere beloningen 2026')));
  assert.ok(s.voetnoten.some((v) => v.includes('Jaarloon voor het bijzonder tarief geschat')));
  assert.ok(s.voetnoten.some((v) => v.includes('Whk')));
  assert.deepEqual(
    s.regels.map((r) => r.code),
    ['bruto', 'basisloon', 'vakantiegeld', 'loonheffing-tabel', 'ahk', 'ark', 'loonheffing-bijzonder', 'loonheffing', 'netto',
      'awf', 'aof', 'wko', 'whk', 'zvw', 'werkgeverslasten', 'afdracht'],
  );
  assert.equal(s.regels[2]!.omschrijving, 'waarvan vakantiegeld (8/108 van het brutoloon)');
});

test('payslip 2: hourly pay, without tax credit, flexible contract (April 2026)', () => {
  // 60 hours × 17.28 = 1,036.80 incl. holiday pay; 17.28 / 1.08 = 16.00 ≥ 14.71
  // holiday pay = 1,036.80 × 8/108 = 76.80; wage = 960.00
  // white table on 960.00, no credits: × 12 = 11,520 → floor(11,520 / 54) = 213 → 11,502 → 958.50
  //   bracket: 11,502 × 35.75% = 4,111.965 → 4,111 → / 12 = 342.5833 → 342.58
  // special rate without credits: annual 12,441.60 → 35.75%: 76.80 × 35.75% = 27.456 → 27.46
  // wage tax 342.58 + 27.46 = 370.04; net 1,036.80 − 370.04 = 666.76
  // premiums on 1,036.80: AWf HIGH 7.74% = 80.24832 → 80.25; Aof 6.27% = 65.00736 → 65.01;
  //   Wko 0.50% = 5.184 → 5.18; Whk 1.52% = 15.75936 → 15.76; Zvw 6.10% = 63.2448 → 63.24
  //   total 229.44 → employer cost 1,266.24; payable 370.04 + 229.44 = 599.48
  const s = berekenLoonstrook({
    ...basis,
    maand: '2026-04',
    heffingskorting: false,
    schriftelijkVastContract: false,
    loon: { soort: 'uren', uren: uren(60), uurloon: eur('17.28') },
  });
  klopt(s);
  assert.equal(s.brutoloon, eur('1036.80'));
  assert.equal(s.vakantiegeld, eur('76.80'));
  assert.equal(s.tabel.tabelloon, eur('958.50'));
  assert.equal(s.loonheffingTabel, eur('342.58'));
  assert.equal(s.tabel.algemeneHeffingskorting, 0);
  assert.equal(s.loonheffingBijzonder, eur('27.46'));
  assert.equal(s.nettoloon, eur('666.76'));
  assert.deepEqual(s.premies, {
    awf: eur('80.25'),
    aof: eur('65.01'),
    wko: eur('5.18'),
    ufo: 0,
    whk: eur('15.76'),
    zvw: eur('63.24'),
  });
  assert.equal(s.werkgeverslasten, eur('1266.24'));
  assert.equal(s.afTeDragen, eur('599.48'));
  assert.equal(s.regels[0]!.omschrijving, 'Brutoloon (60 uur × € 17,28, inclusief vakantiegeld)');
  assert.ok(!s.regels.some((r) => r.code === 'ahk'));
  assert.match(s.regels.find((r) => r.code === 'awf')!.omschrijving, /hoog tarief 7,74%/);
});

test('payslip 3: carer aged 19, age-dependent minimum wage (May 2026)', () => {
  // born 2006-08-15: 19 on 2026-05-31; minimum 8.83 an hour excl. → 9.5364 incl. holiday pay
  // 40 hours × 9.54 = 381.60 (9.54 / 1.08 = 8.833 ≥ 8.83: accepted)
  // holiday pay = 381.60 × 8/108 = 28.2667 → 28.27; wage = 353.33
  // white table: 353.33 × 12 = 4,239.96 → floor(4,239.96 / 54) = 78 → 4,212 → 351.00
  //   bracket 4,212 × 35.75% = 1,505.79 → 1,505 → / 12 = 125.42
  //   AHK 3,115 and ARK 4,212 × 8.324% = 350.60688 → 351 exceed the tax: AHK applied 1,505, ARK 0
  //   tax nil
  // special rate: annual 4,579.20 < 11,366 → 0% → nil. Net = gross = 381.60
  // 2 days a week, but insured from 2026: AWf high 7.74% = 29.53584 → 29.54; Aof 6.27% = 23.92632 → 23.93;
  //   Wko 1.908 → 1.91; Whk 1.52% = 5.80032 → 5.80; Zvw 6.10% = 23.2776 → 23.28; total 84.46
  const invoer: LoonstrookInvoer = {
    maand: '2026-05',
    loon: { soort: 'uren', uren: uren(40), uurloon: eur('9.54') },
    geboortedatum: d('2006-08-15'),
    heffingskorting: true,
    dagenPerWeek: 2,
    schriftelijkVastContract: false,
  };
  const s = berekenLoonstrook(invoer);
  klopt(s);
  assert.equal(s.vakantiegeld, eur('28.27'));
  assert.equal(s.basisloon, eur('353.33'));
  assert.equal(s.tabel.tabelloon, eur('351.00'));
  assert.equal(s.tabel.belastingZonderKortingen, eur('125.42'));
  assert.equal(s.tabel.algemeneHeffingskorting, eur('125.42'));
  assert.equal(s.tabel.arbeidskorting, 0);
  assert.equal(s.loonheffing, 0);
  assert.equal(s.nettoloon, eur('381.60'));
  assert.equal(s.werkgeverspremies, eur('84.46'));
  assert.equal(s.werkgeverslasten, eur('466.06'));
  assert.equal(s.verzekerdWerknemersverzekeringen, true);
  assert.ok(s.minimumloon?.ok);
  assert.equal(s.minimumloon?.leeftijd, 19);
  assert.equal(s.minimumloon?.minimumPerUur, 883);
  assert.ok(s.voetnoten.some((v) => v.includes('36 744')));

  // one cent less an hour is below the minimum: the payslip is still computed, with a warning
  const laag = berekenLoonstrook({ ...invoer, loon: { soort: 'uren', uren: uren(40), uurloon: eur('9.53') } });
  klopt(laag);
  assert.equal(laag.minimumloon?.ok, false);
  assert.equal(laag.waarschuwingen.length, 1);
  assert.match(laag.waarschuwingen[0]!, /voor een zorgverlener van 19 jaar is het minimum op 2026-05-31 € 8,83 per uur/);
});

test('payslip 4: short-week carer (3 days) in October 2025 versus January 2026', () => {
  const invoer = (maand: string): LoonstrookInvoer => ({
    ...basis,
    maand,
    dagenPerWeek: 3,
    geboortedatum: d('1985-06-01'),
    loon: { soort: 'maandbedrag', bedrag: eur('1620.00') },
  });
  // gross 1,620.00 → holiday pay 120.00, wage 1,500.00; 1,500 × 12 = 18,000 → 333 × 54 = 17,982 → 1,498.50
  //
  // 2025: bracket 17,982 × 35.82% = 6,441.1524 → 6,441; AHK 3,068 (≤ 28,406);
  //   ARK 980 + (17,982 − 12,169) × 30.030% = 980 + 1,745.6439 = 2,725.64 → 2,726
  //   tax 6,441 − 3,068 − 2,726 = 647 → / 12 = 53.9167 → 53.92
  //   special rate (annual 19,440, row from 12,169): 5.790% × 120.00 = 6.948 → 6.95
  //   wage tax 60.87; net 1,559.13
  //   fewer than 4 days in 2025: no AWf, Aof, Wko, Whk; Zvw 6.51% × 1,620.00 = 105.462 → 105.46
  //   employer cost 1,725.46; payable 60.87 + 105.46 = 166.33
  const s25 = berekenLoonstrook(invoer('2025-10'));
  klopt(s25);
  assert.equal(s25.tabel.tabelloon, eur('1498.50'));
  assert.equal(s25.loonheffingTabel, eur('53.92'));
  assert.equal(s25.tabel.arbeidskorting, eur('227.17'));
  assert.equal(s25.bijzonder.percentage.tekst, '5.790');
  assert.equal(s25.loonheffingBijzonder, eur('6.95'));
  assert.equal(s25.nettoloon, eur('1559.13'));
  assert.equal(s25.verzekerdWerknemersverzekeringen, false);
  assert.deepEqual(s25.premies, { awf: 0, aof: 0, wko: 0, ufo: 0, whk: 0, zvw: eur('105.46') });
  assert.equal(s25.werkgeverslasten, eur('1725.46'));
  assert.equal(s25.afTeDragen, eur('166.33'));
  assert.ok(!s25.regels.some((r) => r.code === 'awf'));
  assert.ok(s25.voetnoten.some((v) => v.includes('Regeling dienstverlening aan huis')));
  assert.ok(s25.voetnoten.some((v) => v.includes('niet geverifieerd')));
  assert.ok(s25.voetnoten.some((v) => v.includes('Minimumloon niet gecontroleerd')));
  //
  // 2026: bracket 17,982 × 35.75% = 6,428.565 → 6,428; AHK 3,115;
  //   ARK 996 + (17,982 − 11,965) × 31.009% = 996 + 1,865.81153 = 2,861.81 → 2,862
  //   tax 6,428 − 3,115 − 2,862 = 451 → / 12 = 37.5833 → 37.58
  //   special rate (row from 11,965): 4.741% × 120.00 = 5.6892 → 5.69
  //   wage tax 43.27; net 1,576.73
  //   insured from 2026: AWf low 2.74% = 44.388 → 44.39; Aof 6.27% = 101.574 → 101.57; Wko 8.10;
  //   Whk 1.52% = 24.624 → 24.62; Zvw 6.10% = 98.82; total 277.50
  //   employer cost 1,897.50; payable 43.27 + 277.50 = 320.77
  const s26 = berekenLoonstrook(invoer('2026-01'));
  klopt(s26);
  assert.equal(s26.loonheffingTabel, eur('37.58'));
  assert.equal(s26.loonheffingBijzonder, eur('5.69'));
  assert.equal(s26.nettoloon, eur('1576.73'));
  assert.equal(s26.verzekerdWerknemersverzekeringen, true);
  assert.deepEqual(s26.premies, {
    awf: eur('44.39'),
    aof: eur('101.57'),
    wko: eur('8.10'),
    ufo: 0,
    whk: eur('24.62'),
    zvw: eur('98.82'),
  });
  assert.equal(s26.werkgeverslasten, eur('1897.50'));
  assert.equal(s26.afTeDragen, eur('320.77'));
  // a carer working 4 days or more was insured in 2025 as well
  const vol25 = berekenLoonstrook({ ...invoer('2025-10'), dagenPerWeek: 4 });
  assert.equal(vol25.verzekerdWerknemersverzekeringen, true);
  assert.equal(vol25.premies.awf, eur('44.39'));
  assert.equal(vol25.premies.aof, eur('101.74')); // 6.28% × 1,620.00 = 101.736
});

test('zero wage gives an all-zero payslip', () => {
  const s = berekenLoonstrook({ ...basis, maand: '2026-02', loon: { soort: 'uren', uren: uren(0), uurloon: eur('20.00') } });
  klopt(s);
  assert.equal(s.brutoloon, 0);
  assert.equal(s.loonheffing, 0);
  assert.equal(s.werkgeverspremies, 0);
  assert.equal(s.minimumloon?.ok, true);
});

test('premiums are capped at the maximum premium wage; options for Aof, Whk and Ufo', () => {
  // 8,000.00 > 6,617.41: AWf low 2.74% × 6,617.41 = 181.317 → 181.32; Zvw 6.10% = 403.66201 → 403.66
  const s = berekenLoonstrook({
    ...basis,
    maand: '2026-06',
    loon: { soort: 'maandbedrag', bedrag: eur('8000.00') },
    aofHoog: true,
    whk: procent('2.10'),
    overheidswerkgever: true,
  });
  klopt(s);
  assert.equal(s.premieloon, eur('6617.41'));
  assert.equal(s.premies.awf, eur('181.32'));
  assert.equal(s.premies.aof, eur('504.91')); // 7.63% × 6,617.41 = 504.908
  assert.equal(s.premies.ufo, eur('45.00')); // 0.68% × 6,617.41 = 44.998
  assert.equal(s.premies.whk, eur('138.97')); // 2.10% × 6,617.41 = 138.966
  assert.equal(s.premies.zvw, eur('403.66'));
  assert.ok(s.voetnoten.some((v) => v.includes('maximumpremieloon')));
  assert.ok(!s.voetnoten.some((v) => v.includes('landelijk gemiddelde')));
});

test('state-pension age: AOW column from the month it is reached, premiums stop the month after', () => {
  // born 1959-03-15: AOW age 67 on 2026-03-15
  assert.equal(datumBereiken(d('1959-03-15'), 67, 0), '2026-03-15');
  assert.equal(datumBereiken(d('1960-02-29'), 67, 0), '2027-02-28');
  assert.equal(datumBereiken(d('1960-11-30'), 67, 3), '2028-02-29');
  const invoer = (maand: string): LoonstrookInvoer => ({
    ...basis,
    maand,
    geboortedatum: d('1959-03-15'),
    loon: { soort: 'maandbedrag', bedrag: eur('1080.00') },
  });
  const feb = berekenLoonstrook(invoer('2026-02'));
  assert.equal(feb.aowLeeftijd, false);
  const mrt = berekenLoonstrook(invoer('2026-03'));
  klopt(mrt);
  assert.equal(mrt.aowLeeftijd, true);
  assert.equal(mrt.verzekerdWerknemersverzekeringen, true);
  assert.ok(mrt.voetnoten.some((v) => v.includes('bereikt deze maand de AOW-leeftijd')));
  assert.ok(mrt.voetnoten.some((v) => v.includes('secundaire bron')));
  assert.ok(mrt.regels.some((r) => r.code === 'ouk'));
  const apr = berekenLoonstrook(invoer('2026-04'));
  klopt(apr);
  assert.equal(apr.verzekerdWerknemersverzekeringen, false);
  assert.deepEqual({ ...apr.premies, zvw: 0 }, { awf: 0, aof: 0, wko: 0, ufo: 0, whk: 0, zvw: 0 });
  assert.equal(apr.premies.zvw, eur('65.88')); // 6.10% × 1,080.00
  // 2025 has no AOW-age figures: refused, not guessed
  assert.throws(() => berekenLoonstrook({ ...invoer('2025-12'), geboortedatum: d('1958-01-01') }), /AOW-leeftijd/);
});

test('invalid input is refused', () => {
  assert.throws(() => berekenLoonstrook({ ...basis, maand: '2026-13', loon: { soort: 'maandbedrag', bedrag: eur('1.00') } }), LoonstrookFout);
  assert.throws(() => berekenLoonstrook({ ...basis, maand: '2026-01', dagenPerWeek: 0, loon: { soort: 'maandbedrag', bedrag: eur('1.00') } }), LoonstrookFout);
  assert.throws(() => berekenLoonstrook({ ...basis, maand: '2024-12', loon: { soort: 'maandbedrag', bedrag: eur('1.00') } }), /geen loonparameters/);
});
