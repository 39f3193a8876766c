/**
 * Recoveries to read: the list with each one's age (days since it was established), and one
 * recovery's whole trace: what it concerns, its set-offs, its repayments, its bookings and audit.
 */
import type { Queryable } from '../../../db/connection.ts';
import { dateInNetherlands } from '../../../kernel/dates.ts';
import { auditFor } from '../../audit/index.ts';
import { ageInDays } from '../core/recoveries.ts';
import { listRecoveries, recoveryById, repaymentsOf, setOffsOf, type RecoveryFilter, type RecoveryRow, type RepaymentRow, type SetOffRow } from '../repo.ts';

export interface RecoveryWithAge extends RecoveryRow {
  /** whole days from `vastgesteld_op` to today */
  leeftijd_dagen: number;
  verrekend: number;
  terugbetaald: number;
}

export async function recoveriesWithAge(db: Queryable, filter: RecoveryFilter = {}, now = new Date()): Promise<RecoveryWithAge[]> {
  const rows = await listRecoveries(db, filter);
  const today = dateInNetherlands(now);
  const ids = rows.map((r) => r.vordering_id);
  const [setOffs, repayments] = ids.length === 0 ? [[], []] : await Promise.all([setOffsOf(db, ids), repaymentsOf(db, ids)]);
  const sum = (list: { vordering_id: string; bedrag: number }[], id: string) => list.filter((x) => x.vordering_id === id).reduce((s, x) => s + x.bedrag, 0);
  return rows.map((r) => ({
    ...r,
    leeftijd_dagen: ageInDays(r.vastgesteld_op, today),
    verrekend: sum(setOffs.filter((s) => s.actief), r.vordering_id),
    terugbetaald: sum(repayments, r.vordering_id),
  }));
}

export interface RecoveryTrace {
  row: RecoveryRow;
  setOffs: SetOffRow[];
  repayments: RepaymentRow[];
  bookings: { journaalpost_id: number; op: Date; soort: string; omschrijving: string; rekening: string; bedrag: number }[];
  audit: { op: Date; actor: string; actie: string; reden: string | null }[];
}

export async function traceRecovery(db: Queryable, id: string): Promise<RecoveryTrace | undefined> {
  const row = await recoveryById(db, id);
  if (!row) return undefined;
  const [setOffs, repayments, bookings, audit] = await Promise.all([
    setOffsOf(db, [id]),
    repaymentsOf(db, [id]),
    db.query<RecoveryTrace['bookings'][number]>(
      `SELECT j.id AS journaalpost_id, j.op, j.soort, j.omschrijving, r.soort || ':' || r.sleutel AS rekening, b.bedrag
         FROM journaalposten j JOIN boekingen b ON b.journaalpost_id = j.id JOIN rekeningen r ON r.id = b.rekening_id
        WHERE j.soort IN ('vordering', 'verrekening', 'terugbetaling_vordering', 'kwijtschelding') AND (j.referentie = $1 OR j.referentie LIKE $1 || '/%')
        ORDER BY j.id, b.bedrag DESC`,
      [id],
    ),
    auditFor(db, id),
  ]);
  return { row, setOffs, repayments, bookings: bookings.rows, audit };
}
