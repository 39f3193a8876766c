/** The rows of `toekenningen.csv` (formats.md): an allocation, or a correction or withdrawal of one. */
import type { CsvSpec, RowReader } from '../../../kernel/csv.ts';
import type { PlainDate } from '../../../kernel/dates.ts';
import type { Cents } from '../../../kernel/money.ts';
import { WETTEN, type Wet } from '../../../kernel/wet.ts';

export interface ToekenningRow {
  toekenning_id: string;
  verstrekker: string;
  bsn: string;
  wet: Wet;
  ingangsdatum: PlainDate;
  einddatum: PlainDate;
  bedrag: Cents;
  vervangt: string | null;
}

export const TOEKENNINGEN_SPEC: CsvSpec = {
  required: ['toekenning_id', 'verstrekker', 'bsn', 'wet', 'ingangsdatum', 'einddatum', 'bedrag'],
  optional: ['vervangt'],
};

export function parseToekenning(r: RowReader): ToekenningRow | undefined {
  const before = r.problems.length;
  const id = r.id('toekenning_id');
  const verstrekker = r.required('verstrekker');
  const bsn = r.bsn('bsn');
  const wet = r.oneOf('wet', WETTEN);
  const ingangsdatum = r.date('ingangsdatum');
  const einddatum = r.date('einddatum');
  const vervangt = r.raw('vervangt') ?? null;
  const bedrag = r.euros('bedrag', { allowZero: vervangt !== null });
  if (ingangsdatum && einddatum && einddatum < ingangsdatum) r.problem('einddatum', 'ligt voor de ingangsdatum');
  if (vervangt !== null && vervangt === id) r.problem('vervangt', 'een toekenning kan zichzelf niet vervangen');
  if (r.problems.length > before) return undefined;
  return { toekenning_id: id!, verstrekker: verstrekker!, bsn: bsn!, wet: wet!, ingangsdatum: ingangsdatum!, einddatum: einddatum!, bedrag: bedrag!, vervangt };
}
