/** The portal's pure helpers: amounts (whole cents, Dutch notation), masking, the depletion chart's points. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { euro, euroInvoer, leesbaar, maand, maskeerBsn, maskeerIban, parseEuro } from '../../src/portal/format.ts';
import { punten } from '../../src/portal/pages/gedeeld/uitputting.ts';

test('euro: cents in Dutch notation, grouping and a minus sign', () => {
  assert.equal(euro(0), '€ 0,00');
  assert.equal(euro(5), '€ 0,05');
  assert.equal(euro(123456789), '€ 1.234.567,89');
  assert.equal(euro(-2850), '−€ 28,50');
  assert.throws(() => euro(12.5));
});

test('parseEuro: what people type, to cents; anything else is not an amount', () => {
  for (const [t, c] of [['28,50', 2850], ['28.50', 2850], ['€ 28', 2800], ['1.234,56', 123456], ['0,5', 50], [' 7 ', 700]] as const) assert.equal(parseEuro(t), c, t);
  for (const t of ['', 'abc', '28,505', '-3', '1,2,3', '12.345']) assert.equal(parseEuro(t), t === '12.345' ? 1234500 : null, t);
  assert.equal(euroInvoer(4500), '45,00');
});

test('leesbaar: ISO moments and dates in server texts become Dutch; months and identifiers stay', () => {
  assert.equal(
    leesbaar('Ontvangen via post op 2026-12-06T09:10:00+01:00; geregistreerd uit d.csv (imp_01M9). Uiterste betaaldatum 2026-12-18.'),
    'Ontvangen via post op 6 december 2026 om 09:10; geregistreerd uit d.csv (imp_01M9). Uiterste betaaldatum 18 december 2026.',
  );
  assert.equal(leesbaar('zorg van 2024 moest uiterlijk 2025-04-01 zijn gedeclareerd'), 'zorg van 2024 moest uiterlijk 1 april 2025 zijn gedeclareerd');
  assert.equal(leesbaar('PGB 1000001 2026-11, TKB-2026-0001'), 'PGB 1000001 2026-11, TKB-2026-0001');
  assert.equal(leesbaar(null), '');
});

test('maand: a month in Dutch words; anything else as it came', () => {
  assert.equal(maand('2026-11'), 'november 2026');
  assert.equal(maand('2027-01'), 'januari 2027');
  assert.equal(maand('2026-13'), '2026-13');
  assert.equal(maand(null), '—');
});

test('masking: the last four digits only', () => {
  assert.equal(maskeerBsn('123456782'), '•••••6782');
  assert.equal(maskeerIban('NL91ABNA0417164300'), 'NL91 •••• 4300');
});

test('the chart: actual left up to this month, then the pace so far, never below zero', () => {
  const b = {
    toegekend_centen: 1000_00,
    uitputting: {
      besteed_centen: 600_00, resterend_centen: 400_00, tempo_per_maand_centen: 300_00, percentage_besteed: 60, verwachte_uitputting: null, uitgeput: false, toereikend: false,
      maanden: [
        { maand: '2026-01', besteed_centen: 300_00, cumulatief_centen: 300_00, resterend_centen: 700_00 },
        { maand: '2026-02', besteed_centen: 300_00, cumulatief_centen: 600_00, resterend_centen: 400_00 },
        { maand: '2026-03', besteed_centen: 0, cumulatief_centen: 600_00, resterend_centen: 400_00 },
        { maand: '2026-04', besteed_centen: 0, cumulatief_centen: 600_00, resterend_centen: 400_00 },
      ],
    },
  };
  assert.deepEqual(punten(b, '2026-02'), [
    { maand: '2026-01', werkelijk: 700_00, verwacht: null },
    { maand: '2026-02', werkelijk: 400_00, verwacht: 400_00 },
    { maand: '2026-03', werkelijk: null, verwacht: 100_00 },
    { maand: '2026-04', werkelijk: null, verwacht: 0 },
  ]);
  // before the period: everything projected from the whole amount
  assert.deepEqual(punten(b, '2025-12').map((p) => p.verwacht), [700_00, 400_00, 100_00, 0]);
});
