/**
 * The pure steps of a payroll run around the payslip calculation:
 * - which month a claim line's gross belongs to, and the wage basis of a month (`loonGrondslag`);
 * - the difference between a month's new payslip and its previous version (a correction);
 * - how the wage tax to withhold in a run is spread over the claims paid in it (`verdeelInhouding`).
 */
import type { Cents, Quarters } from '../../../kernel/money.ts';
import { lineAmount } from '../../../kernel/money.ts';
import type { LoonGrondslag } from './loonstrook.ts';

export interface LoonRegel {
  readonly declaratieId: string;
  readonly datum: string;
  /** Quarters of the unit; null for a monthly amount line. */
  readonly kwartieren: number | null;
  readonly eenheid: 'uur' | 'dagdeel' | 'etmaal' | 'maand';
  readonly tarief: Cents;
  readonly bedrag: Cents;
}

export const maandVan = (datum: string): string => datum.slice(0, 7);

/**
 * The wage basis of a month from its claim lines. Hours at one rate whose amounts add up to
 * hours × rate: `uren`. Anything else (a monthly amount, day parts, several rates, amounts rounded
 * per line): `maandbedrag`, with the hours worked when all lines are hours (for the minimum-wage
 * check, monthly amount / hours).
 */
export function loonGrondslag(regels: readonly LoonRegel[]): LoonGrondslag {
  const bedrag = regels.reduce((s, r) => s + r.bedrag, 0) as Cents;
  const alleUren = regels.length > 0 && regels.every((r) => r.eenheid === 'uur' && r.kwartieren !== null);
  if (!alleUren) return { soort: 'maandbedrag', bedrag };
  const uren = regels.reduce((s, r) => s + r.kwartieren!, 0) as Quarters;
  const tarieven = new Set(regels.map((r) => r.tarief));
  if (tarieven.size === 1) {
    const uurloon = regels[0]!.tarief;
    if (lineAmount(uren, uurloon) === bedrag) return { soort: 'uren', uren, uurloon };
  }
  return { soort: 'maandbedrag', bedrag, uren };
}

export interface Deel<K> {
  readonly sleutel: K;
  readonly bruto: Cents;
}

/**
 * Spreads `totaal` cents (wage tax to withhold; negative: to give back) over the gross parts paid
 * in this run, in proportion to their gross, by the largest remainder (ties: the order given), so
 * that the shares add up exactly. Withholding never exceeds the gross of the parts: what does not
 * fit stays open (`rest`) for a later run, as does everything when there are no parts.
 */
export function verdeelInhouding<K>(totaal: number, delen: readonly Deel<K>[]): { aandelen: { sleutel: K; ingehouden: number }[]; rest: number } {
  const som = delen.reduce((s, d) => s + d.bruto, 0);
  if (som === 0 || totaal === 0) return { aandelen: delen.map((d) => ({ sleutel: d.sleutel, ingehouden: 0 })), rest: totaal };
  const te = totaal > 0 ? Math.min(totaal, som) : totaal;
  const teken = te < 0 ? -1 : 1;
  const abs = Math.abs(te);
  const basis = delen.map((d) => Math.floor((abs * d.bruto) / som));
  let over = abs - basis.reduce((s, b) => s + b, 0);
  const volgorde = delen
    .map((d, i) => ({ i, rest: (abs * d.bruto) % som }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const v of volgorde) {
    if (over === 0) break;
    basis[v.i]! += 1;
    over--;
  }
  return { aandelen: delen.map((d, i) => ({ sleutel: d.sleutel, ingehouden: teken * basis[i]! })), rest: totaal - te };
}

export interface StrookBedragen {
  readonly brutoloon: number;
  readonly loonheffing: number;
  readonly werkgeverspremies: number;
}

/** The correction of a month: new payslip minus the previous version (nil for the first). */
export function verschil(nieuw: StrookBedragen, vorige: StrookBedragen | undefined): StrookBedragen {
  return {
    brutoloon: nieuw.brutoloon - (vorige?.brutoloon ?? 0),
    loonheffing: nieuw.loonheffing - (vorige?.loonheffing ?? 0),
    werkgeverspremies: nieuw.werkgeverspremies - (vorige?.werkgeverspremies ?? 0),
  };
}
