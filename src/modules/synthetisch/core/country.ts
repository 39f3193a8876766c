/**
 * A synthetic country, reproducible from a seed: funders, budget holders, care providers,
 * allocations and care agreements, in the proportions of the seeds (docs: shared/docs/domain.md §8,
 * seed 001 §1.2.2 and §2, seed 000 "Afgekeurde betalingen"). Pure: no I/O.
 *
 * National scale (160,000 holders) gives about 250,000 agreements (a third with fixed monthly
 * pay), 400 funders (368 municipalities, 32 care offices) and 1.5 million claims a year.
 *
 * Each holder is either clean or carries one of the defects of 2015 that make its claims wait
 * (see SHARES): a budget that runs out, an allocation or agreement that arrives late, an
 * agreement awaiting the funder's approval, a rate above the maximum tariff. The claims
 * (`claims.ts`) add the defects of single claims (duplicates, invalid lines, unknown holders…).
 */
import { syntheticBsn, syntheticIban } from '../../../kernel/synthetic.ts';
import { daysInMonth, type PlainDate } from '../../../kernel/dates.ts';
import { divRound, type Cents } from '../../../kernel/money.ts';
import type { Eenheid, Wet, ZokSoort, ZorgverlenerSoort } from '../../../kernel/wet.ts';
import { Rng } from './prng.ts';

export interface GenerateOptions {
  /** Number of budget holders. */
  holders: number;
  seed: string;
  year: number;
  /** Months of claims (care months 1..months of the year), 1 to 12. */
  months: number;
  /** Claims in the files over all months; default the national ratio (1.5 M per 160,000 holders a year). */
  claims?: number;
  /** Share of the agreements with fixed monthly pay (default 1/3). */
  monthlyShare?: number;
  /** Multiplies every defect share (default 1; tests use more to see each defect at small scale). */
  defectFactor?: number;
}

/** The national figures the defaults scale from. */
export const NATIONAL = { holders: 160_000, agreements: 250_000, funders: 400, municipalities: 368, careOffices: 32, claimsPerYear: 1_500_000 } as const;

/**
 * Shares of the defects. Holder defects are shares of holders; claim defects are shares of the
 * claims in the files. Calibrated on 2015 (seed 000): 1.6% of payments refused, 56% of those for
 * budget, 40% for the maximum tariff; missing agreements and allocations ("geen wet bekend"),
 * agreements awaiting approval and claims sent twice were the other causes of delay.
 */
export const SHARES = {
  holder: {
    krap_budget: 0.025, // the allocation covers about 60% of the planned care of the months generated: later claims wait (BUDGET_ONTOEREIKEND)
    late_toekenning: 0.024, // the allocation arrives in month 2-4 (GEEN_TOEKENNING until then)
    late_zok: 0.018, // a new provider starts before the agreement arrives (GEEN_ZORGOVEREENKOMST)
    ingediend: 0.02, // an agreement awaits the funder's decision (ZORGOVEREENKOMST_NIET_GEACCORDEERD)
    maximumtarief: 0.011, // a rate above the maximum tariff (MAXIMUMTARIEF_OVERSCHREDEN); half deposit the difference
  },
  /**
   * What the holder shares above give as shares of the claims (at the first reading of each
   * month's claims), checked by the tests: budget 0.9% and maximum tariff 0.64% (56% and 40% of the
   * 1.6% refused in 2015), 0.3% each for a missing allocation, a missing agreement and an agreement
   * awaiting approval.
   */
  expected: {
    BUDGET_ONTOEREIKEND: 0.009,
    MAXIMUMTARIEF_OVERSCHREDEN: 0.0064,
    GEEN_TOEKENNING: 0.003,
    GEEN_ZORGOVEREENKOMST: 0.003,
    ZORGOVEREENKOMST_NIET_GEACCORDEERD: 0.003,
  },
  claim: {
    DUBBELE_DECLARATIE: 0.005,
    ONGELDIG: 0.003,
    ONBEKENDE_BUDGETHOUDER: 0.001,
    BUITEN_LOOPTIJD: 0.001,
    TARIEF_AFWIJKEND: 0.001,
  },
} as const;

export type HolderDefect = 'geen' | keyof typeof SHARES.holder;

