/**
 * The HTTP API on a fresh database (test/support/db.ts: PGlite, or PostgreSQL when DATABASE_URL
 * names one), listening on a free port of 127.0.0.1, with a small world loaded and an account for
 * every role plus an outsider from another funder, each signed in over real HTTP. `as(caller)`
 * gives a client that carries that caller's cookie and CSRF token (or API key).
 *
 * The world (see WORLD): funders GM0001 and ZK0001; holders A and C funded by GM0001, holder B by
 * ZK0001; providers ZV1, ZV2, ZV3; an approved agreement and an approved claim for A (ZV1), the
 * same for B (ZV2), a submitted agreement for C (ZV3).
 *
 * | caller | who |
 * |---|---|
 * | budgethouder | holder A |
 * | vertegenwoordiger | for holders B and C |
 * | zorgverlener | ZV1 |
 * | verstrekker | staff of GM0001 |
 * | verstrekker_systeem | GM0001's system (API key) |
 * | backoffice, auditor | the operator, the audit service |
 * | buitenstaander | staff of ZK0001: a funder, but not of A or C |
 * | anoniem | nobody signed in |
 */
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../src/db/connection.ts';
import { loadConfig, type Config } from '../../src/config/index.ts';
import { buildApp } from '../../src/server/app.ts';
import { ROUTES } from '../../src/server/routes.ts';
import { ROLES, type Principal, type Role, type RouteSpec } from '../../src/server/route.ts';
import { createLogger } from '../../src/server/logger.ts';
import { createApiClient, createUser, SESSION_COOKIE } from '../../src/modules/toegang/index.ts';
import { hashPassword } from '../../src/modules/toegang/core/passwords.ts';
import { syntheticIban } from '../../src/kernel/synthetic.ts';
import { freshDb } from './db.ts';
import { AGREEMENT_HEADER, ALLOCATION_HEADER, CLAIM_HEADER, HOLDER, agreement, allocation, claimLine, csv, load, loadParties } from './factories.ts';

export type Caller = Role | 'buitenstaander' | 'anoniem';
export const CALLERS: readonly Caller[] = ['anoniem', ...ROLES, 'buitenstaander'];
export const PASSWORD = 'test-wachtwoord-2026';

/** The world every API test starts from: ids to fill path parameters and bodies with. */
export const WORLD = {
  funders: { own: 'GM0001', other: 'ZK0001' },
  bsn: HOLDER,
  /** filled in when the world is loaded: holder ids (budgethouders.id) */
  holderIds: { a: 0, b: 0, c: 0 },
  providers: { a: 'ZV1', b: 'ZV2', c: 'ZV3' },
  agreements: { a: 'W-ZOK-A', b: 'W-ZOK-B', c: 'W-ZOK-C' },
  allocations: { a: 'W-TKB-A', b: 'W-TKB-B', c: 'W-TKB-C' },
  claims: { a: 'W-DCL-A', b: 'W-DCL-B' },
  iban: syntheticIban(9101),
};
export type World = typeof WORLD;

export interface ApiResponse {
  status: number;
  headers: Headers;
  text: string;
  /** the body parsed as JSON, when it is JSON */
  json: any;
}

export interface RequestOptions {
  /** a JSON body, or a string sent as is with `contentType` */
  body?: unknown;
  contentType?: string;
  headers?: Record<string, string>;
  /** leave out the CSRF header even if the session has one */
  noCsrf?: boolean;
}

export interface ApiClient {
  caller: Caller;
  principal: Principal | null;
  cookie: string | null;
  csrfToken: string | null;
  request(method: string, path: string, opts?: RequestOptions): Promise<ApiResponse>;
  get(path: string, opts?: RequestOptions): Promise<ApiResponse>;
  post(path: string, body?: unknown, opts?: RequestOptions): Promise<ApiResponse>;
  delete(path: string, opts?: RequestOptions): Promise<ApiResponse>;
}

export interface ApiWorld {
  app: FastifyInstance;
  db: Db;
  config: Config;
  baseUrl: string;
  world: World;
  /** the signed-in client of a caller (anoniem: no credentials) */
  as(caller: Caller): ApiClient;
  /** signs in again: a new session for that account (as(caller) keeps its own) */
  signIn(caller: Exclude<Caller, 'anoniem' | 'verstrekker_systeem'>): Promise<ApiClient>;
  /** a client with the given credentials */
  client(creds: { cookie?: string; csrfToken?: string; bearer?: string }): ApiClient;
  accounts: Record<Exclude<Caller, 'anoniem'>, { gebruikersnaam: string; bearer?: string }>;
  /** the log lines, when started with `logs: true` */
  logs: string[];
  close(): Promise<void>;
}

