/**
 * The claims of a synthetic country, one care month at a time (so that a year's 1.5 million claims
 * never sit in memory together), each with the outcome the platform must give it when the month's
 * files are read in the order of `steps.ts`. Pure: no I/O.
 *
 * Per care month a fixed number of claims: care given in month m is claimed mostly in the first
 * five working days of month m+1 (the month-start peak of seed 000/001), the rest later that month.
 * Each claim is one to five lines (days of care) within what the agreement plans for the month.
 */
import { addDays, addWorkingDays, daysInMonth, toEpochDay, type PlainDate } from '../../../kernel/dates.ts';
import { divRound, formatEuros, formatQuantity, lineAmount, type Cents, type Quarters } from '../../../kernel/money.ts';
import type { Kanaal } from '../../../kernel/wet.ts';
import { syntheticBsn } from '../../../kernel/synthetic.ts';
import type { ReasonCode } from '../../declaraties/index.ts';
import { SHARES, type Agreement, type Country, type Holder } from './country.ts';
import { Rng } from './prng.ts';

export type Expected = 'goedgekeurd' | ReasonCode;

export interface GeneratedLine {
  datum: PlainDate;
  eenheden: string;
  tarief: string;
}

export interface GeneratedClaim {
  id: string;
  ontvangenOp: string;
  kanaal: Kanaal;
  bsn: string;
  zorgverlenerId: string;
  zorgovereenkomstId: string | null;
  omschrijving: string | null;
  lines: GeneratedLine[];
  /** The outcome when its month's files are read in order. */
  expected: Expected;
  /** internal: for ordering, the budget mirror and duplicates */
  at: number;
  seq: number;
  holder: Holder | null;
  amount: number;
  quarters: number[];
}

const CHANNELS: Kanaal[] = ['post', 'portaal', 'email', 'api'];
const CHANNEL_WEIGHTS = [0.6, 0.3, 0.07, 0.03];
const LINE_WEIGHTS = [0.2, 0.2, 0.2, 0.25, 0.15]; // 1..5 lines, 3 on average

