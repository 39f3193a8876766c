/**
 * Dated payroll parameters (loonheffing, premiums, minimum wage) for 2025 and 2026.
 *
 * Every figure here comes from /work/shared/docs/payroll-2026.md (itself gathered from secondary
 * sources) or is derived from those figures by a stated rule, or — where marked — from another
 * secondary source or an assumption. Each group names in `herkomst.bron` the PRIMARY document it
 * must be checked against before production, and in `herkomst.status` how sure we are:
 *
 * - `payroll-document`: stated in the payroll document; check against the primary source.
 * - `afgeleid`: computed from documented figures by the rule in `toelichting`.
 * - `secundaire-bron`: not in the payroll document; taken from another secondary source.
 * - `aanname`: not found; an explicit assumption that must be verified.
 *
 * Amounts of the tax method are whole euros a year (as in the Rekenvoorschriften); amounts that
 * are paid are `Cents`. Percentages are exact fractions ({@link Percentage}); no floats.
 *
 * Adding a year: copy the newest set, set `geldigVanaf`/`geldigTot`, replace every figure from the
 * primary documents, re-derive the cumulative tax `cumulatief` (see parameters.test.ts) and, until
 * the official table is loaded, the approximate special-rate rows (bijzonderTariefAfleiding.ts).
 */
import type { Cents } from '../../../kernel/money.ts';
import type { PlainDate } from '../../../kernel/dates.ts';
import { compareDates } from '../../../kernel/dates.ts';
import { procent, type Percentage } from './breuk.ts';

export type HerkomstStatus = 'payroll-document' | 'afgeleid' | 'secundaire-bron' | 'aanname';

export interface Herkomst {
  /** The primary document the figures must be checked against. */
  readonly bron: string;
  readonly status: HerkomstStatus;
  readonly toelichting?: string;
}

export type Tijdvak = 'maand' | 'vierweken' | 'week' | 'dag' | 'kwartaal';

/** A tax bracket: from `vanaf` (euro a year) the rate `tarief`; `cumulatief` = tax at `vanaf`. */
export interface Schijf {
  readonly vanaf: number;
  readonly tarief: Percentage;
  readonly cumulatief: number;
}

/** General tax credit: `maximum` up to and including `afbouwVanaf`, then −`afbouw` per euro. */
export interface AlgemeneHeffingskortingParameters {
  readonly maximum: number;
  readonly afbouwVanaf: number;
  readonly afbouw: Percentage;
  /** Above this annual wage the credit is nil (ahkg2 of the Rekenvoorschriften). */
  readonly nulBoven: number;
}

/** One build-up segment of the labour credit: from `vanaf`, `basis` + `tarief` × (wage − vanaf), at most `maximum`. */
export interface ArbeidskortingSegment {
  readonly vanaf: number;
  readonly basis: number;
  readonly tarief: Percentage;
  readonly maximum: number;
}

export interface ArbeidskortingParameters {
  readonly opbouw: readonly ArbeidskortingSegment[];
  /** Taper: from `vanaf`, the last segment's maximum − `tarief` × (wage − vanaf); nil above `nulBoven`. */
  readonly afbouw: { readonly vanaf: number; readonly tarief: Percentage; readonly nulBoven: number };
}

/** Elderly credit (AOW age only): `maximum` up to `afbouwVanaf`, then −`afbouw`, nil from `nulVanaf`. */
export interface OuderenkortingParameters {
  readonly maximum: number;
  readonly afbouwVanaf: number;
  readonly afbouw: Percentage;
  readonly nulVanaf: number;
}

/** One column of the tax method (below state-pension age, or at it). */
export interface LoonheffingKolom {
  readonly schijven: readonly Schijf[];
  readonly ahk: AlgemeneHeffingskortingParameters;
  readonly ark: ArbeidskortingParameters;
  readonly ouderenkorting?: OuderenkortingParameters;
  readonly herkomst: Herkomst;
}

