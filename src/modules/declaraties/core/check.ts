/**
 * The checks on a claim (formats.md, "Reason codes" and "Budget rule"), as pure functions over a
 * context that the repository loads for a whole batch. Claims are checked in order of receipt; an
 * approved claim takes its money out of the context's balances at once, so that the next claim in
 * the batch sees what is left.
 *
 * Budget rule: a line's amount up to the maximum tariff is charged to the allocations of the
 * agreement's law that cover the line's date, the one ending first before the others; the part of a
 * rate above the maximum tariff is paid only from the holder's own deposits (vrijwillige storting)
 * for that law. When the allocations fall short, what is left of the holder's own deposits tops them
 * up. A claim is paid whole or not at all.
 */
import type { PlainDate } from '../../../kernel/dates.ts';
import { divRound, formatEurosNl, type Cents } from '../../../kernel/money.ts';
import { WET_NAMEN, type Wet } from '../../../kernel/wet.ts';
import { NEXT_STEP, type ReasonCode } from './reasons.ts';
import { applicableMaxTariff, CATEGORIE_NAMEN, type MaxTariff, type TariefCategorie } from '../../tarieven/index.ts';
import type { ZokSoort } from '../../../kernel/wet.ts';
import { minimumloonClaimfout, werkgeverslastenRaming } from '../../loonadministratie/core/controles.ts';

export interface ClaimLine {
  regelnr: number;
  datum: PlainDate;
  /** null when the quantity is not in steps of 0.25 */
  kwartieren: number | null;
  eenheden: string;
  tarief: Cents;
  bedrag: Cents;
  omschrijving: string | null;
}

export interface Claim {
  declaratieId: string;
  soort: 'declaratie' | 'maandloon';
  ontvangstdatum: PlainDate;
  bsn: string;
  zorgverlenerId: string;
  gevraagdeZorgovereenkomst: string | null;
  lines: ClaimLine[];
  bedrag: Cents;
}

export interface Agreement {
  id: string;
  holderId: number;
  providerId: string;
  wet: Wet;
  ingangsdatum: PlainDate;
  einddatum: PlainDate | null;
  tarief: Cents;
  maandbedrag: Cents | null;
  status: 'ingediend' | 'geaccordeerd' | 'afgekeurd';
  maximumtarief: Cents | null;
  verstrekkerNaam: string | null;
  /** the category of its rate for the maximum-tariff tables (null: none applies) */
  categorie?: TariefCategorie | null;
  /** the funder of the holder's latest budget of the agreement's law (for a municipality's own maxima) */
  verstrekker?: string | null;
  /** Payroll (loonadministratie): kind, unit and carer's birth date for the minimum-wage check. */
  soort?: ZokSoort;
  eenheid?: string;
  geboortedatum?: PlainDate | null;
  /** Set when the wage goes through the payroll: its premiums come on top of the gross. */
  loon?: { dagenPerWeek: number; vastContract: boolean } | null;
}

export interface Budget {
  budgetId: string;
  holderId: number;
  wet: Wet;
  ingangsdatum: PlainDate;
  einddatum: PlainDate;
  /** what is left, mutated as claims are approved */
  beschikbaar: number;
}

export interface CheckContext {
  holdersByBsn: Map<string, { id: number }>;
  /** agreements by `holderId|providerId` */
  agreementsByPair: Map<string, Agreement[]>;
  agreementsById: Map<string, Agreement>;
  /** budgets by `holderId|wet`, sorted by end date, then start date, then id */
  budgets: Map<string, Budget[]>;
  /** the holder's own deposits left, by `holderId|wet` */
  ownFunds: Map<string, number>;
  /** lines claimed before (not rejected): `bsn|provider|date|quarters` → claim id */
  claimedLines: Map<string, string>;
  /** the dated maximum tariffs (national and per funder), used when an agreement names none */
  maxTariffs?: readonly MaxTariff[];
}

export interface Charge {
  regelnr: number;
  source: 'budget' | 'eigen_bijdrage';
  budgetId: string | null;
  amount: number;
}

