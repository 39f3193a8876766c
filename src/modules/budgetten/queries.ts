/**
 * Read models of budgets: each budget's allocated, spent, paid, still to pay and available amounts,
 * per-law totals, a holder's own deposits and what was spent per month of care. Read only.
 *
 * - toegekend: the allocation's current amount (its latest version)
 * - besteed: charged to it by approved claims (toegekend − beschikbaar)
 * - betaald: of that, claims that went out in a payment run
 * - nog_te_betalen: of that, approved claims not (or no longer, after a return) in a payment run
 * - beschikbaar: what is left (the credit balance of its ledger account)
 */
import type { Queryable } from '../../db/connection.ts';
import type { PlainDate } from '../../kernel/dates.ts';
import type { Scope } from '../../server/scope.ts';

/** Which budgets a scope sees: a funder only its own allocations, a holder its own budgets. */
export function budgetFilter(scope: Scope, n: number): { sql: string; params: unknown[] } {
  switch (scope.kind) {
    case 'alles':
      return { sql: 'true', params: [] };
    case 'verstrekker':
      return { sql: `b.verstrekker = $${n}`, params: [scope.code] };
    case 'budgethouders':
      return { sql: `b.budgethouder_id = ANY($${n}::bigint[])`, params: [scope.ids] };
    case 'zorgverlener':
      return { sql: 'false', params: [] };
  }
}

export interface BudgetView {
  budget_id: string;
  verstrekker: string;
  verstrekker_naam: string;
  budgethouder_id: number;
  clientnummer: number;
  budgethouder: string;
  bsn: string;
  wet: string;
  ingangsdatum: PlainDate;
  einddatum: PlainDate;
  laatste_versie: string;
  toegekend: number;
  besteed: number;
  betaald: number;
  nog_te_betalen: number;
  beschikbaar: number;
}

export interface BudgetFilters {
  budgethouderId?: number | null;
  wet?: string | null;
  /** budgets whose period covers this date */
  peildatum?: string | null;
}

const BUDGET_SELECT = `
  SELECT b.budget_id, b.verstrekker, v.naam AS verstrekker_naam, b.budgethouder_id, h.clientnummer, h.naam AS budgethouder, h.bsn,
         b.wet, b.ingangsdatum, b.einddatum, b.laatste_versie, b.toegekend,
         (b.toegekend + r.saldo) AS besteed,
         COALESCE(l.betaald, 0)::bigint AS betaald,
         COALESCE(l.open, 0)::bigint AS nog_te_betalen,
         (-r.saldo) AS beschikbaar
    FROM budgetten b
    JOIN rekeningen r ON r.id = b.rekening_id
    JOIN budgethouders h ON h.id = b.budgethouder_id
    JOIN verstrekkers v ON v.code = b.verstrekker
    LEFT JOIN LATERAL (
      SELECT sum(dl.bedrag) FILTER (WHERE d.status = 'betaald') AS betaald,
             sum(dl.bedrag) FILTER (WHERE d.status = 'goedgekeurd') AS open
        FROM declaratie_lasten dl JOIN declaraties d ON d.declaratie_id = dl.declaratie_id
       WHERE dl.budget_id = b.budget_id
    ) l ON true`;

function where(filter: { sql: string; params: unknown[] }, f: BudgetFilters): { sql: string; params: unknown[] } {
  const n = filter.params.length;
  return {
    sql: `${filter.sql}
      AND ($${n + 1}::bigint IS NULL OR b.budgethouder_id = $${n + 1})
      AND ($${n + 2}::text IS NULL OR b.wet = $${n + 2})
      AND ($${n + 3}::date IS NULL OR $${n + 3}::date BETWEEN b.ingangsdatum AND b.einddatum)`,
    params: [...filter.params, f.budgethouderId ?? null, f.wet ?? null, f.peildatum ?? null],
  };
}

