/**
 * The HTTP server: Fastify with the routes of `ROUTES` (each a `RouteSpec`, see route.ts) and
 * everything around them, in the order a request meets it:
 *
 * 1. security headers (helmet; a strict CSP, a looser one only for the docs page);
 * 2. who is calling: a machine credential (`Authorization: Bearer <client_id>.<secret>`) or the
 *    session cookie `pgb_sessie`;
 * 3. the route's `access`: anonymous → 401, a role the route does not name → 404 (never 403);
 * 4. CSRF: a POST/PUT/PATCH/DELETE authenticated by the cookie needs `X-CSRF-Token` and, when the
 *    browser sends `Origin`, this server's own origin;
 * 5. the body: JSON (1 MB), or text/csv and application/xml as a string (50 MB);
 * 6. `Idempotency-Key` on POST: a repeated key replays the first answer (idempotency.ts);
 * 7. validation by the route's zod schemas (the same schemas make the OpenAPI document);
 * 8. the handler, whose `HandlerResult` becomes the reply;
 * 9. any error as application/problem+json (problem.ts, the one place that maps errors).
 *
 * `/api/openapi.json` serves the OpenAPI 3.1 document, `/api/docs` a readable page of it.
 */
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest, type RouteOptions } from 'fastify';
import helmet from '@fastify/helmet';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import scalar from '@scalar/fastify-api-reference';
import { serializerCompiler, jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Logger } from 'pino';
import type { Db } from '../db/connection.ts';
import { cookiesSecure, type Config } from '../config/index.ts';
import { bearerCaller, sessionCaller, SESSION_COOKIE } from '../modules/toegang/index.ts';
import { newToken, sameSecret } from '../modules/toegang/core/tokens.ts';
import { ROLES, type HandlerResult, type Principal, type RouteSpec } from './route.ts';
import { actorOf } from './scope.ts';
import { HttpProblem, PROBLEM_CONTENT_TYPE, problemFor, ProblemSchema, type ValidationItem } from './problem.ts';
import { claimKey, releaseKey, requestHash, storeAnswer } from './idempotency.ts';
import { DEFAULT_PORTAL_DIR, registerPortal } from './portal.ts';

export interface BuildAppOptions {
  db: Db;
  config: Config;
  routes: readonly RouteSpec<any, any, any>[];
  /** a pino logger (createLogger in logger.ts); without one the server logs nothing */
  logger?: Logger;
  /** the clock, for tests */
  now?: () => Date;
  /** the built portal to serve at / (default dist/portal; null serves none) */
  portalDir?: string | null;
}

/** How a request proved who it is. */
interface Caller {
  principal: Principal;
  via: 'sessie' | 'bearer';
  csrfToken: string | null;
}

interface IdempotencyState {
  caller: string;
  key: string;
  handled: boolean;
}

interface RouteConfig {
  access: RouteSpec['access'];
  spec?: RouteSpec<any, any, any>;
}

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller | null;
    idempotency: IdempotencyState | null;
  }
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const RAW_BODY_LIMIT = 50 * 1024 * 1024;
const DOCS_PREFIX = '/api/docs';
const OPENAPI_URL = '/api/openapi.json';

/** The API answers only JSON and files: nothing may run, load or frame. */
const API_CSP = {
  defaultSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
  frameAncestors: ["'none'"],
};

/** The docs page (Scalar, served from this server) needs its inline bootstrap script and styles. */
const DOCS_CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const zodNl = z.locales.nl().localeError;