export interface ApiWorldOptions {
  /** more routes beside ROUTES (probe routes of a test) */
  extraRoutes?: RouteSpec<any, any, any>[];
  /** instead of ROUTES */
  routes?: RouteSpec<any, any, any>[];
  config?: Partial<Config>;
  now?: () => Date;
  logs?: boolean;
  /** the port to listen on (default: a free one) */
  port?: number;
  /** skip the accounts and sign-ins (a test that makes its own) */
  noAccounts?: boolean;
}

const ACCOUNTS: { caller: Exclude<Caller, 'anoniem' | 'verstrekker_systeem'>; gebruikersnaam: string; rol: Exclude<Role, 'verstrekker_systeem'>; verstrekker?: string; zorgverlener?: string; holders?: (keyof typeof HOLDER)[] }[] = [
  { caller: 'budgethouder', gebruikersnaam: 'houder-a', rol: 'budgethouder', holders: ['a'] },
  { caller: 'vertegenwoordiger', gebruikersnaam: 'vertegenwoordiger-bc', rol: 'vertegenwoordiger', holders: ['b', 'c'] },
  { caller: 'zorgverlener', gebruikersnaam: 'zorg-een', rol: 'zorgverlener', zorgverlener: 'ZV1' },
  { caller: 'verstrekker', gebruikersnaam: 'gemeente-proef', rol: 'verstrekker', verstrekker: 'GM0001' },
  { caller: 'backoffice', gebruikersnaam: 'backoffice', rol: 'backoffice' },
  { caller: 'auditor', gebruikersnaam: 'auditor', rol: 'auditor' },
  { caller: 'buitenstaander', gebruikersnaam: 'zorgkantoor-proef', rol: 'verstrekker', verstrekker: 'ZK0001' },
];

/** Loads the world's parties, allocations, agreements and claims; fills WORLD.holderIds. */
export async function loadWorld(db: Db): Promise<World> {
  await loadParties(db);
  await load(db, 'toekenningen', csv(ALLOCATION_HEADER, [
    allocation(WORLD.allocations.a, HOLDER.a, 'WMO_HH', '2026-01-01', '2026-12-31', '5000.00', '', 'GM0001'),
    allocation(WORLD.allocations.b, HOLDER.b, 'WLZ', '2026-01-01', '2026-12-31', '8000.00', '', 'ZK0001'),
    allocation(WORLD.allocations.c, HOLDER.c, 'JW', '2026-01-01', '2026-12-31', '3000.00', '', 'GM0001'),
  ]));
  await load(db, 'zorgovereenkomsten', csv(AGREEMENT_HEADER, [
    agreement(WORLD.agreements.a, HOLDER.a, 'ZV1', 'WMO_HH', { rate: '30.00' }),
    agreement(WORLD.agreements.b, HOLDER.b, 'ZV2', 'WLZ', { rate: '25.00', kind: 'familie' }),
    agreement(WORLD.agreements.c, HOLDER.c, 'ZV3', 'JW', { rate: '70.00', kind: 'instelling', status: 'ingediend' }),
  ]));
  await load(db, 'declaraties', csv(CLAIM_HEADER, [
    claimLine(WORLD.claims.a, HOLDER.a, 'ZV1', '2026-10-05', '2', '30.00', { agreement: WORLD.agreements.a }),
    claimLine(WORLD.claims.b, HOLDER.b, 'ZV2', '2026-10-06', '3', '25.00', { agreement: WORLD.agreements.b }),
  ]));
  const r = await db.query<{ id: number; bsn: string }>(`SELECT id, bsn FROM budgethouders WHERE bsn = ANY($1::text[])`, [Object.values(HOLDER)]);
  const id = (bsn: string) => r.rows.find((x) => x.bsn === bsn)!.id;
  WORLD.holderIds = { a: id(HOLDER.a), b: id(HOLDER.b), c: id(HOLDER.c) };
  return WORLD;
}

