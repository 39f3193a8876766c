/**
 * Issue #8, urgent payments (spoedbetalingen): four eyes, the urgent run pays once with a valid
 * pain.001 file, later claims settle against the advance so that nothing is paid twice (automatically
 * when unambiguous, else through the matching queue), and the ledger check holds throughout; on both
 * stores.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { freshDb, stateCounts, STORE } from '../support/db.ts';
import { AGREEMENT_HEADER, ALLOCATION_HEADER, CLAIM_HEADER, HOLDER, agreement, allocation, available, claimLine, claimStatus, csv, load, loadParties } from '../support/factories.ts';
import { validateAgainstXsd } from '../support/xsd.ts';
import { runLedgerCheck } from '../../src/modules/ledger/index.ts';
import { runPayments } from '../../src/modules/betalingen/index.ts';
import { approveUrgentRequest, matchingQueue, openAdvanceList, recordUrgentRequest, rejectUrgentRequest, requestById, resolveMatch, runUrgentPayments, traceUrgent } from '../../src/modules/spoed/index.ts';
import { AppError } from '../../src/kernel/errors.ts';
import type { Db } from '../../src/db/connection.ts';
import { freshTarget } from '../support/db.ts';
import { pgb } from '../support/cli.ts';
import { date, dateInNetherlands } from '../../src/kernel/dates.ts';
import { runReport } from '../../src/modules/rapportages/index.ts';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parties } from '../support/factories.ts';
import { buildCamt053, readBankStatement } from '../../src/modules/bank/index.ts';
import { changeProviderIban } from '../../src/modules/partijen/index.ts';
import { syntheticIban } from '../../src/kernel/synthetic.ts';
import type { Cents } from '../../src/kernel/money.ts';
import type { PlainDate } from '../../src/kernel/dates.ts';

const XSD = new URL('../../standards/pain.001.001.09.xsd', import.meta.url).pathname;
const DEBTOR = { name: 'Test Betaalbureau', iban: 'NL91ABNA0417164300' };

async function ledgerOk(db: Db, when: string): Promise<void> {
  const r = await runLedgerCheck(db);
  assert.ok(r.ok, `${when}: ${JSON.stringify(r.results.filter((x) => x.breaches.length > 0))}`);
}

test(`urgent payments: four eyes, paid once in an urgent run, later claims settled against the advance (${STORE})`, async () => {
  const { db, close } = await freshDb();
  try {
    await loadParties(db);
    await load(db, 'toekenningen', csv(ALLOCATION_HEADER, [allocation('T-A', HOLDER.a, 'WLZ', '2026-01-01', '2026-12-31', '10000.00', '', 'ZK0001')]));
    await load(db, 'zorgovereenkomsten', csv(AGREEMENT_HEADER, [agreement('Z-A', HOLDER.a, 'ZV1', 'WLZ', { rate: '50.00' })]));
    const holderA = (await db.query<{ id: number }>(`SELECT id FROM budgethouders WHERE bsn = $1`, [HOLDER.a])).rows[0]!.id;
    const ask = (id: string, bedrag: string, van: string, tot: string, at: string) =>
      recordUrgentRequest(db, { aanvraagId: id, holderId: holderA, zorgverlenerId: 'ZV1', budgetId: 'T-A', bedrag, van, tot, oorzaak: 'GEEN_DECLARATIE', kanaal: 'telefoon' }, { actor: 'medewerker1', now: new Date(at) });

    // bad input changes nothing
    const before = await stateCounts(db);
    await assert.rejects(ask('S0', '10000.01', '2026-03-01', '2026-03-31', '2026-03-02T09:00:00+01:00'), /er is nog € 10\.000,00 over op budget T-A/);
    await assert.rejects(recordUrgentRequest(db, { holderId: holderA, zorgverlenerId: 'ZV1', budgetId: 'T-A', bedrag: '-1', van: '2026-03-31', tot: '2026-03-01', oorzaak: 'ONBEKEND', kanaal: 'fax' }, { actor: 'medewerker1' }),
      (e: unknown) => e instanceof AppError && e.problems.map((p) => p.column).join(',') === 'bedrag,tot,oorzaak,kanaal');
    assert.deepEqual(await stateCounts(db), before);

    const s1 = await ask('S1', '1000.00', '2026-03-01', '2026-03-31', '2026-03-02T09:00:00+01:00');
    assert.equal(s1.created, true);
    assert.equal((await ask('S1', '1000.00', '2026-03-01', '2026-03-31', '2026-03-02T09:00:00+01:00')).created, false, 'the same request again changes nothing');
    await assert.rejects(ask('S1', '999.00', '2026-03-01', '2026-03-31', '2026-03-02T09:00:00+01:00'), (e: unknown) => e instanceof AppError && e.code === 'CONFLICT');

    // four eyes: refused for the same person, in code and by the database
    const beforeFour = await stateCounts(db);
    await assert.rejects(approveUrgentRequest(db, { aanvraagId: 'S1', actor: 'medewerker1' }), /vier ogen/);
    await assert.rejects(db.query(`UPDATE spoedaanvragen SET status = 'goedgekeurd', beoordeeld_door = aangevraagd_door, beoordeeld_op = now() WHERE aanvraag_id = 'S1'`), /spoed_vier_ogen/);
    assert.deepEqual(await stateCounts(db), beforeFour);
    assert.equal((await runUrgentPayments(db, { date: '2026-03-03', actor: 'medewerker2', debtor: DEBTOR, now: new Date('2026-03-03T08:00:00+01:00') })).betaalrunId, null, 'not approved: not paid');
    await approveUrgentRequest(db, { aanvraagId: 'S1', actor: 'medewerker2', now: new Date('2026-03-02T10:00:00+01:00') });
    await assert.rejects(approveUrgentRequest(db, { aanvraagId: 'S1', actor: 'medewerker3' }), (e: unknown) => e instanceof AppError && e.code === 'CONFLICT');

    await ask('S2', '50.00', '2026-03-01', '2026-03-31', '2026-03-02T09:30:00+01:00');
    await assert.rejects(rejectUrgentRequest(db, { aanvraagId: 'S2', actor: 'medewerker2' }), /reden/);
    await rejectUrgentRequest(db, { aanvraagId: 'S2', actor: 'medewerker2', reden: 'dubbel gemeld' });

    // the urgent run pays S1 once, with its own valid SEPA file; the budget is charged
    const run = await runUrgentPayments(db, { date: '2026-03-03', actor: 'medewerker2', debtor: DEBTOR, now: new Date('2026-03-03T08:00:00+01:00') });
    assert.equal(run.payments, 1);
    assert.equal(run.total, 1000_00);
    const v = await validateAgainstXsd(run.xml!, XSD);
    assert.ok(v.valid, v.errors.join('\n'));
    assert.match(run.xml!, /<InstdAmt Ccy="EUR">1000\.00<\/InstdAmt>/);
    assert.match(run.xml!, /PGB spoed \d+ 2026-03/);
    assert.equal((await db.query<{ soort: string }>(`SELECT soort FROM betaalruns WHERE betaalrun_id = $1`, [run.betaalrunId])).rows[0]!.soort, 'spoed');
    assert.equal(await available(db, 'T-A'), 9000_00);
    assert.equal((await runUrgentPayments(db, { date: '2026-03-03', actor: 'medewerker2', debtor: DEBTOR, now: new Date('2026-03-03T09:00:00+01:00') })).betaalrunId, null, 'a second run pays nothing again');
    assert.equal((await requestById(db, 'S2'))!.status, 'afgewezen');
    await ledgerOk(db, 'after the urgent run');

    // a later, smaller claim for March: settled automatically, wholly covered, the rest to recover
    await load(db, 'declaraties', csv(CLAIM_HEADER, [
      claimLine('C1', HOLDER.a, 'ZV1', '2026-03-05', '6', '50.00', { received: '2026-04-02T09:00:00+02:00' }),
      claimLine('C1', HOLDER.a, 'ZV1', '2026-03-12', '4', '50.00', { received: '2026-04-02T09:00:00+02:00' }),
    ]), 'c1.csv');
    assert.deepEqual(await claimStatus(db), { C1: 'betaald' });
    const s1After = (await requestById(db, 'S1'))!;
    assert.equal(s1After.status, 'te_vorderen');
    assert.equal(s1After.te_vorderen, 500_00);
    // the rest of the advance is a recovery on the provider (vorderingen), taken over from the advance
    const rec = (await db.query<{ vordering_id: string; zorgverlener_id: string; bedrag: number; openstaand: number; budget_id: string }>(`SELECT vordering_id, zorgverlener_id, bedrag, openstaand, budget_id FROM vorderingen WHERE bron = 'spoed:S1'`)).rows;
    assert.deepEqual(rec.map((v) => [v.zorgverlener_id, v.bedrag, v.openstaand, v.budget_id]), [['ZV1', 500_00, 500_00, 'T-A']]);
    const tr1 = (await traceUrgent(db, 'S1'))!;
    assert.deepEqual([tr1.match?.declaratie_id, tr1.match?.verrekend, tr1.recovery?.vordering_id], ['C1', 500_00, rec[0]!.vordering_id]);
    assert.deepEqual(tr1.bookings.filter((b) => b.soort === 'spoedvordering').map((b) => [b.rekening, b.bedrag]), [['voorschot_dekking:S1', 500_00], ['voorschot:S1', -500_00]]);
    assert.equal(await available(db, 'T-A'), 9000_00, 'the claim is covered by what the advance took from the budget');
    await ledgerOk(db, 'after settling C1');
    const regular = await runPayments(db, { date: '2026-04-06', actor: 'test', debtor: DEBTOR, now: new Date('2026-04-03T10:00:00+02:00') });
    assert.equal(regular.claims, 0, 'nothing paid twice');

    // a larger claim: only the difference is paid in the regular run
    await ask('S3', '200.00', '2026-04-01', '2026-04-30', '2026-04-01T09:00:00+02:00');
    await approveUrgentRequest(db, { aanvraagId: 'S3', actor: 'medewerker2' });
    await runUrgentPayments(db, { date: '2026-04-06', actor: 'medewerker2', debtor: DEBTOR, now: new Date('2026-04-03T11:00:00+02:00') });
    await load(db, 'declaraties', csv(CLAIM_HEADER, [claimLine('C2', HOLDER.a, 'ZV1', '2026-04-07', '6', '50.00', { received: '2026-05-04T09:00:00+02:00' })]), 'c2.csv');
    assert.equal((await requestById(db, 'S3'))!.status, 'verrekend');
    const r2 = await runPayments(db, { date: '2026-05-06', actor: 'test', debtor: DEBTOR, now: new Date('2026-05-05T10:00:00+02:00') });
    assert.equal(r2.claims, 1);
    // the claim of € 300 minus the advance of € 200 is owed; S1's recovery on ZV1 (€ 500) takes all of it
    const p2 = (await db.query<{ bedrag: number; verrekend: number }>(`SELECT b.bedrag, b.verrekend FROM betalingen b JOIN betaalposten p ON p.betaling_id = b.betaling_id WHERE p.declaratie_id = 'C2'`)).rows;
    assert.deepEqual(p2, [{ bedrag: 0, verrekend: 100_00 }]);
    assert.equal((await db.query<{ openstaand: number }>(`SELECT openstaand FROM vorderingen WHERE bron = 'spoed:S1'`)).rows[0]!.openstaand, 400_00);
    await ledgerOk(db, 'after paying C2');

    // ambiguous: two advances for May, one claim: a person chooses; until then it is not paid
    await ask('S4', '100.00', '2026-05-01', '2026-05-31', '2026-05-04T09:00:00+02:00');
    await ask('S5', '150.00', '2026-05-01', '2026-05-31', '2026-05-04T09:10:00+02:00');
    await approveUrgentRequest(db, { aanvraagId: 'S4', actor: 'medewerker2' });
    await approveUrgentRequest(db, { aanvraagId: 'S5', actor: 'medewerker2' });
    await runUrgentPayments(db, { date: '2026-05-06', actor: 'medewerker2', debtor: DEBTOR, now: new Date('2026-05-05T11:00:00+02:00') });
    await load(db, 'declaraties', csv(CLAIM_HEADER, [claimLine('C3', HOLDER.a, 'ZV1', '2026-05-11', '2', '50.00', { received: '2026-06-01T09:00:00+02:00' })]), 'c3.csv');
    const q = await matchingQueue(db, { open: true });
    assert.deepEqual(q.map((x) => [x.declaratie_id, x.aanvragen]), [['C3', ['S4', 'S5']]]);
    assert.equal((await runPayments(db, { date: '2026-06-03', actor: 'test', debtor: DEBTOR, now: new Date('2026-06-02T10:00:00+02:00') })).claims, 0, 'a queued claim waits');
    await assert.rejects(resolveMatch(db, { declaratieId: 'C3', aanvraagId: 'S1', actor: 'medewerker3' }), /geen kandidaat/);
    await resolveMatch(db, { declaratieId: 'C3', aanvraagId: 'S4', actor: 'medewerker3' });
    assert.deepEqual((await claimStatus(db)).C3, 'betaald');
    assert.equal((await matchingQueue(db, { open: true })).length, 0);
    await ledgerOk(db, 'after the manual match');

    // open advances with their age in working days: S5 is paid and unmatched (S1's rest is a recovery now).
    // S5 paid Tue 2026-05-05: 24 weekdays up to Mon 2026-06-08, minus Ascension 14/5 and Whit Monday 25/5 = 22.
    const open = await openAdvanceList(db, { peildatum: '2026-06-08' });
    assert.deepEqual(open.map((a) => [a.aanvraag_id, a.status, a.open, a.werkdagen]), [['S5', 'betaald', 150_00, 22]]);
  } finally {
    await close();
  }
});

test(`pgb spoed: request, four eyes, urgent run with its file, matched claim in pgb trace, pgb controle (${STORE})`, async () => {
  const t = await freshTarget();
  const dir = mkdtempSync(join(tmpdir(), 'pgb-spoed-'));
  const year = dateInNetherlands(new Date()).slice(0, 4);
  try {
    const file = (name: string, content: string) => {
      const p = join(dir, name);
      writeFileSync(p, content);
      return p;
    };
    for (const [kind, content] of [
      ['verstrekkers', parties.verstrekkers], ['budgethouders', parties.budgethouders], ['zorgverleners', parties.zorgverleners],
      // the allocation covers this year: the request below is for this month (the test runs on any day)
      ['toekenningen', csv(ALLOCATION_HEADER, [allocation('T-B', HOLDER.b, 'WLZ', `${year}-01-01`, `${year}-12-31`, '5000.00', '', 'ZK0001')])],
      ['zorgovereenkomsten', csv(AGREEMENT_HEADER, [agreement('Z-B', HOLDER.b, 'ZV2', 'WLZ', { rate: '25.00' })])],
    ] as const) {
      const r = await pgb(t.target, 'import', kind, file(`${kind}.csv`, content));
      assert.equal(r.code, 0, r.err);
    }
    const today = dateInNetherlands(new Date());
    const month = today.slice(0, 7);
    const as = (actor: string, ...args: string[]) => pgb(t.target, '--actor', actor, ...args);
    const rec = await as('mw1', 'spoed', 'aanvraag', '--id', 'SP-1', '--bsn', HOLDER.b, '--zorgverlener', 'ZV2', '--toekenning', 'T-B', '--bedrag', '400.00',
      '--van', `${month}-01`, '--tot', `${month}-28`, '--oorzaak', 'ZOK_ONVOLLEDIG', '--kanaal', 'balie');
    assert.equal(rec.code, 0, rec.err);
    assert.match(rec.out, /SP-1: 400\.00 aan ZV2, vastgelegd/);
    const self = await as('mw1', 'spoed', 'goedkeuren', 'SP-1');
    assert.equal(self.code, 1);
    assert.match(self.err, /vier ogen/);
    assert.equal((await as('mw2', 'spoed', 'goedkeuren', 'SP-1')).code, 0);
    const sepa = join(dir, 'spoed.xml');
    const run = await as('mw2', 'spoed', 'run', '--datum', today, '--sepa', sepa);
    assert.equal(run.code, 0, run.err);
    assert.match(run.out, /spoedrun btr_\w+: 1 overboeking\(en\), samen 400\.00/);
    assert.ok((await validateAgainstXsd(readFileSync(sepa, 'utf8'), XSD)).valid);
    assert.match((await pgb(t.target, 'spoed', 'open')).out, /SP-1\tbetaald\tZV2\t.*open 400\.00 van 400\.00/);

    // care on the first of the month, received at the start of today: valid on any day the test runs
    const claim = await pgb(t.target, 'import', 'declaraties', file('d.csv', csv(CLAIM_HEADER, [claimLine('CB-1', HOLDER.b, 'ZV2', `${month}-01`, '20', '25.00', { received: `${today}T00:00:00+01:00` })])));
    assert.equal(claim.code, 0, claim.err);
    const tr = await pgb(t.target, 'trace', 'SP-1');
    assert.equal(tr.code, 0, tr.err);
    assert.match(tr.out, /^spoedbetaling SP-1: verrekend$/m);
    assert.match(tr.out, /gekoppeld aan declaratie CB-1 \(500\.00, goedgekeurd\): 400\.00 verrekend, 0\.00 te vorderen; automatisch/);
    assert.match(tr.out, /spoedbetaling: voorschot:SP-1 D 400\.00/);
    assert.match(tr.out, /spoedverrekening: te_betalen:ZV2 D 400\.00/);
    const trc = await pgb(t.target, 'trace', 'CB-1');
    assert.match(trc.out, /verrekend met spoedbetaling/);
    assert.match(trc.out, /400\.00 verrekend met spoedbetaling SP-1/);
    const ctl = await pgb(t.target, 'controle');
    assert.equal(ctl.code, 0, ctl.out);
    assert.match(ctl.out, /OK   elke betaalde spoedbetaling is precies één keer geboekt/);
    assert.match(ctl.out, /OK   elk voorschot is betaald min verrekend min wat als vordering verder gaat/);
    const pay = await pgb(t.target, 'betaalrun', '--datum', today, '--sepa', join(dir, 'regulier.xml'));
    assert.match(pay.out, /1 overboeking\(en\) voor 1 declaratie\(s\), samen 100\.00/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await t.cleanup();
  }
});

test(`report spoedbetalingen reproduces a hand-computed case (${STORE})`, async () => {
  const { db, close } = await freshDb();
  try {
    await loadParties(db);
    await load(db, 'toekenningen', csv(ALLOCATION_HEADER, [
      allocation('T-RA', HOLDER.a, 'WLZ', '2026-01-01', '2026-12-31', '10000.00', '', 'ZK0001'),
      allocation('T-RB', HOLDER.b, 'WLZ', '2026-01-01', '2026-12-31', '10000.00', '', 'ZK0001'),
    ]));
    const ids = Object.fromEntries((await db.query<{ bsn: string; id: number }>(`SELECT bsn, id FROM budgethouders`)).rows.map((r) => [r.bsn, r.id]));
    const urgent = async (id: string, holder: 'a' | 'b', oorzaak: string, bedrag: string, requested: string, paid: string | null, reject = false) => {
      await recordUrgentRequest(db, { aanvraagId: id, holderId: ids[HOLDER[holder]]!, zorgverlenerId: 'ZV1', budgetId: holder === 'a' ? 'T-RA' : 'T-RB', bedrag, van: '2026-03-01', tot: '2026-03-31', oorzaak, kanaal: 'telefoon' }, { actor: 'mw1', now: new Date(requested) });
      if (reject) return rejectUrgentRequest(db, { aanvraagId: id, actor: 'mw2', reden: 'geen grond', now: new Date(requested) });
      await approveUrgentRequest(db, { aanvraagId: id, actor: 'mw2', now: new Date(requested) });
      if (paid) await runUrgentPayments(db, { date: paid.slice(0, 10), actor: 'mw2', debtor: DEBTOR, now: new Date(paid) });
    };
    // Hand computation (times in Dutch winter time, +01:00; the report counts payments made in March 2026):
    //   U1 GEEN_DECLARATIE   holder A   100.00  requested 02-03 09:00, paid 02-03 21:00 → 12 h
    //   U2 GEEN_DECLARATIE   holder B   250.00  requested 02-03 10:00, paid 04-03 10:00 → 48 h
    //   U3 TE_WEINIG_BUDGET  holder A    80.50  requested 03-03 09:00, paid 04-03 10:00 → 25 h
    //   U4 SYSTEEMFOUT       holder A  1000.00  requested 05-03 08:00, paid 08-03 14:00 → 78 h
    //   not counted: U5 (rejected), U6 (approved, never paid), U7 (paid on 1 April)
    // Total: 4 payments, 100.00 + 250.00 + 80.50 + 1000.00 = 1430.50, holders {A, B} = 2,
    //   mean (12 + 48 + 25 + 78) / 4 = 163 / 4 = 40.75 h → 40.8; within 24 h: U1 = 1 of 4 = 25 %;
    //   36 h: U1, U3 = 50 %; 48 h: U1, U3, U2 (48 is within) = 75 %; 60 h: 75 %; 72 h: 75 %.
    // GEEN_DECLARATIE: 2, 350.00, holders {A, B} = 2, mean (12 + 48) / 2 = 30.0 h; 24 h: 1 of 2 = 50 %; 36 h: 50 %; 48, 60, 72 h: 100 %.
    // TE_WEINIG_BUDGET: 1, 80.50, 1 holder, 25.0 h; 24 h: 0 %; 36–72 h: 100 %.
    // SYSTEEMFOUT: 1, 1000.00, 1 holder, 78.0 h; 0 % within every threshold.
    // Every other cause: 0, 0.00, 0 holders, no mean, no shares.
    await urgent('U1', 'a', 'GEEN_DECLARATIE', '100.00', '2026-03-02T09:00:00+01:00', '2026-03-02T21:00:00+01:00');
    await recordUrgentRequest(db, { aanvraagId: 'U2', holderId: ids[HOLDER.b]!, zorgverlenerId: 'ZV1', budgetId: 'T-RB', bedrag: '250.00', van: '2026-03-01', tot: '2026-03-31', oorzaak: 'GEEN_DECLARATIE', kanaal: 'e-mail' }, { actor: 'mw1', now: new Date('2026-03-02T10:00:00+01:00') });
    await approveUrgentRequest(db, { aanvraagId: 'U2', actor: 'mw2', now: new Date('2026-03-03T10:00:00+01:00') });
    await urgent('U3', 'a', 'TE_WEINIG_BUDGET', '80.50', '2026-03-03T09:00:00+01:00', '2026-03-04T10:00:00+01:00'); // this run pays U2 and U3
    await urgent('U4', 'a', 'SYSTEEMFOUT', '1000.00', '2026-03-05T08:00:00+01:00', '2026-03-08T14:00:00+01:00');
    await urgent('U5', 'b', 'OVERIG', '10.00', '2026-03-09T08:00:00+01:00', null, true);
    await urgent('U6', 'b', 'OVERIG', '20.00', '2026-03-31T08:00:00+01:00', null);
    await urgent('U7', 'b', 'GEEN_WET', '30.00', '2026-03-31T10:00:00+02:00', '2026-04-01T09:00:00+02:00'); // also pays U6, in April

    const t = await runReport(db, 'spoedbetalingen', { van: date('2026-03-01'), tot: date('2026-03-31'), peildatum: date('2026-04-30'), scope: { kind: 'alles' } });
    const pick = (code: string) => {
      const r = t.rijen.find((x) => x.oorzaak === code)!;
      return [r.aantal, r.bedrag, r.budgethouders, r.gemiddeld_uren, r.binnen_24, r.binnen_36, r.binnen_48, r.binnen_60, r.binnen_72];
    };
    assert.equal(t.rijen.length, 12, 'eleven causes and the total');
    assert.deepEqual(pick('totaal'), [4, 1430_50, 2, 40.8, 25, 50, 75, 75, 75]);
    assert.deepEqual(pick('GEEN_DECLARATIE'), [2, 350_00, 2, 30, 50, 50, 100, 100, 100]);
    assert.deepEqual(pick('TE_WEINIG_BUDGET'), [1, 80_50, 1, 25, 0, 100, 100, 100, 100]);
    assert.deepEqual(pick('SYSTEEMFOUT'), [1, 1000_00, 1, 78, 0, 0, 0, 0, 0]);
    assert.deepEqual(pick('GEEN_WET'), [0, 0, 0, null, null, null, null, null, null]);
    // a funder sees only its own holders' urgent payments: all of these are on ZK0001's budgets
    const gm = await runReport(db, 'spoedbetalingen', { van: date('2026-03-01'), tot: date('2026-03-31'), peildatum: date('2026-04-30'), scope: { kind: 'verstrekker', code: 'GM0001' } });
    assert.equal(gm.rijen.find((x) => x.oorzaak === 'totaal')!.aantal, 0);
    const april = await runReport(db, 'spoedbetalingen', { van: date('2026-04-01'), tot: date('2026-04-30'), peildatum: date('2026-04-30'), scope: { kind: 'alles' } });
    assert.deepEqual([april.rijen.find((x) => x.oorzaak === 'totaal')!.aantal, april.rijen.find((x) => x.oorzaak === 'totaal')!.bedrag], [2, 50_00]);
    // the payment counts by kind count each urgent payment as one transfer in the month of its run
    const kinds = await runReport(db, 'betalingen-per-soort', { van: date('2026-03-01'), tot: date('2026-04-30'), peildatum: date('2026-04-30'), scope: { kind: 'alles' } });
    assert.deepEqual(kinds.rijen.map((r) => [r.maand, r.spoed, r.overboekingen, r.bedrag]), [['2026-03', 4, 4, 1430_50], ['2026-04', 2, 2, 50_00], ['totaal', 6, 6, 1480_50]]);
    await ledgerOk(db, 'after the report case');
  } finally {
    await close();
  }
});

test(`a returned urgent transfer goes back to the advance and waits for a new IBAN (${STORE})`, async () => {
  const { db, close } = await freshDb();
  try {
    await loadParties(db);
    await load(db, 'toekenningen', csv(ALLOCATION_HEADER, [allocation('T-R', HOLDER.c, 'JW', '2026-01-01', '2026-12-31', '3000.00')]));
    const holderC = (await db.query<{ id: number }>(`SELECT id FROM budgethouders WHERE bsn = $1`, [HOLDER.c])).rows[0]!.id;
    await recordUrgentRequest(db, { aanvraagId: 'R1', holderId: holderC, zorgverlenerId: 'ZV3', budgetId: 'T-R', bedrag: '700.00', van: '2026-03-01', tot: '2026-03-31', oorzaak: 'MAXIMUMTARIEF', kanaal: 'brief' }, { actor: 'mw1', now: new Date('2026-03-02T09:00:00+01:00') });
    await approveUrgentRequest(db, { aanvraagId: 'R1', actor: 'mw2', now: new Date('2026-03-02T09:30:00+01:00') });
    const run = await runUrgentPayments(db, { date: '2026-03-02', actor: 'mw2', debtor: DEBTOR, now: new Date('2026-03-02T10:00:00+01:00') });
    const paid = (await requestById(db, 'R1'))!.betaling_id!;
    assert.equal(await available(db, 'T-R'), 2300_00);
    await readBankStatement(db, {
      path: 'retour.xml',
      actor: 'test',
      content: buildCamt053({
        messageId: 'SR-1', createdAt: new Date('2026-03-03T18:00:00+01:00'),
        statements: [{ statementId: 'SR-1', account: DEBTOR.iban, openingBalance: 0 as Cents, entries: [
          { entryRef: 'R1', direction: 'CRDT', bookingDate: '2026-03-03' as PlainDate, transactions: [{ amount: 700_00 as Cents, originalEndToEndId: paid, returnReason: 'AC04', counterpartyName: 'Zorg Drie B.V.' }] },
        ] }],
      }),
    });
    const back = (await requestById(db, 'R1'))!;
    assert.deepEqual([back.status, back.betaling_id, back.teruggeboekte_betalingen], ['goedgekeurd', null, [paid]]);
    assert.equal(await available(db, 'T-R'), 3000_00, 'the budget charged for the advance is released');
    await ledgerOk(db, 'after the return');
    const held = await runUrgentPayments(db, { date: '2026-03-04', actor: 'mw2', debtor: DEBTOR, now: new Date('2026-03-04T09:00:00+01:00') });
    assert.equal(held.betaalrunId, null, 'not sent to the same IBAN again');
    assert.match(held.held[0]!.reden, /IBAN van ZV3 geblokkeerd/);
    await changeProviderIban(db, { zorgverlenerId: 'ZV3', iban: syntheticIban(9203), reason: 'nieuw rekeningnummer', actor: 'mw1' });
    const again = await runUrgentPayments(db, { date: '2026-03-04', actor: 'mw2', debtor: DEBTOR, now: new Date('2026-03-04T10:00:00+01:00') });
    assert.equal(again.total, 700_00);
    assert.notEqual(again.betaalrunId, run.betaalrunId);
    assert.equal(await available(db, 'T-R'), 2300_00);
    await ledgerOk(db, 'after paying again');
  } finally {
    await close();
  }
});