export type Outcome =
  | { status: 'goedgekeurd'; agreement: Agreement; holderId: number; charges: Charge[] }
  | {
      status: 'geparkeerd' | 'afgekeurd';
      reason: ReasonCode;
      message: string;
      holderId: number | null;
      agreement: Agreement | null;
    };

export const pairKey = (holderId: number, providerId: string): string => `${holderId}|${providerId}`;
export const budgetKey = (holderId: number, wet: string): string => `${holderId}|${wet}`;
export const lineKey = (bsn: string, providerId: string, datum: string, kwartieren: number): string =>
  `${bsn}|${providerId}|${datum}|${kwartieren}`;

/** Sorts budgets by the budget rule: the one ending first, then the one starting first, then by id. */
export function sortBudgets(budgets: Budget[]): Budget[] {
  return budgets.sort((a, b) =>
    a.einddatum !== b.einddatum ? (a.einddatum < b.einddatum ? -1 : 1) : a.ingangsdatum !== b.ingangsdatum ? (a.ingangsdatum < b.ingangsdatum ? -1 : 1) : a.budgetId < b.budgetId ? -1 : 1,
  );
}

const MAX_QUARTERS_PER_DAY = 24 * 4;

function refuse(status: 'geparkeerd' | 'afgekeurd', reason: ReasonCode, detail: string, holderId: number | null = null, agreement: Agreement | null = null): Outcome {
  return { status, reason, message: `${detail} ${NEXT_STEP[reason]}`, holderId, agreement };
}

/** ONGELDIG: what makes a claim implausible whatever else is known. */
export function invalidReason(claim: Claim): string | undefined {
  if (claim.lines.length === 0) return 'De declaratie heeft geen regels.';
  const perDay = new Map<string, number>();
  for (const l of claim.lines) {
    if (l.kwartieren === null) return `Regel ${l.regelnr}: ${l.eenheden} eenheden is niet in stappen van 0,25.`;
    if (l.kwartieren <= 0) return `Regel ${l.regelnr}: het aantal eenheden (${l.eenheden}) moet groter dan nul zijn.`;
    if (l.tarief <= 0) return `Regel ${l.regelnr}: het tarief moet groter dan nul zijn.`;
    if (l.datum > claim.ontvangstdatum) return `Regel ${l.regelnr}: de zorgdatum ${l.datum} ligt na de ontvangst van de declaratie (${claim.ontvangstdatum}).`;
    if (claim.soort === 'declaratie') perDay.set(l.datum, (perDay.get(l.datum) ?? 0) + l.kwartieren);
  }
  for (const [day, q] of perDay) {
    if (q > MAX_QUARTERS_PER_DAY) return `Op ${day} zijn meer dan 24 eenheden gedeclareerd (${q / 4}); een dag heeft 24 uur.`;
  }
  if (claim.bedrag <= 0) return 'Het totaalbedrag moet groter dan nul zijn.';
  return undefined;
}

/**
 * The deadline for claims: care given in year Y must be claimed by 1 April of Y+1 (issue #8, the
 * year-end settlement of the budgets). A claim received later is rejected.
 */
export function claimDeadline(careDate: PlainDate): PlainDate {
  return `${Number(careDate.slice(0, 4)) + 1}-04-01` as PlainDate;
}

/** INDIENTERMIJN_VERSTREKEN: the first line whose deadline passed before the claim was received. */
export function lateReason(claim: Claim): string | undefined {
  for (const l of [...claim.lines].sort((a, b) => (a.datum < b.datum ? -1 : a.datum > b.datum ? 1 : a.regelnr - b.regelnr))) {
    const deadline = claimDeadline(l.datum);
    if (claim.ontvangstdatum > deadline) {
      return `Regel ${l.regelnr}: zorg van ${l.datum.slice(0, 4)} moest uiterlijk ${deadline} zijn gedeclareerd; deze declaratie is ontvangen op ${claim.ontvangstdatum}.`;
    }
  }
  return undefined;
}

/**
 * The maximum tariff of a line: the one the agreement names, else the dated table's (the funder's
 * own before the law's national one) for the agreement's category on the line's date.
 */
