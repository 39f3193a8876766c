/**
 * `declaraties.csv`: one row per claim line; the lines of a claim share its id and its header
 * fields (receipt, channel, holder, provider, agreement). Quantities off the 0.25 grid, zero or
 * negative quantities and rates are accepted here and rejected as ONGELDIG by the checks, so that
 * the holder hears why; what cannot be read at all is a file error.
 */
import type { CsvSpec, RowReader } from '../../../kernel/csv.ts';
import { dateInNetherlands, paymentDeadline, type PlainDate } from '../../../kernel/dates.ts';
import type { InputProblem } from '../../../kernel/errors.ts';
import { decimalTimesRate, lineAmount, type Cents, type Quarters } from '../../../kernel/money.ts';
import { KANALEN, type Kanaal } from '../../../kernel/wet.ts';
import type { Claim, ClaimLine } from './check.ts';

export interface ClaimLineRow {
  declaratie_id: string;
  ontvangen_op: Date;
  ontvangen_op_tekst: string;
  kanaal: Kanaal;
  bsn: string;
  zorgverlener_id: string;
  zorgovereenkomst_id: string | null;
  datum: PlainDate;
  eenheden: string;
  kwartieren: number | null;
  tarief: Cents;
  omschrijving: string | null;
}

export const DECLARATIES_SPEC: CsvSpec = {
  required: ['declaratie_id', 'ontvangen_op', 'kanaal', 'bsn', 'zorgverlener_id', 'datum', 'eenheden', 'tarief'],
  optional: ['zorgovereenkomst_id', 'omschrijving'],
};

export function parseClaimLine(r: RowReader): ClaimLineRow | undefined {
  const before = r.problems.length;
  let id = r.id('declaratie_id');
  if (id?.startsWith('mnd:')) id = r.problem('declaratie_id', "ids die met 'mnd:' beginnen zijn voor het maandloon gereserveerd");
  const ontvangenTekst = r.raw('ontvangen_op');
  const ontvangen = r.moment('ontvangen_op');
  const kanaal = r.oneOf('kanaal', KANALEN);
  const bsn = r.bsn('bsn');
  const zorgverlener = r.id('zorgverlener_id');
  const zok = r.raw('zorgovereenkomst_id') ?? null;
  const datum = r.date('datum');
  const quantity = r.quantity('eenheden');
  const tarief = r.euros('tarief', { allowZero: true, allowNegative: true });
  const omschrijving = r.text('omschrijving', { max: 200 }) ?? null;
  if (quantity && 'quarters' in quantity && Math.abs(quantity.quarters) > 10_000 * 4) r.problem('eenheden', 'meer dan 10.000 eenheden op één regel');
  if (r.problems.length > before) return undefined;
  return {
    declaratie_id: id!,
    ontvangen_op: ontvangen!,
    ontvangen_op_tekst: ontvangenTekst!,
    kanaal: kanaal!,
    bsn: bsn!,
    zorgverlener_id: zorgverlener!,
    zorgovereenkomst_id: zok,
    datum: datum!,
    eenheden: r.raw('eenheden')!,
    kwartieren: quantity && 'quarters' in quantity ? quantity.quarters : null,
    tarief: tarief!,
    omschrijving,
  };
}

export interface ClaimDraft extends Claim {
  ontvangenOp: Date;
  kanaal: Kanaal | 'systeem';
  uitersteBetaaldatum: PlainDate;
  /** canonical content, compared when the same id arrives again */
  content: string;
  firstLine: number;
}

/** Groups the lines by claim, checking that the lines of one claim agree on its header fields. */
export function groupClaimLines(file: string, rows: { line: number; row: ClaimLineRow }[], problems: InputProblem[]): ClaimDraft[] {
  const claims = new Map<string, { first: ClaimLineRow; firstLine: number; lines: { line: number; row: ClaimLineRow }[] }>();
  for (const r of rows) {
    const c = claims.get(r.row.declaratie_id);
    if (!c) {
      claims.set(r.row.declaratie_id, { first: r.row, firstLine: r.line, lines: [r] });
      continue;
    }
    for (const field of ['ontvangen_op_tekst', 'kanaal', 'bsn', 'zorgverlener_id', 'zorgovereenkomst_id'] as const) {
      if (r.row[field] !== c.first[field]) {
        const column = field === 'ontvangen_op_tekst' ? 'ontvangen_op' : field;
        problems.push({ file, line: r.line, column, message: `wijkt af van regel ${c.firstLine} van dezelfde declaratie ${r.row.declaratie_id}` });
      }
    }
    c.lines.push(r);
  }
  const drafts: ClaimDraft[] = [];
  for (const [id, c] of claims) drafts.push(claimDraft(id, c.first, c.firstLine, c.lines.map((l) => l.row)));
  // checked in order of receipt, and in file order where that is equal
  return drafts.sort((a, b) => a.ontvangenOp.getTime() - b.ontvangenOp.getTime() || a.firstLine - b.firstLine);
}

/** The claim made of its first line's header fields and its lines in file order (also for files read in pieces). */
export function claimDraft(
  id: string,
  first: Pick<ClaimLineRow, 'ontvangen_op' | 'kanaal' | 'bsn' | 'zorgverlener_id' | 'zorgovereenkomst_id'>,
  firstLine: number,
  rows: Pick<ClaimLineRow, 'datum' | 'kwartieren' | 'eenheden' | 'tarief' | 'omschrijving'>[],
): ClaimDraft {
  const lines: ClaimLine[] = rows.map((l, i) => ({
    regelnr: i + 1,
    datum: l.datum,
    kwartieren: l.kwartieren,
    eenheden: l.eenheden,
    tarief: l.tarief,
    bedrag: l.kwartieren !== null ? lineAmount(l.kwartieren as Quarters, l.tarief) : decimalTimesRate(l.eenheden, l.tarief),
    omschrijving: l.omschrijving,
  }));
  const ontvangstdatum = dateInNetherlands(first.ontvangen_op);
  const bedrag = lines.reduce((s, l) => s + l.bedrag, 0) as Cents;
  return {
    declaratieId: id,
    soort: 'declaratie',
    ontvangenOp: first.ontvangen_op,
    ontvangstdatum,
    kanaal: first.kanaal,
    bsn: first.bsn,
    zorgverlenerId: first.zorgverlener_id,
    gevraagdeZorgovereenkomst: first.zorgovereenkomst_id,
    lines,
    bedrag,
    uitersteBetaaldatum: paymentDeadline(ontvangstdatum),
    firstLine,
    content: JSON.stringify([
      first.ontvangen_op.toISOString(),
      first.kanaal,
      first.bsn,
      first.zorgverlener_id,
      first.zorgovereenkomst_id,
      rows.map((l) => [l.datum, l.eenheden, l.tarief, l.omschrijving]),
    ]),
  };
}
