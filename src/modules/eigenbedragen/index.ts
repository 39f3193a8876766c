export { yearlyAllowance, checkRequest, chargeBudgets, SOORT_NAMEN } from './core/rules.ts';
export { planHolderTransfers, type HolderTransfer } from './core/payments.ts';
export { heldOwnAmounts, insertHolderPayments, insertOwnAmount, reopenOwnAmounts, listOwnAmounts, ownAmountById, payableOwnAmounts, type OwnAmountRow, type PayableOwnAmount } from './repo.ts';
export { bookOwnAmount, holderPayable, requestOwnAmount, type OwnAmountRequest } from './use-cases/request-own-amount.ts';
export { traceOwnAmount, type OwnAmountTrace } from './use-cases/trace-own-amount.ts';