/** Holders per law in the proportions of the amounts claimed per law, seed 001 §1.2.2 (Jan-Apr 2015, € million). */
export const LAW_WEIGHTS: Record<Wet, number> = { WMO_HH: 24.2, WMO_BG: 129.3, JW: 63.2, WLZ: 242.1 };
const LAWS: Wet[] = ['WMO_HH', 'WMO_BG', 'JW', 'WLZ'];

export interface Funder {
  code: string;
  naam: string;
  soort: 'gemeente' | 'zorgkantoor';
  iban: string;
}

export interface Holder {
  index: number;
  bsn: string;
  naam: string;
  geboortedatum: PlainDate;
  iban: string | null;
  /** The client number the platform gives it: 1000001 + its place in budgethouders.csv (fresh database). */
  clientnummer: number;
  laws: Wet[];
  gemeente: Funder;
  zorgkantoor: Funder;
  defect: HolderDefect;
  agreements: Agreement[];
}

export interface Provider {
  id: string;
  soort: ZorgverlenerSoort;
  naam: string;
  bsn: string | null;
  kvk: string | null;
  agb: string | null;
  iban: string;
}

export interface Agreement {
  id: string;
  holder: Holder;
  provider: Provider;
  wet: Wet;
  soort: ZokSoort;
  eenheid: Eenheid;
  ingangsdatum: PlainDate;
  einddatum: PlainDate | null;
  tarief: Cents;
  maximumtarief: Cents | null;
  maandbedrag: Cents | null;
  status: 'ingediend' | 'geaccordeerd';
  /** 0: in the first zorgovereenkomsten.csv; m: in zorgovereenkomsten-<month m>.csv. */
  arrivalMonth: number;
  /** For an agreement that starts `ingediend`: the month of the decision and what it is. */
  decision: { month: number; besluit: 'geaccordeerd' | 'afgekeurd'; datum: PlainDate } | null;
  /** The care planned per month, in quarters of a unit (claims never exceed it). */
  planQuarters: number;
  /** For a holder defect on this agreement: which one. */
  defect: HolderDefect;
  /** Maximum-tariff agreements whose holder deposits the difference: the month of the bank statement. */
  depositMonth: number | null;
  description: string;
}

export interface Allocation {
  id: string;
  funder: Funder;
  holder: Holder;
  wet: Wet;
  ingangsdatum: PlainDate;
  einddatum: PlainDate;
  bedrag: Cents;
  /** 0: in the first toekenningen.csv; m: in toekenningen-<month m>.csv. */
  arrivalMonth: number;
  /** A correction (a raise) in a later month. */
  correction: { month: number; id: string; bedrag: Cents } | null;
}

export interface Deposit {
  month: number;
  holder: Holder;
  wet: Wet;
  bedrag: Cents;
}

export interface Country {
  options: Required<GenerateOptions>;
  funders: Funder[];
  holders: Holder[];
  providers: Provider[];
  agreements: Agreement[];
  allocations: Allocation[];
  deposits: Deposit[];
  /** Claims per care month (index 0 = month 1), summing to options.claims. */
  claimsPerMonth: number[];
}

const SURNAMES = [
  'de Jong', 'Jansen', 'de Vries', 'van den Berg', 'van Dijk', 'Bakker', 'Janssen', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'de Groot',
  'Bos', 'Vos', 'Peters', 'Hendriks', 'van Leeuwen', 'Dekker', 'Brouwer', 'de Wit', 'Dijkstra', 'Smits', 'de Graaf', 'van der Meer', 'van der Linden',
  'Kok', 'Jacobs', 'de Haan', 'Vermeulen', 'van den Heuvel', 'van der Veen', 'van den Broek', 'de Bruijn', 'de Bruin', 'van der Heijden', 'Schouten',
  'van Beek', 'Willems', 'van Vliet', 'van de Ven', 'Hoekstra', 'Maas', 'Verhoeven', 'Koster', 'van Dam', 'van der Wal', 'Prins', 'Blom', 'Huisman',
  'El Amrani', 'Yilmaz', 'Öztürk', "D'Souza", 'Pietersen, J.', 'Ramdin', 'Nguyen', 'Kowalski',
];
const INITIALS = 'ABCDEFGHIJKLMNOPRSTWY';
const PLACES = [
  'Amsterdam', 'Rotterdam', 'Den Haag', 'Utrecht', 'Eindhoven', 'Groningen', 'Tilburg', 'Almere', 'Breda', 'Nijmegen', 'Apeldoorn', 'Haarlem',
  'Arnhem', 'Enschede', 'Amersfoort', 'Zaanstad', 'Den Bosch', 'Zwolle', 'Leiden', 'Maastricht', 'Dordrecht', 'Ede', 'Alkmaar', 'Emmen', 'Delft',
  'Venlo', 'Deventer', 'Sittard-Geleen', 'Helmond', 'Oss', 'Súdwest-Fryslân', 'Leeuwarden', 'Hengelo', 'Purmerend', 'Roosendaal', 'Schiedam',
];
const SERVICES: Record<Wet, string[]> = {
  WMO_HH: ['huishoudelijke hulp', 'schoonmaakondersteuning', 'hulp bij het huishouden, wekelijks'],
  WMO_BG: ['begeleiding', 'individuele begeleiding', 'dagbesteding', 'begeleiding, groep', 'kortdurend verblijf'],
  JW: ['jeugdhulp', 'ambulante jeugdhulp', 'logeeropvang', 'begeleiding jeugd, individueel'],
  WLZ: ['persoonlijke verzorging', 'verpleging', 'begeleiding', 'dagbesteding', 'logeeropvang', 'toezicht, nacht'],
};

