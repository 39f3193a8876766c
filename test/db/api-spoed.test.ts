/**
 * Urgent payments over HTTP (issue #8): the back office records a request; the same person
 * approving it is refused (four eyes) and nothing changes; a second back-office account approves;
 * the urgent run answers with its own SEPA file; the trace, the open advances and the report show
 * it; other roles do not see it.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PASSWORD, sessionCookieOf, startApiWorld, WORLD, type ApiClient, type ApiWorld } from '../support/api.ts';
import { stateCounts, STORE } from '../support/db.ts';
import { validateAgainstXsd } from '../support/xsd.ts';
import { createUser } from '../../src/modules/toegang/index.ts';
import { hashPassword } from '../../src/modules/toegang/core/passwords.ts';
import { dateInNetherlands } from '../../src/kernel/dates.ts';

const XSD = new URL('../../standards/pain.001.001.09.xsd', import.meta.url).pathname;

describe(`spoedbetalingen over HTTP (${STORE})`, () => {
  let api: ApiWorld;
  let second: ApiClient;
  before(async () => {
    api = await startApiWorld({ config: { debtorIban: 'NL91ABNA0417164300', debtorName: 'PGB Proef Betaalbureau' } });
    await createUser(api.db, { gebruikersnaam: 'backoffice-twee', naam: 'Tweede medewerker', rol: 'backoffice', wachtwoordHash: await hashPassword(PASSWORD), actor: 'test' });
    const res = await api.client({}).post('/api/sessie', { gebruikersnaam: 'backoffice-twee', wachtwoord: PASSWORD });
    assert.equal(res.status, 200, res.text);
    second = api.client({ cookie: sessionCookieOf(res.headers)!, csrfToken: res.json.csrfToken });
  });
  after(async () => {
    await api?.close();
  });

  test('record, four eyes, urgent run with its SEPA file, trace, open advances, report', async () => {
    const bo = api.as('backoffice');
    const body = { aanvraag_id: 'API-SPD-1', bsn: WORLD.bsn.b, zorgverlener_id: 'ZV2', toekenning_id: WORLD.allocations.b, bedrag: '325.00', van: '2026-11-01', tot: '2026-11-30', oorzaak: 'VERKEERD_VERWERKT', kanaal: 'e-mail' };
    const r = await bo.post('/api/spoedbetalingen', body);
    assert.equal(r.status, 201, r.text);
    assert.deepEqual([r.json.status, r.json.bedrag, r.json.oorzaak_omschrijving], ['aangevraagd', '325.00', 'Gegevens verkeerd verwerkt']);
    assert.equal((await bo.post('/api/spoedbetalingen', body)).status, 200, 'the same request again');

    const before = await stateCounts(api.db);
    const self = await bo.post(`/api/spoedbetalingen/API-SPD-1/goedkeuren`);
    assert.equal(self.status, 400, self.text);
    assert.match(self.json.detail, /vier ogen/i);
    assert.deepEqual(await stateCounts(api.db), before, 'a refusal changes nothing');

    const ok = await second.post(`/api/spoedbetalingen/API-SPD-1/goedkeuren`);
    assert.equal(ok.status, 200, ok.text);
    assert.equal(ok.json.status, 'goedgekeurd');

    const run = await bo.post('/api/spoedbetalingen/run', { datum: dateInNetherlands(new Date()) });
    assert.equal(run.status, 201, run.text);
    assert.deepEqual([run.json.betalingen, run.json.totaal], [1, '325.00']);
    const sepa = await bo.get(run.json.sepa);
    assert.equal(sepa.status, 200);
    const v = await validateAgainstXsd(sepa.text, XSD);
    assert.ok(v.valid, v.errors.join('\n'));
    assert.match(sepa.text, /PGB spoed \d+ 2026-11/);

    const trace = await api.as('auditor').get('/api/spoedbetalingen/API-SPD-1');
    assert.equal(trace.status, 200, trace.text);
    assert.equal(trace.json.status, 'betaald');
    assert.equal(trace.json.betaling.bedrag, '325.00');
    assert.deepEqual(trace.json.boekingen.map((b: { rekening: string; bedrag: string }) => [b.rekening, b.bedrag]), [
      ['budget:W-TKB-B', '325.00'], ['voorschot:API-SPD-1', '325.00'], ['voorschot_dekking:API-SPD-1', '-325.00'], ['onderweg:operator', '-325.00'],
    ]);
    const open = await bo.get('/api/spoedbetalingen/open');
    assert.deepEqual(open.json.items.map((a: { aanvraag_id: string; open: string; werkdagen: number }) => [a.aanvraag_id, a.open, a.werkdagen]), [['API-SPD-1', '325.00', 0]]);
    const today = dateInNetherlands(new Date());
    const report = await bo.get(`/api/rapportages/spoedbetalingen?van=${today}&tot=${today}`);
    assert.equal(report.status, 200, report.text);
    const total = report.json.rijen.find((x: { oorzaak: string }) => x.oorzaak === 'totaal');
    assert.deepEqual([total.aantal, total.bedrag, total.budgethouders], [1, '325.00', 1]);

    assert.equal((await api.as('zorgverlener').get('/api/spoedbetalingen/API-SPD-1')).status, 404);
    assert.equal((await api.as('auditor').post('/api/spoedbetalingen/run', { datum: today })).status, 404);
    const ledger = await bo.get('/api/controle');
    assert.equal(ledger.json.ok, true, ledger.text);
  });
});
