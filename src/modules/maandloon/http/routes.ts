/** Monthly pay over HTTP (back office): book a month's fixed pay; twice books nothing new. */
import { z } from 'zod';
import { defineRoute, type RouteSpec } from '../../../server/route.ts';
import { withEuros } from '../../../kernel/money.ts';
import { runMonthlyPay } from '../use-cases/run-monthly-pay.ts';

export const maandloonRoutes: RouteSpec<any, any, any>[] = [
  defineRoute({
    method: 'POST',
    url: '/api/maandloon',
    summary: 'Het maandloon van een voorbije maand boeken voor elke geaccordeerde zorgovereenkomst met een maandbedrag',
    tags: ['maandloon'],
    access: { roles: ['backoffice'] },
    changesState: true,
    body: z.object({ maand: z.string().regex(/^\d{4}-\d{2}$/, 'een maand JJJJ-MM') }),
    handler: async ({ db, body, actor, now }) => {
      const r = await runMonthlyPay(db, { month: body.maand, actor, now });
      return { status: r.created > 0 ? 201 : 200, body: withEuros({ maand: r.month, nieuw: r.created, totaal: r.total, declaraties: r.outcomes }, ['totaal']) };
    },
  }),
];
