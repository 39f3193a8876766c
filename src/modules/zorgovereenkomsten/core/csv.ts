/** `zorgovereenkomsten.csv` and `accorderingen.csv` (formats.md). */
import type { CsvSpec, RowReader } from '../../../kernel/csv.ts';
import type { PlainDate } from '../../../kernel/dates.ts';
import type { Cents } from '../../../kernel/money.ts';
import { EENHEDEN, WETTEN, ZOK_SOORTEN, ZOK_STATUSSEN, type Eenheid, type Wet, type ZokSoort, type ZokStatus } from '../../../kernel/wet.ts';

export interface ZorgovereenkomstRow {
  zorgovereenkomst_id: string;
  bsn: string;
  zorgverlener_id: string;
  wet: Wet;
  soort: ZokSoort;
  ingangsdatum: PlainDate;
  einddatum: PlainDate | null;
  eenheid: Eenheid;
  tarief: Cents;
  maximumtarief: Cents | null;
  maandbedrag: Cents | null;
  status: ZokStatus;
}

export const ZORGOVEREENKOMSTEN_SPEC: CsvSpec = {
  required: ['zorgovereenkomst_id', 'bsn', 'zorgverlener_id', 'wet', 'soort', 'ingangsdatum', 'eenheid', 'tarief', 'status'],
  optional: ['einddatum', 'maximumtarief', 'maandbedrag'],
};

export function parseZorgovereenkomst(r: RowReader): ZorgovereenkomstRow | undefined {
  const before = r.problems.length;
  const id = r.id('zorgovereenkomst_id');
  const bsn = r.bsn('bsn');
  const zorgverlener = r.id('zorgverlener_id');
  const wet = r.oneOf('wet', WETTEN);
  const soort = r.oneOf('soort', ZOK_SOORTEN);
  const ingangsdatum = r.date('ingangsdatum');
  const einddatum = r.date('einddatum', false);
  const eenheid = r.oneOf('eenheid', EENHEDEN);
  const tarief = r.euros('tarief');
  const maximumtarief = r.euros('maximumtarief', { required: false });
  const maandbedrag = r.euros('maandbedrag', { required: false });
  const status = r.oneOf('status', ZOK_STATUSSEN);
  if (ingangsdatum && einddatum && einddatum < ingangsdatum) r.problem('einddatum', 'ligt voor de ingangsdatum');
  if (eenheid === 'maand' && r.raw('maandbedrag') === undefined) r.problem('maandbedrag', "verplicht bij eenheid 'maand'");
  if (maandbedrag !== undefined && eenheid !== undefined && eenheid !== 'maand') r.problem('eenheid', "een maandbedrag hoort bij eenheid 'maand'");
  if (r.problems.length > before) return undefined;
  return {
    zorgovereenkomst_id: id!,
    bsn: bsn!,
    zorgverlener_id: zorgverlener!,
    wet: wet!,
    soort: soort!,
    ingangsdatum: ingangsdatum!,
    einddatum: einddatum ?? null,
    eenheid: eenheid!,
    tarief: tarief!,
    maximumtarief: maximumtarief ?? null,
    maandbedrag: maandbedrag ?? null,
    status: status!,
  };
}

export interface AccorderingRow {
  zorgovereenkomst_id: string;
  besluit: 'geaccordeerd' | 'afgekeurd';
  datum: PlainDate;
  maximumtarief: Cents | null;
  reden: string | null;
}

export const ACCORDERINGEN_SPEC: CsvSpec = {
  required: ['zorgovereenkomst_id', 'besluit', 'datum'],
  optional: ['maximumtarief', 'reden'],
};

export function parseAccordering(r: RowReader): AccorderingRow | undefined {
  const before = r.problems.length;
  const id = r.id('zorgovereenkomst_id');
  const besluit = r.oneOf('besluit', ['geaccordeerd', 'afgekeurd'] as const);
  const datum = r.date('datum');
  const maximumtarief = r.euros('maximumtarief', { required: false });
  const reden = r.text('reden', { max: 500 }) ?? null;
  if (besluit === 'afgekeurd' && reden === null && r.raw('reden') === undefined) r.problem('reden', 'verplicht bij een afkeuring: de budgethouder moet weten waarom');
  if (r.problems.length > before) return undefined;
  return { zorgovereenkomst_id: id!, besluit: besluit!, datum: datum!, maximumtarief: maximumtarief ?? null, reden };
}
