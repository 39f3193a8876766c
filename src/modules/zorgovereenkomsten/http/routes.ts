/** Care agreements over HTTP: drafts, sharing, signing, the funder's decision, and lists per party. */
import { parseDate } from '../../../kernel/dates.ts';
import { z } from 'zod';
import { defineRoute, notFound, type Principal, type RouteSpec } from '../../../server/route.ts';
import { holderFilter, scopeOf } from '../../../server/scope.ts';
import { EENHEDEN, WETTEN, ZOK_SOORTEN } from '../../../kernel/wet.ts';
import { formatEuros } from '../../../kernel/money.ts';
import type { Queryable } from '../../../db/connection.ts';
import { agreementVersions, listAgreements } from '../repo.ts';
import { decideAgreement, draftAgreement, shareAgreement, signAgreement } from '../use-cases/draft-and-sign.ts';
import { checkAgreementDraft } from '../use-cases/check-draft.ts';

const euros = z.string().regex(/^\d{1,9}(\.\d{1,2})?$/, 'een bedrag in euro\'s, bijv. 28.50');
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'een datum JJJJ-MM-DD').refine((v) => parseDate(v) !== undefined, 'geen bestaande datum (JJJJ-MM-DD)');
const idParam = z.object({ id: z.string().min(1).max(64) });

/** The SQL filter for the agreements a caller may see. */
function agreementFilter(p: Principal | null, n = 1): { sql: string; params: unknown[] } {
  const scope = scopeOf(p);
  if (scope.kind === 'zorgverlener') return { sql: `z.zorgverlener_id = $${n} AND z.status <> 'concept'`, params: [scope.id] };
  return holderFilter(scope, 'z.budgethouder_id', n, 'z.wet');
}

/** The agreement if the caller may see it, else 404. */
async function visible(db: Queryable, p: Principal | null, id: string) {
  const f = agreementFilter(p, 2);
  const rows = await listAgreements(db, { sql: `z.zorgovereenkomst_id = $1 AND ${f.sql}`, params: [id, ...f.params] }, { hideDrafts: false, limit: 1, offset: 0 });
  const a = rows[0];
  if (!a) notFound(`zorgovereenkomst '${id}' niet gevonden`);
  const scope = scopeOf(p);
  if ((scope.kind === 'verstrekker' || scope.kind === 'alles') && (a.status === 'concept' || a.status === 'gedeeld')) notFound(`zorgovereenkomst '${id}' niet gevonden`);
  return a;
}

function holderOf(p: Principal, requested: number | undefined): number {
  if (requested !== undefined) {
    if (!p.budgethouders.includes(requested)) notFound('budgethouder niet gevonden');
    return requested;
  }
  if (p.budgethouders.length !== 1) notFound('kies voor welke budgethouder (budgethouder_id)');
  return p.budgethouders[0]!;
}

const draftBody = z.object({
  budgethouder_id: z.number().int().optional(),
  zorgverlener_id: z.string().min(1).max(64),
  wet: z.enum(WETTEN),
  soort: z.enum(ZOK_SOORTEN),
  ingangsdatum: date,
  einddatum: date.optional(),
  eenheid: z.enum(EENHEDEN),
  tarief: euros,
  maandbedrag: euros.optional(),
});

/** The draft as the holder types it: every field text, read by the same rules as the draft itself. */
const draftCheckBody = z.object({
  budgethouder_id: z.number().int().optional(),
  zorgverlener_id: z.string().max(64),
  wet: z.string().max(20),
  soort: z.string().max(40),
  ingangsdatum: z.string().max(20),
  einddatum: z.string().max(20).optional(),
  eenheid: z.string().max(20),
  tarief: z.string().max(20),
  maandbedrag: z.string().max(20).optional(),
});

