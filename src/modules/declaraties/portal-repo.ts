/**
 * SQL of the portal's steps on one claim: who submitted it, the holder's approval or rejection of a
 * provider's claim, and the back office's decision on a parked claim. Locks follow the order of
 * architecture.md: the holder first, then the claim row.
 */
import type { Queryable } from '../../db/connection.ts';
import type { PlainDate } from '../../kernel/dates.ts';

export async function markSubmittedBy(tx: Queryable, ids: string[], by: string): Promise<void> {
  if (ids.length === 0) return;
  await tx.query(`UPDATE declaraties SET ingediend_door = $2 WHERE declaratie_id = ANY($1::text[])`, [ids, by]);
}

export interface LockedClaim {
  declaratie_id: string;
  status: string;
  reden: string | null;
  bsn: string;
  budgethouder_id: number | null;
  zorgverlener_id: string;
  bedrag: number;
}

/** Locks the claim's holder (when known) and then the claim; undefined when there is no such claim. */
export async function lockClaim(tx: Queryable, id: string): Promise<LockedClaim | undefined> {
  const first = await tx.query<{ bsn: string }>(`SELECT bsn FROM declaraties WHERE declaratie_id = $1`, [id]);
  const bsn = first.rows[0]?.bsn;
  if (bsn === undefined) return undefined;
  await tx.query(`SELECT id FROM budgethouders WHERE bsn = $1 FOR UPDATE`, [bsn]);
  const r = await tx.query<LockedClaim>(
    `SELECT declaratie_id, status, reden, bsn, budgethouder_id, zorgverlener_id, bedrag FROM declaraties WHERE declaratie_id = $1 FOR UPDATE`,
    [id],
  );
  return r.rows[0];
}

/** The holder approved a provider's claim: from now on it is received, with a new latest payment date. */
export async function setReceived(tx: Queryable, id: string, at: Date, ontvangstdatum: PlainDate, uiterste: PlainDate): Promise<void> {
  await tx.query(
    `UPDATE declaraties SET status = 'ontvangen', ontvangen_op = $2, ontvangstdatum = $3, uiterste_betaaldatum = $4 WHERE declaratie_id = $1`,
    [id, at, ontvangstdatum, uiterste],
  );
}

export async function setStatus(tx: Queryable, id: string, status: string, reden: string | null): Promise<void> {
  await tx.query(`UPDATE declaraties SET status = $2, reden = $3 WHERE declaratie_id = $1`, [id, status, reden]);
}
