/**
 * Recoveries (vorderingen, issue #8): a claim paid twice becomes a recovery on the provider, set off
 * in the next payment run (the SEPA file carries the net amount), the rest repaid by bank transfer
 * (camt.053), another written off; the budget gets back exactly what was recovered, and the ledger
 * check passes after every step. A returned payment undoes its set-off.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshDb, freshTarget, stateCounts, STORE } from '../support/db.ts';
import { pgb } from '../support/cli.ts';
import { migrate } from '../../src/db/migrate.ts';
import { validateAgainstXsd } from '../support/xsd.ts';
import { AGREEMENT_HEADER, ALLOCATION_HEADER, CLAIM_HEADER, HOLDER, agreement, allocation, available, claimLine, csv, load, loadParties } from '../support/factories.ts';
import type { Db } from '../../src/db/connection.ts';
import { runPayments } from '../../src/modules/betalingen/index.ts';
import { buildCamt053, readBankStatement } from '../../src/modules/bank/index.ts';
import { runLedgerCheck } from '../../src/modules/ledger/index.ts';
import { createRecovery, recoveriesWithAge, recoveryById, traceRecovery, writeOffRecovery } from '../../src/modules/vorderingen/index.ts';
import { traceClaim } from '../../src/modules/declaraties/index.ts';
import { AppError, InputError } from '../../src/kernel/errors.ts';
import { syntheticIban } from '../../src/kernel/synthetic.ts';
import { changeProviderIban } from '../../src/modules/partijen/index.ts';
import { requestOwnAmount } from '../../src/modules/eigenbedragen/index.ts';
import { syntheticBsn } from '../../src/kernel/synthetic.ts';
import type { Cents } from '../../src/kernel/money.ts';
import type { PlainDate } from '../../src/kernel/dates.ts';

const XSD = new URL('../../standards/pain.001.001.09.xsd', import.meta.url).pathname;
const FIXTURE = new URL('../fixtures/camt053-vorderingen.xml', import.meta.url).pathname;
const DEBTOR = { name: 'PGB Proef Betaalbureau', iban: 'NL91ABNA0417164300' };
const NOW = new Date('2026-11-10T10:00:00+01:00');

async function ledgerOk(db: Db, step: string): Promise<void> {
  const r = await runLedgerCheck(db);
  assert.ok(r.ok, `${step}: ${JSON.stringify(r.results.filter((x) => x.breaches.length > 0))}`);
}

async function world(db: Db): Promise<void> {
  await loadParties(db);
  await load(db, 'toekenningen', csv(ALLOCATION_HEADER, [allocation('T-A', HOLDER.a, 'WMO_HH', '2026-01-01', '2026-12-31', '5000.00')]));
  await load(db, 'zorgovereenkomsten', csv(AGREEMENT_HEADER, [agreement('Z-A', HOLDER.a, 'ZV1', 'WMO_HH'), agreement('Z-A3', HOLDER.a, 'ZV3', 'WMO_HH', { kind: 'instelling' })]));
  // C1 and C2 are the same care claimed twice (on different days, so the duplicate check did not see it)
  await load(db, 'declaraties', csv(CLAIM_HEADER, [
    claimLine('C1', HOLDER.a, 'ZV1', '2026-10-05', '2', '30.00'),
    claimLine('C2', HOLDER.a, 'ZV1', '2026-10-06', '2', '30.00'),
  ]));
}

const claims = (db: Db, rows: string[], received: string) =>
  load(db, 'declaraties', csv(CLAIM_HEADER, rows.map((r) => r.replace('2026-11-02T09:00:00+01:00', received))));

test(`recoveries: double paid → recovery → set off in the next run (net in the SEPA file) → repaid by camt.053 → written off; budget back, ledger whole (${STORE})`, async () => {
  const { db, close } = await freshDb();
  try {
    await world(db);
    const run1 = await runPayments(db, { date: '2026-11-12', actor: 'test', debtor: DEBTOR, now: NOW });
    assert.equal(run1.payments, 1);
    assert.equal(run1.total, 120_00);
    assert.equal(await available(db, 'T-A'), 5000_00 - 120_00);
    await ledgerOk(db, 'after run 1');

    // ---- bad input changes nothing
    const before = await stateCounts(db);
    const refused = async (p: Promise<unknown>, column: string, re: RegExp) =>
      assert.rejects(p, (e: unknown) => e instanceof InputError && e.problems.some((x) => x.column === column && re.test(x.message)));
    await refused(createRecovery(db, { declaratieId: 'C9', reden: 'DUBBEL_BETAALD', bedrag: 60_00 as Cents, toelichting: 'x' }, { actor: 'test', now: NOW }), 'declaratie_id', /bestaat niet/);
    await refused(createRecovery(db, { declaratieId: 'C2', reden: 'VERKEERD', bedrag: 60_00 as Cents, toelichting: 'x' }, { actor: 'test', now: NOW }), 'reden', /geen reden/);
    await refused(createRecovery(db, { declaratieId: 'C2', reden: 'DUBBEL_BETAALD', bedrag: 60_01 as Cents, toelichting: 'x' }, { actor: 'test', now: NOW }), 'bedrag', /meer dan de declaratie/);
    await refused(createRecovery(db, { declaratieId: 'C2', reden: 'DUBBEL_BETAALD', bedrag: 60_00 as Cents, toelichting: '  ' }, { actor: 'test', now: NOW }), 'toelichting', /waarom/);
    await refused(createRecovery(db, { reden: 'OVERIG', bedrag: 1_00 as Cents, toelichting: 'x', budgetId: 'T-A' }, { actor: 'test', now: NOW }), 'debiteur', /noem/);
    await refused(createRecovery(db, { reden: 'OVERIG', bedrag: 1_00 as Cents, toelichting: 'x', debiteur: { soort: 'budgethouder', id: '2' }, budgetId: 'T-A' }, { actor: 'test', now: NOW }), 'budget_id', /niet van budgethouder/);
    assert.deepEqual(await stateCounts(db), before);

    // ---- C2 was paid twice: a recovery on the provider, the budget is not touched yet
    const v1 = await createRecovery(db, { declaratieId: 'C2', reden: 'DUBBEL_BETAALD', bedrag: 60_00 as Cents, toelichting: 'C2 is dezelfde zorg als C1', vastgesteldOp: '2026-11-09' }, { actor: 'medewerker', now: NOW });
    assert.equal(v1.created, true);
    assert.equal(v1.row.vordering_id, 'V-1');
    assert.equal(v1.row.debiteur_soort, 'zorgverlener');
    assert.equal(v1.row.zorgverlener_id, 'ZV1');
    assert.equal(v1.row.budget_id, 'T-A');
    assert.equal(v1.row.betaling_id, (await db.query<{ betaling_id: string }>(`SELECT betaling_id FROM declaraties WHERE declaratie_id = 'C2'`)).rows[0]!.betaling_id);
    assert.equal(await available(db, 'T-A'), 5000_00 - 120_00, 'the budget gets back what is recovered, not what is established');
    await ledgerOk(db, 'after establishing V-1');
    // nothing recovered twice: the claim is used up
    await refused(createRecovery(db, { declaratieId: 'C2', reden: 'ONJUIST_BEDRAG', bedrag: 1 as Cents, toelichting: 'nog eens' }, { actor: 'test', now: NOW }), 'bedrag', /al € 60,00 teruggevorderd/);
    // idempotent by source
    const a = await createRecovery(db, { bron: 'melding-17', declaratieId: 'C1', reden: 'ONJUIST_BEDRAG', bedrag: 25_00 as Cents, toelichting: 'een uur te veel', vastgesteldOp: '2026-11-10' }, { actor: 'medewerker', now: NOW });
    const again = await createRecovery(db, { bron: 'melding-17', declaratieId: 'C1', reden: 'ONJUIST_BEDRAG', bedrag: 25_00 as Cents, toelichting: 'een uur te veel', vastgesteldOp: '2026-11-10' }, { actor: 'medewerker', now: NOW });
    assert.equal(a.row.vordering_id, 'V-2');
    assert.equal(again.created, false);
    assert.equal(again.row.vordering_id, 'V-2');
    await assert.rejects(
      createRecovery(db, { bron: 'melding-17', declaratieId: 'C1', reden: 'ONJUIST_BEDRAG', bedrag: 26_00 as Cents, toelichting: 'een uur te veel', vastgesteldOp: '2026-11-10' }, { actor: 'medewerker', now: NOW }),
      (e: unknown) => e instanceof AppError && e.code === 'CONFLICT',
    );
    await ledgerOk(db, 'after establishing V-2');

    // ---- the next run: ZV1 is owed 75.00 (C3), 60.00 (V-1, oldest) and 15.00 of V-2 are set off: nothing transferred to ZV1;
    // ZV3 gets its 90.00 in full
    const day2 = new Date('2026-11-16T10:00:00+01:00');
    await claims(db, [claimLine('C3', HOLDER.a, 'ZV1', '2026-11-02', '2.5', '30.00'), claimLine('C4', HOLDER.a, 'ZV3', '2026-11-03', '3', '30.00')], '2026-11-13T09:00:00+01:00');
    const run2 = await runPayments(db, { date: '2026-11-17', actor: 'test', debtor: DEBTOR, now: day2 });
    assert.equal(run2.payments, 1, 'one transfer: ZV1 is fully set off');
    assert.equal(run2.volledigVerrekend, 1);
    assert.equal(run2.verrekend, 75_00);
    assert.equal(run2.total, 90_00);
    const xml2 = run2.xml!;
    const v = await validateAgainstXsd(xml2, XSD);
    assert.ok(v.valid, v.errors.join('\n'));
    assert.match(xml2, /<NbOfTxs>1<\/NbOfTxs>/);
    assert.match(xml2, /<CtrlSum>90\.00<\/CtrlSum>/);
    assert.ok(!xml2.includes(syntheticIban(9101)), 'no transfer to ZV1');
    assert.equal((await recoveryById(db, 'V-1'))!.status, 'voldaan');
    assert.equal((await recoveryById(db, 'V-2'))!.openstaand, 10_00);
    // the budget got back 75.00: 5000 − 120 − 75 − 90 + 75
    assert.equal(await available(db, 'T-A'), 5000_00 - 120_00 - 90_00);
    const zv1 = (await db.query<{ bedrag: number; verrekend: number; status: string; omschrijving: string }>(`SELECT bedrag, verrekend, status, omschrijving FROM betalingen WHERE betaalrun_id = $1 AND zorgverlener_id = 'ZV1'`, [run2.betaalrunId])).rows[0]!;
    assert.deepEqual({ bedrag: zv1.bedrag, verrekend: zv1.verrekend, status: zv1.status }, { bedrag: 0, verrekend: 75_00, status: 'bevestigd' });
    assert.match(zv1.omschrijving, /VERREKEND V-1 60\.00, V-2 15\.00$/);
    await ledgerOk(db, 'after run 2');

    // ---- a run with a partial set-off: the SEPA file carries the net amount and names the set-off
    await claims(db, [claimLine('C5', HOLDER.a, 'ZV1', '2026-11-09', '1', '30.00')], '2026-11-17T09:00:00+01:00');
    const v3 = await createRecovery(db, { reden: 'NA_OVERLIJDEN', bedrag: 12_50 as Cents, toelichting: 'zorg gedeclareerd na overlijden', debiteur: { soort: 'zorgverlener', id: 'ZV1' }, budgetId: 'T-A', vastgesteldOp: '2026-11-17' }, { actor: 'medewerker', now: new Date('2026-11-17T10:00:00+01:00') });
    assert.equal(v3.row.vordering_id, 'V-3');
    const run3 = await runPayments(db, { date: '2026-11-19', actor: 'test', debtor: DEBTOR, now: new Date('2026-11-18T10:00:00+01:00') });
    // V-2 (10.00 open, older) first, then 12.50 of V-3 would exceed 30.00? no: 10.00 + 12.50 = 22.50, net 7.50
    assert.equal(run3.verrekend, 22_50);
    assert.equal(run3.total, 7_50);
    const xml3 = run3.xml!;
    assert.ok((await validateAgainstXsd(xml3, XSD)).valid);
    assert.match(xml3, /<InstdAmt Ccy="EUR">7\.50<\/InstdAmt>/);
    assert.match(xml3, /<Ustrd>PGB 1000001 2026-11 VERREKEND V-2 10\.00, V-3 12\.50<\/Ustrd>/);
    assert.equal((await recoveryById(db, 'V-2'))!.status, 'voldaan');
    assert.equal((await recoveryById(db, 'V-3'))!.status, 'voldaan');
    assert.equal(await available(db, 'T-A'), 5000_00 - 120_00 - 90_00 - 30_00 + 22_50);
    await ledgerOk(db, 'after run 3');

    // ---- a recovery on the holder, repaid in part by bank transfer, the rest written off
    const v4 = await createRecovery(db, { reden: 'OVERIG', bedrag: 40_00 as Cents, toelichting: 'eigen bedrag te veel', debiteur: { soort: 'budgethouder', id: '1' }, budgetId: 'T-A', vastgesteldOp: '2026-11-18' }, { actor: 'medewerker', now: new Date('2026-11-18T11:00:00+01:00') });
    assert.equal(v4.row.vordering_id, 'V-4');
    const budgetBefore = await available(db, 'T-A');
    const statement = buildCamt053({
      messageId: 'VORD-H', createdAt: new Date('2026-11-20T07:00:00+01:00'),
      statements: [{ statementId: 'VORD-H', account: DEBTOR.iban, openingBalance: 0 as Cents, entries: [
        { entryRef: 'H1', direction: 'CRDT', bookingDate: '2026-11-19' as PlainDate, transactions: [{ amount: 15_00 as Cents, counterpartyName: 'Houder A', counterpartyIban: syntheticIban(9301), remittance: 'vordering V-4 eerste deel' }] },
      ] }],
    });
    const read = await readBankStatement(db, { path: 'houder.xml', content: statement, actor: 'test', now: new Date('2026-11-20T09:00:00+01:00') });
    assert.deepEqual(read.statements[0]!.counts, { terugbetaling_vordering: 1 });
    assert.equal((await recoveryById(db, 'V-4'))!.openstaand, 25_00);
    assert.equal(await available(db, 'T-A'), budgetBefore + 15_00);
    await ledgerOk(db, 'after the holder repaid part');
    const off = await writeOffRecovery(db, { vorderingId: 'V-4', reden: 'budgethouder overleden, nalatenschap negatief', actor: 'teamleider', now: new Date('2026-11-21T09:00:00+01:00') });
    assert.deepEqual({ status: off.status, openstaand: off.openstaand, kwijtgescholden: off.kwijtgescholden }, { status: 'kwijtgescholden', openstaand: 0, kwijtgescholden: 25_00 });
    assert.equal(await available(db, 'T-A'), budgetBefore + 15_00, 'a write-off brings nothing back');
    await assert.rejects(writeOffRecovery(db, { vorderingId: 'V-4', reden: 'nog eens', actor: 'teamleider' }), (e: unknown) => e instanceof AppError && e.code === 'CONFLICT');
    await ledgerOk(db, 'after the write-off');

    // ---- the list with age, and the traces
    const list = await recoveriesWithAge(db, {}, new Date('2026-11-21T12:00:00+01:00'));
    assert.deepEqual(list.map((r) => [r.vordering_id, r.status, r.leeftijd_dagen, r.verrekend, r.terugbetaald]), [
      ['V-1', 'voldaan', 12, 60_00, 0], ['V-2', 'voldaan', 11, 25_00, 0], ['V-3', 'voldaan', 4, 12_50, 0], ['V-4', 'kwijtgescholden', 3, 0, 15_00],
    ]);
    const t1 = (await traceRecovery(db, 'V-1'))!;
    assert.deepEqual(t1.setOffs.map((s) => [s.betaalrun_id, s.bedrag, s.actief]), [[run2.betaalrunId, 60_00, true]]);
    assert.deepEqual(t1.bookings.map((b) => b.soort), ['vordering', 'vordering', 'verrekening', 'verrekening', 'verrekening', 'verrekening']);
    const c2 = (await traceClaim(db, 'C2'))!;
    // V-1 is on C2 itself, V-2 on C1 in the same payment
    assert.deepEqual(c2.recoveries.map((r) => [r.vordering_id, r.declaratie_id, r.status]), [['V-1', 'C2', 'voldaan'], ['V-2', 'C1', 'voldaan']]);
    assert.ok(c2.bookings.some((b) => b.soort === 'verrekening'), 'the set-off of V-1 is in the claim\'s bookings');
  } finally {
    await close();
  }
});

test(`recoveries: repayment read from a camt.053 file, unknown references to the open list, the same file twice changes nothing (${STORE})`, async () => {
  const { db, close } = await freshDb();
  try {
    await world(db);
    await runPayments(db, { date: '2026-11-12', actor: 'test', debtor: DEBTOR, now: NOW });
    await createRecovery(db, { declaratieId: 'C2', reden: 'DUBBEL_BETAALD', bedrag: 60_00 as Cents, toelichting: 'dubbel', vastgesteldOp: '2026-11-09' }, { actor: 'test', now: NOW });
    await createRecovery(db, { declaratieId: 'C1', reden: 'ONJUIST_BEDRAG', bedrag: 10_00 as Cents, toelichting: 'te veel', vastgesteldOp: '2026-11-10' }, { actor: 'test', now: NOW });
    await writeOffRecovery(db, { vorderingId: 'V-1', reden: 'verjaard', actor: 'test', now: NOW });
    const budget = await available(db, 'T-A');
    const content = readFileSync(FIXTURE);
    const r = await readBankStatement(db, { path: 'camt053-vorderingen.xml', content, actor: 'test', now: new Date('2026-11-20T09:00:00+01:00') });
    // R1 repays V-2 in full; R2 names V-1, which has nothing open (written off); R3 names an unknown recovery
    assert.deepEqual(r.statements[0]!.counts, { terugbetaling_vordering: 1, open: 2 });
    const lines = await db.query<{ post_ref: string; verwerking: string; referentie: string | null; toelichting: string | null }>(`SELECT post_ref, verwerking, referentie, toelichting FROM bankposten ORDER BY post_ref`);
    assert.deepEqual(lines.rows.map((l) => [l.post_ref, l.verwerking, l.referentie]), [['R1', 'terugbetaling_vordering', 'V-2'], ['R2', 'open', null], ['R3', 'open', null]]);
    assert.match(lines.rows[1]!.toelichting!, /V-1, maar daarvan staat niets meer open/);
    assert.match(lines.rows[2]!.toelichting!, /onbekende vordering V-99/);
    assert.equal((await recoveryById(db, 'V-2'))!.status, 'voldaan');
    assert.equal(await available(db, 'T-A'), budget + 10_00);
    await ledgerOk(db, 'after the statement');
    const before = await stateCounts(db);
    const again = await readBankStatement(db, { path: 'camt053-vorderingen.xml', content, actor: 'test', now: new Date('2026-11-20T10:00:00+01:00') });
    assert.equal(again.statements[0]!.alreadyRead, true);
    const after = await stateCounts(db);
    assert.equal(after.audit_log, before.audit_log);
    assert.deepEqual(after, before);
    await ledgerOk(db, 'after reading it again');
  } finally {
    await close();
  }
});

test(`recoveries: the bank returns a payment that had a set-off: the set-off is undone, the next run sets off again (${STORE})`, async () => {
  const { db, close } = await freshDb();
  try {
    await world(db);
    await runPayments(db, { date: '2026-11-12', actor: 'test', debtor: DEBTOR, now: NOW });
    await createRecovery(db, { declaratieId: 'C2', reden: 'DUBBEL_BETAALD', bedrag: 20_00 as Cents, toelichting: 'deels dubbel', vastgesteldOp: '2026-11-09' }, { actor: 'test', now: NOW });
    await claims(db, [claimLine('C3', HOLDER.a, 'ZV1', '2026-11-02', '2', '30.00')], '2026-11-13T09:00:00+01:00');
    const run2 = await runPayments(db, { date: '2026-11-17', actor: 'test', debtor: DEBTOR, now: new Date('2026-11-16T10:00:00+01:00') });
    assert.equal(run2.total, 40_00);
    const budgetAfterSetOff = await available(db, 'T-A');
    const pay = (await db.query<{ betaling_id: string }>(`SELECT betaling_id FROM betalingen WHERE betaalrun_id = $1`, [run2.betaalrunId])).rows[0]!.betaling_id;
    const statement = buildCamt053({
      messageId: 'RET-1', createdAt: new Date('2026-11-19T07:00:00+01:00'),
      statements: [{ statementId: 'RET-1', account: DEBTOR.iban, openingBalance: 0 as Cents, entries: [
        { entryRef: 'E1', direction: 'CRDT', bookingDate: '2026-11-18' as PlainDate, transactions: [{ amount: 40_00 as Cents, originalEndToEndId: pay, returnReason: 'AC04', counterpartyName: 'Zorg Een', counterpartyIban: syntheticIban(9101) }] },
      ] }],
    });
    await readBankStatement(db, { path: 'ret.xml', content: statement, actor: 'test', now: new Date('2026-11-19T09:00:00+01:00') });
    const v1 = (await recoveryById(db, 'V-1'))!;
    assert.deepEqual({ status: v1.status, openstaand: v1.openstaand }, { status: 'open', openstaand: 20_00 });
    assert.equal(await available(db, 'T-A'), budgetAfterSetOff - 20_00, 'the budget gives back what the undone set-off brought');
    await ledgerOk(db, 'after the return');
    await changeProviderIban(db, { zorgverlenerId: 'ZV1', iban: syntheticIban(9111), reason: 'rekening opgeheven', actor: 'test', now: new Date('2026-11-20T09:00:00+01:00') });
    const run3 = await runPayments(db, { date: '2026-11-23', actor: 'test', debtor: DEBTOR, now: new Date('2026-11-20T10:00:00+01:00') });
    assert.equal(run3.total, 40_00);
    assert.equal(run3.verrekend, 20_00);
    assert.equal((await recoveryById(db, 'V-1'))!.status, 'voldaan');
    assert.equal(await available(db, 'T-A'), budgetAfterSetOff);
    const t = (await traceRecovery(db, 'V-1'))!;
    assert.deepEqual(t.setOffs.map((s) => [s.betaling_id === pay, s.actief]), [[true, false], [false, true]]);
    await ledgerOk(db, 'after run 3');
  } finally {
    await close();
  }
});

test(`recoveries from the command line: pgb vordering nieuw|lijst|toon|kwijtschelden, the set-off in pgb betaalrun, pgb trace, pgb controle (${STORE})`, async () => {
  const t = await freshTarget();
  const dir = mkdtempSync(join(tmpdir(), 'pgb-vord-'));
  try {
    let db = await t.open();
    await migrate(db);
    await world(db);
    await runPayments(db, { date: '2026-11-12', actor: 'test', debtor: DEBTOR, now: NOW });
    await db.close();

    const bad = await pgb(t.target, 'vordering', 'nieuw', '--declaratie', 'C2', '--reden', 'FOUT', '--bedrag', '60.00', '--toelichting', 'x');
    assert.equal(bad.code, 1);
    assert.match(bad.err, /reden: 'FOUT' is geen reden/);
    const made = await pgb(t.target, 'vordering', 'nieuw', '--declaratie', 'C2', '--reden', 'DUBBEL_BETAALD', '--bedrag', '60.00', '--toelichting', 'dezelfde zorg als C1');
    assert.equal(made.code, 0, made.err);
    assert.match(made.out, /vordering V-1 op zorgverlener ZV1: 60\.00 \(DUBBEL_BETAALD\), terug naar toekenning T-A/);
    assert.match(made.out, /"VORDERING V-1"/);
    const list = await pgb(t.target, 'vordering', 'lijst');
    assert.equal(list.code, 0, list.err);
    assert.match(list.out, /^V-1 +open +\d+ dagen +zorgverlener ZV1 +DUBBEL_BETAALD +bedrag 60\.00 +open 60\.00/m);
    assert.match(list.out, /1 vordering\(en\), samen open 60\.00/);

    db = await t.open();
    await claims(db, [claimLine('C3', HOLDER.a, 'ZV1', '2026-11-02', '3', '30.00')], '2026-11-13T09:00:00+01:00');
    await db.close();
    const sepa = join(dir, 'run.xml');
    const run = await pgb(t.target, 'betaalrun', '--datum', '2099-01-02', '--sepa', sepa);
    assert.equal(run.code, 0, run.err);
    assert.match(run.out, /1 overboeking\(en\) voor 1 declaratie\(s\), samen 30\.00/);
    assert.match(run.out, /verrekend met vorderingen: 60\.00/);
    const xml = readFileSync(sepa, 'utf8');
    assert.ok((await validateAgainstXsd(xml, XSD)).valid);
    assert.match(xml, /<Ustrd>PGB 1000001 2026-11 VERREKEND V-1 60\.00<\/Ustrd>/);

    const c2 = await pgb(t.target, 'trace', 'C2');
    assert.match(c2.out, /vorderingen:\n  V-1 DUBBEL_BETAALD vastgesteld \S+: 60\.00, open 0\.00, voldaan/);
    const c3 = await pgb(t.target, 'trace', 'C3');
    assert.match(c3.out, /30\.00 overgemaakt, 60\.00 verrekend/);
    assert.match(c3.out, /verrekend in de betaling:\n  vordering V-1 60\.00 in btl_/);
    const v1 = await pgb(t.target, 'trace', 'V-1');
    assert.equal(v1.code, 0, v1.err);
    assert.match(v1.out, /vordering V-1 op zorgverlener ZV1: voldaan/);
    assert.match(v1.out, /verrekening: budget:T-A C 60\.00/);
    assert.match(v1.out, /audit: .* vordering\.nieuw \(test\): dezelfde zorg als C1/);
    const off = await pgb(t.target, 'vordering', 'kwijtschelden', 'V-1', '--reden', 'te laat');
    assert.equal(off.code, 1);
    assert.match(off.err, /voldaan: er staat niets meer open/);
    assert.match((await pgb(t.target, 'vordering', 'lijst')).out, /geen open vorderingen/);
    const check = await pgb(t.target, 'controle');
    assert.equal(check.code, 0, check.out);
    assert.match(check.out, /OK   elke vordering: openstaand is vastgesteld min verrekend/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await t.cleanup();
  }
});

test(`recoveries on a holder are set off against the own amounts paid to that holder (${STORE})`, async () => {
  const { db, close } = await freshDb();
  try {
    const D = syntheticBsn(514);
    await loadParties(db);
    await load(db, 'budgethouders', csv('bsn,naam,geboortedatum,iban', [`${D},Houder D,1970-04-04,${syntheticIban(9514)}`]), 'houder-d.csv');
    await load(db, 'toekenningen', csv(ALLOCATION_HEADER, [allocation('T-D', D, 'WLZ', '2026-01-01', '2026-12-31', '20000.00', '', 'ZK0001')]));
    const holder = String((await db.query<{ id: number }>(`SELECT id FROM budgethouders WHERE bsn = $1`, [D])).rows[0]!.id);
    const at = new Date('2026-11-20T10:00:00+01:00');
    await createRecovery(db, { reden: 'NA_OVERLIJDEN', bedrag: 100_00 as Cents, toelichting: 'na overlijden partner doorbetaald', debiteur: { soort: 'budgethouder', id: holder }, budgetId: 'T-D', vastgesteldOp: '2026-11-19' }, { actor: 'test', now: at });
    await requestOwnAmount(db, { aanvraagId: 'VVB-1', holderId: Number(holder), wet: 'WLZ', soort: 'verantwoordingsvrij', jaar: 2026, bedrag: '250.00' }, { actor: 'test', now: at });
    const budget = await available(db, 'T-D');
    const run = await runPayments(db, { date: '2026-11-23', actor: 'test', debtor: DEBTOR, now: at });
    assert.equal(run.verrekend, 100_00);
    assert.equal(run.total, 150_00);
    assert.match(run.xml!, /<InstdAmt Ccy="EUR">150\.00<\/InstdAmt>/);
    assert.match(run.xml!, /<Ustrd>PGB \d+ VVB 2026 VERREKEND V-1 100\.00<\/Ustrd>/);
    assert.ok((await validateAgainstXsd(run.xml!, XSD)).valid);
    assert.equal((await recoveryById(db, 'V-1'))!.status, 'voldaan');
    assert.equal(await available(db, 'T-D'), budget + 100_00);
    const p = (await db.query<{ bedrag: number; verrekend: number }>(`SELECT bedrag, verrekend FROM betalingen WHERE budgethouder_id = $1`, [holder])).rows;
    assert.deepEqual(p, [{ bedrag: 150_00, verrekend: 100_00 }]);
    await ledgerOk(db, 'after the holder\'s set-off');
  } finally {
    await close();
  }
});
