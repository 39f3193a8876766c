/**
 * Urgent payments over HTTP (back office; the auditor reads): record a request, approve or reject
 * it as a second person (four eyes), the urgent run (its SEPA file at /api/betaalruns/:id/sepa, as
 * every run's), the open advances with their age, the matching queue and its resolution, and one
 * urgent payment's trace.
 */
import { z } from 'zod';
import { defineRoute, notFound, type RouteSpec } from '../../../server/route.ts';
import { AppError } from '../../../kernel/errors.ts';
import { formatEuros, withEuros } from '../../../kernel/money.ts';
import { formatMoment, parseDate } from '../../../kernel/dates.ts';
import { isValidBsn } from '../../../kernel/identifiers.ts';
import { SPOED_OORZAKEN } from '../core/causes.ts';
import { listRequests, queue, type UrgentRequestRow } from '../repo.ts';
import { recordUrgentRequest } from '../use-cases/record-request.ts';
import { approveUrgentRequest, rejectUrgentRequest } from '../use-cases/review-request.ts';
import { runUrgentPayments } from '../use-cases/run-urgent.ts';
import { openAdvanceList, resolveMatch } from '../use-cases/match-advances.ts';
import { traceUrgent } from '../use-cases/trace-urgent.ts';

const moment = (d: Date | null) => (d ? formatMoment(d) : null);

export const requestJson = (r: UrgentRequestRow) => ({
  aanvraag_id: r.aanvraag_id, budgethouder_id: r.budgethouder_id, clientnummer: r.clientnummer, zorgverlener_id: r.zorgverlener_id, toekenning_id: r.budget_id,
  bedrag: formatEuros(r.bedrag), bedrag_centen: r.bedrag, van: r.periode_van, tot: r.periode_tot, oorzaak: r.oorzaak,
  oorzaak_omschrijving: SPOED_OORZAKEN[r.oorzaak as keyof typeof SPOED_OORZAKEN] ?? r.oorzaak, kanaal: r.kanaal, toelichting: r.toelichting,
  status: r.status, aangevraagd_door: r.aangevraagd_door, aangevraagd_op: moment(r.aangevraagd_op), beoordeeld_door: r.beoordeeld_door,
  beoordeeld_op: moment(r.beoordeeld_op), afwijsreden: r.afwijsreden, betaalrun_id: r.betaalrun_id, betaling_id: r.betaling_id, betaald_op: moment(r.betaald_op),
  te_vorderen: formatEuros(r.te_vorderen), teruggeboekte_betalingen: r.teruggeboekte_betalingen,
});

const id = z.object({ id: z.string().min(1).max(64) });
/** A real calendar date (2026-02-30 is refused by validation, naming the field). */
const date = (what: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'een datum JJJJ-MM-DD').refine((v) => parseDate(v) !== undefined, 'geen bestaande datum (JJJJ-MM-DD)').describe(what);