export const zorgovereenkomstenRoutes: RouteSpec<any, any, any>[] = [
  defineRoute({
    method: 'GET',
    url: '/api/zorgovereenkomsten',
    summary: 'Zorgovereenkomsten die de aanvrager mag zien (funder: ter accordering met status=ingediend)',
    tags: ['zorgovereenkomsten'],
    access: { roles: ['budgethouder', 'vertegenwoordiger', 'zorgverlener', 'verstrekker', 'verstrekker_systeem', 'backoffice', 'auditor'] },
    query: z.object({
      status: z.enum(['concept', 'gedeeld', 'ingediend', 'geaccordeerd', 'afgekeurd']).optional(),
      limit: z.coerce.number().int().min(1).max(500).default(100),
      offset: z.coerce.number().int().min(0).default(0),
    }),
    handler: async ({ db, principal, query }) => {
      const scope = scopeOf(principal);
      const items = await listAgreements(db, agreementFilter(principal), {
        ...(query.status ? { status: query.status } : {}),
        hideDrafts: scope.kind === 'verstrekker' || scope.kind === 'alles',
        limit: query.limit,
        offset: query.offset,
      });
      return { body: { items } };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/zorgovereenkomsten/:id',
    summary: 'Eén zorgovereenkomst met al haar versies',
    tags: ['zorgovereenkomsten'],
    access: { roles: ['budgethouder', 'vertegenwoordiger', 'zorgverlener', 'verstrekker', 'verstrekker_systeem', 'backoffice', 'auditor'] },
    params: idParam,
    handler: async ({ db, principal, params }) => {
      const a = await visible(db, principal, params.id);
      return { body: { ...a, versies: await agreementVersions(db, params.id) } };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/zorgovereenkomsten',
    summary: 'Een concept-zorgovereenkomst opstellen (budgethouder of vertegenwoordiger)',
    tags: ['zorgovereenkomsten'],
    access: { roles: ['budgethouder', 'vertegenwoordiger'] },
    changesState: true,
    body: draftBody,
    handler: async ({ db, principal, body, actor, now }) => {
      const holderId = holderOf(principal!, body.budgethouder_id);
      const h = await db.query<{ bsn: string }>(`SELECT bsn FROM budgethouders WHERE id = $1`, [holderId]);
      const r = await draftAgreement(db, { ...body, holderId, bsn: h.rows[0]!.bsn }, { actor, now });
      return { status: 201, body: { ...r, status: 'concept' } };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/zorgovereenkomsten/controle',
    summary:
      'Een concept-zorgovereenkomst controleren zonder haar op te slaan, terwijl de budgethouder typt: verplichte velden en formaten, de zorgverlener, het minimumloon (blokkeert), en als waarschuwing een tarief boven het maximumtarief of geen budget voor de wet',
    tags: ['zorgovereenkomsten'],
    access: { roles: ['budgethouder', 'vertegenwoordiger'] },
    // stores nothing; every POST declares it, so the access matrix checks that calls change nothing
    changesState: true,
    body: draftCheckBody,
    handler: async ({ db, principal, body }) => {
      const holderId = holderOf(principal!, body.budgethouder_id);
      const h = await db.query<{ bsn: string }>(`SELECT bsn FROM budgethouders WHERE id = $1`, [holderId]);
      const r = await checkAgreementDraft(db, { ...body, holderId, bsn: h.rows[0]!.bsn });
      return {
        body: {
          problems: r.problems.map((p) => ({ in: 'body' as const, path: p.column, message: p.message })),
          waarschuwingen: r.waarschuwingen.map((w) => ({ path: w.column, message: w.message })),
          maximumtarief: r.maximumtarief ? { bedrag_centen: r.maximumtarief.bedrag, bedrag: formatEuros(r.maximumtarief.bedrag), omschrijving: r.maximumtarief.omschrijving } : null,
        },
      };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/zorgovereenkomsten/:id/delen',
    summary: 'Het concept delen met de zorgverlener',
    tags: ['zorgovereenkomsten'],
    access: { roles: ['budgethouder', 'vertegenwoordiger'] },
    changesState: true,
    params: idParam,
    handler: async ({ db, principal, params, actor, now }) => {
      await visible(db, principal, params.id);
      return { body: await shareAgreement(db, params.id, { actor, now }) };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/zorgovereenkomsten/:id/ondertekenen',
    summary: 'Een gedeelde zorgovereenkomst ondertekenen (zorgverlener); gaat daarna ter accordering naar de verstrekker',
    tags: ['zorgovereenkomsten'],
    access: { roles: ['zorgverlener'] },
    changesState: true,
    params: idParam,
    handler: async ({ db, principal, params, actor, now }) => {
      await visible(db, principal, params.id);
      return { body: await signAgreement(db, params.id, { actor, now }) };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/zorgovereenkomsten/:id/accordering',
    summary: 'Besluit van de verstrekker: accorderen met maximumtarief, of afkeuren met reden',
    tags: ['zorgovereenkomsten'],
    access: { roles: ['verstrekker', 'verstrekker_systeem'] },
    changesState: true,
    params: idParam,
    body: z.object({
      besluit: z.enum(['geaccordeerd', 'afgekeurd']),
      maximumtarief: euros.optional(),
      reden: z.string().max(500).optional(),
      datum: date.optional(),
    }),
    handler: async ({ db, principal, params, body, actor, now }) => {
      await visible(db, principal, params.id);
      const r = await decideAgreement(db, params.id, body, { actor, now });
      return { body: { zorgovereenkomst_id: params.id, status: body.besluit, declaraties: r.claims ?? {} } };
    },
  }),
];
