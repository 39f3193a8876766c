export { toekenningenImport } from './imports.ts';
export { submitAllocations, withdrawAllocation, type AllocationObject, type WithdrawalResult } from './use-cases/submit-allocations.ts';
export { listAllocations, chainOf, type AllocationView } from './queries.ts';
