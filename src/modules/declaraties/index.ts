export { declaratiesImport } from './imports.ts';
export { checkClaims as recheckParkedClaims, type CheckClaimsOptions } from './use-cases/check-claims.ts';
export { receiveClaims, inMemory, type ClaimBatches } from './use-cases/receive-claims.ts';
export { lockHolders, insertClaims, insertEvents, copyEvents, type TraceEvent } from './repo.ts';
export { REASONS, NEXT_STEP, type ReasonCode, type ClaimStatus } from './core/reasons.ts';
export { checkClaim, type Claim, type ClaimLine, type CheckContext, type Outcome } from './core/check.ts';
export type { ClaimDraft } from './core/csv.ts';
export { traceClaim, type ClaimTrace } from './use-cases/trace-claim.ts';
