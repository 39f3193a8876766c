/**
 * The files of a synthetic country as text rows (the CSV formats of docs/formats-csv.md), the
 * content of the monthly bank statements, and the order in which the files are to be read. Pure.
 */
import { addWorkingDays, daysInMonth, type PlainDate } from '../../../kernel/dates.ts';
import { formatEuros, type Cents } from '../../../kernel/money.ts';
import { syntheticIban } from '../../../kernel/synthetic.ts';
import type { Agreement, Allocation, Country, Funder, Holder, Provider } from './country.ts';
import type { GeneratedClaim } from './claims.ts';
import { Rng } from './prng.ts';

/** RFC 4180: quoted when it holds a comma, a quote or a line break. */
export function field(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function row(values: (string | number | null | undefined)[]): string {
  return `${values.map(field).join(',')}\n`;
}

export const HEADERS = {
  verstrekkers: 'code,naam,soort,iban\n',
  budgethouders: 'bsn,naam,geboortedatum,iban,overlijdensdatum\n',
  zorgverleners: 'zorgverlener_id,soort,naam,bsn,kvk,agb,iban\n',
  toekenningen: 'toekenning_id,verstrekker,bsn,wet,ingangsdatum,einddatum,bedrag,vervangt\n',
  zorgovereenkomsten: 'zorgovereenkomst_id,bsn,zorgverlener_id,wet,soort,ingangsdatum,einddatum,eenheid,tarief,maximumtarief,maandbedrag,status\n',
  accorderingen: 'zorgovereenkomst_id,besluit,datum,maximumtarief,reden\n',
  declaraties: 'declaratie_id,ontvangen_op,kanaal,bsn,zorgverlener_id,zorgovereenkomst_id,datum,eenheden,tarief,omschrijving\n',
} as const;

const money = (c: number | null) => (c === null ? null : formatEuros(c));

export const funderRow = (f: Funder) => row([f.code, f.naam, f.soort, f.iban]);
export const holderRow = (h: Holder) => row([h.bsn, h.naam, h.geboortedatum, h.iban, null]);
export const providerRow = (p: Provider) => row([p.id, p.soort, p.naam, p.bsn, p.kvk, p.agb, p.iban]);
export const allocationRow = (a: Allocation) => row([a.id, a.funder.code, a.holder.bsn, a.wet, a.ingangsdatum, a.einddatum, money(a.bedrag), null]);
export const correctionRow = (a: Allocation) => row([a.correction!.id, a.funder.code, a.holder.bsn, a.wet, a.ingangsdatum, a.einddatum, money(a.correction!.bedrag), a.id]);
export const agreementRow = (a: Agreement) =>
  row([a.id, a.holder.bsn, a.provider.id, a.wet, a.soort, a.ingangsdatum, a.einddatum, a.eenheid, money(a.tarief), money(a.maximumtarief), money(a.maandbedrag), a.status]);
export const decisionRow = (a: Agreement) =>
  row([a.id, a.decision!.besluit, a.decision!.datum, null, a.decision!.besluit === 'afgekeurd' ? 'de zorg past niet bij de indicatie; dien een nieuwe zorgovereenkomst in' : null]);

export function claimRows(c: GeneratedClaim): string {
  let out = '';
  for (const l of c.lines) out += row([c.id, c.ontvangenOp, c.kanaal, c.bsn, c.zorgverlenerId, c.zorgovereenkomstId, l.datum, l.eenheden, l.tarief, c.omschrijving]);
  return out;
}

export const monthText = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;

/** The operator's account on the statements (the demo's). */
export const OPERATOR_IBAN = 'NL91ABNA0417164300';

export interface StatementData {
  statementId: string;
  bookingDate: PlainDate;
  credits: { ref: string; amount: Cents; name: string; iban: string; remittance: string }[];
}

/**
 * The bank statement of a month, booked on the third working day after it: each funder's advance
 * for the month (a twelfth of what it allocated), the holders' own deposits of that month
 * (`PGB STORTING <clientnummer> <WET>`), and a few credits nobody can place (the open queue).
 */
export function statementOf(country: Country, month: number): StatementData {
  const { year, seed, holders } = country.options;
  const last = `${monthText(year, month)}-${String(daysInMonth(year, month)).padStart(2, '0')}` as PlainDate;
  const bookingDate = addWorkingDays(last, 3);
  const perFunder = new Map<Funder, number>();
  for (const a of country.allocations) perFunder.set(a.funder, (perFunder.get(a.funder) ?? 0) + a.bedrag);
  const credits: StatementData['credits'] = [];
  for (const [f, total] of perFunder) {
    const amount = Math.floor(total / 12) as Cents;
    if (amount > 0) credits.push({ ref: `VRS-${f.code}-${month}`, amount, name: f.naam, iban: f.iban, remittance: `Bevoorschotting pgb ${monthText(year, month)} ${f.code}` });
  }
  for (const d of country.deposits) {
    if (d.month !== month) continue;
    credits.push({ ref: `STR-${d.holder.clientnummer}-${d.wet}`, amount: d.bedrag, name: d.holder.naam, iban: d.holder.iban ?? syntheticIban(30_000_000 + d.holder.index), remittance: `PGB STORTING ${d.holder.clientnummer} ${d.wet}` });
  }
  const rng = Rng.of(seed, `afschrift-${month}`);
  const unknown = Math.max(1, Math.round(holders / 20_000));
  for (let i = 0; i < unknown; i++) {
    credits.push({ ref: `ONB-${month}-${i + 1}`, amount: (rng.int(10, 2_000) * 100 + rng.int(0, 99)) as Cents, name: 'Onbekende afzender', iban: syntheticIban(40_000_000 + month * 1000 + i), remittance: `factuur ${year}-${rng.int(100, 999)}` });
  }
  return { statementId: `SYN-${monthText(year, month)}`, bookingDate, credits };
}

export interface Step {
  /** Arguments of `pgb`, with file names relative to the directory of the files. */
  args: string[];
  /** The month the step belongs to (0: the initial files). */
  month: number;
  kind: 'import' | 'bank' | 'maandloon' | 'betaalrun';
}

export interface MonthFiles {
  toekenningen: boolean;
  zorgovereenkomsten: boolean;
  accorderingen: boolean;
}

/** Which monthly files exist: a month without late allocations, agreements or decisions has none. */
export function monthFiles(country: Country, month: number): MonthFiles {
  return {
    toekenningen: country.allocations.some((a) => a.arrivalMonth === month || a.correction?.month === month),
    zorgovereenkomsten: country.agreements.some((a) => a.arrivalMonth === month),
    accorderingen: country.agreements.some((a) => a.decision?.month === month),
  };
}

/**
 * The order in which the files must be read for the expected outcomes to hold (and for the client
 * numbers of the deposits to be right, on a fresh database): the initial files, then per month the
 * allocations, agreements and decisions that arrived, the claims, the bank statement, the monthly
 * pay and a payment run on the 5th working day after the month.
 */
export function stepsOf(country: Country): Step[] {
  const { year, months } = country.options;
  const steps: Step[] = [];
  for (const kind of ['verstrekkers', 'budgethouders', 'zorgverleners', 'toekenningen', 'zorgovereenkomsten'] as const) {
    steps.push({ args: ['import', kind, `${kind}.csv`], month: 0, kind: 'import' });
  }
  for (let m = 1; m <= months; m++) {
    const mt = monthText(year, m);
    const files = monthFiles(country, m);
    if (files.toekenningen) steps.push({ args: ['import', 'toekenningen', `toekenningen-${mt}.csv`], month: m, kind: 'import' });
    if (files.zorgovereenkomsten) steps.push({ args: ['import', 'zorgovereenkomsten', `zorgovereenkomsten-${mt}.csv`], month: m, kind: 'import' });
    if (files.accorderingen) steps.push({ args: ['import', 'accorderingen', `accorderingen-${mt}.csv`], month: m, kind: 'import' });
    steps.push({ args: ['import', 'declaraties', `declaraties-${mt}.csv`], month: m, kind: 'import' });
    steps.push({ args: ['bank', `afschrift-${mt}.xml`], month: m, kind: 'bank' });
    steps.push({ args: ['maandloon', '--maand', mt], month: m, kind: 'maandloon' });
    const last = `${mt}-${String(daysInMonth(year, m)).padStart(2, '0')}` as PlainDate;
    steps.push({ args: ['betaalrun', '--datum', addWorkingDays(last, 5), '--sepa', `betaalrun-${mt}.xml`], month: m, kind: 'betaalrun' });
  }
  return steps;
}
