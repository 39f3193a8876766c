/**
 * Reported changes (mutaties) over HTTP: a holder or representative reports a change for a holder
 * they act for and sees their own reports; the back office works the open ones oldest first and
 * records how each was handled, once.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startApiWorld, WORLD, type ApiWorld } from '../support/api.ts';
import { STORE } from '../support/db.ts';

describe(`mutaties over HTTP (${STORE})`, () => {
  let api: ApiWorld;
  let first = '';
  before(async () => {
    api = await startApiWorld();
  });
  after(async () => {
    await api?.close();
  });

  test('a holder reports a change for themselves; the problems of a bad report are named per field', async () => {
    const h = api.as('budgethouder');
    const r = await h.post('/api/mutaties', { soort: 'adres', omschrijving: 'Verhuisd naar Dorpsstraat 1, Ede', ingangsdatum: '2026-12-01' });
    assert.equal(r.status, 201, r.text);
    first = r.json.mutatie_id;
    assert.match(first, /^mut_/);
    assert.deepEqual(
      { holder: r.json.budgethouder_id, soort: r.json.soort, status: r.json.status, datum: r.json.ingangsdatum },
      { holder: WORLD.holderIds.a, soort: 'adres', status: 'open', datum: '2026-12-01' },
    );
    assert.match(r.json.gemeld_door, /^gebruiker:\d+ \(budgethouder\)$/);
    const bad = await h.post('/api/mutaties', { soort: 'verhuizing', omschrijving: '', ingangsdatum: 'morgen' });
    assert.equal(bad.status, 400, bad.text);
    assert.deepEqual(bad.json.problems.map((p: { column: string }) => p.column), ['soort', 'omschrijving', 'ingangsdatum']);
    assert.equal((await h.post('/api/mutaties', { budgethouder_id: WORLD.holderIds.b, soort: 'overig', omschrijving: 'niet de mijne' })).status, 404);
    const audit = await api.db.query<{ actie: string }>(`SELECT actie FROM audit_log WHERE onderwerp = $1`, [first]);
    assert.deepEqual(audit.rows.map((a) => a.actie), ['mutatie.gemeld']);
  });

  test('a representative of two holders says for which one', async () => {
    const rep = api.as('vertegenwoordiger');
    const which = await rep.post('/api/mutaties', { soort: 'iban', omschrijving: 'Nieuw rekeningnummer' });
    assert.equal(which.status, 404, which.text);
    assert.match(which.json.detail, /budgethouder_id/);
    const r = await rep.post('/api/mutaties', { budgethouder_id: WORLD.holderIds.c, soort: 'overlijden', omschrijving: 'Overleden', ingangsdatum: '2026-11-01' });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.json.budgethouder_id, WORLD.holderIds.c);
    assert.equal((await rep.post('/api/mutaties', { budgethouder_id: WORLD.holderIds.a, soort: 'overig', omschrijving: 'iets' })).status, 404);
  });

  test('everyone sees only their own reports', async () => {
    const own = await api.as('budgethouder').get('/api/mutaties');
    assert.deepEqual(own.json.items.map((m: { mutatie_id: string }) => m.mutatie_id), [first]);
    const rep = await api.as('vertegenwoordiger').get('/api/mutaties');
    assert.deepEqual(rep.json.items.map((m: { soort: string }) => m.soort), ['overlijden']);
    assert.equal((await api.as('vertegenwoordiger').get(`/api/mutaties?budgethouder_id=${WORLD.holderIds.a}`)).status, 404);
    assert.equal((await api.as('verstrekker').get('/api/mutaties')).status, 404);
  });

  test('the back office works the open reports, oldest first, and handles each once', async () => {
    const bo = api.as('backoffice');
    const open = await bo.get('/api/mutaties?status=open');
    assert.equal(open.status, 200);
    assert.deepEqual(open.json.items.map((m: { soort: string }) => m.soort), ['adres', 'overlijden']);
    const empty = await bo.post(`/api/mutaties/${first}/afhandelen`, { toelichting: ' ' });
    assert.equal(empty.status, 400);
    const r = await bo.post(`/api/mutaties/${first}/afhandelen`, { toelichting: 'Adres aangepast in de basisregistratie' });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.status, 'afgehandeld');
    assert.match(r.json.afgehandeld_door, /\(backoffice\)$/);
    assert.equal((await bo.post(`/api/mutaties/${first}/afhandelen`, { toelichting: 'nog eens' })).status, 409);
    assert.equal((await bo.post('/api/mutaties/mut_BESTAATNIET/afhandelen', { toelichting: 'iets' })).status, 404);
    assert.deepEqual((await bo.get('/api/mutaties?status=open')).json.items.map((m: { soort: string }) => m.soort), ['overlijden']);
    const seen = await api.as('budgethouder').get('/api/mutaties');
    assert.equal(seen.json.items[0].toelichting, 'Adres aangepast in de basisregistratie');
    assert.equal((await api.as('budgethouder').post(`/api/mutaties/${first}/afhandelen`, { toelichting: 'zelf gedaan' })).status, 404);
    const audit = await api.as('auditor').get(`/api/audit?onderwerp=${first}`);
    assert.deepEqual(audit.json.items.map((a: { actie: string }) => a.actie), ['mutatie.afgehandeld', 'mutatie.gemeld']);
  });
});
