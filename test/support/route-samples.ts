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
import { PASSWORD, WORLD, type Caller, type World } from './api.ts';
import { FUNDER_IBAN, parties } from './factories.ts';
import { syntheticIban } from '../../src/kernel/synthetic.ts';
import type { Cents } from '../../src/kernel/money.ts';
import type { PlainDate } from '../../src/kernel/dates.ts';
import { buildCamt053 } from '../../src/modules/bank/index.ts';

/** A camt.053 statement with one credit from funder GM0001 (a funder's deposit). */
const SAMPLE_STATEMENT = buildCamt053({
  messageId: 'SAMPLE-1',
  createdAt: new Date('2026-11-20T18:00:00+01:00'),
  statements: [
    {
      statementId: 'SAMPLE-1',
      account: 'NL91ABNA0417164300',
      openingBalance: 0 as Cents,
      entries: [{ entryRef: 'S1', direction: 'CRDT', bookingDate: '2026-11-20' as PlainDate, transactions: [{ amount: 100_000 as Cents, counterpartyName: 'Gemeente Proef', counterpartyIban: FUNDER_IBAN, remittance: 'financiering pgb' }] }],
    },
  ],
});

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
  'GET /api/inlogopties': {},

  // ---- the domain's routes: one entry per route, 'METHOD /url' exactly as in its RouteSpec

  // ---- toekenningen (src/modules/toekenningen/http/routes.ts): a funder's own allocation; another funder naming it gets 404
  'POST /api/toekenningen': {
    body: { toekenningen: [{ toekenning_id: 'S-TKB-1', verstrekker: 'GM0001', bsn: WORLD.bsn.a, wet: 'WMO_BG', ingangsdatum: '2026-01-01', einddatum: '2026-12-31', bedrag: '100.00' }] },
    expect: { buitenstaander: [404] },
  },
  'POST /api/toekenningen/:id/intrekking': { params: { id: 'S-TKB-1' }, body: { toekenning_id: 'S-TKB-1-IN' }, expect: { buitenstaander: [404] } },
  'GET /api/toekenningen': { query: { limit: '10' } },

  // ---- zorgovereenkomsten (src/modules/zorgovereenkomsten/http/routes.ts): W-ZOK-A is holder A's with ZV1 (WMO_HH, GM0001),
  // approved; W-ZOK-C is holder C's with ZV3 (JW, GM0001), awaiting the funder. The success paths of sharing and signing
  // are in test/db/api-zorgovereenkomsten.test.ts; here they meet an agreement past that step (409).
  'GET /api/zorgovereenkomsten': { query: { limit: '10' } },
  'GET /api/zorgovereenkomsten/:id': { params: { id: 'W-ZOK-A' }, expect: { vertegenwoordiger: [404], buitenstaander: [404] } },
  'POST /api/zorgovereenkomsten': {
    body: { zorgverlener_id: 'ZV2', wet: 'WMO_HH', soort: 'opdracht', ingangsdatum: '2026-11-01', eenheid: 'uur', tarief: '31.00' },
    // the representative acts for two holders and names none: which one is not found
    expect: { vertegenwoordiger: [404] },
  },
  'POST /api/zorgovereenkomsten/controle': {
    body: { zorgverlener_id: 'ZV2', wet: 'WMO_HH', soort: 'opdracht', ingangsdatum: '2026-11-01', eenheid: 'uur', tarief: '31.00' },
    expect: { vertegenwoordiger: [404] },
  },
  'POST /api/zorgovereenkomsten/:id/delen': { params: { id: 'W-ZOK-A' }, expect: { budgethouder: [409], vertegenwoordiger: [404] } },
  'POST /api/zorgovereenkomsten/:id/ondertekenen': { params: { id: 'W-ZOK-A' }, expect: { zorgverlener: [409] } },
  'POST /api/zorgovereenkomsten/:id/accordering': {
    params: { id: 'W-ZOK-C' },
    body: { besluit: 'geaccordeerd', maximumtarief: '75.00' },
    // the funder decides first; its system then sends the same decision (skipped) or meets a decided agreement
    expect: { verstrekker_systeem: [200, 400], buitenstaander: [404] },
  },

  // ---- budgetten (src/modules/budgetten/http/routes.ts): holder A, funded by GM0001
  'GET /api/budgetten': { query: (w) => ({ budgethouder_id: String(w.holderIds.a) }), expect: { vertegenwoordiger: [404], buitenstaander: [404] } },
  'GET /api/budgethouders': { query: { naam: 'Houder' } },
  'GET /api/budgethouders/:id': { params: (w) => ({ id: w.holderIds.a }), expect: { vertegenwoordiger: [404], buitenstaander: [404] } },

  // ---- partijen (src/modules/partijen/http/routes.ts): ZV1 works only for holder A (GM0001)
  'GET /api/zorgverleners': { query: { kvk: '10000001' }, expect: { buitenstaander: [404] } },
  'POST /api/zorgverleners/:id/iban': { params: { id: 'ZV3' }, body: { iban: syntheticIban(9111), reden: 'nieuwe huisbank' } },
  'GET /api/iban-blokkades': {},
  'POST /api/budgethouders/:id/bsn-inzage': { params: (w) => ({ id: w.holderIds.a }), body: { reden: 'telefoongesprek met de budgethouder' } },

  // ---- exports (src/modules/exports/http/routes.ts): each funder its own rows
  'GET /api/export/budgetten.xlsx': {},
  'GET /api/export/zorgovereenkomsten.xlsx': { query: { status: 'ingediend' } },
  'GET /api/export/declaraties.xlsx': {},

  // ---- betalingen (src/modules/betalingen/http/routes.ts): the test world has no PGB_DEBITEUR_IBAN, so no run is made
  // (test/db/api-backoffice.test.ts makes one and downloads its file)
  'POST /api/betaalruns': { body: { datum: '2099-01-02' }, expect: { backoffice: [500] } },
  'GET /api/betaalruns': {},
  'GET /api/betaalruns/:id/sepa': { params: { id: 'btr_ONBEKEND' }, expect: { backoffice: [404] } },
  'GET /api/betalingen': {},

  // ---- bank (src/modules/bank/http/routes.ts): a funder's deposit
  'POST /api/bankafschriften': { body: SAMPLE_STATEMENT, contentType: 'application/xml' },
  'GET /api/bankafschriften/open': {},

  // ---- maandloon, ledger, audit, import
  'POST /api/maandloon': { body: { maand: '2026-01' } },
  'GET /api/controle': {},
  'GET /api/audit': { query: { actie: 'import' } },
  'POST /api/imports/:soort': { params: { soort: 'verstrekkers' }, body: parties.verstrekkers, contentType: 'text/csv' },

  // ---- tarieven (src/modules/tarieven/http/routes.ts): the back office sets the law's row, each funder its own (a period no one else uses)
  'GET /api/maximumtarieven': {},
  'POST /api/maximumtarieven': { body: { wet: 'WMO_HH', categorie: 'formeel_uur', geldig_van: '2030-01-01', bedrag: '70.00', bron: 'besluit pgb-tarieven 2030' } },
  'GET /api/eigen-bedrag-regels': {},
  'POST /api/eigen-bedrag-regels': { body: { wet: 'WMO_HH', soort: 'reiskosten', geldig_van: '2030-01-01', maximum: '300.00', bron: 'besluit pgb 2030, reiskosten' } },
  // ---- eigen bedragen (src/modules/eigenbedragen/http/routes.ts): holder A (WMO_HH, GM0001) has no rule for reiskosten in 2026: refused (400);
  // the representative names no holder (404), the back office names none either (404)
  'POST /api/eigen-bedragen': { body: { wet: 'WMO_HH', soort: 'reiskosten', jaar: 2026, bedrag: '10.00' }, expect: { budgethouder: [400], vertegenwoordiger: [404], backoffice: [404] } },
  'GET /api/eigen-bedragen': {},
  'GET /api/eigen-bedragen/ruimte': { query: { wet: 'WMO_HH', soort: 'reiskosten', jaar: '2026' }, expect: { vertegenwoordiger: [404], backoffice: [404] } },
  // ---- jaareinde (src/modules/jaareinde/http/routes.ts): the world's allocations are of 2026, so closing 2025 finds nothing (test/db/jaarafsluiting.test.ts closes one)
  'POST /api/jaarafsluiting': { body: { jaar: 2025 } },
  'GET /api/jaarafsluiting/:jaar': { params: { jaar: 2025 }, query: { formaat: 'csv' } },
  // ---- terugval (src/modules/terugval/http/routes.ts): mark holder C's allocation provisional; a dry run for GM0001 lists it (test/db/terugval.test.ts extends)
  'POST /api/terugval/voorlopig': { body: { toekenningen: [WORLD.allocations.c], reden: 'ambtshalve vastgesteld, verstrekker te laat' } },
  'POST /api/terugval': { body: { verstrekker: 'GM0001', tot: '2027-03-31', droog: true } },
  // ---- vorderingen (src/modules/vorderingen/http/routes.ts): a recovery on provider ZV1 going back to holder A's budget, then
  // written off (test/db/vorderingen.test.ts sets one off and has one repaid)
  'POST /api/vorderingen': { body: { bron: 'sample-1', debiteur_soort: 'zorgverlener', debiteur_id: 'ZV1', budget_id: WORLD.allocations.a, reden: 'OVERIG', bedrag: '5.00', toelichting: 'proef', vastgesteld_op: '2026-11-01' } },
  'GET /api/vorderingen': { query: { status: 'alle' } },
  'GET /api/vorderingen/:id': { params: { id: 'V-1' } },
  'POST /api/vorderingen/:id/kwijtschelding': { params: { id: 'V-1' }, body: { reden: 'proef' }, expect: { backoffice: [200, 409] } },

  // ---- mutaties (src/modules/mutaties/http/routes.ts): the representative of two holders must say for which one
  'POST /api/mutaties': { body: { soort: 'adres', omschrijving: 'Verhuisd naar Dorpsstraat 1' }, expect: { vertegenwoordiger: [404] } },
  'GET /api/mutaties': {},
  'POST /api/mutaties/:id/afhandelen': { params: { id: 'mut_ONBEKEND' }, body: { toelichting: 'afgehandeld' }, expect: { backoffice: [404] } },

  // ---- declaraties (src/modules/declaraties/http/routes.ts): holder A's agreement W-ZOK-A with ZV1. The holder's claim is
  // checked at once, ZV1's waits for the holder; the representative of two holders must say for which one, and the back
  // office names the holder by BSN and the channel (so this body is refused for it). W-DCL-A is approved already:
  // approving, rejecting or deciding it answers 409 (test/db/api-declaraties.test.ts takes those steps on real cases).
  'POST /api/declaraties': {
    body: { zorgverlener_id: 'ZV1', zorgovereenkomst_id: 'W-ZOK-A', regels: [{ datum: '2026-10-12', eenheden: '1', tarief: '30.00' }] },
    expect: { vertegenwoordiger: [404], backoffice: [400] },
  },
  // checks without storing: the back office without a BSN hears what is missing (200, uitkomst onvolledig)
  'POST /api/declaraties/controle': {
    body: { zorgverlener_id: 'ZV1', zorgovereenkomst_id: 'W-ZOK-A', regels: [{ datum: '2026-10-12', eenheden: '1', tarief: '30.00' }] },
    expect: { vertegenwoordiger: [404] },
  },
  'POST /api/declaraties/:id/goedkeuren': { params: { id: 'W-DCL-A' }, expect: { budgethouder: [409], vertegenwoordiger: [404] } },
  'POST /api/declaraties/:id/afwijzen': { params: { id: 'W-DCL-A' }, body: { reden: 'deze zorg is niet geleverd' }, expect: { budgethouder: [409], vertegenwoordiger: [404] } },
  'POST /api/declaraties/:id/besluit': { params: { id: 'W-DCL-A' }, body: { besluit: 'afkeuren', reden: 'proef' }, expect: { backoffice: [409] } },
  'GET /api/declaraties': { query: { limit: '10' } },
  'GET /api/declaraties/:id': { params: { id: 'W-DCL-A' }, expect: { vertegenwoordiger: [404], buitenstaander: [404] } },
  'GET /api/werkvoorraad': {},

  // ---- rapportages and signalen (src/modules/rapportages/http/routes.ts, src/modules/signalen/http/routes.ts):
  // a report limited to GM0001 (ZK0001's staff naming it gets 404), holder A's quarterly statement, the audit sample
  'GET /api/rapportages': {},
  'GET /api/rapportages/:naam': { params: { naam: 'werkvoorraad' }, query: (w) => ({ verstrekker: w.funders.own }), expect: { buitenstaander: [404] } },
  'GET /api/budgethouders/:id/kwartaaloverzicht': { params: (w) => ({ id: w.holderIds.a }), query: { kwartaal: '2026-Q4' }, expect: { vertegenwoordiger: [404] } },
  'GET /api/steekproef': { query: { aantal: '5', zaad: 'matrix' } },
  'GET /api/signalen': {},

  // ---- loonadministratie (src/modules/loonadministratie/http/routes.ts): the world has no payroll, so a payslip or an
  // annual statement is not found for anyone (test/db/api-loonadministratie.test.ts shows them on a payroll world);
  // holder A records the (no-)payroll choice on its contract for services W-ZOK-A; the payroll run finds nothing to do.
  'GET /api/loonstroken': { query: { periode: '2026-10' } },
  'GET /api/loonstroken/:id': { params: { id: 'lst:W-ZOK-A:2026-10:1' }, expect: { budgethouder: [404], vertegenwoordiger: [404], zorgverlener: [404], backoffice: [404], auditor: [404] } },
  'GET /api/budgethouders/:id/jaaropgave': { params: (w) => ({ id: w.holderIds.a }), query: { zorgverlener: 'ZV1', jaar: '2026' }, expect: { budgethouder: [404], vertegenwoordiger: [404], zorgverlener: [404], backoffice: [404], auditor: [404] } },
  'GET /api/loonoverzicht': { query: { periode: '2026-10', formaat: 'csv' } },
  'PUT /api/zorgovereenkomsten/:id/loonafspraak': { params: { id: 'W-ZOK-A' }, body: { dagen_per_week: 2, loonadministratie: false, reden: 'overeenkomst van opdracht: bruto' }, expect: { vertegenwoordiger: [404] } },
  'POST /api/loonruns': { body: { periode: '2026-10' } },

  // ---- spoedbetalingen (src/modules/spoed/http/routes.ts): the back office records an urgent request for holder A; the
  // same back-office account approving or rejecting it is refused (four eyes: 400, test/db/api-spoed.test.ts has a
  // second person); the urgent run then finds nothing approved; W-DCL-A waits in no matching queue (404)
  'POST /api/spoedbetalingen': {
    body: { aanvraag_id: 'M-SPD-1', bsn: WORLD.bsn.a, zorgverlener_id: 'ZV1', toekenning_id: 'W-TKB-A', bedrag: '100.00', van: '2026-12-01', tot: '2026-12-31', oorzaak: 'GEEN_DECLARATIE', kanaal: 'telefoon' },
  },
  'GET /api/spoedbetalingen': {},
  'POST /api/spoedbetalingen/:id/goedkeuren': { params: { id: 'M-SPD-1' }, expect: { backoffice: [400] } },
  'POST /api/spoedbetalingen/:id/afwijzen': { params: { id: 'M-SPD-1' }, body: { reden: 'proef' }, expect: { backoffice: [400] } },
  'POST /api/spoedbetalingen/run': { body: { datum: '2099-12-31' }, expect: { backoffice: [500] } }, // no debtor account in the matrix's world, as for POST /api/betaalruns
  'GET /api/spoedbetalingen/open': { query: { peildatum: '2026-12-31' } },
  'GET /api/spoedbetalingen/koppelwachtrij': {},
  'POST /api/spoedbetalingen/koppelwachtrij/:declaratie_id': { params: { declaratie_id: 'W-DCL-A' }, body: { aanvraag_id: null }, expect: { backoffice: [404] } },
  'GET /api/spoedbetalingen/:id': { params: { id: 'M-SPD-1' } },
};
