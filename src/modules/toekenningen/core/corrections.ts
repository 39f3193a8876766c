/**
 * How allocations become budgets. A first allocation opens a budget (its own id is the budget's
 * id). A correction (`vervangt`) replaces the latest version of a budget's chain: the budget takes
 * the new amount and period, and the difference is booked. A withdrawal is a correction to 0.00.
 * A correction may never take a budget below what was already spent from it. Only the funder of
 * an allocation can correct it; for any other funder it is unknown.
 */
import type { PlainDate } from '../../../kernel/dates.ts';
import { formatEuros } from '../../../kernel/money.ts';
import type { ToekenningRow } from './csv.ts';

export interface BudgetState {
  budgetId: string;
  verstrekker: string;
  holderId: number;
  wet: string;
  ingangsdatum: PlainDate;
  einddatum: PlainDate;
  toegekend: number;
  /** What is left (the credit balance of its account, as a positive number). */
  beschikbaar: number;
  laatsteVersie: string;
  /** The first and last date of the claim lines already paid from it, if any. */
  besteedVan: PlainDate | null;
  besteedTot: PlainDate | null;
}

export type AllocationStep =
  | { kind: 'nieuw'; budget: BudgetState; amount: number }
  | { kind: 'correctie'; budget: BudgetState; difference: number };

/**
 * Applies one allocation row to the known budgets (mutating `budgets`): returns the step to book,
 * or a Dutch problem for the column at fault.
 */
export function applyAllocation(
  row: ToekenningRow,
  holderId: number,
  budgets: Map<string, BudgetState>,
  versionToBudget: Map<string, string>,
): AllocationStep | { column: string; message: string } {
  if (row.vervangt === null) {
    const budget: BudgetState = {
      budgetId: row.toekenning_id,
      verstrekker: row.verstrekker,
      holderId,
      wet: row.wet,
      ingangsdatum: row.ingangsdatum,
      einddatum: row.einddatum,
      toegekend: row.bedrag,
      beschikbaar: row.bedrag,
      laatsteVersie: row.toekenning_id,
      besteedVan: null,
      besteedTot: null,
    };
    budgets.set(budget.budgetId, budget);
    versionToBudget.set(row.toekenning_id, budget.budgetId);
    return { kind: 'nieuw', budget, amount: row.bedrag };
  }
  const budgetId = versionToBudget.get(row.vervangt);
  const budget = budgetId === undefined ? undefined : budgets.get(budgetId);
  // Another funder's allocation is answered exactly like a missing one: a funder may not learn
  // that an allocation of someone else exists (nor which funder or version it has).
  if (!budget || budget.verstrekker !== row.verstrekker) return { column: 'vervangt', message: `toekenning '${row.vervangt}' is onbekend` };
  if (budget.laatsteVersie !== row.vervangt) {
    return { column: 'vervangt', message: `toekenning '${row.vervangt}' is al vervangen door '${budget.laatsteVersie}'; corrigeer de laatste versie` };
  }
  if (budget.holderId !== holderId) return { column: 'bsn', message: 'de vervangen toekenning is van een andere budgethouder' };
  if (budget.wet !== row.wet) return { column: 'wet', message: `de vervangen toekenning is voor wet ${budget.wet}; een andere wet is een nieuwe toekenning` };
  const spent = budget.toegekend - budget.beschikbaar;
  if (row.bedrag < spent) {
    return {
      column: 'bedrag',
      message: `${formatEuros(row.bedrag)} is minder dan wat al uit deze toekenning is betaald (${formatEuros(spent)}); een terugvordering loopt apart`,
    };
  }
  if (budget.besteedVan && (budget.besteedVan < row.ingangsdatum || (budget.besteedTot !== null && budget.besteedTot > row.einddatum))) {
    return {
      column: budget.besteedVan < row.ingangsdatum ? 'ingangsdatum' : 'einddatum',
      message: `er is al zorg van ${budget.besteedVan} t/m ${budget.besteedTot} uit deze toekenning betaald; de nieuwe looptijd moet die dekken`,
    };
  }
  const difference = row.bedrag - budget.toegekend;
  budget.toegekend = row.bedrag;
  budget.beschikbaar += difference;
  budget.ingangsdatum = row.ingangsdatum;
  budget.einddatum = row.einddatum;
  budget.laatsteVersie = row.toekenning_id;
  versionToBudget.set(row.toekenning_id, budget.budgetId);
  return { kind: 'correctie', budget, difference };
}