/** A row of the special-rate table: from annual wage `vanaf` (euro), the percentage `tarief`. */
export interface BijzonderTariefRij {
  readonly vanaf: number;
  readonly tarief: Percentage;
}

export interface BijzonderTariefKolom {
  readonly metHeffingskorting: readonly BijzonderTariefRij[];
  readonly zonderHeffingskorting: readonly BijzonderTariefRij[];
}

export interface BijzonderTariefTabel {
  /** Always true until the official table is loaded: the row limits are an approximation. */
  readonly benadering: boolean;
  readonly onderAow: BijzonderTariefKolom;
  readonly aow?: BijzonderTariefKolom;
  readonly aowGeborenVoor1946?: BijzonderTariefKolom;
  readonly herkomst: Herkomst;
}

export type Leeftijdsklasse = 15 | 16 | 17 | 18 | 19 | 20 | 21;

export interface MinimumloonPeriode {
  readonly geldigVanaf: PlainDate;
  readonly geldigTot: PlainDate;
  /** Statutory minimum wage per hour, EXCLUDING holiday pay; 21 = 21 years and older. */
  readonly perUur: Readonly<Record<Leeftijdsklasse, Cents>>;
  /** True while the amounts still have to be confirmed against the published amounts. */
  readonly teBevestigen: boolean;
  readonly herkomst: Herkomst;
}

export interface PremieParameters {
  readonly awf: { readonly laag: Percentage; readonly hoog: Percentage };
  readonly aof: { readonly laag: Percentage; readonly hoog: Percentage };
  readonly wko: Percentage;
  /** Only government employers pay the Ufo premium. */
  readonly ufo: Percentage;
  /** National average; an employer's own rate comes from its Whk decision. */
  readonly whkGemiddeld: Percentage;
  readonly zvwWerkgeversheffing: Percentage;
  readonly zvwIngehoudenBijdrage: Percentage;
  readonly maximumPremieloon: { readonly jaar: Cents; readonly maand: Cents };
  readonly herkomst: Herkomst;
}

export interface ParameterSet {
  readonly geldigVanaf: PlainDate;
  readonly geldigTot: PlainDate;
  /** The primary documents of this year. */
  readonly bron: readonly string[];
  readonly tijdvakFactoren: Readonly<Record<Tijdvak, number>>;
  readonly tabelloon: {
    /** Annual wage is rounded DOWN to a multiple of this many euros. */
    readonly stap: number;
    /** Highest annual table wage (Lmax); above it the excess is taxed at the top rate. */
    readonly maximum?: number;
    readonly herkomst: Herkomst;
  };
  readonly onderAow: LoonheffingKolom;
  /** State-pension age, born 1946 or later; absent when the figures are not (yet) known. */
  readonly aow?: LoonheffingKolom;
  /** State-pension age, born 1945 or earlier. */
  readonly aowGeborenVoor1946?: LoonheffingKolom;
  readonly aowLeeftijd: { readonly jaren: number; readonly maanden: number; readonly herkomst: Herkomst };
  readonly bijzonderTarief: BijzonderTariefTabel;
  readonly premies: PremieParameters;
  readonly minimumloon: readonly MinimumloonPeriode[];
  readonly vakantiegeld: { readonly percentage: Percentage; readonly herkomst: Herkomst };
  /** Whether carers working fewer than 4 days a week for a household are insured for WW/WIA/ZW. */
  readonly kortewekeVerzekerd: { readonly waarde: boolean; readonly herkomst: Herkomst };
}

const c = (n: number) => n as Cents;
const p = procent;

const RV2026 = 'Belastingdienst, Rekenvoorschriften voor de geautomatiseerde loonadministratie 2026, versie 2 (LH 991), met parameterbijlage';
const TARIEVEN2026 =
  'Belastingdienst, Tarieven, bedragen en percentages loonheffingen vanaf 1 januari 2026 (bijlage Nieuwsbrief Loonheffingen 2026)';
