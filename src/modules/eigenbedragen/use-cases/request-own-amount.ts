/**
 * A holder (or the back office for them) requests an own amount: the verantwoordingsvrij bedrag,
 * reiskosten or administratiekosten, as the funder's dated rule allows. In one transaction under
 * the holder's lock: the same request id again with the same content returns the stored one
 * (idempotent), with other content is a CONFLICT; the rule of the year (the funder's own before the
 * law's) and what was spent and requested before decide the yearly maximum (pure,
 * core/rules.ts); the amount is charged to the holder's budgets of that year (the one ending
 * first), booked budget → payable to the holder (entry `eigen_bedrag`), and audited. The next
 * payment run pays it to the holder's IBAN.
 */
import type { Db, Queryable } from '../../../db/connection.ts';
import type { PlainDate } from '../../../kernel/dates.ts';
import { AppError, InputError } from '../../../kernel/errors.ts';
import { newId } from '../../../kernel/ids.ts';
import { formatEuros, formatEurosNl, parseEuros } from '../../../kernel/money.ts';
import { WETTEN, type Wet } from '../../../kernel/wet.ts';
import { writeAudit } from '../../audit/index.ts';
import { lockHolders } from '../../declaraties/index.ts';
import { budgetAccount, postEntries, type AccountRef, type Posting } from '../../ledger/index.ts';
import { applicable, EIGEN_BEDRAG_SOORTEN, loadOwnAmountRules, type OwnAmountRule } from '../../tarieven/index.ts';
import { chargeBudgets, checkRequest, SOORT_NAMEN, type PayingBudget } from '../core/rules.ts';
import { insertOwnAmount, ownAmountById, requestedInYear, spentInYear, yearBudgets, type OwnAmountRow } from '../repo.ts';

export const holderPayable = (holderId: number): AccountRef => ({ kind: 'uitbetaald_aan_budgethouder', key: String(holderId) });

export interface OwnAmountRequest {
  aanvraagId?: string;
  holderId: number;
  wet: string;
  soort: string;
  jaar: number;
  bedrag: string;
  omschrijving?: string;
}

function refuse(column: string, message: string): never {
  throw new InputError([{ file: 'aanvraag', line: 1, column, message }], `aanvraag eigen bedrag afgewezen: ${message}`);
}

/** What decides a request: the holder's open budgets of the year, the rule that holds, what was spent and requested before. */
export interface OwnAmountRoom {
  budgets: PayingBudget[];
  /** the funder's own rule before the law's, as it holds on the last day of the year; undefined: none */
  rule: OwnAmountRule | undefined;
  /** spent from the law's budgets on care of the year */
  spent: number;
  /** requested before of this kind in the year */
  earlier: number;
}

/**
 * The room for an own amount of one kind in a year, read as a request reads it (the request and the
 * portal's "what can I still request" use this one function, so they never disagree).
 */
export async function ownAmountRoom(tx: Queryable, holderId: number, wet: Wet, soort: string, jaar: number): Promise<OwnAmountRoom> {
  const holder = await tx.query<{ id: number }>(`SELECT id FROM budgethouders WHERE id = $1`, [holderId]);
  if (holder.rows.length === 0) throw new AppError('NIET_GEVONDEN', `budgethouder ${holderId} bestaat niet`);
  const { budgets, verstrekker } = await yearBudgets(tx, holderId, wet, jaar);
  const rule = applicable(await loadOwnAmountRules(tx), { verstrekker, wet, datum: `${jaar}-12-31` as PlainDate }, (r) => r.soort === soort);
  return { budgets, rule, spent: await spentInYear(tx, holderId, wet, jaar), earlier: await requestedInYear(tx, holderId, wet, soort, jaar) };
}

