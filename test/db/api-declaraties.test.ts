/**
 * Claims over HTTP (test/support/api.ts world, clock fixed at Wednesday 2026-11-18 10:00): each
 * way in (holder, provider awaiting the holder, back office on paper) and who may see what; the
 * holder's approval and rejection; the back office's decision on a parked claim; idempotency by
 * declaratie_id; the work queues by status, reason and age in working days.
 *
 * The world: holder A (WMO_HH from GM0001, agreement W-ZOK-A with ZV1), B (WLZ from ZK0001,
 * W-ZOK-B with ZV2), C (JW from GM0001, W-ZOK-C with ZV3 awaiting the funder); W-DCL-A and
 * W-DCL-B approved, received 2026-11-02. Callers: budgethouder = A, vertegenwoordiger = B and C,
 * zorgverlener = ZV1, verstrekker = GM0001, buitenstaander = ZK0001.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startApiWorld, WORLD, type ApiWorld } from '../support/api.ts';
import { STORE } from '../support/db.ts';

const NOW = new Date('2026-11-18T10:00:00+01:00');

describe(`declaraties over HTTP (${STORE})`, () => {
  let api: ApiWorld;
  before(async () => {
    api = await startApiWorld({ now: () => NOW });
  });
  after(async () => {
    await api?.close();
  });

  const ids = (r: { json: { items: { declaratie_id: string }[] } }) => r.json.items.map((c) => c.declaratie_id).sort();
  async function budgetLeft(budget: string): Promise<number> {
    const r = await api.db.query<{ saldo: number }>(`SELECT r.saldo FROM budgetten b JOIN rekeningen r ON r.id = b.rekening_id WHERE b.budget_id = $1`, [budget]);
    return -Number(r.rows[0]!.saldo);
  }
  async function claimCount(): Promise<number> {
    return (await api.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM declaraties`)).rows[0]!.n;
  }

  test('a holder submits a claim: checked at once, for themselves only; the same claim again is the same claim', async () => {
    const h = api.as('budgethouder');
    const body = { declaratie_id: 'H-1', zorgverlener_id: 'ZV1', regels: [{ datum: '2026-11-09', eenheden: 2, tarief: '30.00', omschrijving: 'huishoudelijke hulp' }] };
    const r = await h.post('/api/declaraties', body);
    assert.equal(r.status, 201, r.text);
    assert.deepEqual(
      [r.json.declaratie_id, r.json.status, r.json.reden, r.json.kanaal, r.json.ingediend_door, r.json.bedrag_centen, r.json.bedrag, r.json.uiterste_betaaldatum, r.json.zorgovereenkomst_id],
      ['H-1', 'goedgekeurd', null, 'portaal', 'budgethouder', 60_00, '60.00', '2026-12-02', WORLD.agreements.a],
    );
    assert.equal(r.json.ontvangen_op, '2026-11-18T10:00:00+01:00');
    assert.equal(r.json.bsn, `*****${WORLD.bsn.a.slice(-4)}`);
    assert.match(r.json.melding, /^Alle controles voldaan; € 60,00 ten laste van W-TKB-A/);
    assert.equal(r.json.bij, 'het betaalbureau: betaling in de volgende betaalrun');
    assert.equal(await budgetLeft(WORLD.allocations.a), 5000_00 - 60_00 - 60_00);

    const again = await h.post('/api/declaraties', body);
    assert.equal(again.status, 200, again.text);
    assert.deepEqual([again.json.declaratie_id, again.json.nieuw, again.json.status], ['H-1', false, 'goedgekeurd']);
    assert.equal(await budgetLeft(WORLD.allocations.a), 5000_00 - 60_00 - 60_00);

    const other = await h.post('/api/declaraties', { ...body, regels: [{ datum: '2026-11-09', eenheden: '3', tarief: '30.00' }] });
    assert.equal(other.status, 400, other.text);
    assert.equal(other.json.code, 'INVOER_ONGELDIG');
    assert.deepEqual(other.json.problems.map((p: { column: string; message: string }) => `${p.column}: ${p.message}`), [
      "declaratie_id: declaratie 'H-1' is al ontvangen met andere inhoud; een nieuwe declaratie krijgt een nieuw id",
    ]);

    const before = await claimCount();
    const bad = await h.post('/api/declaraties', { zorgverlener_id: 'ZV1', regels: [{ datum: '2026-11-09', eenheden: '1', tarief: '30.00' }, { datum: '9-11-2026', eenheden: '1', tarief: '30' }] });
    assert.equal(bad.status, 400, bad.text);
    assert.deepEqual(bad.json.problems.map((p: { file: string; column: string }) => `${p.file} ${p.column}`), ['verzoek regels[1].datum']);
    const bsn = await h.post('/api/declaraties', { ...body, declaratie_id: 'H-X', bsn: WORLD.bsn.b, kanaal: 'post' });
    assert.equal(bsn.status, 400, bsn.text);
    assert.deepEqual(bsn.json.problems.map((p: { column: string }) => p.column), ['bsn', 'kanaal']);
    assert.equal((await h.post('/api/declaraties', { ...body, declaratie_id: 'H-X', budgethouder_id: WORLD.holderIds.b })).status, 404);
    assert.equal(await claimCount(), before);
  });

  test('every party sees only the claims it is concerned with', async () => {
    assert.deepEqual(ids(await api.as('budgethouder').get('/api/declaraties')), ['H-1', 'W-DCL-A']);
    assert.deepEqual(ids(await api.as('vertegenwoordiger').get('/api/declaraties')), ['W-DCL-B']);
    assert.deepEqual(ids(await api.as('zorgverlener').get('/api/declaraties')), ['H-1', 'W-DCL-A']);
    assert.deepEqual(ids(await api.as('verstrekker').get('/api/declaraties')), ['H-1', 'W-DCL-A']);
    assert.deepEqual(ids(await api.as('buitenstaander').get('/api/declaraties')), ['W-DCL-B']);
    const all = await api.as('backoffice').get('/api/declaraties');
    assert.deepEqual(ids(all), ['H-1', 'W-DCL-A', 'W-DCL-B']);
    assert.equal(all.json.totaal, 3);
    assert.equal(all.json.items.find((c: { declaratie_id: string }) => c.declaratie_id === 'H-1').bsn, `*****${WORLD.bsn.a.slice(-4)}`, 'masked for the back office too');
    assert.match((await api.as('auditor').get('/api/declaraties')).json.items[0].bsn, /^\*{5}\d{4}$/);

    assert.deepEqual(ids(await api.as('backoffice').get(`/api/declaraties?budgethouder_id=${WORLD.holderIds.b}`)), ['W-DCL-B']);
    assert.deepEqual(ids(await api.as('backoffice').get('/api/declaraties?zorgverlener_id=ZV1&limit=1')).length, 1);
    assert.deepEqual(ids(await api.as('budgethouder').get(`/api/declaraties?budgethouder_id=${WORLD.holderIds.b}`)), []);
    assert.equal((await api.as('backoffice').get('/api/declaraties?status=onbekend')).status, 400);

    for (const [caller, status] of [['budgethouder', 200], ['vertegenwoordiger', 404], ['zorgverlener', 200], ['verstrekker', 200], ['verstrekker_systeem', 200], ['buitenstaander', 404], ['backoffice', 200], ['auditor', 200]] as const) {
      assert.equal((await api.as(caller).get('/api/declaraties/H-1')).status, status, caller);
    }
    const detail = await api.as('budgethouder').get('/api/declaraties/H-1');
    assert.deepEqual(detail.json.regels, [{ regelnr: 1, datum: '2026-11-09', eenheden: '2', tarief_centen: 30_00, tarief: '30.00', bedrag_centen: 60_00, bedrag: '60.00', omschrijving: 'huishoudelijke hulp' }]);
    assert.deepEqual(detail.json.gebeurtenissen.map((e: { gebeurtenis: string }) => e.gebeurtenis), ['ontvangen', 'goedgekeurd']);
    assert.deepEqual(detail.json.lasten.map((l: { budget_id: string; bedrag: string }) => [l.budget_id, l.bedrag]), [[WORLD.allocations.a, '60.00']]);
    assert.ok(detail.json.boekingen.length > 0);
    const provider = await api.as('zorgverlener').get('/api/declaraties/H-1');
    assert.equal(provider.json.lasten, undefined);
    assert.equal(provider.json.boekingen, undefined);
    assert.equal((await api.as('backoffice').get('/api/declaraties/H-1')).json.bij, undefined);
    assert.equal((await api.as('backoffice').get('/api/declaraties/BESTAAT-NIET')).status, 404);
  });

  test('a provider submits for an agreement of its own; the claim waits for the holder, who approves it: received and checked then', async () => {
    const p = api.as('zorgverlener');
    const line = { datum: '2026-11-10', eenheden: '3', tarief: '30.00' };
    const before = await claimCount();
    assert.equal((await p.post('/api/declaraties', { zorgovereenkomst_id: WORLD.agreements.b, regels: [line] })).status, 404);
    assert.equal((await p.post('/api/declaraties', { zorgverlener_id: 'ZV2', zorgovereenkomst_id: WORLD.agreements.a, regels: [line] })).status, 404);
    const none = await p.post('/api/declaraties', { regels: [line] });
    assert.equal(none.status, 400);
    assert.deepEqual(none.json.problems.map((x: { column: string }) => x.column), ['zorgovereenkomst_id']);
    assert.equal(await claimCount(), before);

    const r = await p.post('/api/declaraties', { declaratie_id: 'ZV-1', zorgovereenkomst_id: WORLD.agreements.a, regels: [line] });
    assert.equal(r.status, 201, r.text);
    assert.deepEqual([r.json.status, r.json.ingediend_door, r.json.uiterste_betaaldatum, r.json.bedrag], ['ter_goedkeuring', 'zorgverlener', null, '90.00']);
    assert.equal(r.json.bij, 'de budgethouder (Houder A): de declaratie wacht op goedkeuring door de budgethouder');
    assert.equal(await budgetLeft(WORLD.allocations.a), 5000_00 - 120_00, 'not checked, nothing charged');

    const seen = await api.as('budgethouder').get('/api/declaraties/ZV-1');
    assert.equal(seen.json.bij, 'u (budgethouder): de zorgverlener heeft deze declaratie ingediend; keur haar goed of wijs haar af');
    assert.deepEqual(ids(await api.as('budgethouder').get('/api/declaraties?status=ter_goedkeuring')), ['ZV-1']);
    assert.equal((await api.as('verstrekker').get('/api/declaraties/ZV-1')).status, 404, 'not a claim on the budget until the holder approves');
    assert.equal((await api.as('vertegenwoordiger').post('/api/declaraties/ZV-1/goedkeuren')).status, 404);
    assert.equal((await p.post('/api/declaraties/ZV-1/goedkeuren')).status, 404);

    const ok = await api.as('budgethouder').post('/api/declaraties/ZV-1/goedkeuren');
    assert.equal(ok.status, 200, ok.text);
    assert.deepEqual([ok.json.status, ok.json.ontvangen_op, ok.json.uiterste_betaaldatum], ['goedgekeurd', '2026-11-18T10:00:00+01:00', '2026-12-02']);
    assert.equal(await budgetLeft(WORLD.allocations.a), 5000_00 - 120_00 - 90_00);
    const trace = await api.as('zorgverlener').get('/api/declaraties/ZV-1');
    assert.deepEqual(trace.json.gebeurtenissen.map((e: { gebeurtenis: string }) => e.gebeurtenis), ['ingediend', 'ontvangen', 'goedgekeurd']);
    const again = await api.as('budgethouder').post('/api/declaraties/ZV-1/goedkeuren');
    assert.equal(again.status, 409, again.text);
    assert.equal(again.json.code, 'CONFLICT');
    const audit = await api.db.query<{ actie: string; actor: string }>(`SELECT actie, actor FROM audit_log WHERE onderwerp = 'ZV-1' ORDER BY id`);
    assert.deepEqual(audit.rows.map((a) => a.actie), ['declaratie.indienen', 'declaratie.goedkeuren']);
    assert.match(audit.rows[1]!.actor, /\(budgethouder\)$/);
  });

  test('a holder rejects a provider claim with a reason', async () => {
    const r = await api.as('zorgverlener').post('/api/declaraties', { declaratie_id: 'ZV-2', zorgovereenkomst_id: WORLD.agreements.a, regels: [{ datum: '2026-11-11', eenheden: '1', tarief: '30.00' }] });
    assert.equal(r.status, 201, r.text);
    assert.equal((await api.as('budgethouder').post('/api/declaraties/ZV-2/afwijzen', {})).status, 400);
    const no = await api.as('budgethouder').post('/api/declaraties/ZV-2/afwijzen', { reden: 'die dag was er geen zorg' });
    assert.equal(no.status, 200, no.text);
    assert.deepEqual([no.json.status, no.json.melding], ['afgewezen', 'Afgewezen door de budgethouder: die dag was er geen zorg']);
    assert.match((await api.as('zorgverlener').get('/api/declaraties/ZV-2')).json.bij, /^u \(zorgverlener\): de budgethouder heeft de declaratie afgewezen/);
    assert.equal((await api.as('budgethouder').post('/api/declaraties/ZV-2/goedkeuren')).status, 409);
    // one left waiting for the werkvoorraad below
    assert.equal((await api.as('zorgverlener').post('/api/declaraties', { declaratie_id: 'ZV-3', zorgovereenkomst_id: WORLD.agreements.a, regels: [{ datum: '2026-11-12', eenheden: '1', tarief: '30.00' }] })).status, 201);
  });

  test('the back office registers a paper claim received earlier; its latest payment date runs from that day', async () => {
    const bo = api.as('backoffice');
    const body = { declaratie_id: 'PAP-1', bsn: WORLD.bsn.b, zorgverlener_id: 'ZV2', kanaal: 'post', ontvangen_op: '2026-11-03T14:00:00+01:00', regels: [{ datum: '2026-10-20', eenheden: '2', tarief: '25.00' }] };
    const r = await bo.post('/api/declaraties', body);
    assert.equal(r.status, 201, r.text);
    assert.deepEqual(
      [r.json.status, r.json.kanaal, r.json.ingediend_door, r.json.ontvangen_op, r.json.uiterste_betaaldatum, r.json.bsn, r.json.zorgovereenkomst_id],
      ['goedgekeurd', 'post', 'backoffice', '2026-11-03T14:00:00+01:00', '2026-11-17', `*****${WORLD.bsn.b.slice(-4)}`, WORLD.agreements.b],
    );
    assert.equal((await bo.post('/api/declaraties', body)).status, 200);
    const future = await bo.post('/api/declaraties', { ...body, declaratie_id: 'PAP-2', ontvangen_op: '2026-11-19T09:00:00+01:00' });
    assert.equal(future.status, 400);
    assert.deepEqual(future.json.problems.map((p: { column: string }) => p.column), ['ontvangen_op']);
    const fax = await bo.post('/api/declaraties', { ...body, declaratie_id: 'PAP-3', kanaal: 'fax' });
    assert.equal(fax.status, 400);
    assert.deepEqual(ids(await api.as('vertegenwoordiger').get('/api/declaraties')), ['PAP-1', 'W-DCL-B']);
  });

  test('the back office decides a parked claim by hand, with a reason; other claims answer 409', async () => {
    const bo = api.as('backoffice');
    const parked = (id: string, ontvangen: string, datum: string) =>
      bo.post('/api/declaraties', { declaratie_id: id, bsn: WORLD.bsn.c, zorgverlener_id: 'ZV3', kanaal: 'email', ontvangen_op: ontvangen, regels: [{ datum, eenheden: '1', tarief: '70.00' }] });
    const p1 = await parked('P-C1', '2026-11-16T09:00:00+01:00', '2026-10-12');
    assert.deepEqual([p1.status, p1.json.status, p1.json.reden], [201, 'geparkeerd', 'ZORGOVEREENKOMST_NIET_GEACCORDEERD']);
    const p2 = await parked('P-C2', '2026-11-06T09:00:00+01:00', '2026-10-13');
    assert.equal(p2.json.status, 'geparkeerd');
    const rep = await api.as('vertegenwoordiger').get('/api/declaraties/P-C1');
    assert.equal(rep.json.bij, `de verstrekker (Gemeente Proef): de zorgovereenkomst ${WORLD.agreements.c} wacht op accordering; de declaratie wacht zolang`);

    assert.equal((await bo.post('/api/declaraties/P-C1/besluit', { besluit: 'afkeuren' })).status, 400);
    const d = await bo.post('/api/declaraties/P-C1/besluit', { besluit: 'afkeuren', reden: 'dubbel ingestuurd per post en e-mail' });
    assert.equal(d.status, 200, d.text);
    assert.deepEqual([d.json.status, d.json.reden, d.json.melding], ['afgekeurd', 'ZORGOVEREENKOMST_NIET_GEACCORDEERD', 'afgekeurd door de backoffice: dubbel ingestuurd per post en e-mail']);
    assert.equal((await bo.post('/api/declaraties/P-C1/besluit', { besluit: 'opnieuw_controleren', reden: 'toch' })).status, 409);
    assert.equal((await bo.post('/api/declaraties/H-1/besluit', { besluit: 'afkeuren', reden: 'x' })).status, 409);
    assert.equal((await bo.post('/api/declaraties/BESTAAT-NIET/besluit', { besluit: 'afkeuren', reden: 'x' })).status, 404);
    const again = await bo.post('/api/declaraties/P-C2/besluit', { besluit: 'opnieuw_controleren', reden: 'na telefoon met de gemeente' });
    assert.deepEqual([again.status, again.json.status, again.json.reden], [200, 'geparkeerd', 'ZORGOVEREENKOMST_NIET_GEACCORDEERD']);
    const audit = await api.db.query<{ actie: string; reden: string }>(`SELECT actie, reden FROM audit_log WHERE onderwerp = 'P-C2' ORDER BY id`);
    assert.deepEqual(audit.rows.map((a) => [a.actie, a.reden]), [['declaratie.indienen', 'ingediend door backoffice via email'], ['declaratie.besluit', 'na telefoon met de gemeente']]);
  });

  test('the werkvoorraad counts open claims by status, reason and working days since receipt', async () => {
    // today Wednesday 2026-11-18: received 11-18 → 0 working days, 11-06 → 8, 11-03 → 11, 11-02 → 12
    const w = await api.as('backoffice').get('/api/werkvoorraad');
    assert.equal(w.status, 200, w.text);
    assert.equal(w.json.peildatum, '2026-11-18');
    assert.deepEqual(
      w.json.wachtrijen.map((q: { status: string; reden: string | null; aantal: number; per_leeftijd: unknown }) => [q.status, q.reden, q.aantal, q.per_leeftijd]),
      [
        ['ter_goedkeuring', null, 1, { '0-5': 1, '6-10': 0, '>10': 0 }], // ZV-3
        ['geparkeerd', 'ZORGOVEREENKOMST_NIET_GEACCORDEERD', 1, { '0-5': 0, '6-10': 1, '>10': 0 }], // P-C2
        ['goedgekeurd', null, 5, { '0-5': 2, '6-10': 0, '>10': 3 }], // H-1, ZV-1; PAP-1, W-DCL-A, W-DCL-B
      ],
    );
    assert.equal(w.json.totaal, 7);
    const approved = w.json.wachtrijen[2];
    assert.deepEqual(approved.oudste.map((c: { declaratie_id: string; werkdagen: number }) => [c.declaratie_id, c.werkdagen]), [['W-DCL-A', 12], ['W-DCL-B', 12], ['PAP-1', 11], ['H-1', 0], ['ZV-1', 0]]);
    assert.equal(approved.oudste[0].bsn, `*****${WORLD.bsn.a.slice(-4)}`);
    assert.match((await api.as('auditor').get('/api/werkvoorraad')).json.wachtrijen[2].oudste[0].bsn, /^\*{5}\d{4}$/);
    assert.equal((await api.as('verstrekker').get('/api/werkvoorraad')).status, 404);
  });
});
