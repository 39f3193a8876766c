/** Fallback allocations over HTTP, for the back office: mark provisional allocations, extend them in bulk (or only list what would happen). */
import { z } from 'zod';
import { defineRoute, type RouteSpec } from '../../../server/route.ts';
import { formatEuros } from '../../../kernel/money.ts';
import { extendFallback, markProvisional } from '../use-cases/fallback.ts';

export const terugvalRoutes: RouteSpec<any, any, any>[] = [
  defineRoute({
    method: 'POST',
    url: '/api/terugval/voorlopig',
    summary: 'Toekenningen als voorlopig (ambtshalve) markeren, zodat een terugvalrun ze kan verlengen',
    tags: ['terugval'],
    access: { roles: ['backoffice'] },
    changesState: true,
    body: z.object({ toekenningen: z.array(z.string().max(100)).min(1).max(10_000), reden: z.string().max(500) }),
    handler: async ({ db, body, actor, now }) => ({ body: await markProvisional(db, body, { actor, now }) }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/terugval',
    summary: 'Terugvaltoekenningen: de voorlopige toekenningen van een verstrekker verlengen tot een datum, met de uitzonderingslijst (wat niet is verlengd en waarom); droog=true toont de lijst zonder iets vast te leggen',
    tags: ['terugval'],
    access: { roles: ['backoffice'] },
    changesState: true,
    body: z.object({
      verstrekker: z.string().max(20),
      wet: z.string().max(10).nullable().optional(),
      tot: z.string().max(10).describe('de nieuwe einddatum (JJJJ-MM-DD)'),
      droog: z.boolean().default(true),
      reden: z.string().max(500).default(''),
    }),
    handler: async ({ db, body, actor, now }) => {
      const r = await extendFallback(db, { verstrekker: body.verstrekker, wet: body.wet ?? null, tot: body.tot, reden: body.reden, dryRun: body.droog }, { actor, now });
      return {
        body: {
          run: r.run,
          droog: r.dryRun,
          verlengd: r.extended.map((e) => ({ budget_id: e.budgetId, toekenning_id: e.toekenningId, vervangt: e.vervangt, einddatum: e.einddatum, bedrag: formatEuros(e.bedrag), was: { einddatum: e.was.einddatum, bedrag: formatEuros(e.was.bedrag) } })),
          uitzonderingen: r.exceptions.map((x) => ({ budget_id: x.budgetId, codes: x.codes, reden: x.reden })),
          declaraties: r.claims ?? {},
        },
      };
    },
  }),
];
