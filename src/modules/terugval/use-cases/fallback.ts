/**
 * Fallback allocations for the back office (issue #8, seed 001 §1.1.3):
 *
 * - `markProvisional`: marks allocation versions as provisional (voorlopig, ambtshalve), with why.
 * - `extendFallback`: extends in bulk every provisional allocation of a funder (of one law, or all)
 *   that ends before the new end date, unless an exception applies (core/fallback.ts); with
 *   `dryRun` it only returns the list. Each extension is a new version of the allocation
 *   (`TV-<budget>-<end>`, vervangt the latest) written through the allocation import's own rules
 *   and bookings (correction up: verstrekker → budget), marked provisional with the run, with an
 *   audit row `terugval.verlengd` per allocation and `terugval.run` for the run; parked claims of
 *   the holders are checked again. One transaction; a second run with the same end date finds
 *   nothing left to extend.
 */
import type { Db } from '../../../db/connection.ts';
import { parseDate, type PlainDate } from '../../../kernel/dates.ts';
import { AppError } from '../../../kernel/errors.ts';
import { formatEuros, type Cents } from '../../../kernel/money.ts';
import { WETTEN, type Wet } from '../../../kernel/wet.ts';
import { writeAudit } from '../../audit/index.ts';
import { lockHolders, recheckParkedClaims } from '../../declaraties/index.ts';
import { contentOf } from '../../import/known-rows.ts';
import type { ApplyContext } from '../../import/run-import.ts';
import { toekenningenImport } from '../../toekenningen/index.ts';
import { fallbackDecision, type FallbackDecision } from '../core/fallback.ts';
import { bsnOf, candidateFacts, candidateHolders, insertMarks, versionsToMark } from '../repo.ts';

export async function markProvisional(db: Db, input: { toekenningen: string[]; reden: string; verstrekker?: string | null }, ctx: { actor: string; now?: Date }): Promise<{ marked: number }> {
  const now = ctx.now ?? new Date();
  if (!input.reden || input.reden.trim().length < 5) throw new AppError('INVOER_ONGELDIG', 'geef een reden (waarom deze toekenningen voorlopig zijn)');
  const ids = [...new Set(input.toekenningen)];
  if (ids.length === 0) throw new AppError('INVOER_ONGELDIG', 'noem ten minste één toekenning');
  return db.transaction(async (tx) => {
    const found = await versionsToMark(tx, ids);
    const visible = found.filter((f) => !input.verstrekker || f.verstrekker === input.verstrekker);
    const missing = ids.filter((id) => !visible.some((f) => f.toekenning_id === id));
    if (missing.length > 0) throw new AppError('NIET_GEVONDEN', `toekenning(en) niet gevonden: ${missing.join(', ')}`);
    const marked = await insertMarks(tx, visible.map((f) => ({ toekenningId: f.toekenning_id, budgetId: f.budget_id, run: null, reden: input.reden.trim() })), ctx.actor, now);
    if (marked > 0) await writeAudit(tx, { actor: ctx.actor, action: 'terugval.voorlopig', subject: `voorlopig:${ids.join(',')}`.slice(0, 200), reason: input.reden.trim(), details: { toekenningen: ids, gemarkeerd: marked }, at: now });
    return { marked };
  });
}

export interface FallbackResult {
  run: string;
  dryRun: boolean;
  extended: Extract<FallbackDecision, { extend: true }>[];
  exceptions: Extract<FallbackDecision, { extend: false }>[];
  claims?: Record<string, number>;
}

