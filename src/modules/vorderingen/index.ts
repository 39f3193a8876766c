export {
  REDENEN, REDEN_NAMEN, planSetOff, setOffEntry, setOffRemittance, repaymentEntry, parseRepaymentReference, receivableAccount, toRecoverAccount, ageInDays,
  type Reden, type Debtor, type DebtorKind, type OpenRecoveryOf, type PlannedSetOff,
} from './core/recoveries.ts';
export { debtorOf, insertRepayments, insertSetOffs, listRecoveries, lockOpenRecoveries, lockRecoveries, recoveryById, undoSetOffs, type RecoveryFilter, type RecoveryRow } from './repo.ts';
export { createRecovery, establishRecovery, type RecoveryInput } from './use-cases/create-recovery.ts';
export { writeOffRecovery } from './use-cases/write-off.ts';
export { recoveriesWithAge, traceRecovery, type RecoveryTrace, type RecoveryWithAge } from './use-cases/list-recoveries.ts';
