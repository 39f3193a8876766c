/**
 * The reports' arithmetic, as pure functions over the small, already grouped facts that
 * `queries.ts` reads (counts per day, per month, per reason…). No I/O; every figure here is
 * unit-tested against a hand-computed case.
 */
import { workingDaysBetween, type PlainDate } from '../../../kernel/dates.ts';
import { WETTEN } from '../../../kernel/wet.ts';
import { REASONS } from '../../declaraties/index.ts';
import { percent, weeksCovering, type Week } from './periods.ts';

// ---------------------------------------------------------------------------------------------
// Backlog (werkvoorraad), inflow and outflow per week: seed 000, graphs 1 and 2

/**
 * A claim enters the backlog on its day of receipt (`in`), leaves it when it goes into a payment
 * run (`uit_betaald`) or is rejected for good (`uit_afgekeurd`), and comes back when the bank
 * returns its payment (`heropend`).
 */
export type FlowKind = 'in' | 'uit_betaald' | 'uit_afgekeurd' | 'heropend';

export interface FlowFact {
  dag: PlainDate;
  soort: FlowKind;
  aantal: number;
}

export interface BacklogWeek extends Week {
  voorraad_begin: number;
  instroom: number;
  uitstroom_betaald: number;
  uitstroom_afgekeurd: number;
  uitstroom: number;
  heropend: number;
  voorraad_eind: number;
}

const delta = (f: FlowFact): number => (f.soort === 'in' || f.soort === 'heropend' ? f.aantal : -f.aantal);

/** Per ISO week covering [van, tot]: the backlog at its start and end, what came in and went out. */
export function backlogPerWeek(facts: readonly FlowFact[], van: PlainDate, tot: PlainDate): BacklogWeek[] {
  const weeks = weeksCovering(van, tot);
  if (weeks.length === 0) return [];
  let voorraad = facts.filter((f) => f.dag < weeks[0]!.van).reduce((s, f) => s + delta(f), 0);
  return weeks.map((w) => {
    const inWeek = facts.filter((f) => f.dag >= w.van && f.dag <= w.tot);
    const count = (k: FlowKind) => inWeek.filter((f) => f.soort === k).reduce((s, f) => s + f.aantal, 0);
    const row: BacklogWeek = {
      ...w,
      voorraad_begin: voorraad,
      instroom: count('in'),
      uitstroom_betaald: count('uit_betaald'),
      uitstroom_afgekeurd: count('uit_afgekeurd'),
      uitstroom: count('uit_betaald') + count('uit_afgekeurd'),
      heropend: count('heropend'),
      voorraad_eind: 0,
    };
    row.voorraad_eind = row.voorraad_begin + row.instroom - row.uitstroom + row.heropend;
    voorraad = row.voorraad_eind;
    return row;
  });
}

// ---------------------------------------------------------------------------------------------
// The nature of the backlog by month of receipt and kind: seed 000, table 1

/** The reasons a claim can wait for (geparkeerd), in the order of the checks. */
export const PARKING_REASONS = ['GEEN_ZORGOVEREENKOMST', 'ZORGOVEREENKOMST_NIET_GEACCORDEERD', 'GEEN_TOEKENNING', 'MAXIMUMTARIEF_OVERSCHREDEN', 'BUDGET_ONTOEREIKEND'] as const;

export interface OpenFact {
  /** month of receipt `YYYY-MM` */
  maand: string;
  status: 'ontvangen' | 'goedgekeurd' | 'geparkeerd';
  reden: string | null;
  aantal: number;
}

export interface NatureRow {
  maand: string;
  openstaand: number;
  /** regular: not yet checked, or approved and waiting for the payment run */
  regulier: number;
  te_controleren: number;
  te_betalen: number;
  geparkeerd: number;
  /** per parking reason; a reason outside PARKING_REASONS counts as `geparkeerd_overig` */
  [reden: `geparkeerd_${string}`]: number;
  /** open claims wholly paid by an urgent payment: none (such a claim is `betaald` at once; see docs/urgent-payments-recoveries.md) */
  spoedbetaald: number;
}