// control characters other than tab and line breaks: never in what a person typed, and PostgreSQL refuses NUL
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** The position of the first half of a surrogate pair that stands alone (not Unicode text: PostgreSQL's json refuses it), or -1. */
function loneSurrogate(s: string): number {
  if (s.isWellFormed()) return -1;
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    if (u >= 0xd800 && u <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
    else if (u >= 0xd800 && u <= 0xdfff) return i;
  }
  return -1;
}

/** Every string in a request part that holds a control character or is not Unicode text, as validation items. */
function controlCharacters(data: unknown, path: string, out: ValidationItem[], depth = 0): void {
  if (out.length >= 10 || depth > 64) return;
  if (typeof data === 'string') {
    const c = CONTROL.exec(data);
    const lone = loneSurrogate(data);
    if (c) out.push({ instancePath: path, message: `bevat een stuurteken (U+${c[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')})`, keyword: 'stuurteken', schemaPath: '', params: {} });
    else if (lone >= 0) out.push({ instancePath: path, message: `is geen geldige tekst: een los surrogaatteken (U+${data.charCodeAt(lone).toString(16).toUpperCase()}) op positie ${lone + 1}`, keyword: 'surrogaat', schemaPath: '', params: {} });
  } else if (Array.isArray(data)) data.forEach((v, i) => controlCharacters(v, `${path}/${i}`, out, depth + 1));
  else if (data && typeof data === 'object') for (const [k, v] of Object.entries(data)) controlCharacters(v, `${path}/${k}`, out, depth + 1);
}

/** Request validation with zod, messages in Dutch (a schema's own message wins); control characters and broken text are refused first. */
function validatorCompiler({ schema }: { schema: unknown }) {
  return (data: unknown) => {
    const control: ValidationItem[] = [];
    controlCharacters(data, '', control);
    if (control.length > 0) return { error: control as never };
    const r = (schema as z.ZodType).safeParse(data, { error: zodNl });
    if (r.success) return { value: r.data };
    const items: ValidationItem[] = r.error.issues.map((i) => ({
      instancePath: `/${i.path.map(String).join('/')}`,
      message: i.message,
      keyword: i.code,
      schemaPath: '',
      params: {},
    }));
    return { error: items as never };
  };
}

function isDocsUrl(url: string): boolean {
  return url === DOCS_PREFIX || url.startsWith(`${DOCS_PREFIX}/`);
}

/** Refuses a route that says nothing about who may call it (or names an unknown role). */
export function checkAccess(spec: { method: string; url: string; access: unknown }): void {
  const where = `${spec.method} ${spec.url}`;
  const a = spec.access as unknown;
  if (a === 'public') return;
  if (!a || typeof a !== 'object' || !Array.isArray((a as { roles?: unknown }).roles)) {
    throw new Error(`route ${where} zegt niet wie haar mag aanroepen: geef access ('public' of { roles: [...] })`);
  }
  const roles = (a as { roles: unknown[] }).roles;
  if (roles.length === 0) throw new Error(`route ${where}: access.roles is leeg`);
  for (const r of roles) if (!(ROLES as readonly unknown[]).includes(r)) throw new Error(`route ${where}: onbekende rol '${String(r)}'`);
}

export async function buildApp(o: BuildAppOptions): Promise<FastifyInstance> {
  const { db } = o;
  const config: Config = { ...o.config, sessionSecret: o.config.sessionSecret ?? newToken(32) };
  const now = o.now ?? (() => new Date());
  const secure = cookiesSecure(config);
  const sessionSettings = { idleMinutes: config.sessionIdleMinutes, maxHours: config.sessionMaxHours };

  const app: FastifyInstance = Fastify({
    ...(o.logger ? { loggerInstance: o.logger as FastifyBaseLogger } : {}),
    trustProxy: config.trustProxy,
    exposeHeadRoutes: false,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('caller', null);
  app.decorateRequest('idempotency', null);

  // every route says who may call it; only the documentation page's own routes are exempt
  app.addHook('onRoute', (route) => {
    const cfg = route.config as unknown as RouteConfig | undefined;
    if (isDocsUrl(route.url)) return;
    checkAccess({ method: String(route.method), url: route.url, access: cfg?.access });
  });

  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: API_CSP },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    referrerPolicy: { policy: 'no-referrer' },
  });
  await app.register(cookie);

  for (const type of ['text/csv', 'application/xml', 'text/xml']) {
    app.addContentTypeParser(type, { parseAs: 'string', bodyLimit: RAW_BODY_LIMIT }, (_req, body, done) => done(null, body));
  }

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'PGB-platform API',
        version: '1',
        description:
          'De API van het pgb-trekkingsrecht. Inloggen met een sessie (cookie pgb_sessie, plus de kop X-CSRF-Token bij wijzigingen) ' +
          'of, voor systemen van ketenpartners, met een API-sleutel (`Authorization: Bearer CLIENT_ID.GEHEIM`). ' +
          'Wat u niet mag zien, antwoordt 404. Fouten zijn application/problem+json (RFC 9457). Elke POST accepteert een Idempotency-Key.',
      },
      tags: [...new Set(o.routes.flatMap((r) => r.tags))].sort().map((name) => ({ name })),
      components: {
        securitySchemes: {
          sessie: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'na POST /api/sessie of /api/oidc/login' },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token', description: 'csrfToken uit de sessie; bij POST, PUT, PATCH en DELETE met de cookie' },
          apiSleutel: { type: 'http', scheme: 'bearer', bearerFormat: 'CLIENT_ID.GEHEIM', description: 'systemen van verstrekkers (rol verstrekker_systeem)' },
        },
        schemas: { Probleem: z.toJSONSchema(ProblemSchema, { target: 'draft-2020-12' }) as never },
      },
    },
    transform: (input) => documentRoute(input as never),
    transformObject: jsonSchemaTransformObject,
  });

  app.setErrorHandler((err, req, reply) => {
    const p = problemFor(err, req.url.split('?')[0]!);
    if (p.unexpected) {
      const e = err as { name?: string; message?: string; stack?: string; code?: string };
      req.log.error({ err: { type: e.name, message: e.message, stack: e.stack, code: e.code } }, 'onverwachte fout');
    }
    else if (p.body.status >= 500) req.log.error({ code: p.body.code, detail: p.body.detail }, 'fout');
    return reply.code(p.body.status).headers(p.headers).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(p.body));
  });
  const answerNotFound = (reply: FastifyReply, method: string, path: string) => {
    const p = problemFor(new HttpProblem('NIET_GEVONDEN', `${method} ${path} bestaat niet`), path);
    return reply.code(404).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(p.body));
  };
  app.setNotFoundHandler((req, reply) => answerNotFound(reply, req.method, req.url.split('?')[0]!));

  // ---- the hooks of every API route

  async function authenticate(req: FastifyRequest): Promise<void> {
    const { access } = req.routeOptions.config as unknown as RouteConfig;
    const auth = req.headers.authorization;
    let caller: Caller | null = null;
    if (auth !== undefined) {
      const p = await bearerCaller(db, auth);
      if (p) caller = { principal: p, via: 'bearer', csrfToken: null };
    } else {
      const token = req.cookies[SESSION_COOKIE];
      const s = token ? await sessionCaller(db, token, now(), sessionSettings) : null;
      if (s) caller = { principal: s.principal, via: 'sessie', csrfToken: s.csrfToken };
    }
    const csrfOk = !caller || caller.via === 'bearer' || !STATE_CHANGING.has(req.method) || csrfMatches(req, caller);
    if (access === 'public') {
      // a public route sees the caller only where a forged cross-site request could not have made it
      req.caller = csrfOk ? caller : null;
      return;
    }
    if (!caller) {
      throw new HttpProblem('NIET_INGELOGD', auth !== undefined ? 'de API-sleutel is onbekend, ingetrokken of onjuist' : 'u bent niet ingelogd of uw sessie is verlopen', {
        headers: { 'www-authenticate': 'Bearer realm="pgb"' },
      });
    }
    if (!access.roles.includes(caller.principal.rol)) throw new HttpProblem('NIET_GEVONDEN', `${req.method} ${req.url.split('?')[0]} bestaat niet`);
    if (!csrfOk) throw new HttpProblem('CSRF_ONGELDIG', 'dit verzoek mist het CSRF-token van uw sessie');
    req.caller = caller;
  }

  async function startIdempotency(req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
    if (req.method !== 'POST') return undefined;
    const key = req.headers['idempotency-key'];
    if (key === undefined) return undefined;
    if (typeof key !== 'string' || !/^[\x21-\x7e]{1,255}$/.test(key)) {
      throw new HttpProblem('INVOER_ONGELDIG', 'de kop Idempotency-Key moet 1 tot 255 zichtbare ASCII-tekens zijn');
    }
    // anonymous requests (signing in) are not kept: their answers hold session secrets
    if (!req.caller) return undefined;
    const caller = `${req.caller.principal.kind}:${req.caller.principal.id}`;
    const path = req.url.split('?')[0]!;
    const claim = await claimKey(db, { caller, key, method: req.method, path, hash: requestHash(req.method, req.url, req.body), now: now() });
    switch (claim.kind) {
      case 'new':
        req.idempotency = { caller, key, handled: false };
        return undefined;
      case 'busy':
        throw new HttpProblem('IDEMPOTENTIE_IN_BEHANDELING', 'een verzoek met deze Idempotency-Key wordt nog behandeld', { headers: { 'retry-after': '1' } });
      case 'other-request':
        throw new HttpProblem('IDEMPOTENTIE_ANDERE_INHOUD', `deze Idempotency-Key is al gebruikt voor een ander verzoek (${claim.method} ${claim.path} met andere inhoud)`);
      case 'replay':
        if (claim.contentType) reply.type(claim.contentType);
        return reply.code(claim.status).headers(claim.headers).header('idempotent-replayed', 'true').send(claim.payload);
    }
  }

  async function finishIdempotency(req: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
    const state = req.idempotency;
    if (!state) return payload;
    req.idempotency = null;
    const keep = state.handled && reply.statusCode < 500 && !reply.hasHeader('set-cookie') && (payload == null || typeof payload === 'string' || Buffer.isBuffer(payload));
    if (!keep) {
      await releaseKey(db, state);
      return payload;
    }
    const headers: Record<string, string> = {};
    for (const h of ['location', 'content-disposition', 'retry-after']) {
      const v = reply.getHeader(h);
      if (typeof v === 'string') headers[h] = v;
    }
    const type = reply.getHeader('content-type');
    await storeAnswer(db, { ...state, status: reply.statusCode, contentType: typeof type === 'string' ? type : null, headers, payload: (payload as string | Buffer | null) ?? null });
    return payload;
  }

  async function abandonIdempotency(req: FastifyRequest): Promise<void> {
    const state = req.idempotency;
    if (state) {
      req.idempotency = null;
      await releaseKey(db, state);
    }
  }

  function checkRawBody(spec: RouteSpec<any, any, any>) {
    return async (req: FastifyRequest): Promise<void> => {
      const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      const wanted: string[] = spec.rawBody === 'application/xml' ? ['application/xml', 'text/xml'] : [spec.rawBody ?? ''];
      if (!wanted.includes(type)) throw new HttpProblem('MEDIATYPE_ONBEKEND', `deze route verwacht Content-Type ${spec.rawBody}`);
    };
  }

  function send(reply: FastifyReply, r: HandlerResult): FastifyReply {
    for (const c of r.cookies ?? []) {
      reply.setCookie(c.name, c.value, {
        path: c.path ?? '/',
        httpOnly: true,
        secure: secure,
        sameSite: c.sameSite ?? 'strict',
        maxAge: c.maxAge,
        ...(c.maxAge === 0 ? { expires: new Date(0) } : {}),
      });
    }
    if (r.headers) reply.headers(r.headers);
    if (r.raw) {
      reply.type(r.raw.contentType);
      if (r.raw.filename) reply.header('content-disposition', contentDisposition(r.raw.filename));
      return reply.code(r.status ?? 200).send(r.raw.data);
    }
    if (r.body === undefined) return reply.code(r.status ?? 204).send();
    return reply.code(r.status ?? 200).send(r.body);
  }

  function register(spec: RouteSpec<any, any, any>): void {
    checkAccess(spec);
    const route: RouteOptions = {
      method: spec.method,
      url: spec.url,
      config: { access: spec.access, spec } satisfies RouteConfig as never,
      schema: {
        summary: spec.summary,
        tags: spec.tags,
        ...(spec.body ? { body: spec.body } : spec.rawBody ? { body: z.string() } : {}),
        ...(spec.params ? { params: spec.params } : {}),
        ...(spec.query ? { querystring: spec.query } : {}),
        ...(spec.response ? { response: spec.response } : {}),
        ...(spec.rawBody ? { consumes: [spec.rawBody] } : {}),
      } as never,
      onRequest: authenticate,
      preValidation: [...(spec.rawBody ? [checkRawBody(spec)] : []), startIdempotency],
      onSend: finishIdempotency,
      onResponse: abandonIdempotency,
      onRequestAbort: abandonIdempotency,
      handler: async (req, reply) => {
        if (req.idempotency) req.idempotency.handled = true;
        const principal = req.caller?.principal ?? null;
        const result = await spec.handler({
          principal,
          body: req.body,
          params: req.params,
          query: req.query,
          db,
          config,
          actor: actorOf(principal),
          now: now(),
          request: { ip: req.ip, headers: req.headers, cookies: req.cookies },
        });
        return send(reply, result);
      },
    };
    app.route(route);
  }

  for (const spec of o.routes) register(spec);

  app.get(OPENAPI_URL, { schema: { hide: true }, config: { access: 'public' } satisfies RouteConfig as never }, async (_req, reply) => {
    return reply.type('application/json; charset=utf-8').send(JSON.stringify(app.swagger()));
  });

  await app.register(scalar, {
    routePrefix: DOCS_PREFIX,
    // a government API's documentation: no vendor AI chat, MCP generator or developer toolbar
    configuration: { url: OPENAPI_URL, pageTitle: 'PGB-platform API', withDefaultFonts: false, hideClientButton: true, showDeveloperTools: 'never', agent: { disabled: true }, mcp: { disabled: true } },
    hooks: {
      onRequest: async (_req, reply) => {
        reply.header('content-security-policy', DOCS_CSP);
      },
    },
    logLevel: 'warn',
  });

  if (o.portalDir !== null) await registerPortal(app, o.portalDir ?? DEFAULT_PORTAL_DIR, (reply, path) => answerNotFound(reply, 'GET', path));

  await app.ready();
  return app;
}

