/**
 * Wage tax (loonheffing) per pay period by the method of the tax authority's Rekenvoorschriften:
 *
 * 1. Annualise: period wage × factor (month 12, four weeks 13, week 52, day 260, quarter 4).
 * 2. Table wage: the annual wage rounded DOWN to a multiple of the step (€ 54 in 2026).
 * 3. Bracket tax on the annual table wage, rounded DOWN to whole euros.
 * 4. Credits (general credit AHK, labour credit ARK — white table only — and, at state-pension
 *    age, the elderly credit) each rounded UP to whole euros; every product of a euro amount and a
 *    percentage is first rounded to 5 decimals; no credit below zero.
 * 5. Tax = bracket tax − credits, not below zero; credits that exceed the tax are cut labour
 *    credit first, then elderly credit, then general credit.
 * 6. Period amount = annual amount / factor, rounded to cents (half away from zero; with these
 *    factors and whole euros an exact half never occurs).
 *
 * The table-wage rule, worked out from the six test vectors of the white monthly table 2026:
 * the step is applied to the ANNUAL wage, so per period the table wage moves in steps of
 * 54 / factor — € 4.50 a month. 2,700.00 × 12 = 32,400 = 600 × 54 and 4,000.50 × 12 = 48,006 =
 * 889 × 54 are already multiples and stay as they are, while 3,000.00 × 12 = 36,000 rounds down
 * to 666 × 54 = 35,964 = 2,997.00 a month and 4,000.00 → 47,952 = 3,996.00. 6,502.50 (78,030 =
 * 1,445 × 54) and 11,002.50 (132,030 = 2,445 × 54) are multiples too. One rule, floor(annual / 54)
 * × 54, reproduces all six; equivalently, for the month table, the period wage rounded down to a
 * multiple of € 4.50. (For four weeks, weeks and days 54 / factor is not a whole number of cents:
 * the reported per-period table wage is then the annual table wage / factor rounded to cents,
 * while the tax itself is always computed on the exact annual table wage.)
 *
 * The vectors also settle step 6: "tax with credits" is (annual tax − annual credits) / 12, not the
 * difference of separately rounded period amounts (4,000.50: 17,326 − 1,947 − 5,528 = 9,851 / 12 =
 * 820.92, whereas 1,443.83 − 162.25 − 460.67 = 820.91). The period credits reported here are
 * therefore informative; `loonheffing` is authoritative.
 */
import type { Cents } from '../../../kernel/money.ts';
import { divRound } from '../../../kernel/money.ts';
import type { PlainDate } from '../../../kernel/dates.ts';
import {
  RekenFout,
  e5NaarEuroOmhoog,
  e5NaarEuroOmlaag,
  euroE5,
  floorDiv,
  maalE5,
  veilig,
  type Percentage,
} from './breuk.ts';
import {
  parametersFor,
  type AlgemeneHeffingskortingParameters,
  type ArbeidskortingParameters,
  type BijzonderTariefKolom,
  type LoonheffingKolom,
  type OuderenkortingParameters,
  type ParameterSet,
  type Tijdvak,
} from './parameters.ts';

export type { Tijdvak } from './parameters.ts';

export class LoonheffingFout extends Error {}

/** Bracket tax on an annual table wage (whole euros), rounded down to whole euros. */
export function schijvenbelasting(tabelloon: number, kolom: LoonheffingKolom): number {
  let schijf = kolom.schijven[0];
  for (const s of kolom.schijven) if (s.vanaf <= tabelloon) schijf = s;
  if (!schijf) throw new RekenFout('geen schijven');
  return e5NaarEuroOmlaag(euroE5(schijf.cumulatief) + maalE5(tabelloon - schijf.vanaf, schijf.tarief));
}

/** General tax credit on an annual table wage, rounded up to whole euros. */
export function algemeneHeffingskorting(tabelloon: number, ahk: AlgemeneHeffingskortingParameters): number {
  if (tabelloon > ahk.nulBoven) return 0;
  if (tabelloon <= ahk.afbouwVanaf) return ahk.maximum;
  const e5 = euroE5(ahk.maximum) - maalE5(tabelloon - ahk.afbouwVanaf, ahk.afbouw);
  return Math.max(0, e5NaarEuroOmhoog(e5));
}

