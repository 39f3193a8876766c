/**
 * The funder's journey over HTTP: submit an allocation, correct it, withdraw it (staff and the
 * funder's system), search a provider by KvK number or BSN, download Excel files; and every step
 * scoped to the funder's own holders: another funder's allocation, holder or provider answers 404
 * or "onbekend", exactly like one that does not exist.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { startApiWorld, WORLD, type ApiWorld } from '../support/api.ts';
import { STORE } from '../support/db.ts';
import { AGREEMENT_HEADER, ALLOCATION_HEADER, HOLDER, agreement, allocation, csv, load } from '../support/factories.ts';
import { syntheticBsn } from '../../src/kernel/synthetic.ts';
import { InputError } from '../../src/kernel/errors.ts';
import { DATE_FORMAT, EURO_FORMAT } from '../../src/modules/exports/xlsx.ts';

const allocationRow = (over: Record<string, string> = {}) => ({
  toekenning_id: 'GM-2026-001',
  bsn: HOLDER.a,
  wet: 'WMO_BG',
  ingangsdatum: '2026-01-01',
  einddatum: '2026-12-31',
  bedrag: '1200.00',
  ...over,
});

async function workbook(res: { status: number; headers: Headers }, body: ArrayBuffer | Buffer) {
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  assert.match(res.headers.get('content-disposition') ?? '', /^attachment; filename="\w+-\d{4}-\d{2}-\d{2}\.xlsx"/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as never);
  return wb.worksheets[0]!;
}

/** A download as bytes (the test client reads text, which would spoil a zip). */
async function download(api: ApiWorld, caller: Parameters<ApiWorld['as']>[0], path: string) {
  const c = api.as(caller);
  const headers: Record<string, string> = {};
  if (c.cookie) headers.cookie = `pgb_sessie=${c.cookie}`;
  const res = await fetch(`${api.baseUrl}${path}`, { headers });
  return { res, body: Buffer.from(await res.arrayBuffer()) };
}

function rows(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow((r) => out.push((r.values as unknown[]).slice(1)));
  return out;
}

