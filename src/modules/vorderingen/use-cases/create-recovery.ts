/**
 * Establishing a recovery (vordering): a payment found wrong (paid twice, a wrong amount, paid after
 * death, other) becomes a recovery on the provider or the holder. `establishRecovery` runs inside
 * the caller's transaction (other modules call it, e.g. for the rest of an urgent advance);
 * `createRecovery` opens one. Every check fails with a specific error and writes nothing.
 *
 * From a claim: the claim must be paid; the debtor is its provider unless named, the payment its
 * payment, the budget the one it charged most; together the recoveries on one claim never exceed
 * its amount (nothing is recovered twice). Idempotent by `bron`: the same source again with the same
 * content returns the stored recovery, with other content is a CONFLICT.
 */
import type { Db, Queryable } from '../../../db/connection.ts';
import { dateInNetherlands, parseDate } from '../../../kernel/dates.ts';
import { AppError, InputError } from '../../../kernel/errors.ts';
import { formatEuros, formatEurosNl, type Cents } from '../../../kernel/money.ts';
import { writeAudit } from '../../audit/index.ts';
import { postEntries } from '../../ledger/index.ts';
import { establishEntry, REDEN_NAMEN, REDENEN, type DebtorKind, type Reden } from '../core/recoveries.ts';
import { insertRecovery, nextRecoveryId, recoveredOnClaim, recoveryById, recoveryBySource, type RecoveryRow } from '../repo.ts';

export interface RecoveryInput {
  /** the source's own key (another module's `spoed:<id>`, or a caller's id): the same key twice makes one recovery */
  bron?: string;
  debiteur?: { soort: DebtorKind; id: string };
  declaratieId?: string;
  betalingId?: string;
  budgetId?: string;
  reden: string;
  bedrag: Cents;
  toelichting: string;
  /** the date the recovery was established (default today in the Netherlands); set-off takes the oldest first */
  vastgesteldOp?: string;
}

function refuse(column: string, message: string): never {
  throw new InputError([{ file: 'vordering', line: 1, column, message }], `vordering afgewezen: ${message}`);
}