export async function listBudgets(db: Queryable, scope: Scope, f: BudgetFilters & { limit?: number; offset?: number }): Promise<BudgetView[]> {
  const w = where(budgetFilter(scope, 1), f);
  const n = w.params.length;
  const r = await db.query<BudgetView>(
    `${BUDGET_SELECT}
     WHERE ${w.sql}
     ORDER BY h.clientnummer, b.wet, b.ingangsdatum, b.budget_id
     LIMIT $${n + 1} OFFSET $${n + 2}`,
    [...w.params, f.limit ?? null, f.offset ?? 0],
    // the text depends only on the kind of scope: one prepared statement per kind
    { prepare: `budgetten.listBudgets.${scope.kind}` },
  );
  return r.rows;
}

export interface LawTotals {
  budgethouder_id: number;
  wet: string;
  budgetten: number;
  toegekend: number;
  besteed: number;
  betaald: number;
  nog_te_betalen: number;
  beschikbaar: number;
}

/** The budgets' amounts added up per holder and law (over all of them, not one page). */
export async function budgetTotals(db: Queryable, scope: Scope, f: BudgetFilters): Promise<LawTotals[]> {
  const w = where(budgetFilter(scope, 1), f);
  const r = await db.query<LawTotals>(
    `SELECT x.budgethouder_id, x.wet, count(*)::int AS budgetten, sum(x.toegekend)::bigint AS toegekend, sum(x.besteed)::bigint AS besteed,
            sum(x.betaald)::bigint AS betaald, sum(x.nog_te_betalen)::bigint AS nog_te_betalen, sum(x.beschikbaar)::bigint AS beschikbaar
       FROM (${BUDGET_SELECT} WHERE ${w.sql}) x
      GROUP BY x.budgethouder_id, x.wet
      ORDER BY x.budgethouder_id, x.wet`,
    w.params,
  );
  return r.rows;
}

/**
 * The same totals as budgetTotals, added up from budgets already read: only when those are all the
 * budgets of the filter (the first page, not full). Saves the overview a second pass over the budgets.
 */
export function lawTotalsOf(budgets: readonly BudgetView[]): LawTotals[] {
  const out = new Map<string, LawTotals>();
  for (const b of budgets) {
    const k = `${b.budgethouder_id}:${b.wet}`;
    const t = out.get(k) ?? { budgethouder_id: b.budgethouder_id, wet: b.wet, budgetten: 0, toegekend: 0, besteed: 0, betaald: 0, nog_te_betalen: 0, beschikbaar: 0 };
    t.budgetten++;
    t.toegekend += Number(b.toegekend);
    t.besteed += Number(b.besteed);
    t.betaald += Number(b.betaald);
    t.nog_te_betalen += Number(b.nog_te_betalen);
    t.beschikbaar += Number(b.beschikbaar);
    out.set(k, t);
  }
  return [...out.values()].sort((a, b) => a.budgethouder_id - b.budgethouder_id || (a.wet < b.wet ? -1 : a.wet > b.wet ? 1 : 0));
}

export interface OwnDeposits {
  budgethouder_id: number;
  wet: string;
  /** everything the holder deposited for this law */
  gestort: number;
  /** what is left of it */
  beschikbaar: number;
}

/** The own-deposit accounts of the holders in parameter $h (bigint[]), of the law in $w (text, or NULL for all): holder, law, deposited, left. */
const OWN_DEPOSITS = (h: number, w: number) => `
  SELECT split_part(r.sleutel, ':', 1)::bigint AS budgethouder_id, split_part(r.sleutel, ':', 2) AS wet,
         COALESCE((SELECT -sum(bo.bedrag) FROM boekingen bo JOIN journaalposten j ON j.id = bo.journaalpost_id
                    WHERE bo.rekening_id = r.id AND j.soort = 'storting_budgethouder'), 0)::bigint AS gestort,
         (-r.saldo) AS beschikbaar
    FROM rekeningen r
   WHERE r.soort = 'eigen_bijdrage'
     AND split_part(r.sleutel, ':', 1)::bigint = ANY($${h}::bigint[])
     AND ($${w}::text IS NULL OR split_part(r.sleutel, ':', 2) = $${w})`;

