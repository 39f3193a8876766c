/**
 * Entering a dated parameter: a maximum tariff (national per law, or a funder's own) or a rule of
 * the holder's own amounts. Checked whole (every field, no overlap with a row of the same funder,
 * law and kind), then written with its audit row in one transaction. Rows are never changed: a new
 * value is a new row from a later date (close the old one first with its end date in the import).
 */
import type { Db } from '../../../db/connection.ts';
import { parseDate, type PlainDate } from '../../../kernel/dates.ts';
import { AppError, InputError } from '../../../kernel/errors.ts';
import { formatEuros, parseEuros, type Cents } from '../../../kernel/money.ts';
import { WETTEN, type Wet } from '../../../kernel/wet.ts';
import { writeAudit } from '../../audit/index.ts';
import { EIGEN_BEDRAG_SOORTEN, overlapping, TARIEF_CATEGORIEEN, type EigenBedragSoort, type MaxTariff, type OwnAmountRule, type TariefCategorie } from '../core/dated.ts';
import { funderExists, insertMaxTariff, insertOwnAmountRule, loadMaxTariffs, loadOwnAmountRules } from '../repo.ts';

export interface MaxTariffInput {
  verstrekker?: string | null;
  wet: string;
  categorie: string;
  geldig_van: string;
  geldig_tot?: string | null;
  bedrag: string;
  bron: string;
}

type Problem = { field: string; message: string };

function fail(what: string, problems: Problem[]): never {
  throw new InputError(
    problems.map((p) => ({ file: what, line: 1, column: p.field, message: p.message })),
    `${what} is niet vastgelegd: ${problems.length} fout(en); er is niets opgeslagen`,
  );
}

function common(input: { verstrekker?: string | null; wet: string; geldig_van: string; geldig_tot?: string | null; bron: string }, problems: Problem[]) {
  if (!(WETTEN as readonly string[]).includes(input.wet)) problems.push({ field: 'wet', message: `'${input.wet}' is geen wet; kies uit ${WETTEN.join(', ')}` });
  const van = parseDate(input.geldig_van);
  if (!van) problems.push({ field: 'geldig_van', message: `'${input.geldig_van}' is geen datum (JJJJ-MM-DD)` });
  let tot: PlainDate | null = null;
  if (input.geldig_tot) {
    const t = parseDate(input.geldig_tot);
    if (!t) problems.push({ field: 'geldig_tot', message: `'${input.geldig_tot}' is geen datum (JJJJ-MM-DD)` });
    else if (van && t < van) problems.push({ field: 'geldig_tot', message: `${t} ligt voor geldig_van ${van}` });
    else tot = t;
  }
  if (!input.bron || input.bron.trim().length < 5) problems.push({ field: 'bron', message: 'noem de bron (bijvoorbeeld de Staatscourant of het besluit van de gemeente)' });
  return { verstrekker: input.verstrekker || null, wet: input.wet as Wet, geldigVan: van as PlainDate, geldigTot: tot, bron: (input.bron ?? '').trim() };
}

export async function setMaxTariff(db: Db, input: MaxTariffInput, ctx: { actor: string; now?: Date }): Promise<MaxTariff> {
  const problems: Problem[] = [];
  const base = common(input, problems);
  if (!(TARIEF_CATEGORIEEN as readonly string[]).includes(input.categorie)) problems.push({ field: 'categorie', message: `'${input.categorie}' is geen categorie; kies uit ${TARIEF_CATEGORIEEN.join(', ')}` });
  const bedrag = parseEuros(input.bedrag);
  if (bedrag === undefined || bedrag <= 0) problems.push({ field: 'bedrag', message: `'${input.bedrag}' is geen bedrag groter dan nul (euro's met punt, bijvoorbeeld 80.81)` });
  if (problems.length > 0) fail('maximumtarief', problems);
  const row: MaxTariff = { ...base, categorie: input.categorie as TariefCategorie, bedrag: bedrag as Cents };
  const now = ctx.now ?? new Date();
  return db.transaction(async (tx) => {
    await tx.query(`LOCK TABLE maximumtarieven IN SHARE ROW EXCLUSIVE MODE`);
    if (row.verstrekker !== null && !(await funderExists(tx, row.verstrekker))) fail('maximumtarief', [{ field: 'verstrekker', message: `verstrekker '${row.verstrekker}' bestaat niet` }]);
    const clash = overlapping(await loadMaxTariffs(tx), row, (a, b) => a.categorie === b.categorie);
    if (clash) {
      throw new AppError('CONFLICT', `er geldt al een maximumtarief ${clash.categorie} voor ${clash.verstrekker ?? clash.wet} van ${clash.geldigVan} tot ${clash.geldigTot ?? 'nader order'} (${formatEuros(clash.bedrag)}); laat de perioden niet overlappen`);
    }
    await insertMaxTariff(tx, row, ctx.actor, now);
    await writeAudit(tx, { actor: ctx.actor, action: 'maximumtarief.zet', subject: `maximumtarief:${row.verstrekker ?? row.wet}:${row.categorie}:${row.geldigVan}`, reason: row.bron, details: { ...row }, at: now });
    return row;
  });
}

