/**
 * Issue #8: the year end. Closing figures per allocation (granted = spent on claims + own amounts +
 * back to the funder), what is left booked back to the funder, leftover own deposits returned to
 * the holder and paid once, refused before the claim deadline, idempotent; the ledger check passes
 * and sees each flow; the command line with CSV and Excel output; on both stores.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { freshTarget, stateCounts, STORE } from '../support/db.ts';
import { pgb } from '../support/cli.ts';
import { AGREEMENT_HEADER, ALLOCATION_HEADER, CLAIM_HEADER, HOLDER, agreement, allocation, available, claimLine, claimStatus, csv, load, loadParties } from '../support/factories.ts';
import { openDb, type Db } from '../../src/db/connection.ts';
import { migrate } from '../../src/db/migrate.ts';
import { syntheticBsn, syntheticIban } from '../../src/kernel/synthetic.ts';
import type { Cents } from '../../src/kernel/money.ts';
import type { PlainDate } from '../../src/kernel/dates.ts';
import { runLedgerCheck } from '../../src/modules/ledger/index.ts';
import { runPayments } from '../../src/modules/betalingen/index.ts';
import { buildCamt053, readBankStatement } from '../../src/modules/bank/index.ts';
import { requestOwnAmount } from '../../src/modules/eigenbedragen/index.ts';
import { closeYear, closingsOfYear } from '../../src/modules/jaareinde/index.ts';
import { AppError } from '../../src/kernel/errors.ts';

const D = syntheticBsn(504);
const D_IBAN = syntheticIban(9504);
const B_IBAN = syntheticIban(9502);
const DEBTOR = { name: 'Test Betaalbureau', iban: 'NL91ABNA0417164300' };

async function world(db: Db): Promise<{ holderD: number; holderB: number }> {
  await loadParties(db);
  await load(db, 'budgethouders', csv('bsn,naam,geboortedatum,iban', [`${D},Houder D,1970-04-04,${D_IBAN}`]), 'houder-d.csv');
  await load(db, 'toekenningen', csv(ALLOCATION_HEADER, [
    allocation('T-D25', D, 'WLZ', '2025-01-01', '2025-12-31', '10000.00', '', 'ZK0001'),
    allocation('T-A25a', HOLDER.a, 'JW', '2025-01-01', '2025-06-30', '2000.00'),
    allocation('T-A25b', HOLDER.a, 'JW', '2025-07-01', '2025-12-31', '1000.00'),
    allocation('T-B25', HOLDER.b, 'WMO_HH', '2025-01-01', '2025-12-31', '3000.00'),
    allocation('T-B26', HOLDER.b, 'WMO_HH', '2026-01-01', '2026-12-31', '3000.00'),
  ]));
  await load(db, 'zorgovereenkomsten', csv(AGREEMENT_HEADER, [
    agreement('Z-D', D, 'ZV1', 'WLZ', { from: '2025-01-01', rate: '90.00' }), // above the Wlz 2025 maximum of 80.81
    agreement('Z-A', HOLDER.a, 'ZV3', 'JW', { from: '2025-01-01', rate: '60.00', kind: 'instelling' }),
    agreement('Z-B', HOLDER.b, 'ZV1', 'WMO_HH', { from: '2025-01-01', rate: '30.00' }),
  ]));
  const holderD = (await db.query<{ id: number; clientnummer: number }>(`SELECT id, clientnummer FROM budgethouders WHERE bsn = $1`, [D])).rows[0]!;
  const holderB = (await db.query<{ id: number; clientnummer: number }>(`SELECT id, clientnummer FROM budgethouders WHERE bsn = $1`, [HOLDER.b])).rows[0]!;
  // own deposits: D € 100.00 for WLZ, B € 50.00 for WMO_HH
  const statement = buildCamt053({
    messageId: 'ST-2025-1',
    createdAt: new Date('2025-05-30T18:00:00+02:00'),
    statements: [{
      statementId: 'ST-2025-1',
      account: DEBTOR.iban,
      openingBalance: 0 as Cents,
      entries: [
        { entryRef: 'E1', direction: 'CRDT', bookingDate: '2025-05-30' as PlainDate, transactions: [{ amount: 100_00 as Cents, counterpartyName: 'Houder D', counterpartyIban: D_IBAN, remittance: `PGB STORTING ${holderD.clientnummer} WLZ` }] },
        { entryRef: 'E2', direction: 'CRDT', bookingDate: '2025-05-30' as PlainDate, transactions: [{ amount: 50_00 as Cents, counterpartyName: 'Houder B', counterpartyIban: B_IBAN, remittance: `PGB STORTING ${holderB.clientnummer} WMO_HH` }] },
      ],
    }],
  });
  await readBankStatement(db, { path: 'st.xml', content: statement, actor: 'test' });
  await load(db, 'declaraties', csv(CLAIM_HEADER, [
    claimLine('C-D', D, 'ZV1', '2025-06-02', '2', '90.00', { received: '2025-07-01T10:00:00+02:00' }), // 161.62 budget + 18.38 deposits
    claimLine('C-A1', HOLDER.a, 'ZV3', '2025-06-10', '10', '60.00', { received: '2025-07-01T10:00:00+02:00' }), // 600.00
    claimLine('C-A2', HOLDER.a, 'ZV3', '2025-09-10', '5', '60.00', { received: '2025-10-01T10:00:00+02:00' }), // 300.00
    claimLine('C-B', HOLDER.b, 'ZV1', '2025-03-03', '10', '30.00', { received: '2025-04-01T10:00:00+02:00' }), // 300.00
  ]));
  assert.deepEqual(await claimStatus(db), { 'C-D': 'goedgekeurd', 'C-A1': 'goedgekeurd', 'C-A2': 'goedgekeurd', 'C-B': 'goedgekeurd' });
  await requestOwnAmount(db, { aanvraagId: 'VVB-D-2025', holderId: holderD.id, wet: 'WLZ', soort: 'verantwoordingsvrij', jaar: 2025, bedrag: '250.00' }, { actor: 'test' });
  return { holderD: holderD.id, holderB: holderB.id };
}

test(`year end: closing figures, back to the funder, deposits returned once, idempotent (${STORE})`, async () => {
  const t = await freshTarget();
  const dir = mkdtempSync(join(tmpdir(), 'pgb-jaar-'));
  let db = await openDb({ target: t.target });
  try {
    await migrate(db);
    const { holderD } = await world(db);
    const before = await stateCounts(db);
    await assert.rejects(closeYear(db, { jaar: 2025, actor: 'test', today: '2026-04-01' as PlainDate }), (e: unknown) => e instanceof AppError && /pas vanaf 2026-04-02/.test(e.message));
    assert.deepEqual(await stateCounts(db), before, 'refused before the deadline: nothing written');
    await db.close();

    // the command line: closes, writes the statements, and a second time changes nothing
    const uit = join(dir, 'budgetafsluiting.csv');
    const afr = join(dir, 'jaarafrekening.xlsx');
    const first = await pgb(t.target, 'jaarafsluiting', '--jaar', '2025', '--datum', '2026-04-02', '--uit', uit, '--afrekening', afr);
    assert.equal(first.code, 0, first.err);
    assert.match(first.out, /jaarafsluiting 2025: 4 toekenning\(en\) afgesloten, 14388\.38 terug naar verstrekkers; 1 teruggave\(n\) van eigen stortingen \(81\.62\)/);
    assert.match(first.out, /eigen stortingen blijven staan: budgethouder \d+ WMO_HH 50\.00: er loopt een latere toekenning/);
    const csvText = readFileSync(uit, 'utf8').split('\n');
    assert.equal(csvText[0], 'budget_id,verstrekker,budgethouder_id,wet,ingangsdatum,einddatum,toegekend,besteed_declaraties,besteed_eigen_bedragen,uit_stortingen,terug_naar_verstrekker,open_declaraties');
    assert.ok(csvText.includes(`T-D25,ZK0001,${holderD},WLZ,2025-01-01,2025-12-31,10000.00,161.62,250.00,18.38,9588.38,0`), csvText.join('\n'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(afr);
    const sheetRows = wb.worksheets[0]!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    assert.ok(sheetRows.some((r) => r[0] === 'GM0001' && r[1] === 'Jeugdwet' && r[2] === 2 && r[3] === 3000 && r[4] === 900 && r[6] === 2100), JSON.stringify(sheetRows));

    const second = await pgb(t.target, 'jaarafsluiting', '--jaar', '2025', '--datum', '2026-05-01');
    assert.equal(second.code, 0, second.err);
    assert.match(second.out, /0 toekenning\(en\) afgesloten, 0\.00 terug naar verstrekkers; 0 teruggave\(n\) van eigen stortingen \(0\.00\): niets veranderd/);
    const report = await pgb(t.target, 'rapport', 'jaarafrekening', '--van', '2025-01-01', '--tot', '2025-12-31', '--formaat', 'csv', '--verstrekker', 'GM0001');
    assert.equal(report.code, 0, report.err);
    assert.deepEqual(report.out.split('\n'), [
      'verstrekker,wet,budgetten,toegekend,besteed_declaraties,besteed_eigen_bedragen,terug_naar_verstrekker,open_declaraties',
      'GM0001,Jeugdwet,2,3000.00,900.00,0.00,2100.00,0',
      'GM0001,Wmo hulp bij het huishouden,1,3000.00,300.00,0.00,2700.00,0',
    ]);
    const controle = await pgb(t.target, 'controle');
    assert.equal(controle.code, 0, controle.out);
    assert.match(controle.out, /OK   elke budgetafsluiting: wat terugging naar de verstrekker is precies één keer geboekt/);

    db = await openDb({ target: t.target });
    const afterSecond = await stateCounts(db);
    assert.equal(afterSecond.budgetafsluitingen, 4);
    const closings = await closingsOfYear(db, 2025);
    assert.deepEqual(closings.map((c) => [c.budgetId, c.toegekend, c.besteedDeclaraties, c.besteedEigenBedragen, c.terugNaarVerstrekker]), [
      ['T-A25a', 200000, 60000, 0, 140000],
      ['T-A25b', 100000, 30000, 0, 70000],
      ['T-B25', 300000, 30000, 0, 270000],
      ['T-D25', 1000000, 16162, 25000, 958838],
    ]);
    for (const id of ['T-A25a', 'T-A25b', 'T-B25', 'T-D25']) assert.equal(await available(db, id), 0, `${id} is empty after closing`);
    assert.equal(await available(db, 'T-B26'), 300000, 'the 2026 allocation is untouched');
    const deposits = await db.query<{ sleutel: string; saldo: number }>(`SELECT sleutel, saldo FROM rekeningen WHERE soort = 'eigen_bijdrage' ORDER BY sleutel`);
    assert.deepEqual(deposits.rows.map((r) => r.saldo).sort(), [-5000, 0], "D's deposits returned, B's kept for 2026");

    // a third run through the use case: still nothing
    const third = await closeYear(db, { jaar: 2025, actor: 'test', today: '2026-06-01' as PlainDate });
    assert.equal(third.closed.length + third.returned.length, 0);
    assert.deepEqual(await stateCounts(db), afterSecond);

    // paid once to holder D: the own amount and the returned deposits in one transfer
    const run = await runPayments(db, { date: '2026-11-25', actor: 'test', debtor: DEBTOR, now: new Date('2026-11-24T10:00:00+01:00') });
    assert.match(run.xml!, new RegExp(`<InstdAmt Ccy="EUR">331\\.62</InstdAmt>[\\s\\S]*?<IBAN>${D_IBAN}</IBAN>[\\s\\S]*?VVB 2025, teruggave storting 2025`));
    assert.equal((await runPayments(db, { date: '2026-11-25', actor: 'test', debtor: DEBTOR, now: new Date('2026-11-24T11:00:00+01:00') })).betaalrunId, null);
    assert.ok((await runLedgerCheck(db)).ok);
    const returned = (await db.query<{ aanvraag_id: string }>(`SELECT aanvraag_id FROM eigen_bedragen WHERE soort = 'teruggave_storting'`)).rows[0]!.aanvraag_id;
    await db.close();
    const trace = await pgb(t.target, 'trace', returned);
    assert.equal(trace.code, 0, trace.err);
    assert.match(trace.out, /teruggave_storting 2025, WLZ\): betaald/);
    assert.match(trace.out, new RegExp(`eigen_bedrag: eigen_bijdrage:${holderD}:WLZ D 81\\.62`));
    assert.match(trace.out, /betaalrun: onderweg:operator C 331\.62/);

    // the ledger check sees a closing whose booking does not match
    db = await openDb({ target: t.target });
    await db.query(`UPDATE budgetafsluitingen SET terug_naar_verstrekker = terug_naar_verstrekker - 1, besteed_declaraties = besteed_declaraties + 1 WHERE budget_id = 'T-B25'`);
    const broken = await runLedgerCheck(db);
    assert.deepEqual(broken.results.filter((r) => r.breaches.length > 0).map((r) => r.name), ['elk budget: toegekend min besteed is beschikbaar', 'elke budgetafsluiting: wat terugging naar de verstrekker is precies één keer geboekt']);
  } finally {
    await db.close().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
    await t.cleanup();
  }
});