/** A holder's own deposits (*vrijwillige storting*) per law: deposited and left. */
export async function ownDeposits(db: Queryable, holderIds: number[], wet?: string | null): Promise<OwnDeposits[]> {
  const r = await db.query<OwnDeposits>(
    `${OWN_DEPOSITS(1, 2)}
      ORDER BY 1, 2`,
    [holderIds, wet ?? null],
    { prepare: 'budgetten.ownDeposits' },
  );
  return r.rows;
}

/**
 * A page of budgets (as listBudgets) and the own deposits of `holderIds` (as ownDeposits) in one
 * statement: the budget overview of a holder needs both, and one round trip to the database
 * instead of two is what a request costs most (docs/performance.md, item 5). The two parts are one
 * UNION ALL of rows of the same shape, told apart by `deel`; each part keeps its own order.
 */
export async function listBudgetsWithDeposits(
  db: Queryable,
  scope: Scope,
  f: BudgetFilters & { limit?: number; offset?: number },
  holderIds: number[],
): Promise<{ budgets: BudgetView[]; deposits: OwnDeposits[] }> {
  const w = where(budgetFilter(scope, 1), f);
  const n = w.params.length;
  const r = await db.query<BudgetView & { deel: number; gestort: number | null }>(
    `SELECT * FROM (
       (SELECT 1 AS deel, x.*, NULL::bigint AS gestort FROM (${BUDGET_SELECT}
          WHERE ${w.sql}
          ORDER BY h.clientnummer, b.wet, b.ingangsdatum, b.budget_id
          LIMIT $${n + 1} OFFSET $${n + 2}) x)
       UNION ALL
       (SELECT 2, NULL::text, NULL::text, NULL::text, o.budgethouder_id, NULL::bigint, NULL::text, NULL::text,
               o.wet, NULL::date, NULL::date, NULL::text, NULL::bigint, NULL::bigint, NULL::bigint, NULL::bigint,
               o.beschikbaar, o.gestort
          FROM (${OWN_DEPOSITS(n + 3, n + 4)}) o)
     ) u
     ORDER BY u.deel, u.clientnummer, u.budgethouder_id, u.wet, u.ingangsdatum, u.budget_id`,
    [...w.params, f.limit ?? null, f.offset ?? 0, holderIds, f.wet ?? null],
    { prepare: `budgetten.listBudgetsWithDeposits.${scope.kind}` },
  );
  const budgets: BudgetView[] = [];
  const deposits: OwnDeposits[] = [];
  for (const { deel, gestort, ...row } of r.rows) {
    if (deel === 1) budgets.push(row);
    else deposits.push({ budgethouder_id: row.budgethouder_id, wet: row.wet, gestort: gestort ?? 0, beschikbaar: row.beschikbaar });
  }
  return { budgets, deposits };
}

/** Spent per budget per month of care (the date of the claim line): budget id → `YYYY-MM` → cents. */
export async function spentPerMonth(db: Queryable, budgetIds: string[]): Promise<Map<string, Record<string, number>>> {
  const r = await db.query<{ budget_id: string; maand: string; bedrag: number }>(
    `SELECT dl.budget_id, to_char(dr.datum, 'YYYY-MM') AS maand, sum(dl.bedrag)::bigint AS bedrag
       FROM declaratie_lasten dl
       JOIN declaratieregels dr ON dr.declaratie_id = dl.declaratie_id AND dr.regelnr = dl.regelnr
      WHERE dl.budget_id = ANY($1::text[])
      GROUP BY 1, 2`,
    [budgetIds],
  );
  const out = new Map<string, Record<string, number>>();
  for (const x of r.rows) {
    const m = out.get(x.budget_id) ?? {};
    m[x.maand] = x.bedrag;
    out.set(x.budget_id, m);
  }
  return out;
}
