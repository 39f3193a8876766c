/**
 * Every route of the API, in one list: the server registers exactly these, the OpenAPI document
 * describes exactly these, and test/db/api-access-matrix.test.ts tries each of them as every role
 * (a route without a sample in test/support/route-samples.ts fails that test).
 */
import type { RouteSpec } from './route.ts';
import { toegangRoutes } from '../modules/toegang/http/routes.ts';
// ---- the domain's routes: import each module's array from '../modules/<context>/http/routes.ts' here
import { toekenningenRoutes } from '../modules/toekenningen/http/routes.ts';
import { budgettenRoutes } from '../modules/budgetten/http/routes.ts';
import { partijenRoutes } from '../modules/partijen/http/routes.ts';
import { exportsRoutes } from '../modules/exports/http/routes.ts';
import { betalingenRoutes } from '../modules/betalingen/http/routes.ts';
import { bankRoutes } from '../modules/bank/http/routes.ts';
import { maandloonRoutes } from '../modules/maandloon/http/routes.ts';
import { ledgerRoutes } from '../modules/ledger/http/routes.ts';
import { auditRoutes } from '../modules/audit/http/routes.ts';
import { importRoutes } from '../modules/import/http/routes.ts';
import { mutatiesRoutes } from '../modules/mutaties/http/routes.ts';
import { declaratiesRoutes } from '../modules/declaraties/http/routes.ts';
import { zorgovereenkomstenRoutes } from '../modules/zorgovereenkomsten/http/routes.ts';
import { rapportagesRoutes } from '../modules/rapportages/http/routes.ts';
import { signalenRoutes } from '../modules/signalen/http/routes.ts';
import { tarievenRoutes } from '../modules/tarieven/http/routes.ts';
import { eigenBedragenRoutes } from '../modules/eigenbedragen/http/routes.ts';
import { jaareindeRoutes } from '../modules/jaareinde/http/routes.ts';
import { loonadministratieRoutes } from '../modules/loonadministratie/http/routes.ts';
import { terugvalRoutes } from '../modules/terugval/http/routes.ts';
import { vorderingenRoutes } from '../modules/vorderingen/http/routes.ts';
import { spoedRoutes } from '../modules/spoed/http/routes.ts';

export const ROUTES: RouteSpec<any, any, any>[] = [
  ...toegangRoutes,
  // ---- and spread them here
  ...toekenningenRoutes,
  ...budgettenRoutes,
  ...partijenRoutes,
  ...exportsRoutes,
  ...betalingenRoutes,
  ...bankRoutes,
  ...maandloonRoutes,
  ...ledgerRoutes,
  ...auditRoutes,
  ...importRoutes,
  ...mutatiesRoutes,
  ...declaratiesRoutes,
  ...zorgovereenkomstenRoutes,
  ...rapportagesRoutes,
  ...signalenRoutes,
  ...tarievenRoutes,
  ...eigenBedragenRoutes,
  ...jaareindeRoutes,
  ...loonadministratieRoutes,
  ...terugvalRoutes,
  ...vorderingenRoutes,
  ...spoedRoutes,
];
