/**
 * Excel downloads for funders (their own holders only) and the back office (everything). The back
 * office's files hold whole BSNs: every such download is an audit row `export.download` (who, when,
 * which file, how many rows), as every other view of a whole BSN.
 */
import { z } from 'zod';
import { defineRoute, type RouteSpec } from '../../../server/route.ts';
import { scopeOf } from '../../../server/scope.ts';
import { WETTEN } from '../../../kernel/wet.ts';
import { dateInNetherlands, parseDate } from '../../../kernel/dates.ts';
import { agreementsSheet, budgetsSheet, buildWorkbook, claimsSheet, type Sheet } from '../xlsx.ts';
import { writeAudit } from '../../audit/index.ts';
import type { Queryable } from '../../../db/connection.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ROLES = ['verstrekker', 'verstrekker_systeem', 'backoffice'] as const;
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'een datum JJJJ-MM-DD').refine((v) => parseDate(v) !== undefined, 'geen bestaande datum (JJJJ-MM-DD)');

async function download(sheet: Sheet, name: string, now: Date, audit?: { db: Queryable; actor: string; wholeBsn: boolean }) {
  const filename = `${name}-${dateInNetherlands(now)}.xlsx`;
  if (audit?.wholeBsn && sheet.columns.some((c) => c.header === 'BSN')) {
    await writeAudit(audit.db, { actor: audit.actor, action: 'export.download', subject: `export:${name}`, reason: `${filename}: ${sheet.rows.length} rijen met het hele BSN`, details: { bestand: filename, rijen: sheet.rows.length }, at: now });
  }
  return { raw: { contentType: XLSX, data: await buildWorkbook(sheet), filename } };
}

export const exportsRoutes: RouteSpec<any, any, any>[] = [
  defineRoute({
    method: 'GET',
    url: '/api/export/budgetten.xlsx',
    summary: 'Budgetten als Excel: toegekend, besteed, betaald, nog te betalen en beschikbaar per toekenning',
    tags: ['export'],
    access: { roles: ROLES },
    query: z.object({ wet: z.enum(WETTEN).optional() }),
    handler: async ({ db, principal, query, now, actor }) =>
      download(await budgetsSheet(db, scopeOf(principal), { backoffice: principal?.rol === 'backoffice', wet: query.wet ?? null }), 'budgetten', now, { db, actor, wholeBsn: principal?.rol === 'backoffice' }),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/export/zorgovereenkomsten.xlsx',
    summary: 'Zorgovereenkomsten als Excel, met het aantal dagen in de huidige status (status=ingediend: wat op accordering wacht)',
    tags: ['export'],
    access: { roles: ROLES },
    query: z.object({ status: z.enum(['ingediend', 'geaccordeerd', 'afgekeurd']).optional() }),
    handler: async ({ db, principal, query, now }) => download(await agreementsSheet(db, scopeOf(principal), { status: query.status ?? null, now }), 'zorgovereenkomsten', now),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/export/declaraties.xlsx',
    summary: 'Declaraties als Excel, in volgorde van ontvangst',
    tags: ['export'],
    access: { roles: ROLES },
    query: z.object({
      status: z.enum(['ter_goedkeuring', 'afgewezen', 'ontvangen', 'goedgekeurd', 'betaald', 'geparkeerd', 'afgekeurd']).optional(),
      van: date.optional().describe('ontvangen op of na deze datum'),
      tot: date.optional().describe('ontvangen op of voor deze datum'),
    }),
    handler: async ({ db, principal, query, now, actor }) =>
      download(
        await claimsSheet(db, scopeOf(principal), { backoffice: principal?.rol === 'backoffice', status: query.status ?? null, van: query.van ?? null, tot: query.tot ?? null }),
        'declaraties',
        now,
        { db, actor, wholeBsn: principal?.rol === 'backoffice' },
      ),
  }),
];
