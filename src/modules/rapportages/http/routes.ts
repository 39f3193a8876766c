/**
 * Reports, the quarterly statement and the audit sample over HTTP.
 *
 * - Reports: the back office and the auditor see all funders (or one, with `verstrekker`); a funder
 *   (staff or system) sees only its own holders, and naming another funder answers 404.
 *   `formaat`: json (default), csv, xlsx, svg (the chart, to embed) or html (chart and table).
 * - The quarterly statement (PDF): the holder and their representative for their own holders, the
 *   back office and the auditor for anyone; a funder has no business with the holder's other budgets.
 * - The audit sample: the auditor and the back office.
 */
import { z } from 'zod';
import { defineRoute, notFound, type RouteSpec } from '../../../server/route.ts';
import { scopeOf, type Scope } from '../../../server/scope.ts';
import { dateInNetherlands, parseDate, type PlainDate } from '../../../kernel/dates.ts';
import { defaultPeriod, isReportName, reportList, runReport } from '../use-cases/reports.ts';
import { FORMATS, renderReport, toJson } from '../render/output.ts';
import { budgetStatement, budgetStatementPdf } from '../use-cases/budget-statement-pdf.ts';
import { drawAuditSample, sampleCsv, sampleJson } from '../use-cases/audit-sample.ts';

const REPORT_READERS = ['verstrekker', 'verstrekker_systeem', 'backoffice', 'auditor'] as const;
const date = z.string().refine((v) => parseDate(v) !== undefined, 'een datum JJJJ-MM-DD');

function reportScope(scope: Scope, verstrekker: string | undefined): Scope {
  if (scope.kind === 'verstrekker') {
    if (verstrekker !== undefined && verstrekker !== scope.code) notFound(`verstrekker ${verstrekker} niet gevonden`);
    return scope;
  }
  if (scope.kind !== 'alles') notFound();
  return verstrekker ? { kind: 'verstrekker', code: verstrekker } : scope;
}

export const rapportagesRoutes: RouteSpec<any, any, any>[] = [
  defineRoute({
    method: 'GET',
    url: '/api/rapportages',
    summary: 'De rapporten: naam, titel, de tabel of grafiek uit de bronnen die het reproduceert, en wat het telt',
    tags: ['rapportages'],
    access: { roles: REPORT_READERS },
    handler: async () => ({ body: { items: reportList() } }),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/rapportages/:naam',
    summary: 'Eén rapport voor een periode, als JSON, CSV, Excel, SVG-grafiek of HTML-pagina; een verstrekker ziet alleen de eigen budgethouders',
    tags: ['rapportages'],
    access: { roles: REPORT_READERS },
    params: z.object({ naam: z.string().min(1).max(60) }),
    query: z.object({
      van: date.optional().describe('begin van de periode (standaard: de eerste van de maand, twee maanden voor tot)'),
      tot: date.optional().describe('eind van de periode (standaard: vandaag)'),
      peildatum: date.optional().describe('de dag van een stand en tot wanneer uitkomsten tellen (standaard: vandaag)'),
      verstrekker: z.string().min(1).max(20).optional().describe('backoffice en auditdienst: alleen deze verstrekker'),
      formaat: z.enum(FORMATS).default('json'),
    }),
    handler: async ({ db, principal, params, query, now }) => {
      if (!isReportName(params.naam)) notFound(`rapport '${params.naam}' bestaat niet`);
      const today = dateInNetherlands(now);
      const { van, tot } = defaultPeriod(today, query.van ?? null, query.tot ?? null);
      const table = await runReport(db, params.naam, { van, tot, peildatum: (query.peildatum ?? today) as PlainDate, scope: reportScope(scopeOf(principal), query.verstrekker) });
      if (query.formaat === 'json') return { body: toJson(table) };
      const { data, contentType } = await renderReport(table, query.formaat);
      return { raw: { contentType, data, ...(query.formaat === 'csv' || query.formaat === 'xlsx' ? { filename: `${params.naam}-${van}-${tot}.${query.formaat}` } : {}) } };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/budgethouders/:id/kwartaaloverzicht',
    summary: 'Het kwartaaloverzicht van een budgethouder als toegankelijke PDF: per wet toegekend, besteed per maand en per zorgverlener, stortingen, resterend',
    tags: ['rapportages'],
    access: { roles: ['budgethouder', 'vertegenwoordiger', 'backoffice', 'auditor'] },
    params: z.object({ id: z.coerce.number().int().positive() }),
    query: z.object({ kwartaal: z.string().regex(/^\d{4}-Q[1-4]$/, 'een kwartaal JJJJ-Qn, bijvoorbeeld 2026-Q3') }),
    handler: async ({ db, principal, params, query, now }) => {
      const scope = scopeOf(principal);
      if (scope.kind === 'budgethouders' ? !scope.ids.includes(params.id) : scope.kind !== 'alles') notFound(`budgethouder ${params.id} niet gevonden`);
      const s = await budgetStatement(db, { holder: { id: params.id }, kwartaal: query.kwartaal, now }).catch((e: { code?: string }) => {
        if (e.code === 'NIET_GEVONDEN') notFound(`budgethouder ${params.id} niet gevonden`);
        throw e;
      });
      return { raw: { contentType: 'application/pdf', data: await budgetStatementPdf(s), filename: `kwartaaloverzicht-${s.holder.clientnummer}-${s.kwartaal}.pdf` } };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/steekproef',
    summary: 'Een reproduceerbare steekproef van betaalde declaraties met hun spoor en de werkdagen van ontvangst tot betaling',
    tags: ['rapportages'],
    access: { roles: ['auditor', 'backoffice'] },
    query: z.object({
      aantal: z.coerce.number().int().min(1).max(10_000),
      zaad: z.string().min(1).max(200),
      van: date.optional().describe('uitvoeringsdatum van de betaling vanaf'),
      tot: date.optional().describe('uitvoeringsdatum van de betaling tot en met'),
      formaat: z.enum(['json', 'csv']).default('json'),
    }),
    handler: async ({ db, query }) => {
      const s = await drawAuditSample(db, { aantal: query.aantal, zaad: query.zaad, van: (query.van ?? null) as PlainDate | null, tot: (query.tot ?? null) as PlainDate | null });
      if (query.formaat === 'csv') return { raw: { contentType: 'text/csv; charset=utf-8', data: sampleCsv(s), filename: `steekproef-${query.zaad}.csv` } };
      return { body: JSON.parse(sampleJson(s)) };
    },
  }),
];
