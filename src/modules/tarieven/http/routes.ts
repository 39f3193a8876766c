/**
 * The dated tables over HTTP: everyone who works with claims reads the maximum tariffs and the
 * rules of the holder's own amounts; the back office enters the law's values, a funder's staff its
 * own (a municipality's maxima and percentages).
 */
import { z } from 'zod';
import { defineRoute, notFound, type Principal, type RouteSpec } from '../../../server/route.ts';
import { formatEuros } from '../../../kernel/money.ts';
import { loadMaxTariffs, loadOwnAmountRules } from '../repo.ts';
import { setMaxTariff, setOwnAmountRule } from '../use-cases/set-parameters.ts';
import type { MaxTariff, OwnAmountRule } from '../core/dated.ts';
import type { Db } from '../../../db/connection.ts';

const READERS = ['budgethouder', 'vertegenwoordiger', 'zorgverlener', 'verstrekker', 'verstrekker_systeem', 'backoffice', 'auditor'] as const;

/** A funder's staff may set only its own rows; the back office any (the law's: no verstrekker). */
function funderFor(p: Principal, requested: string | null | undefined): string | null {
  if (p.rol === 'backoffice') return requested ?? null;
  if (requested && requested !== p.verstrekker) notFound(`verstrekker ${requested} niet gevonden`);
  return p.verstrekker;
}

const tariffJson = (t: MaxTariff) => ({ verstrekker: t.verstrekker, wet: t.wet, categorie: t.categorie, geldig_van: t.geldigVan, geldig_tot: t.geldigTot, bedrag: formatEuros(t.bedrag), bron: t.bron });
/** A rule of own amounts as the API gives it (also in the holder's room: GET /api/eigen-bedragen/ruimte). */
export const ruleJson = (r: OwnAmountRule) => ({
  verstrekker: r.verstrekker, wet: r.wet, soort: r.soort, geldig_van: r.geldigVan, geldig_tot: r.geldigTot,
  percentage: r.percentage === null ? null : formatEuros(r.percentage), minimum: formatEuros(r.minimum), maximum: formatEuros(r.maximum), bron: r.bron,
});

/**
 * A dated table over HTTP: everyone reads it; the back office sets a row for the law, a funder's
 * staff one of its own. The two tables differ only in their fields.
 */
function datedTableRoutes<B extends z.ZodRawShape, T>(spec: {
  url: string;
  list: string;
  set: string;
  fields: B;
  load: (db: Db) => Promise<T[]>;
  save: (db: Db, input: z.infer<z.ZodObject<B>> & { verstrekker: string | null }, ctx: { actor: string; now: Date }) => Promise<T>;
  json: (row: T) => unknown;
}): RouteSpec<any, any, any>[] {
  return [
    defineRoute({
      method: 'GET',
      url: spec.url,
      summary: spec.list,
      tags: ['tarieven'],
      access: { roles: READERS },
      handler: async ({ db }) => ({ body: (await spec.load(db)).map(spec.json) }),
    }),
    defineRoute({
      method: 'POST',
      url: spec.url,
      summary: spec.set,
      tags: ['tarieven'],
      access: { roles: ['backoffice', 'verstrekker'] },
      changesState: true,
      body: z.object({ verstrekker: z.string().max(20).nullable().optional(), ...spec.fields }),
      handler: async ({ db, principal, body, actor, now }) => {
        const row = await spec.save(db, { ...(body as z.infer<z.ZodObject<B>>), verstrekker: funderFor(principal!, (body as { verstrekker?: string | null }).verstrekker) }, { actor, now });
        return { status: 201, body: spec.json(row) };
      },
    }),
  ];
}

export const tarievenRoutes: RouteSpec<any, any, any>[] = [
  ...datedTableRoutes({
    url: '/api/maximumtarieven',
    list: 'De maximumtarieven per wet en categorie met hun geldigheid en bron (landelijk en per verstrekker)',
    set: 'Een maximumtarief vastleggen: landelijk (backoffice) of het eigen tarief van een verstrekker, met geldigheid en bron',
    fields: {
      wet: z.string().max(10),
      categorie: z.string().max(20).describe('formeel_uur, dagdeel of informeel_uur'),
      geldig_van: z.string().max(10),
      geldig_tot: z.string().max(10).nullable().optional(),
      bedrag: z.string().max(12).describe("euro's met punt, bijvoorbeeld 80.81"),
      bron: z.string().max(500),
    },
    load: loadMaxTariffs,
    save: setMaxTariff,
    json: tariffJson,
  }),
  ...datedTableRoutes({
    url: '/api/eigen-bedrag-regels',
    list: 'De regels van de eigen bedragen van budgethouders (verantwoordingsvrij bedrag, reiskosten, administratiekosten): percentage, minimum en maximum per jaar, geldigheid en bron',
    set: 'Een regel voor eigen bedragen vastleggen: voor een wet (backoffice) of de eigen regel van een verstrekker',
    fields: {
      wet: z.string().max(10),
      soort: z.string().max(30),
      geldig_van: z.string().max(10),
      geldig_tot: z.string().max(10).nullable().optional(),
      percentage: z.string().max(6).nullable().optional().describe('procent van het bestede budget, bijvoorbeeld 1.5; leeg voor een vast jaarbedrag'),
      minimum: z.string().max(12).nullable().optional(),
      maximum: z.string().max(12),
      bron: z.string().max(500),
    },
    load: loadOwnAmountRules,
    save: setOwnAmountRule,
    json: ruleJson,
  }),
];
