/** SQL of the parties: funders, budget holders, care providers. */
import { slices, type Queryable } from '../../db/connection.ts';
import type { BudgethouderRow, VerstrekkerRow, ZorgverlenerRow } from './core/csv.ts';

export async function existingContent(tx: Queryable, table: 'verstrekkers' | 'budgethouders' | 'zorgverleners', idColumn: string, ids: string[]): Promise<Map<string, string>> {
  const r = await tx.query<{ id: string; inhoud: string }>(`SELECT ${idColumn} AS id, inhoud FROM ${table} WHERE ${idColumn} = ANY($1::text[])`, [ids]);
  return new Map(r.rows.map((x) => [x.id, x.inhoud]));
}

export async function insertVerstrekkers(tx: Queryable, all: { row: VerstrekkerRow; content: string }[], importId: string): Promise<void> {
  for (const rows of slices(all)) await tx.query(
    `INSERT INTO verstrekkers (code, naam, soort, iban, inhoud, import_id)
     SELECT *, $6 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])`,
    [rows.map((r) => r.row.code), rows.map((r) => r.row.naam), rows.map((r) => r.row.soort), rows.map((r) => r.row.iban), rows.map((r) => r.content), importId],
  );
}

export async function insertBudgethouders(tx: Queryable, all: { row: BudgethouderRow; content: string }[], importId: string): Promise<void> {
  for (const rows of slices(all)) await tx.query(
    `INSERT INTO budgethouders (bsn, naam, geboortedatum, iban, overlijdensdatum, inhoud, import_id)
     SELECT b.bsn, b.naam, b.geboortedatum, b.iban, b.overlijdensdatum, b.inhoud, $7
       FROM unnest($1::text[], $2::text[], $3::date[], $4::text[], $5::date[], $6::text[])
            WITH ORDINALITY AS b (bsn, naam, geboortedatum, iban, overlijdensdatum, inhoud, n)
      ORDER BY b.n`,
    [
      rows.map((r) => r.row.bsn),
      rows.map((r) => r.row.naam),
      rows.map((r) => r.row.geboortedatum),
      rows.map((r) => r.row.iban),
      rows.map((r) => r.row.overlijdensdatum),
      rows.map((r) => r.content),
      importId,
    ],
  );
}

export async function insertZorgverleners(tx: Queryable, all: { row: ZorgverlenerRow; content: string }[], importId: string): Promise<void> {
  for (const rows of slices(all)) {
    const col = <K extends keyof ZorgverlenerRow>(k: K) => rows.map((r) => r.row[k]);
    await tx.query(
      `INSERT INTO zorgverleners (zorgverlener_id, soort, naam, bsn, kvk, agb, iban, inhoud, import_id)
       SELECT *, $9 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])`,
      [col('zorgverlener_id'), col('soort'), col('naam'), col('bsn'), col('kvk'), col('agb'), col('iban'), rows.map((r) => r.content), importId],
    );
  }
}

export interface HolderRef {
  id: number;
  bsn: string;
  clientnummer: number;
  overlijdensdatum: string | null;
}

export async function holdersByBsn(tx: Queryable, bsns: string[]): Promise<Map<string, HolderRef>> {
  const r = await tx.query<HolderRef>(
    `SELECT id, bsn, clientnummer, overlijdensdatum FROM budgethouders WHERE bsn = ANY($1::text[])`,
    [bsns],
  );
  return new Map(r.rows.map((h) => [h.bsn, h]));
}

export async function knownProviders(tx: Queryable, ids: string[]): Promise<Set<string>> {
  const r = await tx.query<{ zorgverlener_id: string }>(`SELECT zorgverlener_id FROM zorgverleners WHERE zorgverlener_id = ANY($1::text[])`, [ids]);
  return new Set(r.rows.map((x) => x.zorgverlener_id));
}

export async function knownFunders(tx: Queryable, codes: string[]): Promise<Set<string>> {
  const r = await tx.query<{ code: string }>(`SELECT code FROM verstrekkers WHERE code = ANY($1::text[])`, [codes]);
  return new Set(r.rows.map((x) => x.code));
}

/** Sets a provider's current IBAN, lifts a block and records the change; undefined if unknown. */
export async function setProviderIban(
  tx: Queryable,
  c: { zorgverlenerId: string; iban: string; reason: string; actor: string; now: Date },
): Promise<{ previous: string; wasBlocked: boolean } | undefined> {
  const cur = await tx.query<{ iban: string; iban_geblokkeerd: string | null }>(
    `SELECT iban, iban_geblokkeerd FROM zorgverleners WHERE zorgverlener_id = $1 FOR UPDATE`,
    [c.zorgverlenerId],
  );
  const row = cur.rows[0];
  if (!row) return undefined;
  await tx.query(`UPDATE zorgverleners SET iban = $2, iban_geblokkeerd = NULL WHERE zorgverlener_id = $1`, [c.zorgverlenerId, c.iban]);
  await tx.query(
    `INSERT INTO zorgverlener_ibans (zorgverlener_id, iban, vorige_iban, reden, actor, op) VALUES ($1, $2, $3, $4, $5, $6)`,
    [c.zorgverlenerId, c.iban, row.iban, c.reason, c.actor, c.now],
  );
  return { previous: row.iban, wasBlocked: row.iban_geblokkeerd !== null };
}
