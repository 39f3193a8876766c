/**
 * Issue #8: the holder's own amounts (verantwoordingsvrij bedrag): checked against the dated
 * yearly maximum, booked on the budget, paid to the holder's IBAN in the regular payment run once,
 * traceable, and the ledger check covers them; on both stores.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { freshDb, stateCounts, STORE } from '../support/db.ts';
import { AGREEMENT_HEADER, ALLOCATION_HEADER, CLAIM_HEADER, HOLDER, agreement, allocation, available, claimLine, claimStatus, csv, load, loadParties } from '../support/factories.ts';
import { syntheticBsn, syntheticIban } from '../../src/kernel/synthetic.ts';
import { runLedgerCheck } from '../../src/modules/ledger/index.ts';
import { runPayments } from '../../src/modules/betalingen/index.ts';
import { heldOwnAmounts, requestOwnAmount, traceOwnAmount } from '../../src/modules/eigenbedragen/index.ts';
import { buildCamt053, readBankStatement } from '../../src/modules/bank/index.ts';
import type { Cents } from '../../src/kernel/money.ts';
import type { PlainDate } from '../../src/kernel/dates.ts';
import { AppError } from '../../src/kernel/errors.ts';

const D = syntheticBsn(504);
const D_IBAN = syntheticIban(9504);
const DEBTOR = { name: 'Test Betaalbureau', iban: 'NL91ABNA0417164300' };

test(`verantwoordingsvrij bedrag: yearly maximum, booked on the budget, paid once to the holder (${STORE})`, async () => {
  const { db, close } = await freshDb();
  try {
    await loadParties(db);
    await load(db, 'budgethouders', csv('bsn,naam,geboortedatum,iban', [`${D},Houder D,1970-04-04,${D_IBAN}`]), 'houder-d.csv');
    await load(db, 'toekenningen', csv(ALLOCATION_HEADER, [
      allocation('T-D', D, 'WLZ', '2026-01-01', '2026-12-31', '20000.00', '', 'ZK0001'),
      allocation('T-A', HOLDER.a, 'WLZ', '2026-01-01', '2026-12-31', '1000.00', '', 'ZK0001'),
    ]));
    await load(db, 'zorgovereenkomsten', csv(AGREEMENT_HEADER, [agreement('Z-D', D, 'ZV1', 'WLZ', { rate: '50.00' })]));
    await load(db, 'declaraties', csv(CLAIM_HEADER, [claimLine('C-D', D, 'ZV1', '2026-03-02', '20', '50.00', { received: '2026-03-10T10:00:00+01:00' })]));
    assert.deepEqual(await claimStatus(db), { 'C-D': 'goedgekeurd' });
    const holderD = (await db.query<{ id: number }>(`SELECT id FROM budgethouders WHERE bsn = $1`, [D])).rows[0]!.id;
    const holderA = (await db.query<{ id: number }>(`SELECT id FROM budgethouders WHERE bsn = $1`, [HOLDER.a])).rows[0]!.id;
    const ask = (bedrag: string, aanvraagId?: string, holderId = holderD) =>
      requestOwnAmount(db, { aanvraagId, holderId, wet: 'WLZ', soort: 'verantwoordingsvrij', jaar: 2026, bedrag }, { actor: 'test', now: new Date('2026-11-20T10:00:00+01:00') });

    // spent € 1,000: 1.5% is € 15, so the minimum of € 250 applies
    const before = await stateCounts(db);
    await assert.rejects(ask('250.01'), (e: unknown) => e instanceof AppError && /voor 2026 is het maximum € 250,00 .*U kunt nog € 250,00 aanvragen/.test(e.problems[0]!.message));
    await assert.rejects(requestOwnAmount(db, { holderId: holderD, wet: 'WLZ', soort: 'reiskosten', jaar: 2026, bedrag: '1.00' }, { actor: 'test' }), /geen regel/);
    await assert.rejects(requestOwnAmount(db, { holderId: holderD, wet: 'WLZ', soort: 'verantwoordingsvrij', jaar: 2025, bedrag: '1.00' }, { actor: 'test' }), /geen \(open\) toekenning voor WLZ in 2025/);
    assert.deepEqual(await stateCounts(db), before, 'a refused request writes nothing');

    const first = await ask('200.00', 'VVB-D-1');
    assert.equal(first.created, true);
    assert.equal((await ask('200.00', 'VVB-D-1')).created, false, 'the same request again changes nothing');
    await assert.rejects(ask('201.00', 'VVB-D-1'), (e: unknown) => e instanceof AppError && e.code === 'CONFLICT');
    await assert.rejects(ask('50.01'), /U kunt nog € 50,00 aanvragen/);
    await ask('50.00', 'VVB-D-2');
    await ask('100.00', 'VVB-A-1', holderA); // holder A has no IBAN: waits
    assert.equal(await available(db, 'T-D'), 20000_00 - 1000_00 - 250_00);
    assert.ok((await runLedgerCheck(db)).ok);

    const run = await runPayments(db, { date: '2026-11-25', actor: 'test', debtor: DEBTOR, now: new Date('2026-11-24T10:00:00+01:00') });
    assert.equal(run.claims, 1);
    assert.equal(run.payments, 2, 'one transfer to ZV1, one to holder D');
    assert.equal(run.total, 1000_00 + 250_00);
    assert.match(run.xml!, new RegExp(`<IBAN>${D_IBAN}</IBAN>`));
    const client = (await db.query<{ clientnummer: number }>(`SELECT clientnummer FROM budgethouders WHERE id = $1`, [holderD])).rows[0]!.clientnummer;
    assert.match(run.xml!, new RegExp(`<Ustrd>PGB ${client} VVB 2026</Ustrd>`));
    const rows = await db.query<{ aanvraag_id: string; status: string; betaling_id: string | null }>(`SELECT aanvraag_id, status, betaling_id FROM eigen_bedragen ORDER BY aanvraag_id`);
    assert.deepEqual(rows.rows.map((r) => [r.aanvraag_id, r.status]), [['VVB-A-1', 'goedgekeurd'], ['VVB-D-1', 'betaald'], ['VVB-D-2', 'betaald']]);
    assert.equal(rows.rows[1]!.betaling_id, rows.rows[2]!.betaling_id);
    assert.ok((await runLedgerCheck(db)).ok);

    const again = await runPayments(db, { date: '2026-11-25', actor: 'test', debtor: DEBTOR, now: new Date('2026-11-24T11:00:00+01:00') });
    assert.equal(again.betaalrunId, null, 'nothing is paid twice');

    const trace = (await traceOwnAmount(db, 'VVB-D-1'))!;
    assert.deepEqual(trace.charges, [{ bron: 'budget', budget_id: 'T-D', bedrag: 200_00 }]);
    assert.equal(trace.payment!.iban, D_IBAN);
    assert.deepEqual(trace.bookings.map((b) => `${b.soort} ${b.rekening} ${b.bedrag}`), [
      'eigen_bedrag budget:T-D 20000',
      `eigen_bedrag uitbetaald_aan_budgethouder:${holderD} -20000`,
      `betaalrun uitbetaald_aan_budgethouder:${holderD} 25000`,
      'betaalrun onderweg:operator -25000',
    ]);
    assert.deepEqual(trace.audit.map((a) => a.actie), ['eigen_bedrag.aanvraag']);

    // the bank returns the transfer to holder D: the own amounts are open again and wait while the IBAN is the same
    const paid = rows.rows[1]!.betaling_id!;
    await readBankStatement(db, {
      path: 'retour.xml',
      actor: 'test',
      content: buildCamt053({
        messageId: 'RT-1', createdAt: new Date('2026-11-26T18:00:00+01:00'),
        statements: [{ statementId: 'RT-1', account: DEBTOR.iban, openingBalance: 0 as Cents, entries: [
          { entryRef: 'R1', direction: 'CRDT', bookingDate: '2026-11-26' as PlainDate, transactions: [{ amount: 250_00 as Cents, originalEndToEndId: paid, returnReason: 'AC04', counterpartyName: 'Houder D', counterpartyIban: D_IBAN }] },
        ] }],
      }),
    });
    const reopened = await db.query<{ aanvraag_id: string; status: string; betaling_id: string | null }>(`SELECT aanvraag_id, status, betaling_id FROM eigen_bedragen WHERE budgethouder_id = $1 ORDER BY aanvraag_id`, [holderD]);
    assert.deepEqual(reopened.rows, [{ aanvraag_id: 'VVB-D-1', status: 'goedgekeurd', betaling_id: null }, { aanvraag_id: 'VVB-D-2', status: 'goedgekeurd', betaling_id: null }]);
    const afterReturn = await runLedgerCheck(db);
    assert.ok(afterReturn.ok, JSON.stringify(afterReturn.results.filter((r) => r.breaches.length > 0)));
    assert.deepEqual(await heldOwnAmounts(db), [{ budgethouder_id: holderA, aantal: 1, bedrag: 100_00 }, { budgethouder_id: holderD, aantal: 2, bedrag: 250_00 }].sort((x, y) => x.budgethouder_id - y.budgethouder_id));
    assert.equal((await runPayments(db, { date: '2026-11-27', actor: 'test', debtor: DEBTOR, now: new Date('2026-11-26T19:00:00+01:00') })).betaalrunId, null, 'not sent to the same IBAN again');

    // the ledger check sees a tampered own amount
    await db.query(`UPDATE eigen_bedragen SET bedrag = bedrag + 1 WHERE aanvraag_id = 'VVB-A-1'`);
    const broken = await runLedgerCheck(db);
    assert.equal(broken.ok, false);
    assert.deepEqual(broken.results.filter((r) => r.breaches.length > 0).map((r) => r.name), [
      'elk eigen bedrag is precies één keer geboekt, voor zijn bedrag',
      'uit te betalen aan een budgethouder is de som van zijn goedgekeurde, onbetaalde eigen bedragen',
    ]);
  } finally {
    await close();
  }
});
