/**
 * The holder's own amounts over HTTP: a holder (or representative) requests one in the portal and
 * sees their own; the back office may request for any holder; funders see their holders'.
 */
import { z } from 'zod';
import { defineRoute, notFound, type Principal, type RouteSpec } from '../../../server/route.ts';
import { scopeOf } from '../../../server/scope.ts';
import { formatEuros } from '../../../kernel/money.ts';
import { formatMoment } from '../../../kernel/dates.ts';
import { listOwnAmounts, type OwnAmountRow } from '../repo.ts';
import { requestOwnAmount } from '../use-cases/request-own-amount.ts';

function holderOf(p: Principal, requested: number | undefined): number {
  if (p.rol === 'backoffice') {
    if (requested === undefined) notFound('kies voor welke budgethouder (budgethouder_id)');
    return requested;
  }
  if (requested !== undefined) {
    if (!p.budgethouders.includes(requested)) notFound(`budgethouder ${requested} niet gevonden`);
    return requested;
  }
  if (p.budgethouders.length !== 1) notFound('kies voor welke budgethouder (budgethouder_id)');
  return p.budgethouders[0]!;
}

const json = (r: OwnAmountRow) => ({
  aanvraag_id: r.aanvraag_id, budgethouder_id: r.budgethouder_id, wet: r.wet, soort: r.soort, jaar: r.jaar, bedrag: formatEuros(r.bedrag),
  omschrijving: r.omschrijving, status: r.status, betaling_id: r.betaling_id, aangevraagd_door: r.aangevraagd_door, aangevraagd_op: formatMoment(r.aangevraagd_op),
});

export const eigenBedragenRoutes: RouteSpec<any, any, any>[] = [
  defineRoute({
    method: 'POST',
    url: '/api/eigen-bedragen',
    summary: 'Een eigen bedrag aanvragen (verantwoordingsvrij bedrag, reiskosten, administratiekosten): getoetst aan het jaarmaximum van de verstrekker, ten laste van het budget, betaald op het IBAN van de budgethouder in de volgende betaalrun',
    tags: ['eigen bedragen'],
    access: { roles: ['budgethouder', 'vertegenwoordiger', 'backoffice'] },
    changesState: true,
    body: z.object({
      aanvraag_id: z.string().max(64).optional().describe('eigen id van de aanvraag: dezelfde aanvraag nogmaals verandert niets'),
      budgethouder_id: z.number().int().positive().optional(),
      wet: z.string().max(10),
      soort: z.string().max(30).describe('verantwoordingsvrij, reiskosten of administratiekosten'),
      jaar: z.number().int(),
      bedrag: z.string().max(12).describe("euro's met punt"),
      omschrijving: z.string().max(500).optional(),
    }),
    handler: async ({ db, principal, body, actor, now }) => {
      const holderId = holderOf(principal!, body.budgethouder_id);
      const r = await requestOwnAmount(db, { aanvraagId: body.aanvraag_id, holderId, wet: body.wet, soort: body.soort, jaar: body.jaar, bedrag: body.bedrag, omschrijving: body.omschrijving }, { actor, now });
      return { status: r.created ? 201 : 200, body: json(r.row) };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/eigen-bedragen',
    summary: 'Eigen bedragen en teruggestorte stortingen: een budgethouder de eigen, een verstrekker die van zijn budgethouders, de backoffice en auditor alle',
    tags: ['eigen bedragen'],
    access: { roles: ['budgethouder', 'vertegenwoordiger', 'verstrekker', 'verstrekker_systeem', 'backoffice', 'auditor'] },
    query: z.object({ jaar: z.coerce.number().int().optional(), status: z.enum(['goedgekeurd', 'betaald']).optional() }),
    handler: async ({ db, principal, query }) => {
      const scope = scopeOf(principal);
      const rows = await listOwnAmounts(db, {
        holderIds: scope.kind === 'budgethouders' ? scope.ids : undefined,
        verstrekker: scope.kind === 'verstrekker' ? scope.code : undefined,
        jaar: query.jaar,
        status: query.status,
      });
      return { body: rows.map(json) };
    },
  }),
];
