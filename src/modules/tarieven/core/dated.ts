/**
 * Dated parameters: maximum tariffs and the rules of the holder's own amounts are rows with a
 * validity (geldig_van, geldig_tot), per law (verstrekker null: the law's national value) or per
 * funder (a municipality's own). Never constants in code: the tables are seeded by migration 007
 * with their source and extended with `pgb maximumtarief zet` / `pgb eigen-bedrag-regel zet`.
 */
import type { PlainDate } from '../../../kernel/dates.ts';
import type { Cents } from '../../../kernel/money.ts';
import type { Eenheid, Wet, ZokSoort, ZorgverlenerSoort } from '../../../kernel/wet.ts';

export const TARIEF_CATEGORIEEN = ['formeel_uur', 'dagdeel', 'informeel_uur'] as const;
export type TariefCategorie = (typeof TARIEF_CATEGORIEEN)[number];

export const CATEGORIE_NAMEN: Record<TariefCategorie, string> = {
  formeel_uur: 'formele zorg per uur',
  dagdeel: 'per dagdeel',
  informeel_uur: 'informele zorg per uur',
};

export interface Dated {
  verstrekker: string | null;
  wet: Wet;
  geldigVan: PlainDate;
  geldigTot: PlainDate | null;
}

export interface MaxTariff extends Dated {
  categorie: TariefCategorie;
  bedrag: Cents;
  bron: string;
}

/**
 * The category of an agreement's rate. Per day part: `dagdeel`. Per hour: formal when the carer is a
 * KvK-registered organisation or self-employed (provider kind `instelling` or `zzp`) and the
 * agreement is not one with family (`familie`); else informal (Regeling langdurige zorg, as in
 * shared/docs/payroll-2026.md). Other units (etmaal, maand) have no national maximum.
 */
export function categoryOf(agreementKind: ZokSoort, unit: Eenheid, providerKind: ZorgverlenerSoort | null): TariefCategorie | null {
  if (unit === 'dagdeel') return 'dagdeel';
  if (unit !== 'uur') return null;
  const formal = agreementKind !== 'familie' && (providerKind === 'zzp' || providerKind === 'instelling');
  return formal ? 'formeel_uur' : 'informeel_uur';
}

export const covers = (row: { geldigVan: PlainDate; geldigTot: PlainDate | null }, d: PlainDate): boolean =>
  row.geldigVan <= d && (row.geldigTot === null || d <= row.geldigTot);

/**
 * The row that applies on a date: the funder's own before the law's national one; among rows of the
 * same level the one that started last.
 */
export function applicable<T extends Dated>(rows: readonly T[], q: { verstrekker: string | null; wet: Wet; datum: PlainDate }, match: (r: T) => boolean = () => true): T | undefined {
  let best: T | undefined;
  for (const r of rows) {
    if (r.wet !== q.wet || !covers(r, q.datum) || !match(r)) continue;
    if (r.verstrekker !== null && r.verstrekker !== q.verstrekker) continue;
    if (best === undefined) best = r;
    else {
      const rOwn = r.verstrekker !== null;
      const bOwn = best.verstrekker !== null;
      if (rOwn !== bOwn ? rOwn : r.geldigVan > best.geldigVan) best = r;
    }
  }
  return best;
}

/** The maximum tariff that applies to an agreement's rate on a date, if any. */
export function applicableMaxTariff(rows: readonly MaxTariff[], q: { verstrekker: string | null; wet: Wet; categorie: TariefCategorie | null; datum: PlainDate }): MaxTariff | undefined {
  if (q.categorie === null) return undefined;
  return applicable(rows, q, (r) => r.categorie === q.categorie);
}

/** A new row may not overlap a row of the same funder (or the law), law and kind. */
export function overlapping<T extends Dated>(rows: readonly T[], candidate: T, sameKind: (a: T, b: T) => boolean): T | undefined {
  const end = (d: PlainDate | null) => d ?? '9999-12-31';
  return rows.find(
    (r) => r.verstrekker === candidate.verstrekker && r.wet === candidate.wet && sameKind(r, candidate) && r.geldigVan <= end(candidate.geldigTot) && candidate.geldigVan <= end(r.geldigTot),
  );
}

export const EIGEN_BEDRAG_SOORTEN = ['verantwoordingsvrij', 'reiskosten', 'administratiekosten'] as const;
export type EigenBedragSoort = (typeof EIGEN_BEDRAG_SOORTEN)[number];

export interface OwnAmountRule extends Dated {
  soort: EigenBedragSoort;
  /** hundredths of a percent of what was spent (150 = 1.5%); null: a fixed yearly amount */
  percentage: number | null;
  minimum: Cents;
  maximum: Cents;
  bron: string;
}
