/**
 * A holder (or representative) reports a change; the back office handles it. Each step is one
 * transaction with its audit row.
 */
import type { Db } from '../../../db/connection.ts';
import { dateInNetherlands } from '../../../kernel/dates.ts';
import { AppError, InputError } from '../../../kernel/errors.ts';
import { newId } from '../../../kernel/ids.ts';
import { writeAudit } from '../../audit/index.ts';
import { validateMutatie, type MutatieInput } from '../core/validate.ts';
import { insertMutatie, lockMutatie, markHandled } from '../repo.ts';

export async function reportChange(db: Db, input: MutatieInput & { holderId: number }, opts: { actor: string; now?: Date }): Promise<{ mutatie_id: string }> {
  const now = opts.now ?? new Date();
  const v = validateMutatie(input, dateInNetherlands(now));
  if ('problems' in v) throw new InputError(v.problems);
  const id = newId('mut');
  return db.transaction(async (tx) => {
    const holder = await tx.query(`SELECT 1 FROM budgethouders WHERE id = $1`, [input.holderId]);
    if (holder.rows.length === 0) throw new AppError('NIET_GEVONDEN', `budgethouder ${input.holderId} niet gevonden`);
    await insertMutatie(tx, { ...v.mutatie, id, holderId: input.holderId, actor: opts.actor, now });
    await writeAudit(tx, {
      actor: opts.actor,
      action: 'mutatie.gemeld',
      subject: id,
      reason: `wijziging gemeld: ${v.mutatie.soort}`,
      details: { budgethouder_id: input.holderId, soort: v.mutatie.soort, ingangsdatum: v.mutatie.ingangsdatum },
      at: now,
    });
    return { mutatie_id: id };
  });
}

export async function handleChange(db: Db, input: { mutatieId: string; toelichting: string }, opts: { actor: string; now?: Date }): Promise<{ mutatie_id: string; status: 'afgehandeld' }> {
  const now = opts.now ?? new Date();
  const toelichting = input.toelichting.trim();
  if (toelichting.length < 3) throw new InputError([{ file: 'verzoek', line: 1, column: 'toelichting', message: 'schrijf op hoe de wijziging is afgehandeld (minstens 3 tekens)' }]);
  return db.transaction(async (tx) => {
    const m = await lockMutatie(tx, input.mutatieId);
    if (!m) throw new AppError('NIET_GEVONDEN', `mutatie '${input.mutatieId}' niet gevonden`);
    if (m.status !== 'open') throw new AppError('CONFLICT', `mutatie '${input.mutatieId}' is al afgehandeld`);
    await markHandled(tx, { id: input.mutatieId, actor: opts.actor, now, toelichting });
    await writeAudit(tx, { actor: opts.actor, action: 'mutatie.afgehandeld', subject: input.mutatieId, reason: toelichting, details: { budgethouder_id: m.budgethouder_id }, at: now });
    return { mutatie_id: input.mutatieId, status: 'afgehandeld' as const };
  });
}
