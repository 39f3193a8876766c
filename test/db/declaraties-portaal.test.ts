/**
 * The portal's claim use cases against a real database: submitting through the import pipeline
 * (holder, provider awaiting the holder, back office with an earlier receipt), idempotency by
 * declaratie_id, the holder's approval and rejection, the back office's decision on a parked claim,
 * and the work queues by status, reason and age in working days.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { freshDb, STORE } from '../support/db.ts';
import { AGREEMENT_HEADER, ALLOCATION_HEADER, CLAIM_HEADER, HOLDER, agreement, allocation, available, claimLine, claimStatus, csv, load, loadParties } from '../support/factories.ts';
import type { Db } from '../../src/db/connection.ts';
import { AppError, InputError } from '../../src/kernel/errors.ts';
import { paymentDeadline, type PlainDate } from '../../src/kernel/dates.ts';
import { auditFor } from '../../src/modules/audit/index.ts';
import { runLedgerCheck } from '../../src/modules/ledger/index.ts';
import { submitClaim, type SubmitClaimInput } from '../../src/modules/declaraties/use-cases/submit-claim.ts';
import { approveClaim, rejectClaim } from '../../src/modules/declaraties/use-cases/approve-claim.ts';
import { decideParkedClaim } from '../../src/modules/declaraties/use-cases/decide-claim.ts';
import { workQueues } from '../../src/modules/declaraties/use-cases/work-queues.ts';
import { traceClaim } from '../../src/modules/declaraties/use-cases/trace-claim.ts';

const NOW = new Date('2026-11-18T10:00:00+01:00');
const at = (iso: string) => ({ actor: 'test', now: new Date(iso) });

async function setup(db: Db): Promise<void> {
  await loadParties(db);
  await load(db, 'toekenningen', csv(ALLOCATION_HEADER, [allocation('T-A', HOLDER.a, 'WMO_HH', '2026-01-01', '2026-12-31', '1000.00')]));
  await load(db, 'zorgovereenkomsten', csv(AGREEMENT_HEADER, [agreement('Z-A', HOLDER.a, 'ZV1', 'WMO_HH', { rate: '30.00' })]));
}

function holderClaim(id: string, regels: SubmitClaimInput['regels'], extra: Partial<SubmitClaimInput> = {}): SubmitClaimInput {
  return { declaratieId: id, bsn: HOLDER.a, zorgverlenerId: 'ZV1', zorgovereenkomstId: 'Z-A', kanaal: 'portaal', submitter: 'budgethouder', regels, ...extra };
}

async function problemsOf(p: Promise<unknown>): Promise<string[]> {
  try {
    await p;
  } catch (e) {
    if (e instanceof InputError) return e.problems.map((x) => `${x.column}: ${x.message}`);
    throw e;
  }
  assert.fail('expected an InputError');
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
  assert.fail('expected an AppError');
}

async function row(db: Db, id: string) {
  const r = await db.query<{ status: string; reden: string | null; ontvangen_op: Date; ontvangstdatum: string; uiterste_betaaldatum: string; ingediend_door: string | null; kanaal: string }>(
    `SELECT status, reden, ontvangen_op, ontvangstdatum, uiterste_betaaldatum, ingediend_door, kanaal FROM declaraties WHERE declaratie_id = $1`,
    [id],
  );
  return r.rows[0]!;
}

test(`a holder's claim is checked at once; the same claim again changes nothing, other content is refused (${STORE})`, async () => {
  const { db, close } = await freshDb();
  try {
    await setup(db);
    const claim = holderClaim('P-1', [
      { datum: '2026-11-02', eenheden: '2', tarief: '30.00', omschrijving: 'hulp' },
      { datum: '2026-11-03', eenheden: '1.5', tarief: '30' },
    ]);
    const r = await submitClaim(db, claim, { actor: 'gebruiker:1 (budgethouder)', now: NOW });
    assert.deepEqual(r, { declaratieId: 'P-1', created: true, claims: { goedgekeurd: 1 } });
    const stored = await row(db, 'P-1');
    assert.equal(stored.status, 'goedgekeurd');
    assert.equal(stored.ingediend_door, 'budgethouder');
    assert.equal(stored.kanaal, 'portaal');
    assert.equal(stored.uiterste_betaaldatum, paymentDeadline('2026-11-18' as PlainDate));
    assert.equal(await available(db, 'T-A'), 1000_00 - 105_00);
    assert.deepEqual((await auditFor(db, 'P-1')).map((a) => [a.actie, a.actor]), [['declaratie.indienen', 'gebruiker:1 (budgethouder)']]);

    // sent again later (a retry): the same claim, nothing new; its receipt stays the first one
    const again = await submitClaim(db, claim, at('2026-11-19T12:00:00+01:00'));
    assert.equal(again.created, false);
    assert.equal((await row(db, 'P-1')).ontvangen_op.getTime(), new Date('2026-11-18T10:00:00+01:00').getTime());
    assert.equal(await available(db, 'T-A'), 1000_00 - 105_00);

    assert.deepEqual(await problemsOf(submitClaim(db, { ...claim, regels: [{ datum: '2026-11-02', eenheden: '3', tarief: '30.00' }] }, at('2026-11-19T12:00:00+01:00'))), [
      "declaratie_id: declaratie 'P-1' is al ontvangen met andere inhoud; een nieuwe declaratie krijgt een nieuw id",
    ]);
  } finally {
    await close();
  }
});

test(`problems name the request's line as regels[i] and its own fields once (${STORE})`, async () => {
  const { db, close } = await freshDb();
  try {
    await setup(db);
    const problems = await problemsOf(
      submitClaim(
        db,
        holderClaim('P-2', [
          { datum: '2026-11-02', eenheden: '2', tarief: '30.00' },
          { datum: '02-11-2026', eenheden: 'twee', tarief: '30,00' },
        ], { bsn: '123456789' }),
        { actor: 'test', now: NOW },
      ),
    );
    assert.deepEqual(problems, [
      'bsn: geen geldig BSN (negen cijfers die de elfproef doorstaan)',
      "regels[1].datum: '02-11-2026' is geen geldige datum (JJJJ-MM-DD)",
      "regels[1].eenheden: 'twee' is geen getal",
      "regels[1].tarief: '30,00' is geen bedrag in euro's (punt als decimaalteken, hooguit twee decimalen)",
    ]);
    assert.deepEqual(await claimStatus(db), {});
  } finally {
    await close();
  }
});

test(`a provider's claim waits for the holder, is not checked nor counted as claimed, and is checked on approval (${STORE})`, async () => {
  const { db, close } = await freshDb();
  try {
    await setup(db);
    const submitted = await submitClaim(
      db,
      { ...holderClaim('Z-1', [{ datum: '2026-11-02', eenheden: '2', tarief: '30.00' }]), submitter: 'zorgverlener', awaitingHolder: { zorgverlenerNaam: 'Zorg Een' } },
      at('2026-11-04T09:00:00+01:00'),
    );
    assert.deepEqual(submitted, { declaratieId: 'Z-1', created: true, claims: {} });
    assert.equal((await row(db, 'Z-1')).status, 'ter_goedkeuring');
    assert.equal(await available(db, 'T-A'), 1000_00);

    // a re-check of the holder's parked claims leaves it alone, and a CSV claim for the same care is no duplicate of it
    await load(db, 'declaraties', csv(CLAIM_HEADER, [claimLine('CSV-1', HOLDER.a, 'ZV1', '2026-11-02', '2', '30.00', { received: '2026-11-05T09:00:00+01:00' })]));
    assert.deepEqual(await claimStatus(db), { 'Z-1': 'ter_goedkeuring', 'CSV-1': 'goedgekeurd' });
    await load(db, 'toekenningen', csv(ALLOCATION_HEADER, [allocation('T-A2', HOLDER.a, 'WMO_HH', '2026-01-01', '2026-12-31', '10.00')]));
    assert.equal((await row(db, 'Z-1')).status, 'ter_goedkeuring');

    // approved a week later: received now, deadline from today, checked: the same care was paid already
    const approved = await approveClaim(db, 'Z-1', at('2026-11-11T14:00:00+01:00'));
    assert.deepEqual(approved, { declaratie_id: 'Z-1', status: 'afgekeurd', reden: 'DUBBELE_DECLARATIE', uiterste_betaaldatum: '2026-11-25' });
    const r = await row(db, 'Z-1');
    assert.equal(r.ontvangstdatum, '2026-11-11');
    assert.equal(r.ontvangen_op.getTime(), new Date('2026-11-11T14:00:00+01:00').getTime());
    assert.equal(await codeOf(approveClaim(db, 'Z-1', at('2026-11-11T15:00:00+01:00'))), 'CONFLICT');

    // a second provider claim for other care: approved and paid from the budget
    await submitClaim(
      db,
      { ...holderClaim('Z-2', [{ datum: '2026-11-09', eenheden: '1', tarief: '30.00' }]), submitter: 'zorgverlener', awaitingHolder: { zorgverlenerNaam: 'Zorg Een' } },
      at('2026-11-10T09:00:00+01:00'),
    );
    assert.equal((await approveClaim(db, 'Z-2', at('2026-11-11T14:00:00+01:00'))).status, 'goedgekeurd');
    assert.equal(await available(db, 'T-A') + (await available(db, 'T-A2')), 1010_00 - 60_00 - 30_00);
    const trace = (await traceClaim(db, 'Z-2'))!;
    assert.deepEqual(trace.events.map((e) => [e.gebeurtenis, e.status]), [['ingediend', 'ter_goedkeuring'], ['ontvangen', 'ontvangen'], ['goedgekeurd', 'goedgekeurd']]);
    assert.deepEqual((await auditFor(db, 'Z-2')).map((a) => a.actie), ['declaratie.indienen', 'declaratie.goedkeuren']);
    assert.ok((await runLedgerCheck(db)).ok);
  } finally {
    await close();
  }
});

test(`a holder rejects a provider's claim with a reason; only a claim awaiting the holder can be answered (${STORE})`, async () => {
  const { db, close } = await freshDb();
  try {
    await setup(db);
    await submitClaim(
      db,
      { ...holderClaim('Z-3', [{ datum: '2026-11-02', eenheden: '8', tarief: '30.00' }]), submitter: 'zorgverlener', awaitingHolder: { zorgverlenerNaam: 'Zorg Een' } },
      at('2026-11-04T09:00:00+01:00'),
    );
    assert.deepEqual(await rejectClaim(db, 'Z-3', 'die dag was er maar 2 uur zorg', at('2026-11-05T09:00:00+01:00')), { declaratie_id: 'Z-3', status: 'afgewezen', reden: null });
    const trace = (await traceClaim(db, 'Z-3'))!;
    assert.equal(trace.events.at(-1)!.toelichting, 'Afgewezen door de budgethouder: die dag was er maar 2 uur zorg');
    assert.equal(await codeOf(approveClaim(db, 'Z-3', at('2026-11-05T10:00:00+01:00'))), 'CONFLICT');
    assert.equal(await codeOf(rejectClaim(db, 'Z-3', 'nogmaals', at('2026-11-05T10:00:00+01:00'))), 'CONFLICT');
    assert.equal(await codeOf(approveClaim(db, 'BESTAAT-NIET', at('2026-11-05T10:00:00+01:00'))), 'NIET_GEVONDEN');
    // the rejected care is not "claimed before": the holder's own claim for it is paid
    await submitClaim(db, holderClaim('P-3', [{ datum: '2026-11-02', eenheden: '8', tarief: '30.00' }]), at('2026-11-05T11:00:00+01:00'));
    assert.equal((await row(db, 'P-3')).status, 'goedgekeurd');
    assert.deepEqual((await auditFor(db, 'Z-3')).map((a) => [a.actie, a.reden]), [
      ['declaratie.indienen', 'ingediend door de zorgverlener, ter goedkeuring bij de budgethouder'],
      ['declaratie.afwijzen', 'die dag was er maar 2 uur zorg'],
    ]);
  } finally {
    await close();
  }
});

test(`the back office registers a paper claim received earlier: its deadline runs from that day (${STORE})`, async () => {
  const { db, close } = await freshDb();
  try {
    await setup(db);
    await submitClaim(
      db,
      { ...holderClaim('PAP-1', [{ datum: '2026-10-28', eenheden: '2', tarief: '30.00' }]), kanaal: 'post', ontvangenOp: '2026-10-30T16:00:00+01:00', submitter: 'backoffice' },
      { actor: 'gebruiker:9 (backoffice)', now: NOW },
    );
    const r = await row(db, 'PAP-1');
    assert.deepEqual([r.status, r.kanaal, r.ingediend_door, r.ontvangstdatum, r.uiterste_betaaldatum], ['goedgekeurd', 'post', 'backoffice', '2026-10-30', '2026-11-13']);
  } finally {
    await close();
  }
});

test(`the back office decides a parked claim: reject with a reason, or check again; nothing else (${STORE})`, async () => {
  const { db, close } = await freshDb();
  try {
    await setup(db);
    await load(db, 'declaraties', csv(CLAIM_HEADER, [
      claimLine('C-P1', HOLDER.b, 'ZV2', '2026-10-05', '2', '25.00'),
      claimLine('C-P2', HOLDER.b, 'ZV2', '2026-10-06', '2', '25.00'),
      claimLine('C-OK', HOLDER.a, 'ZV1', '2026-10-06', '2', '30.00'),
    ]));
    assert.deepEqual(await claimStatus(db), { 'C-P1': 'geparkeerd:GEEN_ZORGOVEREENKOMST', 'C-P2': 'geparkeerd:GEEN_ZORGOVEREENKOMST', 'C-OK': 'goedgekeurd' });

    const d = await decideParkedClaim(db, 'C-P1', { besluit: 'afkeuren', reden: 'zorgverlener bestaat niet meer' }, { actor: 'gebruiker:9 (backoffice)', now: NOW });
    assert.deepEqual(d, { declaratie_id: 'C-P1', status: 'afgekeurd', reden: 'GEEN_ZORGOVEREENKOMST' });
    const last = (await traceClaim(db, 'C-P1'))!.events.at(-1)!;
    assert.deepEqual([last.gebeurtenis, last.status, last.reden, last.toelichting, last.actor], ['afgekeurd', 'afgekeurd', 'GEEN_ZORGOVEREENKOMST', 'afgekeurd door de backoffice: zorgverlener bestaat niet meer', 'gebruiker:9 (backoffice)']);

    // checked again while nothing changed: still parked, no new trace event, but the decision is audited
    const events = (await traceClaim(db, 'C-P2'))!.events.length;
    assert.deepEqual(await decideParkedClaim(db, 'C-P2', { besluit: 'opnieuw_controleren', reden: 'na telefoon met de budgethouder' }, { actor: 'bo', now: NOW }), {
      declaratie_id: 'C-P2',
      status: 'geparkeerd',
      reden: 'GEEN_ZORGOVEREENKOMST',
    });
    assert.equal((await traceClaim(db, 'C-P2'))!.events.length, events);
    assert.deepEqual((await auditFor(db, 'C-P2')).map((a) => [a.actie, a.reden]), [['declaratie.besluit', 'na telefoon met de budgethouder']]);

    assert.equal(await codeOf(decideParkedClaim(db, 'C-OK', { besluit: 'afkeuren', reden: 'x' }, { actor: 'bo', now: NOW })), 'CONFLICT');
    assert.equal(await codeOf(decideParkedClaim(db, 'C-P1', { besluit: 'opnieuw_controleren', reden: 'x' }, { actor: 'bo', now: NOW })), 'CONFLICT');
    assert.ok((await runLedgerCheck(db)).ok);
  } finally {
    await close();
  }
});

test(`the work queues count open claims by status, reason and age in working days (${STORE})`, async () => {
  const { db, close } = await freshDb();
  try {
    await setup(db);
    // today is Friday 2026-11-20. Working days since receipt: 11-20 → 0, 11-13 → 5, 11-12 → 6, 11-06 → 10, 11-05 → 11, 11-03 → 13
    await load(db, 'declaraties', csv(CLAIM_HEADER, [
      claimLine('Q-1', HOLDER.b, 'ZV2', '2026-10-01', '1', '25.00', { received: '2026-11-20T08:00:00+01:00' }),
      claimLine('Q-2', HOLDER.b, 'ZV2', '2026-10-02', '1', '25.00', { received: '2026-11-13T08:00:00+01:00' }),
      claimLine('Q-3', HOLDER.b, 'ZV2', '2026-10-03', '1', '25.00', { received: '2026-11-12T08:00:00+01:00' }),
      claimLine('Q-4', HOLDER.b, 'ZV2', '2026-10-04', '1', '25.00', { received: '2026-11-06T08:00:00+01:00' }),
      claimLine('Q-5', HOLDER.b, 'ZV2', '2026-10-05', '1', '25.00', { received: '2026-11-05T08:00:00+01:00' }),
      claimLine('Q-6', HOLDER.a, 'ZV1', '2026-10-05', '1', '30.00', { received: '2026-11-03T08:00:00+01:00' }), // goedgekeurd
      claimLine('Q-7', HOLDER.a, 'ZV1', '2026-10-06', '1.1', '30.00', { received: '2026-11-03T08:00:00+01:00' }), // afgekeurd: not open
    ]));
    await submitClaim(
      db,
      { ...holderClaim('Q-8', [{ datum: '2026-11-02', eenheden: '1', tarief: '30.00' }]), submitter: 'zorgverlener', awaitingHolder: { zorgverlenerNaam: 'Zorg Een' } },
      at('2026-11-18T09:00:00+01:00'),
    );
    const w = await workQueues(db, { today: '2026-11-20' as PlainDate });
    assert.equal(w.totaal, 7);
    assert.deepEqual(
      w.wachtrijen.map((q) => [q.status, q.reden, q.aantal, q.bedrag, q.per_leeftijd]),
      [
        ['ter_goedkeuring', null, 1, 30_00, { '0-5': 1, '6-10': 0, '>10': 0 }],
        ['geparkeerd', 'GEEN_ZORGOVEREENKOMST', 5, 125_00, { '0-5': 2, '6-10': 2, '>10': 1 }],
        ['goedgekeurd', null, 1, 30_00, { '0-5': 0, '6-10': 0, '>10': 1 }],
      ],
    );
    const parked = w.wachtrijen[1]!;
    assert.deepEqual(parked.oudste.map((c) => [c.declaratie_id, c.werkdagen]), [['Q-5', 11], ['Q-4', 10], ['Q-3', 6], ['Q-2', 5], ['Q-1', 0]]);
    assert.deepEqual((await workQueues(db, { today: '2026-11-20' as PlainDate, oldest: 2 })).wachtrijen[1]!.oudste.map((c) => c.declaratie_id), ['Q-5', 'Q-4']);
  } finally {
    await close();
  }
});
