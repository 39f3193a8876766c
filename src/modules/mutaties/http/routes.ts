/**
 * Reported changes (mutaties) over HTTP: a holder or representative reports one and sees their
 * own; the back office works the open ones and records how each was handled.
 */
import { z } from 'zod';
import { defineRoute, notFound, type Principal, type RouteSpec } from '../../../server/route.ts';
import { scopeOf } from '../../../server/scope.ts';
import { formatMoment } from '../../../kernel/dates.ts';
import { MUTATIE_SOORTEN } from '../core/validate.ts';
import { listMutaties, mutatieById, type MutatieView } from '../repo.ts';
import { handleChange, reportChange } from '../use-cases/report-change.ts';

/** The holder a holder or representative acts for: the one named (if theirs), or their only one. */
function holderOf(p: Principal, requested: number | undefined): number {
  if (requested !== undefined) {
    if (!p.budgethouders.includes(requested)) notFound(`budgethouder ${requested} niet gevonden`);
    return requested;
  }
  if (p.budgethouders.length !== 1) notFound('kies voor welke budgethouder (budgethouder_id)');
  return p.budgethouders[0]!;
}

function mutatieJson(m: MutatieView) {
  return { ...m, gemeld_op: formatMoment(m.gemeld_op), afgehandeld_op: m.afgehandeld_op ? formatMoment(m.afgehandeld_op) : null };
}

export const mutatiesRoutes: RouteSpec<any, any, any>[] = [
  defineRoute({
    method: 'POST',
    url: '/api/mutaties',
    summary: 'Een wijziging melden (adres, IBAN, vertegenwoordiger, overlijden, zorgverlener of overig)',
    tags: ['mutaties'],
    access: { roles: ['budgethouder', 'vertegenwoordiger'] },
    changesState: true,
    body: z.object({
      budgethouder_id: z.number().int().positive().optional(),
      soort: z.string().max(50).describe(`een van ${MUTATIE_SOORTEN.join(', ')}`),
      omschrijving: z.string().max(5000),
      ingangsdatum: z.string().max(20).nullable().optional().describe('JJJJ-MM-DD; verplicht bij overlijden'),
    }),
    handler: async ({ db, principal, body, actor, now }) => {
      const holderId = holderOf(principal!, body.budgethouder_id);
      const r = await reportChange(db, { holderId, soort: body.soort, omschrijving: body.omschrijving, ingangsdatum: body.ingangsdatum ?? null }, { actor, now });
      return { status: 201, body: mutatieJson((await mutatieById(db, r.mutatie_id))!) };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/mutaties',
    summary: 'Gemelde wijzigingen: een budgethouder ziet de eigen, de backoffice alle (status=open: wat nog moet worden afgehandeld, oudste eerst)',
    tags: ['mutaties'],
    access: { roles: ['budgethouder', 'vertegenwoordiger', 'backoffice', 'auditor'] },
    query: z.object({
      status: z.enum(['open', 'afgehandeld']).optional(),
      budgethouder_id: z.coerce.number().int().positive().optional(),
      limit: z.coerce.number().int().min(1).max(500).default(100),
      offset: z.coerce.number().int().min(0).default(0),
    }),
    handler: async ({ db, principal, query }) => {
      const scope = scopeOf(principal);
      let holderIds: number[] | null = null;
      if (scope.kind === 'budgethouders') {
        if (query.budgethouder_id !== undefined && !scope.ids.includes(query.budgethouder_id)) notFound(`budgethouder ${query.budgethouder_id} niet gevonden`);
        holderIds = query.budgethouder_id !== undefined ? [query.budgethouder_id] : scope.ids;
      } else if (scope.kind === 'alles') {
        holderIds = query.budgethouder_id !== undefined ? [query.budgethouder_id] : null;
      } else {
        holderIds = [];
      }
      const items = await listMutaties(db, { holderIds, status: query.status ?? null, limit: query.limit, offset: query.offset });
      return { body: { items: items.map(mutatieJson) } };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/mutaties/:id/afhandelen',
    summary: 'Een gemelde wijziging afhandelen, met een toelichting voor de budgethouder en de audittrail',
    tags: ['mutaties'],
    access: { roles: ['backoffice'] },
    changesState: true,
    params: z.object({ id: z.string().min(1).max(64) }),
    body: z.object({ toelichting: z.string().max(2000) }),
    handler: async ({ db, params, body, actor, now }) => {
      await handleChange(db, { mutatieId: params.id, toelichting: body.toelichting }, { actor, now });
      return { body: mutatieJson((await mutatieById(db, params.id))!) };
    },
  }),
];