export async function extendFallback(
  db: Db,
  input: { verstrekker: string; wet?: string | null; tot: string; reden: string; dryRun: boolean },
  ctx: { actor: string; now?: Date },
): Promise<FallbackResult> {
  const now = ctx.now ?? new Date();
  const until = parseDate(input.tot);
  if (!until) throw new AppError('INVOER_ONGELDIG', `--tot '${input.tot}' is geen datum (JJJJ-MM-DD)`);
  if (input.wet && !(WETTEN as readonly string[]).includes(input.wet)) throw new AppError('INVOER_ONGELDIG', `'${input.wet}' is geen wet; kies uit ${WETTEN.join(', ')}`);
  if (!input.dryRun && (!input.reden || input.reden.trim().length < 5)) throw new AppError('INVOER_ONGELDIG', 'geef een reden (bijvoorbeeld het besluit om de terugvaltoekenningen te verlengen)');
  const wet = (input.wet || null) as Wet | null;
  const run = `terugval:${input.verstrekker}:${wet ?? 'alle'}:${until}`;
  return db.transaction(async (tx) => {
    const funder = await tx.query(`SELECT 1 FROM verstrekkers WHERE code = $1`, [input.verstrekker]);
    if (funder.rows.length === 0) throw new AppError('NIET_GEVONDEN', `verstrekker '${input.verstrekker}' bestaat niet`);
    await lockHolders(tx, await candidateHolders(tx, input.verstrekker, wet, until as PlainDate));
    const decisions = (await candidateFacts(tx, input.verstrekker, wet, until as PlainDate)).map((f) => fallbackDecision(f, until as PlainDate));
    const extended = decisions.filter((d): d is Extract<FallbackDecision, { extend: true }> => d.extend);
    const exceptions = decisions.filter((d): d is Extract<FallbackDecision, { extend: false }> => !d.extend);
    if (input.dryRun || extended.length === 0) return { run, dryRun: input.dryRun, extended, exceptions };

    // the extensions go through the allocation import's own rules and bookings
    const facts = new Map((await candidateFacts(tx, input.verstrekker, wet, until as PlainDate)).map((f) => [f.budgetId, f]));
    const bsn = await bsnOf(tx, [...new Set(extended.map((e) => facts.get(e.budgetId)!.holderId))]);
    const rows = extended.map((e, i) => {
      const f = facts.get(e.budgetId)!;
      const row = { toekenning_id: e.toekenningId, verstrekker: f.verstrekker, bsn: bsn.get(f.holderId)!, wet: f.wet, ingangsdatum: e.ingangsdatum, einddatum: e.einddatum, bedrag: e.bedrag as Cents, vervangt: e.vervangt };
      return { line: i + 1, id: row.toekenning_id, row, content: contentOf([row.toekenning_id, row.verstrekker, row.bsn, row.wet, row.ingangsdatum, row.einddatum, row.bedrag, row.vervangt]) };
    });
    const applyCtx: ApplyContext = { file: run, importId: run, actor: ctx.actor, now, problems: [] };
    const applied = await toekenningenImport.apply(tx, rows, applyCtx);
    if (applyCtx.problems.length > 0) {
      throw new AppError('CONFLICT', `terugvaltoekenningen niet verlengd: ${applyCtx.problems.map((p) => `${p.column}: ${p.message}`).join('; ')}`);
    }
    await insertMarks(tx, extended.map((e) => ({ toekenningId: e.toekenningId, budgetId: e.budgetId, run, reden: input.reden.trim() })), ctx.actor, now);
    for (const e of extended) {
      await writeAudit(tx, {
        actor: ctx.actor,
        action: 'terugval.verlengd',
        subject: e.budgetId,
        reason: input.reden.trim(),
        details: { run, toekenning: e.toekenningId, vervangt: e.vervangt, was: { einddatum: e.was.einddatum, bedrag: e.was.bedrag }, einddatum: e.einddatum, bedrag: e.bedrag, bedragTekst: formatEuros(e.bedrag) },
        at: now,
      });
    }
    await writeAudit(tx, {
      actor: ctx.actor,
      action: 'terugval.run',
      subject: run,
      reason: input.reden.trim(),
      details: { verlengd: extended.map((e) => e.budgetId), uitzonderingen: exceptions.map((x) => ({ budget: x.budgetId, codes: x.codes })) },
      at: now,
    });
    const claims = applied.recheckHolders && applied.recheckHolders.length > 0 ? await recheckParkedClaims(tx, { holderIds: applied.recheckHolders, actor: ctx.actor, now, cause: `terugvaltoekenningen ${run}` }) : undefined;
    return { run, dryRun: false, extended, exceptions, ...(claims ? { claims } : {}) };
  });
}
