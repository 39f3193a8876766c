/** SQL of allocations and budgets. */
import { slices, type Queryable } from '../../db/connection.ts';
import type { PlainDate } from '../../kernel/dates.ts';
import type { BudgetState } from './core/corrections.ts';
import type { ToekenningRow } from './core/csv.ts';

export async function storedAllocations(tx: Queryable, ids: string[]): Promise<Map<string, string>> {
  const r = await tx.query<{ toekenning_id: string; inhoud: string }>(
    `SELECT toekenning_id, inhoud FROM toekenningen WHERE toekenning_id = ANY($1::text[])`,
    [ids],
  );
  return new Map(r.rows.map((x) => [x.toekenning_id, x.inhoud]));
}

/** Locks and loads the budgets that the given versions belong to, with what is left and spent. */
export async function budgetsOfVersions(tx: Queryable, versionIds: string[]): Promise<{ budgets: Map<string, BudgetState>; versionToBudget: Map<string, string> }> {
  const r = await tx.query<{
    toekenning_id: string;
    budget_id: string;
    verstrekker: string;
    budgethouder_id: number;
    wet: string;
    ingangsdatum: PlainDate;
    einddatum: PlainDate;
    toegekend: number;
    saldo: number;
    laatste_versie: string;
    besteed_van: PlainDate | null;
    besteed_tot: PlainDate | null;
  }>(
    `SELECT t.toekenning_id, b.budget_id, b.verstrekker, b.budgethouder_id, b.wet, b.ingangsdatum, b.einddatum,
            b.toegekend, r.saldo, b.laatste_versie,
            (SELECT min(dr.datum) FROM declaratie_lasten l JOIN declaratieregels dr USING (declaratie_id, regelnr) WHERE l.budget_id = b.budget_id) AS besteed_van,
            (SELECT max(dr.datum) FROM declaratie_lasten l JOIN declaratieregels dr USING (declaratie_id, regelnr) WHERE l.budget_id = b.budget_id) AS besteed_tot
       FROM toekenningen t
       JOIN budgetten b ON b.budget_id = t.budget_id
       JOIN rekeningen r ON r.id = b.rekening_id
      WHERE t.toekenning_id = ANY($1::text[])
      FOR UPDATE OF b, r`,
    [versionIds],
  );
  const budgets = new Map<string, BudgetState>();
  const versionToBudget = new Map<string, string>();
  for (const x of r.rows) {
    versionToBudget.set(x.toekenning_id, x.budget_id);
    versionToBudget.set(x.laatste_versie, x.budget_id);
    budgets.set(x.budget_id, {
      budgetId: x.budget_id,
      verstrekker: x.verstrekker,
      holderId: x.budgethouder_id,
      wet: x.wet,
      ingangsdatum: x.ingangsdatum,
      einddatum: x.einddatum,
      toegekend: x.toegekend,
      beschikbaar: -x.saldo,
      laatsteVersie: x.laatste_versie,
      besteedVan: x.besteed_van,
      besteedTot: x.besteed_tot,
    });
  }
  return { budgets, versionToBudget };
}

export async function insertAllocations(
  tx: Queryable,
  all: { row: ToekenningRow; holderId: number; budgetId: string; content: string }[],
  importId: string,
  now: Date,
): Promise<void> {
  // in file order, slice after slice (a correction points at the version before it)
  for (const rows of slices(all)) await tx.query(
    `INSERT INTO toekenningen (toekenning_id, verstrekker, budgethouder_id, wet, ingangsdatum, einddatum, bedrag, vervangt, budget_id, inhoud, import_id, ontvangen_op)
     SELECT t.id, t.verstrekker, t.houder, t.wet, t.ingang, t.eind, t.bedrag, t.vervangt, t.budget, t.inhoud, $11, $12
       FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::date[], $6::date[], $7::bigint[], $8::text[], $9::text[], $10::text[])
            WITH ORDINALITY AS t (id, verstrekker, houder, wet, ingang, eind, bedrag, vervangt, budget, inhoud, n)
      ORDER BY t.n`,
    [
      rows.map((r) => r.row.toekenning_id),
      rows.map((r) => r.row.verstrekker),
      rows.map((r) => r.holderId),
      rows.map((r) => r.row.wet),
      rows.map((r) => r.row.ingangsdatum),
      rows.map((r) => r.row.einddatum),
      rows.map((r) => r.row.bedrag),
      rows.map((r) => r.row.vervangt),
      rows.map((r) => r.budgetId),
      rows.map((r) => r.content),
      importId,
      now,
    ],
  );
}

/** Writes the new and changed budgets (their current state); accounts must exist. */
export async function saveBudgets(tx: Queryable, all: BudgetState[], accountIds: Map<string, number>): Promise<void> {
  for (const budgets of slices(all)) await tx.query(
    `INSERT INTO budgetten (budget_id, verstrekker, budgethouder_id, wet, ingangsdatum, einddatum, toegekend, laatste_versie, rekening_id)
     SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::date[], $6::date[], $7::bigint[], $8::text[], $9::bigint[])
     ON CONFLICT (budget_id) DO UPDATE SET
       ingangsdatum = excluded.ingangsdatum, einddatum = excluded.einddatum,
       toegekend = excluded.toegekend, laatste_versie = excluded.laatste_versie`,
    [
      budgets.map((b) => b.budgetId),
      budgets.map((b) => b.verstrekker),
      budgets.map((b) => b.holderId),
      budgets.map((b) => b.wet),
      budgets.map((b) => b.ingangsdatum),
      budgets.map((b) => b.einddatum),
      budgets.map((b) => b.toegekend),
      budgets.map((b) => b.laatsteVersie),
      budgets.map((b) => accountIds.get(`budget:${b.budgetId}`)!),
    ],
  );
}
