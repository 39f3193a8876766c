/**
 * The holder's answer to a claim their provider submitted (`ter_goedkeuring`): approving it makes it
 * received now (the 10 working days start today) and checks it at once; rejecting it ends it
 * (`afgewezen`) with the holder's reason. One transaction each, with the trace event and the audit row.
 */
import type { Db } from '../../../db/connection.ts';
import { dateInNetherlands, formatMoment, paymentDeadline } from '../../../kernel/dates.ts';
import { AppError } from '../../../kernel/errors.ts';
import { writeAudit } from '../../audit/index.ts';
import { lockClaim, setReceived, setStatus, type LockedClaim } from '../portal-repo.ts';
import { insertEvents } from '../repo.ts';
import { checkClaims } from './check-claims.ts';

export interface ClaimStepResult {
  declaratie_id: string;
  status: string;
  reden: string | null;
}

function mustAwaitHolder(claim: LockedClaim | undefined, id: string): LockedClaim {
  if (!claim) throw new AppError('NIET_GEVONDEN', `declaratie '${id}' bestaat niet`);
  if (claim.status !== 'ter_goedkeuring') {
    throw new AppError('CONFLICT', `declaratie '${id}' is ${claim.status}; alleen een declaratie die ter goedkeuring bij de budgethouder ligt kan worden goedgekeurd of afgewezen`);
  }
  return claim;
}

export async function approveClaim(db: Db, id: string, opts: { actor: string; now: Date }): Promise<ClaimStepResult & { uiterste_betaaldatum: string }> {
  return db.transaction(async (tx) => {
    mustAwaitHolder(await lockClaim(tx, id), id);
    const ontvangstdatum = dateInNetherlands(opts.now);
    const uiterste = paymentDeadline(ontvangstdatum);
    await setReceived(tx, id, opts.now, ontvangstdatum, uiterste);
    await insertEvents(
      tx,
      [{ declaratieId: id, event: 'ontvangen', status: 'ontvangen', reason: null, note: `Goedgekeurd door de budgethouder en daarmee ontvangen op ${formatMoment(opts.now)}. Uiterste betaaldatum ${uiterste}.` }],
      opts.actor,
      opts.now,
    );
    const outcome = await checkClaims(tx, { claimIds: [id], actor: opts.actor, now: opts.now, cause: 'goedkeuring door de budgethouder' });
    const after = await tx.query<{ status: string; reden: string | null }>(`SELECT status, reden FROM declaraties WHERE declaratie_id = $1`, [id]);
    const { status, reden } = after.rows[0]!;
    await writeAudit(tx, { actor: opts.actor, action: 'declaratie.goedkeuren', subject: id, reason: 'goedgekeurd door de budgethouder', details: { uitkomst: outcome, uiterste_betaaldatum: uiterste }, at: opts.now });
    return { declaratie_id: id, status, reden, uiterste_betaaldatum: uiterste };
  });
}

export async function rejectClaim(db: Db, id: string, reden: string, opts: { actor: string; now: Date }): Promise<ClaimStepResult> {
  return db.transaction(async (tx) => {
    mustAwaitHolder(await lockClaim(tx, id), id);
    await setStatus(tx, id, 'afgewezen', null);
    await insertEvents(tx, [{ declaratieId: id, event: 'afgewezen', status: 'afgewezen', reason: null, note: `Afgewezen door de budgethouder: ${reden}` }], opts.actor, opts.now);
    await writeAudit(tx, { actor: opts.actor, action: 'declaratie.afwijzen', subject: id, reason: reden, at: opts.now });
    return { declaratie_id: id, status: 'afgewezen', reden: null };
  });
}
