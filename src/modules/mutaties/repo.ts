/** SQL of reported changes (mutaties). */
import type { Queryable } from '../../db/connection.ts';
import type { PlainDate } from '../../kernel/dates.ts';
import type { Mutatie } from './core/validate.ts';

export interface MutatieView {
  mutatie_id: string;
  budgethouder_id: number;
  clientnummer: number;
  budgethouder: string;
  soort: string;
  omschrijving: string;
  ingangsdatum: PlainDate | null;
  status: 'open' | 'afgehandeld';
  gemeld_door: string;
  gemeld_op: Date;
  afgehandeld_door: string | null;
  afgehandeld_op: Date | null;
  toelichting: string | null;
}

export async function insertMutatie(tx: Queryable, m: Mutatie & { id: string; holderId: number; actor: string; now: Date }): Promise<void> {
  await tx.query(
    `INSERT INTO mutaties (mutatie_id, budgethouder_id, soort, omschrijving, ingangsdatum, gemeld_door, gemeld_op) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [m.id, m.holderId, m.soort, m.omschrijving, m.ingangsdatum, m.actor, m.now],
  );
}

/** Reports, oldest first when open (a work queue), else newest first. `holderIds` null means all. */
export async function listMutaties(
  db: Queryable,
  f: { holderIds: number[] | null; status?: string | null; limit: number; offset: number },
): Promise<MutatieView[]> {
  const r = await db.query<MutatieView>(
    `SELECT m.mutatie_id, m.budgethouder_id, h.clientnummer, h.naam AS budgethouder, m.soort, m.omschrijving, m.ingangsdatum, m.status,
            m.gemeld_door, m.gemeld_op, m.afgehandeld_door, m.afgehandeld_op, m.toelichting
       FROM mutaties m JOIN budgethouders h ON h.id = m.budgethouder_id
      WHERE ($1::bigint[] IS NULL OR m.budgethouder_id = ANY($1::bigint[]))
        AND ($2::text IS NULL OR m.status = $2)
      ORDER BY CASE WHEN $2::text = 'open' THEN m.gemeld_op END ASC, m.gemeld_op DESC, m.mutatie_id
      LIMIT $3 OFFSET $4`,
    [f.holderIds, f.status ?? null, f.limit, f.offset],
  );
  return r.rows;
}

/** Locks one report; undefined when it does not exist. */
export async function lockMutatie(tx: Queryable, id: string): Promise<{ status: string; budgethouder_id: number } | undefined> {
  const r = await tx.query<{ status: string; budgethouder_id: number }>(`SELECT status, budgethouder_id FROM mutaties WHERE mutatie_id = $1 FOR UPDATE`, [id]);
  return r.rows[0];
}

export async function markHandled(tx: Queryable, h: { id: string; actor: string; now: Date; toelichting: string }): Promise<void> {
  await tx.query(
    `UPDATE mutaties SET status = 'afgehandeld', afgehandeld_door = $2, afgehandeld_op = $3, toelichting = $4 WHERE mutatie_id = $1`,
    [h.id, h.actor, h.now, h.toelichting],
  );
}

export async function mutatieById(db: Queryable, id: string): Promise<MutatieView | undefined> {
  const r = await db.query<MutatieView>(
    `SELECT m.mutatie_id, m.budgethouder_id, h.clientnummer, h.naam AS budgethouder, m.soort, m.omschrijving, m.ingangsdatum, m.status,
            m.gemeld_door, m.gemeld_op, m.afgehandeld_door, m.afgehandeld_op, m.toelichting
       FROM mutaties m JOIN budgethouders h ON h.id = m.budgethouder_id WHERE m.mutatie_id = $1`,
    [id],
  );
  return r.rows[0];
}
