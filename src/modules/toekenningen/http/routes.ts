/**
 * Allocations over HTTP, for funders (staff and machine clients, always for their own funder code)
 * and the back office: submit, correct and withdraw (the rules of toekenningen.csv), and list.
 */
import { z } from 'zod';
import { defineRoute, notFound, type Principal, type RouteSpec } from '../../../server/route.ts';
import { scopeOf } from '../../../server/scope.ts';
import { WETTEN } from '../../../kernel/wet.ts';
import { maskBsn } from '../../../kernel/identifiers.ts';
import { withEuros } from '../../../kernel/money.ts';
import { formatMoment } from '../../../kernel/dates.ts';
import type { ImportSummary } from '../../import/index.ts';
import { listAllocations, type AllocationView } from '../queries.ts';
import { submitAllocations, withdrawAllocation, type AllocationObject } from '../use-cases/submit-allocations.ts';

const FUNDER_ROLES = ['verstrekker', 'verstrekker_systeem'] as const;
const WRITERS = [...FUNDER_ROLES, 'backoffice'] as const;
const READERS = [...FUNDER_ROLES, 'backoffice', 'auditor'] as const;

/** The funder code a caller acts for: its own for funder roles, null (any) for the back office. */
function callerFunder(p: Principal | null): string | null {
  const scope = scopeOf(p);
  return scope.kind === 'verstrekker' ? scope.code : null;
}

/**
 * One allocation as in toekenningen.csv. Every field is text and is checked by the import's own
 * rules (so the messages are those of the CSV file); unknown fields are reported there too.
 */
const allocationObject = z.looseObject({
  toekenning_id: z.string().max(200).describe('het nummer van de beschikking of het toekenningsbericht'),
  verstrekker: z.string().max(200).optional().describe('de code van de verstrekker; voor een verstrekker altijd de eigen code (mag weggelaten worden)'),
  bsn: z.string().max(200),
  wet: z.string().max(200).describe(`een van ${WETTEN.join(', ')}`),
  ingangsdatum: z.string().max(200).describe('JJJJ-MM-DD'),
  einddatum: z.string().max(200).describe('JJJJ-MM-DD'),
  bedrag: z.string().max(200).describe("euro's met een punt en hooguit twee decimalen, bijv. 12000.00; 0.00 met vervangt trekt in"),
  vervangt: z.string().max(200).nullable().optional().describe('het toekenning_id dat deze toekenning corrigeert'),
});

export function allocationJson(a: AllocationView, _p: Principal | null) {
  const { bsn, ontvangen_op, ...rest } = a;
  return withEuros({ ...rest, bsn: maskBsn(bsn), ontvangen_op: formatMoment(ontvangen_op) }, ['bedrag']);
}

function summaryJson(s: ImportSummary) {
  return { import_id: s.importId, rijen: s.rows, nieuw: s.created, al_bekend: s.skipped, declaraties: s.claims ?? {} };
}

export const toekenningenRoutes: RouteSpec<any, any, any>[] = [
  defineRoute({
    method: 'POST',
    url: '/api/toekenningen',
    summary: 'Toekenningen indienen, corrigeren (vervangt) of intrekken (bedrag 0.00 met vervangt), met de regels van toekenningen.csv',
    tags: ['toekenningen'],
    access: { roles: WRITERS },
    changesState: true,
    body: z.object({ toekenningen: z.array(allocationObject).min(1).max(5000) }),
    handler: async ({ db, principal, body, actor, now }) => {
      const own = callerFunder(principal);
      const objects: AllocationObject[] = body.toekenningen.map((t) => {
        if (own === null) return t as AllocationObject;
        // a funder acts only for itself: another funder's code is not found, as anything it may not see
        // (empty means absent, as in the CSV file)
        if (t.verstrekker !== undefined && t.verstrekker.trim() !== '' && t.verstrekker.trim() !== own) notFound(`verstrekker '${t.verstrekker}' niet gevonden`);
        return { ...(t as AllocationObject), verstrekker: own };
      });
      const s = await submitAllocations(db, objects, { actor, now });
      const ids = objects.map((o) => String(o.toekenning_id ?? '').trim());
      const stored = await listAllocations(db, { verstrekker: own, ids, limit: ids.length, offset: 0 });
      const byId = new Map(stored.map((a) => [a.toekenning_id, a]));
      return {
        status: s.created > 0 ? 201 : 200,
        body: { ...summaryJson(s), toekenningen: ids.flatMap((id) => (byId.has(id) ? [allocationJson(byId.get(id)!, principal)] : [])) },
      };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/toekenningen/:id/intrekking',
    summary: 'Een toekenning intrekken: een correctie naar 0.00 van de laatste versie, onder een nieuw toekenning_id',
    tags: ['toekenningen'],
    access: { roles: WRITERS },
    changesState: true,
    params: z.object({ id: z.string().min(1).max(200) }),
    body: z.object({ toekenning_id: z.string().min(1).max(200).describe('het nummer van het intrekkingsbericht') }),
    handler: async ({ db, principal, params, body, actor, now }) => {
      const own = callerFunder(principal);
      const r = await withdrawAllocation(db, { versionId: params.id, newId: body.toekenning_id.trim(), verstrekker: own }, { actor, now });
      const [stored] = await listAllocations(db, { verstrekker: own, ids: [r.toekenning_id], limit: 1, offset: 0 });
      return {
        status: r.summary.created > 0 ? 201 : 200,
        body: { ...summaryJson(r.summary), toekenning: stored ? allocationJson(stored, principal) : null },
      };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/toekenningen',
    summary: 'Toekenningen (alle versies, nieuwste eerst): een verstrekker ziet alleen de eigen',
    tags: ['toekenningen'],
    access: { roles: READERS },
    query: z.object({
      verstrekker: z.string().max(20).optional(),
      budgethouder_id: z.coerce.number().int().positive().optional(),
      wet: z.enum(WETTEN).optional(),
      budget_id: z.string().max(200).optional(),
      actueel: z.enum(['true', 'false']).optional().describe('true: alleen de laatste versie van elk budget'),
      limit: z.coerce.number().int().min(1).max(1000).default(100),
      offset: z.coerce.number().int().min(0).default(0),
    }),
    handler: async ({ db, principal, query }) => {
      const own = callerFunder(principal);
      if (own !== null && query.verstrekker !== undefined && query.verstrekker !== own) notFound(`verstrekker '${query.verstrekker}' niet gevonden`);
      const items = await listAllocations(db, {
        verstrekker: own ?? query.verstrekker ?? null,
        budgethouderId: query.budgethouder_id ?? null,
        wet: query.wet ?? null,
        budgetId: query.budget_id ?? null,
        actueel: query.actueel === undefined ? null : query.actueel === 'true',
        limit: query.limit,
        offset: query.offset,
      });
      return { body: { items: items.map((a) => allocationJson(a, principal)) } };
    },
  }),
];
