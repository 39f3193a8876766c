export { depletion, monthsBetween, type Depletion, type DepletionInput } from './core/depletion.ts';
export { budgetFilter, listBudgets, budgetTotals, ownDeposits, spentPerMonth, type BudgetView, type LawTotals, type OwnDeposits, type BudgetFilters } from './queries.ts';
