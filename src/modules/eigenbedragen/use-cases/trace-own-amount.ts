/** The trace of an own amount: the request, what it was charged to, its payment and every booking about it. */
import type { Queryable } from '../../../db/connection.ts';
import { ownAmountById, type OwnAmountRow } from '../repo.ts';

export interface OwnAmountTrace {
  row: OwnAmountRow;
  charges: { bron: string; budget_id: string | null; bedrag: number }[];
  payment: { betaling_id: string; betaalrun_id: string; iban: string; bedrag: number; status: string; bevestigd_op: string | null } | null;
  bookings: { journaalpost_id: number; soort: string; rekening: string; bedrag: number }[];
  audit: { op: Date; actor: string; actie: string; reden: string | null }[];
}

export async function traceOwnAmount(db: Queryable, id: string): Promise<OwnAmountTrace | undefined> {
  const row = await ownAmountById(db, id);
  if (!row) return undefined;
  const charges = await db.query<{ bron: string; budget_id: string | null; bedrag: number }>(`SELECT bron, budget_id, bedrag FROM eigen_bedrag_lasten WHERE aanvraag_id = $1 ORDER BY budget_id`, [id]);
  const payment = row.betaling_id
    ? (await db.query<OwnAmountTrace['payment'] & object>(`SELECT betaling_id, betaalrun_id, iban, bedrag, status, bevestigd_op FROM betalingen WHERE betaling_id = $1`, [row.betaling_id])).rows[0] ?? null
    : null;
  const bookings = await db.query<{ journaalpost_id: number; soort: string; rekening: string; bedrag: number }>(
    `SELECT p.id AS journaalpost_id, p.soort, r.soort || ':' || r.sleutel AS rekening, b.bedrag
       FROM journaalposten p JOIN boekingen b ON b.journaalpost_id = p.id JOIN rekeningen r ON r.id = b.rekening_id
      WHERE p.referentie = $1 OR p.referentie = $2 OR p.referentie = ANY($3::text[]) ORDER BY p.id, b.bedrag DESC`,
    [id, row.betaling_id ?? '', row.teruggeboekte_betalingen ?? []],
  );
  const audit = await db.query<{ op: Date; actor: string; actie: string; reden: string | null }>(`SELECT op, actor, actie, reden FROM audit_log WHERE onderwerp = $1 ORDER BY id`, [id]);
  return { row, charges: charges.rows, payment, bookings: bookings.rows, audit: audit.rows };
}
