/** Bank statements over HTTP (back office): read a camt.053 statement, list what waits for a person. */
import { z } from 'zod';
import { defineRoute, type RouteSpec } from '../../../server/route.ts';
import { withEuros } from '../../../kernel/money.ts';
import { readBankStatement } from '../use-cases/read-statement.ts';
import { openItems } from '../repo.ts';

export const bankRoutes: RouteSpec<any, any, any>[] = [
  defineRoute<string, undefined, { bestand?: string }>({
    method: 'POST',
    url: '/api/bankafschriften',
    summary: 'Een bankafschrift (camt.053, versie 001.02 of 001.08) inlezen: stortingen, bevestigingen en terugboekingen boeken',
    tags: ['bank'],
    access: { roles: ['backoffice'] },
    changesState: true,
    rawBody: 'application/xml',
    query: z.object({ bestand: z.string().min(1).max(200).optional().describe('de naam van het bestand, voor de meldingen en de audittrail') }),
    handler: async ({ db, body, query, actor, now }) => {
      const r = await readBankStatement(db, { path: query.bestand ?? 'afschrift.xml', content: body, actor, now });
      const nieuw = r.statements.some((s) => !s.alreadyRead);
      return {
        status: nieuw ? 201 : 200,
        body: {
          afschriften: r.statements.map((s) => ({ afschrift_id: s.id, al_ingelezen: s.alreadyRead, posten: s.lines, verwerking: s.counts })),
          declaraties: r.recheckedClaims,
        },
      };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/bankafschriften/open',
    summary: 'Bankposten die niet automatisch konden worden verwerkt en op een mens wachten',
    tags: ['bank'],
    access: { roles: ['backoffice', 'auditor'] },
    handler: async ({ db }) => ({ body: { items: (await openItems(db)).map((i) => withEuros(i, ['bedrag'])) } }),
  }),
];
