/**
 * The payroll over HTTP on the API world of test/support/api.ts, with a payroll added: holder A
 * employs ZV1 (the provider account `zorg-een`) on an hourly employment contract (WMO_HH, 20.00 an
 * hour, 4 days: payroll required) and claims 40 hours in October 2026.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startApiWorld, WORLD, type ApiWorld } from '../support/api.ts';
import { STORE } from '../support/db.ts';
import { AGREEMENT_HEADER, CLAIM_HEADER, HOLDER, agreement, claimLine, csv, load } from '../support/factories.ts';
import { runLedgerCheck } from '../../src/modules/ledger/index.ts';

const NOW = new Date('2026-11-24T12:00:00+01:00');

describe(`payroll over HTTP (${STORE})`, () => {
  let api: ApiWorld;
  let strook: string;
  before(async () => {
    api = await startApiWorld({ now: () => NOW });
    await load(api.db, 'zorgovereenkomsten', csv(AGREEMENT_HEADER, [agreement('Z-LOON', HOLDER.a, 'ZV1', 'WMO_HH', { kind: 'arbeidsovereenkomst', from: '2026-10-01', rate: '20.00' })]));
  });
  after(async () => {
    await api?.close();
  });

  test('the holder records the payroll choice; 4 days without payroll is refused with the field named', async () => {
    const path = '/api/zorgovereenkomsten/Z-LOON/loonafspraak';
    const refused = await api.as('budgethouder').request('PUT', path, { body: { dagen_per_week: 4, loonadministratie: false, reden: 'bruto' } });
    assert.equal(refused.status, 400, refused.text);
    assert.ok(refused.json.problems.some((p: { column: string }) => p.column === 'loonadministratie'), refused.text);
    assert.equal((await api.as('vertegenwoordiger').request('PUT', path, { body: { dagen_per_week: 4, loonadministratie: true, reden: 'x' } })).status, 404);
    const ok = await api.as('budgethouder').request('PUT', path, { body: { dagen_per_week: 4, loonadministratie: true, heffingskorting: true, vast_contract: true, geboortedatum_zorgverlener: '1985-05-05', reden: 'arbeidsovereenkomst 4 dagen' } });
    assert.equal(ok.status, 200, ok.text);
    assert.equal(ok.json.versie, 1);
  });

  test('the back office runs the payroll; employer and carer see the payslip, others do not', async () => {
    const lines = Array.from({ length: 5 }, (_, i) => claimLine('L-OKT', HOLDER.a, 'ZV1', `2026-10-${String(12 + i)}`, '8', '20.00', { agreement: 'Z-LOON' }));
    await load(api.db, 'declaraties', csv(CLAIM_HEADER, lines));
    const run = await api.as('backoffice').post('/api/loonruns', { periode: '2026-10' });
    assert.equal(run.status, 201, run.text);
    strook = run.json.loonstroken[0].loonstrook_id;
    assert.equal(strook, 'lst:Z-LOON:2026-10:1');
    assert.equal(run.json.loonstroken[0].brutoloon, 80000); // 40 h × 20.00

    const mine = await api.as('budgethouder').get('/api/loonstroken');
    assert.deepEqual(mine.json.items.map((s: { loonstrook_id: string }) => s.loonstrook_id), [strook]);
    const carer = await api.as('zorgverlener').get('/api/loonstroken');
    assert.deepEqual(carer.json.items.map((s: { loonstrook_id: string }) => s.loonstrook_id), [strook]);
    assert.deepEqual((await api.as('vertegenwoordiger').get('/api/loonstroken')).json.items, []);

    const url = `/api/loonstroken/${encodeURIComponent(strook)}`;
    for (const who of ['budgethouder', 'zorgverlener', 'backoffice', 'auditor'] as const) {
      const pdf = await api.as(who).get(url);
      assert.equal(pdf.status, 200, `${who}: ${pdf.text.slice(0, 200)}`);
      assert.match(pdf.headers.get('content-type') ?? '', /application\/pdf/);
    }
    for (const who of ['vertegenwoordiger', 'verstrekker', 'buitenstaander'] as const) assert.equal((await api.as(who).get(url)).status, 404, who);
    const json = await api.as('zorgverlener').get(`${url}?formaat=json`);
    assert.equal(json.json.uitkomst.nettoloon, json.json.uitkomst.brutoloon - json.json.uitkomst.loonheffing);
    assert.equal(json.json.werkgever.clientnummer, 1000001);

    const jo = `/api/budgethouders/${WORLD.holderIds.a}/jaaropgave?zorgverlener=ZV1&jaar=2026`;
    assert.equal((await api.as('zorgverlener').get(jo)).status, 200);
    assert.equal((await api.as('budgethouder').get(jo)).status, 200);
    assert.equal((await api.as('vertegenwoordiger').get(jo)).status, 404);
    assert.equal((await api.as('budgethouder').get(`/api/budgethouders/${WORLD.holderIds.a}/jaaropgave?zorgverlener=ZV2&jaar=2026`)).status, 404);

    const sum = await api.as('backoffice').get('/api/loonoverzicht?periode=2026-10&formaat=csv');
    assert.equal(sum.status, 200);
    assert.match(sum.text, /^1000001,Z-LOON,ZV1,2026-10,1,tijdvak,800\.00,/m);
    assert.equal((await api.as('budgethouder').get('/api/loonoverzicht?periode=2026-10')).status, 404);
    assert.ok((await runLedgerCheck(api.db)).ok);
  });
});