function ymd(y: number, m: number, d: number): PlainDate {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` as PlainDate;
}

/** The last Sunday of a month (the days summer time starts and ends in the EU). */
function lastSunday(year: number, month: number): PlainDate {
  const last = daysInMonth(year, month);
  const wd = new Date(Date.UTC(year, month - 1, last)).getUTCDay();
  return ymd(year, month, last - wd);
}

/**
 * A Dutch local moment between 07:00 and 22:00 as ISO 8601 with its offset. Summer time runs from
 * the last Sunday of March to the last Sunday of October; at these hours the switch (02:00/03:00)
 * is past, so the date decides.
 */
export function dutchMoment(d: PlainDate, hour: number, minute: number, second: number): { text: string; at: number } {
  const y = Number(d.slice(0, 4));
  const summer = d >= lastSunday(y, 3) && d < lastSunday(y, 10);
  const offset = summer ? 2 : 1;
  const hh = String(hour).padStart(2, '0');
  const mi = String(minute).padStart(2, '0');
  const ss = String(second).padStart(2, '0');
  const at = toEpochDay(d) * 86_400_000 + ((hour - offset) * 3600 + minute * 60 + second) * 1000;
  return { text: `${d}T${hh}:${mi}:${ss}+0${offset}:00`, at };
}

export interface MonthStats {
  month: number;
  claims: number;
  lines: number;
  expected: Record<string, number>;
}

/** Generates the claims month by month; the budget mirror of the tight holders carries over. */
export class ClaimStream {
  private readonly country: Country;
  private readonly lateAllocation = new Map<Holder, number>();
  /** What is left of a tight holder's allocation, as the platform will compute it. */
  private readonly left = new Map<Holder, number>();

  constructor(country: Country) {
    this.country = country;
    for (const a of country.allocations) {
      if (a.arrivalMonth > 0) this.lateAllocation.set(a.holder, a.arrivalMonth);
      if (a.holder.defect === 'krap_budget') this.left.set(a.holder, (this.left.get(a.holder) ?? 0) + a.bedrag);
    }
  }

  /** The claims of care month `month` (1-based), sorted by receipt as the file lists them. */
  month(month: number): { claims: GeneratedClaim[]; stats: MonthStats } {
    const { options, claimsPerMonth } = this.country;
    const { year } = options;
    const rng = Rng.of(options.seed, `declaraties-${month}`);
    const f = options.defectFactor;
    const first = ymd(year, month, 1);
    const last = ymd(year, month, daysInMonth(year, month));
    const total = claimsPerMonth[month - 1] ?? 0;
    const dupCount = Math.round(total * SHARES.claim.DUBBELE_DECLARATIE * f);
    const normal = total - dupCount;

    const pool = this.country.agreements.filter(
      (a) =>
        a.eenheid !== 'maand' &&
        a.ingangsdatum <= last &&
        (a.einddatum === null || a.einddatum >= first) &&
        !(a.decision?.besluit === 'afgekeurd' && month >= a.decision.month),
    );
    const claims: GeneratedClaim[] = [];
    let seq = 0;
    const nextId = () => `DCL-${year}${String(month).padStart(2, '0')}-${String(++seq).padStart(7, '0')}`;
    if (pool.length > 0 && normal > 0) {
      const times = Math.floor(normal / pool.length);
      const extra = new Set(rng.sample(pool.length, normal % pool.length));
      // per-claim defects on clean holders: shares of all claims, so a little more of the clean ones
      const s = SHARES.claim;
      const perClaim = [s.ONGELDIG, s.ONBEKENDE_BUDGETHOUDER, s.BUITEN_LOOPTIJD, s.TARIEF_AFWIJKEND].map((x) => (x * f * total) / normal);
      for (let i = 0; i < pool.length; i++) {
        const k = times + (extra.has(i) ? 1 : 0);
        if (k > 0) this.agreementClaims(pool[i]!, k, month, first, last, rng, perClaim, nextId, claims);
      }
    }
    // duplicates: an earlier claim sent again (post and portal, or twice by post) a few days later
    const originals = claims.filter((c) => c.expected === 'goedgekeurd' && c.holder !== null && c.holder.defect === 'geen');
    for (let i = 0; i < dupCount && originals.length > 0; i++) {
      const o = rng.pick(originals);
      const day = addDays(o.ontvangenOp.slice(0, 10) as PlainDate, rng.int(1, 7));
      const m = dutchMoment(day, rng.int(7, 21), rng.int(0, 59), rng.int(0, 59));
      claims.push({ ...o, id: nextId(), ontvangenOp: m.text, at: m.at, seq: claims.length, kanaal: CHANNELS[rng.weighted(CHANNEL_WEIGHTS)]!, expected: 'DUBBELE_DECLARATIE' });
    }
    claims.sort((a, b) => a.at - b.at || a.seq - b.seq);
    // the budget rule for tight holders, in the order the platform checks them
    for (const c of claims) {
      if (c.holder === null || c.holder.defect !== 'krap_budget' || c.expected !== 'goedgekeurd') continue;
      const left = this.left.get(c.holder) ?? 0;
      if (c.amount <= left) this.left.set(c.holder, left - c.amount);
      else c.expected = 'BUDGET_ONTOEREIKEND';
    }
    const stats: MonthStats = { month, claims: claims.length, lines: 0, expected: {} };
    for (const c of claims) {
      stats.lines += c.lines.length;
      stats.expected[c.expected] = (stats.expected[c.expected] ?? 0) + 1;
    }
    return { claims, stats };
  }

  private agreementClaims(
    a: Agreement,
    k: number,
    month: number,
    first: PlainDate,
    last: PlainDate,
    rng: Rng,
    perClaim: number[],
    nextId: () => string,
    out: GeneratedClaim[],
  ): void {
    const from = a.ingangsdatum > first ? a.ingangsdatum : first;
    const to = a.einddatum !== null && a.einddatum < last ? a.einddatum : last;
    const span = toEpochDay(to) - toEpochDay(from) + 1;
    const step = a.eenheid === 'uur' ? 2 : 4;
    const maxPerLine = a.eenheid === 'uur' ? 48 : a.eenheid === 'dagdeel' ? 8 : 4;
    const budget = Math.max(step, Math.floor(a.planQuarters / k));
    const perClaimLines: number[] = [];
    for (let j = 0; j < k; j++) {
      let lines = 1 + rng.weighted(LINE_WEIGHTS);
      lines = Math.max(lines, Math.ceil(budget / maxPerLine));
      lines = Math.min(lines, Math.max(1, Math.floor(budget / step)), Math.max(1, Math.floor(span / k)));
      perClaimLines.push(lines);
    }
    const dayCount = Math.min(span, perClaimLines.reduce((s, x) => s + x, 0));
    const days = rng.sample(span, dayCount).map((d) => addDays(from, d));
    let used = 0;
    for (let j = 0; j < k && used < days.length; j++) {
      const lineDays = days.slice(used, used + perClaimLines[j]!);
      used += lineDays.length;
      const q = Math.min(maxPerLine, Math.max(step, Math.floor(budget / lineDays.length / step) * step));
      // receipt: mostly the first five working days after the month, else later in the next month
      const receiptDay = rng.chance(0.85) ? addWorkingDays(last, 1 + rng.weighted([0.3, 0.25, 0.2, 0.15, 0.1])) : addDays(last, rng.int(6, 25));
      const m = dutchMoment(receiptDay, rng.int(7, 21), rng.int(0, 59), rng.int(0, 59));
      const holder = a.holder;
      let bsn = holder.bsn;
      let rate = a.tarief as number;
      const quarters = lineDays.map(() => q);
      const dates = [...lineDays];
      let expected: Expected = this.entityOutcome(a, month);
      let claimHolder: Holder | null = holder;
      const eenheden: string[] = quarters.map((x) => formatQuantity(x));
      if (expected === 'goedgekeurd' && holder.defect === 'geen' && a.defect === 'geen') {
        const d = rng.float();
        let acc = 0;
        const pick = perClaim.findIndex((p) => (acc += p) > d);
        if (pick === 0) {
          expected = 'ONGELDIG';
          const variant = rng.int(0, 3);
          if (variant === 0) eenheden[0] = `${Math.floor(quarters[0]! / 4)}.1`; // off the 0.25 grid
          else if (variant === 1) {
            quarters[0] = 100; // 25 hours on one day
            eenheden[0] = '25';
          } else if (variant === 2) dates[dates.length - 1] = addDays(receiptDay, rng.int(1, 5)); // care after receipt
          else {
            quarters[0] = 0;
            eenheden[0] = '0';
          }
        } else if (pick === 1) {
          expected = 'ONBEKENDE_BUDGETHOUDER';
          bsn = syntheticBsn(9_000_000 + rng.int(0, 999_999));
          claimHolder = null;
        } else if (pick === 2) {
          // care before the agreement's start; when that care's claim deadline (1 April of the next
          // year) passed before receipt, the claim is too late before it is outside the term
          dates[0] = addDays(a.ingangsdatum, -rng.int(1, 28));
          expected = `${Number(dates[0].slice(0, 4)) + 1}-04-01` >= receiptDay ? 'BUITEN_LOOPTIJD' : 'INDIENTERMIJN_VERSTREKEN';
        } else if (pick === 3) {
          expected = 'TARIEF_AFWIJKEND';
          rate += 250;
        }
      }
      const order = dates.map((d, i) => ({ d, i })).sort((x, z) => (x.d < z.d ? -1 : x.d > z.d ? 1 : x.i - z.i));
      const tarief = formatEuros(rate);
      const lines = order.map(({ d, i }) => ({ datum: d, eenheden: eenheden[i]!, tarief }));
      let amount = 0;
      for (const { i } of order) amount += lineAmount(quarters[i]! as Quarters, rate as Cents);
      out.push({
        id: nextId(),
        ontvangenOp: m.text,
        at: m.at,
        seq: out.length,
        kanaal: CHANNELS[rng.weighted(CHANNEL_WEIGHTS)]!,
        bsn,
        zorgverlenerId: a.provider.id,
        zorgovereenkomstId: a.defect !== 'late_zok' && rng.chance(0.7) ? a.id : null,
        omschrijving: rng.chance(0.8) ? a.description : null,
        lines,
        expected,
        holder: claimHolder,
        amount,
        quarters: order.map(({ i }) => quarters[i]!),
      });
    }
  }

  /** What the holder's or agreement's own defect makes of a claim in this month, before the claim's own. */
  private entityOutcome(a: Agreement, month: number): Expected {
    if (a.defect === 'late_zok' && month < a.arrivalMonth) return 'GEEN_ZORGOVEREENKOMST';
    if (a.status === 'ingediend' && a.decision && month < a.decision.month) return 'ZORGOVEREENKOMST_NIET_GEACCORDEERD';
    const late = this.lateAllocation.get(a.holder);
    if (late !== undefined && month < late) return 'GEEN_TOEKENNING';
    if (a.defect === 'maximumtarief' && a.maximumtarief !== null && (a.depositMonth === null || month <= a.depositMonth)) return 'MAXIMUMTARIEF_OVERSCHREDEN';
    return 'goedgekeurd';
  }
}

/** The yearly excess above the maximum tariff (for deposits): exported for tests. */
export function excessPerMonth(a: Agreement): number {
  return a.maximumtarief === null ? 0 : divRound(a.planQuarters * (a.tarief - a.maximumtarief), 4);
}
