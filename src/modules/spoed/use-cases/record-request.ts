/**
 * The back office records an urgent request (spoedaanvraag): holder, provider, the budget to charge,
 * amount, period of care, cause (seed 000 table 6) and channel. In one transaction under the
 * holder's lock, with its audit row: the same request id again with the same content returns the
 * stored one (idempotent), with other content is a CONFLICT; an amount that does not fit in what is
 * left of the budget (minus other urgent requests waiting on it) is refused. A second person approves
 * it (`review-request.ts`); the urgent run pays it (`run-urgent.ts`).
 */
import type { Db } from '../../../db/connection.ts';
import { parseDate } from '../../../kernel/dates.ts';
import { AppError, InputError, type InputProblem } from '../../../kernel/errors.ts';
import { newId } from '../../../kernel/ids.ts';
import { formatEuros, formatEurosNl, parseEuros } from '../../../kernel/money.ts';
import { writeAudit } from '../../audit/index.ts';
import { lockHolders } from '../../declaraties/index.ts';
import { isSpoedKanaal, isSpoedOorzaak, SPOED_KANALEN, SPOED_OORZAKEN } from '../core/causes.ts';
import { budgetRoom, insertRequest, requestById, type UrgentRequestRow } from '../repo.ts';

export interface UrgentRequestInput {
  aanvraagId?: string;
  holderId: number;
  zorgverlenerId: string;
  budgetId: string;
  bedrag: string;
  van: string;
  tot: string;
  oorzaak: string;
  kanaal: string;
  toelichting?: string;
}

const FILE = 'spoedaanvraag';

export async function recordUrgentRequest(db: Db, input: UrgentRequestInput, ctx: { actor: string; now?: Date }): Promise<{ row: UrgentRequestRow; created: boolean }> {
  const now = ctx.now ?? new Date();
  const problems: InputProblem[] = [];
  const bad = (column: string, message: string) => problems.push({ file: FILE, line: 1, column, message });
  const bedrag = parseEuros(input.bedrag);
  if (bedrag === undefined || bedrag <= 0) bad('bedrag', `'${input.bedrag}' is geen bedrag groter dan nul (euro's met een punt)`);
  const van = parseDate(input.van);
  const tot = parseDate(input.tot);
  if (!van) bad('van', `'${input.van}' is geen datum (JJJJ-MM-DD)`);
  if (!tot) bad('tot', `'${input.tot}' is geen datum (JJJJ-MM-DD)`);
  if (van && tot && tot < van) bad('tot', `${tot} ligt vóór ${van}`);
  if (!isSpoedOorzaak(input.oorzaak)) bad('oorzaak', `'${input.oorzaak}' is geen oorzaak; kies uit ${Object.keys(SPOED_OORZAKEN).join(', ')}`);
  if (!isSpoedKanaal(input.kanaal)) bad('kanaal', `'${input.kanaal}' is geen kanaal; kies uit ${SPOED_KANALEN.join(', ')}`);
  if (input.aanvraagId !== undefined && !/^[A-Za-z0-9_.:-]{1,64}$/.test(input.aanvraagId)) bad('aanvraag_id', 'gebruik 1 tot 64 letters, cijfers of _ . : -');
  if (!Number.isSafeInteger(input.holderId) || input.holderId <= 0) bad('budgethouder', `'${input.holderId}' is geen budgethouder`);
  if (problems.length > 0) throw new InputError(problems, `spoedaanvraag niet vastgelegd: ${problems.map((p) => p.message).join('; ')}`);
  const toelichting = (input.toelichting ?? '').trim() || null;
  const inhoud = JSON.stringify([input.holderId, input.zorgverlenerId, input.budgetId, bedrag, van, tot, input.oorzaak, input.kanaal, toelichting]);
  const aanvraagId = input.aanvraagId ?? newId('spd');

  return db.transaction(async (tx) => {
    await lockHolders(tx, [input.holderId]);
    const known = await requestById(tx, aanvraagId);
    if (known) {
      if (known.inhoud === inhoud) return { row: known, created: false };
      throw new AppError('CONFLICT', `spoedaanvraag ${aanvraagId} is al vastgelegd met een andere inhoud`);
    }
    const holder = await tx.query(`SELECT 1 FROM budgethouders WHERE id = $1`, [input.holderId]);
    if (holder.rows.length === 0) throw new AppError('NIET_GEVONDEN', `budgethouder ${input.holderId} bestaat niet`);
    const provider = await tx.query(`SELECT 1 FROM zorgverleners WHERE zorgverlener_id = $1`, [input.zorgverlenerId]);
    if (provider.rows.length === 0) throw new AppError('NIET_GEVONDEN', `zorgverlener ${input.zorgverlenerId} bestaat niet`);
    const room = await budgetRoom(tx, input.budgetId);
    if (!room || room.budgethouder_id !== input.holderId) throw new AppError('NIET_GEVONDEN', `budget ${input.budgetId} van budgethouder ${input.holderId} bestaat niet`);
    if (van! < room.ingangsdatum || tot! > room.einddatum) {
      const message = `de periode ${van} t/m ${tot} valt niet binnen het budget ${input.budgetId} (${room.ingangsdatum} t/m ${room.einddatum})`;
      throw new InputError([{ file: FILE, line: 1, column: 'van', message }], `spoedaanvraag niet vastgelegd: ${message}`);
    }
    const left = room.beschikbaar - room.gevraagd;
    if (bedrag! > left) {
      const message = `er is nog ${formatEurosNl(Math.max(0, left))} over op budget ${input.budgetId} (na de spoedaanvragen die al wachten); dat is minder dan ${formatEurosNl(bedrag!)}`;
      throw new InputError([{ file: FILE, line: 1, column: 'bedrag', message }], `spoedaanvraag niet vastgelegd: ${message}`);
    }
    await insertRequest(tx, {
      aanvraag_id: aanvraagId, budgethouder_id: input.holderId, zorgverlener_id: input.zorgverlenerId, budget_id: input.budgetId, bedrag: bedrag!,
      periode_van: van!, periode_tot: tot!, oorzaak: input.oorzaak, kanaal: input.kanaal, toelichting, inhoud, aangevraagd_door: ctx.actor, aangevraagd_op: now,
    });
    await writeAudit(tx, {
      actor: ctx.actor, action: 'spoed.aanvraag', subject: aanvraagId, reason: toelichting ?? SPOED_OORZAKEN[input.oorzaak as keyof typeof SPOED_OORZAKEN],
      details: { holderId: input.holderId, zorgverlenerId: input.zorgverlenerId, budgetId: input.budgetId, bedrag: formatEuros(bedrag!), van, tot, oorzaak: input.oorzaak, kanaal: input.kanaal }, at: now,
    });
    return { row: (await requestById(tx, aanvraagId))!, created: true };
  });
}
