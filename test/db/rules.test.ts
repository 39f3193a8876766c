/**
 * The claim rules against a real database: parking and the automatic re-check when what a claim
 * waited for arrives (agreement, approval, rejection, allocation, deposit), allocation corrections
 * and withdrawals, idempotency and all-or-nothing imports.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { freshDb, stateCounts, STORE } from '../support/db.ts';
import { AGREEMENT_HEADER, ALLOCATION_HEADER, CLAIM_HEADER, HOLDER, agreement, allocation, available, claimLine, claimStatus, csv, load, loadParties } from '../support/factories.ts';
import { InputError } from '../../src/kernel/errors.ts';
import { readBankStatement, buildCamt053 } from '../../src/modules/bank/index.ts';
import { runLedgerCheck } from '../../src/modules/ledger/index.ts';
import type { Cents } from '../../src/kernel/money.ts';
import type { PlainDate } from '../../src/kernel/dates.ts';

async function problemsOf(p: Promise<unknown>): Promise<string[]> {
  try {
    await p;
  } catch (e) {
    if (e instanceof InputError) return e.problems.map((x) => `${x.file}:${x.line}: ${x.column}: ${x.message}`);
    throw e;
  }
  assert.fail('expected an InputError');
}

test(`parked claims are checked again when what they waited for arrives (${STORE})`, async () => {
  const { db, close } = await freshDb();
  try {
    await loadParties(db);
    await load(db, 'declaraties', csv(CLAIM_HEADER, [
      claimLine('C1', HOLDER.a, 'ZV1', '2026-10-05', '2', '30.00'),
      claimLine('C2', HOLDER.b, 'ZV1', '2026-10-05', '2', '30.00'),
    ]));
    assert.deepEqual(await claimStatus(db), { C1: 'geparkeerd:GEEN_ZORGOVEREENKOMST', C2: 'geparkeerd:GEEN_ZORGOVEREENKOMST' });

    // an agreement for A arrives, still awaiting approval; B's agreement is approved but has no allocation
    await load(db, 'zorgovereenkomsten', csv(AGREEMENT_HEADER, [
      agreement('Z-A', HOLDER.a, 'ZV1', 'WMO_HH', { status: 'ingediend' }),
      agreement('Z-B', HOLDER.b, 'ZV1', 'WMO_HH'),
    ]));
    assert.deepEqual(await claimStatus(db), { C1: 'geparkeerd:ZORGOVEREENKOMST_NIET_GEACCORDEERD', C2: 'geparkeerd:GEEN_TOEKENNING' });

    await load(db, 'toekenningen', csv(ALLOCATION_HEADER, [
      allocation('T-A', HOLDER.a, 'WMO_HH', '2026-01-01', '2026-12-31', '1000.00'),
      allocation('T-B', HOLDER.b, 'WMO_HH', '2026-01-01', '2026-12-31', '50.00'),
    ]));
    // A still awaits approval; B now lacks budget (60.00 claimed, 50.00 granted)
    assert.deepEqual(await claimStatus(db), { C1: 'geparkeerd:ZORGOVEREENKOMST_NIET_GEACCORDEERD', C2: 'geparkeerd:BUDGET_ONTOEREIKEND' });

    await load(db, 'accorderingen', csv('zorgovereenkomst_id,besluit,datum,maximumtarief,reden', ['Z-A,geaccordeerd,2026-11-03,32.00,']));
    assert.equal((await claimStatus(db)).C1, 'goedgekeurd');
    assert.equal(await available(db, 'T-A'), 1000_00 - 60_00);

    // a correction raises B's allocation: C2 is paid from it
    await load(db, 'toekenningen', csv(ALLOCATION_HEADER, [allocation('T-B2', HOLDER.b, 'WMO_HH', '2026-01-01', '2026-12-31', '80.00', 'T-B')]));
    assert.equal((await claimStatus(db)).C2, 'goedgekeurd');
    assert.equal(await available(db, 'T-B'), 20_00);
    assert.ok((await runLedgerCheck(db)).ok);
  } finally {
    await close();
  }
});

test(`a rejected agreement rejects the claims that waited for it (${STORE})`, async () => {
  const { db, close } = await freshDb();
  try {
    await loadParties(db);
    await load(db, 'toekenningen', csv(ALLOCATION_HEADER, [allocation('T-A', HOLDER.a, 'JW', '2026-01-01', '2026-12-31', '1000.00')]));
    await load(db, 'zorgovereenkomsten', csv(AGREEMENT_HEADER, [agreement('Z-A', HOLDER.a, 'ZV3', 'JW', { status: 'ingediend', rate: '70.00' })]));
    await load(db, 'declaraties', csv(CLAIM_HEADER, [claimLine('C1', HOLDER.a, 'ZV3', '2026-10-05', '1', '70.00')]));
    assert.equal((await claimStatus(db)).C1, 'geparkeerd:ZORGOVEREENKOMST_NIET_GEACCORDEERD');
    await load(db, 'accorderingen', csv('zorgovereenkomst_id,besluit,datum,maximumtarief,reden', ['Z-A,afgekeurd,2026-11-03,,tarief te hoog voor deze zorg']));
    assert.equal((await claimStatus(db)).C1, 'afgekeurd:ZORGOVEREENKOMST_NIET_GEACCORDEERD');
    // a decision on a decided agreement is an error; the same decision again changes nothing
    const again = await load(db, 'accorderingen', csv('zorgovereenkomst_id,besluit,datum,maximumtarief,reden', ['Z-A,afgekeurd,2026-11-03,,tarief te hoog voor deze zorg']));
    assert.equal(again.created, 0);
    assert.deepEqual(await problemsOf(load(db, 'accorderingen', csv('zorgovereenkomst_id,besluit,datum,maximumtarief,reden', ['Z-A,geaccordeerd,2026-11-04,70.00,']))), [
      "accorderingen.csv:2: besluit: zorgovereenkomst 'Z-A' is al afgekeurd; alleen een ingediende zorgovereenkomst kan worden beoordeeld",
    ]);
  } finally {
    await close();
  }
});

test(`a holder's own deposit pays the part above the maximum tariff and tops up a short budget (${STORE})`, async () => {
  const { db, close } = await freshDb();
  try {
    await loadParties(db);
    await load(db, 'toekenningen', csv(ALLOCATION_HEADER, [allocation('T-C', HOLDER.c, 'JW', '2026-01-01', '2026-12-31', '100.00')]));
    await load(db, 'zorgovereenkomsten', csv(AGREEMENT_HEADER, [agreement('Z-C', HOLDER.c, 'ZV3', 'JW', { rate: '80.00', max: '70.00' })]));
    await load(db, 'declaraties', csv(CLAIM_HEADER, [
      claimLine('C1', HOLDER.c, 'ZV3', '2026-10-05', '1', '80.00'), // 70.00 up to the maximum, 10.00 above it
      claimLine('C2', HOLDER.c, 'ZV3', '2026-10-06', '0.5', '70.00'), // 35.00: fits; the budget keeps 65.00
    ]));
    assert.deepEqual(await claimStatus(db), { C1: 'geparkeerd:MAXIMUMTARIEF_OVERSCHREDEN', C2: 'goedgekeurd' });
    assert.equal(await available(db, 'T-C'), 65_00);
    const client = (await db.query<{ clientnummer: number }>(`SELECT clientnummer FROM budgethouders WHERE bsn = $1`, [HOLDER.c])).rows[0]!.clientnummer;
    const statement = buildCamt053({
      messageId: 'T1',
      createdAt: new Date('2026-11-05T10:00:00Z'),
      statements: [{
        statementId: 'S1',
        account: 'NL91ABNA0417164300',
        openingBalance: 0 as Cents,
        entries: [{ entryRef: 'E1', direction: 'CRDT', bookingDate: '2026-11-05' as PlainDate, transactions: [{ amount: 15_00 as Cents, counterpartyName: 'Houder C', remittance: `PGB STORTING ${client} JW` }] }],
      }],
    });
    const r = await readBankStatement(db, { path: 'afschrift.xml', content: statement, actor: 'test' });
    assert.deepEqual(r.statements[0]!.counts, { storting_budgethouder: 1 });
    // C1 again: 10.00 above the maximum from the deposit, 65.00 from the budget, the 5.00 short from the deposit
    assert.deepEqual(await claimStatus(db), { C1: 'goedgekeurd', C2: 'goedgekeurd' });
    assert.equal(await available(db, 'T-C'), 0);
    const own = await db.query<{ saldo: number }>(`SELECT saldo FROM rekeningen WHERE soort = 'eigen_bijdrage'`);
    assert.equal(own.rows[0]!.saldo, 0);
    assert.ok((await runLedgerCheck(db)).ok);
  } finally {
    await close();
  }
});

test(`bad files change nothing and say exactly what is wrong (${STORE})`, async () => {
  const { db, close } = await freshDb();
  try {
    await loadParties(db);
    await load(db, 'toekenningen', csv(ALLOCATION_HEADER, [allocation('T-A', HOLDER.a, 'WMO_HH', '2026-01-01', '2026-12-31', '100.00')]));
    await load(db, 'zorgovereenkomsten', csv(AGREEMENT_HEADER, [agreement('Z-A', HOLDER.a, 'ZV1', 'WMO_HH')]));
    await load(db, 'declaraties', csv(CLAIM_HEADER, [claimLine('C1', HOLDER.a, 'ZV1', '2026-10-05', '2', '30.00')]));
    const before = await stateCounts(db);

    assert.deepEqual(await problemsOf(load(db, 'toekenningen', csv(ALLOCATION_HEADER, [
      allocation('T-X', HOLDER.a, 'WMO_HH', '2026-01-01', '2026-12-31', '10.00'), // fine by itself
      allocation('T-A', HOLDER.a, 'WMO_HH', '2026-01-01', '2026-12-31', '999.00'), // same id, other content
      allocation('T-A2', HOLDER.a, 'WMO_HH', '2026-01-01', '2026-12-31', '50.00', 'T-A'), // below the 60.00 spent
      allocation('T-Y', '123456789', 'WMO_HH', '2026-01-01', '2026-12-31', '10.00'), // BSN fails the elfproef
      allocation('T-Z', HOLDER.b, 'WMO_HH', '2026-12-31', '2026-01-01', '"1,00"'),
    ]))), [
      'toekenningen.csv:5: bsn: geen geldig BSN (negen cijfers die de elfproef doorstaan)',
      "toekenningen.csv:6: bedrag: '1,00' is geen bedrag in euro's (punt als decimaalteken, hooguit twee decimalen)",
      'toekenningen.csv:6: einddatum: ligt voor de ingangsdatum',
    ]);
    assert.deepEqual(await problemsOf(load(db, 'toekenningen', csv(ALLOCATION_HEADER, [
      allocation('T-X', HOLDER.a, 'WMO_HH', '2026-01-01', '2026-12-31', '10.00'),
      allocation('T-A', HOLDER.a, 'WMO_HH', '2026-01-01', '2026-12-31', '999.00'),
      allocation('T-A2', HOLDER.a, 'WMO_HH', '2026-01-01', '2026-12-31', '50.00', 'T-A'),
      allocation('T-W', HOLDER.a, 'WMO_HH', '2026-01-01', '2026-12-31', '10.00', '', 'GM9999'),
      allocation('T-V', HOLDER.a, 'WMO_HH', '2026-01-01', '2026-12-31', '10.00', '', 'ZK0001'),
    ]))), [
      "toekenningen.csv:3: toekenning_id: 'T-A' bestaat al met andere inhoud; een wijziging krijgt een nieuw id (overschrijven kan niet)",
      'toekenningen.csv:4: bedrag: 50.00 is minder dan wat al uit deze toekenning is betaald (60.00); een terugvordering loopt apart',
      "toekenningen.csv:5: verstrekker: verstrekker 'GM9999' is onbekend; importeer eerst verstrekkers.csv",
      'toekenningen.csv:6: wet: een zorgkantoor kent geen budget toe voor wet WMO_HH',
    ]);
    assert.deepEqual(await problemsOf(load(db, 'declaraties', csv(CLAIM_HEADER, [
      claimLine('C9', HOLDER.a, 'ZV1', '2026-10-05', '2', '30.00'),
      claimLine('C9', HOLDER.a, 'ZV2', '2026-10-06', '2', '30.00'),
      claimLine('C1', HOLDER.a, 'ZV1', '2026-10-05', '3', '30.00'),
    ]))), [
      'declaraties.csv:3: zorgverlener_id: wijkt af van regel 2 van dezelfde declaratie C9',
      'declaraties.csv:4: declaratie_id: declaratie \'C1\' is al ontvangen met andere inhoud; een nieuwe declaratie krijgt een nieuw id',
    ]);
    // format errors are found first; the checks against the database run once the file reads cleanly
    assert.deepEqual(await problemsOf(load(db, 'declaraties', csv(CLAIM_HEADER, [
      claimLine('C1', HOLDER.a, 'ZV1', '2026-10-05', '3', '30.00'),
      claimLine('mnd:Z-A:2026-10', HOLDER.a, 'ZV1', '2026-10-01', '1', '30.00'),
    ]))), ["declaraties.csv:3: declaratie_id: ids die met 'mnd:' beginnen zijn voor het maandloon gereserveerd"]);
    assert.deepEqual(await problemsOf(load(db, 'zorgovereenkomsten', 'zorgovereenkomst_id,bsn,zorgverlener_id,wet,soort,ingangsdatum,eenheid,tarief,kleur\n')), [
      'zorgovereenkomsten.csv:1: kleur: onbekende kolom',
      'zorgovereenkomsten.csv:1: status: verplichte kolom ontbreekt',
    ]);
    assert.deepEqual(await stateCounts(db), before);

    // the same file twice: nothing new
    const again = await load(db, 'declaraties', csv(CLAIM_HEADER, [claimLine('C1', HOLDER.a, 'ZV1', '2026-10-05', '2', '30.00')]));
    assert.equal(again.created, 0);
    const after = await stateCounts(db);
    assert.deepEqual({ ...after, imports: before.imports, audit_log: before.audit_log }, before, 'only the import and its audit row are new');
  } finally {
    await close();
  }
});
