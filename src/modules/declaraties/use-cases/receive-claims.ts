/**
 * New claims (from `declaraties.csv` or the monthly pay) checked before they are stored, then
 * stored once with their outcome: the same checks, order, batches and locks as `checkClaims`, and
 * the same rows (the claim, its lines, the `ontvangen` event then the outcome's, the charges, the
 * journal entry), but without first storing each claim as `ontvangen`, reading it back, and
 * updating it. Rows go in by COPY, a batch of whole holders at a time.
 *
 * Why it is the same: while a batch is checked, the claims of the other batches belong to other
 * holders, and nothing the checks read (agreements, budgets, own deposits, lines claimed before by
 * the same holder) depends on them; within a batch, claims are checked in receipt order with the
 * balances and claimed lines carried in memory, as in `checkClaims`. The sequence number
 * (`volgnummer`) is given by receipt order over all the claims, as when they were inserted at once.
 */
import { matchAdvances } from '../../spoed/use-cases/match-advances.ts';
import type { Tx } from '../../../db/connection.ts';
import { postEntries, type JournalEntry } from '../../ledger/index.ts';
import { checkClaim } from '../core/check.ts';
import type { ClaimDraft } from '../core/csv.ts';
import { copyCharges, copyClaims, copyEvents, loadCheckContext, reserveSequence, type CheckContextCache, type ReceivedClaim, type TraceEvent } from '../repo.ts';
import { loadMaxTariffs } from '../../tarieven/index.ts';
import { approvalEntry, batchesByHolder, traceEvent } from './check-claims.ts';

export interface ReceiveClaimsOptions {
  importId: string | null;
  actor: string;
  now: Date;
  /** Why the check runs, as in `checkClaims` (not shown for new claims). */
  cause: string;
  /** The note of each claim's `ontvangen` event. */
  receivedNote: (d: ClaimDraft) => string;
}

/** Claims in batches of whole holders, each batch in receipt order; `rank` is a claim's place in receipt order over all batches. */
export interface ClaimBatches {
  total: number;
  /** Every holder's BSN, to lock them all up front. */
  bsns: string[];
  batches(): AsyncIterable<{ drafts: ClaimDraft[]; ranks: number[] }> | Iterable<{ drafts: ClaimDraft[]; ranks: number[] }>;
}

/** New claims in receipt order (all in memory, as the monthly pay makes them). */
export function inMemory(drafts: ClaimDraft[]): ClaimBatches {
  const rank = new Map(drafts.map((d, i) => [d, i]));
  return {
    total: drafts.length,
    bsns: [...new Set(drafts.map((d) => d.bsn))],
    *batches() {
      for (const batch of batchesByHolder(drafts)) yield { drafts: batch, ranks: batch.map((d) => rank.get(d)!) };
    },
  };
}

/** Checks and stores new claims; returns how many ended in each status (`goedgekeurd`, `geparkeerd:REDEN`, …). */
export async function receiveClaims(tx: Tx, claims: ClaimBatches, opts: ReceiveClaimsOptions): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  if (claims.total === 0) return counts;
  const volgnummers = await reserveSequence(tx, 'declaraties', 'volgnummer', claims.total);
  // Lock every holder concerned up front, in id order, so that concurrent work never deadlocks.
  const locked = await tx.query<{ id: number; bsn: string }>(`SELECT id, bsn FROM budgethouders WHERE bsn = ANY($1::text[]) ORDER BY id FOR UPDATE`, [claims.bsns]);
  // what every batch's context would otherwise fetch again: the holders just locked, the maximum tariffs
  const cache: CheckContextCache = { lockedHolders: new Map(locked.rows.map((h) => [h.bsn, h.id])), maxTariffs: await loadMaxTariffs(tx) };
  // Pipelined: while the database writes one batch, the next batch's context is loaded and its
  // claims are checked. Batches hold other holders, so nothing a batch writes is read by the
  // checks of the next (only the payable accounts of shared providers, which no check reads), and
  // the statements still run one after the other on the transaction's connection.
  let writing: Promise<void> = Promise.resolve();
  try {
    const batches = claims.batches();
    const it = Symbol.asyncIterator in batches ? batches[Symbol.asyncIterator]() : (batches as Iterable<{ drafts: ClaimDraft[]; ranks: number[] }>)[Symbol.iterator]();
    let next = await it.next();
    let nextCtx = next.done ? undefined : loadCheckContext(tx, next.value.drafts, cache);
    while (!next.done) {
      const { drafts, ranks } = next.value;
      const ctx = (await nextCtx)!;
      next = await it.next();
      nextCtx = next.done ? undefined : loadCheckContext(tx, next.value.drafts, cache);
      nextCtx?.catch(() => undefined); // a failure shows when it is awaited
      const stored: ReceivedClaim[] = [];
      const received: TraceEvent[] = [];
      const events: TraceEvent[] = [];
      const charges: { declaratieId: string; regelnr: number; source: string; budgetId: string | null; amount: number }[] = [];
      const entries: JournalEntry[] = [];
      drafts.forEach((d, i) => {
        const claim = { ...d, status: 'ontvangen', reden: null };
        const outcome = checkClaim(claim, ctx);
        const key = outcome.status === 'goedgekeurd' ? outcome.status : `${outcome.status}:${outcome.reason}`;
        counts[key] = (counts[key] ?? 0) + 1;
        stored.push({ draft: d, volgnummer: volgnummers[ranks[i]!]!, status: outcome.status, reason: outcome.status === 'goedgekeurd' ? null : outcome.reason, holderId: outcome.holderId, agreementId: outcome.agreement?.id ?? null });
        received.push({ declaratieId: d.declaratieId, event: 'ontvangen', status: 'ontvangen', reason: null, note: opts.receivedNote(d) });
        events.push(traceEvent(claim, outcome, opts.cause));
        if (outcome.status === 'goedgekeurd') {
          for (const c of outcome.charges) charges.push({ declaratieId: d.declaratieId, ...c });
          entries.push(approvalEntry(claim, outcome));
        }
      });
      await writing; // at most one batch being written while the next is checked
      writing = (async () => {
        await copyClaims(tx, stored, opts.importId);
        await copyEvents(tx, [...received, ...events], opts.actor, opts.now);
        await copyCharges(tx, charges);
        await postEntries(tx, entries, opts.actor);
      })();
      writing.catch(() => undefined);
    }
  } catch (e) {
    await writing; // when a write failed first, that is the error to report
    throw e;
  }
  await writing;
  // Approved claims that a paid urgent payment (advance) covers are settled against it (issue #8).
  if (counts.goedgekeurd) await matchAdvances(tx, { bsns: claims.bsns, actor: opts.actor, now: opts.now });
  return counts;
}