export function maxTariffFor(agreement: Agreement, datum: PlainDate, tables: readonly MaxTariff[] | undefined): { bedrag: Cents; label: string } | null {
  if (agreement.maximumtarief !== null) return { bedrag: agreement.maximumtarief, label: 'het maximumtarief' };
  if (!tables || tables.length === 0) return null;
  const row = applicableMaxTariff(tables, { verstrekker: agreement.verstrekker ?? null, wet: agreement.wet, categorie: agreement.categorie ?? null, datum });
  if (!row) return null;
  const whose = row.verstrekker === null ? `het landelijke maximumtarief` : `het maximumtarief van ${row.verstrekker}`;
  return { bedrag: row.bedrag, label: `${whose} ${CATEGORIE_NAMEN[row.categorie]} (${WET_NAMEN[row.wet]}, vanaf ${row.geldigVan})` };
}

/** The agreement a claim belongs to: the one named, else the best match of holder and provider by date. */
export function matchAgreement(claim: Claim, holderId: number, ctx: CheckContext): Agreement | undefined {
  const candidates = ctx.agreementsByPair.get(pairKey(holderId, claim.zorgverlenerId)) ?? [];
  if (claim.gevraagdeZorgovereenkomst !== null) {
    return candidates.find((a) => a.id === claim.gevraagdeZorgovereenkomst);
  }
  if (candidates.length <= 1) return candidates[0];
  const covers = (a: Agreement, d: PlainDate) => d >= a.ingangsdatum && (a.einddatum === null || d <= a.einddatum);
  const rank = { geaccordeerd: 0, ingediend: 1, afgekeurd: 2 } as const;
  const scored = candidates.map((a) => ({ a, covered: claim.lines.filter((l) => covers(a, l.datum)).length }));
  // most lines covered, then the most advanced status, then the latest start, then the id (so that the order the database returned them in never decides)
  const later = (x: string, y: string) => (x === y ? 0 : x < y ? 1 : -1);
  scored.sort((x, y) => y.covered - x.covered || rank[x.a.status] - rank[y.a.status] || later(x.a.ingangsdatum, y.a.ingangsdatum) || (x.a.id < y.a.id ? -1 : x.a.id > y.a.id ? 1 : 0));
  return scored[0]!.a;
}

const eur = formatEurosNl;