export interface OwnAmountRuleInput {
  verstrekker?: string | null;
  wet: string;
  soort: string;
  geldig_van: string;
  geldig_tot?: string | null;
  /** percent with up to two decimals ('1.5'); empty for a fixed yearly amount */
  percentage?: string | null;
  minimum?: string | null;
  maximum: string;
  bron: string;
}

export async function setOwnAmountRule(db: Db, input: OwnAmountRuleInput, ctx: { actor: string; now?: Date }): Promise<OwnAmountRule> {
  const problems: Problem[] = [];
  const base = common(input, problems);
  if (!(EIGEN_BEDRAG_SOORTEN as readonly string[]).includes(input.soort)) problems.push({ field: 'soort', message: `'${input.soort}' is geen soort; kies uit ${EIGEN_BEDRAG_SOORTEN.join(', ')}` });
  let percentage: number | null = null;
  if (input.percentage) {
    const p = parseEuros(input.percentage); // two decimals, as hundredths
    if (p === undefined || p < 0 || p > 10000) problems.push({ field: 'percentage', message: `'${input.percentage}' is geen percentage tussen 0 en 100 (met hoogstens twee decimalen)` });
    else percentage = p;
  }
  const minimum = input.minimum ? parseEuros(input.minimum) : (0 as Cents);
  if (minimum === undefined || minimum < 0) problems.push({ field: 'minimum', message: `'${input.minimum}' is geen bedrag` });
  const maximum = parseEuros(input.maximum);
  if (maximum === undefined || maximum <= 0) problems.push({ field: 'maximum', message: `'${input.maximum}' is geen bedrag groter dan nul` });
  else if (minimum !== undefined && maximum < minimum) problems.push({ field: 'maximum', message: `het maximum ${formatEuros(maximum)} is lager dan het minimum ${formatEuros(minimum)}` });
  if (problems.length > 0) fail('eigen-bedragregel', problems);
  const row: OwnAmountRule = { ...base, soort: input.soort as EigenBedragSoort, percentage, minimum: minimum as Cents, maximum: maximum as Cents };
  const now = ctx.now ?? new Date();
  return db.transaction(async (tx) => {
    await tx.query(`LOCK TABLE eigen_bedrag_regels IN SHARE ROW EXCLUSIVE MODE`);
    if (row.verstrekker !== null && !(await funderExists(tx, row.verstrekker))) fail('eigen-bedragregel', [{ field: 'verstrekker', message: `verstrekker '${row.verstrekker}' bestaat niet` }]);
    const clash = overlapping(await loadOwnAmountRules(tx), row, (a, b) => a.soort === b.soort);
    if (clash) throw new AppError('CONFLICT', `er geldt al een regel ${clash.soort} voor ${clash.verstrekker ?? clash.wet} van ${clash.geldigVan} tot ${clash.geldigTot ?? 'nader order'}; laat de perioden niet overlappen`);
    await insertOwnAmountRule(tx, row, ctx.actor, now);
    await writeAudit(tx, { actor: ctx.actor, action: 'eigen_bedrag_regel.zet', subject: `eigen_bedrag_regel:${row.verstrekker ?? row.wet}:${row.soort}:${row.geldigVan}`, reason: row.bron, details: { ...row }, at: now });
    return row;
  });
}
