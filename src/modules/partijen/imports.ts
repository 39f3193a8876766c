/** The import handlers of the parties' files. */
import type { ImportHandler } from '../import/run-import.ts';
import { contentOf, newRows } from '../import/known-rows.ts';
import {
  BUDGETHOUDERS_SPEC,
  parseBudgethouder,
  parseVerstrekker,
  parseZorgverlener,
  VERSTREKKERS_SPEC,
  ZORGVERLENERS_SPEC,
  type BudgethouderRow,
  type VerstrekkerRow,
  type ZorgverlenerRow,
} from './core/csv.ts';
import { existingContent, insertBudgethouders, insertVerstrekkers, insertZorgverleners } from './repo.ts';

export const verstrekkersImport: ImportHandler<VerstrekkerRow> = {
  kind: 'verstrekkers',
  spec: VERSTREKKERS_SPEC,
  idColumn: 'code',
  parse(r) {
    const row = parseVerstrekker(r);
    return row && { id: row.code, row, content: contentOf([row.code, row.naam, row.soort, row.iban]) };
  },
  async apply(tx, rows, ctx) {
    const fresh = newRows(rows, await existingContent(tx, 'verstrekkers', 'code', rows.map((r) => r.id)), ctx, 'code');
    if (ctx.problems.length === 0 && fresh.length > 0) await insertVerstrekkers(tx, fresh, ctx.importId);
    return { created: fresh.length };
  },
};

export const budgethoudersImport: ImportHandler<BudgethouderRow> = {
  kind: 'budgethouders',
  spec: BUDGETHOUDERS_SPEC,
  idColumn: 'bsn',
  parse(r) {
    const row = parseBudgethouder(r);
    return row && { id: row.bsn, row, content: contentOf([row.bsn, row.naam, row.geboortedatum, row.iban, row.overlijdensdatum]) };
  },
  async apply(tx, rows, ctx) {
    const fresh = newRows(rows, await existingContent(tx, 'budgethouders', 'bsn', rows.map((r) => r.id)), ctx, 'bsn');
    if (ctx.problems.length === 0 && fresh.length > 0) await insertBudgethouders(tx, fresh, ctx.importId);
    return { created: fresh.length };
  },
};

export const zorgverlenersImport: ImportHandler<ZorgverlenerRow> = {
  kind: 'zorgverleners',
  spec: ZORGVERLENERS_SPEC,
  idColumn: 'zorgverlener_id',
  parse(r) {
    const row = parseZorgverlener(r);
    return row && { id: row.zorgverlener_id, row, content: contentOf([row.zorgverlener_id, row.soort, row.naam, row.bsn, row.kvk, row.agb, row.iban]) };
  },
  async apply(tx, rows, ctx) {
    const fresh = newRows(rows, await existingContent(tx, 'zorgverleners', 'zorgverlener_id', rows.map((r) => r.id)), ctx, 'zorgverlener_id');
    if (ctx.problems.length === 0 && fresh.length > 0) await insertZorgverleners(tx, fresh, ctx.importId);
    return { created: fresh.length };
  },
};