/** Checks one claim against the context; on approval, takes its money out of the context. */
export function checkClaim(claim: Claim, ctx: CheckContext): Outcome {
  const invalid = invalidReason(claim);
  if (invalid) return refuse('afgekeurd', 'ONGELDIG', invalid);
  const late = lateReason(claim);
  if (late) return refuse('afgekeurd', 'INDIENTERMIJN_VERSTREKEN', late);

  if (claim.soort === 'declaratie') {
    for (const l of claim.lines) {
      const earlier = ctx.claimedLines.get(lineKey(claim.bsn, claim.zorgverlenerId, l.datum, l.kwartieren!));
      if (earlier !== undefined && earlier !== claim.declaratieId) {
        return refuse('afgekeurd', 'DUBBELE_DECLARATIE', `Regel ${l.regelnr} (${l.datum}, ${l.eenheden} eenheden) is al gedeclareerd met declaratie ${earlier}.`);
      }
    }
  }

  const holder = ctx.holdersByBsn.get(claim.bsn);
  if (!holder) return refuse('afgekeurd', 'ONBEKENDE_BUDGETHOUDER', 'Er is geen budgethouder met dit BSN bekend.');
  const holderId = holder.id;
  // From here on the claim counts as "claimed before" for later claims, unless it is rejected.
  const remember = () => {
    if (claim.soort !== 'declaratie') return;
    for (const l of claim.lines) ctx.claimedLines.set(lineKey(claim.bsn, claim.zorgverlenerId, l.datum, l.kwartieren!), claim.declaratieId);
  };

  const agreement = matchAgreement(claim, holderId, ctx);
  if (!agreement) {
    remember();
    const named = claim.gevraagdeZorgovereenkomst ? ` (${claim.gevraagdeZorgovereenkomst})` : '';
    return refuse('geparkeerd', 'GEEN_ZORGOVEREENKOMST', `Er is geen zorgovereenkomst${named} tussen deze budgethouder en zorgverlener ${claim.zorgverlenerId}.`, holderId);
  }
  if (agreement.status === 'afgekeurd') {
    return {
      status: 'afgekeurd',
      reason: 'ZORGOVEREENKOMST_NIET_GEACCORDEERD',
      message: `De verstrekker heeft zorgovereenkomst ${agreement.id} afgekeurd; deze declaratie kan niet worden betaald. Sluit zo nodig een nieuwe zorgovereenkomst.`,
      holderId,
      agreement,
    };
  }
  if (agreement.status === 'ingediend') {
    remember();
    const who = agreement.verstrekkerNaam ?? 'de verstrekker';
    return refuse('geparkeerd', 'ZORGOVEREENKOMST_NIET_GEACCORDEERD', `Zorgovereenkomst ${agreement.id} wacht op accordering door ${who}.`, holderId, agreement);
  }
  for (const l of claim.lines) {
    if (l.datum < agreement.ingangsdatum || (agreement.einddatum !== null && l.datum > agreement.einddatum)) {
      const term = `${agreement.ingangsdatum} t/m ${agreement.einddatum ?? 'onbepaalde tijd'}`;
      return refuse('afgekeurd', 'BUITEN_LOOPTIJD', `Regel ${l.regelnr}: ${l.datum} valt buiten de looptijd van zorgovereenkomst ${agreement.id} (${term}).`, holderId, agreement);
    }
  }
  const agreed = claim.soort === 'maandloon' ? (agreement.maandbedrag ?? agreement.tarief) : agreement.tarief;
  for (const l of claim.lines) {
    if (l.tarief > agreed) {
      return refuse('afgekeurd', 'TARIEF_AFWIJKEND', `Regel ${l.regelnr}: het tarief ${eur(l.tarief)} is hoger dan het afgesproken tarief ${eur(agreed)}.`, holderId, agreement);
    }
  }
  if (agreement.soort !== undefined) {
    const belowMinimum = minimumloonClaimfout({ soort: agreement.soort, eenheid: agreement.eenheid ?? '', geboortedatum: agreement.geboortedatum ?? null }, claim.lines);
    if (belowMinimum) return refuse('afgekeurd', 'ONDER_MINIMUMLOON', belowMinimum, holderId, agreement);
  }
  const budgets = ctx.budgets.get(budgetKey(holderId, agreement.wet)) ?? [];
  for (const l of claim.lines) {
    if (!budgets.some((b) => b.ingangsdatum <= l.datum && l.datum <= b.einddatum)) {
      remember();
      return refuse('geparkeerd', 'GEEN_TOEKENNING', `Er is geen toekenning voor ${WET_NAMEN[agreement.wet]} die ${l.datum} dekt (regel ${l.regelnr}).`, holderId, agreement);
    }
  }

  // The part above the maximum tariff: only from the holder's own deposits.
  const ownKey = budgetKey(holderId, agreement.wet);
  let own = ctx.ownFunds.get(ownKey) ?? 0;
  const charges: Charge[] = [];
  const budgetPart = new Map<number, number>();
  let excessTotal = 0;
  // Monthly pay has no maximum tariff (the agreed monthly amount is checked above).
  const maxOf = new Map<number, { bedrag: Cents; label: string } | null>();
  for (const l of claim.lines) maxOf.set(l.regelnr, claim.soort === 'maandloon' ? null : maxTariffFor(agreement, l.datum, ctx.maxTariffs));
  let firstOver: { line: ClaimLine; max: { bedrag: Cents; label: string } } | undefined;
  for (const l of claim.lines) {
    let part = l.bedrag as number;
    const max = maxOf.get(l.regelnr)!;
    if (max !== null && l.tarief > max.bedrag) {
      part = divRound(l.kwartieren! * max.bedrag, 4);
      const excess = l.bedrag - part;
      excessTotal += excess;
      charges.push({ regelnr: l.regelnr, source: 'eigen_bijdrage', budgetId: null, amount: excess });
      firstOver ??= { line: l, max };
    }
    budgetPart.set(l.regelnr, part);
  }
  if (excessTotal > own) {
    remember();
    const { line: rate, max } = firstOver!;
    return refuse(
      'geparkeerd',
      'MAXIMUMTARIEF_OVERSCHREDEN',
      `Het tarief ${eur(rate.tarief)} is hoger dan ${max.label} ${eur(max.bedrag)}. Het verschil (${eur(excessTotal)}) kan alleen uit eigen stortingen worden betaald; daarvan is ${eur(own)} beschikbaar.`,
      holderId,
      agreement,
    );
  }
  own -= excessTotal;

  // The rest: the covering allocations, the one ending first before the others; then own deposits.
  const taken = new Map<Budget, number>();
  let shortfall = 0;
  const lines = [...claim.lines].sort((a, b) => (a.datum < b.datum ? -1 : a.datum > b.datum ? 1 : a.regelnr - b.regelnr));
  for (const l of lines) {
    let need = budgetPart.get(l.regelnr)!;
    for (const b of budgets) {
      if (need === 0) break;
      if (b.ingangsdatum > l.datum || l.datum > b.einddatum) continue;
      const left = b.beschikbaar - (taken.get(b) ?? 0);
      const take = Math.min(left, need);
      if (take <= 0) continue;
      taken.set(b, (taken.get(b) ?? 0) + take);
      charges.push({ regelnr: l.regelnr, source: 'budget', budgetId: b.budgetId, amount: take });
      need -= take;
    }
    if (need > 0) {
      const fromOwn = Math.min(own, need);
      if (fromOwn > 0) {
        charges.push({ regelnr: l.regelnr, source: 'eigen_bijdrage', budgetId: null, amount: fromOwn });
        own -= fromOwn;
        need -= fromOwn;
      }
      shortfall += need;
    }
  }
  // Payroll: the employer premiums come on top of the gross wage, from the same budgets (the payroll
  // run charges the exact amount; this estimate is never lower).
  const premies = agreement.loon ? werkgeverslastenRaming(claim.bedrag, lines[0]!.datum, agreement.loon) : 0;
  if (shortfall === 0 && premies > 0) {
    const covering = budgets.filter((b) => claim.lines.some((l) => b.ingangsdatum <= l.datum && l.datum <= b.einddatum));
    const left = covering.reduce((t, b) => t + b.beschikbaar - (taken.get(b) ?? 0), 0);
    if (left < premies) {
      remember();
      return refuse(
        'geparkeerd',
        'BUDGET_ONTOEREIKEND',
        `Het resterende budget voor ${WET_NAMEN[agreement.wet]} dekt het brutoloon (${eur(claim.bedrag)}), maar niet ook de werkgeverslasten daarop (ten hoogste ${eur(premies)}); er ontbreekt ${eur(premies - left)}.`,
        holderId,
        agreement,
      );
    }
  }
  if (shortfall > 0) {
    remember();
    const available = claim.bedrag - shortfall;
    return refuse(
      'geparkeerd',
      'BUDGET_ONTOEREIKEND',
      `Het resterende budget voor ${WET_NAMEN[agreement.wet]} (${eur(available)}) is lager dan de declaratie (${eur(claim.bedrag)}); er ontbreekt ${eur(shortfall)}.`,
      holderId,
      agreement,
    );
  }
  for (const [b, amount] of taken) b.beschikbaar -= amount;
  ctx.ownFunds.set(ownKey, own);
  remember();
  return { status: 'goedgekeurd', agreement, holderId, charges: mergeCharges(charges) };
}

function mergeCharges(charges: Charge[]): Charge[] {
  const merged = new Map<string, Charge>();
  for (const c of charges) {
    const key = `${c.regelnr}|${c.source}|${c.budgetId}`;
    const m = merged.get(key);
    if (m) m.amount += c.amount;
    else merged.set(key, { ...c });
  }
  return [...merged.values()].filter((c) => c.amount > 0);
}