export async function startApiWorld(opts: ApiWorldOptions = {}): Promise<ApiWorld> {
  const store = await freshDb();
  const { db } = store;
  const logs: string[] = [];
  let app: FastifyInstance | undefined;
  try {
    const world = await loadWorld(db);
    const config = loadConfig({}, { ...opts.config, port: opts.port ?? 0 });
    app = await buildApp({
      db,
      config,
      routes: opts.routes ?? [...ROUTES, ...(opts.extraRoutes ?? [])],
      ...(opts.now ? { now: opts.now } : {}),
      // the log is kept when asked for; with PGB_LOG_FILE (npm test) it is written there too, to be scanned for BSNs and IBANs
      ...(opts.logs || process.env.PGB_LOG_FILE ? { logger: createLogger({ level: 'info', destination: { write: (line: string) => void (opts.logs && logs.push(line)) } }) } : {}),
    });
    const baseUrl = await app.listen({ port: opts.port ?? 0, host: '127.0.0.1' });

    const client = (caller: Caller, creds: { cookie?: string | null; csrfToken?: string | null; bearer?: string | null; principal?: Principal | null }): ApiClient => {
      const request = async (method: string, path: string, o: RequestOptions = {}): Promise<ApiResponse> => {
        const headers: Record<string, string> = { ...(o.headers ?? {}) };
        if (creds.cookie) headers.cookie = `${SESSION_COOKIE}=${creds.cookie}`;
        if (creds.bearer) headers.authorization = `Bearer ${creds.bearer}`;
        if (creds.csrfToken && !o.noCsrf && method !== 'GET') headers['x-csrf-token'] = creds.csrfToken;
        let body: string | undefined;
        if (o.body !== undefined) {
          if (typeof o.body === 'string' && o.contentType) body = o.body;
          else body = JSON.stringify(o.body);
          headers['content-type'] = o.contentType ?? 'application/json';
        }
        const res = await fetch(`${baseUrl}${path}`, { method, headers, body, redirect: 'manual' });
        const text = await res.text();
        let json: unknown = undefined;
        if (/json/.test(res.headers.get('content-type') ?? '') && text) json = JSON.parse(text);
        return { status: res.status, headers: res.headers, text, json };
      };
      return {
        caller,
        principal: creds.principal ?? null,
        cookie: creds.cookie ?? null,
        csrfToken: creds.csrfToken ?? null,
        request,
        get: (path, o) => request('GET', path, o),
        post: (path, body, o) => request('POST', path, { ...o, body }),
        delete: (path, o) => request('DELETE', path, o),
      };
    };

    const signInAs = async (caller: Caller, gebruikersnaam: string, wachtwoord = PASSWORD): Promise<ApiClient> => {
      const res = await client('anoniem', {}).post('/api/sessie', { gebruikersnaam, wachtwoord });
      if (res.status !== 200) throw new Error(`inloggen als ${gebruikersnaam}: ${res.status} ${res.text}`);
      const cookie = sessionCookieOf(res.headers);
      if (!cookie) throw new Error(`inloggen als ${gebruikersnaam}: geen sessiecookie`);
      return client(caller, { cookie, csrfToken: res.json.csrfToken, principal: res.json.principal });
    };

    const clients = new Map<Caller, ApiClient>();
    clients.set('anoniem', client('anoniem', {}));
    const accounts = {} as ApiWorld['accounts'];
    if (!opts.noAccounts) {
      const hash = await hashPassword(PASSWORD);
      for (const a of ACCOUNTS) {
        await createUser(db, {
          gebruikersnaam: a.gebruikersnaam,
          naam: a.gebruikersnaam,
          rol: a.rol,
          wachtwoordHash: hash,
          verstrekker: a.verstrekker,
          zorgverlener: a.zorgverlener,
          budgethouders: a.holders?.map((h) => HOLDER[h]),
          actor: 'test',
        });
        accounts[a.caller] = { gebruikersnaam: a.gebruikersnaam };
      }
      const key = await createApiClient(db, { naam: 'Systeem Gemeente Proef', verstrekker: 'GM0001', actor: 'test', clientId: 'apc_test_gm0001' });
      const bearer = `${key.clientId}.${key.secret}`;
      accounts.verstrekker_systeem = { gebruikersnaam: key.clientId, bearer };
      const who = await client('verstrekker_systeem', { bearer }).get('/api/sessie');
      clients.set('verstrekker_systeem', client('verstrekker_systeem', { bearer, principal: who.json?.principal ?? null }));
      for (const a of ACCOUNTS) clients.set(a.caller, await signInAs(a.caller, a.gebruikersnaam));
    }

    const started = app;
    return {
      app: started,
      db,
      config,
      baseUrl,
      world,
      accounts,
      logs,
      as: (caller) => {
        const c = clients.get(caller);
        if (!c) throw new Error(`geen client voor ${caller}`);
        return c;
      },
      signIn: (caller) => signInAs(caller, accounts[caller].gebruikersnaam),
      client: (creds) => client('anoniem', creds),
      close: async () => {
        await started.close();
        await store.close();
      },
    };
  } catch (e) {
    await app?.close().catch(() => undefined);
    await store.close();
    throw e;
  }
}

/** The value of the session cookie an answer sets (null when it sets none, '' when it clears it). */
export function sessionCookieOf(headers: Headers): string | null {
  for (const c of headers.getSetCookie()) {
    const m = new RegExp(`^${SESSION_COOKIE}=([^;]*)`).exec(c);
    if (m) return m[1]!;
  }
  return null;
}

/** A free TCP port on 127.0.0.1 (for a server whose address must be known before it starts). */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}