const PREMIES2026 = 'Regeling premiepercentages en maximumpremieloon 2026; Handboek Loonheffingen 2026';
const BIJZONDER2026 = 'Belastingdienst, witte tabel bijzondere beloningen 2026 (ook als CSV in release LH2026)';
const WML2026 = 'Rijksoverheid, bedragen minimumloon 2026 (Wet minimumloon en minimumvakantiebijslag; Besluit minimumjeugdloonpercentages)';
const RV2025 = 'Belastingdienst, Rekenvoorschriften voor de geautomatiseerde loonadministratie 2025, met parameterbijlage';
const TARIEVEN2025 = 'Belastingdienst, Tarieven, bedragen en percentages loonheffingen vanaf 1 januari 2025 (bijlage Nieuwsbrief Loonheffingen 2025)';
const PREMIES2025 = 'Regeling premiepercentages en maximumpremieloon 2025; Handboek Loonheffingen 2025';
const BIJZONDER2025 = 'Belastingdienst, witte tabel bijzondere beloningen 2025';
const WML2025 = 'Rijksoverheid, bedragen minimumloon 2025 (Wet minimumloon en minimumvakantiebijslag; Besluit minimumjeugdloonpercentages)';
const RDAH = 'Wetsvoorstel 36 744, Wet aanpassing Regeling dienstverlening aan huis (Staatsblad; datum van publicatie niet gevonden)';

const FACTOREN: Readonly<Record<Tijdvak, number>> = { maand: 12, vierweken: 13, week: 52, dag: 260, kwartaal: 4 };

const JEUGDLOON =
  'jeugdbedragen afgeleid als percentage van het bedrag voor 21 jaar (20: 80%, 19: 60%, 18: 50%, 17: 39,5%, ' +
  '16: 34,5%, 15: 30%), afgerond op centen (half naar boven); dezelfde regel reproduceert de bedragen van januari 2026';

/** The special-rate rows below are an approximation, NOT the official table. */
const BIJZONDER_TOELICHTING =
  'benadering — te controleren tegen de officiële tabel bijzondere beloningen; de rijgrenzen en percentages zijn ' +
  'afgeleid als marginaal tarief (schijftarief plus afbouw en min opbouw van de heffingskortingen) uit de parameters ' +
  'van dit jaar, zie bijzonderTariefAfleiding.ts; de officiële tabel moet worden geladen, niet afgeleid';

