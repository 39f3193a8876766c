/**
 * Every route of the API, in one list: the server registers exactly these, the OpenAPI document
 * describes exactly these, and test/db/api-access-matrix.test.ts tries each of them as every role
 * (a route without a sample in test/support/route-samples.ts fails that test).
 */
import type { RouteSpec } from './route.ts';
import { toegangRoutes } from '../modules/toegang/http/routes.ts';
// ---- the domain's routes: import each module's array from '../modules/<context>/http/routes.ts' here

export const ROUTES: RouteSpec<any, any, any>[] = [
  ...toegangRoutes,
  // ---- and spread them here
];
