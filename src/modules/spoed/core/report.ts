/**
 * The report `spoedbetalingen` as pure data: per cause (seed 000 table 6, every cause even when
 * none occurred) and in total, how many urgent payments were paid, their amount, how many
 * different holders, the mean lead time from request to payment in hours (one decimal), and the
 * share paid within 24, 36, 48, 60 and 72 hours (whole percent, rounded half up; inclusive).
 */
import { SPOED_OORZAKEN } from './causes.ts';
import { leadTimeStats, LEAD_TIME_THRESHOLDS_HOURS } from './lead-time.ts';

export interface UrgentFact {
  oorzaak: string;
  bedrag: number;
  budgethouderId: number;
  aangevraagd: Date;
  betaald: Date;
}

export interface UrgentReportRow {
  oorzaak: string;
  omschrijving: string;
  aantal: number;
  bedrag: number;
  budgethouders: number;
  /** mean lead time in hours, one decimal (half up); null without payments */
  gemiddeld_uren: number | null;
  binnen_24: number | null;
  binnen_36: number | null;
  binnen_48: number | null;
  binnen_60: number | null;
  binnen_72: number | null;
  [key: string]: string | number | null;
}

/** Whole percent of part in whole, rounded half up, in integers; null when whole is 0. */
function wholePercent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.floor((200 * part + whole) / (2 * whole));
}

function row(oorzaak: string, omschrijving: string, facts: readonly UrgentFact[]): UrgentReportRow {
  const s = leadTimeStats(facts.map((f) => ({ aangevraagd: f.aangevraagd, betaald: f.betaald })));
  const r: UrgentReportRow = {
    oorzaak,
    omschrijving,
    aantal: s.aantal,
    bedrag: facts.reduce((t, f) => t + f.bedrag, 0),
    budgethouders: new Set(facts.map((f) => f.budgethouderId)).size,
    // minutes / 6 = tenths of an hour, rounded half up
    gemiddeld_uren: s.gemiddeldMinuten === null ? null : Math.floor(s.gemiddeldMinuten / 6 + 0.5) / 10,
    binnen_24: null, binnen_36: null, binnen_48: null, binnen_60: null, binnen_72: null,
  };
  for (const b of s.binnen) r[`binnen_${b.uren}`] = wholePercent(b.aantal, s.aantal);
  return r;
}

export function urgentPaymentsReport(facts: readonly UrgentFact[]): UrgentReportRow[] {
  const rows = Object.entries(SPOED_OORZAKEN).map(([code, text]) => row(code, text, facts.filter((f) => f.oorzaak === code)));
  rows.push(row('totaal', 'Totaal', facts));
  return rows;
}

export const URGENT_THRESHOLDS = LEAD_TIME_THRESHOLDS_HOURS;