/** Labour credit on an annual table wage, rounded up to whole euros (white table only). */
export function arbeidskorting(tabelloon: number, ark: ArbeidskortingParameters): number {
  if (tabelloon > ark.afbouw.nulBoven) return 0;
  const laatste = ark.opbouw[ark.opbouw.length - 1];
  if (!laatste) throw new RekenFout('geen arbeidskortingsegmenten');
  let e5: number;
  if (tabelloon >= ark.afbouw.vanaf) {
    e5 = euroE5(laatste.maximum) - maalE5(tabelloon - ark.afbouw.vanaf, ark.afbouw.tarief);
  } else {
    let segment = ark.opbouw[0]!;
    for (const s of ark.opbouw) if (s.vanaf <= tabelloon) segment = s;
    e5 = Math.min(
      euroE5(segment.maximum),
      euroE5(segment.basis) + maalE5(tabelloon - segment.vanaf, segment.tarief),
    );
  }
  return Math.max(0, e5NaarEuroOmhoog(e5));
}

/** Elderly credit (state-pension age) on an annual table wage, rounded up to whole euros. */
export function ouderenkorting(tabelloon: number, ouk: OuderenkortingParameters): number {
  if (tabelloon >= ouk.nulVanaf) return 0;
  if (tabelloon <= ouk.afbouwVanaf) return ouk.maximum;
  const e5 = euroE5(ouk.maximum) - maalE5(tabelloon - ouk.afbouwVanaf, ouk.afbouw);
  return Math.max(0, e5NaarEuroOmhoog(e5));
}

/** The annual figures of the method, all in whole euros. */
export interface JaarBerekening {
  /** Annual table wage (euro). */
  readonly tabelloon: number;
  readonly belastingZonderKortingen: number;
  /** Credits the carer is entitled to on this wage (before cutting to the tax). */
  readonly recht: { readonly ahk: number; readonly ark: number; readonly ouderenkorting: number };
  /** Credits actually applied (cut so that the tax does not go below zero). */
  readonly toegepast: { readonly ahk: number; readonly ark: number; readonly ouderenkorting: number };
  readonly belasting: number;
}

/** Steps 3–5 of the method on an annual table wage in whole euros. */
export function jaarbelasting(tabelloon: number, kolom: LoonheffingKolom, heffingskorting: boolean): JaarBerekening {
  veilig(tabelloon);
  if (tabelloon < 0) throw new LoonheffingFout('negatief tabelloon');
  const x1 = schijvenbelasting(tabelloon, kolom);
  const recht = heffingskorting
    ? {
        ahk: algemeneHeffingskorting(tabelloon, kolom.ahk),
        ark: arbeidskorting(tabelloon, kolom.ark),
        ouderenkorting: kolom.ouderenkorting ? ouderenkorting(tabelloon, kolom.ouderenkorting) : 0,
      }
    : { ahk: 0, ark: 0, ouderenkorting: 0 };
  // Credits that exceed the tax are cut in the order (alleenstaande ouderenkorting,) arbeidskorting,
  // ouderenkorting, algemene heffingskorting: the general credit is applied first and kept longest.
  let rest = x1;
  const ahk = Math.min(recht.ahk, rest);
  rest -= ahk;
  const ouk = Math.min(recht.ouderenkorting, rest);
  rest -= ouk;
  const ark = Math.min(recht.ark, rest);
  rest -= ark;
  return {
    tabelloon,
    belastingZonderKortingen: x1,
    recht,
    toegepast: { ahk, ark, ouderenkorting: ouk },
    belasting: rest,
  };
}

export interface LoonheffingKeuze {
  readonly aowLeeftijd?: boolean;
  /** Only at state-pension age: born in 1945 or earlier (longer first bracket). */
  readonly geborenVoor1946?: boolean;
}

/** The column of the tax method that applies; throws when its figures are not known. */
export function kolomVoor(set: ParameterSet, keuze: LoonheffingKeuze): LoonheffingKolom {
  if (!keuze.aowLeeftijd) return set.onderAow;
  const kolom = keuze.geborenVoor1946 ? set.aowGeborenVoor1946 : set.aow;
  if (!kolom) {
    throw new LoonheffingFout(
      `geen parameters voor de AOW-leeftijd${keuze.geborenVoor1946 ? ' (geboren vóór 1946)' : ''} in ` +
        `${set.geldigVanaf.slice(0, 4)}: arbeidskorting en ouderenkorting op AOW-leeftijd zijn niet vastgelegd`,
    );
  }
  return kolom;
}

