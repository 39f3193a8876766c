/**
 * Claims over HTTP: submitting (holder, representative, provider, back office), the holder's
 * approval or rejection of a provider's claim, the back office's decision on a parked claim,
 * scoped lists and one claim's trace, and the back office's work queues. What a caller may not see
 * answers 404.
 */
import { z } from 'zod';
import { defineRoute, notFound, type Principal, type RouteSpec } from '../../../server/route.ts';
import { holderFilter, scopeOf } from '../../../server/scope.ts';
import { dateInNetherlands, formatMoment, parseMoment } from '../../../kernel/dates.ts';
import { InputError, type InputProblem } from '../../../kernel/errors.ts';
import { maskBsn } from '../../../kernel/identifiers.ts';
import { newId } from '../../../kernel/ids.ts';
import { formatEuros } from '../../../kernel/money.ts';
import { REASONS } from '../core/reasons.ts';
import { whoHoldsIt, type Viewer } from '../core/whereabouts.ts';
import { findClaim, holderById, listClaims, providerAgreement, type ClaimDetailRow, type ClaimRow } from '../queries.ts';
import { approveClaim, rejectClaim } from '../use-cases/approve-claim.ts';
import { decideParkedClaim } from '../use-cases/decide-claim.ts';
import { submitClaim, type SubmitClaimInput } from '../use-cases/submit-claim.ts';
import { checkClaimDraft } from '../use-cases/check-claim-draft.ts';
import { traceClaim } from '../use-cases/trace-claim.ts';
import { workQueues } from '../use-cases/work-queues.ts';

const ALL_STATUSES = ['ter_goedkeuring', 'afgewezen', 'ontvangen', 'goedgekeurd', 'betaald', 'geparkeerd', 'afgekeurd'] as const;
const READERS = ['budgethouder', 'vertegenwoordiger', 'zorgverlener', 'verstrekker', 'verstrekker_systeem', 'backoffice', 'auditor'] as const;
const idParam = z.object({ id: z.string().min(1).max(64) });
const reden = z.string().trim().min(1).max(500);

/** The SQL condition (aliases of queries.ts) for the claims a caller may see. */
function claimFilter(p: Principal | null, n = 1): { sql: string; params: unknown[] } {
  const scope = scopeOf(p);
  switch (scope.kind) {
    case 'zorgverlener':
      return { sql: `d.zorgverlener_id = $${n}`, params: [scope.id] };
    case 'verstrekker': {
      // a funder sees the claims paid (or to be paid) from a law it funds the holder for; a provider's
      // claim the holder has not approved is not a claim on the budget yet
      const f = holderFilter(scope, 'h.id', n, 'z.wet');
      return { sql: `${f.sql} AND d.status NOT IN ('ter_goedkeuring', 'afgewezen')`, params: f.params };
    }
    default:
      return holderFilter(scope, 'h.id', n);
  }
}

async function visibleClaim(db: Parameters<typeof findClaim>[0], p: Principal | null, id: string): Promise<ClaimDetailRow> {
  const c = await findClaim(db, id, claimFilter(p, 1));
  if (!c) notFound(`declaratie '${id}' niet gevonden`);
  return c;
}

const isBackOffice = (p: Principal | null) => p?.rol === 'backoffice';

function viewerOf(p: Principal | null): Viewer {
  switch (p?.rol) {
    case 'budgethouder':
    case 'vertegenwoordiger':
      return 'budgethouder';
    case 'zorgverlener':
      return 'zorgverlener';
    case 'verstrekker':
    case 'verstrekker_systeem':
      return 'verstrekker';
    default:
      return 'anders';
  }
}

const money = (c: number) => ({ centen: Number(c), euro: formatEuros(Number(c)) });

