/**
 * The references of the bulk tables (migration 012): checked once per statement instead of by a
 * foreign key per row, with the same guarantee. A child that names no parent is refused, by INSERT,
 * by COPY (one bad row among many) and by UPDATE, and the statement changes nothing; a parent that
 * a child still names cannot be deleted or given another key; one that nobody names can. On
 * PostgreSQL also the race: a parent's delete waits for a transaction that is writing a child of
 * it, and then refuses.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { freshDb, STORE } from '../support/db.ts';
import { AGREEMENT_HEADER, ALLOCATION_HEADER, CLAIM_HEADER, HOLDER, agreement, allocation, claimLine, csv, load, loadParties } from '../support/factories.ts';
import type { Db } from '../../src/db/connection.ts';
import { runLedgerCheck } from '../../src/modules/ledger/index.ts';

/** The SQLSTATE of what `p` threw (23503 is foreign_key_violation), with its message. */
async function refusal(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (e) {
    const err = e as { code?: string; message: string };
    return { code: err.code ?? '?', message: err.message };
  }
  assert.fail('expected the statement to be refused');
}

async function count(db: Db, table: string): Promise<number> {
  return (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;
}

async function world(db: Db): Promise<void> {
  await loadParties(db);
  await load(db, 'toekenningen', csv(ALLOCATION_HEADER, [allocation('T-A', HOLDER.a, 'WMO_HH', '2026-01-01', '2026-12-31', '1000.00')]));
  await load(db, 'zorgovereenkomsten', csv(AGREEMENT_HEADER, [
    agreement('Z-A', HOLDER.a, 'ZV1', 'WMO_HH'),
    agreement('Z-LEEG', HOLDER.b, 'ZV3', 'WMO_HH'),
  ]));
  await load(db, 'declaraties', csv(CLAIM_HEADER, [claimLine('C1', HOLDER.a, 'ZV1', '2026-10-05', '2', '30.00')]));
}

test(`references of the bulk tables: a child without its parent is refused, per statement (${STORE})`, async () => {
  const { db, close } = await freshDb();
  try {
    await world(db);
    const status = await db.query<{ status: string }>(`SELECT status FROM declaraties WHERE declaratie_id = 'C1'`);
    assert.equal(status.rows[0]!.status, 'goedgekeurd');
    const lines = await count(db, 'declaratieregels');

    // one row, by INSERT
    const one = await refusal(db.query(`INSERT INTO declaratieregels (declaratie_id, regelnr, bsn, zorgverlener_id, datum, eenheden, tarief, bedrag)
      VALUES ('GEEN', 1, '0', 'ZV1', '2026-10-05', '1', 100, 100)`));
    assert.equal(one.code, '23503');
    assert.match(one.message, /declaratieregels\.declaratie_id = GEEN verwijst naar geen rij van declaraties/);

    // many rows by COPY, one of them bad: the whole COPY is refused, its transaction writes nothing
    const rows = Array.from({ length: 500 }, (_, i) => `${i === 321 ? 'WEES' : 'C1'}\t${100 + i}\t0\tZV1\t2026-10-05\t1\t\\N\t100\t100\t\\N\n`);
    const copy = await refusal(db.transaction(async (tx) => {
      await tx.copyFrom('declaratieregels', ['declaratie_id', 'regelnr', 'bsn', 'zorgverlener_id', 'datum', 'eenheden', 'kwartieren', 'tarief', 'bedrag', 'omschrijving'], rows.join(''));
    }));
    assert.equal(copy.code, '23503');
    assert.match(copy.message, /WEES/);
    assert.equal(await count(db, 'declaratieregels'), lines);
    // the same rows without the bad one go in
    await db.transaction(async (tx) => {
      await tx.copyFrom('declaratieregels', ['declaratie_id', 'regelnr', 'bsn', 'zorgverlener_id', 'datum', 'eenheden', 'kwartieren', 'tarief', 'bedrag', 'omschrijving'], rows.filter((_, i) => i !== 321).join(''));
      throw new Error('rolled back on purpose');
    }).catch((e: Error) => assert.equal(e.message, 'rolled back on purpose'));

    // each converted reference, by INSERT
    const cases: [string, string][] = [
      ['declaratie_gebeurtenissen', `INSERT INTO declaratie_gebeurtenissen (declaratie_id, actor, gebeurtenis) VALUES ('GEEN', 'test', 'x')`],
      ['declaratie_lasten', `INSERT INTO declaratie_lasten (declaratie_id, regelnr, bron, budget_id, bedrag) VALUES ('GEEN', 1, 'budget', (SELECT budget_id FROM budgetten LIMIT 1), 1)`],
      ['declaratie_lasten', `INSERT INTO declaratie_lasten (declaratie_id, regelnr, bron, budget_id, bedrag) VALUES ('C1', 9, 'budget', 'GEEN', 1)`],
      ['boekingen', `INSERT INTO boekingen (journaalpost_id, rekening_id, bedrag) VALUES (-1, (SELECT min(id) FROM rekeningen), 1)`],
      ['boekingen', `INSERT INTO boekingen (journaalpost_id, rekening_id, bedrag) VALUES ((SELECT min(id) FROM journaalposten), -1, 1)`],
      ['betaalposten', `INSERT INTO betaalposten (betaling_id, declaratie_id, bedrag) VALUES ('GEEN', 'C1', 1)`],
    ];
    for (const [table, sql] of cases) {
      const before = await count(db, table);
      const r = await refusal(db.query(sql));
      assert.equal(r.code, '23503', `${sql}: ${r.message}`);
      assert.equal(await count(db, table), before);
    }

    // UPDATE of a reference to a parent that does not exist; to one that exists is fine
    const upd = await refusal(db.query(`UPDATE declaraties SET zorgovereenkomst_id = 'GEEN' WHERE declaratie_id = 'C1'`));
    assert.equal(upd.code, '23503');
    assert.match(upd.message, /declaraties\.zorgovereenkomst_id verwijst naar geen rij van zorgovereenkomsten/);
    await db.transaction(async (tx) => {
      await tx.query(`UPDATE declaraties SET zorgovereenkomst_id = 'Z-LEEG' WHERE declaratie_id = 'C1'`);
      throw new Error('rolled back on purpose');
    }).catch((e: Error) => assert.equal(e.message, 'rolled back on purpose'));
    const agreementOf = await db.query<{ zorgovereenkomst_id: string }>(`SELECT zorgovereenkomst_id FROM declaraties WHERE declaratie_id = 'C1'`);
    assert.equal(agreementOf.rows[0]!.zorgovereenkomst_id, 'Z-A');
  } finally {
    await close();
  }
});

test(`references of the bulk tables: a parent that a child names is not deleted nor re-keyed; one that nobody names is (${STORE})`, async () => {
  const { db, close } = await freshDb();
  try {
    await world(db);
    const named: [string, string][] = [
      ['declaraties', `DELETE FROM declaraties WHERE declaratie_id = 'C1'`],
      ['declaraties', `UPDATE declaraties SET declaratie_id = 'C1-NIEUW' WHERE declaratie_id = 'C1'`],
      ['zorgovereenkomsten', `DELETE FROM zorgovereenkomsten WHERE zorgovereenkomst_id = 'Z-A'`],
      ['budgetten', `DELETE FROM budgetten WHERE budget_id = (SELECT budget_id FROM declaratie_lasten LIMIT 1)`],
      ['journaalposten', `DELETE FROM journaalposten WHERE id = (SELECT journaalpost_id FROM boekingen LIMIT 1)`],
      ['rekeningen', `UPDATE rekeningen SET id = -id WHERE id = (SELECT rekening_id FROM boekingen LIMIT 1)`],
    ];
    for (const [table, sql] of named) {
      const before = await count(db, table);
      const r = await refusal(db.query(sql));
      assert.equal(r.code, '23503', `${sql}: ${r.message}`);
      assert.match(r.message, new RegExp(`^${table} wordt nog genoemd in `));
      assert.equal(await count(db, table), before);
    }
    // a holder that a claim names is refused by this check before any other foreign key is reached
    const holder = await refusal(db.query(`UPDATE budgethouders SET id = -id WHERE id = (SELECT budgethouder_id FROM declaraties WHERE declaratie_id = 'C1')`));
    assert.equal(holder.code, '23503');
    assert.match(holder.message, /budgethouders wordt nog genoemd in declaraties\.budgethouder_id/);

    // a parent nobody names goes, as with a foreign key (Z-LEEG: an agreement without claims or versions)
    await db.query(`DELETE FROM zorgovereenkomst_versies WHERE zorgovereenkomst_id = 'Z-LEEG'`);
    await db.query(`DELETE FROM zorgovereenkomsten WHERE zorgovereenkomst_id = 'Z-LEEG'`);
    assert.equal((await db.query(`SELECT 1 FROM zorgovereenkomsten WHERE zorgovereenkomst_id = 'Z-LEEG'`)).rows.length, 0);
    // an UPDATE that names the key without changing it is no change of the key
    await db.query(`UPDATE declaraties SET declaratie_id = declaratie_id WHERE declaratie_id = 'C1'`);
  } finally {
    await close();
  }
});

test(`references of the bulk tables: a parent's delete waits for the transaction that writes its child, then refuses (${STORE})`, { skip: STORE !== 'postgres' && 'PGlite has one connection: transactions cannot overlap' }, async () => {
  const { db, target, close } = await freshDb();
  const writer = new pg.Client({ connectionString: target });
  const deleter = new pg.Client({ connectionString: target });
  try {
    await world(db);
    await db.query(`DELETE FROM zorgovereenkomst_versies WHERE zorgovereenkomst_id = 'Z-LEEG'`);
    await writer.connect();
    await deleter.connect();
    // the writer inserts a claim of Z-LEEG and holds its transaction open
    await writer.query('BEGIN');
    await writer.query(`INSERT INTO declaraties (declaratie_id, soort, ontvangen_op, ontvangstdatum, kanaal, bsn, budgethouder_id, zorgverlener_id, zorgovereenkomst_id, bedrag, status, uiterste_betaaldatum, inhoud)
      SELECT 'C-RACE', 'declaratie', now(), current_date, 'api', bsn, budgethouder_id, zorgverlener_id, zorgovereenkomst_id, 100, 'ontvangen', current_date, '{}'
      FROM zorgovereenkomsten z JOIN budgethouders b ON b.id = z.budgethouder_id WHERE zorgovereenkomst_id = 'Z-LEEG'`);
    // the deleter cannot see that claim yet; it must wait instead of deleting
    let settled = false;
    const deletion = deleter.query(`DELETE FROM zorgovereenkomsten WHERE zorgovereenkomst_id = 'Z-LEEG'`).then(
      () => ({ code: 'none', message: 'deleted' }),
      (e: { code: string; message: string }) => ({ code: e.code, message: e.message }),
    ).finally(() => { settled = true; });
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(settled, false, 'the delete waits for the writer');
    await writer.query('COMMIT');
    const r = await deletion;
    assert.equal(r.code, '23503', r.message);
    assert.match(r.message, /zorgovereenkomsten wordt nog genoemd in declaraties\.zorgovereenkomst_id/);
    assert.equal((await db.query(`SELECT 1 FROM zorgovereenkomsten WHERE zorgovereenkomst_id = 'Z-LEEG'`)).rows.length, 1);
  } finally {
    await writer.end().catch(() => {});
    await deleter.end().catch(() => {});
    await close();
  }
});

test(`pgb controle finds a posting whose entry or account does not exist, should one get past the check (${STORE})`, async () => {
  const { db, close } = await freshDb();
  try {
    await world(db);
    assert.equal((await runLedgerCheck(db)).ok, true);
    // only by switching the check off (as an administrator could) does such a row get in
    await db.exec(`ALTER TABLE boekingen DISABLE TRIGGER boekingen_verwijzingen`);
    await db.query(`INSERT INTO boekingen (journaalpost_id, rekening_id, bedrag) VALUES (-7, (SELECT min(id) FROM rekeningen), 1), (-7, (SELECT min(id) FROM rekeningen), -1)`);
    await db.exec(`ALTER TABLE boekingen ENABLE TRIGGER boekingen_verwijzingen`);
    const report = await runLedgerCheck(db);
    assert.equal(report.ok, false);
    const breach = report.results.find((r) => r.name === 'elke boeking hoort bij een bestaande journaalpost en rekening')!;
    assert.equal(breach.breaches.length, 2);
    assert.match(breach.breaches[0]!, /van journaalpost -7: die journaalpost bestaat niet/);
  } finally {
    await close();
  }
});
