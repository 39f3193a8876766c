/**
 * The year end (issue #8) as pure rules: when a year may be closed, the closing figures of one
 * allocation (*budgetafsluiting*), the settlement statement per funder, and whose leftover own
 * deposits go back to the holder.
 */
import { addDays, type PlainDate } from '../../../kernel/dates.ts';
import type { Wet } from '../../../kernel/wet.ts';

/**
 * A year Y can be closed from the day after the claim deadline (1 April of Y+1,
 * declaraties/core/check.ts `claimDeadline`): until then claims for Y may still arrive.
 */
export function earliestClosing(jaar: number): PlainDate {
  return addDays(`${jaar + 1}-04-01` as PlainDate, 1);
}

export interface BudgetFacts {
  budgetId: string;
  verstrekker: string;
  holderId: number;
  wet: Wet;
  ingangsdatum: PlainDate;
  einddatum: PlainDate;
  toegekend: number;
  /** charged by claims (and payroll premiums) */
  besteedDeclaraties: number;
  besteedEigenBedragen: number;
  /** what is left on the budget's account */
  beschikbaar: number;
  /** own deposits that paid claims of this holder and law dated in the budget's period (for the statement) */
  uitStortingen: number;
  openDeclaraties: number;
}

export interface ClosingFigures extends BudgetFacts {
  jaar: number;
  terugNaarVerstrekker: number;
}

/** The closing figures; throws when granted ≠ spent + left (the ledger would be inconsistent). */
export function closingFigures(jaar: number, f: BudgetFacts): ClosingFigures {
  const terug = f.toegekend - f.besteedDeclaraties - f.besteedEigenBedragen;
  if (terug !== f.beschikbaar || terug < 0) {
    throw new Error(`budget ${f.budgetId}: toegekend ${f.toegekend} − besteed ${f.besteedDeclaraties} − eigen bedragen ${f.besteedEigenBedragen} = ${terug}, maar beschikbaar is ${f.beschikbaar}`);
  }
  return { ...f, jaar, terugNaarVerstrekker: terug };
}

export interface SettlementLine {
  verstrekker: string;
  wet: Wet;
  budgetten: number;
  toegekend: number;
  besteedDeclaraties: number;
  besteedEigenBedragen: number;
  terugNaarVerstrekker: number;
  openDeclaraties: number;
}

/** Per funder and law: what it funded, what was spent (claims, own amounts) and what goes back. */
export function settlement(rows: readonly ClosingFigures[]): SettlementLine[] {
  const by = new Map<string, SettlementLine>();
  for (const r of rows) {
    const key = `${r.verstrekker}|${r.wet}`;
    const s = by.get(key) ?? { verstrekker: r.verstrekker, wet: r.wet, budgetten: 0, toegekend: 0, besteedDeclaraties: 0, besteedEigenBedragen: 0, terugNaarVerstrekker: 0, openDeclaraties: 0 };
    s.budgetten++;
    s.toegekend += r.toegekend;
    s.besteedDeclaraties += r.besteedDeclaraties;
    s.besteedEigenBedragen += r.besteedEigenBedragen;
    s.terugNaarVerstrekker += r.terugNaarVerstrekker;
    s.openDeclaraties += r.openDeclaraties;
    by.set(key, s);
  }
  return [...by.values()].sort((a, b) => (a.verstrekker !== b.verstrekker ? (a.verstrekker < b.verstrekker ? -1 : 1) : a.wet < b.wet ? -1 : a.wet > b.wet ? 1 : 0));
}

export interface DepositFacts {
  holderId: number;
  wet: Wet;
  /** what is left of the holder's own deposits for the law */
  left: number;
  /** a budget of this holder and law that runs after the year: the deposits stay for it */
  laterBudget: boolean;
  /** parked claims of this holder for this law: they may still need the deposits */
  parkedClaims: number;
}

export type DepositDecision = { holderId: number; wet: Wet; return: number } | { holderId: number; wet: Wet; keep: string };

/** Leftover deposits go back to the holder when nothing of the law continues and nothing waits for them. */
export function depositDecision(f: DepositFacts): DepositDecision | undefined {
  if (f.left <= 0) return undefined;
  if (f.laterBudget) return { holderId: f.holderId, wet: f.wet, keep: 'er loopt een latere toekenning voor deze wet; de stortingen blijven daarvoor beschikbaar' };
  if (f.parkedClaims > 0) return { holderId: f.holderId, wet: f.wet, keep: `${f.parkedClaims} geparkeerde declaratie(s) wachten nog; de stortingen blijven staan` };
  return { holderId: f.holderId, wet: f.wet, return: f.left };
}
