/** The audit trail over HTTP (back office and auditor): who did what, when and why. */
import { z } from 'zod';
import { defineRoute, type RouteSpec } from '../../../server/route.ts';
import { formatMoment } from '../../../kernel/dates.ts';
import { listAudit } from '../queries.ts';

export const auditRoutes: RouteSpec<any, any, any>[] = [
  defineRoute({
    method: 'GET',
    url: '/api/audit',
    summary: 'De audittrail, nieuwste eerst: over één onderwerp (een import, betaalrun, zorgovereenkomst…) en/of één soort actie',
    tags: ['audit'],
    access: { roles: ['backoffice', 'auditor'] },
    query: z.object({
      onderwerp: z.string().min(1).max(200).optional(),
      actie: z.string().min(1).max(100).optional().describe('bijv. import of import.toekenningen'),
      limit: z.coerce.number().int().min(1).max(1000).default(100),
      offset: z.coerce.number().int().min(0).default(0),
    }),
    handler: async ({ db, query }) => {
      const items = await listAudit(db, { onderwerp: query.onderwerp ?? null, actie: query.actie ?? null, limit: query.limit, offset: query.offset });
      return { body: { items: items.map((a) => ({ ...a, op: formatMoment(a.op) })) } };
    },
  }),
];
