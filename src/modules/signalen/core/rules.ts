/**
 * The signals, as pure functions over facts the repository loaded. A signal names what it is about
 * (`onderwerp`) and the day or month (`periode`): together with its kind that is its key, so that
 * computing signals again finds the same ones. Each carries its evidence: the claims, lines,
 * hours, amounts and thresholds the rule saw.
 *
 * - budget_uitputting: at the pace of spending so far the budget runs out before its end date,
 *   or less than a set share of it is left (for the holder and the funder)
 * - uren_per_dag: more than 24 hours of care on one day for one holder, across all providers
 * - zelfde_uren: a provider who is a person (private or self-employed) claims more than 24 hours
 *   on one day across two or more holders: some hours were claimed for several holders at once
 * - na_overlijden: care claimed for days after the holder's death
 * - veel_budgethouders: a provider who is a person is paid for an unusual number of holders in a month
 * - sprong_uren: a provider's claimed hours in a month jump to at least twice the average of the
 *   three months before, and by at least 40 hours
 *
 * The misuse signals are for the funder to judge: the operator only signals, and no signal holds
 * back a payment. Amounts are cents, hours are counted in quarters (as the claim lines hold them).
 */
import { depletion } from '../../budgetten/index.ts';
import { dateNameNl, type PlainDate } from '../../../kernel/dates.ts';
import { divRound, formatEurosNl } from '../../../kernel/money.ts';
import { WET_NAMEN, type Wet } from '../../../kernel/wet.ts';

export const SIGNAL_KINDS = ['budget_uitputting', 'uren_per_dag', 'zelfde_uren', 'na_overlijden', 'veel_budgethouders', 'sprong_uren'] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];

export const SIGNAL_NAMES: Record<SignalKind, string> = {
  budget_uitputting: 'Budget raakt op',
  uren_per_dag: 'Meer dan 24 uur zorg op één dag',
  zelfde_uren: 'Zorgverlener declareert dezelfde uren bij meer budgethouders',
  na_overlijden: 'Zorg gedeclareerd na overlijden',
  veel_budgethouders: 'Zorgverlener betaald door ongebruikelijk veel budgethouders',
  sprong_uren: 'Sterke stijging van gedeclareerde uren',
};

export interface Signal {
  soort: SignalKind;
  onderwerp: string;
  periode: string;
  budgethouder_id: number | null;
  zorgverlener_id: string | null;
  /** the funders it concerns: who may see it */
  verstrekkers: string[];
  omschrijving: string;
  bewijs: Record<string, unknown>;
}

/** Thresholds of the misuse rules. */
export interface MisuseRules {
  /** hours of care one day can hold, in quarters */
  maxQuartersPerDay: number;
  /** more holders than this in a month is unusual, per kind of provider (institutions: never) */
  maxHolders: { particulier: number; zzp: number };
  /** a jump: at least `jumpFactor` × the average of the three months before … */
  jumpFactor: number;
  /** … and at least this many quarters more */
  jumpMinQuarters: number;
}

export const DEFAULT_RULES: MisuseRules = {
  maxQuartersPerDay: 24 * 4,
  maxHolders: { particulier: 3, zzp: 12 },
  jumpFactor: 2,
  jumpMinQuarters: 40 * 4,
};

const hours = (quarters: number): number => quarters / 4;
const union = (lists: readonly (readonly string[])[]): string[] => [...new Set(lists.flat())].sort();

// ---------------------------------------------------------------------------------------------
// Budget nearly used up

export interface BudgetFact {
  budget_id: string;
  verstrekker: string;
  budgethouder_id: number;
  clientnummer: number;
  wet: string;
  ingangsdatum: PlainDate;
  einddatum: PlainDate;
  toegekend: number;
  /** spent per month of care, `YYYY-MM` → cents */
  besteedPerMaand: Readonly<Record<string, number>>;
}

/**
 * A budget active on `vandaag` whose money runs out before its end at the pace so far, or of which
 * less than `restantProcent` percent is left. One signal per budget per month.
 */
