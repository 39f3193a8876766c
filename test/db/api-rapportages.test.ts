/**
 * Reports, statements, the audit sample and signals over HTTP, on the API world of
 * test/support/api.ts: holder A (GM0001) has an approved claim of 60.00 and holder B (ZK0001) one
 * of 75.00, both received Monday 2 November 2026; holder C's agreement waits for GM0001.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startApiWorld, WORLD, type ApiWorld } from '../support/api.ts';
import { STORE } from '../support/db.ts';
import { computeSignals } from '../../src/modules/signalen/index.ts';
import { dateInNetherlands } from '../../src/kernel/dates.ts';

const NOW = new Date('2026-11-24T12:00:00+01:00');
const week = '/api/rapportages/werkvoorraad?van=2026-11-02&tot=2026-11-08';

describe(`reports, statements, sample and signals over HTTP (${STORE})`, () => {
  let api: ApiWorld;
  before(async () => {
    api = await startApiWorld({ now: () => NOW });
  });
  after(async () => {
    await api?.close();
  });

  test('a report: everything for the back office, its own holders for a funder; naming another funder is 404', async () => {
    const all = await api.as('backoffice').get(week);
    assert.equal(all.status, 200, all.text);
    assert.deepEqual([all.json.rijen[0].week, all.json.rijen[0].instroom, all.json.rijen[0].voorraad_eind], ['2026-W45', 2, 2]);
    assert.equal(all.json.verstrekker, null);
    const gm = await api.as('verstrekker').get(week);
    assert.deepEqual([gm.json.verstrekker, gm.json.rijen[0].instroom], ['GM0001', 1]);
    const zk = await api.as('buitenstaander').get(week);
    assert.deepEqual([zk.json.verstrekker, zk.json.rijen[0].instroom], ['ZK0001', 1]);
    assert.equal((await api.as('buitenstaander').get(`${week}&verstrekker=GM0001`)).status, 404);
    assert.equal((await api.as('backoffice').get(`${week}&verstrekker=ZK0001`)).json.rijen[0].instroom, 1);
    assert.equal((await api.as('backoffice').get('/api/rapportages/bestaat-niet')).status, 404);
    assert.equal((await api.as('budgethouder').get(week)).status, 404);
    const list = await api.as('auditor').get('/api/rapportages');
    assert.ok(list.json.items.some((r: { naam: string }) => r.naam === 'tijdigheid'));
    // C's agreement waits for GM0001: counted on the day the world was loaded (the import stamps its
    // versions with the real clock, while the server's clock is NOW)
    const acc = await api.as('verstrekker').get(`/api/rapportages/accorderingen?peildatum=${dateInNetherlands(new Date())}`);
    assert.deepEqual(acc.json.rijen.map((r: { verstrekker: string; wachtend: number }) => [r.verstrekker, r.wachtend]), [['GM0001', 1], ['totaal', 1]]);
  });

  test('the same report as a chart, a page, CSV and Excel', async () => {
    const svg = await api.as('verstrekker').get(`${week}&formaat=svg`);
    assert.equal(svg.status, 200);
    assert.match(svg.headers.get('content-type')!, /^image\/svg\+xml/);
    assert.match(svg.text, /^<svg role="img" aria-label="Werkvoorraad declaraties/);
    const html = await api.as('verstrekker').get(`${week}&formaat=html`);
    assert.match(html.headers.get('content-type')!, /^text\/html/);
    assert.match(html.text, /<figure role="img"/);
    const csv = await api.as('backoffice').get(`${week}&formaat=csv`);
    assert.match(csv.headers.get('content-disposition')!, /werkvoorraad-2026-11-02-2026-11-08\.csv/);
    assert.equal(csv.text.split('\n')[1], '2026-W45,2026-11-02,2026-11-08,0,2,0,0,0,0,2');
    const xlsx = await api.as('backoffice').get(`${week}&formaat=xlsx`);
    assert.match(xlsx.headers.get('content-type')!, /spreadsheetml/);
  });

  test('the quarterly statement: the holder their own, as a PDF; someone else\'s is 404', async () => {
    const pdf = await api.as('budgethouder').get(`/api/budgethouders/${WORLD.holderIds.a}/kwartaaloverzicht?kwartaal=2026-Q4`);
    assert.equal(pdf.status, 200, pdf.text);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    assert.match(pdf.headers.get('content-disposition')!, /kwartaaloverzicht-\d+-2026-Q4\.pdf/);
    assert.ok(pdf.text.startsWith('%PDF-1.7'));
    assert.equal((await api.as('budgethouder').get(`/api/budgethouders/${WORLD.holderIds.b}/kwartaaloverzicht?kwartaal=2026-Q4`)).status, 404);
    assert.equal((await api.as('vertegenwoordiger').get(`/api/budgethouders/${WORLD.holderIds.b}/kwartaaloverzicht?kwartaal=2026-Q4`)).status, 200);
    assert.equal((await api.as('backoffice').get('/api/budgethouders/999999/kwartaaloverzicht?kwartaal=2026-Q4')).status, 404);
    assert.equal((await api.as('backoffice').get(`/api/budgethouders/${WORLD.holderIds.a}/kwartaaloverzicht?kwartaal=2026-Q9`)).status, 400);
  });

  test('the audit sample for the auditor (nothing paid yet in this world)', async () => {
    const r = await api.as('auditor').get('/api/steekproef?aantal=5&zaad=x');
    assert.equal(r.status, 200, r.text);
    assert.deepEqual([r.json.populatie, r.json.trekking.length], [0, 0]);
    assert.equal((await api.as('verstrekker').get('/api/steekproef?aantal=5&zaad=x')).status, 404);
  });

  test('signals: a holder sees their own budget signals, a funder those that concern it', async () => {
    // with the threshold at 100% every budget something was spent from signals: A's (GM0001) and B's (ZK0001)
    const r = await computeSignals(api.db, { actor: 'test', now: NOW, restantProcent: 100 });
    assert.equal(r.nieuw.budget_uitputting, 2);
    const subjects = async (caller: Parameters<ApiWorld['as']>[0]) => (await api.as(caller).get('/api/signalen')).json.items.map((s: { onderwerp: string }) => s.onderwerp).sort();
    assert.deepEqual(await subjects('budgethouder'), [`budget:${WORLD.allocations.a}`]);
    assert.deepEqual(await subjects('vertegenwoordiger'), [`budget:${WORLD.allocations.b}`]);
    assert.deepEqual(await subjects('verstrekker'), [`budget:${WORLD.allocations.a}`]);
    assert.deepEqual(await subjects('buitenstaander'), [`budget:${WORLD.allocations.b}`]);
    assert.deepEqual(await subjects('backoffice'), [`budget:${WORLD.allocations.a}`, `budget:${WORLD.allocations.b}`].sort());
    const one = (await api.as('budgethouder').get('/api/signalen')).json.items[0];
    assert.equal(one.naam, 'Budget raakt op');
    assert.equal(one.bewijs.besteed, 60_00);
    assert.equal((await api.as('zorgverlener').get('/api/signalen')).status, 404);
  });
});
