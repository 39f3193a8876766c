/**
 * Budgets and budget holders over HTTP: each party sees only its own (a holder their own budgets,
 * a representative those of the holders they act for, a funder its own allocations and the holders
 * it funds), amounts as cents and euros, BSNs whole only for the back office, and a holder's
 * depletion per month of care with the expected run-out date.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startApiWorld, WORLD, type ApiWorld } from '../support/api.ts';
import { STORE } from '../support/db.ts';
import { CLAIM_HEADER, HOLDER, claimLine, csv } from '../support/factories.ts';

const NOW = new Date('2026-11-24T12:00:00+01:00');
const masked = (bsn: string) => `*****${bsn.slice(-4)}`;
const budgetIds = (r: { json: { items: { budget_id: string }[] } }) => r.json.items.map((b) => b.budget_id).sort();

describe(`budgets and holders over HTTP (${STORE})`, () => {
  let api: ApiWorld;
  before(async () => {
    api = await startApiWorld({ now: () => NOW });
  });
  after(async () => {
    await api?.close();
  });

  test('a holder sees their own budgets: allocated, spent, paid, still to pay, available, in cents and euros; and their own deposits per law', async () => {
    const r = await api.as('budgethouder').get('/api/budgetten');
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(budgetIds(r), [WORLD.allocations.a]);
    const b = r.json.items[0];
    assert.deepEqual(
      { toegekend: b.toegekend, besteed: b.besteed, betaald: b.betaald, nog_te_betalen: b.nog_te_betalen, beschikbaar: b.beschikbaar, cent: b.beschikbaar_centen },
      { toegekend: '5000.00', besteed: '60.00', betaald: '0.00', nog_te_betalen: '60.00', beschikbaar: '4940.00', cent: 494000 },
    );
    assert.equal(b.bsn, masked(HOLDER.a));
    assert.equal(b.verstrekker, 'GM0001');
    assert.deepEqual(r.json.per_wet, [
      {
        budgethouder_id: WORLD.holderIds.a,
        wet: 'WMO_HH',
        budgetten: 1,
        toegekend_centen: 500000,
        toegekend: '5000.00',
        besteed_centen: 6000,
        besteed: '60.00',
        betaald_centen: 0,
        betaald: '0.00',
        nog_te_betalen_centen: 6000,
        nog_te_betalen: '60.00',
        beschikbaar_centen: 494000,
        beschikbaar: '4940.00',
        eigen_bijdrage: { gestort_centen: 0, gestort: '0.00', beschikbaar_centen: 0, beschikbaar: '0.00' },
      },
    ]);
    assert.equal((await api.as('budgethouder').get(`/api/budgetten?budgethouder_id=${WORLD.holderIds.b}`)).status, 404);
  });

  test('a representative sees the holders they act for, and filters within them', async () => {
    const rep = api.as('vertegenwoordiger');
    assert.deepEqual(budgetIds(await rep.get('/api/budgetten')), [WORLD.allocations.b, WORLD.allocations.c].sort());
    assert.deepEqual(budgetIds(await rep.get('/api/budgetten?wet=JW')), [WORLD.allocations.c]);
    assert.deepEqual(budgetIds(await rep.get(`/api/budgetten?budgethouder_id=${WORLD.holderIds.b}`)), [WORLD.allocations.b]);
    assert.equal((await rep.get(`/api/budgetten?budgethouder_id=${WORLD.holderIds.a}`)).status, 404);
    const laws = (await rep.get('/api/budgetten')).json.per_wet.map((x: { budgethouder_id: number; wet: string }) => [x.budgethouder_id, x.wet]);
    assert.deepEqual(laws, [[WORLD.holderIds.b, 'WLZ'], [WORLD.holderIds.c, 'JW']].sort((x, y) => (x[0] as number) - (y[0] as number)));
  });

  test('a funder sees only its own allocations, without the holders’ own deposits; the back office and auditor all', async () => {
    const gm = await api.as('verstrekker').get('/api/budgetten');
    assert.deepEqual(budgetIds(gm), [WORLD.allocations.a, WORLD.allocations.c].sort());
    assert.ok(gm.json.per_wet.every((x: Record<string, unknown>) => !('eigen_bijdrage' in x)));
    assert.deepEqual(budgetIds(await api.as('verstrekker_systeem').get('/api/budgetten')), [WORLD.allocations.a, WORLD.allocations.c].sort());
    assert.deepEqual(budgetIds(await api.as('buitenstaander').get('/api/budgetten')), [WORLD.allocations.b]);
    assert.deepEqual(budgetIds(await api.as('auditor').get('/api/budgetten')), Object.values(WORLD.allocations).sort());
    const bo = await api.as('backoffice').get(`/api/budgetten?budgethouder_id=${WORLD.holderIds.a}`);
    assert.equal(bo.json.items[0].bsn, masked(HOLDER.a), 'masked for the back office too (the whole number: bsn-inzage, audited)');
    assert.equal((await api.as('zorgverlener').get('/api/budgetten')).status, 404);
  });

  test('holder search: a funder finds only the holders it funds, by exact BSN or name prefix, BSN masked', async () => {
    const gm = api.as('verstrekker');
    const all = await gm.get('/api/budgethouders');
    assert.equal(all.status, 200, all.text);
    assert.deepEqual(all.json.items.map((h: { id: number }) => h.id).sort(), [WORLD.holderIds.a, WORLD.holderIds.c].sort());
    assert.ok(all.json.items.every((h: { bsn: string }) => /^\*{5}\d{4}$/.test(h.bsn)));
    assert.ok(all.json.items.every((h: { verstrekkers: string[] }) => h.verstrekkers.join() === 'GM0001'));
    assert.deepEqual((await gm.get(`/api/budgethouders?bsn=${HOLDER.a}`)).json.items.map((h: { naam: string }) => h.naam), ['Houder A']);
    assert.deepEqual((await gm.get(`/api/budgethouders?bsn=${HOLDER.b}`)).json.items, [], 'another funder’s holder is not found');
    assert.deepEqual((await gm.get('/api/budgethouders?naam=houder%20c')).json.items.map((h: { naam: string }) => h.naam), ['Houder C']);
    assert.deepEqual((await gm.get('/api/budgethouders?naam=%25')).json.items, [], 'a LIKE wildcard is a plain character');
    assert.equal((await gm.get('/api/budgethouders?bsn=12345')).status, 400);
    assert.deepEqual((await api.as('buitenstaander').get('/api/budgethouders?naam=Houder')).json.items.map((h: { naam: string }) => h.naam), ['Houder B']);
    const bo = await api.as('backoffice').get(`/api/budgethouders?bsn=${HOLDER.b}`);
    assert.equal(bo.json.items[0].bsn, masked(HOLDER.b));
    assert.equal((await api.as('budgethouder').get('/api/budgethouders')).status, 404);
  });

  test('a holder’s page: budgets with spending per month of care and the expected run-out date at the current pace', async () => {
    // A's provider claims 22 hours a day for a week in November: 7 × 22 × 30.00 = 4620.00
    const lines = ['02', '03', '04', '05', '06', '07', '08'].map((d) =>
      claimLine('X-DCL-1', HOLDER.a, 'ZV1', `2026-11-${d}`, '22', '30.00', { agreement: WORLD.agreements.a, received: '2026-11-20T09:00:00+01:00' }),
    );
    const imp = await api.as('backoffice').post('/api/imports/declaraties', csv(CLAIM_HEADER, lines), { contentType: 'text/csv' });
    assert.equal(imp.status, 201, imp.text);
    assert.deepEqual(imp.json.declaraties, { goedgekeurd: 1 });

    const r = await api.as('budgethouder').get(`/api/budgethouders/${WORLD.holderIds.a}`);
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.naam, 'Houder A');
    assert.equal(r.json.bsn, masked(HOLDER.a));
    assert.equal(r.json.budgetten.length, 1);
    const u = r.json.budgetten[0].uitputting;
    // spent 4680.00 of 5000.00 from 1 January to 24 November (328 days): 320.00 lasts 23 more days;
    // the pace per month is 4680.00 / 328 × 365.25 / 12 = 434.2912…
    assert.deepEqual(
      { besteed: u.besteed, resterend: u.resterend, pct: u.percentage_besteed, tempo: u.tempo_per_maand, op: u.verwachte_uitputting, toereikend: u.toereikend, uitgeput: u.uitgeput },
      { besteed: '4680.00', resterend: '320.00', pct: 94, tempo: '434.29', op: '2026-12-17', toereikend: false, uitgeput: false },
    );
    assert.equal(u.maanden.length, 12);
    assert.deepEqual(u.maanden[9], { maand: '2026-10', besteed_centen: 6000, besteed: '60.00', cumulatief_centen: 6000, cumulatief: '60.00', resterend_centen: 494000, resterend: '4940.00' });
    assert.deepEqual([u.maanden[10].maand, u.maanden[10].besteed, u.maanden[10].cumulatief], ['2026-11', '4620.00', '4680.00']);
    assert.equal(u.maanden[11].besteed, '0.00');
    assert.equal(r.json.per_wet[0].besteed, '4680.00');
  });

  test('a holder’s page is 404 for whoever may not see that holder', async () => {
    assert.equal((await api.as('vertegenwoordiger').get(`/api/budgethouders/${WORLD.holderIds.a}`)).status, 404);
    assert.equal((await api.as('budgethouder').get(`/api/budgethouders/${WORLD.holderIds.c}`)).status, 404);
    assert.equal((await api.as('buitenstaander').get(`/api/budgethouders/${WORLD.holderIds.c}`)).status, 404);
    const rep = await api.as('vertegenwoordiger').get(`/api/budgethouders/${WORLD.holderIds.c}`);
    assert.equal(rep.status, 200);
    assert.equal(rep.json.budgetten[0].uitputting.toereikend, true, 'nothing spent: it lasts');
    assert.equal(rep.json.budgetten[0].uitputting.verwachte_uitputting, null);
    assert.equal((await api.as('zorgverlener').get(`/api/budgethouders/${WORLD.holderIds.a}`)).status, 404);
  });
});
