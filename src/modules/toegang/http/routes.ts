/**
 * Signing in and out over HTTP: a session by user name and password (`POST /api/sessie`) or by
 * OpenID Connect (`/api/oidc/login` → the provider → `/api/oidc/callback`), who am I
 * (`GET /api/sessie`) and signing out (`DELETE /api/sessie`). The session token travels only in
 * the HttpOnly cookie `pgb_sessie`; state-changing requests with that cookie also carry
 * `X-CSRF-Token` (the `csrfToken` of the answer).
 */
import { z } from 'zod';
import { oidcSettings, type Config } from '../../../config/index.ts';
import { defineRoute, notFound, ROLES, type CookieToSet, type RouteSpec } from '../../../server/route.ts';
import { HttpProblem } from '../../../server/problem.ts';
import { signIn } from '../use-cases/sign-in.ts';
import { endSessionOf, sessionCaller, type SessionSettings, type StartedSession } from '../use-cases/sessions.ts';
import { finishOidcSignIn, OIDC_STATE_SECONDS, startOidcSignIn } from '../use-cases/oidc-sign-in.ts';
import { USER_ROLES } from '../use-cases/manage-accounts.ts';

export const SESSION_COOKIE = 'pgb_sessie';
export const OIDC_COOKIE = 'pgb_oidc';

const PrincipalSchema = z.object({
  kind: z.enum(['gebruiker', 'systeem']),
  id: z.string(),
  naam: z.string(),
  rol: z.enum(ROLES),
  verstrekker: z.string().nullable().describe('de verstrekker (code) van een verstrekker of verstrekker_systeem'),
  zorgverlener: z.string().nullable().describe('de zorgverlener van een zorgverlener'),
  budgethouders: z.array(z.number().int()).describe('de budgethouders (id) voor wie een budgethouder of vertegenwoordiger handelt'),
});

const SessionSchema = z.object({
  principal: PrincipalSchema,
  csrfToken: z.string().nullable().describe('de waarde voor de kop X-CSRF-Token bij POST, PUT, PATCH en DELETE (null bij een API-sleutel)'),
  verlooptOp: z.string().nullable().describe('uiterlijk einde van de sessie (ISO 8601); eerder na 30 minuten zonder verzoek'),
});

function settings(config: Config): SessionSettings {
  return { idleMinutes: config.sessionIdleMinutes, maxHours: config.sessionMaxHours };
}

function secret(config: Config): string {
  if (!config.sessionSecret) throw new Error('sessionSecret ontbreekt: buildApp vult het in');
  return config.sessionSecret;
}

function sessionCookie(s: StartedSession, config: Config): CookieToSet {
  return { name: SESSION_COOKIE, value: s.token, maxAge: config.sessionMaxHours * 3600, sameSite: 'strict', path: '/' };
}

const clearSessionCookie: CookieToSet = { name: SESSION_COOKIE, value: '', maxAge: 0, sameSite: 'strict', path: '/' };

function sessionBody(s: StartedSession) {
  return { principal: s.principal, csrfToken: s.csrfToken, verlooptOp: s.verlooptOp.toISOString() };
}

function cookie(cookies: Record<string, string | undefined>, name: string): string | undefined {
  return cookies[name] || undefined;
}

