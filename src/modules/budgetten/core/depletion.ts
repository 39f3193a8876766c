/**
 * Budget depletion (*uitputting*): what was spent from a budget per month of care over its
 * allocation period, and when it runs out if spending goes on at the pace so far.
 *
 * The pace is the average spent per day from the start of the period up to today (or the end of
 * the period, when that has passed), counted by the date the care was given. Care of recent days is
 * often not yet claimed, so the pace tends to be on the low side early in a month; it is a signal,
 * not a promise. All amounts are whole cents; no floating point touches money.
 */
import { addDays, toEpochDay, type PlainDate } from '../../../kernel/dates.ts';
import { divRound } from '../../../kernel/money.ts';

export interface DepletionInput {
  ingangsdatum: PlainDate;
  einddatum: PlainDate;
  /** the allocated amount (cents) */
  toegekend: number;
  /** spent per month of care, `YYYY-MM` → cents */
  besteedPerMaand: Readonly<Record<string, number>>;
  /** today in the Netherlands */
  vandaag: PlainDate;
}

export interface DepletionMonth {
  maand: string;
  besteed: number;
  /** spent up to and including this month */
  cumulatief: number;
  /** what is left after this month */
  resterend: number;
}

export interface Depletion {
  /** every month of the allocation period, in order, also those with nothing spent */
  maanden: DepletionMonth[];
  besteed: number;
  resterend: number;
  /** the share spent, in whole percent of what was allocated (null when nothing was allocated) */
  percentage_besteed: number | null;
  /** the average spent per calendar month so far; null before the period starts */
  tempo_per_maand: number | null;
  /** the day the budget runs out at that pace, when that is within the period; otherwise null */
  verwachte_uitputting: PlainDate | null;
  /** nothing is left */
  uitgeput: boolean;
  /** at this pace something is left at the end of the period; null before the period starts */
  toereikend: boolean | null;
}

/** `YYYY-MM` of every month from the month of `from` to the month of `to`, both included. */
export function monthsBetween(from: PlainDate, to: PlainDate): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const endY = Number(to.slice(0, 4));
  const endM = Number(to.slice(5, 7));
  while (y < endY || (y === endY && m <= endM)) {
    out.push(`${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/** 365.25 / 12 days: an average calendar month, as the fraction 1461 / 48. */
const MONTH_NUM = 1461;
const MONTH_DEN = 48;

export function depletion(input: DepletionInput): Depletion {
  const { ingangsdatum, einddatum, toegekend, vandaag } = input;
  const spentByMonth = input.besteedPerMaand;
  const besteed = Object.values(spentByMonth).reduce((s, v) => s + v, 0);
  const resterend = toegekend - besteed;
  let cumulatief = 0;
  const maanden = monthsBetween(ingangsdatum, einddatum).map((maand) => {
    const b = spentByMonth[maand] ?? 0;
    cumulatief += b;
    return { maand, besteed: b, cumulatief, resterend: toegekend - cumulatief };
  });
  const uitgeput = resterend <= 0;
  const percentage_besteed = toegekend > 0 ? divRound(besteed * 100, toegekend) : null;
  if (vandaag < ingangsdatum) {
    return { maanden, besteed, resterend, percentage_besteed, tempo_per_maand: null, verwachte_uitputting: null, uitgeput, toereikend: null };
  }
  const peil = vandaag < einddatum ? vandaag : einddatum;
  const elapsedDays = toEpochDay(peil) - toEpochDay(ingangsdatum) + 1;
  const tempo_per_maand = divRound(besteed * MONTH_NUM, elapsedDays * MONTH_DEN);
  let verwachte_uitputting: PlainDate | null = null;
  if (!uitgeput && besteed > 0 && vandaag < einddatum) {
    // the days the rest lasts at `besteed / elapsedDays` a day, rounded up to a whole day
    const days = Math.ceil((resterend * elapsedDays) / besteed);
    // compared as day counts: a very slow pace gives a date far beyond any calendar we can write
    if (days <= toEpochDay(einddatum) - toEpochDay(peil)) verwachte_uitputting = addDays(peil, days);
  }
  return {
    maanden,
    besteed,
    resterend,
    percentage_besteed,
    tempo_per_maand,
    verwachte_uitputting,
    uitgeput,
    toereikend: !uitgeput && verwachte_uitputting === null,
  };
}
