/**
 * Issue #8: fallback allocations. Provisional allocations of a late funder are extended in bulk,
 * except those that meet a criterion of seed 001 §1.1.3 (listed with why); a dry run writes
 * nothing; every extension is a new version booked like a correction, marked and audited; parked
 * claims are checked again; a second run extends nothing; the ledger check passes; on both stores.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { freshTarget, stateCounts, STORE } from '../support/db.ts';
import { pgb } from '../support/cli.ts';
import { AGREEMENT_HEADER, ALLOCATION_HEADER, CLAIM_HEADER, HOLDER, agreement, allocation, available, claimLine, claimStatus, csv, load, loadParties } from '../support/factories.ts';
import { openDb } from '../../src/db/connection.ts';
import { migrate } from '../../src/db/migrate.ts';
import { syntheticBsn, syntheticIban } from '../../src/kernel/synthetic.ts';
import type { Cents } from '../../src/kernel/money.ts';
import type { PlainDate } from '../../src/kernel/dates.ts';
import { runLedgerCheck } from '../../src/modules/ledger/index.ts';
import { buildCamt053, readBankStatement } from '../../src/modules/bank/index.ts';
import { extendFallback, markProvisional } from '../../src/modules/terugval/index.ts';
import { AppError } from '../../src/kernel/errors.ts';

const D = syntheticBsn(505); // deceased
const E = syntheticBsn(506); // allocation corrected after it was marked

test(`fallback allocations: extended in bulk with an exception list, dry run, idempotent (${STORE})`, async () => {
  const t = await freshTarget();
  let db = await openDb({ target: t.target });
  try {
    await migrate(db);
    await loadParties(db);
    await load(db, 'budgethouders', csv('bsn,naam,geboortedatum,overlijdensdatum', [`${D},Houder D,1930-01-01,2026-02-10`, `${E},Houder E,1980-01-01,`]), 'de.csv');
    const p = (id: string, bsn: string) => allocation(id, bsn, 'WMO_HH', '2026-01-01', '2026-03-31', '300.00');
    await load(db, 'toekenningen', csv(ALLOCATION_HEADER, [
      p('P-A', HOLDER.a), p('P-B', HOLDER.b), p('P-C', HOLDER.c), p('P-D', D), p('P-E', E),
      allocation('L-B', HOLDER.b, 'WMO_HH', '2026-04-01', '2026-12-31', '900.00'),
    ]));
    await markProvisional(db, { toekenningen: ['P-A', 'P-B', 'P-C', 'P-D', 'P-E'], reden: 'ambtshalve vastgesteld: Gemeente Proef leverde niet op tijd' }, { actor: 'test' });
    // after marking: E's allocation corrected, C made a voluntary deposit
    await load(db, 'toekenningen', csv(ALLOCATION_HEADER, [allocation('P-E2', E, 'WMO_HH', '2026-01-01', '2026-03-31', '350.00', 'P-E')]), 'correctie.csv');
    const clientC = (await db.query<{ clientnummer: number }>(`SELECT clientnummer FROM budgethouders WHERE bsn = $1`, [HOLDER.c])).rows[0]!.clientnummer;
    await readBankStatement(db, {
      path: 'st.xml',
      actor: 'test',
      content: buildCamt053({
        messageId: 'ST-1', createdAt: new Date('2026-03-20T18:00:00+01:00'),
        statements: [{ statementId: 'ST-1', account: 'NL91ABNA0417164300', openingBalance: 0 as Cents, entries: [
          { entryRef: 'E1', direction: 'CRDT', bookingDate: '2026-03-20' as PlainDate, transactions: [{ amount: 25_00 as Cents, counterpartyName: 'Houder C', counterpartyIban: syntheticIban(9503), remittance: `PGB STORTING ${clientC} WMO_HH` }] },
        ] }],
      }),
    });
    await load(db, 'zorgovereenkomsten', csv(AGREEMENT_HEADER, [agreement('Z-A', HOLDER.a, 'ZV1', 'WMO_HH', { rate: '30.00' })]));
    await load(db, 'declaraties', csv(CLAIM_HEADER, [claimLine('C-APR', HOLDER.a, 'ZV1', '2026-04-07', '2', '30.00', { received: '2026-04-10T10:00:00+02:00' })]));
    assert.deepEqual(await claimStatus(db), { 'C-APR': 'geparkeerd:GEEN_TOEKENNING' });

    const before = await stateCounts(db);
    await assert.rejects(markProvisional(db, { toekenningen: ['P-A', 'BESTAAT-NIET'], reden: 'ambtshalve' }, { actor: 'test' }), (e: unknown) => e instanceof AppError && e.code === 'NIET_GEVONDEN');
    await assert.rejects(extendFallback(db, { verstrekker: 'GM0001', tot: '2026-06-30', reden: '', dryRun: false }, { actor: 'test' }), /geef een reden/);
    const dry = await extendFallback(db, { verstrekker: 'GM0001', tot: '2026-06-30', reden: '', dryRun: true }, { actor: 'test' });
    assert.deepEqual(await stateCounts(db), before, 'refused input and a dry run write nothing');
    assert.deepEqual(dry.extended.map((e) => [e.budgetId, e.toekenningId, e.einddatum, e.bedrag]), [['P-A', 'TV-P-A-2026-06-30', '2026-06-30', 603_33]]);
    assert.deepEqual(Object.fromEntries(dry.exceptions.map((x) => [x.budgetId, x.codes])), {
      'P-B': ['LATERE_TOEKENNING'],
      'P-C': ['STORTING'],
      'P-D': ['OVERLEDEN'],
      'P-E': ['AFWIJKEND'],
    });
    await db.close();

    // from the command line: the dry run lists, the real run extends
    const cliDry = await pgb(t.target, 'terugval', 'verleng', '--verstrekker', 'GM0001', '--tot', '2026-06-30', '--droog');
    assert.equal(cliDry.code, 0, cliDry.err);
    assert.match(cliDry.out, /droog \(niets vastgelegd\): 1 te verlengen, 4 niet verlengd/);
    assert.match(cliDry.out, /niet\tP-D\tOVERLEDEN\tde budgethouder is overleden \(2026-02-10\)/);
    const run = await pgb(t.target, 'terugval', 'verleng', '--verstrekker', 'GM0001', '--tot', '2026-06-30', '--reden', 'besluit VWS: terugvalscenario verlengd tot 1 juli');
    assert.equal(run.code, 0, run.err);
    assert.match(run.out, /terugval:GM0001:alle:2026-06-30: 1 verlengd, 4 niet verlengd/);
    assert.match(run.out, /verleng\tP-A\t2026-03-31 → 2026-06-30\t300\.00 → 603\.33\tTV-P-A-2026-06-30/);
    assert.match(run.out, /declaraties opnieuw gecontroleerd: 1 goedgekeurd/);

    db = await openDb({ target: t.target });
    assert.deepEqual(await claimStatus(db), { 'C-APR': 'goedgekeurd' });
    assert.equal(await available(db, 'P-A'), 603_33 - 60_00);
    const mark = await db.query<{ toekenning_id: string; terugval_run: string | null }>(`SELECT toekenning_id, terugval_run FROM voorlopige_toekenningen WHERE budget_id = 'P-A' ORDER BY op, toekenning_id`);
    assert.deepEqual(mark.rows, [{ toekenning_id: 'P-A', terugval_run: null }, { toekenning_id: 'TV-P-A-2026-06-30', terugval_run: 'terugval:GM0001:alle:2026-06-30' }]);
    const audit = await db.query<{ actie: string; onderwerp: string }>(`SELECT actie, onderwerp FROM audit_log WHERE actie LIKE 'terugval.%' ORDER BY id`);
    assert.deepEqual(audit.rows, [
      { actie: 'terugval.voorlopig', onderwerp: 'voorlopig:P-A,P-B,P-C,P-D,P-E' },
      { actie: 'terugval.verlengd', onderwerp: 'P-A' },
      { actie: 'terugval.run', onderwerp: 'terugval:GM0001:alle:2026-06-30' },
    ]);
    const booked = await db.query<{ soort: string; bedrag: number }>(`SELECT j.soort, b.bedrag FROM journaalposten j JOIN boekingen b ON b.journaalpost_id = j.id JOIN rekeningen r ON r.id = b.rekening_id WHERE j.referentie = 'TV-P-A-2026-06-30' AND r.soort = 'budget'`);
    assert.deepEqual(booked.rows, [{ soort: 'correctie_toekenning', bedrag: -303_33 }]);
    assert.ok((await runLedgerCheck(db)).ok);

    const after = await stateCounts(db);
    const again = await extendFallback(db, { verstrekker: 'GM0001', tot: '2026-06-30', reden: 'nogmaals', dryRun: false }, { actor: 'test' });
    assert.equal(again.extended.length, 0, 'a second run extends nothing');
    assert.deepEqual(await stateCounts(db), after);
  } finally {
    await db.close().catch(() => {});
    await t.cleanup();
  }
});
