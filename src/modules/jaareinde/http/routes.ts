/**
 * The year end over HTTP: the back office closes a year; the back office and the auditor read every
 * funder's statements, a funder its own (as JSON, CSV or Excel).
 */
import { z } from 'zod';
import { defineRoute, type RouteSpec } from '../../../server/route.ts';
import { formatEuros } from '../../../kernel/money.ts';
import { renderReport, toJson } from '../../rapportages/index.ts';
import { closeYear } from '../use-cases/close-year.ts';
import { yearEndTables } from '../use-cases/statements.ts';

export const jaareindeRoutes: RouteSpec<any, any, any>[] = [
  defineRoute({
    method: 'POST',
    url: '/api/jaarafsluiting',
    summary: 'Een jaar afsluiten (na 1 april van het jaar erna): budgetafsluiting per toekenning, wat over is terug naar de verstrekker, overgebleven eigen stortingen terug naar de budgethouder; nogmaals verandert niets',
    tags: ['jaareinde'],
    access: { roles: ['backoffice'] },
    changesState: true,
    body: z.object({ jaar: z.number().int() }),
    handler: async ({ db, body, actor, now }) => {
      const r = await closeYear(db, { jaar: body.jaar, actor, now });
      return {
        body: {
          jaar: r.jaar,
          afgesloten: r.closed.map((c) => c.budgetId),
          terug_naar_verstrekkers: formatEuros(r.closed.reduce((s, c) => s + c.terugNaarVerstrekker, 0)),
          stortingen_terug: r.returned.map((x) => ({ aanvraag_id: x.aanvraagId, budgethouder_id: x.holderId, wet: x.wet, bedrag: formatEuros(x.bedrag) })),
          stortingen_blijven: r.kept.map((k) => ({ budgethouder_id: k.holderId, wet: k.wet, bedrag: formatEuros(k.bedrag), reden: k.reden })),
        },
      };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/jaarafsluiting/:jaar',
    summary: 'De budgetafsluiting per toekenning en de jaarafrekening per verstrekker van een jaar (een verstrekker de eigen), als JSON, CSV of Excel',
    tags: ['jaareinde'],
    access: { roles: ['verstrekker', 'verstrekker_systeem', 'backoffice', 'auditor'] },
    params: z.object({ jaar: z.coerce.number().int() }),
    query: z.object({ overzicht: z.enum(['budgetafsluiting', 'jaarafrekening']).default('jaarafrekening'), formaat: z.enum(['json', 'csv', 'xlsx']).default('json') }),
    handler: async ({ db, principal, params, query }) => {
      const own = principal!.rol === 'verstrekker' || principal!.rol === 'verstrekker_systeem' ? (principal!.verstrekker ?? '') : undefined;
      const table = (await yearEndTables(db, params.jaar, own))[query.overzicht];
      if (query.formaat === 'json') return { body: toJson(table) };
      const r = await renderReport(table, query.formaat);
      return { raw: { contentType: r.contentType, data: r.data, filename: `${query.overzicht}-${params.jaar}.${query.formaat}` } };
    },
  }),
];
