/**
 * Every report on the hand-made March 2026 of test/support/report-world.ts, whose table of claims
 * the comments below count from. The reference day is Friday 27 March 2026 unless a test says
 * otherwise. Working days in March 2026 are Monday to Friday (no holidays); Easter Monday is 6 April.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { freshDb, STORE, type TestDb } from '../support/db.ts';
import { buildReportWorld } from '../support/report-world.ts';
import type { PlainDate } from '../../src/kernel/dates.ts';
import type { Scope } from '../../src/server/scope.ts';
import { budgetStatement, budgetStatementPdf, drawAuditSample, renderReport, runReport, sampleCsv, sampleJson, toCsv, type ReportTable } from '../../src/modules/rapportages/index.ts';
import { HOLDER } from '../support/factories.ts';

let t: TestDb;
before(async () => {
  t = await freshDb();
  await buildReportWorld(t.db);
});
after(async () => t.close());

const ALL: Scope = { kind: 'alles' };
const GM: Scope = { kind: 'verstrekker', code: 'GM0001' };
const ZK: Scope = { kind: 'verstrekker', code: 'ZK0001' };
const d = (s: string) => s as PlainDate;

function report(name: string, opts: { van?: string; tot?: string; peildatum?: string; scope?: Scope } = {}): Promise<ReportTable> {
  return runReport(t.db, name, { van: d(opts.van ?? '2026-03-02'), tot: d(opts.tot ?? '2026-03-29'), peildatum: d(opts.peildatum ?? '2026-03-27'), scope: opts.scope ?? ALL });
}
const pick = (r: ReportTable, keys: string[]) => r.rijen.map((row) => keys.map((k) => row[k]));

test(`werkvoorraad: backlog, inflow and outflow per week, from the trace (${STORE})`, async () => {
  // Open on Monday 2 March: D0 (received 20 Feb, parked). Monthly pay is not a claim and is left out.
  // W10 (2–8 Mar): in D1, D8, D3, D4, D2 = 5; out: D1 and D8 paid (R1, 6 Mar), D4 rejected → 1 + 5 − 3 = 3 (D0, D3, D2)
  // W11 (9–15 Mar): in D5, D7 = 2; out: D7 rejected; D8 back after the return on 12 Mar → 3 + 2 − 1 + 1 = 5
  // W12 (16–22 Mar): nothing → 5
  // W13 (23–29 Mar): in D6; out: D2, D8, D5 paid (R2, 23 Mar) → 5 + 1 − 3 = 3 (D0, D3, D6)
  const keys = ['week', 'voorraad_begin', 'instroom', 'uitstroom_betaald', 'uitstroom_afgekeurd', 'heropend', 'voorraad_eind'];
  assert.deepEqual(pick(await report('werkvoorraad'), keys), [
    ['2026-W10', 1, 5, 2, 1, 0, 3],
    ['2026-W11', 3, 2, 0, 1, 1, 5],
    ['2026-W12', 5, 0, 0, 0, 0, 5],
    ['2026-W13', 5, 1, 3, 0, 0, 3],
  ]);
  // GM0001 sees holders A and C only: D0, D1, D3, D4, D5
  // W10: 1 + 3 (D1, D3, D4) − 2 (D1 paid, D4 rejected) = 2; W11: + D5 = 3; W13: D5 paid → 2
  assert.deepEqual(pick(await report('werkvoorraad', { scope: GM }), keys), [
    ['2026-W10', 1, 3, 1, 1, 0, 2],
    ['2026-W11', 2, 1, 0, 0, 0, 3],
    ['2026-W12', 3, 0, 0, 0, 0, 3],
    ['2026-W13', 3, 0, 1, 0, 0, 2],
  ]);
  // a period that starts mid-week is widened to whole weeks: the same first week
  assert.deepEqual(pick(await report('werkvoorraad', { van: '2026-03-04', tot: '2026-03-08' }), keys), [['2026-W10', 1, 5, 2, 1, 0, 3]]);
});

test(`aard-voorraad: open claims by month of receipt and kind, now and on a past day (${STORE})`, async () => {
  const keys = ['maand', 'openstaand', 'regulier', 'te_betalen', 'geparkeerd', 'geparkeerd_ZORGOVEREENKOMST_NIET_GEACCORDEERD', 'geparkeerd_BUDGET_ONTOEREIKEND', 'spoedbetaald'];
  // 27 Mar: D0 (Feb, parked: agreement not approved); D3 (Mar, parked: budget), D6 (Mar, approved, waiting for a run)
  assert.deepEqual(pick(await report('aard-voorraad'), keys), [
    ['2026-02', 1, 0, 0, 1, 1, 0, 0],
    ['subtotaal t/m 2026-02', 1, 0, 0, 1, 1, 0, 0],
    ['2026-03', 2, 1, 1, 1, 0, 1, 0],
    ['totaal', 3, 1, 1, 2, 1, 1, 0],
  ]);
  // end of 12 Mar: D0; D3 parked, D2 and D5 approved, D8 approved again after its return (D1 paid, D4 and D7 rejected, D6 not yet received)
  assert.deepEqual(pick(await report('aard-voorraad', { peildatum: '2026-03-12' }), keys), [
    ['2026-02', 1, 0, 0, 1, 1, 0, 0],
    ['subtotaal t/m 2026-02', 1, 0, 0, 1, 1, 0, 0],
    ['2026-03', 4, 3, 3, 1, 0, 1, 0],
    ['totaal', 5, 3, 3, 2, 1, 1, 0],
  ]);
  // ZK0001 (holder B): on 27 Mar only D6
  assert.deepEqual(pick(await report('aard-voorraad', { scope: ZK }), ['maand', 'openstaand', 'te_betalen']), [['2026-03', 1, 1], ['totaal', 1, 1]]);
});

test(`tijdigheid: paid within 10 working days by week of receipt, "was" and "wordt" (${STORE})`, async () => {
  // W10: D1 paid 6 Mar ≤ 16 Mar: on time. D8 paid 6 Mar but returned, paid again 23 Mar > 16 Mar: late.
  //      D2 paid 23 Mar > 20 Mar: late. D3 parked on 18 Mar: rightly not paid. D4 rejected: rightly not paid.
  //      was = 1 / 5 = 20%; wordt = 1 / 3 = 33%
  // W11: D5 paid 23 Mar ≤ 24 Mar: on time; D7 rejected (unknown holder): rightly. was 1/2 = 50%, wordt 1/1 = 100%
  // W12: nothing received. W13: D6, latest payment date 7 Apr not passed on 27 Mar: not measurable yet
  // total: 8 received, 2 on time, 2 late, 3 rightly, 1 running: was 2/7 = 28.6 → 29%, wordt 2/4 = 50%
  const keys = ['week', 'ontvangen', 'tijdig', 'te_laat', 'terecht_niet_betaald', 'lopend', 'was_binnen', 'was_meer', 'wordt_binnen', 'wordt_meer'];
  assert.deepEqual(pick(await report('tijdigheid'), keys), [
    ['2026-W10', 5, 1, 2, 2, 0, 20, 80, 33, 67],
    ['2026-W11', 2, 1, 0, 1, 0, 50, 50, 100, 0],
    ['2026-W12', 0, 0, 0, 0, 0, null, null, null, null],
    ['2026-W13', 1, 0, 0, 0, 1, null, null, null, null],
    ['totaal', 8, 2, 2, 3, 1, 29, 71, 50, 50],
  ]);
  // measured on 13 Mar: D1 on time; D8's and D3's payment dates (16 and 18 Mar) not passed yet; D4 rejected; D2 running
  assert.deepEqual(pick(await report('tijdigheid', { tot: '2026-03-08', peildatum: '2026-03-13' }), keys)[0], ['2026-W10', 5, 1, 0, 1, 3, 50, 50, 100, 0]);
  // GM0001: W10 D1 on time, D3 and D4 rightly → was 1/3 = 33%, wordt 100%; W11 D5 on time
  assert.deepEqual(pick(await report('tijdigheid', { scope: GM }), keys).slice(0, 2), [
    ['2026-W10', 3, 1, 0, 2, 0, 33, 67, 100, 0],
    ['2026-W11', 1, 1, 0, 0, 0, 100, 0, 100, 0],
  ]);
});

test(`afkeuringen: refused claims by reason, and holders by number of refusals (${STORE})`, async () => {
  // March: D3 parked (budget, 150.00), D4 rejected (rate, 35.00), D7 rejected (unknown holder, 30.00); D0 was parked in February
  const r = await report('afkeuringen', { van: '2026-03-01', tot: '2026-03-31' });
  const rows = Object.fromEntries(r.rijen.map((x) => [x.reden, [x.geparkeerd, x.afgekeurd, x.declaraties, x.bedrag, x.aandeel]]));
  assert.deepEqual(rows.BUDGET_ONTOEREIKEND, [1, 0, 1, 150_00, 33]);
  assert.deepEqual(rows.TARIEF_AFWIJKEND, [0, 1, 1, 35_00, 33]);
  assert.deepEqual(rows.ONBEKENDE_BUDGETHOUDER, [0, 1, 1, 30_00, 33]);
  assert.deepEqual(rows.ZORGOVEREENKOMST_NIET_GEACCORDEERD, [0, 0, 0, 0, 0]);
  assert.deepEqual(rows.totaal, [1, 2, 3, 215_00, 100]);
  // 9 received in March (8 claims and the monthly pay), 3 refused: 33%
  assert.match(r.toelichting[0]!, /9 declaraties ontvangen .* 3 declaraties .* \(33% /);
  // February: only D0
  const feb = await report('afkeuringen', { van: '2026-02-01', tot: '2026-02-28' });
  assert.deepEqual(feb.rijen.filter((x) => Number(x.declaraties) > 0).map((x) => x.reden), ['ZORGOVEREENKOMST_NIET_GEACCORDEERD', 'totaal']);
  // GM0001 does not see D7 (no holder)
  const gm = await report('afkeuringen', { van: '2026-03-01', tot: '2026-03-31', scope: GM });
  assert.equal(gm.rijen.at(-1)!.declaraties, 2);
  // holders: A (D4) and C (D3) once each in March; D7 has no holder
  const bands = await report('afkeuringen-budgethouders', { van: '2026-03-01', tot: '2026-03-31' });
  assert.deepEqual(pick(bands, ['groep', 'budgethouders']), [['1 t/m 5 afgekeurd of geparkeerd', 2], ['meer dan 5', 0], ['waarvan meer dan 10', 0]]);
});

test(`bedragen-per-wet: claimed and paid per law per month of care (${STORE})`, async () => {
  // February care: WMO_HH D0 30.00 (parked) + D1 60.00 (paid); WLZ D8 25.00 + monthly pay 200.00, both paid
  // March care: WMO_HH D4 35.00 (rejected) + D5 30.00 (paid); WLZ D2 100.00 (paid) + D6 50.00; JW D3 150.00; unknown law D7 30.00
  const keys = ['maand', 'gedeclareerd_WMO_HH', 'betaald_WMO_HH', 'gedeclareerd_WLZ', 'betaald_WLZ', 'gedeclareerd_JW', 'gedeclareerd_ONBEKEND', 'gedeclareerd_totaal', 'betaald_totaal'];
  assert.deepEqual(pick(await report('bedragen-per-wet', { van: '2026-02-01', tot: '2026-03-31' }), keys), [
    ['2026-02', 90_00, 60_00, 225_00, 225_00, 0, 0, 315_00, 285_00],
    ['2026-03', 65_00, 30_00, 150_00, 100_00, 150_00, 30_00, 395_00, 130_00],
    ['totaal', 155_00, 90_00, 375_00, 325_00, 150_00, 30_00, 710_00, 415_00],
  ]);
  // ZK0001 sees only WLZ (holder B)
  assert.deepEqual(pick(await report('bedragen-per-wet', { van: '2026-02-01', tot: '2026-03-31', scope: ZK }), ['maand', 'gedeclareerd_totaal', 'betaald_totaal']), [
    ['2026-02', 225_00, 225_00],
    ['2026-03', 150_00, 100_00],
    ['totaal', 375_00, 325_00],
  ]);
});

test(`betalingen-per-soort: monthly pay and claims, with and without payroll, urgent; transfers (${STORE})`, async () => {
  // March: R1 paid M (monthly) and D1; D8's first payment was returned and does not count; R2 paid D2, D8, D5.
  // Transfers still standing: R1 ZV1 (M + D1), R2 ZV2 (D2 + D8), R2 ZV1 (D5) = 3; 200 + 60 + 100 + 25 + 30 = 415.00
  const r = await report('betalingen-per-soort', { van: '2026-03-01', tot: '2026-03-31' });
  assert.deepEqual(pick(r, ['maand', 'verloning_totaal', 'zonder_maand', 'zonder_declaratie', 'spoed', 'totaal', 'overboekingen', 'bedrag']), [
    ['2026-03', 0, 1, 4, 0, 5, 3, 415_00],
    ['totaal', 0, 1, 4, 0, 5, 3, 415_00],
  ]);
  assert.ok(r.toelichting.some((n) => /Spoedbetalingen: één overboeking per spoedaanvraag/.test(n)));
  assert.ok(r.toelichting.some((n) => /Verloning .* nog niet aangesloten/.test(n)));
  // GM0001 (A): D1 in R1 and D5 in R2; two transfers that hold a claim of its holders
  assert.deepEqual(pick(await report('betalingen-per-soort', { van: '2026-03-01', tot: '2026-03-31', scope: GM }), ['maand', 'zonder_maand', 'zonder_declaratie', 'overboekingen', 'bedrag'])[0], ['2026-03', 0, 2, 2, 90_00]);
});

test(`accorderingen: agreements awaiting approval per funder, age in working days (${STORE})`, async () => {
  // 27 Mar: Z-A2 (GM0001, since Mon 16 Feb: 4 + 5 × 5 = 29 working days), Z-B2 (ZK0001, since 24 Mar: 3),
  // Z-C2 (no WMO_BG allocation for C: no funder, since Fri 20 Mar: 5)
  const keys = ['verstrekker', 'wachtend', 'tot_5', 'van_6_tot_10', 'van_11_tot_20', 'meer_dan_20', 'oudste_werkdagen'];
  assert.deepEqual(pick(await report('accorderingen'), keys), [
    ['GM0001', 1, 0, 0, 0, 1, 29],
    ['ZK0001', 1, 1, 0, 0, 0, 3],
    ['-', 1, 1, 0, 0, 0, 5],
    ['totaal', 3, 2, 0, 0, 1, 29],
  ]);
  // on 23 Mar Z-B2 was not yet submitted; Z-A2 waited 4 + 4 × 5 + 1 = 25 days
  assert.deepEqual(pick(await report('accorderingen', { peildatum: '2026-03-23' }), keys).map((r) => [r[0], r[1], r[6]]), [
    ['GM0001', 1, 25],
    ['-', 1, 1],
    ['totaal', 2, 25],
  ]);
  // a funder sees its own row only
  assert.deepEqual(pick(await report('accorderingen', { scope: ZK }), ['verstrekker', 'wachtend']), [['ZK0001', 1], ['totaal', 1]]);
});

test(`verstrekkers: allocated, spent, paid, left, deposited and to be settled (${STORE})`, async () => {
  // GM0001: T-A 1000.00 + T-C 100.00; spent D1 60.00 + D5 30.00 (D3 parked, D4 rejected, D0 parked); all paid;
  //         deposited 500.00 on 11 Mar → to settle 500.00 − 90.00 = 410.00 back to the funder
  // ZK0001: T-B 5000.00; spent M 200.00 + D8 25.00 + D2 100.00 + D6 50.00 = 375.00, paid 325.00; nothing deposited → −375.00
  const keys = ['verstrekker', 'budgetten', 'toegekend', 'besteed', 'betaald', 'resterend', 'gestort', 'te_verrekenen'];
  const year = { van: '2026-01-01', tot: '2026-12-31' };
  assert.deepEqual(pick(await report('verstrekkers', year), keys), [
    ['GM0001', 2, 1100_00, 90_00, 90_00, 1010_00, 500_00, 410_00],
    ['ZK0001', 1, 5000_00, 375_00, 325_00, 4625_00, 0, -375_00],
    ['totaal', 3, 6100_00, 465_00, 415_00, 5635_00, 500_00, 35_00],
  ]);
  assert.deepEqual(pick(await report('verstrekkers', { ...year, scope: GM }), ['verstrekker', 'te_verrekenen']), [['GM0001', 410_00], ['totaal', 410_00]]);
  // a deposit outside the period does not count
  assert.equal((await report('verstrekkers', { van: '2026-03-12', tot: '2026-12-31', scope: GM })).rijen[0]!.gestort, 0);
});

test(`every report renders as CSV, Excel, SVG, HTML and JSON (${STORE})`, async () => {
  const r = await report('tijdigheid');
  const csv = toCsv(r);
  assert.equal(csv.split('\n')[0], 'week,van,tot,ontvangen,tijdig,te_laat,terecht_niet_betaald,lopend,was_binnen,was_meer,wordt_binnen,wordt_meer');
  assert.equal(csv.split('\n')[1], '2026-W10,2026-03-02,2026-03-08,5,1,2,2,0,20,80,33,67');
  const money = toCsv(await report('verstrekkers', { van: '2026-01-01', tot: '2026-12-31' }));
  assert.match(money, /\nZK0001,Zorgkantoor Proef,1,5000\.00,375\.00,325\.00,4625\.00,0\.00,-375\.00\n/);

  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await renderReport(await report('verstrekkers', { van: '2026-01-01', tot: '2026-12-31' }), 'xlsx')).data as Buffer as never);
  const ws = wb.getWorksheet('Rapport')!;
  assert.equal(ws.getCell('A1').value, 'Verstrekker');
  assert.equal(ws.getCell('D3').value, 5000); // euros as numbers
  assert.equal(ws.getCell('D3').numFmt, '€ #,##0.00');
  assert.ok(wb.getWorksheet('Toelichting'));

  for (const name of ['werkvoorraad', 'aard-voorraad', 'tijdigheid', 'afkeuringen', 'afkeuringen-budgethouders', 'bedragen-per-wet', 'betalingen-per-soort', 'accorderingen', 'verstrekkers']) {
    const table = await report(name, { van: '2026-02-01', tot: '2026-03-31' });
    const svg = String((await renderReport(table, 'svg')).data);
    assert.match(svg, /^<svg [^>]*width="960" height="520"/, name);
    assert.match(svg, /^<svg role="img" aria-label="[^"]+"/, name);
    assert.match(svg, /<desc>[^<]+<\/desc>/, name);
    const html = String((await renderReport(table, 'html')).data);
    assert.match(html, /<html lang="nl">/);
    assert.match(html, /<th scope="col">/);
    const json = JSON.parse(String((await renderReport(table, 'json')).data));
    assert.equal(json.naam, name);
    assert.equal(json.rijen.length, table.rijen.length);
  }
  const json = JSON.parse(String((await renderReport(await report('verstrekkers', { van: '2026-01-01', tot: '2026-12-31' }), 'json')).data));
  assert.equal(json.rijen[0].te_verrekenen, '410.00');
  assert.equal(json.rijen[0].te_verrekenen_centen, 410_00);
});

test(`quarterly statement of holder B as a tagged PDF (${STORE})`, async () => {
  // B, Q1 2026: WLZ T-B 5000.00. Care in February: D8 25.00 + monthly pay 200.00; in March: D2 100.00 + D6 50.00
  // (D6 is approved, not yet paid: spent all the same). Per provider: ZV1 (monthly pay) 200.00, ZV2 175.00. Left 4625.00.
  const s = await budgetStatement(t.db, { holder: { bsn: HOLDER.b }, kwartaal: '2026-Q1', now: new Date('2026-04-02T10:00:00+02:00') });
  assert.equal(s.holder.clientnummer, 1000002);
  assert.equal(s.wetten.length, 1);
  const w = s.wetten[0]!;
  assert.equal(w.wet, 'WLZ');
  assert.deepEqual(w.maanden.map((m) => [m.maand, m.uit_budget]), [['2026-01', 0], ['2026-02', 225_00], ['2026-03', 150_00]]);
  assert.deepEqual(w.per_zorgverlener.map((p) => [p.zorgverlener_id, p.bedrag]), [['ZV1', 200_00], ['ZV2', 175_00]]);
  assert.deepEqual([w.toegekend, w.besteed_kwartaal, w.gestort, w.resterend], [5000_00, 375_00, 0, 4625_00]);
  // Q2: nothing spent yet; the budget and what is left still show
  const q2 = await budgetStatement(t.db, { holder: { bsn: HOLDER.b }, kwartaal: '2026-Q2' });
  assert.deepEqual([q2.wetten[0]!.besteed_eerder, q2.wetten[0]!.besteed_kwartaal, q2.wetten[0]!.resterend], [375_00, 0, 4625_00]);

  const pdf = await budgetStatementPdf(s);
  const raw = pdf.toString('latin1');
  assert.ok(raw.startsWith('%PDF-1.7'));
  // tagged: /MarkInfo (→ /Marked true), a structure tree with table header cells, language and title
  for (const marker of ['/MarkInfo ', '/Marked true', '/StructTreeRoot', '/Lang (nl-NL)', '/DisplayDocTitle true', '/S /H1', '/S /Table', '/S /TH', '/Scope /Column']) {
    assert.ok(raw.includes(marker), `the PDF has ${marker}`);
  }
  assert.ok(!raw.includes(HOLDER.b), 'no BSN in the statement');
  await assert.rejects(budgetStatement(t.db, { holder: { bsn: HOLDER.b }, kwartaal: '2026-Q5' }), /geen kwartaal/);
});

test(`audit sample: reproducible from the seed, with the trace and working days from receipt to payment (${STORE})`, async () => {
  // paid claims: M and D1 (received 2 Mar, run 6 Mar: 4 working days), D8 (2 Mar → 23 Mar: 15), D2 (6 Mar → 23 Mar: 11), D5 (10 Mar → 23 Mar: 9)
  const all = await drawAuditSample(t.db, { aantal: 10, zaad: 'audit-2026' });
  assert.equal(all.populatie, 5);
  assert.deepEqual(Object.fromEntries(all.trekking.map((x) => [x.declaratie_id, [x.werkdagen, x.binnen_norm]])), {
    'mnd:Z-M:2026-02': [4, true], D1: [4, true], D8: [15, false], D2: [11, false], D5: [9, true],
  });
  // the order is the SHA-256 of "seed:id", as an auditor recomputes it
  const { createHash } = await import('node:crypto');
  const expected = ['mnd:Z-M:2026-02', 'D1', 'D8', 'D2', 'D5'].sort((a, b) => {
    const ka = createHash('sha256').update(`audit-2026:${a}`).digest('hex');
    const kb = createHash('sha256').update(`audit-2026:${b}`).digest('hex');
    return ka < kb ? -1 : 1;
  });
  assert.deepEqual(all.trekking.map((x) => x.declaratie_id), expected);
  const two = await drawAuditSample(t.db, { aantal: 2, zaad: 'audit-2026' });
  assert.deepEqual(two.trekking.map((x) => x.declaratie_id), expected.slice(0, 2));
  assert.deepEqual((await drawAuditSample(t.db, { aantal: 2, zaad: 'audit-2026' })).trekking.map((x) => x.declaratie_id), expected.slice(0, 2));
  // D8's trace shows the return and the second payment
  const d8 = all.trekking.find((x) => x.declaratie_id === 'D8')!;
  assert.deepEqual(d8.spoor.map((e) => e.gebeurtenis), ['ontvangen', 'goedgekeurd', 'in betaalrun', 'teruggeboekt', 'in betaalrun']);
  assert.equal(d8.betaald_op, '2026-03-23');
  // a period by execution date: only run R1 (6 Mar)
  assert.deepEqual((await drawAuditSample(t.db, { aantal: 10, zaad: 'x', van: d('2026-03-01'), tot: d('2026-03-10') })).trekking.map((x) => x.declaratie_id).sort(), ['D1', 'mnd:Z-M:2026-02']);
  const csv = sampleCsv(two);
  assert.equal(csv.split('\n')[0], 'rang,declaratie_id,clientnummer,zorgverlener_id,soort,kanaal,bedrag,ontvangen_op,ontvangstdatum,uiterste_betaaldatum,betaald_op,werkdagen,binnen_norm,betaalrun_id,betaling_id,betaling_status,rangsleutel,spoor');
  assert.match(csv, /ontvangen \(test\)/);
  const json = JSON.parse(sampleJson(all));
  assert.equal(json.trekking.length, 5);
  assert.match(json.trekking[0].spoor[0].op, /^2026-03-0\dT\d\d:\d\d:\d\d\+01:00$/);
});
