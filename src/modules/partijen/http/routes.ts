/**
 * Care providers over HTTP: a funder searches a provider by KvK number or BSN and sees all of its
 * agreements with the funder's own holders; the back office sees all of them and records a
 * provider's new IBAN.
 */
import { z } from 'zod';
import { defineRoute, notFound, type RouteSpec } from '../../../server/route.ts';
import { holderFilter, scopeOf } from '../../../server/scope.ts';
import { maskBsn, maskIban } from '../../../kernel/identifiers.ts';
import { withEuros } from '../../../kernel/money.ts';
import { formatMoment } from '../../../kernel/dates.ts';
import { listAgreements } from '../../zorgovereenkomsten/index.ts';
import { providersBy } from '../queries.ts';
import { changeProviderIban } from '../use-cases/change-provider-iban.ts';

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
          bsn: p.bsn === null ? null : scope.kind === 'alles' ? p.bsn : maskBsn(p.bsn),
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
];
