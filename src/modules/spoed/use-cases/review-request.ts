/**
 * Four eyes: a second person (not whoever recorded it) approves or rejects an urgent request. The
 * rule is checked here and again by the CHECK constraint `spoed_vier_ogen` of migration 010. One
 * transaction with its audit row; only a request still `aangevraagd` can be decided.
 */
import type { Db } from '../../../db/connection.ts';
import { AppError, InputError } from '../../../kernel/errors.ts';
import { writeAudit } from '../../audit/index.ts';
import { requestById, type UrgentRequestRow } from '../repo.ts';

export interface ReviewOptions {
  aanvraagId: string;
  actor: string;
  now?: Date;
  /** Why (required when rejecting). */
  reden?: string;
}

export function approveUrgentRequest(db: Db, opts: ReviewOptions): Promise<UrgentRequestRow> {
  return review(db, opts, 'goedgekeurd');
}

export async function rejectUrgentRequest(db: Db, opts: ReviewOptions): Promise<UrgentRequestRow> {
  if (!opts.reden?.trim()) throw new InputError([{ file: 'spoedaanvraag', line: 1, column: 'reden', message: 'geef een reden voor de afwijzing' }], 'spoedaanvraag niet afgewezen: geef een reden');
  return review(db, opts, 'afgewezen');
}

async function review(db: Db, opts: ReviewOptions, status: 'goedgekeurd' | 'afgewezen'): Promise<UrgentRequestRow> {
  const now = opts.now ?? new Date();
  return db.transaction(async (tx) => {
    const r = await requestById(tx, opts.aanvraagId, true);
    if (!r) throw new AppError('NIET_GEVONDEN', `spoedaanvraag '${opts.aanvraagId}' bestaat niet`);
    if (r.status !== 'aangevraagd') throw new AppError('CONFLICT', `spoedaanvraag ${r.aanvraag_id} is al ${r.status}${r.beoordeeld_door ? ` (door ${r.beoordeeld_door})` : ''}`);
    if (r.aangevraagd_door === opts.actor) {
      throw new InputError(
        [{ file: 'spoedaanvraag', line: 1, column: 'beoordeeld_door', message: `vier ogen: ${opts.actor} legde de aanvraag zelf vast; een tweede medewerker beoordeelt haar` }],
        `vier ogen: ${opts.actor} mag de eigen spoedaanvraag ${r.aanvraag_id} niet ${status === 'goedgekeurd' ? 'goedkeuren' : 'afwijzen'}`,
      );
    }
    await tx.query(
      `UPDATE spoedaanvragen SET status = $2, beoordeeld_door = $3, beoordeeld_op = $4, afwijsreden = $5 WHERE aanvraag_id = $1`,
      [r.aanvraag_id, status, opts.actor, now, status === 'afgewezen' ? opts.reden!.trim() : null],
    );
    await writeAudit(tx, { actor: opts.actor, action: status === 'goedgekeurd' ? 'spoed.goedkeuring' : 'spoed.afwijzing', subject: r.aanvraag_id, reason: opts.reden?.trim() || undefined, details: { aangevraagdDoor: r.aangevraagd_door, bedrag: r.bedrag }, at: now });
    return (await requestById(tx, r.aanvraag_id))!;
  });
}
