export { SPOED_OORZAKEN, SPOED_KANALEN, isSpoedOorzaak, isSpoedKanaal, type SpoedOorzaak, type SpoedKanaal } from './core/causes.ts';
export { leadTimeStats, LEAD_TIME_THRESHOLDS_HOURS, type LeadTimeStats } from './core/lead-time.ts';
export { recordUrgentRequest, type UrgentRequestInput } from './use-cases/record-request.ts';
export { approveUrgentRequest, rejectUrgentRequest } from './use-cases/review-request.ts';
export { runUrgentPayments, urgentRemittance, type UrgentRunResult } from './use-cases/run-urgent.ts';
export { matchAdvances, resolveMatch, openAdvanceList, matchingQueue, type OpenAdvance } from './use-cases/match-advances.ts';
export { listRequests, requestById, reopenUrgentRequests, unsettledUrgentPayments, type UrgentRequestRow, type QueueRow } from './repo.ts';
export { traceUrgent, type UrgentTrace } from './use-cases/trace-urgent.ts';
export { urgentPaymentsReport, URGENT_THRESHOLDS, type UrgentFact, type UrgentReportRow } from './core/report.ts';
