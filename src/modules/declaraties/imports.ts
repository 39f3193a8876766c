/**
 * Import of `declaraties.csv`: new claims are stored with their trace and checked at once. The API
 * submits claims through the same handler (`claimsImport`), so that a claim gets exactly the checks
 * and messages of a CSV row; a provider's claim is stored `ter_goedkeuring` instead and is checked
 * only once the holder approves it.
 */
import type { Tx } from '../../db/connection.ts';
import { receivedNote } from './core/notes.ts';
import { formatMoment } from '../../kernel/dates.ts';
import type { ApplyContext, ImportHandler } from '../import/run-import.ts';
import { DECLARATIES_SPEC, groupClaimLines, parseClaimLine, type ClaimDraft, type ClaimLineRow } from './core/csv.ts';
import { insertClaims, insertEvents, storedClaims } from './repo.ts';
import { inMemory, receiveClaims } from './use-cases/receive-claims.ts';
import { importClaimsFile } from './use-cases/import-claims-file.ts';

export interface ClaimSubmission {
  /** A provider's claim: stored as `ter_goedkeuring`, not checked until the holder approves it. */
  awaitingHolder?: { zorgverlenerNaam: string };
  /** Runs in the import's transaction with the claims that were new (who submitted them, audit rows). */
  afterInsert?: (tx: Tx, claims: ClaimDraft[], ctx: ApplyContext) => Promise<void>;
}

/** The claims handler; without options it is `declaraties.csv` as documented. */
export function claimsImport(submission: ClaimSubmission = {}): ImportHandler<ClaimLineRow> {
  return {
    kind: 'declaraties',
    spec: DECLARATIES_SPEC,
    idColumn: 'declaratie_id',
    parse(r) {
      const row = parseClaimLine(r);
      return row && { id: row.declaratie_id, row, content: '' };
    },
    async apply(tx, rows, ctx) {
      const drafts = groupClaimLines(ctx.file, rows, ctx.problems);
      const stored = await storedClaims(tx, drafts.map((d) => d.declaratieId));
      const fresh = drafts.filter((d) => {
        const existing = stored.get(d.declaratieId);
        if (existing === undefined) return true;
        if (existing !== d.content) {
          ctx.problems.push({
            file: ctx.file,
            line: d.firstLine,
            column: 'declaratie_id',
            message: `declaratie '${d.declaratieId}' is al ontvangen met andere inhoud; een nieuwe declaratie krijgt een nieuw id`,
          });
        }
        return false;
      });
      if (ctx.problems.length > 0 || fresh.length === 0) return { created: 0 };
      if (!submission.awaitingHolder && !submission.afterInsert) {
        // checked before they are stored, then stored with their outcome (receive-claims.ts)
        const claims = await receiveClaims(tx, inMemory(fresh), {
          importId: ctx.importId,
          actor: ctx.actor,
          now: ctx.now,
          cause: `import ${ctx.importId}`,
          receivedNote: (d) => receivedNote(d, ctx.file, ctx.importId),
        });
        return { created: fresh.length, claims };
      }
      await insertClaims(tx, fresh, ctx.importId);
      const waiting = submission.awaitingHolder;
      if (waiting) {
        await tx.query(`UPDATE declaraties SET status = 'ter_goedkeuring' WHERE declaratie_id = ANY($1::text[])`, [fresh.map((d) => d.declaratieId)]);
      }
      await insertEvents(
        tx,
        fresh.map((d) =>
          waiting
            ? {
                declaratieId: d.declaratieId,
                event: 'ingediend',
                status: 'ter_goedkeuring',
                reason: null,
                note: `Ingediend door zorgverlener ${waiting.zorgverlenerNaam} via ${d.kanaal} op ${formatMoment(d.ontvangenOp)} (${ctx.importId}), ${d.lines.length} regel(s). Wacht op goedkeuring door de budgethouder; de betaaltermijn begint bij die goedkeuring.`,
              }
            : {
                declaratieId: d.declaratieId,
                event: 'ontvangen',
                status: 'ontvangen',
                reason: null,
                note: receivedNote(d, ctx.file, ctx.importId),
              },
        ),
        ctx.actor,
        ctx.now,
      );
      if (submission.afterInsert) await submission.afterInsert(tx, fresh, ctx);
      if (waiting) return { created: fresh.length };
      return { created: fresh.length, checkClaims: fresh.map((d) => d.declaratieId) };
    },
  };
}

/** `declaraties.csv`: read in pieces, so that files of a million claims fit in memory (import-claims-file.ts). */
export const declaratiesImport: ImportHandler<ClaimLineRow> = { ...claimsImport(), importFile: importClaimsFile };
