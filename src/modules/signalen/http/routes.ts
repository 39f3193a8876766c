/**
 * Signals in the portals. The back office and the auditor see all; a funder the signals that
 * concern it, with only its own holders in the evidence; a holder (or representative) the budget
 * signals of their own holders (the misuse signals are for the funder to judge, not for them).
 */
import { z } from 'zod';
import { defineRoute, type RouteSpec } from '../../../server/route.ts';
import { scopeOf } from '../../../server/scope.ts';
import { formatMoment } from '../../../kernel/dates.ts';
import { evidenceForFunder, SIGNAL_KINDS, SIGNAL_NAMES } from '../core/rules.ts';
import { listSignals, type SignalFilter } from '../repo.ts';

export const signalenRoutes: RouteSpec<any, any, any>[] = [
  defineRoute({
    method: 'GET',
    url: '/api/signalen',
    summary: 'Signalen: budget raakt op (budgethouder en verstrekker) en mogelijk misbruik (verstrekker), elk met het bewijs',
    tags: ['signalen'],
    access: { roles: ['budgethouder', 'vertegenwoordiger', 'verstrekker', 'verstrekker_systeem', 'backoffice', 'auditor'] },
    query: z.object({
      soort: z.enum(SIGNAL_KINDS).optional(),
      budgethouder_id: z.coerce.number().int().positive().optional(),
      vanaf: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, 'een maand JJJJ-MM of dag JJJJ-MM-DD').optional().describe('signalen over deze periode of later'),
      limit: z.coerce.number().int().min(1).max(1000).default(200),
      offset: z.coerce.number().int().min(0).default(0),
    }),
    handler: async ({ db, principal, query }) => {
      const scope = scopeOf(principal);
      const filterScope: SignalFilter['scope'] =
        scope.kind === 'verstrekker' ? scope : scope.kind === 'budgethouders' ? scope : scope.kind === 'alles' ? scope : { kind: 'budgethouders', ids: [] };
      const items = await listSignals(db, { scope: filterScope, soort: query.soort ?? null, budgethouderId: query.budgethouder_id ?? null, vanaf: query.vanaf ?? null, limit: query.limit, offset: query.offset });
      return {
        body: {
          items: items.map((s) => ({
            id: s.id,
            soort: s.soort,
            naam: SIGNAL_NAMES[s.soort],
            onderwerp: s.onderwerp,
            periode: s.periode,
            budgethouder_id: s.budgethouder_id,
            zorgverlener_id: s.zorgverlener_id,
            verstrekkers: scope.kind === 'verstrekker' ? [scope.code] : s.verstrekkers,
            omschrijving: s.omschrijving,
            bewijs: scope.kind === 'verstrekker' ? evidenceForFunder(s.bewijs, scope.code) : s.bewijs,
            eerst_gezien_op: formatMoment(new Date(s.eerst_gezien_op)),
            laatst_gezien_op: formatMoment(new Date(s.laatst_gezien_op)),
          })),
        },
      };
    },
  }),
];
