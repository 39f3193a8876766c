/**
 * `pgb iban ZORGVERLENER_ID IBAN --reden …`: a provider gives a new account number. The old one is
 * kept in the history, a block after a returned transfer is lifted, and the claims held for it go
 * with the next payment run. One transaction with its audit row.
 */
import type { Db } from '../../../db/connection.ts';
import { AppError, InputError, type InputProblem } from '../../../kernel/errors.ts';
import { maskIban, normalizeIban } from '../../../kernel/identifiers.ts';
import { writeAudit } from '../../audit/index.ts';
import { setProviderIban } from '../repo.ts';

export async function changeProviderIban(db: Db, opts: { zorgverlenerId: string; iban: string; reason: string; actor: string; now?: Date }): Promise<{ previous: string; unblocked: boolean }> {
  const iban = normalizeIban(opts.iban);
  // the problems name the field, as a request's validation does (file `verzoek`, the CLI's arguments alike)
  const problems: InputProblem[] = [];
  if (!iban) problems.push({ file: 'verzoek', line: 1, column: 'iban', message: `'${opts.iban}' is geen geldig IBAN (controlegetal of lengte klopt niet)` });
  if (opts.reason.trim().length < 3) problems.push({ file: 'verzoek', line: 1, column: 'reden', message: 'geef met --reden op waarom het IBAN verandert' });
  if (!iban || problems.length > 0) throw new InputError(problems, problems.map((p) => p.message).join('; '));
  const now = opts.now ?? new Date();
  return db.transaction(async (tx) => {
    const r = await setProviderIban(tx, { zorgverlenerId: opts.zorgverlenerId, iban, reason: opts.reason, actor: opts.actor, now });
    if (!r) throw new AppError('NIET_GEVONDEN', `zorgverlener '${opts.zorgverlenerId}' bestaat niet`);
    if (r.previous === iban && !r.wasBlocked) throw new AppError('CONFLICT', `zorgverlener '${opts.zorgverlenerId}' heeft dit IBAN al`);
    await writeAudit(tx, {
      actor: opts.actor,
      action: 'zorgverlener.iban',
      subject: opts.zorgverlenerId,
      reason: opts.reason,
      details: { from: maskIban(r.previous), to: maskIban(iban), unblocked: r.wasBlocked },
      at: now,
    });
    return { previous: r.previous, unblocked: r.wasBlocked };
  });
}
