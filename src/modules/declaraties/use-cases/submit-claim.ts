/**
 * A claim submitted through the API (a holder or representative in the portal, a provider's digital
 * invoice, or a paper or e-mail claim the back office registers). It goes through the import
 * pipeline of `declaraties.csv` as line objects, so that it gets exactly the same checks and
 * messages; a problem's line is mapped back to `regels[i]`. Idempotent by `declaratie_id`: the same
 * claim again changes nothing, the same id with other content is an error.
 */
import type { Db } from '../../../db/connection.ts';
import { formatMoment } from '../../../kernel/dates.ts';
import { InputError, type InputProblem } from '../../../kernel/errors.ts';
import { formatEuros } from '../../../kernel/money.ts';
import { writeAudit } from '../../audit/index.ts';
import { importObjects } from '../../import/run-import.ts';
import { claimsImport } from '../imports.ts';
import { markSubmittedBy } from '../portal-repo.ts';
import { submittedMoment } from '../queries.ts';

export type Submitter = 'budgethouder' | 'vertegenwoordiger' | 'zorgverlener' | 'backoffice';

export interface ClaimLineInput {
  datum: string;
  eenheden: string;
  tarief: string;
  omschrijving?: string | null | undefined;
}

export interface SubmitClaimInput {
  declaratieId: string;
  bsn: string;
  zorgverlenerId: string | null | undefined;
  zorgovereenkomstId?: string | null | undefined;
  kanaal: string | null | undefined;
  /** the receipt moment as ISO text; absent: now (or, for the same claim sent again, the moment it was first received) */
  ontvangenOp?: string | null | undefined;
  regels: ClaimLineInput[];
  submitter: Submitter;
  /** a provider's claim: waits for the holder's approval and is checked only then */
  awaitingHolder?: { zorgverlenerNaam: string } | undefined;
}

export interface SubmitClaimResult {
  declaratieId: string;
  created: boolean;
  /** how the checks ended (`goedgekeurd`, `geparkeerd:REDEN`, …), when the claim was checked */
  claims: Record<string, number>;
}

const LINE_FIELDS = new Set(['datum', 'eenheden', 'tarief', 'omschrijving']);

export async function submitClaim(db: Db, input: SubmitClaimInput, opts: { actor: string; now: Date }): Promise<SubmitClaimResult> {
  let ontvangenOp = input.ontvangenOp ?? undefined;
  if (ontvangenOp === undefined) {
    const earlier = await submittedMoment(db, input.declaratieId);
    ontvangenOp = formatMoment(earlier ? new Date(earlier) : opts.now);
  }
  const objects = input.regels.map((r) => ({
    declaratie_id: input.declaratieId,
    ontvangen_op: ontvangenOp,
    kanaal: input.kanaal ?? '',
    bsn: input.bsn,
    zorgverlener_id: input.zorgverlenerId ?? '',
    zorgovereenkomst_id: input.zorgovereenkomstId ?? '',
    datum: r.datum,
    eenheden: r.eenheden,
    tarief: r.tarief,
    omschrijving: r.omschrijving ?? '',
  }));
  const handler = claimsImport({
    ...(input.awaitingHolder ? { awaitingHolder: input.awaitingHolder } : {}),
    afterInsert: async (tx, claims, ctx) => {
      await markSubmittedBy(tx, claims.map((c) => c.declaratieId), input.submitter);
      for (const c of claims) {
        await writeAudit(tx, {
          actor: opts.actor,
          action: 'declaratie.indienen',
          subject: c.declaratieId,
          reason: input.awaitingHolder ? 'ingediend door de zorgverlener, ter goedkeuring bij de budgethouder' : `ingediend door ${input.submitter} via ${c.kanaal}`,
          details: { import: ctx.importId, kanaal: c.kanaal, regels: c.lines.length, bedrag: formatEuros(c.bedrag), zorgverlener_id: c.zorgverlenerId },
          at: opts.now,
        });
      }
    },
  });
  try {
    const summary = await importObjects(db, handler, { source: 'verzoek', objects, actor: opts.actor, now: opts.now });
    return { declaratieId: input.declaratieId, created: summary.created > 0, claims: summary.claims ?? {} };
  } catch (e) {
    if (e instanceof InputError) throw new InputError(toRequestProblems(e.problems), e.message);
    throw e;
  }
}

/**
 * The pipeline numbers problems by line object (1-based); in the request a line is `regels[i]`
 * (0-based) and the claim's own fields are named once, however many lines repeat them (line 1: the
 * request, as for the other single-object requests).
 */
export function toRequestProblems(problems: readonly InputProblem[]): InputProblem[] {
  const out: InputProblem[] = [];
  const seen = new Set<string>();
  for (const p of problems) {
    if (LINE_FIELDS.has(p.column) || p.column === '-') {
      out.push({ ...p, column: p.column === '-' ? `regels[${p.line - 1}]` : `regels[${p.line - 1}].${p.column}` });
      continue;
    }
    const key = `${p.column}\u0000${p.message.replace(/regel \d+ van /, '')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ ...p, line: 1 });
  }
  return out;
}