const set2026: ParameterSet = {
  geldigVanaf: '2026-01-01' as PlainDate,
  geldigTot: '2026-12-31' as PlainDate,
  bron: [RV2026, TARIEVEN2026, 'Belastingdienst, witte maandtabel 2026', BIJZONDER2026, PREMIES2026, WML2026, RDAH],
  tijdvakFactoren: FACTOREN,
  tabelloon: {
    stap: 54,
    maximum: 133_110,
    herkomst: { bron: RV2026, status: 'payroll-document' },
  },
  onderAow: {
    schijven: [
      { vanaf: 0, tarief: p('35.75'), cumulatief: 0 },
      { vanaf: 38_883, tarief: p('37.56'), cumulatief: 13_900 },
      { vanaf: 78_426, tarief: p('49.50'), cumulatief: 28_752 },
    ],
    ahk: { maximum: 3_115, afbouwVanaf: 29_736, afbouw: p('6.398'), nulBoven: 78_426 },
    ark: {
      opbouw: [
        { vanaf: 0, basis: 0, tarief: p('8.324'), maximum: 996 },
        { vanaf: 11_965, basis: 996, tarief: p('31.009'), maximum: 5_300 },
        { vanaf: 25_845, basis: 5_300, tarief: p('1.950'), maximum: 5_685 },
      ],
      afbouw: { vanaf: 45_592, tarief: p('6.510'), nulBoven: 132_920 },
    },
    herkomst: { bron: `${RV2026}; ${TARIEVEN2026}`, status: 'payroll-document' },
  },
  aow: {
    schijven: [
      { vanaf: 0, tarief: p('17.85'), cumulatief: 0 },
      { vanaf: 38_883, tarief: p('37.56'), cumulatief: 6_940 },
      { vanaf: 78_426, tarief: p('49.50'), cumulatief: 21_792 },
    ],
    ahk: { maximum: 1_556, afbouwVanaf: 29_736, afbouw: p('3.195'), nulBoven: 78_426 },
    ark: {
      opbouw: [
        { vanaf: 0, basis: 0, tarief: p('4.156'), maximum: 498 },
        { vanaf: 11_965, basis: 498, tarief: p('15.483'), maximum: 2_647 },
        { vanaf: 25_845, basis: 2_647, tarief: p('0.974'), maximum: 2_840 },
      ],
      afbouw: { vanaf: 45_592, tarief: p('3.250'), nulBoven: 132_920 },
    },
    ouderenkorting: { maximum: 2_067, afbouwVanaf: 46_002, afbouw: p('15.000'), nulVanaf: 59_782 },
    herkomst: {
      bron: `${RV2026} (tabellen 2, 3, 4 en 6)`,
      status: 'secundaire-bron',
      toelichting:
        'schijf 1 (17,85%) en AHK (1.556, 3,195%) staan in het payroll-document; arbeidskorting, ouderenkorting en de ' +
        'cumulatieve bedragen (6.940 en 21.792, ook afgeleid) komen uit open code (ConductionNL/humaniq, ' +
        'lib/Standards/tables/nl-2026.json, die zegt ze tegen RV2026 te hebben gecontroleerd); zelf controleren',
    },
  },
  aowGeborenVoor1946: {
    schijven: [
      { vanaf: 0, tarief: p('17.85'), cumulatief: 0 },
      { vanaf: 41_123, tarief: p('37.56'), cumulatief: 7_340 },
      { vanaf: 78_426, tarief: p('49.50'), cumulatief: 21_351 },
    ],
    ahk: { maximum: 1_556, afbouwVanaf: 29_736, afbouw: p('3.195'), nulBoven: 78_426 },
    ark: {
      opbouw: [
        { vanaf: 0, basis: 0, tarief: p('4.156'), maximum: 498 },
        { vanaf: 11_965, basis: 498, tarief: p('15.483'), maximum: 2_647 },
        { vanaf: 25_845, basis: 2_647, tarief: p('0.974'), maximum: 2_840 },
      ],
      afbouw: { vanaf: 45_592, tarief: p('3.250'), nulBoven: 132_920 },
    },
    ouderenkorting: { maximum: 2_067, afbouwVanaf: 46_002, afbouw: p('15.000'), nulVanaf: 59_782 },
    herkomst: {
      bron: `${RV2026} (tabellen 2, 3, 4 en 6)`,
      status: 'secundaire-bron',
      toelichting:
        'grens schijf 1 (41.123) staat in het payroll-document; de rest als bij AOW-leeftijd geboren 1946 of later',
    },
  },
  aowLeeftijd: {
    jaren: 67,
    maanden: 0,
    herkomst: {
      bron: 'Algemene Ouderdomswet art. 7a (AOW-leeftijd 2026: 67 jaar)',
      status: 'secundaire-bron',
      toelichting: 'de AOW-kolom geldt vanaf de eerste dag van de maand waarin de AOW-leeftijd wordt bereikt',
    },
  },
  bijzonderTarief: {
    benadering: true,
    // GENERATED by afgeleideBijzonderTariefKolom (bijzonderTariefAfleiding.ts); parameters.test.ts
    // checks that these rows still equal the derivation. Replace by the official table.
    onderAow: {
      metHeffingskorting: [
        { vanaf: 0, tarief: p('0.000') },
        { vanaf: 11_366, tarief: p('27.426') },
        { vanaf: 11_965, tarief: p('4.741') },
        { vanaf: 25_845, tarief: p('33.800') },
        { vanaf: 29_736, tarief: p('40.198') },
        { vanaf: 38_883, tarief: p('42.008') },
        { vanaf: 45_592, tarief: p('50.468') },
        { vanaf: 78_426, tarief: p('56.010') },
        { vanaf: 132_920, tarief: p('49.500') },
      ],
      zonderHeffingskorting: [
        { vanaf: 0, tarief: p('35.750') },
        { vanaf: 38_883, tarief: p('37.560') },
        { vanaf: 78_426, tarief: p('49.500') },
      ],
    },
    aow: {
      metHeffingskorting: [
        { vanaf: 0, tarief: p('0.000') },
        { vanaf: 34_729, tarief: p('20.071') },
        { vanaf: 38_883, tarief: p('39.781') },
        { vanaf: 45_592, tarief: p('44.005') },
        { vanaf: 46_002, tarief: p('59.005') },
        { vanaf: 59_782, tarief: p('44.005') },
        { vanaf: 78_426, tarief: p('52.750') },
        { vanaf: 132_920, tarief: p('49.500') },
      ],
      zonderHeffingskorting: [
        { vanaf: 0, tarief: p('17.850') },
        { vanaf: 38_883, tarief: p('37.560') },
        { vanaf: 78_426, tarief: p('49.500') },
      ],
    },
    aowGeborenVoor1946: {
      metHeffingskorting: [
        { vanaf: 0, tarief: p('0.000') },
        { vanaf: 34_729, tarief: p('20.071') },
        { vanaf: 41_123, tarief: p('39.781') },
        { vanaf: 45_592, tarief: p('44.005') },
        { vanaf: 46_002, tarief: p('59.005') },
        { vanaf: 59_782, tarief: p('44.005') },
        { vanaf: 78_426, tarief: p('52.750') },
        { vanaf: 132_920, tarief: p('49.500') },
      ],
      zonderHeffingskorting: [
        { vanaf: 0, tarief: p('17.850') },
        { vanaf: 41_123, tarief: p('37.560') },
        { vanaf: 78_426, tarief: p('49.500') },
      ],
    },
    herkomst: { bron: BIJZONDER2026, status: 'afgeleid', toelichting: BIJZONDER_TOELICHTING },
  },
  premies: {
    awf: { laag: p('2.74'), hoog: p('7.74') },
    aof: { laag: p('6.27'), hoog: p('7.63') },
    wko: p('0.50'),
    ufo: p('0.68'),
    whkGemiddeld: p('1.52'),
    zvwWerkgeversheffing: p('6.10'),
    zvwIngehoudenBijdrage: p('4.85'),
    maximumPremieloon: { jaar: c(7_940_900), maand: c(661_741) },
    herkomst: {
      bron: `${PREMIES2026}; ${TARIEVEN2026}`,
      status: 'payroll-document',
      toelichting: 'maximumpremieloon per maand € 6.617,41 (= 79.409 / 12, naar beneden op centen) uit het payroll-document',
    },
  },
  minimumloon: [
    {
      geldigVanaf: '2026-01-01' as PlainDate,
      geldigTot: '2026-06-30' as PlainDate,
      perUur: { 21: c(1471), 20: c(1177), 19: c(883), 18: c(736), 17: c(581), 16: c(507), 15: c(441) },
      teBevestigen: false,
      herkomst: { bron: WML2026, status: 'payroll-document' },
    },
    {
      geldigVanaf: '2026-07-01' as PlainDate,
      geldigTot: '2026-12-31' as PlainDate,
      perUur: { 21: c(1499), 20: c(1199), 19: c(899), 18: c(750), 17: c(592), 16: c(517), 15: c(450) },
      teBevestigen: true,
      herkomst: {
        bron: 'Rijksoverheid, bedragen minimumloon per 1 juli 2026',
        status: 'aanname',
        toelichting: `€ 14,99 voor 21 jaar staat als "te bevestigen" in het payroll-document; ${JEUGDLOON}`,
      },
    },
  ],
  vakantiegeld: {
    percentage: p('8'),
    herkomst: { bron: 'Wet minimumloon en minimumvakantiebijslag, art. 15 (ten minste 8%)', status: 'payroll-document' },
  },
  kortewekeVerzekerd: {
    waarde: true,
    herkomst: {
      bron: RDAH,
      status: 'payroll-document',
      toelichting:
        'pgb-zorgverleners die minder dan 4 dagen per week werken zijn vanaf 1 januari 2026 verzekerd voor WW, ZW en WIA ' +
        '(zo nodig met terugwerkende kracht als de wet later wordt gepubliceerd)',
    },
  },
};