export const spoedRoutes: RouteSpec<any, any, any>[] = [
  defineRoute({
    method: 'POST',
    url: '/api/spoedbetalingen',
    summary: 'Een spoedaanvraag vastleggen (budgethouder, zorgverlener, toekenning, bedrag, periode, oorzaak, kanaal); een tweede medewerker keurt haar goed',
    tags: ['spoedbetalingen'],
    access: { roles: ['backoffice'] },
    changesState: true,
    body: z.object({
      aanvraag_id: z.string().max(64).optional().describe('eigen id: dezelfde aanvraag nogmaals verandert niets'),
      bsn: z.string().max(9).refine(isValidBsn, 'geen geldig BSN (elfproef)').describe('de budgethouder'),
      zorgverlener_id: z.string().min(1).max(64),
      toekenning_id: z.string().min(1).max(64).describe('het budget waar het voorschot ten laste van komt'),
      bedrag: z.string().max(12).describe("euro's met punt"),
      van: date('eerste dag van de zorgperiode'),
      tot: date('laatste dag van de zorgperiode'),
      oorzaak: z.string().max(40).describe(Object.keys(SPOED_OORZAKEN).join(', ')),
      kanaal: z.string().max(20).describe('telefoon, e-mail, balie, brief of portaal'),
      toelichting: z.string().max(1000).optional(),
    }),
    handler: async ({ db, body, actor, now }) => {
      const h = await db.query<{ id: number }>(`SELECT id FROM budgethouders WHERE bsn = $1`, [body.bsn]);
      if (h.rows.length === 0) notFound('er is geen budgethouder met dit BSN');
      const r = await recordUrgentRequest(db, {
        aanvraagId: body.aanvraag_id, holderId: h.rows[0]!.id, zorgverlenerId: body.zorgverlener_id, budgetId: body.toekenning_id, bedrag: body.bedrag,
        van: body.van, tot: body.tot, oorzaak: body.oorzaak, kanaal: body.kanaal, toelichting: body.toelichting,
      }, { actor, now });
      return { status: r.created ? 201 : 200, body: requestJson(r.row) };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/spoedbetalingen',
    summary: 'Spoedaanvragen, oudste eerst, eventueel met één status',
    tags: ['spoedbetalingen'],
    access: { roles: ['backoffice', 'auditor'] },
    query: z.object({ status: z.enum(['aangevraagd', 'goedgekeurd', 'afgewezen', 'betaald', 'verrekend', 'te_vorderen']).optional() }),
    handler: async ({ db, query }) => ({ body: { items: (await listRequests(db, { status: query.status })).map(requestJson) } }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/spoedbetalingen/:id/goedkeuren',
    summary: 'Een spoedaanvraag goedkeuren: niet door wie haar vastlegde (vier ogen)',
    tags: ['spoedbetalingen'],
    access: { roles: ['backoffice'] },
    changesState: true,
    params: id,
    handler: async ({ db, params, actor, now }) => ({ body: requestJson(await approveUrgentRequest(db, { aanvraagId: params.id, actor, now })) }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/spoedbetalingen/:id/afwijzen',
    summary: 'Een spoedaanvraag afwijzen, met een reden: niet door wie haar vastlegde (vier ogen)',
    tags: ['spoedbetalingen'],
    access: { roles: ['backoffice'] },
    changesState: true,
    params: id,
    body: z.object({ reden: z.string().min(1).max(500) }),
    handler: async ({ db, params, body, actor, now }) => ({ body: requestJson(await rejectUrgentRequest(db, { aanvraagId: params.id, actor, now, reden: body.reden })) }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/spoedbetalingen/run',
    summary: 'De spoedrun: betaalt elke goedgekeurde spoedaanvraag, één overboeking per aanvraag, een eigen SEPA-bestand (pain.001.001.09)',
    tags: ['spoedbetalingen'],
    access: { roles: ['backoffice'] },
    changesState: true,
    body: z.object({ datum: date('de uitvoeringsdatum (vandaag)') }),
    handler: async ({ db, config, body, actor, now }) => {
      if (!config.debtorIban) throw new AppError('CONFIGURATIE', 'PGB_DEBITEUR_IBAN ontbreekt: de rekening waarvan betaald wordt moet zijn ingesteld');
      const r = await runUrgentPayments(db, { date: body.datum, actor, now, debtor: { name: config.debtorName, iban: config.debtorIban, ...(config.debtorBic ? { bic: config.debtorBic } : {}) } });
      if (!r.betaalrunId) return { status: 200, body: { betaalrun_id: null, betalingen: 0, totaal_centen: 0, totaal: '0.00', aangehouden: r.held } };
      return {
        status: 201,
        headers: { location: `/api/betaalruns/${r.betaalrunId}/sepa` },
        body: { ...withEuros({ betaalrun_id: r.betaalrunId, betalingen: r.payments, totaal: r.total }, ['totaal']), sepa: `/api/betaalruns/${r.betaalrunId}/sepa`, aangehouden: r.held },
      };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/spoedbetalingen/open',
    summary: 'Voorschotten die nog niet (helemaal) met een declaratie zijn verrekend, met hun leeftijd in werkdagen',
    tags: ['spoedbetalingen'],
    access: { roles: ['backoffice', 'auditor'] },
    query: z.object({ peildatum: date('peildatum').optional() }),
    handler: async ({ db, query }) => ({ body: { items: (await openAdvanceList(db, { peildatum: query.peildatum })).map((a) => withEuros(a, ['bedrag', 'open'])) } }),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/spoedbetalingen/koppelwachtrij',
    summary: 'Declaraties die bij meer dan één spoedbetaling kunnen horen (of om één spoedbetaling concurreren): een medewerker kiest',
    tags: ['spoedbetalingen'],
    access: { roles: ['backoffice', 'auditor'] },
    query: z.object({ alles: z.enum(['ja', 'nee']).optional().describe('ja: ook de opgeloste') }),
    handler: async ({ db, query }) => ({
      body: { items: (await queue(db, query.alles === 'ja' ? {} : { open: true })).map((q) => ({ ...q, op: moment(q.op), opgelost_op: moment(q.opgelost_op) })) },
    }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/spoedbetalingen/koppelwachtrij/:declaratie_id',
    summary: 'Een declaratie uit de koppelwachtrij koppelen aan een van haar spoedbetalingen, of aan geen (dan gaat zij mee in de volgende betaalrun)',
    tags: ['spoedbetalingen'],
    access: { roles: ['backoffice'] },
    changesState: true,
    params: z.object({ declaratie_id: z.string().min(1).max(64) }),
    body: z.object({ aanvraag_id: z.string().min(1).max(64).nullable().describe('null: geen van de spoedbetalingen'), reden: z.string().max(500).optional() }),
    handler: async ({ db, params, body, actor, now }) => ({ body: await resolveMatch(db, { declaratieId: params.declaratie_id, aanvraagId: body.aanvraag_id, actor, now, reden: body.reden }) }),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/spoedbetalingen/:id',
    summary: 'Het spoor van een spoedbetaling: aanvraag, beoordeling, betaling, de declaratie waarmee zij is verrekend, boekingen en audit',
    tags: ['spoedbetalingen'],
    access: { roles: ['backoffice', 'auditor'] },
    params: id,
    handler: async ({ db, params }) => {
      const t = await traceUrgent(db, params.id);
      if (!t) notFound(`spoedaanvraag '${params.id}' niet gevonden`);
      return {
        body: {
          ...requestJson(t.row),
          betaling: t.payment ? withEuros(t.payment, ['bedrag']) : null,
          koppeling: t.match ? { ...withEuros(t.match, ['declaratie_bedrag', 'verrekend', 'te_vorderen']), op: moment(t.match.op) } : null,
          vordering: t.recovery ? withEuros(t.recovery, ['bedrag', 'openstaand']) : null,
          koppelwachtrij: t.queued.map((q) => ({ ...q, opgelost_op: moment(q.opgelost_op) })),
          boekingen: t.bookings.map((b) => ({ ...withEuros(b, ['bedrag']), op: moment(b.op) })),
          audit: t.audit.map((a) => ({ ...a, op: moment(a.op) })),
        },
      };
    },
  }),
];
