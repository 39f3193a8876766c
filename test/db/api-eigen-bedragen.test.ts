/**
 * Own amounts over HTTP (issue #8): a holder's representative requests the verantwoordingsvrij
 * bedrag in the portal; the same request id twice changes nothing; a request above the yearly
 * maximum is refused with the figures and writes nothing; each party sees only what it may.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startApiWorld, WORLD, type ApiWorld } from '../support/api.ts';
import { stateCounts, STORE } from '../support/db.ts';

describe(`eigen bedragen over HTTP (${STORE})`, () => {
  let api: ApiWorld;
  before(async () => {
    api = await startApiWorld();
  });
  after(async () => {
    await api?.close();
  });

  test('a representative requests the VVB for holder B (Wlz); again with the same id: the same answer, nothing new', async () => {
    const v = api.as('vertegenwoordiger');
    const body = { aanvraag_id: 'portaal-vvb-b-2026', budgethouder_id: WORLD.holderIds.b, wet: 'WLZ', soort: 'verantwoordingsvrij', jaar: 2026, bedrag: '100.00' };
    const r = await v.post('/api/eigen-bedragen', body);
    assert.equal(r.status, 201, r.text);
    assert.deepEqual({ id: r.json.aanvraag_id, bedrag: r.json.bedrag, status: r.json.status }, { id: 'portaal-vvb-b-2026', bedrag: '100.00', status: 'goedgekeurd' });
    const again = await v.post('/api/eigen-bedragen', body);
    assert.equal(again.status, 200, again.text);
    assert.equal(again.json.aanvraag_id, 'portaal-vvb-b-2026');
    const n = await api.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM eigen_bedragen`);
    assert.equal(n.rows[0]!.n, 1);
  });

  test('above the yearly maximum: 400 with the figures, nothing written', async () => {
    const before = await stateCounts(api.db);
    const r = await api.as('vertegenwoordiger').post('/api/eigen-bedragen', { budgethouder_id: WORLD.holderIds.b, wet: 'WLZ', soort: 'verantwoordingsvrij', jaar: 2026, bedrag: '150.01' });
    assert.equal(r.status, 400, r.text);
    assert.equal(r.json.problems[0].column, 'bedrag');
    assert.match(r.json.problems[0].message, /waarvan al € 100,00 is aangevraagd\. U kunt nog € 150,00 aanvragen\./);
    assert.deepEqual(await stateCounts(api.db), before);
  });

  test('who sees it: the representative and holder B\'s funder, not holder A nor another funder', async () => {
    const ids = async (caller: Parameters<ApiWorld['as']>[0]) => ((await api.as(caller).get('/api/eigen-bedragen')).json as { aanvraag_id: string }[]).map((x) => x.aanvraag_id);
    assert.deepEqual(await ids('vertegenwoordiger'), ['portaal-vvb-b-2026']);
    assert.deepEqual(await ids('buitenstaander'), ['portaal-vvb-b-2026']); // ZK0001 funds holder B
    assert.deepEqual(await ids('budgethouder'), []);
    assert.deepEqual(await ids('verstrekker'), []);
    assert.deepEqual(await ids('backoffice'), ['portaal-vvb-b-2026']);
  });

  test('the room says what a request can still get, as the request itself decides it; never of another holder', async () => {
    const v = api.as('vertegenwoordiger');
    const q = (over: Record<string, string | number> = {}) => `/api/eigen-bedragen/ruimte?${new URLSearchParams({ budgethouder_id: String(WORLD.holderIds.b), wet: 'WLZ', soort: 'verantwoordingsvrij', jaar: '2026', ...over } as Record<string, string>)}`;
    const r = await v.get(q());
    assert.equal(r.status, 200, r.text);
    // the refusal above said: € 100,00 requested, € 150,00 left: a yearly maximum of € 250,00 (the Wlz minimum)
    assert.deepEqual(
      { jaarmaximum: r.json.jaarmaximum, aangevraagd: r.json.aangevraagd, nog: r.json.nog_aan_te_vragen, percentage: r.json.regel?.percentage, open: r.json.open_budget },
      { jaarmaximum: '250.00', aangevraagd: '100.00', nog: '150.00', percentage: '1.50', open: true },
    );
    const ok = await v.post('/api/eigen-bedragen', { budgethouder_id: WORLD.holderIds.b, wet: 'WLZ', soort: 'verantwoordingsvrij', jaar: 2026, bedrag: r.json.nog_aan_te_vragen });
    assert.equal(ok.status, 201, ok.text);
    assert.equal((await v.get(q())).json.nog_aan_te_vragen, '0.00');
    // no budget of that law in that year: nothing to request
    const none = await v.get(q({ jaar: 2030 }));
    assert.equal(none.status, 200, none.text);
    assert.deepEqual({ nog: none.json.nog_aan_te_vragen, open: none.json.open_budget }, { nog: '0.00', open: false });
    // holder A cannot look at holder B; a kind that does not exist is named
    assert.equal((await api.as('budgethouder').get(q())).status, 404);
    const bad = await v.get(q({ soort: 'vakantiegeld' }));
    assert.equal(bad.status, 400, bad.text);
    assert.match(bad.text, /soort/);
  });
});