const set2025: ParameterSet = {
  geldigVanaf: '2025-01-01' as PlainDate,
  geldigTot: '2025-12-31' as PlainDate,
  bron: [RV2025, TARIEVEN2025, 'Belastingdienst, witte maandtabel 2025', BIJZONDER2025, PREMIES2025, WML2025],
  tijdvakFactoren: FACTOREN,
  tabelloon: {
    stap: 54,
    // Lmax 2025 not known: no above-table rule is applied for 2025 (see loonheffing.ts).
    herkomst: {
      bron: RV2025,
      status: 'aanname',
      toelichting:
        'NIET GEVERIFIEERD: de stap van € 54 is overgenomen van 2026 (het payroll-document noemt alleen 2026); ' +
        'het maximum tabelloon 2025 (Lmax) is niet gevonden',
    },
  },
  onderAow: {
    schijven: [
      { vanaf: 0, tarief: p('35.82'), cumulatief: 0 },
      { vanaf: 38_441, tarief: p('37.48'), cumulatief: 13_769 },
      { vanaf: 76_817, tarief: p('49.50'), cumulatief: 28_152 },
    ],
    ahk: { maximum: 3_068, afbouwVanaf: 28_406, afbouw: p('6.337'), nulBoven: 76_817 },
    ark: {
      opbouw: [
        { vanaf: 0, basis: 0, tarief: p('8.053'), maximum: 980 },
        { vanaf: 12_169, basis: 980, tarief: p('30.030'), maximum: 5_220 },
        { vanaf: 26_288, basis: 5_220, tarief: p('2.258'), maximum: 5_599 },
      ],
      afbouw: { vanaf: 43_071, tarief: p('6.510'), nulBoven: 129_078 },
    },
    herkomst: {
      bron: `${RV2025}; ${TARIEVEN2025}`,
      status: 'afgeleid',
      toelichting:
        'schijven, AHK-maximum en arbeidskortingsegmenten uit het payroll-document; cumulatieve bedragen 13.769 en ' +
        '28.152 afgeleid (naar beneden afgerond, zoals 2026); AHK-afbouwpunt 28.406, afbouw 6,337%, nul boven 76.817, ' +
        'ARK-maximum 5.599 en nulpunt 129.078 uit een secundaire bron (open code rustyx/vrij-loon, ib2025.js)',
    },
  },
  // AOW-age figures for 2025 (arbeidskorting and ouderenkorting at pension age) are not in the
  // payroll document: AOW-age calculations for 2025 are refused rather than guessed.
  aowLeeftijd: {
    jaren: 67,
    maanden: 0,
    herkomst: { bron: 'Algemene Ouderdomswet art. 7a (AOW-leeftijd 2025: 67 jaar)', status: 'secundaire-bron' },
  },
  bijzonderTarief: {
    benadering: true,
    // GENERATED by afgeleideBijzonderTariefKolom; see parameters.test.ts.
    onderAow: {
      metHeffingskorting: [
        { vanaf: 0, tarief: p('0.000') },
        { vanaf: 11_056, tarief: p('27.767') },
        { vanaf: 12_169, tarief: p('5.790') },
        { vanaf: 26_288, tarief: p('33.562') },
        { vanaf: 28_406, tarief: p('39.899') },
        { vanaf: 38_441, tarief: p('41.559') },
        { vanaf: 43_071, tarief: p('50.327') },
        { vanaf: 76_817, tarief: p('56.010') },
        { vanaf: 129_078, tarief: p('49.500') },
      ],
      zonderHeffingskorting: [
        { vanaf: 0, tarief: p('35.820') },
        { vanaf: 38_441, tarief: p('37.480') },
        { vanaf: 76_817, tarief: p('49.500') },
      ],
    },
    herkomst: { bron: BIJZONDER2025, status: 'afgeleid', toelichting: BIJZONDER_TOELICHTING },
  },
  premies: {
    awf: { laag: p('2.74'), hoog: p('7.74') },
    aof: { laag: p('6.28'), hoog: p('7.64') },
    wko: p('0.50'),
    ufo: p('0.68'),
    whkGemiddeld: p('1.33'),
    zvwWerkgeversheffing: p('6.51'),
    zvwIngehoudenBijdrage: p('5.26'),
    maximumPremieloon: { jaar: c(7_586_400), maand: c(632_200) },
    herkomst: {
      bron: `${PREMIES2025}; ${TARIEVEN2025}`,
      status: 'payroll-document',
      toelichting: 'maximumpremieloon per maand afgeleid: 75.864 / 12 = 6.322,00 (deling gaat op)',
    },
  },
  minimumloon: [
    {
      geldigVanaf: '2025-01-01' as PlainDate,
      geldigTot: '2025-06-30' as PlainDate,
      perUur: { 21: c(1406), 20: c(1125), 19: c(844), 18: c(703), 17: c(555), 16: c(485), 15: c(422) },
      teBevestigen: false,
      herkomst: { bron: WML2025, status: 'afgeleid', toelichting: `€ 14,06 voor 21 jaar uit het payroll-document; ${JEUGDLOON}` },
    },
    {
      geldigVanaf: '2025-07-01' as PlainDate,
      geldigTot: '2025-12-31' as PlainDate,
      perUur: { 21: c(1440), 20: c(1152), 19: c(864), 18: c(720), 17: c(569), 16: c(497), 15: c(432) },
      teBevestigen: false,
      herkomst: { bron: WML2025, status: 'afgeleid', toelichting: `€ 14,40 voor 21 jaar uit het payroll-document; ${JEUGDLOON}` },
    },
  ],
  vakantiegeld: {
    percentage: p('8'),
    herkomst: { bron: 'Wet minimumloon en minimumvakantiebijslag, art. 15 (ten minste 8%)', status: 'payroll-document' },
  },
  kortewekeVerzekerd: {
    waarde: false,
    herkomst: {
      bron: 'Handboek Loonheffingen 2025, Regeling dienstverlening aan huis',
      status: 'payroll-document',
      toelichting: 'vóór 2026: geen werknemersverzekeringen voor wie minder dan 4 dagen per week voor een huishouden werkt',
    },
  },
};

