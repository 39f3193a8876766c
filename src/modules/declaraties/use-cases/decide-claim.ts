/**
 * The back office decides a parked claim by hand, with a reason: reject it (`afgekeurd`, keeping the
 * reason code it was parked for) or check it again now. Only a parked claim; one transaction with
 * the trace event and the audit row.
 */
import type { Db } from '../../../db/connection.ts';
import { AppError } from '../../../kernel/errors.ts';
import { writeAudit } from '../../audit/index.ts';
import { lockClaim, setStatus } from '../portal-repo.ts';
import { insertEvents } from '../repo.ts';
import { checkClaims } from './check-claims.ts';

export type Besluit = 'afkeuren' | 'opnieuw_controleren';

export async function decideParkedClaim(
  db: Db,
  id: string,
  d: { besluit: Besluit; reden: string },
  opts: { actor: string; now: Date },
): Promise<{ declaratie_id: string; status: string; reden: string | null }> {
  return db.transaction(async (tx) => {
    const claim = await lockClaim(tx, id);
    if (!claim) throw new AppError('NIET_GEVONDEN', `declaratie '${id}' bestaat niet`);
    if (claim.status !== 'geparkeerd') {
      throw new AppError('CONFLICT', `declaratie '${id}' is ${claim.status}; de backoffice beslist alleen over een geparkeerde declaratie`);
    }
    if (d.besluit === 'afkeuren') {
      await setStatus(tx, id, 'afgekeurd', claim.reden);
      await insertEvents(tx, [{ declaratieId: id, event: 'afgekeurd', status: 'afgekeurd', reason: claim.reden, note: `afgekeurd door de backoffice: ${d.reden}` }], opts.actor, opts.now);
    } else {
      await checkClaims(tx, { claimIds: [id], actor: opts.actor, now: opts.now, cause: `besluit van de backoffice: ${d.reden}` });
    }
    const after = await tx.query<{ status: string; reden: string | null }>(`SELECT status, reden FROM declaraties WHERE declaratie_id = $1`, [id]);
    const { status, reden } = after.rows[0]!;
    await writeAudit(tx, {
      actor: opts.actor,
      action: 'declaratie.besluit',
      subject: id,
      reason: d.reden,
      details: { besluit: d.besluit, was: `${claim.status}:${claim.reden}`, wordt: reden ? `${status}:${reden}` : status },
      at: opts.now,
    });
    return { declaratie_id: id, status, reden };
  });
}
