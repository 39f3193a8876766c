/**
 * Budgets and budget holders over HTTP. A holder (or representative) sees their own holders'
 * budgets and own deposits; a funder sees only its own allocations and the holders it funds; the
 * back office and the auditor see everything. BSNs are masked for everyone; the back office asks for a
 * whole one with a reason (POST /api/budgethouders/:id/bsn-inzage, audited).
 */
import { z } from 'zod';
import { defineRoute, notFound, type Principal, type RouteSpec } from '../../../server/route.ts';
import { scopeOf, type Scope } from '../../../server/scope.ts';
import type { Queryable } from '../../../db/connection.ts';
import { WETTEN } from '../../../kernel/wet.ts';
import { maskBsn } from '../../../kernel/identifiers.ts';
import { withEuros } from '../../../kernel/money.ts';
import { dateInNetherlands, type PlainDate, parseDate } from '../../../kernel/dates.ts';
import { searchHolders, visibleHolder, type HolderView } from '../../partijen/index.ts';
import { depletion } from '../core/depletion.ts';
import { budgetTotals, lawTotalsOf, listBudgets, listBudgetsWithDeposits, ownDeposits, spentPerMonth, type BudgetFilters, type BudgetView, type LawTotals, type OwnDeposits } from '../queries.ts';

const MONEY = ['toegekend', 'besteed', 'betaald', 'nog_te_betalen', 'beschikbaar'] as const;

/** Masked for everyone, the back office too: the whole number through POST /api/budgethouders/:id/bsn-inzage (audited). */
function bsnFor(_p: Principal | null, bsn: string): string {
  return maskBsn(bsn);
}

export function budgetJson(b: BudgetView, p: Principal | null) {
  return withEuros({ ...b, bsn: bsnFor(p, b.bsn) }, MONEY);
}

/** A funder sees only itself among a holder's funders (another funder's relation is not its business). */
function holderJson(h: HolderView, p: Principal | null) {
  const scope = scopeOf(p);
  return { ...h, bsn: bsnFor(p, h.bsn), verstrekkers: scope.kind === 'verstrekker' ? h.verstrekkers.filter((v) => v === scope.code) : h.verstrekkers };
}

/** 404 unless the caller may see this holder. */
async function requireHolder(db: Queryable, scope: Scope, id: number): Promise<HolderView> {
  const h = await visibleHolder(db, scope, id);
  if (!h) notFound(`budgethouder ${id} niet gevonden`);
  return h;
}

/**
 * Whose own deposits the overview shows when that is known before the budgets are read (a holder
 * named in the filter, or the holders a holder's scope acts for); undefined when it follows from
 * the budgets (the back office and the auditor without a filter), or when the scope has no
 * business with deposits (a funder, a provider).
 */
function depositHolders(scope: Scope, f: BudgetFilters): number[] | undefined {
  if (scope.kind === 'verstrekker' || scope.kind === 'zorgverlener') return undefined;
  if (f.budgethouderId != null) return [f.budgethouderId];
  return scope.kind === 'budgethouders' ? scope.ids : undefined;
}

/**
 * Per holder and law: the budgets' totals and (for everyone but a funder, who has no business
 * with them) the holder's own deposits for that law.
 */
async function perLaw(db: Queryable, scope: Scope, f: BudgetFilters, all?: readonly BudgetView[], knownDeposits?: OwnDeposits[]) {
  const totals = all ? lawTotalsOf(all) : await budgetTotals(db, scope, f);
  let deposits: OwnDeposits[] = [];
  if (scope.kind !== 'verstrekker' && scope.kind !== 'zorgverlener') {
    deposits = knownDeposits ?? (await ownDeposits(db, depositHolders(scope, f) ?? [...new Set(totals.map((t) => t.budgethouder_id))], f.wet ?? null));
  }
  const key = (h: number, w: string) => `${h}:${w}`;
  const byKey = new Map<string, { budgethouder_id: number; wet: string; totals: LawTotals | null; deposits: OwnDeposits | null }>();
  for (const t of totals) byKey.set(key(t.budgethouder_id, t.wet), { budgethouder_id: t.budgethouder_id, wet: t.wet, totals: t, deposits: null });
  for (const d of deposits) {
    const k = key(d.budgethouder_id, d.wet);
    const e = byKey.get(k) ?? { budgethouder_id: d.budgethouder_id, wet: d.wet, totals: null, deposits: null };
    e.deposits = d;
    byKey.set(k, e);
  }
  const zero = { budgetten: 0, toegekend: 0, besteed: 0, betaald: 0, nog_te_betalen: 0, beschikbaar: 0 };
  return [...byKey.values()]
    .sort((a, b) => a.budgethouder_id - b.budgethouder_id || a.wet.localeCompare(b.wet))
    .map((e) => {
      const t = e.totals ?? { ...zero, budgethouder_id: e.budgethouder_id, wet: e.wet };
      const row = withEuros({ budgethouder_id: e.budgethouder_id, wet: e.wet, budgetten: t.budgetten, toegekend: t.toegekend, besteed: t.besteed, betaald: t.betaald, nog_te_betalen: t.nog_te_betalen, beschikbaar: t.beschikbaar }, MONEY);
      if (scope.kind === 'verstrekker') return row;
      const d = e.deposits;
      return { ...row, eigen_bijdrage: withEuros({ gestort: d?.gestort ?? 0, beschikbaar: d?.beschikbaar ?? 0 }, ['gestort', 'beschikbaar']) };
    });
}