export const PARAMETERSETS: readonly ParameterSet[] = [set2025, set2026];

export class GeenParametersFout extends Error {}

/** The parameter set that covers `datum`; throws when no set does. */
export function parametersFor(datum: PlainDate): ParameterSet {
  for (const set of PARAMETERSETS) {
    if (compareDates(set.geldigVanaf, datum) <= 0 && compareDates(datum, set.geldigTot) <= 0) return set;
  }
  const bereik = PARAMETERSETS.map((s) => `${s.geldigVanaf} t/m ${s.geldigTot}`).join(', ');
  throw new GeenParametersFout(
    `geen loonparameters voor ${datum}: vastgelegd zijn alleen ${bereik}; voeg de cijfers van dat jaar toe (docs/payroll.md)`,
  );
}

/** Whether the platform holds the payroll parameters (tables, rates, credits) for `datum`. */
export function hasPayrollParameters(datum: PlainDate): boolean {
  return PARAMETERSETS.some((set) => compareDates(set.geldigVanaf, datum) <= 0 && compareDates(datum, set.geldigTot) <= 0);
}

/** The minimum-wage period within the set that covers `datum`. */
export function minimumloonPeriode(datum: PlainDate): MinimumloonPeriode {
  const set = parametersFor(datum);
  const periode = set.minimumloon.find(
    (m) => compareDates(m.geldigVanaf, datum) <= 0 && compareDates(datum, m.geldigTot) <= 0,
  );
  if (!periode) throw new GeenParametersFout(`geen minimumloon vastgelegd voor ${datum}`);
  return periode;
}
