/** SQL of recoveries (vorderingen), their set-offs and repayments. */
import type { Queryable } from '../../db/connection.ts';
import type { Cents } from '../../kernel/money.ts';
import type { Debtor, OpenRecoveryOf, PlannedSetOff, Reden } from './core/recoveries.ts';

export interface RecoveryRow {
  vordering_id: string;
  debiteur_soort: 'zorgverlener' | 'budgethouder';
  zorgverlener_id: string | null;
  budgethouder_id: number | null;
  declaratie_id: string | null;
  betaling_id: string | null;
  budget_id: string;
  reden: Reden;
  toelichting: string;
  bedrag: number;
  openstaand: number;
  kwijtgescholden: number;
  status: 'open' | 'voldaan' | 'kwijtgescholden';
  bron: string;
  inhoud: string;
  vastgesteld_op: string;
  aangemaakt_door: string;
  aangemaakt_op: Date;
  kwijtgescholden_door: string | null;
  kwijtgescholden_op: Date | null;
  kwijtschelding_reden: string | null;
}

export const debtorOf = (r: Pick<RecoveryRow, 'debiteur_soort' | 'zorgverlener_id' | 'budgethouder_id'>): Debtor =>
  r.debiteur_soort === 'zorgverlener' ? { kind: 'zorgverlener', id: r.zorgverlener_id! } : { kind: 'budgethouder', id: String(r.budgethouder_id) };

export async function nextRecoveryId(tx: Queryable): Promise<string> {
  const r = await tx.query<{ n: number }>(`SELECT nextval('vordering_nummer')::bigint AS n`);
  return `V-${r.rows[0]!.n}`;
}

export async function recoveryBySource(tx: Queryable, bron: string): Promise<RecoveryRow | undefined> {
  const r = await tx.query<RecoveryRow>(`SELECT * FROM vorderingen WHERE bron = $1`, [bron]);
  return r.rows[0];
}

export async function recoveryById(tx: Queryable, id: string, lock = false): Promise<RecoveryRow | undefined> {
  const r = await tx.query<RecoveryRow>(`SELECT * FROM vorderingen WHERE vordering_id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  return r.rows[0];
}

export async function insertRecovery(tx: Queryable, row: Omit<RecoveryRow, 'openstaand' | 'kwijtgescholden' | 'status' | 'kwijtgescholden_door' | 'kwijtgescholden_op' | 'kwijtschelding_reden'>): Promise<void> {
  await tx.query(
    `INSERT INTO vorderingen (vordering_id, debiteur_soort, zorgverlener_id, budgethouder_id, declaratie_id, betaling_id, budget_id, reden, toelichting, bedrag, openstaand, status, bron, inhoud, vastgesteld_op, aangemaakt_door, aangemaakt_op)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, 'open', $11, $12, $13, $14, $15)`,
    [row.vordering_id, row.debiteur_soort, row.zorgverlener_id, row.budgethouder_id, row.declaratie_id, row.betaling_id, row.budget_id, row.reden, row.toelichting, row.bedrag, row.bron, row.inhoud, row.vastgesteld_op, row.aangemaakt_door, row.aangemaakt_op],
  );
}

/** What was recovered on a claim before (every recovery on it, whatever its state). */
export async function recoveredOnClaim(tx: Queryable, declaratieId: string): Promise<number> {
  const r = await tx.query<{ som: number }>(`SELECT COALESCE(sum(bedrag), 0)::bigint AS som FROM vorderingen WHERE declaratie_id = $1`, [declaratieId]);
  return r.rows[0]!.som;
}

/** Locks and returns the open recoveries of these providers and holders, oldest first. */
export async function lockOpenRecoveries(tx: Queryable, providers: string[], holders: number[]): Promise<OpenRecoveryOf[]> {
  if (providers.length === 0 && holders.length === 0) return [];
  const r = await tx.query<RecoveryRow>(
    `SELECT * FROM vorderingen
      WHERE status = 'open' AND (zorgverlener_id = ANY($1::text[]) OR budgethouder_id = ANY($2::bigint[]))
      ORDER BY vastgesteld_op, vordering_id FOR UPDATE`,
    [providers, holders],
  );
  return r.rows.map((x) => ({ id: x.vordering_id, vastgesteld: x.vastgesteld_op, open: x.openstaand as Cents, debtor: debtorOf(x), budgetId: x.budget_id }));
}

/** Records set-offs of a payment run and lowers what is open (a recovery reaching zero is `voldaan`). */
export async function insertSetOffs(tx: Queryable, betaalrunId: string, rows: (PlannedSetOff & { betalingId: string })[], now: Date): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO vordering_verrekeningen (vordering_id, betaling_id, betaalrun_id, bedrag, op)
     SELECT v, b, $4, a, $5 FROM unnest($1::text[], $2::text[], $3::bigint[]) AS x (v, b, a)`,
    [rows.map((r) => r.vorderingId), rows.map((r) => r.betalingId), rows.map((r) => r.amount), betaalrunId, now],
  );
  await lowerOpen(tx, rows.map((r) => ({ vorderingId: r.vorderingId, amount: r.amount })));
}

async function lowerOpen(tx: Queryable, rows: { vorderingId: string; amount: number }[]): Promise<void> {
  const per = new Map<string, number>();
  for (const r of rows) per.set(r.vorderingId, (per.get(r.vorderingId) ?? 0) + r.amount);
  await tx.query(
    `UPDATE vorderingen v SET openstaand = v.openstaand - u.a,
            status = CASE WHEN v.openstaand - u.a = 0 THEN 'voldaan' ELSE 'open' END
       FROM unnest($1::text[], $2::bigint[]) AS u (id, a) WHERE v.vordering_id = u.id`,
    [[...per.keys()], [...per.values()]],
  );
}

