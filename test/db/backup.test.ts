/**
 * `pgb backup` and `pgb restore` (issue #7): a world with every kind of money movement is backed
 * up, restored into a fresh store, and then the ledger check passes and every export, report,
 * trace and SEPA file written again is byte-identical to the original's. A target that holds a database is refused
 * without --force; with --force it is replaced. Without pg_dump on the PATH the command says so.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDb, type Db } from '../../src/db/connection.ts';
import type { Cents } from '../../src/kernel/money.ts';
import type { PlainDate } from '../../src/kernel/dates.ts';
import { syntheticIban } from '../../src/kernel/synthetic.ts';
import { printTrace } from '../../src/cli/print.ts';
import { freshDb, POSTGRES_URL, STORE } from '../support/db.ts';
import { pgb } from '../support/cli.ts';
import { AGREEMENT_HEADER, ALLOCATION_HEADER, CLAIM_HEADER, HOLDER, agreement, allocation, claimLine, csv, load, loadParties } from '../support/factories.ts';
import { runLedgerCheck } from '../../src/modules/ledger/index.ts';
import { decideAgreement } from '../../src/modules/zorgovereenkomsten/use-cases/draft-and-sign.ts';
import { runMonthlyPay } from '../../src/modules/maandloon/index.ts';
import { listRuns, paymentRunFile, runPayments } from '../../src/modules/betalingen/index.ts';
import { buildCamt053, readBankStatement } from '../../src/modules/bank/index.ts';
import { changeProviderIban } from '../../src/modules/partijen/use-cases/change-provider-iban.ts';
import { traceClaim } from '../../src/modules/declaraties/index.ts';
import { exportCsv } from '../../src/modules/exports/index.ts';
import { runReport } from '../../src/modules/rapportages/use-cases/reports.ts';
import { renderReport } from '../../src/modules/rapportages/render/output.ts';

async function dropDatabase(name: string): Promise<void> {
  const a = new pg.Client({ connectionString: POSTGRES_URL });
  await a.connect();
  await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await a.end();
}

/** A fresh target that holds nothing at all (no schema): a new PostgreSQL database, or a directory that does not exist yet. */
async function emptyTarget(dir: string): Promise<{ target: string; cleanup: () => Promise<void> }> {
  if (!POSTGRES_URL) return { target: join(dir, 'teruggezet'), cleanup: async () => undefined };
  const name = `pgb_test_herstel_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    target: url.toString(),
    cleanup: () => dropDatabase(name),
  };
}

const NOW = new Date('2026-11-18T10:00:00+01:00');
const DEBTOR = { name: 'Test Betaalbureau', iban: 'NL91ABNA0417164300' };

/**
 * A world with every kind of money movement, built in-process on one connection: allocations (one
 * corrected), agreements (one monthly, one awaiting the funder and then approved), claims approved,
 * parked and refused, monthly pay, a payment run, a bank statement that confirms it, returns one
 * transfer and brings a holder's own deposit, a new IBAN, and a second payment run.
 */
async function buildWorld(db: Db): Promise<void> {
  const actor = 'test';
  await loadParties(db);
  await load(db, 'toekenningen', csv(ALLOCATION_HEADER, [
    allocation('T-A', HOLDER.a, 'WMO_HH', '2026-01-01', '2026-12-31', '900.00'),
    allocation('T-B', HOLDER.b, 'WLZ', '2026-01-01', '2026-12-31', '5000.00', '', 'ZK0001'),
    allocation('T-C', HOLDER.c, 'JW', '2026-01-01', '2026-12-31', '300.00'),
  ]));
  await load(db, 'zorgovereenkomsten', csv(AGREEMENT_HEADER, [
    agreement('Z-A', HOLDER.a, 'ZV1', 'WMO_HH'),
    agreement('Z-B', HOLDER.b, 'ZV2', 'WLZ', { kind: 'arbeidsovereenkomst', unit: 'maand', rate: '800.00', monthly: '800.00' }),
    agreement('Z-C', HOLDER.c, 'ZV3', 'JW', { kind: 'instelling', rate: '70.00', status: 'ingediend' }),
  ]));
  await load(db, 'declaraties', csv(CLAIM_HEADER, [
    claimLine('C-1', HOLDER.a, 'ZV1', '2026-10-05', '4', '30.00'),
    claimLine('C-2', HOLDER.a, 'ZV1', '2026-10-06', '30', '30.00'), // more than the budget: parked
    claimLine('C-3', HOLDER.a, 'ZV1', '2026-10-07', '2', '35.00'), // not the agreed tariff: refused
    claimLine('C-4', HOLDER.c, 'ZV3', '2026-10-08', '3', '70.00'), // agreement awaits the funder: parked
  ]));
  await decideAgreement(db, 'Z-C', { besluit: 'geaccordeerd', maximumtarief: '70.00' }, { actor, now: NOW });
  await load(db, 'toekenningen', csv(ALLOCATION_HEADER, [allocation('T-A2', HOLDER.a, 'WMO_HH', '2026-01-01', '2026-12-31', '1100.00', 'T-A')]));
  await runMonthlyPay(db, { month: '2026-10', actor, now: NOW });
  const first = await runPayments(db, { date: '2026-11-19', actor, debtor: DEBTOR, now: NOW });
  assert.ok(first.xml && first.payments >= 2, JSON.stringify(first));
  const transfers = [...first.xml.matchAll(/<EndToEndId>([^<]+)<\/EndToEndId>[\s\S]*?<InstdAmt Ccy="EUR">([\d.]+)<\/InstdAmt>[\s\S]*?<Nm>([^<]+)<\/Nm>[\s\S]*?<IBAN>([^<]+)<\/IBAN>/g)].map((m) => ({ e2e: m[1]!, amount: Math.round(Number(m[2]) * 100) as Cents, name: m[3]!, iban: m[4]! }));
  const returned = transfers.find((t) => t.name === 'Zorg Een')!;
  const client = (await db.query<{ c: number }>(`SELECT clientnummer AS c FROM budgethouders WHERE bsn = $1`, [HOLDER.a])).rows[0]!.c;
  const xml = buildCamt053({
    messageId: 'AFS-1',
    createdAt: NOW,
    statements: [{
      statementId: 'AFS-1',
      account: DEBTOR.iban,
      openingBalance: 100_000_00 as Cents,
      entries: [
        { entryRef: 'B-1', direction: 'DBIT', bookingDate: '2026-11-19' as PlainDate, transactions: transfers.map((t) => ({ amount: t.amount, endToEndId: t.e2e, counterpartyName: t.name, counterpartyIban: t.iban })) },
        { entryRef: 'R-1', direction: 'CRDT', bookingDate: '2026-11-19' as PlainDate, transactions: [{ amount: returned.amount, originalEndToEndId: returned.e2e, returnReason: 'AC04', counterpartyName: returned.name, counterpartyIban: returned.iban }] },
        { entryRef: 'S-1', direction: 'CRDT', bookingDate: '2026-11-19' as PlainDate, transactions: [{ amount: 25_00 as Cents, counterpartyName: 'Houder A', counterpartyIban: syntheticIban(7001), remittance: `PGB STORTING ${client} WMO_HH` }] },
      ],
    }],
  });
  await readBankStatement(db, { path: 'afschrift.xml', content: xml, actor, now: NOW });
  await changeProviderIban(db, { zorgverlenerId: 'ZV1', iban: syntheticIban(9111), reason: 'nieuw rekeningnummer', actor, now: NOW });
  const second = await runPayments(db, { date: '2026-11-20', actor, debtor: DEBTOR, now: NOW });
  assert.ok(second.payments >= 1, JSON.stringify(second));
  assert.ok((await runLedgerCheck(db)).ok);
}

/**
 * Everything the platform writes out of a database, as text per name: what `pgb export`, `pgb
 * rapport --formaat csv`, `pgb betaalruns`, `pgb betaalrun --opnieuw` and `pgb trace` write (the
 * same functions, on one connection: opening PGlite once per command is slow).
 */
async function outputs(target: string): Promise<Record<string, string>> {
  const db = await openDb({ target });
  try {
    const out: Record<string, string> = {};
    for (const kind of ['declaraties', 'budgetten', 'betalingen'] as const) out[`export ${kind}`] = await exportCsv(db, kind);
    for (const report of ['werkvoorraad', 'afkeuringen', 'bedragen-per-wet', 'verstrekkers']) {
      const table = await runReport(db, report, { van: '2026-09-01' as PlainDate, tot: '2026-11-30' as PlainDate, peildatum: '2026-11-30' as PlainDate, scope: { kind: 'alles' } });
      out[`rapport ${report}`] = String((await renderReport(table, 'csv')).data);
    }
    const runs = await listRuns(db);
    assert.equal(runs.length, 2);
    for (const r of runs) {
      out[`betaalrun ${r.betaalrun_id}`] = `${r.datum} ${r.aantal} ${r.totaal} ${r.sha256}`;
      const file = await paymentRunFile(db, r.betaalrun_id);
      out[`sepa ${r.betaalrun_id}`] = file;
      assert.equal(createHash('sha256').update(file).digest('hex'), r.sha256);
    }
    for (const id of ['C-1', 'C-2', 'C-4']) {
      const lines: string[] = [];
      printTrace((await traceClaim(db, id))!, (l) => lines.push(l));
      out[`trace ${id}`] = lines.join('\n');
    }
    return out;
  } finally {
    await db.close();
  }
}

test(`backup and restore: the restored database checks out and writes the same files (${STORE})`, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pgb-backup-'));
  const source = await freshDb({ dir: join(dir, 'bron') });
  const restored = await emptyTarget(dir);
  try {
    await buildWorld(source.db);
    await source.db.close();

    const before = await outputs(source.target);
    const file = join(dir, STORE === 'postgres' ? 'pgb.dump' : 'pgb.tar.gz');
    const backup = await pgb(source.target, 'backup', file);
    assert.equal(backup.code, 0, backup.err);
    assert.match(backup.out, STORE === 'postgres' ? /PostgreSQL, pg_dump custom format/ : /PGlite, tarball/);
    assert.equal(readFileSync(file).subarray(0, 5).toString('latin1') === 'PGDMP', STORE === 'postgres');

    const restore = await pgb(restored.target, 'restore', file);
    assert.equal(restore.code, 0, restore.err);
    const check = await pgb(restored.target, 'controle');
    assert.equal(check.code, 0, check.out + check.err);
    assert.deepEqual(await outputs(restored.target), before);
    // and through the command line itself: an export and a payment run's file written again
    const exported = join(dir, 'declaraties.csv');
    assert.equal((await pgb(restored.target, 'export', 'declaraties', '--uit', exported)).code, 0);
    assert.equal(readFileSync(exported, 'utf8'), before['export declaraties']);
    const runId = Object.keys(before).find((k) => k.startsWith('sepa '))!.slice(5);
    const sepa = join(dir, 'opnieuw.xml');
    assert.equal((await pgb(restored.target, 'betaalrun', '--opnieuw', runId, '--sepa', sepa)).code, 0);
    assert.equal(readFileSync(sepa, 'utf8'), before[`sepa ${runId}`]);

    // the target holds a database now: refused without --force
    const again = await pgb(restored.target, 'restore', file);
    assert.equal(again.code, 1);
    assert.match(again.err, /fout \(CONFLICT\): de (database|map) .* is niet leeg.*--force/);
    // with --force it is replaced: a claim imported after the backup is gone again
    writeFileSync(join(dir, 'extra.csv'), csv(CLAIM_HEADER, [claimLine('NA-BACKUP', HOLDER.b, 'ZV2', '2026-10-01', '1', '10.00')]));
    assert.equal((await pgb(restored.target, 'import', 'declaraties', join(dir, 'extra.csv'))).code, 0);
    const forced = await pgb(restored.target, 'restore', '--force', file);
    assert.equal(forced.code, 0, forced.err);
    assert.equal((await pgb(restored.target, 'controle')).code, 0);
    assert.deepEqual(await outputs(restored.target), before);
    assert.equal((await pgb(restored.target, 'trace', 'NA-BACKUP')).code, 1);

    // a backup of the other store, or no backup at all, is refused with why
    const other = join(dir, 'ander');
    writeFileSync(other, STORE === 'postgres' ? Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0]) : Buffer.from('PGDMP\x01\x0f\x00'));
    const wrong = await pgb(restored.target, 'restore', '--force', other);
    assert.equal(wrong.code, 1);
    assert.match(wrong.err, STORE === 'postgres' ? /is een back-up van PGlite/ : /is een pg_dump-back-up van PostgreSQL/);
    const junk = join(dir, 'rommel');
    writeFileSync(junk, 'geen back-up');
    assert.match((await pgb(restored.target, 'restore', junk)).err, /rommel is geen back-up van pgb/);
  } finally {
    await restored.cleanup();
    if (POSTGRES_URL) await dropDatabase(new URL(source.target).pathname.slice(1));
    rmSync(dir, { recursive: true, force: true });
  }
});

test('without pg_dump on the PATH a PostgreSQL backup says so and writes nothing', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pgb-backup-'));
  const path = process.env.PATH;
  try {
    process.env.PATH = join(dir, 'leeg');
    const file = join(dir, 'pgb.dump');
    const r = await pgb('postgres://postgres@127.0.0.1:1/bestaat_niet', 'backup', file);
    assert.equal(r.code, 1);
    assert.match(r.err, /fout \(CONFIGURATIE\): pg_dump staat niet op het PATH.*Er is niets gedaan/);
    assert.equal(existsSync(file), false);
    const restore = await pgb('postgres://postgres@127.0.0.1:1/bestaat_niet', 'restore', file);
    assert.match(restore.err, /bestaat niet/);
  } finally {
    process.env.PATH = path;
    rmSync(dir, { recursive: true, force: true });
  }
});
