/**
 * POST /api/declaraties/controle: a claim checked before it is sent, as the portal's claim form
 * does while one types. The same reading rules and checks as POST /api/declaraties, nothing stored.
 * World of test/support/api.ts (holder A: WMO_HH 5000.00 from GM0001, agreement W-ZOK-A with ZV1
 * at 30.00; W-DCL-A claimed 2 hours on 2026-10-05), clock fixed at 2026-11-18.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startApiWorld, WORLD, type ApiWorld } from '../support/api.ts';
import { STORE, stateCounts } from '../support/db.ts';

const NOW = new Date('2026-11-18T10:00:00+01:00');

describe(`declaratie controleren zonder indienen (${STORE})`, () => {
  let api: ApiWorld;
  before(async () => {
    api = await startApiWorld({ now: () => NOW });
  });
  after(async () => {
    await api?.close();
  });

  const line = (o: Partial<{ datum: string; eenheden: string; tarief: string }> = {}) => ({ datum: '2026-11-09', eenheden: '2', tarief: '30.00', ...o });

  test('a claim that would pass: its amount, and nothing is stored', async () => {
    const before = await stateCounts(api.db);
    const r = await api.as('budgethouder').post('/api/declaraties/controle', { zorgverlener_id: 'ZV1', regels: [line(), line({ datum: '2026-11-10', eenheden: '1.5' })] });
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(r.json, { uitkomst: 'goedgekeurd', reden: null, melding: null, bedrag_centen: 105_00, bedrag: '105.00', problems: [] });
    assert.deepEqual(await stateCounts(api.db), before);
  });

  test('fields that cannot be read: each named by line and field, in Dutch', async () => {
    const before = await stateCounts(api.db);
    const r = await api.as('budgethouder').post('/api/declaraties/controle', {
      zorgverlener_id: 'ZV1',
      regels: [line(), line({ datum: '2026-13-01', tarief: 'dertig' }), line({ eenheden: '' })],
    });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.uitkomst, 'onvolledig');
    const paths = r.json.problems.map((p: { path: string }) => p.path).sort();
    assert.deepEqual(paths, ['regels.1.datum', 'regels.1.tarief', 'regels.2.eenheden']);
    for (const p of r.json.problems) assert.ok(p.message.length > 3, p.message);
    assert.deepEqual(await stateCounts(api.db), before);
  });

  test('what the checks would say: a rate above the agreed one, a line claimed before, no agreement', async () => {
    const h = api.as('budgethouder');
    const high = await h.post('/api/declaraties/controle', { zorgverlener_id: 'ZV1', regels: [line({ tarief: '31.00' })] });
    assert.deepEqual([high.json.uitkomst, high.json.reden], ['afgekeurd', 'TARIEF_AFWIJKEND']);
    assert.match(high.json.melding, /hoger dan het afgesproken tarief/);
    const twice = await h.post('/api/declaraties/controle', { zorgverlener_id: 'ZV1', regels: [line({ datum: '2026-10-05', eenheden: '2' })] });
    assert.deepEqual([twice.json.uitkomst, twice.json.reden], ['afgekeurd', 'DUBBELE_DECLARATIE']);
    assert.match(twice.json.melding, new RegExp(WORLD.claims.a));
    const none = await h.post('/api/declaraties/controle', { zorgverlener_id: 'ZV2', regels: [line()] });
    assert.deepEqual([none.json.uitkomst, none.json.reden], ['geparkeerd', 'GEEN_ZORGOVEREENKOMST']);
  });

  test('a provider checks its own digital invoice; another provider\'s agreement is not found', async () => {
    const p = api.as('zorgverlener');
    const ok = await p.post('/api/declaraties/controle', { zorgovereenkomst_id: WORLD.agreements.a, regels: [line()] });
    assert.deepEqual([ok.status, ok.json.uitkomst, ok.json.bedrag], [200, 'goedgekeurd', '60.00']);
    const missing = await p.post('/api/declaraties/controle', { regels: [line()] });
    assert.equal(missing.status, 400);
    assert.equal(missing.json.problems[0].column, 'zorgovereenkomst_id');
    const other = await p.post('/api/declaraties/controle', { zorgovereenkomst_id: WORLD.agreements.b, regels: [line()] });
    assert.equal(other.status, 404);
  });
});
