/** Read models of allocations for the API: the versions a funder sent, and one chain's latest version. */
import type { Queryable } from '../../db/connection.ts';
import type { PlainDate } from '../../kernel/dates.ts';

export interface AllocationView {
  toekenning_id: string;
  verstrekker: string;
  budgethouder_id: number;
  clientnummer: number;
  bsn: string;
  wet: string;
  ingangsdatum: PlainDate;
  einddatum: PlainDate;
  bedrag: number;
  vervangt: string | null;
  budget_id: string;
  /** true for the version that is the budget's current state */
  actueel: boolean;
  /** replaced by which version, if any */
  vervangen_door: string | null;
  ontvangen_op: Date;
}

/**
 * Allocation versions, newest first. `verstrekker` limits them to one funder (a funder's scope);
 * the other filters are the caller's.
 */
export async function listAllocations(
  db: Queryable,
  f: { verstrekker?: string | null; budgethouderId?: number | null; wet?: string | null; budgetId?: string | null; actueel?: boolean | null; ids?: string[] | null; limit: number; offset: number },
): Promise<AllocationView[]> {
  const r = await db.query<AllocationView>(
    `SELECT t.toekenning_id, t.verstrekker, t.budgethouder_id, h.clientnummer, h.bsn, t.wet, t.ingangsdatum, t.einddatum, t.bedrag,
            t.vervangt, t.budget_id, (b.laatste_versie = t.toekenning_id) AS actueel, n.toekenning_id AS vervangen_door, t.ontvangen_op
       FROM toekenningen t
       JOIN budgethouders h ON h.id = t.budgethouder_id
       JOIN budgetten b ON b.budget_id = t.budget_id
       LEFT JOIN toekenningen n ON n.vervangt = t.toekenning_id
      WHERE ($1::text IS NULL OR t.verstrekker = $1)
        AND ($2::bigint IS NULL OR t.budgethouder_id = $2)
        AND ($3::text IS NULL OR t.wet = $3)
        AND ($4::text IS NULL OR t.budget_id = $4)
        AND ($5::boolean IS NULL OR (b.laatste_versie = t.toekenning_id) = $5)
        AND ($6::text[] IS NULL OR t.toekenning_id = ANY($6::text[]))
      ORDER BY t.ontvangen_op DESC, t.toekenning_id DESC
      LIMIT $7 OFFSET $8`,
    [f.verstrekker ?? null, f.budgethouderId ?? null, f.wet ?? null, f.budgetId ?? null, f.actueel ?? null, f.ids ?? null, f.limit, f.offset],
  );
  return r.rows;
}

export interface ChainHead {
  /** the version asked for */
  toekenning_id: string;
  budget_id: string;
  verstrekker: string;
  bsn: string;
  wet: string;
  ingangsdatum: PlainDate;
  einddatum: PlainDate;
  toegekend: number;
  laatste_versie: string;
  /** what the latest version itself replaced (to repeat a withdrawal idempotently) */
  laatste_vervangt: string | null;
}

/** The budget that a version belongs to, with its latest version; undefined when unknown. */
export async function chainOf(db: Queryable, toekenningId: string): Promise<ChainHead | undefined> {
  const r = await db.query<ChainHead>(
    `SELECT t.toekenning_id, b.budget_id, b.verstrekker, h.bsn, b.wet, b.ingangsdatum, b.einddatum, b.toegekend, b.laatste_versie,
            l.vervangt AS laatste_vervangt
       FROM toekenningen t
       JOIN budgetten b ON b.budget_id = t.budget_id
       JOIN toekenningen l ON l.toekenning_id = b.laatste_versie
       JOIN budgethouders h ON h.id = b.budgethouder_id
      WHERE t.toekenning_id = $1`,
    [toekenningId],
  );
  return r.rows[0];
}
