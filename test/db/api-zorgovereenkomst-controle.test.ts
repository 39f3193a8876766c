/**
 * POST /api/zorgovereenkomsten/controle: a draft agreement checked while the holder types, nothing
 * stored. World of test/support/api.ts: holder A has WMO_HH from GM0001 for 2026; ZV1 is a zzp
 * provider (formal care), ZV2 a private person. Clock 2026-11-18.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startApiWorld, type ApiWorld } from '../support/api.ts';
import { STORE, stateCounts } from '../support/db.ts';

const NOW = new Date('2026-11-18T10:00:00+01:00');

describe(`concept-zorgovereenkomst controleren (${STORE})`, () => {
  let api: ApiWorld;
  before(async () => {
    api = await startApiWorld({ now: () => NOW });
    // GM0001's own maximum tariff for formal care per hour under the Wmo household help
    const r = await api.as('verstrekker').post('/api/maximumtarieven', { wet: 'WMO_HH', categorie: 'formeel_uur', geldig_van: '2026-01-01', bedrag: '32.00', bron: 'beleidsregels 2026' });
    assert.equal(r.status, 201, r.text);
  });
  after(async () => {
    await api?.close();
  });

  const draft = (o: Record<string, string> = {}) => ({ zorgverlener_id: 'ZV1', wet: 'WMO_HH', soort: 'opdracht', ingangsdatum: '2026-12-01', eenheid: 'uur', tarief: '30.00', ...o });

  test('a good draft: no problems, the maximum tariff that will apply, nothing stored', async () => {
    const before = await stateCounts(api.db);
    const r = await api.as('budgethouder').post('/api/zorgovereenkomsten/controle', draft());
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(r.json, { problems: [], waarschuwingen: [], maximumtarief: { bedrag_centen: 32_00, bedrag: '32.00', omschrijving: 'maximumtarief van GM0001 formele zorg per uur' } });
    assert.deepEqual(await stateCounts(api.db), before);
  });

  test('a rate above the maximum tariff warns (it does not block) and says who pays the difference', async () => {
    const r = await api.as('budgethouder').post('/api/zorgovereenkomsten/controle', draft({ tarief: '35.50' }));
    assert.deepEqual(r.json.problems, []);
    assert.equal(r.json.waarschuwingen.length, 1);
    assert.equal(r.json.waarschuwingen[0].path, 'tarief');
    assert.match(r.json.waarschuwingen[0].message, /€ 35,50 is hoger dan het maximumtarief van GM0001 formele zorg per uur \(€ 32,00\)\. Het verschil betaalt u zelf/);
  });

  test('missing and wrong fields are named; a law without a budget warns', async () => {
    const r = await api.as('budgethouder').post('/api/zorgovereenkomsten/controle', draft({ zorgverlener_id: '', ingangsdatum: '2026-02-30', tarief: '30,5x' }));
    assert.deepEqual(r.json.problems.map((p: { path: string }) => p.path).sort(), ['ingangsdatum', 'tarief', 'zorgverlener_id']);
    const unknown = await api.as('budgethouder').post('/api/zorgovereenkomsten/controle', draft({ zorgverlener_id: 'ZV-BESTAAT-NIET' }));
    assert.deepEqual(unknown.json.problems.map((p: { path: string; message: string }) => `${p.path}: ${p.message}`), ["zorgverlener_id: zorgverlener 'ZV-BESTAAT-NIET' is onbekend"]);
    const noBudget = await api.as('budgethouder').post('/api/zorgovereenkomsten/controle', draft({ wet: 'JW' }));
    assert.deepEqual(noBudget.json.waarschuwingen.map((w: { path: string }) => w.path), ['wet']);
    assert.match(noBudget.json.waarschuwingen[0].message, /geen budget voor/);
  });

  test('a family carer by the hour below the minimum wage is refused, as the draft itself would be', async () => {
    // the minimum wage depends on the carer's age: ZV2's birth date as payroll records it
    await api.db.query(`UPDATE zorgverleners SET geboortedatum = '1990-06-01' WHERE zorgverlener_id = 'ZV2'`);
    const r = await api.as('budgethouder').post('/api/zorgovereenkomsten/controle', draft({ zorgverlener_id: 'ZV2', soort: 'familie', tarief: '5.00' }));
    assert.deepEqual(r.json.problems.map((p: { path: string }) => p.path), ['tarief']);
    assert.match(r.json.problems[0].message, /minimum/i);
    const real = await api.as('budgethouder').post('/api/zorgovereenkomsten', draft({ zorgverlener_id: 'ZV2', soort: 'familie', tarief: '5.00' }));
    assert.equal(real.status, 400);
    assert.equal(real.json.problems[0].message, r.json.problems[0].message);
  });
});
