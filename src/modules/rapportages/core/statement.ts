/**
 * The quarterly budget statement of one holder, as data: per law what was granted, what was spent
 * in each month of the quarter (from the budget and from the holder's own deposits), per provider,
 * the deposits in the quarter and what is left at the quarter's end. Pure; the PDF is drawn from
 * this by use-cases/budget-statement-pdf.ts.
 *
 * Spent counts by the date the care was given (the claim line's date), as the depletion does:
 * care of the quarter that is claimed later shows in a statement made later.
 */
import type { PlainDate } from '../../../kernel/dates.ts';

export interface StatementBudget {
  budget_id: string;
  wet: string;
  verstrekker: string;
  verstrekker_naam: string;
  ingangsdatum: PlainDate;
  einddatum: PlainDate;
  toegekend: number;
}

export interface StatementCharge {
  wet: string;
  bron: 'budget' | 'eigen_bijdrage';
  /** null for own deposits */
  budget_id: string | null;
  /** month of care `YYYY-MM` */
  maand: string;
  zorgverlener_id: string;
  zorgverlener: string;
  bedrag: number;
}

export interface StatementLaw {
  wet: string;
  verstrekkers: string[];
  budgetten: StatementBudget[];
  toegekend: number;
  /** from the budgets, care before the quarter */
  besteed_eerder: number;
  maanden: { maand: string; uit_budget: number; uit_eigen_storting: number }[];
  per_zorgverlener: { zorgverlener_id: string; zorgverlener: string; bedrag: number }[];
  /** spent in the quarter from the budgets */
  besteed_kwartaal: number;
  /** spent in the quarter from own deposits */
  eigen_storting_besteed: number;
  /** own deposits booked in the quarter */
  gestort: number;
  /** granted minus spent from the budgets up to the quarter's end */
  resterend: number;
}

export function composeStatement(input: {
  maanden: readonly string[];
  budgets: readonly StatementBudget[];
  charges: readonly StatementCharge[];
  deposits: readonly { wet: string; bedrag: number }[];
}): StatementLaw[] {
  const first = input.maanden[0]!;
  const last = input.maanden[input.maanden.length - 1]!;
  const laws = [...new Set([...input.budgets.map((b) => b.wet), ...input.charges.filter((c) => c.maand >= first && c.maand <= last).map((c) => c.wet), ...input.deposits.map((d) => d.wet)])].sort();
  return laws.map((wet) => {
    const budgets = input.budgets.filter((b) => b.wet === wet);
    const ids = new Set(budgets.map((b) => b.budget_id));
    // budget charges count only for the budgets of this statement; own deposits by law
    const charges = input.charges.filter((c) => c.wet === wet && (c.bron === 'eigen_bijdrage' || ids.has(c.budget_id ?? '')) && c.maand <= last);
    const inQuarter = charges.filter((c) => c.maand >= first);
    const sum = (list: readonly StatementCharge[]) => list.reduce((s, c) => s + c.bedrag, 0);
    const providers = new Map<string, { zorgverlener_id: string; zorgverlener: string; bedrag: number }>();
    for (const c of inQuarter) {
      const p = providers.get(c.zorgverlener_id) ?? { zorgverlener_id: c.zorgverlener_id, zorgverlener: c.zorgverlener, bedrag: 0 };
      p.bedrag += c.bedrag;
      providers.set(c.zorgverlener_id, p);
    }
    const toegekend = budgets.reduce((s, b) => s + b.toegekend, 0);
    const fromBudget = charges.filter((c) => c.bron === 'budget');
    return {
      wet,
      verstrekkers: [...new Set(budgets.map((b) => b.verstrekker_naam))],
      budgetten: budgets,
      toegekend,
      besteed_eerder: sum(fromBudget.filter((c) => c.maand < first)),
      maanden: input.maanden.map((maand) => ({
        maand,
        uit_budget: sum(inQuarter.filter((c) => c.maand === maand && c.bron === 'budget')),
        uit_eigen_storting: sum(inQuarter.filter((c) => c.maand === maand && c.bron === 'eigen_bijdrage')),
      })),
      per_zorgverlener: [...providers.values()].sort((a, b) => b.bedrag - a.bedrag || a.zorgverlener_id.localeCompare(b.zorgverlener_id)),
      besteed_kwartaal: sum(inQuarter.filter((c) => c.bron === 'budget')),
      eigen_storting_besteed: sum(inQuarter.filter((c) => c.bron === 'eigen_bijdrage')),
      gestort: input.deposits.filter((d) => d.wet === wet).reduce((s, d) => s + d.bedrag, 0),
      resterend: toegekend - sum(fromBudget),
    };
  });
}
