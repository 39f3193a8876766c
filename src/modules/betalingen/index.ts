export { runPayments, paymentRunFile, writeFileAtomic, type PaymentRunResult } from './use-cases/run-payments.ts';
export { remittanceText, planTransfers } from './core/run.ts';
export { listRuns } from './repo.ts';
