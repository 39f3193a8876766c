/**
 * `pgb vordering kwijtschelden`: what is still open of a recovery is written off (kwijtgescholden),
 * with a reason: `te_vorderen` debited, the receivable credited. The budget gets nothing back for
 * it. One transaction with its audit row; a recovery that is not open is refused.
 */
import type { Db } from '../../../db/connection.ts';
import { AppError, InputError } from '../../../kernel/errors.ts';
import { type Cents } from '../../../kernel/money.ts';
import { writeAudit } from '../../audit/index.ts';
import { postEntries } from '../../ledger/index.ts';
import { writeOffEntry } from '../core/recoveries.ts';
import { markWrittenOff, recoveryById, type RecoveryRow } from '../repo.ts';

export async function writeOffRecovery(db: Db, opts: { vorderingId: string; reden: string; actor: string; now?: Date }): Promise<RecoveryRow> {
  const now = opts.now ?? new Date();
  const reden = (opts.reden ?? '').trim();
  if (reden.length === 0 || reden.length > 500) throw new InputError([{ file: 'kwijtschelding', line: 1, column: 'reden', message: 'zeg in 1 tot 500 tekens waarom de vordering wordt kwijtgescholden' }], 'kwijtschelding afgewezen: reden ontbreekt');
  return db.transaction(async (tx) => {
    const v = await recoveryById(tx, opts.vorderingId, true);
    if (!v) throw new AppError('NIET_GEVONDEN', `vordering '${opts.vorderingId}' bestaat niet`);
    if (v.status !== 'open') throw new AppError('CONFLICT', `vordering ${v.vordering_id} is ${v.status}: er staat niets meer open om kwijt te schelden`);
    const amount = v.openstaand as Cents;
    await markWrittenOff(tx, v.vordering_id, amount, opts.actor, reden, now);
    await postEntries(tx, [writeOffEntry(v.vordering_id, amount, reden)], opts.actor);
    await writeAudit(tx, { actor: opts.actor, action: 'vordering.kwijtschelding', subject: v.vordering_id, reason: reden, details: { bedrag: amount }, at: now });
    return (await recoveryById(tx, v.vordering_id))!;
  });
}