/** A claim as the API shows it: amounts in cents and euros, the BSN masked. */
function present(c: ClaimRow, p: Principal | null) {
  const waiting = c.status === 'ter_goedkeuring' || c.status === 'afgewezen';
  return {
    declaratie_id: c.declaratie_id,
    soort: c.soort,
    status: c.status,
    reden: c.reden,
    melding: c.melding,
    bedrag_centen: money(c.bedrag).centen,
    bedrag: money(c.bedrag).euro,
    kanaal: c.kanaal,
    ingediend_door: c.ingediend_door,
    ontvangen_op: formatMoment(new Date(c.ontvangen_op)),
    // the payment term of a provider's claim starts only when the holder approves it
    uiterste_betaaldatum: waiting ? null : c.uiterste_betaaldatum,
    betaald_op: c.betaald_op,
    // masked for everyone, the back office too: the whole number through POST /api/budgethouders/:id/bsn-inzage (audited)
    bsn: maskBsn(c.bsn),
    budgethouder_id: c.budgethouder_id,
    budgethouder_naam: c.budgethouder_naam,
    clientnummer: c.clientnummer,
    zorgverlener_id: c.zorgverlener_id,
    zorgverlener_naam: c.zorgverlener_naam,
    zorgovereenkomst_id: c.zorgovereenkomst_id,
    wet: c.wet,
    laatst_gewijzigd: c.laatste_gebeurtenis_op ? formatMoment(new Date(c.laatste_gebeurtenis_op)) : null,
  };
}

function presentDetail(c: ClaimDetailRow, p: Principal | null) {
  const base = present(c, p);
  return isBackOffice(p) ? base : { ...base, bij: whoHoldsIt(c, viewerOf(p)) };
}

function holderOf(p: Principal, requested: number | undefined): number {
  if (requested !== undefined) {
    if (!p.budgethouders.includes(requested)) notFound('budgethouder niet gevonden');
    return requested;
  }
  if (p.budgethouders.length !== 1) notFound('kies voor welke budgethouder (budgethouder_id)');
  return p.budgethouders[0]!;
}

const problem = (column: string, message: string): InputProblem => ({ file: 'verzoek', line: 1, column, message });

const submitBody = z.object({
  declaratie_id: z.string().min(1).max(64).optional(),
  budgethouder_id: z.number().int().positive().optional(),
  bsn: z.string().max(32).optional(),
  zorgverlener_id: z.string().min(1).max(64).optional(),
  zorgovereenkomst_id: z.string().min(1).max(64).optional(),
  kanaal: z.enum(['post', 'email']).optional(),
  ontvangen_op: z.string().max(64).optional(),
  regels: z
    .array(
      z.object({
        datum: z.string().max(32),
        eenheden: z.union([z.string().max(32), z.number()]),
        tarief: z.string().max(32),
        omschrijving: z.string().max(4096).optional(),
      }),
    )
    .min(1)
    .max(100),
});
type SubmitBody = z.infer<typeof submitBody>;

