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
import { ownAmountRoom, requestOwnAmount } from '../use-cases/request-own-amount.ts';
import { yearlyAllowance } from '../core/rules.ts';
import { EIGEN_BEDRAG_SOORTEN, ruleJson } from '../../tarieven/index.ts';
import { WETTEN } from '../../../kernel/wet.ts';

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
    url: '/api/eigen-bedragen/ruimte',
    summary: 'Wat een budgethouder in een jaar nog kan aanvragen van één soort eigen bedrag uit het budget van één wet: de regel die geldt (die van de verstrekker vóór die van de wet), het bestede budget, het jaarmaximum en wat al is aangevraagd. Dezelfde berekening als bij een aanvraag.',
    tags: ['eigen bedragen'],
    access: { roles: ['budgethouder', 'vertegenwoordiger', 'backoffice'] },
    query: z.object({
      budgethouder_id: z.coerce.number().int().positive().optional(),
      wet: z.enum(WETTEN),
      soort: z.enum(EIGEN_BEDRAG_SOORTEN),
      jaar: z.coerce.number().int().min(2000).max(2100),
    }),
    handler: async ({ db, principal, query }) => {
      const holderId = holderOf(principal!, query.budgethouder_id);
      const room = await ownAmountRoom(db, holderId, query.wet, query.soort, query.jaar);
      const maximum = room.rule ? yearlyAllowance(room.rule, room.spent) : null;
      const budget = room.budgets.reduce((s, b) => s + b.beschikbaar, 0);
      return {
        body: {
          budgethouder_id: holderId, wet: query.wet, soort: query.soort, jaar: query.jaar,
          regel: room.rule ? ruleJson(room.rule) : null,
          besteed: formatEuros(room.spent),
          jaarmaximum: maximum === null ? null : formatEuros(maximum),
          aangevraagd: formatEuros(room.earlier),
          // what a request can still get: within the year's maximum and what is left on the open budgets
          nog_aan_te_vragen: formatEuros(maximum === null ? 0 : Math.max(0, Math.min(maximum - room.earlier, budget))),
          open_budget: room.budgets.length > 0,
        },
      };
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
