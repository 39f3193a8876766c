/**
 * Recoveries (vorderingen) over HTTP, for the back office: establish one, list them with their age,
 * read one's whole history, write off what is open. The auditor reads.
 */
import { z } from 'zod';
import { defineRoute, notFound, type RouteSpec } from '../../../server/route.ts';
import { InputError } from '../../../kernel/errors.ts';
import { formatMoment } from '../../../kernel/dates.ts';
import { parseEuros, withEuros, type Cents } from '../../../kernel/money.ts';
import { REDEN_NAMEN, REDENEN } from '../core/recoveries.ts';
import type { RecoveryRow } from '../repo.ts';
import { createRecovery } from '../use-cases/create-recovery.ts';
import { writeOffRecovery } from '../use-cases/write-off.ts';
import { recoveriesWithAge, traceRecovery } from '../use-cases/list-recoveries.ts';

const json = (r: RecoveryRow) => ({
  ...withEuros(
    {
      vordering_id: r.vordering_id,
      debiteur_soort: r.debiteur_soort,
      zorgverlener_id: r.zorgverlener_id,
      budgethouder_id: r.budgethouder_id,
      declaratie_id: r.declaratie_id,
      betaling_id: r.betaling_id,
      budget_id: r.budget_id,
      reden: r.reden,
      reden_omschrijving: REDEN_NAMEN[r.reden],
      toelichting: r.toelichting,
      bedrag: r.bedrag,
      openstaand: r.openstaand,
      kwijtgescholden: r.kwijtgescholden,
      status: r.status,
      bron: r.bron,
      vastgesteld_op: r.vastgesteld_op,
      aangemaakt_door: r.aangemaakt_door,
      aangemaakt_op: formatMoment(r.aangemaakt_op),
      kwijtschelding_reden: r.kwijtschelding_reden,
    },
    ['bedrag', 'openstaand', 'kwijtgescholden'],
  ),
  betaalkenmerk: `VORDERING ${r.vordering_id}`,
});

const idParam = z.object({ id: z.string().min(1).max(32) });