/** Who may submit what: the holder and the channel follow from the caller, never from the request. */
async function submissionFor(db: Parameters<typeof findClaim>[0], p: Principal, body: SubmitBody, now: Date): Promise<Omit<SubmitClaimInput, 'declaratieId' | 'regels'>> {
  const problems: InputProblem[] = [];
  if (p.rol !== 'backoffice') {
    for (const f of ['bsn', 'kanaal', 'ontvangen_op'] as const) if (body[f] !== undefined) problems.push(problem(f, 'alleen de backoffice vult dit veld in'));
  }
  switch (p.rol) {
    case 'budgethouder':
    case 'vertegenwoordiger': {
      if (problems.length > 0) throw new InputError(problems);
      const holder = (await holderById(db, holderOf(p, body.budgethouder_id))) ?? notFound('budgethouder niet gevonden');
      return { bsn: holder.bsn, zorgverlenerId: body.zorgverlener_id, zorgovereenkomstId: body.zorgovereenkomst_id, kanaal: 'portaal', submitter: p.rol };
    }
    case 'zorgverlener': {
      const own = p.zorgverlener ?? notFound('zorgverlener niet gevonden');
      if (body.zorgverlener_id !== undefined && body.zorgverlener_id !== own) notFound(`zorgverlener '${body.zorgverlener_id}' niet gevonden`);
      if (body.zorgovereenkomst_id === undefined) problems.push(problem('zorgovereenkomst_id', 'verplicht voor een zorgverlener: de zorgovereenkomst met de budgethouder'));
      if (problems.length > 0) throw new InputError(problems);
      const a = (await providerAgreement(db, body.zorgovereenkomst_id!, own)) ?? notFound(`zorgovereenkomst '${body.zorgovereenkomst_id}' niet gevonden`);
      if (body.budgethouder_id !== undefined && body.budgethouder_id !== a.budgethouder_id) notFound('budgethouder niet gevonden');
      return {
        bsn: a.bsn,
        zorgverlenerId: own,
        zorgovereenkomstId: body.zorgovereenkomst_id,
        kanaal: 'portaal',
        submitter: 'zorgverlener',
        awaitingHolder: { zorgverlenerNaam: a.zorgverlener_naam },
      };
    }
    case 'backoffice': {
      if (body.budgethouder_id !== undefined) problems.push(problem('budgethouder_id', 'de backoffice noemt de budgethouder met het BSN (bsn)'));
      if (body.ontvangen_op !== undefined) {
        const at = parseMoment(body.ontvangen_op);
        if (at && at.getTime() > now.getTime()) problems.push(problem('ontvangen_op', 'ligt in de toekomst'));
      }
      if (problems.length > 0) throw new InputError(problems);
      return {
        bsn: body.bsn ?? '',
        zorgverlenerId: body.zorgverlener_id,
        zorgovereenkomstId: body.zorgovereenkomst_id,
        kanaal: body.kanaal,
        ontvangenOp: body.ontvangen_op,
        submitter: 'backoffice',
      };
    }
    default:
      return notFound();
  }
}

