/**
 * `pgb jaarafsluiting --jaar Y`: the year end. Only after the claim deadline (from 2 April of Y+1).
 * In one transaction, under the locks of every holder concerned (id order, like the claim check):
 *
 * 1. every allocation that ends in Y and is not closed yet gets its closing figures
 *    (budgetafsluiting: granted, spent on claims and payroll premiums, own amounts, paid from own
 *    deposits, left, parked claims) and what is left goes back to the funder (entry
 *    `budgetafsluiting`: budget → verstrekker);
 * 2. each holder and law with an allocation closed for Y whose own deposits are left over, when no
 *    later allocation of the law runs and no parked claim waits, gets them back: an own amount of
 *    kind `teruggave_storting` booked deposits → payable to the holder, paid in the next payment run;
 * 3. one audit row `jaarafsluiting` when anything was done.
 *
 * Running it again changes nothing: closed allocations are skipped and returned deposits are gone.
 */
import type { Db } from '../../../db/connection.ts';
import { dateInNetherlands, type PlainDate } from '../../../kernel/dates.ts';
import { AppError } from '../../../kernel/errors.ts';
import { newId } from '../../../kernel/ids.ts';
import { formatEuros } from '../../../kernel/money.ts';
import { writeAudit } from '../../audit/index.ts';
import { lockHolders } from '../../declaraties/index.ts';
import { bookOwnAmount, insertOwnAmount } from '../../eigenbedragen/index.ts';
import { booking, budgetAccount, funderAccount, ownFundsAccount, postEntries } from '../../ledger/index.ts';
import { closingFigures, depositDecision, earliestClosing, type ClosingFigures } from '../core/closing.ts';
import { budgetFacts, closingsOfYear, depositFacts, holdersToClose, insertClosings } from '../repo.ts';

export interface YearEndResult {
  jaar: number;
  /** allocations closed by this run */
  closed: ClosingFigures[];
  /** deposits returned to holders by this run (own amount ids) */
  returned: { aanvraagId: string; holderId: number; wet: string; bedrag: number }[];
  /** deposits left where they are, and why */
  kept: { holderId: number; wet: string; bedrag: number; reden: string }[];
  /** every closing of the year (this run and earlier ones) */
  all: ClosingFigures[];
}

export async function closeYear(db: Db, opts: { jaar: number; actor: string; now?: Date; today?: PlainDate }): Promise<YearEndResult> {
  const now = opts.now ?? new Date();
  const today = opts.today ?? dateInNetherlands(now);
  if (!Number.isInteger(opts.jaar) || opts.jaar < 2000 || opts.jaar > 2100) throw new AppError('INVOER_ONGELDIG', `--jaar '${opts.jaar}' is geen jaar`);
  const from = earliestClosing(opts.jaar);
  if (today < from) {
    throw new AppError('INVOER_ONGELDIG', `${opts.jaar} kan pas vanaf ${from} worden afgesloten: declaraties over ${opts.jaar} kunnen tot en met ${opts.jaar + 1}-04-01 binnenkomen`);
  }
  return db.transaction(async (tx) => {
    const earlier = await tx.query<{ id: number }>(`SELECT DISTINCT budgethouder_id AS id FROM budgetafsluitingen WHERE jaar = $1`, [opts.jaar]);
    await lockHolders(tx, [...new Set([...(await holdersToClose(tx, opts.jaar)), ...earlier.rows.map((r) => r.id)])].sort((a, b) => a - b));

    const closed = (await budgetFacts(tx, opts.jaar)).map((f) => closingFigures(opts.jaar, f));
    await insertClosings(tx, closed, opts.actor, now);
    await postEntries(
      tx,
      closed
        .filter((c) => c.terugNaarVerstrekker > 0)
        .map((c) => booking('budgetafsluiting', c.budgetId, `jaarafsluiting ${opts.jaar}: wat over is van toekenning ${c.budgetId} gaat terug naar ${c.verstrekker}`, budgetAccount(c.budgetId), funderAccount(c.verstrekker), c.terugNaarVerstrekker)),
      opts.actor,
    );

    const returned: YearEndResult['returned'] = [];
    const kept: YearEndResult['kept'] = [];
    for (const f of await depositFacts(tx, opts.jaar)) {
      const d = depositDecision(f);
      if (!d) continue;
      if ('keep' in d) {
        kept.push({ holderId: f.holderId, wet: f.wet, bedrag: f.left, reden: d.keep });
        continue;
      }
      const aanvraagId = newId('ebd');
      const omschrijving = `teruggave eigen stortingen ${f.wet} bij de jaarafsluiting ${opts.jaar}`;
      await insertOwnAmount(
        tx,
        { aanvraag_id: aanvraagId, budgethouder_id: f.holderId, wet: f.wet, soort: 'teruggave_storting', jaar: opts.jaar, bedrag: d.return, omschrijving, aangevraagd_door: opts.actor, aangevraagd_op: now, inhoud: JSON.stringify([f.holderId, f.wet, 'teruggave_storting', opts.jaar, d.return]) },
        [{ bron: 'eigen_bijdrage', budgetId: null, amount: d.return }],
      );
      await bookOwnAmount(tx, aanvraagId, `${omschrijving}: ${formatEuros(d.return)}`, [{ account: ownFundsAccount(f.holderId, f.wet), amount: d.return }], f.holderId, opts.actor);
      returned.push({ aanvraagId, holderId: f.holderId, wet: f.wet, bedrag: d.return });
    }

    if (closed.length > 0 || returned.length > 0) {
      await writeAudit(tx, {
        actor: opts.actor,
        action: 'jaarafsluiting',
        subject: `jaarafsluiting:${opts.jaar}`,
        reason: `jaarafsluiting ${opts.jaar}`,
        details: {
          afgesloten: closed.length,
          terugNaarVerstrekkers: closed.reduce((s, c) => s + c.terugNaarVerstrekker, 0),
          stortingenTerug: returned.length,
          stortingenTerugBedrag: returned.reduce((s, r) => s + r.bedrag, 0),
          budgetten: closed.map((c) => c.budgetId),
          teruggaven: returned.map((r) => r.aanvraagId),
        },
        at: now,
      });
    }
    return { jaar: opts.jaar, closed, returned, kept, all: await closingsOfYear(tx, opts.jaar) };
  });
}
