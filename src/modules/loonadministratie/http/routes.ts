/**
 * The payroll over HTTP (issue #9).
 *
 * - Payslips and annual statements: the employer (the holder, or their representative) for the
 *   holders they act for, the carer (a provider's login) for their own, the back office and the
 *   auditor for everyone. Anyone else gets 404, as for what does not exist.
 * - The payroll choice on an agreement: the holder (or representative) for their own agreements and
 *   the back office.
 * - The payroll run and the payroll summary (the basis of the wage-tax return): the back office
 *   (the summary also for the auditor).
 */
import { z } from 'zod';
import { defineRoute, notFound, type Principal, type RouteSpec } from '../../../server/route.ts';
import { scopeOf } from '../../../server/scope.ts';
import type { Queryable } from '../../../db/connection.ts';
import { renderReport, toJson } from '../../rapportages/index.ts';
import { recordPayrollChoice } from '../use-cases/record-choice.ts';
import { runPayroll } from '../use-cases/run-payroll.ts';
import { jaaropgave, jaaropgavePdf, listLoonstroken, loonoverzicht, loonstrookDocument, loonstrookOwner, loonstrookPdf } from '../use-cases/documents.ts';

const READERS = ['budgethouder', 'vertegenwoordiger', 'zorgverlener', 'backoffice', 'auditor'] as const;
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'een maand JJJJ-MM');

/** Whether the caller may see what concerns this employer (holder) and carer. */
function maySee(p: Principal | null, owner: { budgethouder_id: number; zorgverlener_id: string }): boolean {
  const scope = scopeOf(p);
  switch (scope.kind) {
    case 'alles':
      return true;
    case 'budgethouders':
      return scope.ids.includes(owner.budgethouder_id);
    case 'zorgverlener':
      return scope.id === owner.zorgverlener_id;
    case 'verstrekker':
      return false;
  }
}

async function agreementOwner(db: Queryable, id: string): Promise<{ budgethouder_id: number; zorgverlener_id: string } | undefined> {
  const r = await db.query<{ budgethouder_id: number; zorgverlener_id: string }>(`SELECT budgethouder_id, zorgverlener_id FROM zorgovereenkomsten WHERE zorgovereenkomst_id = $1`, [id]);
  return r.rows[0];
}