/** Dutch notes about unverified or approximated figures used for a calculation. */
export function opmerkingenVoor(set: ParameterSet, kolom: LoonheffingKolom): string[] {
  const jaar = set.geldigVanaf.slice(0, 4);
  const uit: string[] = [];
  if (set.tabelloon.herkomst.status === 'aanname') {
    uit.push(`Tabelloon ${jaar}: afrondingsstap van € ${set.tabelloon.stap} niet geverifieerd tegen de Rekenvoorschriften ${jaar}.`);
  }
  if (kolom.herkomst.status === 'secundaire-bron') {
    uit.push(`Loonheffing op AOW-leeftijd ${jaar}: arbeidskorting en ouderenkorting uit een secundaire bron, nog te controleren.`);
  }
  return uit;
}

export interface WitteTabelInvoer extends LoonheffingKeuze {
  readonly periodeloon: Cents;
  readonly tijdvak: Tijdvak;
  readonly datum: PlainDate;
  /** Whether the carer chose the loonheffingskorting with this employer. */
  readonly heffingskorting: boolean;
}

export interface WitteTabelUitkomst {
  /** Table wage per period (for four weeks, weeks and days: annual table wage / factor, rounded). */
  readonly tabelloon: Cents;
  readonly belastingZonderKortingen: Cents;
  /** Applied general tax credit per period (informative, see module comment). */
  readonly algemeneHeffingskorting: Cents;
  /** Applied labour credit per period (the "arbeidskorting" column of the payroll record). */
  readonly arbeidskorting: Cents;
  /** Applied elderly credit per period (state-pension age only). */
  readonly ouderenkorting: Cents;
  /** Wage tax to withhold for this period. */
  readonly loonheffing: Cents;
  readonly jaar: JaarBerekening;
  /** The annual wage exceeded the table's maximum: the excess was taxed at the top rate. */
  readonly boventabel: boolean;
  readonly opmerkingen: readonly string[];
}

/** Annual whole euros → a period amount in cents, rounded half away from zero. */
function perTijdvak(euros: number, factor: number): Cents {
  return divRound(veilig(euros * 100), factor) as Cents;
}

/** Wage tax with the white table for one pay period. */
export function witteTabelLoonheffing(invoer: WitteTabelInvoer): WitteTabelUitkomst {
  const { periodeloon, tijdvak, datum, heffingskorting } = invoer;
  veilig(periodeloon);
  if (periodeloon < 0) throw new LoonheffingFout('negatief periodeloon: correcties worden apart verwerkt');
  const set = parametersFor(datum);
  const factor = set.tijdvakFactoren[tijdvak];
  if (!factor) throw new LoonheffingFout(`onbekend tijdvak: ${String(tijdvak)}`);
  const kolom = kolomVoor(set, invoer);
  const opmerkingen = opmerkingenVoor(set, kolom);

  const jaarloonCenten = veilig(periodeloon * factor);
  const stapCenten = set.tabelloon.stap * 100;
  const lmax = set.tabelloon.maximum;

  if (lmax !== undefined && jaarloonCenten > lmax * 100) {
    // Above the table: the tax at the maximum table wage, plus the top rate on the excess,
    // x = y + floor2((L − Lmax) / F × top rate) (Rekenvoorschriften, "boven de tabel").
    const jaar = jaarbelasting(lmax, kolom, heffingskorting);
    const top = kolom.schijven[kolom.schijven.length - 1]!.tarief;
    const extra = floorDiv(veilig((jaarloonCenten - lmax * 100) * top.teller), veilig(factor * top.noemer)) as number;
    return {
      tabelloon: periodeloon,
      belastingZonderKortingen: (perTijdvak(jaar.belastingZonderKortingen, factor) + extra) as Cents,
      algemeneHeffingskorting: perTijdvak(jaar.toegepast.ahk, factor),
      arbeidskorting: perTijdvak(jaar.toegepast.ark, factor),
      ouderenkorting: perTijdvak(jaar.toegepast.ouderenkorting, factor),
      loonheffing: (perTijdvak(jaar.belasting, factor) + extra) as Cents,
      jaar,
      boventabel: true,
      opmerkingen,
    };
  }

  const tabelloonJaar = floorDiv(jaarloonCenten, stapCenten) * set.tabelloon.stap;
  // Without a known Lmax (2025) the formula is applied uncapped. The 2026 table ends just above
  // the point where the labour credit reaches nil (133,110 vs 132,920), so beyond that point the
  // official table may differ slightly: say so.
  if (lmax === undefined && tabelloonJaar > kolom.ark.afbouw.nulBoven) {
    opmerkingen.push(
      `Maximum tabelloon ${set.geldigVanaf.slice(0, 4)} niet bekend: boven de officiële tabel kan de inhouding iets afwijken.`,
    );
  }
  const jaar = jaarbelasting(tabelloonJaar, kolom, heffingskorting);
  return {
    tabelloon: perTijdvak(tabelloonJaar, factor),
    belastingZonderKortingen: perTijdvak(jaar.belastingZonderKortingen, factor),
    algemeneHeffingskorting: perTijdvak(jaar.toegepast.ahk, factor),
    arbeidskorting: perTijdvak(jaar.toegepast.ark, factor),
    ouderenkorting: perTijdvak(jaar.toegepast.ouderenkorting, factor),
    loonheffing: perTijdvak(jaar.belasting, factor),
    jaar,
    boventabel: false,
    opmerkingen,
  };
}

