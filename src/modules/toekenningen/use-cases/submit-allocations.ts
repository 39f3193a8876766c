/**
 * Allocations over the API: the same objects as the rows of toekenningen.csv, through exactly the
 * import's rules and messages (a new allocation, a correction with `vervangt`, a withdrawal as a
 * correction to 0.00). Each call is one transaction with its `imports` row and audit row, all or
 * nothing, idempotent by toekenning_id.
 */
import type { Db } from '../../../db/connection.ts';
import { AppError } from '../../../kernel/errors.ts';
import { importObjects, type ImportSummary } from '../../import/index.ts';
import { toekenningenImport } from '../imports.ts';
import { chainOf } from '../queries.ts';

/** One allocation as the API takes it: the columns of toekenningen.csv, amounts as euro text. */
export type AllocationObject = Record<string, string | null | undefined>;

export function submitAllocations(db: Db, objects: AllocationObject[], opts: { actor: string; now?: Date }): Promise<ImportSummary> {
  return importObjects(db, toekenningenImport, { source: 'verzoek', objects, actor: opts.actor, ...(opts.now ? { now: opts.now } : {}) });
}

export interface WithdrawalResult {
  toekenning_id: string;
  vervangt: string;
  budget_id: string;
  summary: ImportSummary;
}

/**
 * Withdraws the budget that `versionId` belongs to: a correction to 0.00 of its latest version,
 * under the new id `newId` (the funder's message number). `verstrekker` is the caller's funder
 * (null for the back office): another funder's allocation is not found, exactly like a missing one.
 * Sending the same withdrawal again changes nothing.
 */
export async function withdrawAllocation(
  db: Db,
  input: { versionId: string; newId: string; verstrekker: string | null },
  opts: { actor: string; now?: Date },
): Promise<WithdrawalResult> {
  const chain = await chainOf(db, input.versionId);
  if (!chain || (input.verstrekker !== null && chain.verstrekker !== input.verstrekker)) {
    throw new AppError('NIET_GEVONDEN', `toekenning '${input.versionId}' niet gevonden`);
  }
  const again = chain.laatste_versie === input.newId;
  if (!again && chain.toegekend === 0) {
    throw new AppError('CONFLICT', `toekenning '${input.versionId}' is al ingetrokken (versie '${chain.laatste_versie}')`);
  }
  const vervangt = again ? (chain.laatste_vervangt ?? chain.laatste_versie) : chain.laatste_versie;
  const summary = await submitAllocations(
    db,
    [
      {
        toekenning_id: input.newId,
        verstrekker: chain.verstrekker,
        bsn: chain.bsn,
        wet: chain.wet,
        ingangsdatum: chain.ingangsdatum,
        einddatum: chain.einddatum,
        bedrag: '0.00',
        vervangt,
      },
    ],
    opts,
  );
  return { toekenning_id: input.newId, vervangt, budget_id: chain.budget_id, summary };
}
