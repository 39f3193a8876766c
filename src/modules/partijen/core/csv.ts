/** The CSV rows of `verstrekkers.csv`, `budgethouders.csv` and `zorgverleners.csv` (formats.md). */
import type { CsvSpec, RowReader } from '../../../kernel/csv.ts';
import type { PlainDate } from '../../../kernel/dates.ts';
import { VERSTREKKER_SOORTEN, ZORGVERLENER_SOORTEN, type VerstrekkerSoort, type ZorgverlenerSoort } from '../../../kernel/wet.ts';

export interface VerstrekkerRow {
  code: string;
  naam: string;
  soort: VerstrekkerSoort;
  iban: string;
}

export const VERSTREKKERS_SPEC: CsvSpec = { required: ['code', 'naam', 'soort', 'iban'], optional: [] };

export function parseVerstrekker(r: RowReader): VerstrekkerRow | undefined {
  const before = r.problems.length;
  const code = r.required('code');
  const soort = r.oneOf('soort', VERSTREKKER_SOORTEN);
  if (code !== undefined) {
    if (!/^(GM\d{4}|ZK\d{4})$/.test(code)) r.problem('code', `'${code}' is geen verstrekkerscode (GM gevolgd door vier cijfers voor een gemeente, ZK en vier cijfers voor een zorgkantoor)`);
    else if (soort && (code.startsWith('GM') ? 'gemeente' : 'zorgkantoor') !== soort) r.problem('soort', `code ${code} hoort bij een ${code.startsWith('GM') ? 'gemeente' : 'zorgkantoor'}`);
  }
  const naam = r.text('naam', { required: true, max: 70 });
  const iban = r.iban('iban');
  if (r.problems.length > before) return undefined;
  return { code: code!, naam: naam!, soort: soort!, iban: iban! };
}

export interface BudgethouderRow {
  bsn: string;
  naam: string;
  geboortedatum: PlainDate;
  iban: string | null;
  overlijdensdatum: PlainDate | null;
}

export const BUDGETHOUDERS_SPEC: CsvSpec = { required: ['bsn', 'naam', 'geboortedatum'], optional: ['iban', 'overlijdensdatum'] };

export function parseBudgethouder(r: RowReader): BudgethouderRow | undefined {
  const before = r.problems.length;
  const bsn = r.bsn('bsn');
  const naam = r.text('naam', { required: true, max: 70 });
  const geboortedatum = r.date('geboortedatum');
  const iban = r.iban('iban', false);
  const overlijdensdatum = r.date('overlijdensdatum', false);
  if (geboortedatum && overlijdensdatum && overlijdensdatum < geboortedatum) r.problem('overlijdensdatum', 'ligt voor de geboortedatum');
  if (r.problems.length > before) return undefined;
  return { bsn: bsn!, naam: naam!, geboortedatum: geboortedatum!, iban: iban ?? null, overlijdensdatum: overlijdensdatum ?? null };
}

export interface ZorgverlenerRow {
  zorgverlener_id: string;
  soort: ZorgverlenerSoort;
  naam: string;
  bsn: string | null;
  kvk: string | null;
  agb: string | null;
  iban: string;
}

export const ZORGVERLENERS_SPEC: CsvSpec = {
  required: ['zorgverlener_id', 'soort', 'naam', 'iban'],
  optional: ['bsn', 'kvk', 'agb'],
};

export function parseZorgverlener(r: RowReader): ZorgverlenerRow | undefined {
  const before = r.problems.length;
  const id = r.id('zorgverlener_id');
  const soort = r.oneOf('soort', ZORGVERLENER_SOORTEN);
  const naam = r.text('naam', { required: true, max: 70 });
  const bsn = r.bsn('bsn', false);
  const kvk = r.kvk('kvk');
  const agb = r.agb('agb');
  const iban = r.iban('iban');
  if (soort === 'particulier' && !bsn && r.raw('bsn') === undefined) r.problem('bsn', 'verplicht voor een particuliere zorgverlener');
  if ((soort === 'zzp' || soort === 'instelling') && !kvk && r.raw('kvk') === undefined) r.problem('kvk', `verplicht voor soort ${soort}`);
  if (r.problems.length > before) return undefined;
  return { zorgverlener_id: id!, soort: soort!, naam: naam!, bsn: bsn ?? null, kvk: kvk ?? null, agb: agb ?? null, iban: iban! };
}
