export { computeSignals, type ComputeSignalsOptions, type ComputeSignalsResult } from './use-cases/compute-signals.ts';
export { listSignals, setAddress, type StoredSignal, type SignalFilter } from './repo.ts';
export { SIGNAL_KINDS, SIGNAL_NAMES, DEFAULT_RULES, evidenceForFunder, type Signal, type SignalKind, type MisuseRules } from './core/rules.ts';