describe(`the funder's journey over HTTP (${STORE})`, () => {
  let api: ApiWorld;
  before(async () => {
    api = await startApiWorld();
  });
  after(async () => {
    await api?.close();
  });

  test('a funder submits an allocation: its own funder code is filled in, the answer has cents and euros, the BSN masked; sending it again changes nothing', async () => {
    const gm = api.as('verstrekker');
    const r = await gm.post('/api/toekenningen', { toekenningen: [allocationRow()] });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.json.nieuw, 1);
    assert.equal(r.json.toekenningen.length, 1);
    const t = r.json.toekenningen[0];
    assert.equal(t.toekenning_id, 'GM-2026-001');
    assert.equal(t.verstrekker, 'GM0001');
    assert.equal(t.bedrag, '1200.00');
    assert.equal(t.bedrag_centen, 120000);
    assert.equal(t.bsn, `*****${HOLDER.a.slice(-4)}`);
    assert.equal(t.actueel, true);
    const again = await gm.post('/api/toekenningen', { toekenningen: [allocationRow({ verstrekker: 'GM0001' })] });
    assert.equal(again.status, 200, again.text);
    assert.equal(again.json.nieuw, 0);
    assert.equal(again.json.al_bekend, 1);
  });

  test('a funder naming another funder in the body gets 404, and nothing is stored', async () => {
    const r = await api.as('verstrekker').post('/api/toekenningen', { toekenningen: [allocationRow({ toekenning_id: 'GM-X', verstrekker: 'ZK0001' })] });
    assert.equal(r.status, 404, r.text);
    assert.equal(r.json.code, 'NIET_GEVONDEN');
    const n = await api.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM toekenningen WHERE toekenning_id = 'GM-X'`);
    assert.equal(n.rows[0]!.n, 0);
  });

  test('a JSON allocation gets exactly the rules and messages of toekenningen.csv', async () => {
    const bad = { toekenning_id: 'GM-BAD', verstrekker: 'GM0001', bsn: '123456789', wet: 'WMO', ingangsdatum: '2026-02-30', einddatum: '2026-12-31', bedrag: '12,50' };
    const r = await api.as('verstrekker').post('/api/toekenningen', { toekenningen: [bad] });
    assert.equal(r.status, 400, r.text);
    assert.equal(r.json.code, 'INVOER_ONGELDIG');
    const viaCsv = await load(api.db, 'toekenningen', csv(ALLOCATION_HEADER, [Object.values(bad).map((v) => (v.includes(',') ? `"${v}"` : v)).join(',') + ',']), 'verzoek').then(
      () => assert.fail('the CSV import should refuse the same row'),
      (e: unknown) => (e as InputError).problems,
    );
    const strip = (ps: { column: string; message: string }[]) => ps.map((p) => `${p.column}: ${p.message}`);
    assert.deepEqual(strip(r.json.problems), strip([...viaCsv]));
    assert.ok(r.json.problems.every((p: { file: string; line: number }) => p.file === 'verzoek' && p.line === 1));
    assert.deepEqual(r.json.problems.map((p: { column: string }) => p.column).sort(), ['bedrag', 'bsn', 'ingangsdatum', 'wet']);
  });

  test('a correction (vervangt) changes the budget; its ledger difference shows in the budgets', async () => {
    const gm = api.as('verstrekker');
    const r = await gm.post('/api/toekenningen', { toekenningen: [allocationRow({ toekenning_id: 'GM-2026-002', bedrag: '1500.00', vervangt: 'GM-2026-001' })] });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.json.toekenningen[0].vervangt, 'GM-2026-001');
    const b = await gm.get(`/api/budgetten?budgethouder_id=${WORLD.holderIds.a}&wet=WMO_BG`);
    assert.equal(b.status, 200, b.text);
    assert.deepEqual(
      b.json.items.map((x: Record<string, unknown>) => [x.budget_id, x.laatste_versie, x.toegekend, x.beschikbaar]),
      [['GM-2026-001', 'GM-2026-002', '1500.00', '1500.00']],
    );
  });

  test("correcting another funder's allocation answers exactly as for one that does not exist", async () => {
    const gm = api.as('verstrekker');
    const other = await gm.post('/api/toekenningen', { toekenningen: [allocationRow({ toekenning_id: 'GM-C1', bsn: HOLDER.b, wet: 'WMO_HH', vervangt: WORLD.allocations.b })] });
    const missing = await gm.post('/api/toekenningen', { toekenningen: [allocationRow({ toekenning_id: 'GM-C1', bsn: HOLDER.b, wet: 'WMO_HH', vervangt: 'BESTAAT-NIET' })] });
    assert.equal(other.status, 400, other.text);
    assert.equal(missing.status, 400, missing.text);
    assert.deepEqual(other.json.problems, [{ file: 'verzoek', line: 1, column: 'vervangt', message: `toekenning '${WORLD.allocations.b}' is onbekend` }]);
    assert.deepEqual(missing.json.problems, [{ file: 'verzoek', line: 1, column: 'vervangt', message: "toekenning 'BESTAAT-NIET' is onbekend" }]);
    assert.doesNotMatch(other.text, /ZK0001/);
    // withdrawing it is not found either
    const w = await gm.post(`/api/toekenningen/${WORLD.allocations.b}/intrekking`, { toekenning_id: 'GM-W-X' });
    assert.equal(w.status, 404, w.text);
    const w2 = await gm.post('/api/toekenningen/BESTAAT-NIET/intrekking', { toekenning_id: 'GM-W-X' });
    assert.equal(w2.status, 404);
    assert.equal(w.json.detail.replace(WORLD.allocations.b, 'X'), w2.json.detail.replace('BESTAAT-NIET', 'X'));
  });

  test("the funder's system withdraws an allocation: a 0.00 correction of the latest version; again changes nothing", async () => {
    const sys = api.as('verstrekker_systeem');
    const r = await sys.post('/api/toekenningen/GM-2026-001/intrekking', { toekenning_id: 'GM-2026-003' });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.json.toekenning.toekenning_id, 'GM-2026-003');
    assert.equal(r.json.toekenning.vervangt, 'GM-2026-002');
    assert.equal(r.json.toekenning.bedrag, '0.00');
    const again = await sys.post('/api/toekenningen/GM-2026-001/intrekking', { toekenning_id: 'GM-2026-003' });
    assert.equal(again.status, 200, again.text);
    assert.equal(again.json.nieuw, 0);
    const twice = await sys.post('/api/toekenningen/GM-2026-002/intrekking', { toekenning_id: 'GM-2026-004' });
    assert.equal(twice.status, 409, twice.text);
    const b = await sys.get(`/api/budgetten?budgethouder_id=${WORLD.holderIds.a}&wet=WMO_BG`);
    assert.equal(b.json.items[0].toegekend, '0.00');
    assert.equal(b.json.items[0].beschikbaar_centen, 0);
    const audit = await api.db.query<{ actor: string }>(`SELECT actor FROM audit_log WHERE actie = 'import.toekenningen' ORDER BY id DESC LIMIT 1`);
    assert.match(audit.rows[0]!.actor, /^systeem:.*\(verstrekker_systeem\)$/);
  });

  test('an allocation partly spent cannot be withdrawn: the CSV rule and message', async () => {
    const r = await api.as('verstrekker').post(`/api/toekenningen/${WORLD.allocations.a}/intrekking`, { toekenning_id: 'GM-W-A' });
    assert.equal(r.status, 400, r.text);
    assert.equal(r.json.problems[0].column, 'bedrag');
    assert.match(r.json.problems[0].message, /0\.00 is minder dan wat al uit deze toekenning is betaald \(60\.00\)/);
  });

  test('the list of allocations is scoped: own funder only; the back office sees all, with the BSN', async () => {
    const mine = await api.as('verstrekker').get('/api/toekenningen?limit=1000');
    assert.equal(mine.status, 200);
    const ids = mine.json.items.map((t: { toekenning_id: string }) => t.toekenning_id).sort();
    assert.deepEqual(ids, ['GM-2026-001', 'GM-2026-002', 'GM-2026-003', WORLD.allocations.a, WORLD.allocations.c].sort());
    assert.ok(mine.json.items.every((t: { verstrekker: string }) => t.verstrekker === 'GM0001'));
    const current = await api.as('verstrekker').get('/api/toekenningen?actueel=true&wet=WMO_BG');
    assert.deepEqual(current.json.items.map((t: { toekenning_id: string }) => t.toekenning_id), ['GM-2026-003']);
    const theirs = await api.as('buitenstaander').get('/api/toekenningen');
    assert.deepEqual(theirs.json.items.map((t: { toekenning_id: string }) => t.toekenning_id), [WORLD.allocations.b]);
    const peek = await api.as('verstrekker').get('/api/toekenningen?verstrekker=ZK0001');
    assert.equal(peek.status, 404);
    const all = await api.as('backoffice').get('/api/toekenningen?limit=1000');
    assert.ok(all.json.items.some((t: { verstrekker: string }) => t.verstrekker === 'ZK0001'));
    assert.ok(all.json.items.some((t: { bsn: string }) => t.bsn === `*****${HOLDER.a.slice(-4)}`), 'masked for the back office too');
  });

  test('the back office names the funder explicitly', async () => {
    const bo = api.as('backoffice');
    const none = await bo.post('/api/toekenningen', { toekenningen: [allocationRow({ toekenning_id: 'BO-1', bsn: HOLDER.b, wet: 'WLZ' })] });
    assert.equal(none.status, 400, none.text);
    assert.deepEqual(none.json.problems.map((p: { column: string }) => p.column), ['verstrekker']);
    const ok = await bo.post('/api/toekenningen', { toekenningen: [allocationRow({ toekenning_id: 'BO-1', verstrekker: 'ZK0001', bsn: HOLDER.b, wet: 'WLZ', bedrag: '250.00' })] });
    assert.equal(ok.status, 201, ok.text);
    assert.equal(ok.json.toekenningen[0].verstrekker, 'ZK0001');
  });

  test("another funder's holder answers 404, as does a filter on it", async () => {
    assert.equal((await api.as('verstrekker').get(`/api/budgethouders/${WORLD.holderIds.b}`)).status, 404);
    assert.equal((await api.as('buitenstaander').get(`/api/budgethouders/${WORLD.holderIds.a}`)).status, 404);
    assert.equal((await api.as('verstrekker').get(`/api/budgetten?budgethouder_id=${WORLD.holderIds.b}`)).status, 404);
    assert.equal((await api.as('verstrekker').get('/api/budgethouders/999999')).status, 404);
    const own = await api.as('verstrekker').get(`/api/budgethouders/${WORLD.holderIds.a}`);
    assert.equal(own.status, 200, own.text);
    assert.ok(own.json.budgetten.every((b: { verstrekker: string }) => b.verstrekker === 'GM0001'));
  });

  test('provider search by KvK or BSN: all its agreements with this funder’s holders, never another funder’s; 404 otherwise', async () => {
    // ZV1 also works for holder B (funded by ZK0001 only)
    await load(api.db, 'zorgovereenkomsten', csv(AGREEMENT_HEADER, [agreement('X-ZOK-B1', HOLDER.b, 'ZV1', 'WLZ', { rate: '28.00' })]));
    const ids = (r: { json: { items: { zorgovereenkomsten: { zorgovereenkomst_id: string }[] }[] } }) =>
      r.json.items.flatMap((p) => p.zorgovereenkomsten.map((z) => z.zorgovereenkomst_id)).sort();
    const gm = await api.as('verstrekker').get('/api/zorgverleners?kvk=10000001');
    assert.equal(gm.status, 200, gm.text);
    assert.equal(gm.json.items[0].zorgverlener_id, 'ZV1');
    assert.equal(gm.json.items[0].naam, 'Zorg Een');
    assert.deepEqual(ids(gm), [WORLD.agreements.a]);
    assert.equal(gm.json.items[0].zorgovereenkomsten[0].tarief, '30.00');
    assert.equal(gm.json.items[0].zorgovereenkomsten[0].tarief_centen, 3000);
    assert.match(gm.json.items[0].iban, /\*{4}/);
    const sys = await api.as('verstrekker_systeem').get('/api/zorgverleners?kvk=10000001');
    assert.deepEqual(ids(sys), [WORLD.agreements.a]);
    const zk = await api.as('buitenstaander').get('/api/zorgverleners?kvk=10000001');
    assert.deepEqual(ids(zk), ['X-ZOK-B1']);
    const bo = await api.as('backoffice').get('/api/zorgverleners?kvk=10000001');
    assert.deepEqual(ids(bo), [WORLD.agreements.a, 'X-ZOK-B1'].sort());
    // ZV3 works only for C (GM0001); its agreement still awaits approval and is shown to its funder
    assert.deepEqual(ids(await api.as('verstrekker').get('/api/zorgverleners?kvk=10000003')), [WORLD.agreements.c]);
    assert.equal((await api.as('buitenstaander').get('/api/zorgverleners?kvk=10000003')).status, 404);
    // a private provider by BSN: ZV2 works only for B
    const zv2 = syntheticBsn(601);
    assert.equal((await api.as('verstrekker').get(`/api/zorgverleners?bsn=${zv2}`)).status, 404);
    const byBsn = await api.as('buitenstaander').get(`/api/zorgverleners?bsn=${zv2}`);
    assert.deepEqual(ids(byBsn), [WORLD.agreements.b]);
    assert.equal(byBsn.json.items[0].bsn, `*****${zv2.slice(-4)}`);
    // unknown, or asked wrongly
    const unknown = await api.as('verstrekker').get('/api/zorgverleners?kvk=99999999');
    const hidden = await api.as('buitenstaander').get('/api/zorgverleners?kvk=10000003');
    assert.equal(unknown.status, 404);
    assert.equal(hidden.json.detail.replace('10000003', 'N'), unknown.json.detail.replace('99999999', 'N'));
    assert.equal((await api.as('verstrekker').get('/api/zorgverleners')).status, 400);
    assert.equal((await api.as('verstrekker').get('/api/zorgverleners?kvk=10000001&bsn=123456782')).status, 400);
  });

  test('Excel: budgets of the own funder only, euros as numbers with € #,##0.00, dates as dates', async () => {
    const { res, body } = await download(api, 'verstrekker', '/api/export/budgetten.xlsx');
    const ws = await workbook(res, body);
    const all = rows(ws);
    assert.deepEqual(all[0], ['Toekenning', 'Laatste versie', 'Verstrekker', 'Cliëntnummer', 'Budgethouder', 'Wet', 'Ingangsdatum', 'Einddatum', 'Toegekend', 'Besteed', 'Betaald', 'Nog te betalen', 'Beschikbaar']);
    const data = all.slice(1);
    assert.ok(data.every((r) => r[2] === 'GM0001'), 'only GM0001');
    assert.deepEqual(data.map((r) => r[0]).sort(), ['GM-2026-001', WORLD.allocations.a, WORLD.allocations.c].sort());
    const a = ws.getRow(data.findIndex((r) => r[0] === WORLD.allocations.a) + 2);
    assert.equal(a.getCell(9).value, 5000);
    assert.equal(a.getCell(9).numFmt, EURO_FORMAT);
    assert.equal(a.getCell(10).value, 60);
    assert.equal(a.getCell(13).value, 4940);
    assert.equal(a.getCell(13).numFmt, EURO_FORMAT);
    assert.ok(a.getCell(7).value instanceof Date);
    assert.equal((a.getCell(7).value as Date).toISOString(), '2026-01-01T00:00:00.000Z');
    assert.equal(a.getCell(7).numFmt, DATE_FORMAT);
    assert.doesNotMatch(JSON.stringify(all), new RegExp(HOLDER.a), 'no BSN for a funder');
    // the back office sees every funder, with the BSN
    const before = (await api.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE actie = 'export.download'`)).rows[0]!.n;
    const bo = await download(api, 'backoffice', '/api/export/budgetten.xlsx');
    const boRows = rows(await workbook(bo.res, bo.body));
    assert.ok(boRows[0]!.includes('BSN'));
    assert.ok(boRows.some((r) => r.includes('ZK0001')));
    // a file with whole BSNs is a view of them: audited, who and which file
    const audit = await api.db.query<{ actor: string; onderwerp: string; reden: string }>(`SELECT actor, onderwerp, reden FROM audit_log WHERE actie = 'export.download' ORDER BY id`);
    assert.equal(audit.rows.length, before + 1);
    const last = audit.rows.at(-1)!;
    assert.equal(last.onderwerp, 'export:budgetten');
    assert.match(last.actor, /\(backoffice\)$/);
    assert.match(last.reden, new RegExp(`^budgetten-\\d{4}-\\d{2}-\\d{2}\\.xlsx: ${boRows.length - 1} rijen met het hele BSN$`));
    // a funder's file has no BSN, and its download is no view of one
    await download(api, 'verstrekker', '/api/export/budgetten.xlsx');
    assert.equal((await api.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE actie = 'export.download'`)).rows[0]!.n, before + 1);
  });

  test('Excel: agreements awaiting approval with their age in days', async () => {
    await api.db.query(`UPDATE zorgovereenkomst_versies SET op = op - interval '12 days' WHERE zorgovereenkomst_id = $1`, [WORLD.agreements.c]);
    const { res, body } = await download(api, 'verstrekker', '/api/export/zorgovereenkomsten.xlsx?status=ingediend');
    const ws = await workbook(res, body);
    const all = rows(ws);
    const header = all[0] as string[];
    assert.equal(header.at(-1), 'Leeftijd (dagen)');
    assert.equal(all.length, 2, 'only C awaits approval among GM0001’s holders');
    const row = ws.getRow(2);
    assert.equal(row.getCell(1).value, WORLD.agreements.c);
    assert.equal(row.getCell(header.indexOf('Status') + 1).value, 'ingediend');
    assert.equal(row.getCell(header.length).value, 12);
    assert.equal(row.getCell(header.indexOf('Tarief') + 1).value, 70);
    assert.equal(row.getCell(header.indexOf('Tarief') + 1).numFmt, EURO_FORMAT);
    assert.ok(row.getCell(header.indexOf('Ingangsdatum') + 1).value instanceof Date);
    const zk = await download(api, 'buitenstaander', '/api/export/zorgovereenkomsten.xlsx?status=ingediend');
    assert.equal(rows(await workbook(zk.res, zk.body)).length, 1, 'another funder: headers only');
  });

  test('Excel: claims of the own holders only', async () => {
    const { res, body } = await download(api, 'verstrekker', '/api/export/declaraties.xlsx');
    const ws = await workbook(res, body);
    const all = rows(ws);
    const header = all[0] as string[];
    assert.deepEqual(all.slice(1).map((r) => r[0]), [WORLD.claims.a]);
    const row = ws.getRow(2);
    assert.equal(row.getCell(header.indexOf('Bedrag') + 1).value, 60);
    assert.equal(row.getCell(header.indexOf('Bedrag') + 1).numFmt, EURO_FORMAT);
    assert.equal(row.getCell(header.indexOf('Status') + 1).value, 'goedgekeurd');
    assert.ok(row.getCell(header.indexOf('Ontvangen op') + 1).value instanceof Date);
    assert.ok(row.getCell(header.indexOf('Uiterste betaaldatum') + 1).value instanceof Date);
    const zk = await download(api, 'buitenstaander', '/api/export/declaraties.xlsx');
    assert.deepEqual(rows(await workbook(zk.res, zk.body)).slice(1).map((r) => r[0]), [WORLD.claims.b]);
    const sys = await api.as('verstrekker_systeem').get('/api/export/declaraties.xlsx');
    assert.equal(sys.status, 200);
    assert.equal((await api.as('budgethouder').get('/api/export/declaraties.xlsx')).status, 404);
  });
});
