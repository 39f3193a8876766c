/**
 * Fallback allocations (*terugvaltoekenningen*): when a funder is late with its allocations, the
 * provisional (ambtshalve) allocations are extended in bulk so that holders keep being paid. Pure
 * rules: which provisional allocation may be extended, and for how much. The exceptions are those
 * of seed 001 §1.1.3 (SVB weekly report, April 2015): not extended when the holder died, the BSN
 * or birth date is missing, a later allocation for the law is already there, the holder made a
 * voluntary deposit, or the allocation's amount or dates differ from the provisional one.
 */
import { divRound } from '../../../kernel/money.ts';
import { toEpochDay, type PlainDate } from '../../../kernel/dates.ts';
import type { Wet } from '../../../kernel/wet.ts';

export const EXCEPTIONS = {
  OVERLEDEN: 'de budgethouder is overleden',
  BSN_ONTBREEKT: 'het BSN van de budgethouder ontbreekt',
  GEBOORTEDATUM_ONTBREEKT: 'de geboortedatum van de budgethouder ontbreekt',
  LATERE_TOEKENNING: 'er is al een latere toekenning voor deze wet',
  STORTING: 'de budgethouder heeft een vrijwillige storting gedaan',
  AFWIJKEND: 'het bedrag of de data wijken af van de voorlopige toekenning',
} as const;
export type ExceptionCode = keyof typeof EXCEPTIONS;

export interface Version {
  toekenningId: string;
  ingangsdatum: PlainDate;
  einddatum: PlainDate;
  bedrag: number;
}

export interface FallbackFacts {
  budgetId: string;
  verstrekker: string;
  wet: Wet;
  holderId: number;
  bsn: string | null;
  geboortedatum: PlainDate | null;
  overlijdensdatum: PlainDate | null;
  /** the version marked provisional (the last marked one) */
  provisional: Version;
  /** the budget's latest version */
  latest: Version;
  /** another allocation of this holder and law that ends after the latest version and starts by the new end date */
  laterAllocation: string | null;
  /** voluntary deposits made for this law */
  deposits: number;
}

export type FallbackDecision =
  | { budgetId: string; extend: true; toekenningId: string; vervangt: string; ingangsdatum: PlainDate; einddatum: PlainDate; bedrag: number; was: Version }
  | { budgetId: string; extend: false; codes: ExceptionCode[]; reden: string };

/** `TV-<budget>-<new end>`: the same extension asked twice is the same version. */
export const extensionId = (budgetId: string, until: PlainDate): string => `TV-${budgetId}-${until}`;

const days = (from: PlainDate, to: PlainDate) => toEpochDay(to) - toEpochDay(from) + 1;

/**
 * The provisional amount for the longer period, pro rata by calendar days (half away from zero):
 * € 3,000 for 1 January–31 March 2015 (90 days) extended to 30 June (181 days) is € 6,033.33.
 */
export function extendedAmount(provisional: Version, until: PlainDate): number {
  return divRound(provisional.bedrag * days(provisional.ingangsdatum, until), days(provisional.ingangsdatum, provisional.einddatum));
}

/** Extend, or every reason why not (all of them, so that a person can fix them at once). */
export function fallbackDecision(f: FallbackFacts, until: PlainDate): FallbackDecision {
  const codes: ExceptionCode[] = [];
  if (f.overlijdensdatum !== null) codes.push('OVERLEDEN');
  if (!f.bsn) codes.push('BSN_ONTBREEKT');
  if (!f.geboortedatum) codes.push('GEBOORTEDATUM_ONTBREEKT');
  if (f.laterAllocation !== null) codes.push('LATERE_TOEKENNING');
  if (f.deposits > 0) codes.push('STORTING');
  const p = f.provisional;
  const l = f.latest;
  if (l.bedrag !== p.bedrag || l.ingangsdatum !== p.ingangsdatum || l.einddatum !== p.einddatum) codes.push('AFWIJKEND');
  if (codes.length > 0) {
    const details: Record<ExceptionCode, string> = {
      ...EXCEPTIONS,
      OVERLEDEN: `${EXCEPTIONS.OVERLEDEN} (${f.overlijdensdatum})`,
      LATERE_TOEKENNING: `${EXCEPTIONS.LATERE_TOEKENNING} (${f.laterAllocation})`,
      AFWIJKEND: `${EXCEPTIONS.AFWIJKEND} (nu ${l.ingangsdatum} t/m ${l.einddatum}, ${l.bedrag} cent; voorlopig ${p.ingangsdatum} t/m ${p.einddatum}, ${p.bedrag} cent)`,
    };
    return { budgetId: f.budgetId, extend: false, codes, reden: codes.map((c) => details[c]).join('; ') };
  }
  return {
    budgetId: f.budgetId,
    extend: true,
    toekenningId: extensionId(f.budgetId, until),
    vervangt: l.toekenningId,
    ingangsdatum: l.ingangsdatum,
    einddatum: until,
    bedrag: extendedAmount(p, until),
    was: l,
  };
}
