/**
 * Payment runs over HTTP (back office): start a run, list the runs, download a run's SEPA file
 * (pain.001.001.09) as the database holds it. A provider sees its own payments and the claims each
 * paid.
 */
import { z } from 'zod';
import { defineRoute, notFound, type RouteSpec } from '../../../server/route.ts';
import { scopeOf } from '../../../server/scope.ts';
import { AppError } from '../../../kernel/errors.ts';
import { withEuros } from '../../../kernel/money.ts';
import { formatMoment, parseDate } from '../../../kernel/dates.ts';
import { maskIban } from '../../../kernel/identifiers.ts';
import { runPayments } from '../use-cases/run-payments.ts';
import { runFile } from '../repo.ts';
import { listPayments, listRunViews } from '../queries.ts';

const page = {
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
};

export const betalingenRoutes: RouteSpec<any, any, any>[] = [
  defineRoute({
    method: 'POST',
    url: '/api/betaalruns',
    summary: 'Een betaalrun: alle goedgekeurde, onbetaalde declaraties, één overboeking per zorgverlener, één SEPA-bestand',
    tags: ['betalingen'],
    access: { roles: ['backoffice'] },
    changesState: true,
    body: z.object({ datum: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'een datum JJJJ-MM-DD').refine((v) => parseDate(v) !== undefined, 'geen bestaande datum (JJJJ-MM-DD)').describe('de gewenste uitvoeringsdatum') }),
    handler: async ({ db, config, body, actor, now }) => {
      if (!config.debtorIban) throw new AppError('CONFIGURATIE', 'PGB_DEBITEUR_IBAN ontbreekt: de rekening waarvan betaald wordt moet zijn ingesteld');
      const r = await runPayments(db, {
        date: body.datum,
        actor,
        now,
        debtor: { name: config.debtorName, iban: config.debtorIban, ...(config.debtorBic ? { bic: config.debtorBic } : {}) },
      });
      const aangehouden = r.held.map((h) => withEuros(h, ['bedrag']));
      if (!r.betaalrunId) return { status: 200, body: { betaalrun_id: null, betalingen: 0, declaraties: 0, totaal_centen: 0, totaal: '0.00', aangehouden } };
      return {
        status: 201,
        headers: r.sepa ? { location: `/api/betaalruns/${r.betaalrunId}/sepa` } : ({} as Record<string, string>),
        body: {
          ...withEuros({ betaalrun_id: r.betaalrunId, betalingen: r.payments, declaraties: r.claims, totaal: r.total, verrekend: r.verrekend }, ['totaal', 'verrekend']),
          geheel_verrekend: r.volledigVerrekend,
          sepa: r.sepa ? `/api/betaalruns/${r.betaalrunId}/sepa` : null,
          aangehouden,
        },
      };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/betaalruns',
    summary: 'Betaalruns, nieuwste eerst, met hoeveel betalingen de bank bevestigde of terugboekte',
    tags: ['betalingen'],
    access: { roles: ['backoffice', 'auditor'] },
    query: z.object(page),
    handler: async ({ db, query }) => {
      const runs = await listRunViews(db, query);
      return { body: { items: runs.map((r) => withEuros({ ...r, aangemaakt_op: formatMoment(r.aangemaakt_op) }, ['totaal'])) } };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/betaalruns/:id/sepa',
    summary: 'Het SEPA-bestand (pain.001.001.09) van een betaalrun, precies zoals het is opgeslagen',
    tags: ['betalingen'],
    access: { roles: ['backoffice'] },
    params: z.object({ id: z.string().min(1).max(64) }),
    handler: async ({ db, params }) => {
      const f = await runFile(db, params.id);
      if (!f) notFound(`betaalrun '${params.id}' niet gevonden`);
      if (f.pain001 === '') notFound(`betaalrun '${params.id}' had niets over te maken (alles verrekend met vorderingen): er is geen SEPA-bestand`);
      return { headers: { 'x-sha256': f.sha256 }, raw: { contentType: 'application/xml; charset=utf-8', data: f.pain001, filename: `${params.id}.xml` } };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/betalingen',
    summary: 'Betalingen met de declaraties die ze betaalden: een zorgverlener ziet alleen de eigen',
    tags: ['betalingen'],
    access: { roles: ['zorgverlener', 'backoffice', 'auditor'] },
    query: z.object({
      zorgverlener_id: z.string().min(1).max(64).optional(),
      betaalrun_id: z.string().min(1).max(64).optional(),
      ...page,
    }),
    handler: async ({ db, principal, query }) => {
      const scope = scopeOf(principal);
      const own = scope.kind === 'zorgverlener' ? scope.id : null;
      if (own !== null && query.zorgverlener_id !== undefined && query.zorgverlener_id !== own) notFound(`zorgverlener '${query.zorgverlener_id}' niet gevonden`);
      const items = await listPayments(db, { zorgverlener: own ?? query.zorgverlener_id ?? null, betaalrun: query.betaalrun_id ?? null, limit: query.limit, offset: query.offset });
      return {
        body: {
          items: items.map((p) =>
            withEuros(
              {
                ...p,
                iban: scope.kind === 'alles' ? p.iban : maskIban(p.iban),
                declaraties: p.declaraties.map(({ betaling_id: _b, ...c }) => withEuros(c, ['bedrag'])),
              },
              ['bedrag'],
            ),
          ),
        },
      };
    },
  }),
];
