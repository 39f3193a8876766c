/**
 * The seven CSV imports over HTTP (back office): the file as the request body (text/csv), checked
 * whole, all or nothing, idempotent by row id; every problem as `file:line: column: message`.
 */
import { z } from 'zod';
import { defineRoute, type RouteSpec } from '../../../server/route.ts';
import { runImport, type ImportHandler } from '../run-import.ts';
import { CSV_IMPORTS } from '../../../app/imports.ts';

export { CSV_IMPORTS };

const SOORTEN = Object.keys(CSV_IMPORTS) as [keyof typeof CSV_IMPORTS, ...(keyof typeof CSV_IMPORTS)[]];

export const importRoutes: RouteSpec<any, any, any>[] = [
  defineRoute<string, { soort: keyof typeof CSV_IMPORTS }, { bestand?: string }>({
    method: 'POST',
    url: '/api/imports/:soort',
    summary: 'Een CSV-bestand inlezen (verstrekkers, budgethouders, zorgverleners, toekenningen, zorgovereenkomsten, accorderingen, declaraties)',
    tags: ['imports'],
    access: { roles: ['backoffice'] },
    changesState: true,
    rawBody: 'text/csv',
    params: z.object({ soort: z.enum(SOORTEN) }),
    query: z.object({ bestand: z.string().min(1).max(200).optional().describe('de naam van het bestand, voor de meldingen en de audittrail (standaard <soort>.csv)') }),
    handler: async ({ db, body, params, query, actor, now }) => {
      const handler = CSV_IMPORTS[params.soort] as ImportHandler<unknown>;
      const s = await runImport(db, handler, { path: query.bestand ?? `${params.soort}.csv`, content: body, actor, now });
      return {
        status: s.created > 0 ? 201 : 200,
        body: { import_id: s.importId, soort: s.kind, bestand: s.file, rijen: s.rows, nieuw: s.created, al_bekend: s.skipped, declaraties: s.claims ?? {} },
      };
    },
  }),
];
