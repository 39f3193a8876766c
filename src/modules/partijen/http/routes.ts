/**
 * Parties over HTTP: a funder searches a provider by KvK number or BSN and sees all of its
 * agreements with the funder's own holders; the back office sees all of them, the IBANs blocked
 * after a returned transfer, records a provider's new IBAN, and asks for a holder's whole BSN
 * (with a reason, audited: everywhere else a BSN is masked).
 */
import { z } from 'zod';
import { defineRoute, notFound, type RouteSpec } from '../../../server/route.ts';
import { holderFilter, scopeOf } from '../../../server/scope.ts';
import { maskBsn, maskIban } from '../../../kernel/identifiers.ts';
import { formatEuros, withEuros } from '../../../kernel/money.ts';
import { formatMoment } from '../../../kernel/dates.ts';
import { listAgreements } from '../../zorgovereenkomsten/index.ts';
import { blockedIbans, providersBy } from '../queries.ts';
import { changeProviderIban } from '../use-cases/change-provider-iban.ts';
import { revealHolderBsn } from '../use-cases/reveal-bsn.ts';

export const partijenRoutes: RouteSpec<any, any, any>[] = [
  defineRoute({
    method: 'GET',
    url: '/api/zorgverleners',
    summary: 'Een zorgverlener zoeken op KvK-nummer of BSN, met al haar zorgovereenkomsten met budgethouders van de verstrekker',
    tags: ['zorgverleners'],
    access: { roles: ['verstrekker', 'verstrekker_systeem', 'backoffice'] },
    query: z
      .object({
        kvk: z.string().regex(/^\d{8}$/, 'een KvK-nummer van acht cijfers').optional(),
        bsn: z.string().regex(/^\d{9}$/, 'een BSN van negen cijfers').optional(),
      })
      .refine((q) => (q.kvk === undefined) !== (q.bsn === undefined), { message: 'zoek op kvk of op bsn (één van beide)' }),
    handler: async ({ db, principal, query }) => {
      const scope = scopeOf(principal);
      const providers = await providersBy(db, { kvk: query.kvk ?? null, bsn: query.bsn ?? null });
      // a funder sees a provider only through its own holders: the agreements of the laws it funds
      const f = scope.kind === 'alles' ? { sql: 'true', params: [] } : holderFilter(scope, 'z.budgethouder_id', 1, 'z.wet');
      const items = [];
      for (const p of providers) {
        const agreements = await listAgreements(db, f, { zorgverlener: p.zorgverlener_id, hideDrafts: true, limit: 10_000, offset: 0 });
        if (agreements.length === 0 && scope.kind !== 'alles') continue;
        items.push({
          zorgverlener_id: p.zorgverlener_id,
          soort: p.soort,
          naam: p.naam,
          kvk: p.kvk,
          agb: p.agb,
          bsn: p.bsn === null ? null : maskBsn(p.bsn),
          iban: scope.kind === 'alles' ? p.iban : maskIban(p.iban),
          ...(scope.kind === 'alles' ? { iban_geblokkeerd: p.iban_geblokkeerd } : {}),
          zorgovereenkomsten: agreements.map((a) => withEuros({ ...a, sinds: formatMoment(a.sinds) }, ['tarief', 'maandbedrag', 'maximumtarief'])),
        });
      }
      if (items.length === 0) notFound(query.kvk ? `geen zorgverlener met KvK-nummer ${query.kvk} gevonden` : 'geen zorgverlener met dit BSN gevonden');
      return { body: { items } };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/zorgverleners/:id/iban',
    summary: 'Een nieuw IBAN van een zorgverlener vastleggen; heft een blokkade na een terugboeking op',
    tags: ['zorgverleners'],
    access: { roles: ['backoffice'] },
    changesState: true,
    params: z.object({ id: z.string().min(1).max(64) }),
    body: z.object({ iban: z.string().min(1).max(64), reden: z.string().trim().min(3, 'geef op waarom het IBAN verandert').max(500) }),
    handler: async ({ db, params, body, actor, now }) => {
      const r = await changeProviderIban(db, { zorgverlenerId: params.id, iban: body.iban, reason: body.reden, actor, now });
      return { body: { zorgverlener_id: params.id, vorige_iban: maskIban(r.previous), blokkade_opgeheven: r.unblocked } };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/iban-blokkades',
    summary: 'Zorgverleners van wie het IBAN geblokkeerd is na een terugboeking, met de goedgekeurde declaraties die daarvoor worden aangehouden',
    tags: ['zorgverleners'],
    access: { roles: ['backoffice', 'auditor'] },
    handler: async ({ db }) => {
      const items = await blockedIbans(db);
      return {
        body: {
          items: items.map((b) => ({
            zorgverlener_id: b.zorgverlener_id,
            naam: b.naam,
            iban: maskIban(b.iban),
            reden: b.reden,
            aangehouden: b.aangehouden,
            aangehouden_bedrag_centen: b.aangehouden_bedrag,
            aangehouden_bedrag: formatEuros(b.aangehouden_bedrag),
          })),
        },
      };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/budgethouders/:id/bsn-inzage',
    summary: 'Het hele BSN van een budgethouder inzien (backoffice), met de reden waarom; elke inzage staat in de audittrail (bsn.inzage)',
    tags: ['budgetten'],
    access: { roles: ['backoffice'] },
    changesState: true,
    params: z.object({ id: z.coerce.number().int().positive() }),
    body: z.object({ reden: z.string().trim().min(3, 'geef op waarom u het hele BSN nodig hebt').max(500) }),
    handler: async ({ db, params, body, actor, now }) => {
      const r = await revealHolderBsn(db, { budgethouderId: params.id, reason: body.reden, actor, now });
      return { body: { budgethouder_id: params.id, clientnummer: r.clientnummer, bsn: r.bsn } };
    },
  }),
];