function emptyNature(label: string): NatureRow {
  const row = { maand: label, openstaand: 0, regulier: 0, te_controleren: 0, te_betalen: 0, geparkeerd: 0, spoedbetaald: 0 } as NatureRow;
  for (const r of PARKING_REASONS) row[`geparkeerd_${r}`] = 0;
  row.geparkeerd_overig = 0;
  return row;
}

function addNature(row: NatureRow, f: { status: OpenFact['status']; reden: string | null; aantal: number }): void {
  row.openstaand += f.aantal;
  if (f.status === 'ontvangen') {
    row.regulier += f.aantal;
    row.te_controleren += f.aantal;
  } else if (f.status === 'goedgekeurd') {
    row.regulier += f.aantal;
    row.te_betalen += f.aantal;
  } else {
    row.geparkeerd += f.aantal;
    const key = (PARKING_REASONS as readonly string[]).includes(f.reden ?? '') ? `geparkeerd_${f.reden}` : 'geparkeerd_overig';
    row[key as `geparkeerd_${string}`] = (row[key as `geparkeerd_${string}`] ?? 0) + f.aantal;
  }
}

function sumNature(label: string, rows: NatureRow[]): NatureRow {
  const total = emptyNature(label);
  for (const r of rows) {
    for (const [k, v] of Object.entries(r)) if (k !== 'maand') (total as unknown as Record<string, number>)[k] = ((total as unknown as Record<string, number>)[k] ?? 0) + (v as number);
  }
  return total;
}

/**
 * One row per month of receipt, as table 1 of seed 000: the months before the month of the
 * reference date, their subtotal, the reference month itself, and the total.
 */
