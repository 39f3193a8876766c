/** SQL of the dated tables: maximum tariffs and the rules of the holder's own amounts. */
import type { Queryable } from '../../db/connection.ts';
import type { PlainDate } from '../../kernel/dates.ts';
import type { Cents } from '../../kernel/money.ts';
import type { Wet } from '../../kernel/wet.ts';
import type { EigenBedragSoort, MaxTariff, OwnAmountRule, TariefCategorie } from './core/dated.ts';

export async function loadMaxTariffs(tx: Queryable): Promise<MaxTariff[]> {
  const r = await tx.query<{ verstrekker: string | null; wet: Wet; categorie: TariefCategorie; geldig_van: PlainDate; geldig_tot: PlainDate | null; bedrag: number; bron: string }>(
    `SELECT verstrekker, wet, categorie, geldig_van, geldig_tot, bedrag, bron FROM maximumtarieven ORDER BY wet, categorie, COALESCE(verstrekker, ''), geldig_van`,
  );
  return r.rows.map((x) => ({ verstrekker: x.verstrekker, wet: x.wet, categorie: x.categorie, geldigVan: x.geldig_van, geldigTot: x.geldig_tot, bedrag: x.bedrag as Cents, bron: x.bron }));
}

export async function insertMaxTariff(tx: Queryable, t: MaxTariff, actor: string, now: Date): Promise<void> {
  await tx.query(
    `INSERT INTO maximumtarieven (verstrekker, wet, categorie, geldig_van, geldig_tot, bedrag, bron, actor, op) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [t.verstrekker, t.wet, t.categorie, t.geldigVan, t.geldigTot, t.bedrag, t.bron, actor, now],
  );
}

export async function loadOwnAmountRules(tx: Queryable): Promise<OwnAmountRule[]> {
  const r = await tx.query<{ verstrekker: string | null; wet: Wet; soort: EigenBedragSoort; geldig_van: PlainDate; geldig_tot: PlainDate | null; percentage: number | null; minimum: number; maximum: number; bron: string }>(
    `SELECT verstrekker, wet, soort, geldig_van, geldig_tot, percentage, minimum, maximum, bron FROM eigen_bedrag_regels ORDER BY wet, soort, COALESCE(verstrekker, ''), geldig_van`,
  );
  return r.rows.map((x) => ({
    verstrekker: x.verstrekker, wet: x.wet, soort: x.soort, geldigVan: x.geldig_van, geldigTot: x.geldig_tot, percentage: x.percentage, minimum: x.minimum as Cents, maximum: x.maximum as Cents, bron: x.bron,
  }));
}

export async function insertOwnAmountRule(tx: Queryable, t: OwnAmountRule, actor: string, now: Date): Promise<void> {
  await tx.query(
    `INSERT INTO eigen_bedrag_regels (verstrekker, wet, soort, geldig_van, geldig_tot, percentage, minimum, maximum, bron, actor, op) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [t.verstrekker, t.wet, t.soort, t.geldigVan, t.geldigTot, t.percentage, t.minimum, t.maximum, t.bron, actor, now],
  );
}

export async function funderExists(tx: Queryable, code: string): Promise<boolean> {
  const r = await tx.query(`SELECT 1 FROM verstrekkers WHERE code = $1`, [code]);
  return r.rows.length > 0;
}