/** The active set-offs in payments the bank returned: undone, their recoveries open again. */
export async function undoSetOffs(tx: Queryable, paymentIds: string[]): Promise<(RecoveryRow & { set_off: number; set_off_betaling: string })[]> {
  if (paymentIds.length === 0) return [];
  const r = await tx.query<RecoveryRow & { set_off: number; set_off_betaling: string }>(
    `SELECT v.*, s.bedrag AS set_off, s.betaling_id AS set_off_betaling
       FROM vordering_verrekeningen s JOIN vorderingen v ON v.vordering_id = s.vordering_id
      WHERE s.betaling_id = ANY($1::text[]) AND s.actief ORDER BY v.vordering_id FOR UPDATE OF v`,
    [paymentIds],
  );
  if (r.rows.length === 0) return [];
  await tx.query(`UPDATE vordering_verrekeningen SET actief = false WHERE betaling_id = ANY($1::text[]) AND actief`, [paymentIds]);
  const per = new Map<string, number>();
  for (const x of r.rows) per.set(x.vordering_id, (per.get(x.vordering_id) ?? 0) + x.set_off);
  await tx.query(
    `UPDATE vorderingen v SET openstaand = v.openstaand + u.a, status = 'open'
       FROM unnest($1::text[], $2::bigint[]) AS u (id, a) WHERE v.vordering_id = u.id`,
    [[...per.keys()], [...per.values()]],
  );
  return r.rows;
}

/** Open recoveries by id (for a bank statement's repayments), locked. */
export async function lockRecoveries(tx: Queryable, ids: string[]): Promise<Map<string, RecoveryRow>> {
  if (ids.length === 0) return new Map();
  const r = await tx.query<RecoveryRow>(`SELECT * FROM vorderingen WHERE vordering_id = ANY($1::text[]) ORDER BY vordering_id FOR UPDATE`, [ids]);
  return new Map(r.rows.map((x) => [x.vordering_id, x]));
}

export async function insertRepayments(tx: Queryable, rows: { bankpostId: number; vorderingId: string; amount: number }[], now: Date): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO vordering_terugbetalingen (bankpost_id, vordering_id, bedrag, op) SELECT p, v, a, $4 FROM unnest($1::bigint[], $2::text[], $3::bigint[]) AS x (p, v, a)`,
    [rows.map((r) => r.bankpostId), rows.map((r) => r.vorderingId), rows.map((r) => r.amount), now],
  );
  await lowerOpen(tx, rows);
}

export async function markWrittenOff(tx: Queryable, id: string, amount: number, actor: string, reason: string, now: Date): Promise<void> {
  await tx.query(
    `UPDATE vorderingen SET openstaand = openstaand - $2, kwijtgescholden = kwijtgescholden + $2, status = 'kwijtgescholden',
            kwijtgescholden_door = $3, kwijtgescholden_op = $5, kwijtschelding_reden = $4
      WHERE vordering_id = $1`,
    [id, amount, actor, reason, now],
  );
}

export interface RecoveryFilter {
  status?: 'open' | 'voldaan' | 'kwijtgescholden';
  zorgverlenerId?: string;
  budgethouderId?: number;
  declaratieId?: string;
  betalingIds?: string[];
}

export async function listRecoveries(db: Queryable, f: RecoveryFilter = {}): Promise<RecoveryRow[]> {
  const where: string[] = [];
  const args: unknown[] = [];
  const add = (sql: string, v: unknown) => {
    args.push(v);
    where.push(sql.replace('?', `$${args.length}`));
  };
  if (f.status) add('status = ?', f.status);
  if (f.zorgverlenerId) add('zorgverlener_id = ?', f.zorgverlenerId);
  if (f.budgethouderId !== undefined) add('budgethouder_id = ?', f.budgethouderId);
  if (f.declaratieId) add('declaratie_id = ?', f.declaratieId);
  if (f.betalingIds) add('betaling_id = ANY(?::text[])', f.betalingIds);
  const r = await db.query<RecoveryRow>(
    `SELECT * FROM vorderingen ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY vastgesteld_op, aangemaakt_op, vordering_id`,
    args,
  );
  return r.rows;
}

export interface SetOffRow { vordering_id: string; betaling_id: string; betaalrun_id: string; bedrag: number; actief: boolean; op: Date }
export interface RepaymentRow { vordering_id: string; bankpost_id: number; afschrift_id: string; post_ref: string; boekdatum: string | null; bedrag: number; op: Date }

export async function setOffsOf(db: Queryable, ids: string[]): Promise<SetOffRow[]> {
  const r = await db.query<SetOffRow>(`SELECT vordering_id, betaling_id, betaalrun_id, bedrag, actief, op FROM vordering_verrekeningen WHERE vordering_id = ANY($1::text[]) ORDER BY op, betaling_id`, [ids]);
  return r.rows;
}

export async function repaymentsOf(db: Queryable, ids: string[]): Promise<RepaymentRow[]> {
  const r = await db.query<RepaymentRow>(
    `SELECT t.vordering_id, t.bankpost_id, p.afschrift_id, p.post_ref, p.boekdatum, t.bedrag, t.op
       FROM vordering_terugbetalingen t JOIN bankposten p ON p.id = t.bankpost_id WHERE t.vordering_id = ANY($1::text[]) ORDER BY t.op, t.bankpost_id`,
    [ids],
  );
  return r.rows;
}
