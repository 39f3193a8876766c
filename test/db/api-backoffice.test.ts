/**
 * The back office's journey over HTTP: CSV imports, monthly pay, a payment run and its SEPA file
 * (valid pain.001.001.09, the bytes the database holds), the provider's view of its payments, a
 * camt.053 bank statement (confirmations, a holder's deposit, an open line), the ledger check, the
 * audit trail and a provider's new IBAN. And the refusal of a payment run without a debtor account.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startApiWorld, WORLD, type ApiWorld } from '../support/api.ts';
import { STORE } from '../support/db.ts';
import { validateAgainstXsd } from '../support/xsd.ts';
import { AGREEMENT_HEADER, ALLOCATION_HEADER, HOLDER, agreement, allocation, csv } from '../support/factories.ts';
import { syntheticBsn, syntheticIban } from '../../src/kernel/synthetic.ts';
import { dateInNetherlands, type PlainDate } from '../../src/kernel/dates.ts';
import type { Cents } from '../../src/kernel/money.ts';
import { buildCamt053 } from '../../src/modules/bank/index.ts';

const XSD = new URL('../../standards/pain.001.001.09.xsd', import.meta.url).pathname;
const DEBTOR_IBAN = 'NL91ABNA0417164300';
const HOLDER_D = syntheticBsn(504);

describe(`the back office's journey over HTTP (${STORE})`, () => {
  let api: ApiWorld;
  let runId = '';
  before(async () => {
    api = await startApiWorld({ config: { debtorIban: DEBTOR_IBAN, debtorName: 'PGB Proef Betaalbureau' } });
  });
  after(async () => {
    await api?.close();
  });

  const postCsv = (soort: string, body: string, contentType = 'text/csv') => api.as('backoffice').post(`/api/imports/${soort}`, body, { contentType });

  test('CSV imports: all or nothing with file:line: column problems, idempotent, text/csv only', async () => {
    const bad = await postCsv('budgethouders', csv('bsn,naam,geboortedatum', [`${HOLDER_D},Houder D,1970-04-04`, '123456789,Houder X,1970-13-01']));
    assert.equal(bad.status, 400, bad.text);
    assert.equal(bad.json.code, 'INVOER_ONGELDIG');
    assert.deepEqual(
      bad.json.problems.map((p: { file: string; line: number; column: string }) => `${p.file}:${p.line}: ${p.column}`),
      ['budgethouders.csv:3: bsn', 'budgethouders.csv:3: geboortedatum'],
    );
    assert.equal((await api.db.query(`SELECT 1 FROM budgethouders WHERE bsn = $1`, [HOLDER_D])).rows.length, 0, 'nothing written');
    const ok = await postCsv('budgethouders', csv('bsn,naam,geboortedatum', [`${HOLDER_D},Houder D,1970-04-04`]));
    assert.equal(ok.status, 201, ok.text);
    assert.deepEqual({ soort: ok.json.soort, rijen: ok.json.rijen, nieuw: ok.json.nieuw }, { soort: 'budgethouders', rijen: 1, nieuw: 1 });
    const again = await postCsv('budgethouders', csv('bsn,naam,geboortedatum', [`${HOLDER_D},Houder D,1970-04-04`]));
    assert.equal(again.status, 200);
    assert.equal(again.json.al_bekend, 1);
    assert.equal((await postCsv('budgethouders', '{"bsn":"1"}', 'application/json')).status, 415);
    assert.equal((await postCsv('onbekend', 'a,b\n1,2\n')).status, 400);
    const named = await api.as('backoffice').post('/api/imports/toekenningen?bestand=tkb-oktober.csv', csv(ALLOCATION_HEADER, [allocation('T-D', HOLDER_D, 'WMO_HH', '2026-01-01', '2026-12-31', '10000.00')]), { contentType: 'text/csv' });
    assert.equal(named.status, 201, named.text);
    assert.equal(named.json.bestand, 'tkb-oktober.csv');
    const z = await postCsv('zorgovereenkomsten', csv(AGREEMENT_HEADER, [agreement('Z-D', HOLDER_D, 'ZV2', 'WMO_HH', { kind: 'arbeidsovereenkomst', unit: 'maand', rate: '1500.00', monthly: '1500.00' })]));
    assert.equal(z.status, 201, z.text);
    const audit = await api.db.query<{ actor: string; reden: string }>(`SELECT actor, reden FROM audit_log WHERE onderwerp = $1`, [named.json.import_id]);
    assert.match(audit.rows[0]!.actor, /^gebruiker:\d+ \(backoffice\)$/);
    assert.equal(audit.rows[0]!.reden, 'bestand tkb-oktober.csv');
  });

  test('monthly pay for a month that is over; twice books nothing new', async () => {
    const bo = api.as('backoffice');
    const r = await bo.post('/api/maandloon', { maand: '2026-10' });
    assert.equal(r.status, 201, r.text);
    assert.deepEqual({ nieuw: r.json.nieuw, totaal: r.json.totaal, totaal_centen: r.json.totaal_centen, declaraties: r.json.declaraties }, { nieuw: 1, totaal: '1500.00', totaal_centen: 150000, declaraties: { goedgekeurd: 1 } });
    const again = await bo.post('/api/maandloon', { maand: '2026-10' });
    assert.equal(again.status, 200);
    assert.equal(again.json.nieuw, 0);
    assert.equal((await bo.post('/api/maandloon', { maand: 'oktober' })).status, 400);
  });

  test('a payment run: one transfer per provider, its SEPA file downloadable, valid and as stored', async () => {
    const bo = api.as('backoffice');
    const today = dateInNetherlands(new Date());
    assert.equal((await bo.post('/api/betaalruns', { datum: '2020-01-02' })).status, 400);
    const r = await bo.post('/api/betaalruns', { datum: today });
    assert.equal(r.status, 201, r.text);
    runId = r.json.betaalrun_id;
    assert.match(runId, /^btr_/);
    // ZV1: the world's claim of A (60.00); ZV2: B's claim (75.00) and D's monthly pay (1500.00)
    assert.deepEqual({ betalingen: r.json.betalingen, declaraties: r.json.declaraties, totaal: r.json.totaal }, { betalingen: 2, declaraties: 3, totaal: '1635.00' });
    assert.equal(r.headers.get('location'), `/api/betaalruns/${runId}/sepa`);
    const none = await bo.post('/api/betaalruns', { datum: today });
    assert.equal(none.status, 200);
    assert.equal(none.json.betaalrun_id, null);

    const list = await api.as('auditor').get('/api/betaalruns');
    assert.equal(list.status, 200);
    assert.deepEqual(list.json.items.map((x: Record<string, unknown>) => [x.betaalrun_id, x.aantal, x.totaal, x.verzonden]), [[runId, 2, '1635.00', 2]]);

    const sepa = await bo.get(`/api/betaalruns/${runId}/sepa`);
    assert.equal(sepa.status, 200);
    assert.match(sepa.headers.get('content-type') ?? '', /^application\/xml/);
    assert.match(sepa.headers.get('content-disposition') ?? '', new RegExp(`attachment; filename="${runId}.xml"`));
    const stored = await api.db.query<{ pain001: string; sha256: string }>(`SELECT pain001, sha256 FROM betaalruns WHERE betaalrun_id = $1`, [runId]);
    assert.equal(sepa.text, stored.rows[0]!.pain001);
    assert.equal(sepa.headers.get('x-sha256'), stored.rows[0]!.sha256);
    const v = await validateAgainstXsd(sepa.text, XSD);
    assert.ok(v.valid, v.errors.join('\n'));
    assert.match(sepa.text, new RegExp(`<IBAN>${DEBTOR_IBAN}</IBAN>`));
    assert.match(sepa.text, /<InstdAmt Ccy="EUR">1575.00<\/InstdAmt>/);
    assert.equal((await bo.get('/api/betaalruns/btr_BESTAATNIET/sepa')).status, 404);
    assert.equal((await api.as('auditor').get(`/api/betaalruns/${runId}/sepa`)).status, 404, 'the file is for the back office');
  });

  test('a provider sees its own payments with the claims they paid, never another’s', async () => {
    const zv = api.as('zorgverlener');
    const r = await zv.get('/api/betalingen');
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.items.length, 1);
    const p = r.json.items[0];
    assert.deepEqual({ z: p.zorgverlener_id, bedrag: p.bedrag, cent: p.bedrag_centen, status: p.status, run: p.betaalrun_id }, { z: 'ZV1', bedrag: '60.00', cent: 6000, status: 'verzonden', run: runId });
    assert.deepEqual(p.declaraties.map((c: Record<string, unknown>) => [c.declaratie_id, c.bedrag, c.actief]), [[WORLD.claims.a, '60.00', true]]);
    assert.match(p.iban, /\*{4}/);
    assert.doesNotMatch(JSON.stringify(r.json), /ZV2/);
    assert.equal((await zv.get('/api/betalingen?zorgverlener_id=ZV2')).status, 404);
    const all = await api.as('backoffice').get(`/api/betalingen?betaalrun_id=${runId}`);
    assert.deepEqual(all.json.items.map((x: { zorgverlener_id: string }) => x.zorgverlener_id).sort(), ['ZV1', 'ZV2']);
  });

  test('a bank statement: confirmations, a holder’s deposit, an open line; read twice changes nothing', async () => {
    const payments = await api.db.query<{ betaling_id: string; bedrag: number; iban: string }>(`SELECT betaling_id, bedrag, iban FROM betalingen WHERE betaalrun_id = $1`, [runId]);
    const holderA = await api.db.query<{ clientnummer: number }>(`SELECT clientnummer FROM budgethouders WHERE bsn = $1`, [HOLDER.a]);
    const day = dateInNetherlands(new Date()) as PlainDate;
    const xml = buildCamt053({
      messageId: 'API-AFSCHRIFT-1',
      createdAt: new Date(),
      statements: [
        {
          statementId: 'API-AFSCHRIFT-1',
          account: DEBTOR_IBAN,
          openingBalance: 1_000_000 as Cents,
          entries: [
            { entryRef: 'E1', direction: 'DBIT', bookingDate: day, transactions: payments.rows.map((p) => ({ amount: p.bedrag as Cents, endToEndId: p.betaling_id, counterpartyIban: p.iban })) },
            { entryRef: 'E2', direction: 'CRDT', bookingDate: day, transactions: [{ amount: 10_000 as Cents, counterpartyName: 'Houder A', counterpartyIban: syntheticIban(9301), remittance: `PGB STORTING ${holderA.rows[0]!.clientnummer} WMO_HH` }] },
            { entryRef: 'E3', direction: 'CRDT', bookingDate: day, transactions: [{ amount: 1_234 as Cents, counterpartyName: 'Onbekend', counterpartyIban: syntheticIban(9302), remittance: 'wat is dit' }] },
          ],
        },
      ],
    });
    const bo = api.as('backoffice');
    const r = await bo.post('/api/bankafschriften?bestand=afschrift-1.xml', xml, { contentType: 'application/xml' });
    assert.equal(r.status, 201, r.text);
    assert.deepEqual(r.json.afschriften, [{ afschrift_id: 'API-AFSCHRIFT-1', al_ingelezen: false, posten: 4, verwerking: { bevestiging: 2, storting_budgethouder: 1, open: 1 } }]);
    const again = await bo.post('/api/bankafschriften', xml, { contentType: 'text/xml' });
    assert.equal(again.status, 200, again.text);
    assert.equal(again.json.afschriften[0].al_ingelezen, true);
    assert.equal((await bo.post('/api/bankafschriften', xml, { contentType: 'text/plain' })).status, 415);
    const broken = await bo.post('/api/bankafschriften', '<Document>', { contentType: 'application/xml' });
    assert.equal(broken.status, 400, broken.text);

    const open = await api.as('auditor').get('/api/bankafschriften/open');
    assert.equal(open.status, 200);
    assert.deepEqual(open.json.items.map((i: Record<string, unknown>) => [i.afschrift_id, i.bedrag, i.bedrag_centen]), [['API-AFSCHRIFT-1', '12.34', 1234]]);
    const zv = await api.as('zorgverlener').get('/api/betalingen');
    assert.equal(zv.json.items[0].status, 'bevestigd');
    // the holder sees their own deposit beside the budget of that law
    const mine = await api.as('budgethouder').get('/api/budgetten');
    const law = mine.json.per_wet.find((x: { wet: string }) => x.wet === 'WMO_HH');
    assert.deepEqual(law.eigen_bijdrage, { gestort_centen: 10000, gestort: '100.00', beschikbaar_centen: 10000, beschikbaar: '100.00' });
    assert.equal(law.betaald, '60.00');
    assert.equal(law.nog_te_betalen, '0.00');
  });

  test('the ledger check, for the back office and the auditor', async () => {
    for (const who of ['backoffice', 'auditor'] as const) {
      const r = await api.as(who).get('/api/controle');
      assert.equal(r.status, 200);
      assert.equal(r.json.ok, true, JSON.stringify(r.json.controles.filter((c: { ok: boolean }) => !c.ok)));
      assert.ok(r.json.controles.length >= 10);
      assert.ok(r.json.totalen.journaalposten > 0);
    }
    assert.equal((await api.as('verstrekker').get('/api/controle')).status, 404);
  });

  test('the audit trail by subject and by kind of action', async () => {
    const r = await api.as('auditor').get(`/api/audit?onderwerp=${runId}`);
    assert.equal(r.status, 200);
    assert.deepEqual(r.json.items.map((a: { actie: string }) => a.actie), ['betaalrun.start']);
    assert.match(r.json.items[0].actor, /^gebruiker:\d+ \(backoffice\)$/);
    assert.match(r.json.items[0].op, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
    const imports = await api.as('backoffice').get('/api/audit?actie=import&limit=1000');
    assert.ok(imports.json.items.length > 0);
    assert.ok(imports.json.items.every((a: { actie: string }) => a.actie.startsWith('import.')));
    assert.equal((await api.as('zorgverlener').get('/api/audit')).status, 404);
  });

  test('a returned transfer blocks the IBAN: the back office sees the block and the claims held for it', async () => {
    const bo = api.as('backoffice');
    assert.deepEqual((await bo.get('/api/iban-blokkades')).json.items, []);
    const p = await api.db.query<{ betaling_id: string; bedrag: number; iban: string }>(`SELECT betaling_id, bedrag, iban FROM betalingen WHERE betaalrun_id = $1 AND zorgverlener_id = 'ZV1'`, [runId]);
    const paid = p.rows[0]!;
    const xml = buildCamt053({
      messageId: 'API-AFSCHRIFT-2',
      createdAt: new Date(),
      statements: [
        {
          statementId: 'API-AFSCHRIFT-2',
          account: DEBTOR_IBAN,
          openingBalance: 0 as Cents,
          entries: [{ entryRef: 'R1', direction: 'CRDT', bookingDate: dateInNetherlands(new Date()) as PlainDate, transactions: [{ amount: Number(paid.bedrag) as Cents, originalEndToEndId: paid.betaling_id, counterpartyIban: paid.iban, returnReason: 'AC04' }] }],
        },
      ],
    });
    const r = await bo.post('/api/bankafschriften?bestand=afschrift-2.xml', xml, { contentType: 'application/xml' });
    assert.equal(r.status, 201, r.text);
    const held = await api.db.query<{ n: number; s: number }>(`SELECT count(*)::int AS n, sum(bedrag)::bigint AS s FROM declaraties WHERE zorgverlener_id = 'ZV1' AND status = 'goedgekeurd'`);
    const blocks = await bo.get('/api/iban-blokkades');
    assert.equal(blocks.status, 200, blocks.text);
    assert.equal(blocks.json.items.length, 1);
    const b = blocks.json.items[0];
    assert.deepEqual([b.zorgverlener_id, b.aangehouden, b.aangehouden_bedrag_centen], ['ZV1', held.rows[0]!.n, Number(held.rows[0]!.s)]);
    assert.ok(b.aangehouden >= 1);
    assert.match(b.reden, /AC04/);
    assert.equal(b.iban, `${paid.iban.slice(0, 4)}${'*'.repeat(paid.iban.length - 8)}${paid.iban.slice(-4)}`, 'the IBAN masked');
    assert.equal((await api.as('auditor').get('/api/iban-blokkades')).status, 200);
    assert.equal((await api.as('verstrekker').get('/api/iban-blokkades')).status, 404);
  });

  test("a provider's new IBAN, with its reason in the audit trail, lifts the block", async () => {
    const bo = api.as('backoffice');
    const iban = syntheticIban(9201);
    const r = await bo.post('/api/zorgverleners/ZV1/iban', { iban, reden: 'nieuwe huisbank' });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.blokkade_opgeheven, true);
    assert.deepEqual((await bo.get('/api/iban-blokkades')).json.items, []);
    const stored = await api.db.query<{ iban: string }>(`SELECT iban FROM zorgverleners WHERE zorgverlener_id = 'ZV1'`);
    assert.equal(stored.rows[0]!.iban, iban);
    const audit = await bo.get('/api/audit?onderwerp=ZV1');
    assert.equal(audit.json.items[0].actie, 'zorgverlener.iban');
    assert.equal(audit.json.items[0].reden, 'nieuwe huisbank');
    assert.equal((await bo.post('/api/zorgverleners/ZV-ONBEKEND/iban', { iban, reden: 'nieuwe huisbank' })).status, 404);
    assert.equal((await bo.post('/api/zorgverleners/ZV1/iban', { iban: 'NL00BANK0123456789', reden: 'nieuwe huisbank' })).status, 400);
    assert.equal((await bo.post('/api/zorgverleners/ZV1/iban', { iban, reden: '' })).status, 400);
    assert.equal((await bo.post('/api/zorgverleners/ZV1/iban', { iban, reden: 'nog eens' })).status, 409);
  });

  test('the whole BSN of a holder: only for the back office, with a reason, and every view in the audit trail', async () => {
    const bo = api.as('backoffice');
    const masked = await bo.get(`/api/budgethouders/${WORLD.holderIds.a}`);
    assert.equal(masked.json.bsn, `*****${HOLDER.a.slice(-4)}`, 'masked by default');
    const r = await bo.post(`/api/budgethouders/${WORLD.holderIds.a}/bsn-inzage`, { reden: 'telefoongesprek met de budgethouder' });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.bsn, HOLDER.a);
    const audit = await bo.get(`/api/audit?onderwerp=budgethouder:${WORLD.holderIds.a}&actie=bsn.inzage`);
    assert.equal(audit.json.items.length, 1);
    assert.equal(audit.json.items[0].reden, 'telefoongesprek met de budgethouder');
    assert.match(audit.json.items[0].actor, /^gebruiker:\d+ \(backoffice\)$/);
    const before = (await api.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE actie = 'bsn.inzage'`)).rows[0]!.n;
    const noReason = await bo.post(`/api/budgethouders/${WORLD.holderIds.a}/bsn-inzage`, { reden: ' ' });
    assert.equal(noReason.status, 400);
    assert.ok(!noReason.text.includes(HOLDER.a));
    assert.equal((await bo.post('/api/budgethouders/999999/bsn-inzage', { reden: 'controle' })).status, 404);
    assert.equal((await api.as('auditor').post(`/api/budgethouders/${WORLD.holderIds.a}/bsn-inzage`, { reden: 'controle' })).status, 404);
    assert.equal((await api.as('verstrekker').post(`/api/budgethouders/${WORLD.holderIds.a}/bsn-inzage`, { reden: 'controle' })).status, 404);
    const after = (await api.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE actie = 'bsn.inzage'`)).rows[0]!.n;
    assert.equal(after, before, 'a refused view is not a view');
  });
});

test(`a payment run without a debtor account (PGB_DEBITEUR_IBAN) is refused as CONFIGURATIE and changes nothing (${STORE})`, async () => {
  const api = await startApiWorld();
  try {
    const r = await api.as('backoffice').post('/api/betaalruns', { datum: dateInNetherlands(new Date()) });
    assert.equal(r.status, 500, r.text);
    assert.equal(r.json.code, 'CONFIGURATIE');
    assert.match(r.json.detail, /PGB_DEBITEUR_IBAN/);
    const runs = await api.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM betaalruns`);
    assert.equal(runs.rows[0]!.n, 0);
    const claims = await api.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM declaraties WHERE status = 'goedgekeurd'`);
    assert.equal(claims.rows[0]!.n, 2);
  } finally {
    await api.close();
  }
});