/** In the caller's transaction: checks, stores and books a recovery; audited as `vordering.nieuw`. */
export async function establishRecovery(tx: Queryable, input: RecoveryInput, ctx: { actor: string; now?: Date }): Promise<{ row: RecoveryRow; created: boolean }> {
  const now = ctx.now ?? new Date();
  if (!(REDENEN as readonly string[]).includes(input.reden)) refuse('reden', `'${input.reden}' is geen reden; kies uit ${REDENEN.join(', ')}`);
  if (!Number.isSafeInteger(input.bedrag) || input.bedrag <= 0) refuse('bedrag', `'${input.bedrag}' is geen bedrag groter dan nul`);
  const toelichting = (input.toelichting ?? '').trim();
  if (toelichting.length === 0) refuse('toelichting', 'zeg waarom de betaling onjuist was');
  if (toelichting.length > 500) refuse('toelichting', 'ten hoogste 500 tekens');
  if (input.bron !== undefined && !/^[A-Za-z0-9_.:/-]{1,100}$/.test(input.bron)) refuse('bron', 'gebruik 1 tot 100 letters, cijfers of _ . : / -');
  const vastgesteld = input.vastgesteldOp === undefined ? dateInNetherlands(now) : parseDate(input.vastgesteldOp);
  if (!vastgesteld) refuse('vastgesteld_op', `'${input.vastgesteldOp}' is geen datum (JJJJ-MM-DD)`);
  if (vastgesteld > dateInNetherlands(now)) refuse('vastgesteld_op', `${vastgesteld} ligt in de toekomst`);

  let debtor = input.debiteur;
  let betalingId = input.betalingId ?? null;
  let budgetId = input.budgetId ?? null;
  const declaratieId = input.declaratieId ?? null;

  if (declaratieId !== null) {
    const c = await tx.query<{ status: string; bedrag: number; zorgverlener_id: string; budgethouder_id: number; betaling_id: string | null }>(
      `SELECT status, bedrag, zorgverlener_id, budgethouder_id, betaling_id FROM declaraties WHERE declaratie_id = $1 FOR UPDATE`,
      [declaratieId],
    );
    const claim = c.rows[0];
    if (!claim) refuse('declaratie_id', `declaratie '${declaratieId}' bestaat niet`);
    if (claim.status !== 'betaald') refuse('declaratie_id', `declaratie ${declaratieId} is ${claim.status}, niet betaald: alleen een betaalde declaratie kan worden teruggevorderd`);
    debtor ??= { soort: 'zorgverlener', id: claim.zorgverlener_id };
    betalingId ??= claim.betaling_id;
    if (budgetId === null) {
      const b = await tx.query<{ budget_id: string }>(
        `SELECT budget_id FROM declaratie_lasten WHERE declaratie_id = $1 AND budget_id IS NOT NULL GROUP BY budget_id ORDER BY sum(bedrag) DESC, budget_id LIMIT 1`,
        [declaratieId],
      );
      if (b.rows.length === 0) refuse('budget_id', `declaratie ${declaratieId} is betaald uit eigen stortingen; noem de toekenning (budget_id) waar het teruggevorderde naartoe gaat`);
      budgetId = b.rows[0]!.budget_id;
    }
    const earlier = await recoveredOnClaim(tx, declaratieId);
    // the same source again is answered below, before this bound would refuse it
    const again = input.bron !== undefined ? await recoveryBySource(tx, input.bron) : undefined;
    if (!again && earlier + input.bedrag > claim.bedrag) {
      refuse('bedrag', `op declaratie ${declaratieId} (${formatEurosNl(claim.bedrag)}) is al ${formatEurosNl(earlier)} teruggevorderd; ${formatEurosNl(input.bedrag)} erbij is meer dan de declaratie`);
    }
  }
  if (betalingId !== null) {
    const p = await tx.query<{ zorgverlener_id: string | null; budgethouder_id: number | null }>(`SELECT zorgverlener_id, budgethouder_id FROM betalingen WHERE betaling_id = $1`, [betalingId]);
    const pay = p.rows[0];
    if (!pay) refuse('betaling_id', `betaling '${betalingId}' bestaat niet`);
    debtor ??= pay.zorgverlener_id !== null ? { soort: 'zorgverlener', id: pay.zorgverlener_id } : { soort: 'budgethouder', id: String(pay.budgethouder_id) };
  }
  if (!debtor) refuse('debiteur', 'noem de zorgverlener of budgethouder van wie wordt teruggevorderd, of de betaalde declaratie');
  if (debtor.soort !== 'zorgverlener' && debtor.soort !== 'budgethouder') refuse('debiteur', `'${debtor.soort}' is geen soort debiteur; kies zorgverlener of budgethouder`);
  if (budgetId === null) refuse('budget_id', 'noem de toekenning (budget_id) waar het teruggevorderde naartoe gaat');

  let holderId: number | null = null;
  if (debtor.soort === 'zorgverlener') {
    const z = await tx.query(`SELECT 1 FROM zorgverleners WHERE zorgverlener_id = $1`, [debtor.id]);
    if (z.rows.length === 0) refuse('debiteur', `zorgverlener '${debtor.id}' bestaat niet`);
  } else {
    holderId = /^\d{1,15}$/.test(debtor.id) ? Number(debtor.id) : -1;
    const h = await tx.query(`SELECT 1 FROM budgethouders WHERE id = $1`, [holderId]);
    if (h.rows.length === 0) refuse('debiteur', `budgethouder '${debtor.id}' bestaat niet`);
  }
  const b = await tx.query<{ budgethouder_id: number }>(`SELECT budgethouder_id FROM budgetten WHERE budget_id = $1`, [budgetId]);
  if (b.rows.length === 0) refuse('budget_id', `toekenning '${budgetId}' bestaat niet`);
  if (holderId !== null && b.rows[0]!.budgethouder_id !== holderId) refuse('budget_id', `toekenning ${budgetId} is niet van budgethouder ${holderId}`);

  const inhoud = JSON.stringify([debtor.soort, debtor.id, declaratieId, betalingId, budgetId, input.reden, input.bedrag, toelichting, vastgesteld]);
  if (input.bron !== undefined) {
    const known = await recoveryBySource(tx, input.bron);
    if (known) {
      if (known.inhoud === inhoud) return { row: known, created: false };
      throw new AppError('CONFLICT', `vordering met bron ${input.bron} (${known.vordering_id}) is al vastgelegd met een andere inhoud`);
    }
  }
  const id = await nextRecoveryId(tx);
  const reden = input.reden as Reden;
  await insertRecovery(tx, {
    vordering_id: id,
    debiteur_soort: debtor.soort,
    zorgverlener_id: debtor.soort === 'zorgverlener' ? debtor.id : null,
    budgethouder_id: holderId,
    declaratie_id: declaratieId,
    betaling_id: betalingId,
    budget_id: budgetId,
    reden,
    toelichting,
    bedrag: input.bedrag,
    bron: input.bron ?? id,
    inhoud,
    vastgesteld_op: vastgesteld,
    aangemaakt_door: ctx.actor,
    aangemaakt_op: now,
  });
  const who = debtor.soort === 'zorgverlener' ? `zorgverlener ${debtor.id}` : `budgethouder ${debtor.id}`;
  await postEntries(tx, [establishEntry(id, input.bedrag, `vordering ${id} op ${who} (${REDEN_NAMEN[reden]}): ${formatEuros(input.bedrag)}${declaratieId ? `, declaratie ${declaratieId}` : ''}`)], ctx.actor);
  await writeAudit(tx, {
    actor: ctx.actor,
    action: 'vordering.nieuw',
    subject: id,
    reason: toelichting,
    details: { debiteur: debtor, declaratieId, betalingId, budgetId, reden, bedrag: input.bedrag, bron: input.bron ?? null, vastgesteld },
    at: now,
  });
  return { row: (await recoveryById(tx, id))!, created: true };
}

export async function createRecovery(db: Db, input: RecoveryInput, ctx: { actor: string; now?: Date }): Promise<{ row: RecoveryRow; created: boolean }> {
  return db.transaction((tx) => establishRecovery(tx, input, ctx));
}
