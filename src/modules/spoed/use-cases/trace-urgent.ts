/**
 * The trace of an urgent payment: the request with who recorded and who approved it, its payment in
 * the urgent run, the claim it was matched to (and how much was settled, how much is to recover),
 * every booking about it (its own, its payment's, the settlement's) and its audit rows.
 */
import type { Queryable } from '../../../db/connection.ts';
import { requestById, type UrgentRequestRow } from '../repo.ts';

export interface UrgentTrace {
  row: UrgentRequestRow;
  payment: { betaling_id: string; betaalrun_id: string; iban: string; bedrag: number; status: string; bevestigd_op: string | null; teruggeboekt_op: string | null } | null;
  match: { declaratie_id: string; declaratie_bedrag: number; declaratie_status: string; verrekend: number; te_vorderen: number; wijze: string; actor: string; op: Date } | null;
  queued: { declaratie_id: string; opgelost_op: Date | null; keuze: string | null }[];
  /** the recovery that took over the rest of the advance (vorderingen, `bron` = `spoed:<id>`) */
  recovery: { vordering_id: string; bedrag: number; openstaand: number; status: string } | null;
  bookings: { journaalpost_id: number; op: Date; soort: string; rekening: string; bedrag: number }[];
  audit: { op: Date; actor: string; actie: string; reden: string | null }[];
}

export async function traceUrgent(db: Queryable, id: string): Promise<UrgentTrace | undefined> {
  const row = await requestById(db, id);
  if (!row) return undefined;
  const payment = row.betaling_id
    ? (await db.query<NonNullable<UrgentTrace['payment']>>(`SELECT betaling_id, betaalrun_id, iban, bedrag, status, bevestigd_op, teruggeboekt_op FROM betalingen WHERE betaling_id = $1`, [row.betaling_id])).rows[0] ?? null
    : null;
  const match = (await db.query<NonNullable<UrgentTrace['match']>>(
    `SELECT k.declaratie_id, d.bedrag AS declaratie_bedrag, d.status AS declaratie_status, k.verrekend, k.te_vorderen, k.wijze, k.actor, k.op
       FROM spoed_koppelingen k JOIN declaraties d ON d.declaratie_id = k.declaratie_id WHERE k.aanvraag_id = $1`,
    [id],
  )).rows[0] ?? null;
  const queued = await db.query<UrgentTrace['queued'][number]>(`SELECT declaratie_id, opgelost_op, keuze FROM spoed_koppelwachtrij WHERE $1 = ANY(aanvragen) ORDER BY op, declaratie_id`, [id]);
  const recovery = (await db.query<NonNullable<UrgentTrace['recovery']>>(`SELECT vordering_id, bedrag, openstaand, status FROM vorderingen WHERE bron = $1`, ['spoed:' + id])).rows[0] ?? null;
  const bookings = await db.query<UrgentTrace['bookings'][number]>(
    `SELECT p.id AS journaalpost_id, p.op, p.soort, r.soort || ':' || r.sleutel AS rekening, b.bedrag
       FROM journaalposten p JOIN boekingen b ON b.journaalpost_id = p.id JOIN rekeningen r ON r.id = b.rekening_id
      WHERE p.referentie = $1 OR p.referentie = $2 OR p.referentie = ANY($4::text[]) OR (p.soort = 'spoedverrekening' AND p.referentie = $3)
      ORDER BY p.id, b.bedrag DESC`,
    [id, row.betaling_id ?? '', match?.declaratie_id ?? '', row.teruggeboekte_betalingen],
  );
  const audit = await db.query<UrgentTrace['audit'][number]>(`SELECT op, actor, actie, reden FROM audit_log WHERE onderwerp = $1 OR (onderwerp = $2 AND actie = 'spoedrun.start') ORDER BY id`, [id, row.betaalrun_id ?? '']);
  return { row, payment, match, queued: queued.rows, recovery, bookings: bookings.rows, audit: audit.rows };
}