export interface BijzonderTariefInvoer extends LoonheffingKeuze {
  /** The special payment (e.g. the holiday-pay part of this period's wage). */
  readonly bedrag: Cents;
  /**
   * The annual wage that selects the row: the previous calendar year's wage with this employer,
   * or, when there is none, the period wage (including holiday pay) annualised.
   */
  readonly jaarloon: Cents;
  readonly datum: PlainDate;
  readonly heffingskorting: boolean;
}

export interface BijzonderTariefUitkomst {
  readonly percentage: Percentage;
  readonly loonheffing: Cents;
  /** True while the percentages are not the official table (footnote on the payslip). */
  readonly benadering: boolean;
  readonly opmerkingen: readonly string[];
}

function bijzonderKolom(set: ParameterSet, keuze: LoonheffingKeuze): BijzonderTariefKolom {
  const tabel = set.bijzonderTarief;
  const kolom = !keuze.aowLeeftijd ? tabel.onderAow : keuze.geborenVoor1946 ? tabel.aowGeborenVoor1946 : tabel.aow;
  if (!kolom) {
    throw new LoonheffingFout(
      `geen tabel bijzondere beloningen voor de AOW-leeftijd in ${set.geldigVanaf.slice(0, 4)}`,
    );
  }
  return kolom;
}

/**
 * Wage tax on a special payment (holiday pay, bonus) with the special-rate table: the percentage
 * of the row chosen by the annual wage, times the payment, rounded to cents (half away from zero;
 * to be confirmed against the Rekenvoorschriften). The rows are an approximation until the
 * official table is loaded: `benadering` says so.
 */
export function bijzonderTariefLoonheffing(invoer: BijzonderTariefInvoer): BijzonderTariefUitkomst {
  veilig(invoer.bedrag);
  veilig(invoer.jaarloon);
  if (invoer.bedrag < 0 || invoer.jaarloon < 0) throw new LoonheffingFout('negatief bedrag of jaarloon');
  const set = parametersFor(invoer.datum);
  const kolom = bijzonderKolom(set, invoer);
  const rijen = invoer.heffingskorting ? kolom.metHeffingskorting : kolom.zonderHeffingskorting;
  const jaarloonEuro = floorDiv(invoer.jaarloon, 100);
  let rij = rijen[0];
  for (const r of rijen) if (r.vanaf <= jaarloonEuro) rij = r;
  if (!rij) throw new LoonheffingFout('lege tabel bijzondere beloningen');
  const loonheffing = divRound(veilig(invoer.bedrag * rij.tarief.teller), rij.tarief.noemer) as Cents;
  const jaar = set.geldigVanaf.slice(0, 4);
  const opmerkingen = set.bijzonderTarief.benadering
    ? [
        `Bijzonder tarief ${jaar}: benadering — te controleren tegen de officiële tabel bijzondere beloningen ${jaar}; ` +
          'het percentage is afgeleid uit de schijven en heffingskortingen.',
      ]
    : [];
  if (invoer.aowLeeftijd) opmerkingenVoor(set, kolomVoor(set, invoer)).forEach((o) => opmerkingen.push(o));
  return { percentage: rij.tarief, loonheffing, benadering: set.bijzonderTarief.benadering, opmerkingen };
}
