export { closingFigures, depositDecision, earliestClosing, settlement, type BudgetFacts, type ClosingFigures, type SettlementLine } from './core/closing.ts';
export { closeYear, type YearEndResult } from './use-cases/close-year.ts';
export { yearEndTables } from './use-cases/statements.ts';
export { closingsOfYear } from './repo.ts';