export const declaratiesRoutes: RouteSpec<any, any, any>[] = [
  defineRoute({
    method: 'POST',
    url: '/api/declaraties',
    summary:
      'Een declaratie indienen: budgethouder of vertegenwoordiger (portaal, direct gecontroleerd), zorgverlener (ter goedkeuring bij de budgethouder) of backoffice (papieren of e-maildeclaratie). Idempotent op declaratie_id.',
    tags: ['declaraties'],
    access: { roles: ['budgethouder', 'vertegenwoordiger', 'zorgverlener', 'backoffice'] },
    changesState: true,
    body: submitBody,
    handler: async ({ db, principal, body, actor, now }) => {
      const who = await submissionFor(db, principal!, body, now);
      const declaratieId = body.declaratie_id ?? newId('dcl');
      const r = await submitClaim(
        db,
        {
          ...who,
          declaratieId,
          regels: body.regels.map((l) => ({ datum: l.datum, eenheden: String(l.eenheden), tarief: l.tarief, omschrijving: l.omschrijving })),
        },
        { actor, now },
      );
      const claim = await visibleClaim(db, principal, declaratieId);
      return { status: r.created ? 201 : 200, body: { ...presentDetail(claim, principal), nieuw: r.created } };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/declaraties/controle',
    summary:
      'Een declaratie controleren zonder haar in te dienen: dezelfde regels en controles als POST /api/declaraties, maar er wordt niets opgeslagen. Zegt per regel en veld wat er mis is, of hoe de controle nu zou uitvallen (goedgekeurd, geparkeerd of afgekeurd, met reden en wat te doen)',
    tags: ['declaraties'],
    access: { roles: ['budgethouder', 'vertegenwoordiger', 'zorgverlener', 'backoffice'] },
    // stores nothing; every POST declares it, so the access matrix checks that calls change nothing
    changesState: true,
    body: submitBody,
    handler: async ({ db, principal, body, now }) => {
      const who = await submissionFor(db, principal!, body, now);
      const r = await checkClaimDraft(
        db,
        {
          bsn: who.bsn,
          zorgverlenerId: who.zorgverlenerId,
          zorgovereenkomstId: who.zorgovereenkomstId,
          kanaal: who.kanaal ?? 'post',
          regels: body.regels.map((l) => ({ datum: l.datum, eenheden: String(l.eenheden), tarief: l.tarief, omschrijving: l.omschrijving })),
        },
        { now },
      );
      if (r.uitkomst === 'onvolledig') {
        return { body: { uitkomst: r.uitkomst, reden: null, melding: null, bedrag_centen: null, bedrag: null, problems: r.problems.map((p) => ({ in: 'body' as const, path: p.column.replace(/\[(\d+)\]/g, '.$1'), message: p.message })) } };
      }
      const m = money(r.bedrag);
      if (r.uitkomst === 'goedgekeurd') return { body: { uitkomst: r.uitkomst, reden: null, melding: null, bedrag_centen: m.centen, bedrag: m.euro, problems: [] } };
      return { body: { uitkomst: r.uitkomst, reden: r.reden, melding: r.melding, bedrag_centen: m.centen, bedrag: m.euro, problems: [] } };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/declaraties/:id/goedkeuren',
    summary: 'Een declaratie van de zorgverlener goedkeuren (budgethouder of vertegenwoordiger): daarmee ontvangen en direct gecontroleerd',
    tags: ['declaraties'],
    access: { roles: ['budgethouder', 'vertegenwoordiger'] },
    changesState: true,
    params: idParam,
    handler: async ({ db, principal, params, actor, now }) => {
      await visibleClaim(db, principal, params.id);
      await approveClaim(db, params.id, { actor, now });
      return { body: presentDetail(await visibleClaim(db, principal, params.id), principal) };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/declaraties/:id/afwijzen',
    summary: 'Een declaratie van de zorgverlener afwijzen, met reden (budgethouder of vertegenwoordiger)',
    tags: ['declaraties'],
    access: { roles: ['budgethouder', 'vertegenwoordiger'] },
    changesState: true,
    params: idParam,
    body: z.object({ reden }),
    handler: async ({ db, principal, params, body, actor, now }) => {
      await visibleClaim(db, principal, params.id);
      await rejectClaim(db, params.id, body.reden, { actor, now });
      return { body: presentDetail(await visibleClaim(db, principal, params.id), principal) };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/declaraties/:id/besluit',
    summary: 'Besluit van de backoffice over een geparkeerde declaratie: afkeuren (met reden) of opnieuw controleren',
    tags: ['declaraties'],
    access: { roles: ['backoffice'] },
    changesState: true,
    params: idParam,
    body: z.object({ besluit: z.enum(['afkeuren', 'opnieuw_controleren']), reden }),
    handler: async ({ db, principal, params, body, actor, now }) => {
      await visibleClaim(db, principal, params.id);
      await decideParkedClaim(db, params.id, body, { actor, now });
      return { body: presentDetail(await visibleClaim(db, principal, params.id), principal) };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/declaraties',
    summary: 'Declaraties die de aanvrager mag zien, nieuwste eerst, met status, reden en de laatste melding',
    tags: ['declaraties'],
    access: { roles: READERS },
    query: z.object({
      status: z.enum(ALL_STATUSES).optional(),
      reden: z.enum(REASONS).optional(),
      zorgverlener_id: z.string().min(1).max(64).optional(),
      budgethouder_id: z.coerce.number().int().positive().optional(),
      limit: z.coerce.number().int().min(1).max(500).default(100),
      offset: z.coerce.number().int().min(0).default(0),
    }),
    handler: async ({ db, principal, query }) => {
      const r = await listClaims(
        db,
        claimFilter(principal),
        { status: query.status, reden: query.reden, zorgverlenerId: query.zorgverlener_id, budgethouderId: query.budgethouder_id },
        { limit: query.limit, offset: query.offset },
      );
      return { body: { items: r.items.map((c) => present(c, principal)), totaal: r.totaal, limit: query.limit, offset: query.offset } };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/declaraties/:id',
    summary: 'Eén declaratie met haar hele spoor: regels, gebeurtenissen, lasten, betalingen en boekingen, en bij wie zij nu ligt',
    tags: ['declaraties'],
    access: { roles: READERS },
    params: idParam,
    handler: async ({ db, principal, params }) => {
      const claim = await visibleClaim(db, principal, params.id);
      const trace = (await traceClaim(db, params.id)) ?? notFound(`declaratie '${params.id}' niet gevonden`);
      const provider = principal?.rol === 'zorgverlener';
      return {
        body: {
          ...presentDetail(claim, principal),
          regels: trace.lines.map((l) => ({
            regelnr: l.regelnr,
            datum: l.datum,
            eenheden: l.eenheden,
            tarief_centen: Number(l.tarief),
            tarief: formatEuros(Number(l.tarief)),
            bedrag_centen: Number(l.bedrag),
            bedrag: formatEuros(Number(l.bedrag)),
            omschrijving: l.omschrijving,
          })),
          gebeurtenissen: trace.events.map((e) => ({ op: formatMoment(new Date(e.op)), actor: e.actor, gebeurtenis: e.gebeurtenis, status: e.status, reden: e.reden, toelichting: e.toelichting })),
          betalingen: trace.payments.map((b) => ({
            betaling_id: b.betaling_id,
            betaalrun_id: b.betaalrun_id,
            status: b.status,
            actief: b.actief,
            bedrag_centen: Number(b.bedrag),
            bedrag: formatEuros(Number(b.bedrag)),
            bevestigd_op: b.bevestigd_op,
            teruggeboekt_op: b.teruggeboekt_op,
            terugboekreden: b.terugboekreden,
          })),
          // which budgets paid and the bookings are the holder's and the funder's business, not the provider's
          ...(provider
            ? {}
            : {
                lasten: trace.charges.map((c) => ({ regelnr: c.regelnr, bron: c.bron, budget_id: c.budget_id, bedrag_centen: Number(c.bedrag), bedrag: formatEuros(Number(c.bedrag)) })),
                boekingen: trace.bookings.map((b) => ({
                  journaalpost_id: Number(b.journaalpost_id),
                  op: formatMoment(new Date(b.op)),
                  soort: b.soort,
                  omschrijving: b.omschrijving,
                  rekening: b.rekening,
                  bedrag_centen: Number(b.bedrag),
                  bedrag: formatEuros(Number(b.bedrag)),
                })),
              }),
        },
      };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/werkvoorraad',
    summary: 'Werkvoorraad: open declaraties per status, reden en leeftijd in werkdagen sinds ontvangst (0-5, 6-10, >10), met de 50 oudste per wachtrij',
    tags: ['declaraties'],
    access: { roles: ['backoffice', 'auditor'] },
    handler: async ({ db, principal, now }) => {
      const w = await workQueues(db, { today: dateInNetherlands(now), oldest: 50 });
      return {
        body: {
          peildatum: w.peildatum,
          totaal: w.totaal,
          wachtrijen: w.wachtrijen.map((q) => ({
            status: q.status,
            reden: q.reden,
            aantal: q.aantal,
            bedrag_centen: q.bedrag,
            bedrag: formatEuros(q.bedrag),
            per_leeftijd: q.per_leeftijd,
            oudste: q.oudste.map((c) => ({
              declaratie_id: c.declaratie_id,
              ontvangen_op: formatMoment(new Date(c.ontvangen_op)),
              werkdagen: c.werkdagen,
              uiterste_betaaldatum: c.status === 'ter_goedkeuring' ? null : c.uiterste_betaaldatum,
              bedrag_centen: Number(c.bedrag),
              bedrag: formatEuros(Number(c.bedrag)),
              kanaal: c.kanaal,
              bsn: maskBsn(c.bsn),
              zorgverlener_id: c.zorgverlener_id,
            })),
          })),
        },
      };
    },
  }),
];