export function backlogNature(facts: readonly OpenFact[], peilmaand: string): NatureRow[] {
  const byMonth = new Map<string, NatureRow>();
  for (const f of facts) {
    const row = byMonth.get(f.maand) ?? emptyNature(f.maand);
    addNature(row, f);
    byMonth.set(f.maand, row);
  }
  const months = [...byMonth.keys()].sort();
  const earlier = months.filter((m) => m < peilmaand).map((m) => byMonth.get(m)!);
  const current = byMonth.get(peilmaand) ?? emptyNature(peilmaand);
  const out: NatureRow[] = [...earlier];
  if (earlier.length > 0) out.push(sumNature(`subtotaal t/m ${earlier[earlier.length - 1]!.maand}`, earlier));
  out.push(current);
  out.push(sumNature('totaal', [...earlier, current]));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Paid within 10 working days by week of receipt, "was" and "wordt": seed 000, tables 2–4

/**
 * - tijdig: paid (in a payment run with an execution date) on or before the latest payment date
 * - terecht_niet_betaald: not paid on time, and on the latest payment date it was rejected or
 *   waiting for the holder or the funder (budget, allocation, agreement, tariff): rightly not paid
 * - te_laat: the latest payment date has passed, and it was neither paid on time nor rightly held
 * - lopend: the latest payment date has not passed yet and it is not paid: not measurable yet
 */
export type TimelinessOutcome = 'tijdig' | 'te_laat' | 'terecht_niet_betaald' | 'lopend';

export interface TimelinessFact {
  ontvangstdatum: PlainDate;
  uitkomst: TimelinessOutcome;
  aantal: number;
}

export interface TimelinessRow {
  week: string;
  van: PlainDate | null;
  tot: PlainDate | null;
  ontvangen: number;
  tijdig: number;
  te_laat: number;
  terecht_niet_betaald: number;
  lopend: number;
  /** "was": rightly rejected claims count as not paid within 10 working days */
  was_binnen: number | null;
  was_meer: number | null;
  /** "wordt": rightly rejected claims are left out, the norm is about correct claims */
  wordt_binnen: number | null;
  wordt_meer: number | null;
}

function timelinessRow(week: string, van: PlainDate | null, tot: PlainDate | null, facts: readonly TimelinessFact[]): TimelinessRow {
  const n = (k: TimelinessOutcome) => facts.filter((f) => f.uitkomst === k).reduce((s, f) => s + f.aantal, 0);
  const tijdig = n('tijdig');
  const te_laat = n('te_laat');
  const terecht = n('terecht_niet_betaald');
  const lopend = n('lopend');
  const was = percent(tijdig, tijdig + te_laat + terecht);
  const wordt = percent(tijdig, tijdig + te_laat);
  return {
    week,
    van,
    tot,
    ontvangen: tijdig + te_laat + terecht + lopend,
    tijdig,
    te_laat,
    terecht_niet_betaald: terecht,
    lopend,
    was_binnen: was,
    was_meer: was === null ? null : 100 - was,
    wordt_binnen: wordt,
    wordt_meer: wordt === null ? null : 100 - wordt,
  };
}

/** Per ISO week of receipt in [van, tot], and a total row. */
export function timelinessPerWeek(facts: readonly TimelinessFact[], van: PlainDate, tot: PlainDate): TimelinessRow[] {
  const weeks = weeksCovering(van, tot);
  const rows = weeks.map((w) => timelinessRow(w.week, w.van, w.tot, facts.filter((f) => f.ontvangstdatum >= w.van && f.ontvangstdatum <= w.tot)));
  const first = weeks[0]?.van ?? van;
  const last = weeks[weeks.length - 1]?.tot ?? tot;
  rows.push(timelinessRow('totaal', first, last, facts.filter((f) => f.ontvangstdatum >= first && f.ontvangstdatum <= last)));
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Rejected and parked claims by reason; holders by number of rejections: seed 000, "Afgekeurde betalingen"

export interface RefusalFact {
  uitkomst: 'geparkeerd' | 'afgekeurd';
  reden: string;
  aantal: number;
  bedrag: number;
}

export interface RefusalRow {
  reden: string;
  geparkeerd: number;
  afgekeurd: number;
  declaraties: number;
  bedrag: number;
  /** share of all refused claims in the period, whole percent */
  aandeel: number | null;
}

/** One row per reason code (in the order of the checks, every code even when zero) and a total. */
export function refusalsByReason(facts: readonly RefusalFact[]): RefusalRow[] {
  const total = facts.reduce((s, f) => s + f.aantal, 0);
  const codes: string[] = [...REASONS, ...new Set(facts.map((f) => f.reden).filter((r) => !(REASONS as readonly string[]).includes(r)))];
  const rows = codes.map((reden) => {
    const of = facts.filter((f) => f.reden === reden);
    const geparkeerd = of.filter((f) => f.uitkomst === 'geparkeerd').reduce((s, f) => s + f.aantal, 0);
    const afgekeurd = of.filter((f) => f.uitkomst === 'afgekeurd').reduce((s, f) => s + f.aantal, 0);
    return { reden, geparkeerd, afgekeurd, declaraties: geparkeerd + afgekeurd, bedrag: of.reduce((s, f) => s + f.bedrag, 0), aandeel: percent(geparkeerd + afgekeurd, total) };
  });
  const sum = (k: 'geparkeerd' | 'afgekeurd' | 'declaraties' | 'bedrag') => rows.reduce((s, r) => s + r[k], 0);
  rows.push({ reden: 'totaal', geparkeerd: sum('geparkeerd'), afgekeurd: sum('afgekeurd'), declaraties: sum('declaraties'), bedrag: sum('bedrag'), aandeel: total > 0 ? 100 : null });
  return rows;
}

export interface BandRow {
  groep: string;
  budgethouders: number;
}

/**
 * Holders by how many of their claims were refused, as seed 000 counts them: 1 to 5, more than 5,
 * and of those more than 10 (the last row is part of the second).
 */
export function refusalBands(refusedPerHolder: readonly number[]): BandRow[] {
  return [
    { groep: '1 t/m 5 afgekeurd of geparkeerd', budgethouders: refusedPerHolder.filter((n) => n >= 1 && n <= 5).length },
    { groep: 'meer dan 5', budgethouders: refusedPerHolder.filter((n) => n > 5).length },
    { groep: 'waarvan meer dan 10', budgethouders: refusedPerHolder.filter((n) => n > 10).length },
  ];
}

// ---------------------------------------------------------------------------------------------
// Claimed and paid amounts per law per month of care: seed 001, §1.2.2

export interface AmountFact {
  maand: string;
  /** null: the claim matched no agreement, so its law is unknown */
  wet: string | null;
  gedeclareerd: number;
  betaald: number;
}

export type AmountRow = { maand: string } & Record<string, number | string>;

export const LAW_COLUMNS = [...WETTEN.map((w) => w as string), 'ONBEKEND'] as const;

/** One row per month (every month in the list, also empty ones) and a total; per law claimed and paid. */
export function amountsPerLaw(facts: readonly AmountFact[], months: readonly string[]): AmountRow[] {
  const rowOf = (label: string, of: readonly AmountFact[]): AmountRow => {
    const row: AmountRow = { maand: label };
    let g = 0;
    let b = 0;
    for (const wet of LAW_COLUMNS) {
      const mine = of.filter((f) => (f.wet ?? 'ONBEKEND') === wet);
      const gw = mine.reduce((s, f) => s + f.gedeclareerd, 0);
      const bw = mine.reduce((s, f) => s + f.betaald, 0);
      row[`gedeclareerd_${wet}`] = gw;
      row[`betaald_${wet}`] = bw;
      g += gw;
      b += bw;
    }
    row.gedeclareerd_totaal = g;
    row.betaald_totaal = b;
    return row;
  };
  const rows = months.map((m) => rowOf(m, facts.filter((f) => f.maand === m)));
  rows.push(rowOf('totaal', facts.filter((f) => months.includes(f.maand))));
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Payment counts by kind: seed 001, §2

export interface PaymentFact {
  /** month of the payment run's execution date */
  maand: string;
  /** maand: monthly pay; declaratie: per claim; spoed: urgent hand payment */
  soort: 'maand' | 'declaratie' | 'spoed';
  /** through the payroll (wage tax withheld) or not */
  verloning: boolean;
  aantal: number;
  bedrag: number;
}

export interface PaymentRow {
  maand: string;
  verloning_maand: number;
  verloning_declaratie: number;
  verloning_totaal: number;
  zonder_maand: number;
  zonder_declaratie: number;
  spoed: number;
  zonder_totaal: number;
  totaal: number;
  overboekingen: number;
  bedrag: number;
}

export function paymentCounts(facts: readonly PaymentFact[], transfers: readonly { maand: string; overboekingen: number }[], months: readonly string[]): PaymentRow[] {
  const rowOf = (label: string, of: readonly PaymentFact[], overboekingen: number): PaymentRow => {
    const n = (soort: PaymentFact['soort'], verloning: boolean) => of.filter((f) => f.soort === soort && f.verloning === verloning).reduce((s, f) => s + f.aantal, 0);
    const verloning_maand = n('maand', true);
    const verloning_declaratie = n('declaratie', true);
    const zonder_maand = n('maand', false);
    const zonder_declaratie = n('declaratie', false);
    const spoed = n('spoed', false) + n('spoed', true);
    return {
      maand: label,
      verloning_maand,
      verloning_declaratie,
      verloning_totaal: verloning_maand + verloning_declaratie,
      zonder_maand,
      zonder_declaratie,
      spoed,
      zonder_totaal: zonder_maand + zonder_declaratie + spoed,
      totaal: verloning_maand + verloning_declaratie + zonder_maand + zonder_declaratie + spoed,
      overboekingen,
      bedrag: of.reduce((s, f) => s + f.bedrag, 0),
    };
  };
  const rows = months.map((m) => rowOf(m, facts.filter((f) => f.maand === m), transfers.filter((t) => t.maand === m).reduce((s, t) => s + t.overboekingen, 0)));
  rows.push(rowOf('totaal', facts.filter((f) => months.includes(f.maand)), transfers.filter((t) => months.includes(t.maand)).reduce((s, t) => s + t.overboekingen, 0)));
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Agreements awaiting approval per funder and their age: seed 001, §1.2.1

export interface AwaitingFact {
  /** null: no allocation of the holder for the agreement's law names a funder yet */
  verstrekker: string | null;
  verstrekker_naam: string | null;
  zorgovereenkomst_id: string;
  /** the day it was submitted to the funder */
  sinds: PlainDate;
}

export interface AwaitingRow {
  verstrekker: string;
  naam: string;
  wachtend: number;
  tot_5: number;
  van_6_tot_10: number;
  van_11_tot_20: number;
  meer_dan_20: number;
  oudste_werkdagen: number | null;
}

/** Age in working days (from the day after submission up to the reference date), banded per funder, and a total. */
export function awaitingApproval(facts: readonly AwaitingFact[], peildatum: PlainDate): AwaitingRow[] {
  const byFunder = new Map<string, { naam: string; ages: number[] }>();
  for (const f of facts) {
    const key = f.verstrekker ?? '';
    const e = byFunder.get(key) ?? { naam: f.verstrekker_naam ?? 'nog geen toekenning voor deze wet', ages: [] };
    e.ages.push(f.sinds <= peildatum ? workingDaysBetween(f.sinds, peildatum) : 0);
    byFunder.set(key, e);
  }
  const rowOf = (verstrekker: string, naam: string, ages: number[]): AwaitingRow => ({
    verstrekker,
    naam,
    wachtend: ages.length,
    tot_5: ages.filter((a) => a <= 5).length,
    van_6_tot_10: ages.filter((a) => a >= 6 && a <= 10).length,
    van_11_tot_20: ages.filter((a) => a >= 11 && a <= 20).length,
    meer_dan_20: ages.filter((a) => a > 20).length,
    oudste_werkdagen: ages.length > 0 ? Math.max(...ages) : null,
  });
  const keys = [...byFunder.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)));
  const rows = keys.map((k) => rowOf(k === '' ? '-' : k, byFunder.get(k)!.naam, byFunder.get(k)!.ages));
  rows.push(rowOf('totaal', '', [...byFunder.values()].flatMap((e) => e.ages)));
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Per funder: allocated, spent, left, deposits and what is to be settled (financiële verrekening)

export interface FunderFact {
  verstrekker: string;
  naam: string;
  budgetten: number;
  toegekend: number;
  besteed: number;
  betaald: number;
  resterend: number;
  gestort: number;
}

export interface FunderRow extends FunderFact {
  /** deposited minus spent: positive goes back to the funder, negative the funder still owes */
  te_verrekenen: number;
}

export function funderSettlement(facts: readonly FunderFact[]): FunderRow[] {
  const rows = [...facts].sort((a, b) => a.verstrekker.localeCompare(b.verstrekker)).map((f) => ({ ...f, te_verrekenen: f.gestort - f.besteed }));
  const sum = (k: keyof FunderFact & ('budgetten' | 'toegekend' | 'besteed' | 'betaald' | 'resterend' | 'gestort')) => rows.reduce((s, r) => s + r[k], 0);
  rows.push({
    verstrekker: 'totaal',
    naam: '',
    budgetten: sum('budgetten'),
    toegekend: sum('toegekend'),
    besteed: sum('besteed'),
    betaald: sum('betaald'),
    resterend: sum('resterend'),
    gestort: sum('gestort'),
    te_verrekenen: sum('gestort') - sum('besteed'),
  });
  return rows;
}