export const toegangRoutes: RouteSpec<any, any, any>[] = [
  defineRoute({
    method: 'POST',
    url: '/api/sessie',
    summary: 'Inloggen met gebruikersnaam en wachtwoord (zet de cookie pgb_sessie)',
    tags: ['toegang'],
    access: 'public',
    changesState: true,
    body: z.object({ gebruikersnaam: z.string().min(1).max(100), wachtwoord: z.string().min(1).max(256) }),
    response: { 200: SessionSchema },
    handler: async ({ db, config, body, now, request }) => {
      const r = await signIn(db, { ...body, ip: request.ip, now, settings: settings(config), previousToken: cookie(request.cookies, SESSION_COOKIE) });
      if (!r.ok) {
        if (r.reason === 'te_veel_pogingen') {
          throw new HttpProblem('TE_VEEL_POGINGEN', 'te veel mislukte inlogpogingen voor deze gebruikersnaam of vanaf dit adres', { headers: { 'retry-after': String(r.retryAfterSeconds) } });
        }
        throw new HttpProblem('INLOGGEN_MISLUKT', 'de gebruikersnaam of het wachtwoord klopt niet');
      }
      return { body: sessionBody(r.session), cookies: [sessionCookie(r.session, config)] };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/sessie',
    summary: 'Wie ben ik: de ingelogde gebruiker of het systeem, met het CSRF-token van de sessie',
    tags: ['toegang'],
    access: { roles: ROLES },
    response: { 200: SessionSchema },
    handler: async ({ db, config, principal, now, request }) => {
      if (!principal) notFound();
      if (principal.kind === 'systeem') return { body: { principal, csrfToken: null, verlooptOp: null } };
      const token = cookie(request.cookies, SESSION_COOKIE);
      const s = token ? await sessionCaller(db, token, now, settings(config)) : null;
      if (!s) notFound();
      return { body: { principal: s.principal, csrfToken: s.csrfToken, verlooptOp: s.verlooptOp.toISOString() } };
    },
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/sessie',
    summary: 'Uitloggen: beëindigt de sessie op de server en wist de cookie',
    tags: ['toegang'],
    access: { roles: USER_ROLES },
    changesState: true,
    response: { 204: z.undefined().describe('uitgelogd; de cookie is gewist') },
    handler: async ({ db, principal, now, request }) => {
      const token = cookie(request.cookies, SESSION_COOKIE);
      if (token) await endSessionOf(db, { token, principal, ip: request.ip, now });
      return { status: 204, cookies: [clearSessionCookie] };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/inlogopties',
    summary: 'Hoe men kan inloggen: of OpenID Connect (DigiD, eHerkenning via een makelaar) is ingesteld; voor de inlogpagina van het portaal',
    tags: ['toegang'],
    access: 'public',
    response: { 200: z.object({ oidc: z.boolean().describe('true: GET /api/oidc/login werkt') }) },
    handler: async ({ config }) => ({ body: { oidc: oidcSettings(config) !== undefined } }),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/oidc/login',
    summary: 'Inloggen via OpenID Connect (DigiD, eHerkenning via een makelaar): stuurt door naar de identiteitsaanbieder',
    tags: ['toegang'],
    access: 'public',
    query: z.object({ terug: z.string().max(500).optional().describe('pad op deze server om na het inloggen naartoe te gaan') }),
    response: { 303: z.undefined().describe('door naar de identiteitsaanbieder') },
    handler: async ({ config, query, now }) => {
      const s = oidcSettings(config);
      if (!s) notFound('inloggen via OpenID Connect is op deze server niet ingesteld');
      const r = await startOidcSignIn(s, { terug: query.terug, secret: secret(config), now });
      return {
        status: 303,
        headers: { location: r.redirectTo, 'cache-control': 'no-store' },
        cookies: [{ name: OIDC_COOKIE, value: r.stateCookie, maxAge: OIDC_STATE_SECONDS, sameSite: 'lax', path: '/api/oidc' }],
      };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/oidc/callback',
    summary: 'Terugkeer van de identiteitsaanbieder: start de sessie en stuurt door naar het gevraagde pad',
    tags: ['toegang'],
    access: 'public',
    changesState: true,
    query: z.looseObject({
      code: z.string().optional(),
      state: z.string().optional(),
      iss: z.string().optional(),
      error: z.string().optional(),
      error_description: z.string().optional(),
    }),
    response: { 303: z.undefined().describe('ingelogd: door naar het gevraagde pad (cookie pgb_sessie gezet)') },
    handler: async ({ db, config, query, now, request }) => {
      const s = oidcSettings(config);
      if (!s) notFound('inloggen via OpenID Connect is op deze server niet ingesteld');
      const r = await finishOidcSignIn(db, s, {
        query: Object.fromEntries(Object.entries(query as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string')),
        stateCookie: cookie(request.cookies, OIDC_COOKIE),
        secret: secret(config),
        ip: request.ip,
        now,
        settings: settings(config),
        previousToken: cookie(request.cookies, SESSION_COOKIE),
      });
      if (!r.ok) {
        const why = {
          geen_poging: 'er loopt geen inlogpoging (meer) vanuit deze browser; begin opnieuw bij /api/oidc/login',
          geweigerd: 'de identiteitsaanbieder heeft het inloggen niet bevestigd',
          onbekende_gebruiker: 'aan deze inlog is geen gebruiker van het platform gekoppeld; vraag de beheerder om een account',
        }[r.reason];
        throw new HttpProblem('INLOGGEN_MISLUKT', why);
      }
      return {
        status: 303,
        headers: { location: r.terug, 'cache-control': 'no-store' },
        cookies: [sessionCookie(r.session, config), { name: OIDC_COOKIE, value: '', maxAge: 0, sameSite: 'lax', path: '/api/oidc' }],
      };
    },
  }),
];
