export * from './core/entries.ts';
export { accountIds, postEntries, balances } from './repo.ts';
export { runLedgerCheck, type CheckReport } from './use-cases/check-ledger.ts';
