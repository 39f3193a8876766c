/**
 * The only place that writes the ledger's SQL. Entries are written set-based: one statement for
 * the journal entries, one for the postings, one for the balances, however many entries. The
 * balance update fires the `nooit_rood` check constraint, so an overdraft aborts the transaction
 * whatever computed it.
 */
import { copyChunks, rowsOf, type Queryable, type Tx } from '../../db/connection.ts';
import { accountName, assertBalanced, type AccountRef, type JournalEntry } from './core/entries.ts';

/** Makes sure the accounts exist and returns their ids by `kind:key`. */
export async function accountIds(tx: Queryable, refs: readonly AccountRef[]): Promise<Map<string, number>> {
  const unique = new Map<string, AccountRef>();
  for (const r of refs) unique.set(accountName(r), r);
  if (unique.size === 0) return new Map();
  const ids = new Map<string, number>();
  // The accounts that exist first (nearly all, after the first month), each by its unique index;
  // only the missing ones are inserted (an insert that finds its key takes as long as one that writes).
  const find = async (wanted: AccountRef[]) => {
    const r = await tx.query<{ id: number; soort: string; sleutel: string }>(
      `SELECT r.id, r.soort, r.sleutel
         FROM unnest($1::text[], $2::text[]) AS k (soort, sleutel)
         CROSS JOIN LATERAL (SELECT r.id, r.soort, r.sleutel FROM rekeningen r WHERE r.soort = k.soort AND r.sleutel = k.sleutel OFFSET 0) r`,
      [wanted.map((r) => r.kind), wanted.map((r) => r.key)],
    );
    for (const row of r.rows) ids.set(`${row.soort}:${row.sleutel}`, row.id);
  };
  await find([...unique.values()]);
  const missing = [...unique.entries()].filter(([name]) => !ids.has(name)).map(([, r]) => r);
  if (missing.length > 0) {
    // ON CONFLICT: another transaction may create the same account meanwhile
    await tx.query(
      `INSERT INTO rekeningen (soort, sleutel)
       SELECT * FROM unnest($1::text[], $2::text[])
       ON CONFLICT (soort, sleutel) DO NOTHING`,
      [missing.map((r) => r.kind), missing.map((r) => r.key)],
    );
    await find(missing);
  }
  return ids;
}

/** Writes balanced entries and moves the balances, in the caller's transaction. */
export async function postEntries(tx: Queryable, entries: readonly JournalEntry[], actor: string): Promise<void> {
  if (entries.length === 0) return;
  for (const e of entries) assertBalanced(e);
  const ids = await accountIds(
    tx,
    entries.flatMap((e) => e.postings.map((p) => p.account)),
  );
  const seq = await tx.query<{ id: number }>(
    `SELECT nextval(pg_get_serial_sequence('journaalposten', 'id')) AS id FROM generate_series(1, $1::int)`,
    [entries.length],
  );
  const entryIds = seq.rows.map((r) => r.id);
  const pEntry: number[] = [];
  const pAccount: number[] = [];
  const pAmount: number[] = [];
  entries.forEach((e, i) => {
    for (const p of e.postings) {
      pEntry.push(entryIds[i]!);
      pAccount.push(ids.get(accountName(p.account))!);
      pAmount.push(p.amount);
    }
  });
  if ('copyFrom' in tx) {
    // many entries at once (claims checked in bulk): COPY is several times faster than unnest
    const bulk = tx as Tx;
    await bulk.copyFrom('journaalposten', ['id', 'soort', 'referentie', 'omschrijving', 'actor'], copyChunks(rowsOf(entries, (e, i) => [entryIds[i], e.kind, e.reference, e.description, actor])));
    await bulk.copyFrom('boekingen', ['journaalpost_id', 'rekening_id', 'bedrag'], copyChunks(rowsOf(pEntry, (id, i) => [id, pAccount[i], pAmount[i]])));
  } else {
    await tx.query(
      `INSERT INTO journaalposten (id, soort, referentie, omschrijving, actor)
       SELECT id, soort, referentie, omschrijving, $5 FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[])
         AS e (id, soort, referentie, omschrijving)`,
      [entryIds, entries.map((e) => e.kind), entries.map((e) => e.reference), entries.map((e) => e.description), actor],
    );
    await tx.query(
      `INSERT INTO boekingen (journaalpost_id, rekening_id, bedrag)
       SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bigint[])`,
      [pEntry, pAccount, pAmount],
    );
  }
  // the balances move by the sum per account (summed here: one row per account, not per posting)
  const delta = new Map<number, number>();
  pAccount.forEach((a, i) => delta.set(a, (delta.get(a) ?? 0) + pAmount[i]!));
  const accounts = [...delta.keys()].sort((a, b) => a - b);
  // Lock the accounts in id order first, so that concurrent bookings on shared accounts (a
  // provider's payable, the bank) take turns instead of deadlocking.
  await tx.query(`SELECT id FROM rekeningen WHERE id = ANY($1::bigint[]) ORDER BY id FOR UPDATE`, [accounts]);
  // `r.id = ANY($1)` says the same as the join, but lets the planner read only these accounts;
  // without it a batch hashed every account in the ledger (235 ms for 8,400 accounts, now 95 ms)
  await tx.query(
    `UPDATE rekeningen r SET saldo = r.saldo + d.delta
       FROM unnest($1::bigint[], $2::bigint[]) AS d (rekening_id, delta)
      WHERE r.id = d.rekening_id AND r.id = ANY($1::bigint[])`,
    [accounts, accounts.map((a) => delta.get(a)!)],
  );
}

/** Balances of accounts, by `kind:key` (absent accounts are not in the map). */
export async function balances(tx: Queryable, refs: readonly AccountRef[]): Promise<Map<string, number>> {
  if (refs.length === 0) return new Map();
  const r = await tx.query<{ soort: string; sleutel: string; saldo: number }>(
    `SELECT r.soort, r.sleutel, r.saldo
       FROM rekeningen r
       JOIN unnest($1::text[], $2::text[]) AS k (soort, sleutel) ON r.soort = k.soort AND r.sleutel = k.sleutel`,
    [refs.map((x) => x.kind), refs.map((x) => x.key)],
  );
  return new Map(r.rows.map((row) => [`${row.soort}:${row.sleutel}`, row.saldo]));
}
