/**
 * The whole journey over HTTP, as the issue names it: the funder grants a budget, the holder drafts
 * an agreement and shares it, the provider signs it, the funder approves it with a maximum tariff,
 * the provider submits a claim, the holder approves it in one action, the back office runs the
 * payment, and the holder sees it paid in the trace. Also who may see a draft and who may not.
 *
 * World (test/support/api.ts): holder A (budgethouder), provider ZV1 (zorgverlener), funder GM0001
 * (verstrekker), ZK0001 (buitenstaander). Clock: Wednesday 2026-11-18 10:00.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startApiWorld, WORLD, type ApiWorld } from '../support/api.ts';
import { STORE } from '../support/db.ts';
import { validateAgainstXsd } from '../support/xsd.ts';

const NOW = new Date('2026-11-18T10:00:00+01:00');
const XSD = new URL('../../standards/pain.001.001.09.xsd', import.meta.url).pathname;

describe(`zorgovereenkomsten and the whole journey over HTTP (${STORE})`, () => {
  let api: ApiWorld;
  before(async () => {
    api = await startApiWorld({ now: () => NOW, config: { debtorIban: 'NL91ABNA0417164300' } });
  });
  after(async () => {
    await api?.close();
  });

  test('funder → holder → provider → funder → provider → holder → back office → holder', async () => {
    const funder = api.as('verstrekker');
    const holder = api.as('budgethouder');
    const provider = api.as('zorgverlener');
    const office = api.as('backoffice');

    // 1. the funder grants holder A a Wmo support budget
    const grant = await funder.post('/api/toekenningen', {
      toekenningen: [{ toekenning_id: 'J-TKB-1', bsn: WORLD.bsn.a, wet: 'WMO_BG', ingangsdatum: '2026-01-01', einddatum: '2026-12-31', bedrag: '1500.00' }],
    });
    assert.equal(grant.status, 201, grant.text);

    // 2. the holder drafts an agreement with ZV1 and shares it; nobody else sees the draft
    const draft = await holder.post('/api/zorgovereenkomsten', { zorgverlener_id: 'ZV1', wet: 'WMO_BG', soort: 'opdracht', ingangsdatum: '2026-10-01', eenheid: 'uur', tarief: '52.00' });
    assert.equal(draft.status, 201, draft.text);
    const id: string = draft.json.zorgovereenkomst_id;
    assert.match(id, /^zok_/);
    assert.equal((await provider.get(`/api/zorgovereenkomsten/${id}`)).status, 404, 'a draft is the holder\'s own');
    assert.equal((await funder.get(`/api/zorgovereenkomsten/${id}`)).status, 404);
    const shared = await holder.post(`/api/zorgovereenkomsten/${id}/delen`);
    assert.equal(shared.status, 200, shared.text);
    assert.equal(shared.json.status, 'gedeeld');
    assert.equal((await holder.post(`/api/zorgovereenkomsten/${id}/delen`)).status, 409, 'sharing twice is refused');

    // 3. the provider sees it and signs; now it awaits the funder, who sees it in its queue
    const seen = await provider.get(`/api/zorgovereenkomsten/${id}`);
    assert.equal(seen.status, 200, seen.text);
    assert.equal(seen.json.status, 'gedeeld');
    assert.equal((await api.as('buitenstaander').get(`/api/zorgovereenkomsten/${id}`)).status, 404);
    const signed = await provider.post(`/api/zorgovereenkomsten/${id}/ondertekenen`);
    assert.equal(signed.status, 200, signed.text);
    const queue = await funder.get('/api/zorgovereenkomsten?status=ingediend');
    assert.ok(queue.json.items.some((a: { zorgovereenkomst_id: string }) => a.zorgovereenkomst_id === id), queue.text);
    assert.equal((await api.as('buitenstaander').post(`/api/zorgovereenkomsten/${id}/accordering`, { besluit: 'geaccordeerd', maximumtarief: '60.00' })).status, 404, 'another funder cannot decide');

    // 4. the funder approves with a maximum tariff of 55.00
    const decided = await funder.post(`/api/zorgovereenkomsten/${id}/accordering`, { besluit: 'geaccordeerd', maximumtarief: '55.00' });
    assert.equal(decided.status, 200, decided.text);
    const versions = (await holder.get(`/api/zorgovereenkomsten/${id}`)).json.versies.map((v: { status: string }) => v.status);
    assert.deepEqual(versions, ['concept', 'gedeeld', 'ingediend', 'geaccordeerd']);

    // 5. the provider submits a claim: 4 hours × 52.00 = 208.00; it waits for the holder
    const claim = await provider.post('/api/declaraties', { declaratie_id: 'J-DCL-1', zorgovereenkomst_id: id, regels: [{ datum: '2026-11-10', eenheden: '4', tarief: '52.00', omschrijving: 'begeleiding' }] });
    assert.equal(claim.status, 201, claim.text);
    assert.equal(claim.json.status, 'ter_goedkeuring');

    // 6. the holder approves in one action: checked at once and approved from the new budget
    const approved = await holder.post('/api/declaraties/J-DCL-1/goedkeuren');
    assert.equal(approved.status, 200, approved.text);
    assert.equal(approved.json.status, 'goedgekeurd');

    // 7. the back office runs the payment; the SEPA file validates and pays ZV1
    const run = await office.post('/api/betaalruns', { datum: '2026-11-19' });
    assert.equal(run.status, 201, run.text);
    const runId = run.json.betaalrun_id ?? run.json.betaalrun?.betaalrun_id;
    assert.ok(runId, run.text);
    const sepa = await office.get(`/api/betaalruns/${runId}/sepa`);
    assert.equal(sepa.status, 200);
    const v = await validateAgainstXsd(sepa.text, XSD);
    assert.ok(v.valid, v.errors.join('\n'));

    // 8. the holder sees it paid in the trace, with every step
    const trace = await holder.get('/api/declaraties/J-DCL-1');
    assert.equal(trace.status, 200, trace.text);
    assert.equal(trace.json.status ?? trace.json.declaratie?.status, 'betaald', trace.text);
    const events = (trace.json.gebeurtenissen ?? trace.json.verloop ?? trace.json.events ?? []).map((e: { gebeurtenis: string }) => e.gebeurtenis);
    for (const step of ['ontvangen', 'goedgekeurd', 'in betaalrun']) assert.ok(events.some((e: string) => e.includes(step)), `${step} missing in ${JSON.stringify(events)}`);
    assert.equal((await api.as('vertegenwoordiger').get('/api/declaraties/J-DCL-1')).status, 404);
  });
});
