/**
 * A claim checked without storing it (`POST /api/declaraties/controle`): the claim form in the
 * portal asks this before sending, so the person hears exactly what to fix. It runs the same steps
 * as a real claim, up to the outcome: every line read by the rules of `declaraties.csv`
 * (`parseClaimLine`, problems named `regels[i].veld` as `submitClaim` names them), then the pure
 * checks (`checkClaim`) on the context the real check loads (`loadCheckContext`). Nothing is
 * written: no claim, no trace, no booking, no audit row; the context's locks end with its
 * read-only transaction.
 */
import type { Db } from '../../../db/connection.ts';
import { RowReader, type CsvRecord } from '../../../kernel/csv.ts';
import { formatMoment } from '../../../kernel/dates.ts';
import type { InputProblem } from '../../../kernel/errors.ts';
import { checkClaim } from '../core/check.ts';
import { DECLARATIES_SPEC, groupClaimLines, parseClaimLine } from '../core/csv.ts';
import type { ReasonCode } from '../core/reasons.ts';
import { loadCheckContext } from '../repo.ts';
import { toRequestProblems, type ClaimLineInput } from './submit-claim.ts';

export interface ClaimDraftInput {
  bsn: string;
  zorgverlenerId: string | null | undefined;
  zorgovereenkomstId?: string | null | undefined;
  kanaal: string;
  regels: ClaimLineInput[];
}

export type DraftOutcome =
  /** the lines cannot be read: `problems` says which field of which line, and why */
  | { uitkomst: 'onvolledig'; problems: InputProblem[] }
  | { uitkomst: 'goedgekeurd'; bedrag: number; zorgovereenkomstId: string }
  | { uitkomst: 'geparkeerd' | 'afgekeurd'; bedrag: number; reden: ReasonCode; melding: string };

const SOURCE = 'verzoek';
const DRAFT_ID = 'controle';

export async function checkClaimDraft(db: Db, input: ClaimDraftInput, opts: { now: Date }): Promise<DraftOutcome> {
  const problems: InputProblem[] = [];
  const ontvangenOp = formatMoment(opts.now);
  const rows = input.regels.flatMap((r, i) => {
    const values: Record<string, string> = {
      declaratie_id: DRAFT_ID,
      ontvangen_op: ontvangenOp,
      kanaal: input.kanaal,
      bsn: input.bsn,
      zorgverlener_id: (input.zorgverlenerId ?? '').trim(),
      zorgovereenkomst_id: (input.zorgovereenkomstId ?? '').trim(),
      datum: r.datum.trim(),
      eenheden: r.eenheden.trim(),
      tarief: r.tarief.trim(),
      omschrijving: (r.omschrijving ?? '').trim(),
    };
    for (const k of DECLARATIES_SPEC.optional) values[k] ??= '';
    const record: CsvRecord = { line: i + 1, values };
    const row = parseClaimLine(new RowReader(SOURCE, record, problems));
    return row ? [{ line: i + 1, row }] : [];
  });
  if (problems.length > 0) return { uitkomst: 'onvolledig', problems: toRequestProblems(problems) };
  const [draft] = groupClaimLines(SOURCE, rows, problems);
  if (!draft || problems.length > 0) return { uitkomst: 'onvolledig', problems: toRequestProblems(problems) };
  const ctx = await db.transaction((tx) => loadCheckContext(tx, [draft]));
  const outcome = checkClaim(draft, ctx);
  if (outcome.status === 'goedgekeurd') return { uitkomst: 'goedgekeurd', bedrag: draft.bedrag, zorgovereenkomstId: outcome.agreement.id };
  return { uitkomst: outcome.status, bedrag: draft.bedrag, reden: outcome.reason, melding: outcome.message };
}