export async function requestOwnAmount(db: Db, req: OwnAmountRequest, ctx: { actor: string; now?: Date }): Promise<{ row: OwnAmountRow; created: boolean }> {
  const now = ctx.now ?? new Date();
  if (!(WETTEN as readonly string[]).includes(req.wet)) refuse('wet', `'${req.wet}' is geen wet; kies uit ${WETTEN.join(', ')}`);
  if (!(EIGEN_BEDRAG_SOORTEN as readonly string[]).includes(req.soort)) refuse('soort', `'${req.soort}' is geen soort; kies uit ${EIGEN_BEDRAG_SOORTEN.join(', ')}`);
  if (!Number.isInteger(req.jaar) || req.jaar < 2000 || req.jaar > 2100) refuse('jaar', `'${req.jaar}' is geen jaar`);
  const bedrag = parseEuros(req.bedrag);
  if (bedrag === undefined || bedrag <= 0) refuse('bedrag', `'${req.bedrag}' is geen bedrag groter dan nul`);
  if (req.aanvraagId !== undefined && !/^[A-Za-z0-9_.:-]{1,64}$/.test(req.aanvraagId)) refuse('aanvraag_id', 'gebruik 1 tot 64 letters, cijfers of _ . : -');
  const wet = req.wet as Wet;
  const omschrijving = (req.omschrijving ?? '').trim() || `${SOORT_NAMEN[req.soort]} ${req.jaar}`;
  const inhoud = JSON.stringify([req.holderId, wet, req.soort, req.jaar, bedrag, omschrijving]);
  const aanvraagId = req.aanvraagId ?? newId('ebd');

  return db.transaction(async (tx) => {
    await lockHolders(tx, [req.holderId]);
    const known = await ownAmountById(tx, aanvraagId);
    if (known) {
      if (known.inhoud === inhoud) return { row: known, created: false };
      throw new AppError('CONFLICT', `aanvraag ${aanvraagId} is al ontvangen met een andere inhoud`);
    }
    const { budgets, rule, spent, earlier } = await ownAmountRoom(tx, req.holderId, wet, req.soort, req.jaar);
    if (budgets.length === 0) refuse('jaar', `er is geen (open) toekenning voor ${wet} in ${req.jaar}`);
    const check = checkRequest({ soort: req.soort, jaar: req.jaar, bedrag: bedrag!, rule, spent, earlier });
    if (!check.ok) refuse('bedrag', check.message);
    const charges = chargeBudgets(bedrag!, budgets);
    if (!charges) {
      const left = budgets.reduce((s, b) => s + b.beschikbaar, 0);
      refuse('bedrag', `er is nog ${formatEurosNl(left)} over op uw budget voor ${req.jaar}; dat is minder dan ${formatEurosNl(bedrag!)}`);
    }
    const row = { aanvraag_id: aanvraagId, budgethouder_id: req.holderId, wet, soort: req.soort, jaar: req.jaar, bedrag: bedrag!, omschrijving, aangevraagd_door: ctx.actor, aangevraagd_op: now, inhoud };
    await insertOwnAmount(tx, row, charges!.map((c) => ({ bron: 'budget' as const, budgetId: c.budgetId, amount: c.amount })));
    await bookOwnAmount(tx, aanvraagId, `${SOORT_NAMEN[req.soort]} ${req.jaar} budgethouder ${req.holderId}: ${formatEuros(bedrag!)}`, charges!.map((c) => ({ account: budgetAccount(c.budgetId), amount: c.amount })), req.holderId, ctx.actor);
    await writeAudit(tx, { actor: ctx.actor, action: 'eigen_bedrag.aanvraag', subject: aanvraagId, reason: omschrijving, details: { holderId: req.holderId, wet, soort: req.soort, jaar: req.jaar, bedrag, regel: rule!.bron, maximum: check.ok ? check.allowance : null, charges }, at: now });
    return { row: (await ownAmountById(tx, aanvraagId))!, created: true };
  });
}

/** One entry: the sources debited, the holder's payable credited with the whole amount. */
export async function bookOwnAmount(tx: Queryable, reference: string, description: string, debits: Posting[], holderId: number, actor: string): Promise<void> {
  const total = debits.reduce((s, p) => s + p.amount, 0);
  await postEntries(tx, [{ kind: 'eigen_bedrag', reference, description, postings: [...debits, { account: holderPayable(holderId), amount: -total }] }], actor);
}
