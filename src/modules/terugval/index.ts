export { EXCEPTIONS, extendedAmount, extensionId, fallbackDecision, type ExceptionCode, type FallbackDecision, type FallbackFacts } from './core/fallback.ts';
export { extendFallback, markProvisional, type FallbackResult } from './use-cases/fallback.ts';