export function budgetSignals(budgets: readonly BudgetFact[], opts: { vandaag: PlainDate; restantProcent: number }): Signal[] {
  const out: Signal[] = [];
  for (const b of budgets) {
    if (b.toegekend <= 0 || opts.vandaag < b.ingangsdatum || opts.vandaag > b.einddatum) continue;
    const d = depletion({ ingangsdatum: b.ingangsdatum, einddatum: b.einddatum, toegekend: b.toegekend, besteedPerMaand: b.besteedPerMaand, vandaag: opts.vandaag });
    const runsOut = d.verwachte_uitputting !== null && d.verwachte_uitputting < b.einddatum;
    const low = d.resterend * 100 < opts.restantProcent * b.toegekend;
    if (!runsOut && !low) continue;
    const share = divRound(Math.max(d.resterend, 0) * 100, b.toegekend);
    const reasons: string[] = [];
    if (d.uitgeput) reasons.push('het budget is op');
    else if (runsOut) reasons.push(`in het tempo tot nu toe is het budget op ${dateNameNl(d.verwachte_uitputting!)}, vóór het einde op ${dateNameNl(b.einddatum)}`);
    if (low && !d.uitgeput) reasons.push(`er is nog ${share}% over, minder dan ${opts.restantProcent}%`);
    out.push({
      soort: 'budget_uitputting',
      onderwerp: `budget:${b.budget_id}`,
      periode: opts.vandaag.slice(0, 7),
      budgethouder_id: b.budgethouder_id,
      zorgverlener_id: null,
      verstrekkers: [b.verstrekker],
      omschrijving: `Budget ${WET_NAMEN[b.wet as Wet] ?? b.wet} van cliënt ${b.clientnummer} (toekenning ${b.budget_id}): ${reasons.join('; ')}. Nog ${formatEurosNl(Math.max(d.resterend, 0))} van ${formatEurosNl(b.toegekend)}.`,
      bewijs: {
        budget_id: b.budget_id,
        wet: b.wet,
        clientnummer: b.clientnummer,
        ingangsdatum: b.ingangsdatum,
        einddatum: b.einddatum,
        toegekend: b.toegekend,
        besteed: d.besteed,
        resterend: d.resterend,
        procent_resterend: share,
        drempel_procent: opts.restantProcent,
        tempo_per_maand: d.tempo_per_maand,
        verwachte_uitputting: d.verwachte_uitputting,
        peildatum: opts.vandaag,
        besteed_per_maand: d.maanden.filter((m) => m.besteed > 0).map((m) => ({ maand: m.maand, besteed: m.besteed })),
      },
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Hours on one day

export interface HourLine {
  declaratie_id: string;
  regelnr: number;
  budgethouder_id: number;
  clientnummer: number;
  zorgverlener_id: string;
  zorgverlener_soort: string;
  datum: PlainDate;
  kwartieren: number;
  /** the funders of the holder for the claim's law */
  verstrekkers: string[];
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const i of items) {
    const k = key(i);
    m.set(k, [...(m.get(k) ?? []), i]);
  }
  return m;
}

const lineEvidence = (l: HourLine) => ({ declaratie_id: l.declaratie_id, regelnr: l.regelnr, zorgverlener_id: l.zorgverlener_id, budgethouder_id: l.budgethouder_id, clientnummer: l.clientnummer, uren: hours(l.kwartieren), verstrekkers: l.verstrekkers });

/** More than a day's hours for one holder on one day, across all providers. */
export function hoursPerDaySignals(lines: readonly HourLine[], rules: MisuseRules = DEFAULT_RULES): Signal[] {
  const out: Signal[] = [];
  for (const [, group] of groupBy(lines, (l) => `${l.budgethouder_id}|${l.datum}`)) {
    const total = group.reduce((s, l) => s + l.kwartieren, 0);
    if (total <= rules.maxQuartersPerDay) continue;
    const first = group[0]!;
    const providers = [...new Set(group.map((l) => l.zorgverlener_id))].sort();
    out.push({
      soort: 'uren_per_dag',
      onderwerp: `budgethouder:${first.budgethouder_id}`,
      periode: first.datum,
      budgethouder_id: first.budgethouder_id,
      zorgverlener_id: null,
      verstrekkers: union(group.map((l) => l.verstrekkers)),
      omschrijving: `Cliënt ${first.clientnummer}: op ${first.datum} is ${hours(total)} uur zorg gedeclareerd door ${providers.length} zorgverlener(s) (${providers.join(', ')}); een dag heeft ${hours(rules.maxQuartersPerDay)} uur.`,
      bewijs: { datum: first.datum, clientnummer: first.clientnummer, totaal_uren: hours(total), grens_uren: hours(rules.maxQuartersPerDay), regels: group.map(lineEvidence) },
    });
  }
  return out;
}

/** A provider who is a person claims more than a day's hours on one day, across two or more holders. */
export function sameHoursSignals(lines: readonly HourLine[], rules: MisuseRules = DEFAULT_RULES): Signal[] {
  const out: Signal[] = [];
  const persons = lines.filter((l) => l.zorgverlener_soort === 'particulier' || l.zorgverlener_soort === 'zzp');
  for (const [, group] of groupBy(persons, (l) => `${l.zorgverlener_id}|${l.datum}`)) {
    const holders = [...new Set(group.map((l) => l.budgethouder_id))];
    const total = group.reduce((s, l) => s + l.kwartieren, 0);
    if (holders.length < 2 || total <= rules.maxQuartersPerDay) continue;
    const first = group[0]!;
    const perHolder = holders.map((h) => {
      const mine = group.filter((l) => l.budgethouder_id === h);
      return { budgethouder_id: h, clientnummer: mine[0]!.clientnummer, uren: hours(mine.reduce((s, l) => s + l.kwartieren, 0)), declaraties: [...new Set(mine.map((l) => l.declaratie_id))], verstrekkers: union(mine.map((l) => l.verstrekkers)) };
    });
    out.push({
      soort: 'zelfde_uren',
      onderwerp: `zorgverlener:${first.zorgverlener_id}`,
      periode: first.datum,
      budgethouder_id: null,
      zorgverlener_id: first.zorgverlener_id,
      verstrekkers: union(group.map((l) => l.verstrekkers)),
      omschrijving: `Zorgverlener ${first.zorgverlener_id} declareerde op ${first.datum} samen ${hours(total)} uur bij ${holders.length} budgethouders; minstens ${hours(total - rules.maxQuartersPerDay)} uur moet dan voor meer budgethouders tegelijk zijn gedeclareerd.`,
      bewijs: { datum: first.datum, totaal_uren: hours(total), grens_uren: hours(rules.maxQuartersPerDay), dubbel_uren: hours(total - rules.maxQuartersPerDay), budgethouders: perHolder },
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Care after death

export interface AfterDeathLine {
  declaratie_id: string;
  regelnr: number;
  budgethouder_id: number;
  clientnummer: number;
  zorgverlener_id: string;
  datum: PlainDate;
  overlijdensdatum: PlainDate;
  bedrag: number;
  status: string;
  verstrekkers: string[];
}

export function afterDeathSignals(lines: readonly AfterDeathLine[]): Signal[] {
  const out: Signal[] = [];
  for (const [, group] of groupBy(lines.filter((l) => l.datum > l.overlijdensdatum), (l) => l.declaratie_id)) {
    const sorted = [...group].sort((a, b) => (a.datum < b.datum ? -1 : a.datum > b.datum ? 1 : a.regelnr - b.regelnr));
    const first = sorted[0]!;
    const amount = sorted.reduce((s, l) => s + l.bedrag, 0);
    out.push({
      soort: 'na_overlijden',
      onderwerp: `declaratie:${first.declaratie_id}`,
      periode: first.datum,
      budgethouder_id: first.budgethouder_id,
      zorgverlener_id: first.zorgverlener_id,
      verstrekkers: union(group.map((l) => l.verstrekkers)),
      omschrijving: `Declaratie ${first.declaratie_id} van zorgverlener ${first.zorgverlener_id} voor cliënt ${first.clientnummer} bevat zorg op ${sorted.length} dag(en) na het overlijden op ${first.overlijdensdatum} (vanaf ${first.datum}), samen ${formatEurosNl(amount)}; status ${first.status}.`,
      bewijs: {
        declaratie_id: first.declaratie_id,
        clientnummer: first.clientnummer,
        overlijdensdatum: first.overlijdensdatum,
        status: first.status,
        bedrag: amount,
        regels: sorted.map((l) => ({ regelnr: l.regelnr, datum: l.datum, bedrag: l.bedrag })),
      },
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Per provider per month: how many holders, how many hours

export interface ProviderMonthFact {
  zorgverlener_id: string;
  zorgverlener_soort: string;
  /** month of care `YYYY-MM` */
  maand: string;
  budgethouder_id: number;
  clientnummer: number;
  verstrekkers: string[];
  /** claims of this holder for this provider and month that were approved or paid */
  goedgekeurd: number;
  /** hours claimed (unit uur), in quarters, whatever became of the claim */
  kwartieren: number;
}

/** A person paid (approved or paid claims) by more holders in a month than is usual for its kind. */
export function manyHoldersSignals(facts: readonly ProviderMonthFact[], months: readonly string[], rules: MisuseRules = DEFAULT_RULES): Signal[] {
  const out: Signal[] = [];
  for (const [, group] of groupBy(facts.filter((f) => f.goedgekeurd > 0 && months.includes(f.maand)), (f) => `${f.zorgverlener_id}|${f.maand}`)) {
    const first = group[0]!;
    const limit = first.zorgverlener_soort === 'particulier' ? rules.maxHolders.particulier : first.zorgverlener_soort === 'zzp' ? rules.maxHolders.zzp : undefined;
    const holders = [...new Map(group.map((f) => [f.budgethouder_id, f])).values()];
    if (limit === undefined || holders.length <= limit) continue;
    out.push({
      soort: 'veel_budgethouders',
      onderwerp: `zorgverlener:${first.zorgverlener_id}`,
      periode: first.maand,
      budgethouder_id: null,
      zorgverlener_id: first.zorgverlener_id,
      verstrekkers: union(group.map((f) => f.verstrekkers)),
      omschrijving: `Zorgverlener ${first.zorgverlener_id} (${first.zorgverlener_soort}) werd voor zorg in ${first.maand} betaald door ${holders.length} budgethouders; gebruikelijk voor een ${first.zorgverlener_soort} is ten hoogste ${limit}.`,
      bewijs: {
        maand: first.maand,
        soort_zorgverlener: first.zorgverlener_soort,
        aantal_budgethouders: holders.length,
        grens: limit,
        budgethouders: holders.map((f) => ({ budgethouder_id: f.budgethouder_id, clientnummer: f.clientnummer, declaraties: f.goedgekeurd, verstrekkers: f.verstrekkers })),
      },
    });
  }
  return out;
}

function previousMonths(month: string, n: number): string[] {
  const out: string[] = [];
  let y = Number(month.slice(0, 4));
  let m = Number(month.slice(5, 7));
  for (let i = 0; i < n; i++) {
    m--;
    if (m === 0) {
      m = 12;
      y--;
    }
    out.push(`${y}-${String(m).padStart(2, '0')}`);
  }
  return out.reverse();
}

/** The first day of the month three months before `month`: how far back the jump rule looks. */
export function jumpLookback(month: string): PlainDate {
  return `${previousMonths(month, 3)[0]}-01` as PlainDate;
}

/**
 * A provider's claimed hours in a month at least `jumpFactor` times the average of the three months
 * before, and at least `jumpMinQuarters` more; a provider without hours in those months has no
 * average to jump from (a new provider is not a jump).
 */
export function hoursJumpSignals(facts: readonly ProviderMonthFact[], months: readonly string[], rules: MisuseRules = DEFAULT_RULES): Signal[] {
  const out: Signal[] = [];
  for (const [provider, group] of groupBy(facts, (f) => f.zorgverlener_id)) {
    const perMonth = (m: string) => group.filter((f) => f.maand === m).reduce((s, f) => s + f.kwartieren, 0);
    for (const month of months) {
      const now = perMonth(month);
      const before = previousMonths(month, 3).map((m) => ({ maand: m, kwartieren: perMonth(m) }));
      const sumBefore = before.reduce((s, b) => s + b.kwartieren, 0);
      // now ≥ factor × sumBefore / 3 and now − sumBefore / 3 ≥ minimum, in whole numbers
      if (sumBefore === 0 || now * 3 < rules.jumpFactor * sumBefore || now * 3 - sumBefore < rules.jumpMinQuarters * 3) continue;
      const mine = group.filter((f) => f.maand === month);
      out.push({
        soort: 'sprong_uren',
        onderwerp: `zorgverlener:${provider}`,
        periode: month,
        budgethouder_id: null,
        zorgverlener_id: provider,
        verstrekkers: union(mine.map((f) => f.verstrekkers)),
        omschrijving: `Zorgverlener ${provider} declareerde voor ${month} ${hours(now)} uur, tegen gemiddeld ${Math.round(hours(sumBefore) / 3 * 10) / 10} uur per maand in de drie maanden ervoor.`,
        bewijs: {
          maand: month,
          uren: hours(now),
          gemiddeld_ervoor: Math.round((hours(sumBefore) / 3) * 100) / 100,
          factor: rules.jumpFactor,
          minimale_stijging_uren: hours(rules.jumpMinQuarters),
          per_maand: [...before, { maand: month, kwartieren: now }].map((b) => ({ maand: b.maand, uren: hours(b.kwartieren) })),
          budgethouders: mine.filter((f) => f.kwartieren > 0).map((f) => ({ budgethouder_id: f.budgethouder_id, clientnummer: f.clientnummer, uren: hours(f.kwartieren), verstrekkers: f.verstrekkers })),
        },
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// What a funder sees of a signal

/**
 * A funder sees the signals that concern it, and of their evidence only what is about its own
 * holders: lists of holders or lines are cut to the entries whose `verstrekkers` include it (and
 * say how many others there were); totals stay, they name nobody.
 */
export function evidenceForFunder(bewijs: Record<string, unknown>, code: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(bewijs)) {
    if (Array.isArray(v) && v.every((x) => x && typeof x === 'object' && Array.isArray((x as { verstrekkers?: unknown }).verstrekkers))) {
      const own = v.filter((x) => ((x as { verstrekkers: string[] }).verstrekkers).includes(code));
      out[k] = own;
      if (own.length < v.length) out[`${k}_van_andere_verstrekkers`] = v.length - own.length;
    } else out[k] = v;
  }
  return out;
}

/** The misuse window: care from the first day of the month two months before `peildatum`'s month up to `peildatum`. */
export function defaultWindow(peildatum: PlainDate): { van: PlainDate; tot: PlainDate } {
  const prev = previousMonths(peildatum.slice(0, 7), 2)[0]!;
  return { van: `${prev}-01` as PlainDate, tot: peildatum };
}