const BUDGET_READERS = ['budgethouder', 'vertegenwoordiger', 'verstrekker', 'verstrekker_systeem', 'backoffice', 'auditor'] as const;

export const budgettenRoutes: RouteSpec<any, any, any>[] = [
  defineRoute({
    method: 'GET',
    url: '/api/budgetten',
    summary: 'Budgetten per wet met toegekend, besteed, betaald, nog te betalen en beschikbaar, en de eigen stortingen van de budgethouder',
    tags: ['budgetten'],
    access: { roles: BUDGET_READERS },
    query: z.object({
      budgethouder_id: z.coerce.number().int().positive().optional(),
      wet: z.enum(WETTEN).optional(),
      peildatum: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'een datum JJJJ-MM-DD').refine((v) => parseDate(v) !== undefined, 'geen bestaande datum (JJJJ-MM-DD)').optional().describe('alleen budgetten waarvan de looptijd deze datum dekt'),
      limit: z.coerce.number().int().min(1).max(1000).default(200),
      offset: z.coerce.number().int().min(0).default(0),
    }),
    handler: async ({ db, principal, query }) => {
      const scope = scopeOf(principal);
      if (query.budgethouder_id !== undefined) await requireHolder(db, scope, query.budgethouder_id);
      const f: BudgetFilters = { budgethouderId: query.budgethouder_id ?? null, wet: query.wet ?? null, peildatum: query.peildatum ?? null };
      const page = { ...f, limit: query.limit, offset: query.offset };
      // the holders' own deposits in the same statement as the budgets when we know whose they are
      const holders = depositHolders(scope, f);
      const { budgets: items, deposits } = holders ? await listBudgetsWithDeposits(db, scope, page, holders) : { budgets: await listBudgets(db, scope, page), deposits: undefined };
      // a first page that is not full holds every budget of the filter: its totals need no second query
      const complete = query.offset === 0 && items.length < query.limit ? items : undefined;
      return { body: { items: items.map((b) => budgetJson(b, principal)), per_wet: await perLaw(db, scope, f, complete, deposits) } };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/budgethouders',
    summary: 'Budgethouders zoeken op BSN (exact) of naam (begin): een verstrekker vindt alleen wie het een budget toekende',
    tags: ['budgetten'],
    access: { roles: ['verstrekker', 'verstrekker_systeem', 'backoffice', 'auditor'] },
    query: z.object({
      bsn: z.string().regex(/^\d{9}$/, 'een BSN van negen cijfers').optional(),
      naam: z.string().trim().min(1).max(70).optional(),
      limit: z.coerce.number().int().min(1).max(500).default(50),
      offset: z.coerce.number().int().min(0).default(0),
    }),
    handler: async ({ db, principal, query }) => {
      const items = await searchHolders(db, scopeOf(principal), { bsn: query.bsn ?? null, naam: query.naam ?? null, limit: query.limit, offset: query.offset });
      return { body: { items: items.map((h) => holderJson(h, principal)) } };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/budgethouders/:id',
    summary: 'Eén budgethouder met de budgetten die de aanvrager mag zien, de uitputting per zorgmaand en de verwachte uitputtingsdatum',
    tags: ['budgetten'],
    access: { roles: BUDGET_READERS },
    params: z.object({ id: z.coerce.number().int().positive() }),
    handler: async ({ db, principal, params, now }) => {
      const scope = scopeOf(principal);
      const holder = await requireHolder(db, scope, params.id);
      const budgets = await listBudgets(db, scope, { budgethouderId: holder.id });
      const spent = await spentPerMonth(db, budgets.map((b) => b.budget_id));
      const vandaag = dateInNetherlands(now);
      return {
        body: {
          ...holderJson(holder, principal),
          budgetten: budgets.map((b) => {
            const d = depletion({
              ingangsdatum: b.ingangsdatum as PlainDate,
              einddatum: b.einddatum as PlainDate,
              toegekend: b.toegekend,
              besteedPerMaand: spent.get(b.budget_id) ?? {},
              vandaag,
            });
            return {
              ...budgetJson(b, principal),
              uitputting: {
                ...withEuros({ besteed: d.besteed, resterend: d.resterend, tempo_per_maand: d.tempo_per_maand }, ['besteed', 'resterend', 'tempo_per_maand']),
                percentage_besteed: d.percentage_besteed,
                verwachte_uitputting: d.verwachte_uitputting,
                uitgeput: d.uitgeput,
                toereikend: d.toereikend,
                maanden: d.maanden.map((m) => withEuros(m, ['besteed', 'cumulatief', 'resterend'])),
              },
            };
          }),
          per_wet: await perLaw(db, scope, { budgethouderId: holder.id }),
        },
      };
    },
  }),
];
