/**
 * A plausible request for every route of ROUTES, for the access matrix
 * (test/db/api-access-matrix.test.ts). A route without an entry here fails that test, and so
 * does an entry without a route: adding a route means adding its sample.
 *
 * How the matrix uses a sample: it calls the route once as every caller (see CALLERS in api.ts:
 * `anoniem`, each role, and `buitenstaander`, staff of another funder), callers the route refuses
 * first. A caller the route's `access` does not admit must get 404 (`anoniem`: 401); a caller it
 * admits must get a 2xx, unless `expect` names other statuses for it. Whenever a call to a route
 * with `changesState` answers 4xx or 5xx, the database must be exactly as before the call.
 *
 * Fill parameters and bodies from WORLD (api.ts): prefer ids that belong to someone else than
 * some callers, so that scoping is tried too, and say in `expect` what each caller then gets
 * (e.g. `buitenstaander: [404]` for holder A's data, `zorgverlener: [404]` for another provider's
 * claim). Calls run in order and change the world: a later caller may find what an earlier one
 * made (`expect` can allow 409 or 200 for that), and every route starts from what earlier routes
 * left.
 */
import { PASSWORD, type Caller, type World } from './api.ts';

export interface RouteSample {
  /** path parameters by name (`:id` → `id`) */
  params?: Record<string, string | number> | ((w: World) => Record<string, string | number>);
  query?: Record<string, string> | ((w: World) => Record<string, string>);
  /** a JSON body, or a string with `contentType` */
  body?: unknown;
  contentType?: string;
  /** statuses other than 2xx for callers the route admits (and `anoniem` on a public route) */
  expect?: Partial<Record<Caller, number[]>>;
  /** sign in anew for the call: for a route that ends or replaces the caller's session */
  freshSession?: boolean;
}

const ALL_CALLERS: Caller[] = ['anoniem', 'budgethouder', 'vertegenwoordiger', 'zorgverlener', 'verstrekker', 'verstrekker_systeem', 'backoffice', 'auditor', 'buitenstaander'];

/** The same statuses for every caller. */
export function everyone(statuses: number[]): Partial<Record<Caller, number[]>> {
  return Object.fromEntries(ALL_CALLERS.map((c) => [c, statuses]));
}

export const ROUTE_SAMPLES: Record<string, RouteSample> = {
  // ---- toegang (src/modules/toegang/http/routes.ts)
  'POST /api/sessie': { body: { gebruikersnaam: 'backoffice', wachtwoord: PASSWORD }, freshSession: true },
  'GET /api/sessie': {},
  'DELETE /api/sessie': { freshSession: true },
  // OpenID Connect is not configured in the test world: both answer 404 (test/db/api-oidc.test.ts runs the flow)
  'GET /api/oidc/login': { query: { terug: '/portaal' }, expect: everyone([404]) },
  'GET /api/oidc/callback': { query: { code: 'x', state: 'y' }, expect: everyone([404]) },

  // ---- the domain's routes: one entry per route, 'METHOD /url' exactly as in its RouteSpec
};