/** `attachment; filename="…"` with an ASCII fallback and the UTF-8 name (RFC 6266). */
function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

function csrfMatches(req: FastifyRequest, caller: Caller): boolean {
  const header = req.headers['x-csrf-token'];
  return typeof header === 'string' && caller.csrfToken !== null && sameSecret(header, caller.csrfToken) && sameOrigin(req);
}

/** A browser names the page a request came from (`Origin`): it must be this server's own (behind a trusted proxy, its forwarded host). */
function sameOrigin(req: FastifyRequest): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true; // not a browser, or a browser that does not say: the token decides
  try {
    return new URL(origin).host === req.host;
  } catch {
    return false; // 'null' (a sandboxed page, a redirect across sites) or garbage
  }
}

// ---- the OpenAPI document

const PROBLEM_RESPONSE = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Probleem' } } },
});

/**
 * Per route: zod → JSON Schema (fastify-type-provider-zod), then who may call it (security, the
 * roles in the description), the Idempotency-Key header on POST, and the problems it can answer.
 */
function documentRoute(input: { schema: Record<string, unknown>; url: string; route: RouteOptions; openapiObject: unknown }) {
  const out = jsonSchemaTransform(input as never) as { schema: Record<string, any>; url: string };
  if (out.schema.hide) return out;
  const cfg = input.route.config as unknown as RouteConfig | undefined;
  const spec = cfg?.spec;
  if (!spec) return out;
  const schema = out.schema;
  const isPublic = spec.access === 'public';
  const roles = isPublic ? [] : (spec.access as { roles: readonly string[] }).roles;
  const changes = STATE_CHANGING.has(spec.method);
  schema.operationId = `${spec.method.toLowerCase()}${spec.url.replace(/[:/{}]+(\w)/g, (_m, c: string) => c.toUpperCase()).replace(/\W/g, '')}`;
  schema.description = [
    isPublic ? 'Toegang: iedereen.' : `Toegang: ${roles.join(', ')}; andere rollen krijgen 404.`,
    changes && !isPublic ? 'Met de sessiecookie ook de kop X-CSRF-Token.' : '',
    spec.method === 'POST' && !isPublic ? 'Accepteert Idempotency-Key: dezelfde sleutel met dezelfde inhoud geeft het eerste antwoord opnieuw.' : '',
  ].filter(Boolean).join(' ');
  if (isPublic) schema.security = [];
  else {
    const security: Record<string, string[]>[] = [];
    if (roles.some((r) => r !== 'verstrekker_systeem')) security.push(changes ? { sessie: [], csrf: [] } : { sessie: [] });
    if (roles.includes('verstrekker_systeem')) security.push({ apiSleutel: [] });
    schema.security = security;
  }
  if (spec.method === 'POST') {
    schema.headers = {
      type: 'object',
      properties: { 'idempotency-key': { type: 'string', minLength: 1, maxLength: 255, description: 'herhaal een verzoek veilig: dezelfde sleutel en inhoud geven het eerste antwoord' } },
    };
  }
  const response: Record<string, unknown> = { ...(schema.response ?? {}) };
  if (!Object.keys(response).some((k) => k.startsWith('2'))) {
    response[String(spec.method === 'DELETE' ? 204 : 200)] = { description: 'gelukt', type: 'null' };
  }
  if (spec.body || spec.query || spec.params || spec.rawBody) response['400'] ??= PROBLEM_RESPONSE('INVOER_ONGELDIG: het verzoek klopt niet; problems noemt elk onderdeel');
  if (!isPublic) {
    response['401'] ??= PROBLEM_RESPONSE('NIET_INGELOGD: geen geldige sessie of API-sleutel');
    if (changes) response['403'] ??= PROBLEM_RESPONSE('CSRF_ONGELDIG: de kop X-CSRF-Token ontbreekt of klopt niet');
  }
  response['404'] ??= PROBLEM_RESPONSE('NIET_GEVONDEN: bestaat niet, of u mag het niet zien');
  if (spec.method === 'POST') {
    response['409'] ??= PROBLEM_RESPONSE('CONFLICT of IDEMPOTENTIE_IN_BEHANDELING');
    response['422'] ??= PROBLEM_RESPONSE('IDEMPOTENTIE_ANDERE_INHOUD: de Idempotency-Key hoorde bij een ander verzoek');
  }
  if (spec.rawBody) response['415'] ??= PROBLEM_RESPONSE(`MEDIATYPE_ONBEKEND: stuur ${spec.rawBody}`);
  response['500'] ??= PROBLEM_RESPONSE('INTERNE_FOUT');
  schema.response = response;
  return out;
}
