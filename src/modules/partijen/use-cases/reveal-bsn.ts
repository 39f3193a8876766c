/**
 * The back office sees a holder's BSN masked everywhere (`*****1234`); when a person needs the whole
 * number (a phone call, a letter, a paper claim to check), they ask for it with a reason. Every such
 * view is an audit row `bsn.inzage` (who, when, whose, why), written before the number is returned.
 */
import type { Db } from '../../../db/connection.ts';
import { AppError } from '../../../kernel/errors.ts';
import { writeAudit } from '../../audit/index.ts';

export async function revealHolderBsn(db: Db, opts: { budgethouderId: number; reason: string; actor: string; now: Date }): Promise<{ bsn: string; clientnummer: number }> {
  const reason = opts.reason.trim();
  if (reason.length < 3) throw new AppError('INVOER_ONGELDIG', 'geef op waarom u het hele BSN nodig hebt');
  return db.transaction(async (tx) => {
    const r = await tx.query<{ bsn: string; clientnummer: number }>(`SELECT bsn, clientnummer FROM budgethouders WHERE id = $1`, [opts.budgethouderId]);
    const h = r.rows[0];
    if (!h) throw new AppError('NIET_GEVONDEN', `budgethouder ${opts.budgethouderId} niet gevonden`);
    await writeAudit(tx, {
      actor: opts.actor,
      action: 'bsn.inzage',
      subject: `budgethouder:${opts.budgethouderId}`,
      reason,
      details: { clientnummer: Number(h.clientnummer) },
      at: opts.now,
    });
    return { bsn: h.bsn, clientnummer: Number(h.clientnummer) };
  });
}
