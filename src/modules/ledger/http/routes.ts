/** The ledger check over HTTP (back office and auditor): every invariant with its breaches. */
import { defineRoute, type RouteSpec } from '../../../server/route.ts';
import { runLedgerCheck } from '../use-cases/check-ledger.ts';

export const ledgerRoutes: RouteSpec<any, any, any>[] = [
  defineRoute({
    method: 'GET',
    url: '/api/controle',
    summary: 'Het grootboek controleren: elke invariant met wat ervan afwijkt (ok is false bij één afwijking)',
    tags: ['grootboek'],
    access: { roles: ['backoffice', 'auditor'] },
    handler: async ({ db }) => {
      const r = await runLedgerCheck(db);
      return {
        body: {
          ok: r.ok,
          controles: r.results.map((c) => ({ naam: c.name, ok: c.breaches.length === 0, afwijkingen: c.breaches })),
          totalen: { journaalposten: r.totals.entries, boekingen: r.totals.postings, rekeningen: r.totals.accounts },
        },
      };
    },
  }),
];