export const vorderingenRoutes: RouteSpec<any, any, any>[] = [
  defineRoute({
    method: 'POST',
    url: '/api/vorderingen',
    summary: 'Een vordering vastleggen: een onjuiste betaling (dubbel, onjuist bedrag, na overlijden, overig) op een zorgverlener of budgethouder; verrekend in de volgende betaalrun of terugbetaald met kenmerk VORDERING V-…',
    tags: ['vorderingen'],
    access: { roles: ['backoffice'] },
    changesState: true,
    body: z.object({
      bron: z.string().max(100).optional().describe('eigen kenmerk: hetzelfde kenmerk nogmaals maakt geen tweede vordering'),
      declaratie_id: z.string().max(64).optional().describe('de betaalde declaratie; zorgverlener, betaling en toekenning volgen eruit'),
      betaling_id: z.string().max(64).optional(),
      debiteur_soort: z.enum(['zorgverlener', 'budgethouder']).optional(),
      debiteur_id: z.string().max(64).optional().describe('zorgverlener_id, of het id van de budgethouder'),
      budget_id: z.string().max(64).optional().describe('de toekenning waar het teruggevorderde naartoe gaat'),
      reden: z.string().max(20).describe(REDENEN.join(', ')),
      bedrag: z.string().max(12).describe("euro's met punt"),
      toelichting: z.string().max(500),
      vastgesteld_op: z.string().max(10).optional(),
    }),
    handler: async ({ db, body, actor, now }) => {
      const bedrag = parseEuros(body.bedrag);
      if (bedrag === undefined) throw new InputError([{ file: 'vordering', line: 1, column: 'bedrag', message: `'${body.bedrag}' is geen bedrag in euro's (bijvoorbeeld 12.50)` }], 'vordering afgewezen');
      if ((body.debiteur_soort === undefined) !== (body.debiteur_id === undefined)) {
        throw new InputError([{ file: 'vordering', line: 1, column: 'debiteur_id', message: 'noem debiteur_soort en debiteur_id samen' }], 'vordering afgewezen');
      }
      const r = await createRecovery(
        db,
        {
          bron: body.bron,
          debiteur: body.debiteur_soort ? { soort: body.debiteur_soort, id: body.debiteur_id! } : undefined,
          declaratieId: body.declaratie_id,
          betalingId: body.betaling_id,
          budgetId: body.budget_id,
          reden: body.reden,
          bedrag: bedrag as Cents,
          toelichting: body.toelichting,
          vastgesteldOp: body.vastgesteld_op,
        },
        { actor, now },
      );
      return { status: r.created ? 201 : 200, body: json(r.row) };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/vorderingen',
    summary: 'Vorderingen met hun leeftijd in dagen, wat verrekend en terugbetaald is en wat nog openstaat (standaard de open)',
    tags: ['vorderingen'],
    access: { roles: ['backoffice', 'auditor'] },
    query: z.object({
      status: z.enum(['open', 'voldaan', 'kwijtgescholden', 'alle']).default('open'),
      zorgverlener_id: z.string().max(64).optional(),
      declaratie_id: z.string().max(64).optional(),
    }),
    handler: async ({ db, query, now }) => {
      const rows = await recoveriesWithAge(
        db,
        { ...(query.status === 'alle' ? {} : { status: query.status }), ...(query.zorgverlener_id ? { zorgverlenerId: query.zorgverlener_id } : {}), ...(query.declaratie_id ? { declaratieId: query.declaratie_id } : {}) },
        now,
      );
      return {
        body: {
          items: rows.map((r) => ({ ...json(r), leeftijd_dagen: r.leeftijd_dagen, ...withEuros({ verrekend: r.verrekend, terugbetaald: r.terugbetaald }, ['verrekend', 'terugbetaald']) })),
          ...withEuros({ totaal_open: rows.reduce((s, r) => s + r.openstaand, 0) }, ['totaal_open']),
        },
      };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/vorderingen/:id',
    summary: 'Eén vordering met haar hele spoor: waar zij over gaat, verrekeningen, terugbetalingen, boekingen en audit',
    tags: ['vorderingen'],
    access: { roles: ['backoffice', 'auditor'] },
    params: idParam,
    handler: async ({ db, params }) => {
      const t = (await traceRecovery(db, params.id)) ?? notFound(`vordering '${params.id}' niet gevonden`);
      return {
        body: {
          ...json(t.row),
          verrekeningen: t.setOffs.map((s) => ({ ...withEuros({ betaling_id: s.betaling_id, betaalrun_id: s.betaalrun_id, bedrag: s.bedrag }, ['bedrag']), actief: s.actief, op: formatMoment(s.op) })),
          terugbetalingen: t.repayments.map((p) => ({ ...withEuros({ afschrift_id: p.afschrift_id, post_ref: p.post_ref, boekdatum: p.boekdatum, bedrag: p.bedrag }, ['bedrag']), op: formatMoment(p.op) })),
          boekingen: t.bookings.map((b) => ({ journaalpost_id: b.journaalpost_id, op: formatMoment(b.op), soort: b.soort, omschrijving: b.omschrijving, rekening: b.rekening, ...withEuros({ bedrag: b.bedrag }, ['bedrag']) })),
          audit: t.audit.map((a) => ({ op: formatMoment(a.op), actor: a.actor, actie: a.actie, reden: a.reden })),
        },
      };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/vorderingen/:id/kwijtschelding',
    summary: 'Wat van een vordering openstaat kwijtschelden, met een reden; het budget krijgt daarvan niets terug',
    tags: ['vorderingen'],
    access: { roles: ['backoffice'] },
    changesState: true,
    params: idParam,
    body: z.object({ reden: z.string().max(500) }),
    handler: async ({ db, params, body, actor, now }) => {
      const r = await writeOffRecovery(db, { vorderingId: params.id, reden: body.reden, actor, now });
      return { body: json(r) };
    },
  }),
];