function ymd(y: number, m: number, d: number): PlainDate {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` as PlainDate;
}

function personName(rng: Rng): string {
  const initials = rng.chance(0.3) ? `${rng.pick([...INITIALS])}.${rng.pick([...INITIALS])}.` : `${rng.pick([...INITIALS])}.`;
  return `${initials} ${rng.pick(SURNAMES)}`;
}

function euros(min: number, max: number, rng: Rng, step = 5): Cents {
  const steps = Math.round((max - min) * 100 / step);
  return (min * 100 + rng.int(0, steps) * step) as Cents;
}

/** Number of funders for a scale: the national 368 + 32 in proportion, at least one of each. */
export function funderCounts(holders: number): { municipalities: number; careOffices: number } {
  const f = holders / NATIONAL.holders;
  return {
    municipalities: Math.min(NATIONAL.municipalities, Math.max(1, Math.round(NATIONAL.municipalities * f))),
    careOffices: Math.min(NATIONAL.careOffices, Math.max(1, Math.round(NATIONAL.careOffices * f))),
  };
}

export function defaultClaims(holders: number, months: number): number {
  return Math.round((holders * NATIONAL.claimsPerYear * months) / NATIONAL.holders / 12);
}

export function normaliseOptions(o: GenerateOptions): Required<GenerateOptions> {
  if (!Number.isInteger(o.holders) || o.holders < 1 || o.holders > 3_000_000) throw new RangeError('schaal: 1 tot 3.000.000 budgethouders');
  if (!Number.isInteger(o.months) || o.months < 1 || o.months > 12) throw new RangeError('maanden: 1 tot en met 12');
  if (!Number.isInteger(o.year) || o.year < 1901 || o.year > 2998) throw new RangeError('jaar: 1901 tot 2998');
  return {
    holders: o.holders,
    seed: o.seed,
    year: o.year,
    months: o.months,
    claims: o.claims ?? defaultClaims(o.holders, o.months),
    monthlyShare: o.monthlyShare ?? 1 / 3,
    defectFactor: o.defectFactor ?? 1,
  };
}

/** Builds the whole country (everything but the claims, which `claims.ts` streams month by month). */
export function buildCountry(options: GenerateOptions): Country {
  const o = normaliseOptions(options);
  const rng = Rng.of(o.seed, 'land');
  const { year } = o;
  const counts = funderCounts(o.holders);

  const funders: Funder[] = [];
  const gemeenten: Funder[] = [];
  const gemeenteWeights: number[] = [];
  for (let i = 0; i < counts.municipalities; i++) {
    const code = 1 + Math.floor((i * 1999) / Math.max(1, counts.municipalities)); // spread over GM0001..GM1999
    const place = i < PLACES.length ? PLACES[i]! : `${PLACES[i % PLACES.length]!}-${Math.floor(i / PLACES.length) + 1}`;
    const f: Funder = { code: `GM${String(code).padStart(4, '0')}`, naam: `Gemeente ${place}`, soort: 'gemeente', iban: syntheticIban(100_000 + code, 'BNGH') };
    funders.push(f);
    gemeenten.push(f);
    gemeenteWeights.push(1 / (i + 3)); // a few large cities, many small places
  }
  const zorgkantoren: Funder[] = [];
  for (let i = 0; i < counts.careOffices; i++) {
    const code = 5501 + i;
    const f: Funder = { code: `ZK${code}`, naam: `Zorgkantoor ${PLACES[i % PLACES.length]!} e.o.`, soort: 'zorgkantoor', iban: syntheticIban(200_000 + code, 'INGB') };
    funders.push(f);
    zorgkantoren.push(f);
  }

  const f = o.defectFactor;
  const defectNames = Object.keys(SHARES.holder) as (keyof typeof SHARES.holder)[];
  const defectWeights = defectNames.map((k) => SHARES.holder[k] * f);
  const clean = Math.max(0, 1 - defectWeights.reduce((s, w) => s + w, 0));
  const lawWeights = LAWS.map((w) => LAW_WEIGHTS[w]);

  const holders: Holder[] = [];
  const providers: Provider[] = [];
  const agreements: Agreement[] = [];
  const allocations: Allocation[] = [];
  const deposits: Deposit[] = [];
  let providerSeq = 0;
  const newProvider = (soort: ZorgverlenerSoort): Provider => {
    const n = ++providerSeq;
    const id = `ZV-${soort === 'particulier' ? 'P' : soort === 'zzp' ? 'Z' : 'I'}${String(n).padStart(7, '0')}`;
    const iban = syntheticIban(20_000_000 + n);
    if (soort === 'particulier') return { id, soort, naam: personName(rng), bsn: syntheticBsn(4_000_000 + n), kvk: null, agb: null, iban };
    if (soort === 'zzp') return { id, soort, naam: `${rng.pick(['Zorg', 'Thuishulp', 'Begeleiding', 'Coaching'])} ${rng.pick(SURNAMES)}`, bsn: null, kvk: String(30_000_000 + n), agb: null, iban };
    return { id, soort, naam: `${rng.pick(['Zorggroep', 'Stichting Zorg', 'Thuiszorg', 'Jeugdzorg'])} ${rng.pick(PLACES)} B.V.`, bsn: null, kvk: String(60_000_000 + n), agb: String(40_000_000 + n), iban };
  };
  // institutions and some self-employed serve many holders: pools that grow with the country
  const institutions: Provider[] = [];
  const sharedZzp: Provider[] = [];
  const pooled = (pool: Provider[], perMember: number, soort: ZorgverlenerSoort): Provider => {
    if (pool.length === 0 || rng.chance(1 / perMember)) {
      const p = newProvider(soort);
      pool.push(p);
      providers.push(p);
      return p;
    }
    return rng.pick(pool);
  };
  let agreementSeq = 0;
  let allocationSeq = 0;
  const lateMonth = (): number => (o.months >= 2 ? rng.int(2, Math.min(4, o.months)) : 0);

  for (let i = 0; i < o.holders; i++) {
    const d = rng.chance(clean) ? -1 : rng.weighted(defectWeights);
    let defect: HolderDefect = d < 0 ? 'geen' : defectNames[d]!;
    if (o.months < 2 && (defect === 'late_toekenning' || defect === 'late_zok' || defect === 'ingediend')) defect = 'geen';
    const primary = LAWS[rng.weighted(lawWeights)]!;
    const laws: Wet[] = [primary];
    if (defect === 'geen' && (primary === 'WMO_HH' || primary === 'WMO_BG') && rng.chance(0.12)) laws.push(primary === 'WMO_HH' ? 'WMO_BG' : 'WMO_HH');
    const age = primary === 'JW' ? rng.int(1, 17) : primary === 'WLZ' ? (rng.chance(0.7) ? rng.int(65, 99) : rng.int(18, 64)) : rng.int(18, 95);
    const gi = rng.weighted(gemeenteWeights);
    const holder: Holder = {
      index: i,
      bsn: syntheticBsn(i),
      naam: personName(rng),
      geboortedatum: ymd(year - age, rng.int(1, 12), rng.int(1, 28)),
      iban: rng.chance(0.3) ? syntheticIban(10_000_000 + i) : null,
      clientnummer: 1_000_001 + i,
      laws,
      gemeente: gemeenten[gi]!,
      zorgkantoor: zorgkantoren[gi % zorgkantoren.length]!,
      defect,
      agreements: [],
    };
    holders.push(holder);

    // agreements: 1.56 per holder on average (250,000 per 160,000)
    const n = defect === 'late_zok' ? 1 : 1 + rng.weighted([0.55, 0.35, 0.08, 0.02]);
    const hourlyOnly = defect === 'krap_budget' || defect === 'maximumtarief' || defect === 'ingediend';
    for (let k = 0; k < n; k++) {
      const wet = laws[k % laws.length]!;
      const monthly = !hourlyOnly && rng.chance(o.monthlyShare);
      agreements.push(makeAgreement(holder, wet, monthly, 'geen'));
    }
    if (defect === 'late_zok') {
      const a = makeAgreement(holder, primary, false, 'late_zok', newProvider('zzp'));
      providers.push(a.provider);
      a.arrivalMonth = lateMonth();
      a.ingangsdatum = ymd(year, 1, 1);
      a.einddatum = null;
      agreements.push(a);
    }
    if (defect === 'ingediend' || defect === 'maximumtarief') {
      const a = holder.agreements[0]!;
      a.defect = defect;
      if (defect === 'ingediend') {
        a.status = 'ingediend';
        const month = lateMonth();
        a.decision = { month, besluit: rng.chance(0.9) ? 'geaccordeerd' : 'afgekeurd', datum: firstDays(year, month) };
      } else {
        a.maximumtarief = (a.tarief - divRound(a.tarief * rng.int(8, 15), 100)) as Cents;
        if (rng.chance(0.5)) a.depositMonth = rng.int(1, Math.min(2, o.months));
      }
    }
    if (defect === 'krap_budget') for (const a of holder.agreements) a.defect = 'krap_budget';

    // allocations: per law, the planned care of the year with a margin (tight: about 60% of it)
    for (const wet of laws) {
      const own = holder.agreements.filter((a) => a.wet === wet);
      const funder = wet === 'WLZ' ? holder.zorgkantoor : holder.gemeente;
      const yearCost = own.reduce((s, a) => s + yearlyCost(a), 0);
      const id = () => `TKB-${year}-${String(++allocationSeq).padStart(7, '0')}`;
      if (defect === 'krap_budget') {
        allocations.push(allocation(id(), funder, holder, wet, ymd(year, 1, 1), ymd(year, 12, 31), roundEuros((yearCost * o.months * rng.around(0.6, 0.15, 0.4, 0.8)) / 12), 0));
      } else if (defect === 'geen' && rng.chance(0.1)) {
        // more than one decision for a law (seed 003): the year in two halves
        const half = roundEuros(yearCost * 0.5 * 1.3 + 10_000);
        allocations.push(allocation(id(), funder, holder, wet, ymd(year, 1, 1), ymd(year, 6, 30), half, 0));
        allocations.push(allocation(id(), funder, holder, wet, ymd(year, 7, 1), ymd(year, 12, 31), half, 0));
      } else {
        const a = allocation(id(), funder, holder, wet, ymd(year, 1, 1), ymd(year, 12, 31), roundEuros(yearCost * 1.3 + 10_000), defect === 'late_toekenning' && wet === primary ? lateMonth() : 0);
        if (defect === 'geen' && o.months >= 2 && rng.chance(0.03)) a.correction = { month: rng.int(2, o.months), id: `${a.id}-C1`, bedrag: roundEuros(a.bedrag * 1.1) };
        allocations.push(a);
      }
    }
    for (const a of holder.agreements) {
      if (a.depositMonth !== null && a.maximumtarief !== null) {
        const excess = divRound(a.planQuarters * (a.tarief - a.maximumtarief), 4) * 12;
        deposits.push({ month: a.depositMonth, holder, wet: a.wet, bedrag: roundEuros(excess * 1.3 + 1_000) });
      }
    }
  }

  // claims per month: the total spread evenly, the remainder to the first months
  const claimsPerMonth = Array.from({ length: o.months }, (_, m) => Math.floor(o.claims / o.months) + (m < o.claims % o.months ? 1 : 0));
  return { options: o, funders, holders, providers, agreements, allocations, deposits, claimsPerMonth };

  function makeAgreement(holder: Holder, wet: Wet, monthly: boolean, defect: HolderDefect, provider?: Provider): Agreement {
    let soort: ZokSoort;
    let eenheid: Eenheid;
    let p: Provider | undefined;
    if (monthly) {
      soort = rng.chance(0.6) ? 'arbeidsovereenkomst' : 'familie';
      eenheid = 'maand';
    } else {
      const k = rng.weighted([0.5, 0.3, 0.2]);
      soort = (['opdracht', 'instelling', 'familie'] as const)[k]!;
      eenheid = soort === 'instelling' && (wet === 'WLZ' || wet === 'JW') ? (['uur', 'dagdeel', 'etmaal'] as const)[rng.weighted([0.6, 0.3, 0.1])]! : soort === 'instelling' ? (rng.chance(0.3) ? 'dagdeel' : 'uur') : 'uur';
    }
    if (provider) p = provider;
    else if (soort === 'instelling') p = pooled(institutions, 40, 'instelling');
    else if (soort === 'opdracht' && rng.chance(0.2)) p = pooled(sharedZzp, 4, 'zzp');
    // one agreement per holder and provider: two would make the duplicate check compare their lines
    if (p === undefined || holder.agreements.some((x) => x.provider === p)) {
      p = newProvider(soort === 'instelling' ? 'instelling' : soort === 'opdracht' ? 'zzp' : 'particulier');
      providers.push(p);
    }
    let tarief: Cents;
    let planQuarters: number;
    let maandbedrag: Cents | null = null;
    if (eenheid === 'maand') {
      maandbedrag = euros(wet === 'WLZ' ? 600 : 300, wet === 'WLZ' ? 3200 : 1800, rng, 100);
      tarief = maandbedrag;
      planQuarters = 4;
    } else if (eenheid === 'uur') {
      const [lo, hi, hLo, hHi] = ({ WMO_HH: [18, 32, 6, 24], WMO_BG: [35, 65, 8, 40], JW: [40, 75, 8, 40], WLZ: [25, 62, 16, 60] } as const)[wet];
      tarief = euros(lo, hi, rng, soort === 'familie' ? 50 : 5);
      planQuarters = 4 * rng.int(hLo, hHi);
    } else if (eenheid === 'dagdeel') {
      tarief = euros(45, 110, rng);
      planQuarters = 4 * rng.int(2, 10);
    } else {
      tarief = euros(150, 320, rng);
      planQuarters = 4 * rng.int(1, 5);
    }
    // start: most agreements run since earlier years; some start during the year; a few end
    const startsInYear = rng.chance(0.12);
    const ingangsdatum = startsInYear ? ymd(year, rng.int(2, 12), 1) : ymd(year - rng.int(1, 6), rng.int(1, 12), 1);
    let einddatum: PlainDate | null = null;
    if (!startsInYear && defect === 'geen' && holder.defect === 'geen' && rng.chance(0.05)) {
      const m = rng.int(3, 11);
      einddatum = ymd(year, m, daysInMonth(year, m));
    }
    // maximum tariff: care offices have uniform ones, municipalities set one per agreement (or none)
    let maximumtarief: Cents | null = null;
    if (eenheid !== 'maand' && (wet === 'WLZ' || rng.chance(0.7))) maximumtarief = (tarief + rng.int(0, 8) * 50) as Cents;
    const a: Agreement = {
      id: `ZOK-${String(++agreementSeq).padStart(8, '0')}`,
      holder,
      provider: p,
      wet,
      soort,
      eenheid,
      ingangsdatum,
      einddatum,
      tarief,
      maximumtarief,
      maandbedrag,
      status: 'geaccordeerd',
      arrivalMonth: 0,
      decision: null,
      planQuarters,
      defect,
      depositMonth: null,
      description: rng.pick(SERVICES[wet]),
    };
    holder.agreements.push(a);
    return a;
  }
}

/** The working days at the start of a month: the date a funder decides in month m (day 1-5). */
function firstDays(year: number, month: number): PlainDate {
  return ymd(year, month, 1 + ((month * 7) % 5));
}

function allocation(id: string, funder: Funder, holder: Holder, wet: Wet, from: PlainDate, to: PlainDate, bedrag: Cents, arrivalMonth: number): Allocation {
  return { id, funder, holder, wet, ingangsdatum: from, einddatum: to, bedrag, arrivalMonth, correction: null };
}

/** The most an agreement can cost in a year: every month's planned care (or monthly pay). */
export function yearlyCost(a: Agreement): number {
  if (a.maandbedrag !== null) return a.maandbedrag * 12;
  const rate = a.maximumtarief !== null ? Math.min(a.tarief, a.maximumtarief) : a.tarief;
  return divRound(a.planQuarters * rate, 4) * 12;
}

function roundEuros(c: number): Cents {
  return (Math.ceil(c / 100) * 100) as Cents;
}
