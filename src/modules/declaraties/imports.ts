/** Import of `declaraties.csv`: new claims are stored with their trace and checked at once. */
import { formatMoment } from '../../kernel/dates.ts';
import type { ImportHandler } from '../import/run-import.ts';
import { DECLARATIES_SPEC, groupClaimLines, parseClaimLine, type ClaimLineRow } from './core/csv.ts';
import { insertClaims, insertEvents, storedClaims } from './repo.ts';

export const declaratiesImport: ImportHandler<ClaimLineRow> = {
  kind: 'declaraties',
  spec: DECLARATIES_SPEC,
  idColumn: 'declaratie_id',
  parse(r) {
    const row = parseClaimLine(r);
    return row && { id: row.declaratie_id, row, content: '' };
  },
  async apply(tx, rows, ctx) {
    const drafts = groupClaimLines(ctx.file, rows, ctx.problems);
    const stored = await storedClaims(tx, drafts.map((d) => d.declaratieId));
    const fresh = drafts.filter((d) => {
      const existing = stored.get(d.declaratieId);
      if (existing === undefined) return true;
      if (existing !== d.content) {
        ctx.problems.push({
          file: ctx.file,
          line: d.firstLine,
          column: 'declaratie_id',
          message: `declaratie '${d.declaratieId}' is al ontvangen met andere inhoud; een nieuwe declaratie krijgt een nieuw id`,
        });
      }
      return false;
    });
    if (ctx.problems.length > 0 || fresh.length === 0) return { created: 0 };
    await insertClaims(tx, fresh, ctx.importId);
    await insertEvents(
      tx,
      fresh.map((d) => ({
        declaratieId: d.declaratieId,
        event: 'ontvangen',
        status: 'ontvangen',
        reason: null,
        note: `Ontvangen via ${d.kanaal} op ${formatMoment(d.ontvangenOp)}; geregistreerd uit ${ctx.file} (${ctx.importId}), ${d.lines.length} regel(s). Uiterste betaaldatum ${d.uitersteBetaaldatum}.`,
      })),
      ctx.actor,
      ctx.now,
    );
    return { created: fresh.length, checkClaims: fresh.map((d) => d.declaratieId) };
  },
};
