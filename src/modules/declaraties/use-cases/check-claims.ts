/**
 * Checks claims and books the approved ones, set-based: claims are taken in batches of whole
 * holders, the context for a batch is loaded in a few queries under a lock on those holders, the
 * pure checks run in memory, and the outcomes are written in a few statements. Used for claims that
 * just arrived and, with `holderIds`, to check parked claims again when what they waited for came.
 */
import type { Tx } from '../../../db/connection.ts';
import { formatEurosNl } from '../../../kernel/money.ts';
import { budgetAccount, ownFundsAccount, payableAccount, postEntries, type JournalEntry, type Posting } from '../../ledger/index.ts';
import { checkClaim, type Outcome } from '../core/check.ts';
import { matchAdvances } from '../../spoed/use-cases/match-advances.ts';
import { claimsToCheck, insertCharges, insertEvents, loadCheckContext, updateClaims, type ClaimUpdate, type StoredClaim, type TraceEvent } from '../repo.ts';

const BATCH_CLAIMS = 5_000;

export interface CheckClaimsOptions {
  claimIds?: string[];
  holderIds?: number[];
  actor: string;
  now: Date;
  /** Why the check runs (an import, a deposit), for the trace of re-checked claims. */
  cause: string;
}

/** Returns how many claims ended in each status (`goedgekeurd`, `geparkeerd:REDEN`, …). */
export async function checkClaims(tx: Tx, opts: CheckClaimsOptions): Promise<Record<string, number>> {
  // Lock every holder concerned first, in id order (so that concurrent work never deadlocks), and
  // only then read the claims: a re-check running at the same time for the same holder has then
  // committed, and its outcomes are what this one reads.
  await tx.query(
    `SELECT id FROM budgethouders
      WHERE id = ANY($2::bigint[]) OR bsn IN (SELECT bsn FROM declaraties WHERE declaratie_id = ANY($1::text[]))
      ORDER BY id FOR UPDATE`,
    [opts.claimIds ?? [], opts.holderIds ?? []],
  );
  const claims = await claimsToCheck(tx, opts);
  const counts: Record<string, number> = {};
  if (claims.length === 0) return counts;
  for (const batch of batchesByHolder(claims)) {
    const ctx = await loadCheckContext(tx, batch);
    const updates: ClaimUpdate[] = [];
    const events: TraceEvent[] = [];
    const charges: { declaratieId: string; regelnr: number; source: string; budgetId: string | null; amount: number }[] = [];
    const entries: JournalEntry[] = [];
    for (const claim of batch) {
      const outcome = checkClaim(claim, ctx);
      const key = outcome.status === 'goedgekeurd' ? outcome.status : `${outcome.status}:${outcome.reason}`;
      counts[key] = (counts[key] ?? 0) + 1;
      const reason = outcome.status === 'goedgekeurd' ? null : outcome.reason;
      if (claim.status === outcome.status && claim.reden === reason) continue; // still parked for the same reason
      updates.push({
        declaratieId: claim.declaratieId,
        status: outcome.status,
        reason,
        holderId: outcome.holderId,
        agreementId: outcome.agreement?.id ?? null,
      });
      events.push(traceEvent(claim, outcome, opts.cause));
      if (outcome.status === 'goedgekeurd') {
        for (const c of outcome.charges) charges.push({ declaratieId: claim.declaratieId, ...c });
        entries.push(approvalEntry(claim, outcome));
      }
    }
    await updateClaims(tx, updates);
    await insertEvents(tx, events, opts.actor, opts.now);
    await insertCharges(tx, charges);
    await postEntries(tx, entries, opts.actor);
  }
  // Approved claims that a paid urgent payment (advance) covers are settled against it (issue #8).
  if (counts.goedgekeurd) await matchAdvances(tx, { bsns: [...new Set(claims.map((c) => c.bsn))], actor: opts.actor, now: opts.now });
  return counts;
}

export function traceEvent(claim: StoredClaim, outcome: Outcome, cause: string): TraceEvent {
  const again = claim.status === 'geparkeerd' ? ` (opnieuw gecontroleerd na ${cause})` : '';
  if (outcome.status === 'goedgekeurd') {
    const budgets = [...new Set(outcome.charges.map((c) => c.budgetId ?? 'eigen storting'))].join(', ');
    return {
      declaratieId: claim.declaratieId,
      event: 'goedgekeurd',
      status: 'goedgekeurd',
      reason: null,
      note: `Alle controles voldaan${again}; ${formatEurosNl(claim.bedrag)} ten laste van ${budgets} onder zorgovereenkomst ${outcome.agreement.id}.`,
    };
  }
  return { declaratieId: claim.declaratieId, event: outcome.status, status: outcome.status, reason: outcome.reason, note: `${outcome.message}${again}` };
}

/** The approval: debit the budgets (and own deposits) charged, credit what is payable to the provider. */
export function approvalEntry(claim: StoredClaim, outcome: Extract<Outcome, { status: 'goedgekeurd' }>): JournalEntry {
  const debit = new Map<string, Posting>();
  for (const c of outcome.charges) {
    const account = c.source === 'budget' ? budgetAccount(c.budgetId!) : ownFundsAccount(outcome.holderId, outcome.agreement.wet);
    const key = `${account.kind}:${account.key}`;
    const p = debit.get(key) ?? { account, amount: 0 };
    p.amount += c.amount;
    debit.set(key, p);
  }
  return {
    kind: 'declaratie',
    reference: claim.declaratieId,
    description: `${claim.soort === 'maandloon' ? 'maandloon' : 'declaratie'} ${claim.declaratieId} goedgekeurd`,
    postings: [...debit.values(), { account: payableAccount(claim.zorgverlenerId), amount: -claim.bedrag }],
  };
}

/** Batches of at most about BATCH_CLAIMS claims, never splitting one holder's claims (by BSN), each in receipt order. */
export function* batchesByHolder<C extends { bsn: string }>(claims: C[]): Generator<C[]> {
  const byBsn = new Map<string, number[]>();
  claims.forEach((c, i) => {
    const list = byBsn.get(c.bsn);
    if (list) list.push(i);
    else byBsn.set(c.bsn, [i]);
  });
  let batch: number[] = [];
  const inReceiptOrder = () => (batch.length === claims.length ? claims : batch.sort((a, b) => a - b).map((i) => claims[i]!));
  for (const list of byBsn.values()) {
    for (const i of list) batch.push(i);
    if (batch.length >= BATCH_CLAIMS) {
      yield inReceiptOrder();
      batch = [];
    }
  }
  if (batch.length > 0) yield inReceiptOrder();
}
