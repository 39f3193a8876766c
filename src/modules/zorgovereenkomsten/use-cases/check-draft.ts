/**
 * A draft agreement checked as the holder types it (`POST /api/zorgovereenkomsten/controle`),
 * without storing anything: the same reading rules as the draft itself (`parseZorgovereenkomst`,
 * the rules of zorgovereenkomsten.csv), the provider known, the minimum wage for an employment or
 * family agreement by the hour (`minimumloonAfspraakfout`, which refuses the draft), and as
 * warnings that do not block: a rate above the maximum tariff that will apply (the agreement's
 * law, the funder of the holder's latest budget of that law, the category of agreement and
 * provider; the difference is paid only from the holder's own deposits) and no budget of that law
 * covering the start date.
 */
import type { Queryable } from '../../../db/connection.ts';
import { RowReader } from '../../../kernel/csv.ts';
import type { PlainDate } from '../../../kernel/dates.ts';
import type { InputProblem } from '../../../kernel/errors.ts';
import { formatEurosNl, type Cents } from '../../../kernel/money.ts';
import { WET_NAMEN, type ZorgverlenerSoort } from '../../../kernel/wet.ts';
import { minimumloonAfspraakfout } from '../../loonadministratie/core/controles.ts';
import { applicableMaxTariff, CATEGORIE_NAMEN, categoryOf, loadMaxTariffs } from '../../tarieven/index.ts';
import { parseZorgovereenkomst } from '../core/csv.ts';
import type { DraftInput } from './draft-and-sign.ts';

export interface DraftCheck {
  /** what blocks the draft, per field (`column`) */
  problems: InputProblem[];
  /** what does not block but the holder should know, per field */
  waarschuwingen: { column: string; message: string }[];
  /** the maximum tariff that will apply from the start date, when one is known */
  maximumtarief: { bedrag: Cents; omschrijving: string } | null;
}

export async function checkAgreementDraft(db: Queryable, input: DraftInput): Promise<DraftCheck> {
  const problems: InputProblem[] = [];
  const reader = new RowReader('verzoek', {
    line: 1,
    values: {
      zorgovereenkomst_id: 'controle',
      bsn: input.bsn,
      zorgverlener_id: input.zorgverlener_id.trim(),
      wet: input.wet,
      soort: input.soort,
      ingangsdatum: input.ingangsdatum.trim(),
      einddatum: (input.einddatum ?? '').trim(),
      eenheid: input.eenheid,
      tarief: input.tarief.trim(),
      maximumtarief: '',
      maandbedrag: (input.maandbedrag ?? '').trim(),
      status: 'ingediend',
    },
  }, problems);
  const row = parseZorgovereenkomst(reader);
  const waarschuwingen: DraftCheck['waarschuwingen'] = [];
  if (!row) return { problems, waarschuwingen, maximumtarief: null };

  const provider = await db.query<{ soort: ZorgverlenerSoort; geboortedatum: PlainDate | null }>(
    `SELECT soort, to_char(geboortedatum, 'YYYY-MM-DD') AS geboortedatum FROM zorgverleners WHERE zorgverlener_id = $1`,
    [row.zorgverlener_id],
  );
  const p = provider.rows[0];
  if (!p) {
    problems.push({ file: 'verzoek', line: 1, column: 'zorgverlener_id', message: `zorgverlener '${row.zorgverlener_id}' is onbekend` });
    return { problems, waarschuwingen, maximumtarief: null };
  }
  const onderMinimum = minimumloonAfspraakfout({ ...row, geboortedatum: p.geboortedatum });
  if (onderMinimum) problems.push({ file: 'verzoek', line: 1, column: 'tarief', message: onderMinimum });

  const budgets = await db.query<{ verstrekker: string; ingangsdatum: PlainDate; einddatum: PlainDate }>(
    `SELECT verstrekker, ingangsdatum, einddatum FROM budgetten WHERE budgethouder_id = $1 AND wet = $2 AND toegekend > 0 ORDER BY einddatum DESC`,
    [input.holderId, row.wet],
  );
  const funder = budgets.rows[0]?.verstrekker ?? null;
  if (!budgets.rows.some((b) => b.ingangsdatum <= row.ingangsdatum && row.ingangsdatum <= b.einddatum)) {
    waarschuwingen.push({
      column: 'wet',
      message: `U heeft geen budget voor ${WET_NAMEN[row.wet]} op ${row.ingangsdatum}. Declaraties onder deze zorgovereenkomst wachten tot de verstrekker een budget toekent.`,
    });
  }
  const categorie = categoryOf(row.soort, row.eenheid, p.soort);
  const max = applicableMaxTariff(await loadMaxTariffs(db), { verstrekker: funder, wet: row.wet, categorie, datum: row.ingangsdatum });
  const maximumtarief = max ? { bedrag: max.bedrag, omschrijving: `${max.verstrekker === null ? 'landelijk maximumtarief' : `maximumtarief van ${max.verstrekker}`} ${CATEGORIE_NAMEN[max.categorie]}` } : null;
  if (max && row.eenheid !== 'maand' && row.tarief > max.bedrag) {
    waarschuwingen.push({
      column: 'tarief',
      message: `Het tarief ${formatEurosNl(row.tarief)} is hoger dan het ${maximumtarief!.omschrijving} (${formatEurosNl(max.bedrag)}). Het verschil betaalt u zelf, uit een eigen storting; de verstrekker kan ook een ander maximumtarief vaststellen.`,
    });
  }
  return { problems, waarschuwingen, maximumtarief };
}