export const loonadministratieRoutes: RouteSpec<any, any, any>[] = [
  defineRoute({
    method: 'GET',
    url: '/api/loonstroken',
    summary: 'De loonstroken die de beller mag zien: de werkgever (budgethouder) van zijn werknemers, de zorgverlener de eigen, de backoffice alle',
    tags: ['loonadministratie'],
    access: { roles: READERS },
    query: z.object({ periode: month.optional(), zorgverlener: z.string().min(1).max(64).optional() }),
    handler: async ({ db, principal, query }) => {
      const scope = scopeOf(principal);
      const filter = { ...(query.periode ? { periode: query.periode } : {}), ...(query.zorgverlener ? { zorgverlenerId: query.zorgverlener } : {}) };
      if (scope.kind === 'zorgverlener') {
        if (query.zorgverlener !== undefined && query.zorgverlener !== scope.id) return { body: { items: [] } };
        return { body: { items: await listLoonstroken(db, { ...filter, zorgverlenerId: scope.id }) } };
      }
      if (scope.kind === 'budgethouders') {
        const items = (await Promise.all(scope.ids.map((id) => listLoonstroken(db, { ...filter, budgethouderId: id })))).flat();
        return { body: { items } };
      }
      return { body: { items: await listLoonstroken(db, filter) } };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/loonstroken/:id',
    summary: 'Eén loonstrook als toegankelijke PDF (standaard) of JSON, met bij een correctie de vorige versie en het verschil',
    tags: ['loonadministratie'],
    access: { roles: READERS },
    params: z.object({ id: z.string().min(1).max(200) }),
    query: z.object({ formaat: z.enum(['pdf', 'json']).default('pdf') }),
    handler: async ({ db, principal, params, query }) => {
      const owner = await loonstrookOwner(db, params.id);
      if (!owner || !maySee(principal, owner)) notFound(`loonstrook '${params.id}' niet gevonden`);
      const doc = await loonstrookDocument(db, params.id);
      if (query.formaat === 'json') return { body: doc };
      return { raw: { contentType: 'application/pdf', data: await loonstrookPdf(doc), filename: `loonstrook-${doc.zorgovereenkomst_id}-${doc.periode}-v${doc.versie}.pdf` } };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/budgethouders/:id/jaaropgave',
    summary: 'De jaaropgave van een zorgverlener bij deze werkgever (budgethouder) als toegankelijke PDF',
    tags: ['loonadministratie'],
    access: { roles: READERS },
    params: z.object({ id: z.coerce.number().int().positive() }),
    query: z.object({ zorgverlener: z.string().min(1).max(64), jaar: z.coerce.number().int().min(2000).max(2100) }),
    handler: async ({ db, principal, params, query, now }) => {
      if (!maySee(principal, { budgethouder_id: params.id, zorgverlener_id: query.zorgverlener })) notFound('jaaropgave niet gevonden');
      const j = await jaaropgave(db, { zorgverlenerId: query.zorgverlener, budgethouderId: params.id, jaar: query.jaar, now }).catch((e: { code?: string }) => {
        if (e.code === 'NIET_GEVONDEN') notFound('jaaropgave niet gevonden');
        throw e;
      });
      return { raw: { contentType: 'application/pdf', data: await jaaropgavePdf(j), filename: `jaaropgave-${j.jaar}-${j.werknemer.zorgverlener_id}-${j.werkgever.clientnummer}.pdf` } };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/loonoverzicht',
    summary: 'Het loonoverzicht van een maand (bruto, loonheffing, premies, netto; correcties van eerdere maanden apart): de grondslag voor de aangifte loonheffingen',
    tags: ['loonadministratie'],
    access: { roles: ['backoffice', 'auditor'] },
    query: z.object({ periode: month, formaat: z.enum(['json', 'csv', 'xlsx', 'html']).default('json') }),
    handler: async ({ db, query, now }) => {
      const t = await loonoverzicht(db, { periode: query.periode, now });
      if (query.formaat === 'json') return { body: toJson(t) };
      const { data, contentType } = await renderReport(t, query.formaat);
      return { raw: { contentType, data, ...(query.formaat === 'csv' || query.formaat === 'xlsx' ? { filename: `loonoverzicht-${query.periode}.${query.formaat}` } : {}) } };
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/zorgovereenkomsten/:id/loonafspraak',
    summary: 'Vastleggen of het loon via de loonadministratie loopt (verplicht bij een arbeidsovereenkomst van 4 of meer dagen per week), met dagen per week, loonheffingskorting en soort contract',
    tags: ['loonadministratie'],
    access: { roles: ['budgethouder', 'vertegenwoordiger', 'backoffice'] },
    changesState: true,
    params: z.object({ id: z.string().min(1).max(64) }),
    body: z.object({
      dagen_per_week: z.number().int(),
      loonadministratie: z.boolean(),
      heffingskorting: z.boolean().default(false),
      vast_contract: z.boolean().default(false),
      geboortedatum_zorgverlener: z.string().optional(),
      reden: z.string().min(1).max(500),
    }),
    handler: async ({ db, principal, params, body, actor, now }) => {
      const owner = await agreementOwner(db, params.id);
      const scope = scopeOf(principal);
      if (!owner || (scope.kind !== 'alles' && !(scope.kind === 'budgethouders' && scope.ids.includes(owner.budgethouder_id)))) notFound(`zorgovereenkomst '${params.id}' niet gevonden`);
      const r = await recordPayrollChoice(
        db,
        {
          zorgovereenkomstId: params.id,
          dagenPerWeek: body.dagen_per_week,
          loonadministratie: body.loonadministratie,
          heffingskorting: body.heffingskorting,
          vastContract: body.vast_contract,
          ...(body.geboortedatum_zorgverlener ? { geboortedatum: body.geboortedatum_zorgverlener } : {}),
          reden: body.reden,
        },
        { actor, now },
      );
      return { body: { zorgovereenkomst_id: params.id, versie: r.versie } };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/loonruns',
    summary: 'Een loonrun: de loonstroken van een maand en de correcties van eerdere maanden, met inhouding, premies en afdracht geboekt',
    tags: ['loonadministratie'],
    access: { roles: ['backoffice'] },
    changesState: true,
    body: z.object({ periode: month, herbereken_vanaf: month.optional() }),
    handler: async ({ db, body, actor, now }) => {
      const r = await runPayroll(db, { periode: body.periode, ...(body.herbereken_vanaf ? { herberekenVanaf: body.herbereken_vanaf } : {}), actor, now });
      return { status: r.loonrunId ? 201 : 200, body: r };
    },
  }),
];
