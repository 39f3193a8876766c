/**
 * `pgb maandloon --maand YYYY-MM`: books that month's fixed pay for every approved agreement with a
 * monthly amount. Running it again for the same month books nothing new (the claim ids exist).
 */
import type { Db } from '../../../db/connection.ts';
import { dateInNetherlands, paymentDeadline, parseMonth } from '../../../kernel/dates.ts';
import { AppError } from '../../../kernel/errors.ts';
import { formatEuros, type Cents, type Quarters } from '../../../kernel/money.ts';
import { writeAudit } from '../../audit/index.ts';
import { inMemory, receiveClaims, type ClaimDraft } from '../../declaraties/index.ts';
import { monthlyPayment } from '../core/monthly.ts';
import { agreementsToPay } from '../repo.ts';

export interface MonthlyPayResult {
  month: string;
  created: number;
  total: number;
  outcomes: Record<string, number>;
}

export async function runMonthlyPay(db: Db, opts: { month: string; actor: string; now?: Date }): Promise<MonthlyPayResult> {
  const now = opts.now ?? new Date();
  const month = parseMonth(opts.month);
  if (!month) throw new AppError('INVOER_ONGELDIG', `--maand '${opts.month}' is geen maand (JJJJ-MM)`);
  const today = dateInNetherlands(now);
  // pay only after the care was given: from the last day of the month on
  if (month.last > today) throw new AppError('INVOER_ONGELDIG', `maand ${opts.month} is nog niet voorbij; maandloon wordt betaald vanaf de laatste dag van de maand`);
  return db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(7262002)`); // one monthly run at a time
    const agreements = await agreementsToPay(tx, month.first, month.last, opts.month);
    const drafts: ClaimDraft[] = [];
    const deadline = paymentDeadline(today);
    for (const a of agreements) {
      const p = monthlyPayment(a, month);
      if (!p) continue;
      drafts.push({
        declaratieId: p.declaratieId,
        soort: 'maandloon',
        ontvangenOp: now,
        ontvangstdatum: today,
        kanaal: 'systeem',
        bsn: p.bsn,
        zorgverlenerId: p.zorgverlenerId,
        gevraagdeZorgovereenkomst: p.agreementId,
        lines: [{ regelnr: 1, datum: p.datum, kwartieren: 4 as Quarters, eenheden: '1', tarief: p.bedrag, bedrag: p.bedrag, omschrijving: `maandloon ${opts.month} (${p.dagen} dagen)` }],
        bedrag: p.bedrag,
        uitersteBetaaldatum: deadline,
        content: JSON.stringify(['maandloon', p.agreementId, opts.month, p.bedrag]),
        firstLine: 0,
      });
    }
    // checked before they are stored, then stored with their outcome (declaraties receive-claims.ts)
    const outcomes = await receiveClaims(tx, inMemory(drafts), {
      importId: null,
      actor: opts.actor,
      now,
      cause: `maandloon ${opts.month}`,
      receivedNote: (d) => `Maandloon ${opts.month} aangemaakt door de maandrun: ${formatEuros(d.bedrag)}.`,
    });
    const total = drafts.reduce((s, d) => s + d.bedrag, 0) as Cents;
    await writeAudit(tx, { actor: opts.actor, action: 'maandloon.run', subject: `maandloon:${opts.month}`, reason: `maandloon ${opts.month}`, details: { created: drafts.length, total, outcomes }, at: now });
    return { month: opts.month, created: drafts.length, total, outcomes };
  });
}
