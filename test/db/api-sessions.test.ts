/**
 * Signing in and out over real HTTP: password sign-in, sign-out that ends the session on the
 * server, wrong passwords, the rate limit (per user name and per address), a new session token on
 * every sign-in, CSRF, idle and absolute expiry, and machine credentials scoped to their funder.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { STORE } from '../support/db.ts';
import { PASSWORD, sessionCookieOf, startApiWorld } from '../support/api.ts';
import { defineRoute, type RouteSpec } from '../../src/server/route.ts';
import { createApiClient, revokeApiClient, deactivateUser } from '../../src/modules/toegang/index.ts';

let clock = new Date('2026-11-20T10:00:00Z');
const advance = (minutes: number) => {
  clock = new Date(clock.getTime() + minutes * 60_000);
};

/** A state-changing route every role may call: to show CSRF applies to cookies, not to API keys. */
const probe: RouteSpec<any, any, any> = defineRoute({
  method: 'POST',
  url: '/api/test/actie',
  summary: 'proef',
  tags: ['test'],
  access: { roles: ['verstrekker', 'verstrekker_systeem', 'backoffice'] },
  changesState: true,
  body: z.object({ x: z.number() }),
  handler: async ({ principal, actor, body }) => ({ body: { x: body.x, rol: principal?.rol, verstrekker: principal?.verstrekker, actor } }),
});

test(`sessions, CSRF, rate limit, expiry and API keys (${STORE})`, async (t) => {
  const w = await startApiWorld({ extraRoutes: [probe], now: () => clock });
  const anon = w.as('anoniem');
  try {
    await t.test('sign-in sets an HttpOnly, SameSite=Strict cookie and answers who and the CSRF token', async () => {
      const r = await anon.post('/api/sessie', { gebruikersnaam: 'BACKOFFICE', wachtwoord: PASSWORD });
      assert.equal(r.status, 200);
      assert.equal(r.json.principal.rol, 'backoffice');
      assert.match(r.json.csrfToken, /^[A-Za-z0-9_-]{40,}$/);
      const set = r.headers.getSetCookie().find((c) => c.startsWith('pgb_sessie='))!;
      assert.match(set, /HttpOnly/);
      assert.match(set, /SameSite=Strict/);
      assert.match(set, /Path=\//);
      assert.doesNotMatch(set, /Secure/, 'plain http on localhost: no Secure');
      const me = await w.client({ cookie: sessionCookieOf(r.headers)! }).get('/api/sessie');
      assert.equal(me.status, 200);
      assert.equal(me.json.csrfToken, r.json.csrfToken);
      // the token is stored only as its hash
      const stored = await w.db.query<{ id: string }>(`SELECT id FROM sessies`);
      assert.ok(!stored.rows.some((s) => s.id === sessionCookieOf(r.headers)));
    });

    await t.test('sign-out ends the session on the server and clears the cookie', async () => {
      const c = await w.signIn('auditor');
      const out = await c.delete('/api/sessie');
      assert.equal(out.status, 204);
      assert.equal(sessionCookieOf(out.headers), '');
      assert.match(out.headers.getSetCookie().join(), /Max-Age=0/);
      assert.equal((await c.get('/api/sessie')).status, 401, 'the old cookie no longer works');
      const audit = await w.db.query<{ actie: string }>(`SELECT actie FROM audit_log WHERE actie LIKE 'sessie.%' AND actor LIKE 'gebruiker:%(auditor)' ORDER BY id`);
      assert.deepEqual(audit.rows.map((r) => r.actie).slice(-2), ['sessie.start', 'sessie.einde']);
    });

    await t.test('a wrong password or unknown user is a 401 problem and an audit row, never the password', async () => {
      for (const [naam, ww] of [['backoffice', 'fout-wachtwoord-xyz'], ['niemand', 'fout-wachtwoord-abc']] as const) {
        const r = await anon.post('/api/sessie', { gebruikersnaam: naam, wachtwoord: ww });
        assert.equal(r.status, 401);
        assert.equal(r.json.code, 'INLOGGEN_MISLUKT');
        assert.match(r.headers.get('content-type')!, /^application\/problem\+json/);
        assert.equal(sessionCookieOf(r.headers), null);
      }
      const rows = await w.db.query(`SELECT * FROM audit_log WHERE actie = 'sessie.mislukt'`);
      assert.equal(rows.rows.length, 2);
      const everything = JSON.stringify((await w.db.query(`SELECT * FROM audit_log`)).rows) + JSON.stringify((await w.db.query(`SELECT * FROM inlogpogingen`)).rows);
      assert.ok(!everything.includes('fout-wachtwoord'), 'no password in the audit trail or the attempts');
      advance(16); // let these failures leave the window
    });

    await t.test('a new session token on every sign-in; the session the caller came with ends', async () => {
      const first = await w.signIn('verstrekker');
      const second = await w.client({ cookie: first.cookie! }).post('/api/sessie', { gebruikersnaam: 'gemeente-proef', wachtwoord: PASSWORD });
      assert.equal(second.status, 200);
      const token = sessionCookieOf(second.headers)!;
      assert.notEqual(token, first.cookie);
      assert.equal((await first.get('/api/sessie')).status, 401, 'the earlier session was ended');
      assert.equal((await w.client({ cookie: token }).get('/api/sessie')).status, 200);
      // a token planted before sign-in is not adopted
      const planted = 'aangeplant-token-van-een-aanvaller-1234567890';
      const r = await w.client({ cookie: planted }).post('/api/sessie', { gebruikersnaam: 'gemeente-proef', wachtwoord: PASSWORD });
      assert.notEqual(sessionCookieOf(r.headers), planted);
      assert.equal((await w.client({ cookie: planted }).get('/api/sessie')).status, 401);
    });

    await t.test('CSRF: a state-changing request with the cookie needs X-CSRF-Token and, from a browser, its own Origin; an API key does not', async () => {
      const c = await w.signIn('backoffice');
      const without = await c.post('/api/test/actie', { x: 1 }, { noCsrf: true });
      assert.equal(without.status, 403);
      assert.equal(without.json.code, 'CSRF_ONGELDIG');
      const wrong = await c.post('/api/test/actie', { x: 1 }, { noCsrf: true, headers: { 'x-csrf-token': 'verkeerd' } });
      assert.equal(wrong.status, 403);
      assert.equal((await c.delete('/api/sessie', { noCsrf: true })).status, 403, 'no forced sign-out');
      assert.equal((await c.get('/api/sessie')).status, 200, 'the session survived');
      // with the right token, but sent by a page of another site (or a sandboxed one): refused
      for (const origin of ['https://aanvaller.example', 'null', `http://127.0.0.1:1`]) {
        const cross = await c.post('/api/test/actie', { x: 1 }, { headers: { origin } });
        assert.equal(cross.status, 403, origin);
        assert.equal(cross.json.code, 'CSRF_ONGELDIG');
      }
      assert.equal((await c.post('/api/test/actie', { x: 1 }, { headers: { origin: w.baseUrl } })).status, 200, 'the own origin');
      const ok = await c.post('/api/test/actie', { x: 2 });
      assert.equal(ok.status, 200);
      assert.match(ok.json.actor, /^gebruiker:\d+ \(backoffice\)$/);
      const bearer = await w.as('verstrekker_systeem').post('/api/test/actie', { x: 3 });
      assert.equal(bearer.status, 200);
      assert.deepEqual([bearer.json.rol, bearer.json.verstrekker], ['verstrekker_systeem', 'GM0001']);
      assert.equal(bearer.json.actor, 'systeem:apc_test_gm0001 (verstrekker_systeem)');
    });

    await t.test('API keys: scoped to their funder, refused when wrong or revoked, never a session route', async () => {
      const sys = w.as('verstrekker_systeem');
      const me = await sys.get('/api/sessie');
      assert.equal(me.status, 200);
      assert.deepEqual([me.json.principal.rol, me.json.principal.verstrekker, me.json.csrfToken], ['verstrekker_systeem', 'GM0001', null]);
      assert.equal((await sys.delete('/api/sessie')).status, 404, 'a system has no session to end');
      const bad = await w.client({ bearer: 'apc_test_gm0001.verkeerd-geheim-verkeerd-geheim' }).get('/api/sessie');
      assert.equal(bad.status, 401);
      assert.equal(bad.json.code, 'NIET_INGELOGD');
      const other = await createApiClient(w.db, { naam: 'Tijdelijk', verstrekker: 'ZK0001', actor: 'test' });
      const otherClient = w.client({ bearer: `${other.clientId}.${other.secret}` });
      assert.equal((await otherClient.get('/api/sessie')).json.principal.verstrekker, 'ZK0001');
      await revokeApiClient(w.db, { clientId: other.clientId, actor: 'test' });
      assert.equal((await otherClient.get('/api/sessie')).status, 401);
      const stored = await w.db.query<{ secret_hash: string }>(`SELECT secret_hash FROM api_clients WHERE client_id = $1`, [other.clientId]);
      assert.notEqual(stored.rows[0]!.secret_hash, other.secret);
    });

    await t.test('a deactivated user is signed out at once', async () => {
      const c = await w.signIn('zorgverlener');
      await deactivateUser(w.db, { gebruikersnaam: 'zorg-een', actor: 'test' });
      assert.equal((await c.get('/api/sessie')).status, 401);
      assert.equal((await anon.post('/api/sessie', { gebruikersnaam: 'zorg-een', wachtwoord: PASSWORD })).status, 401);
      advance(16);
    });

    await t.test('five failures per user name in 15 minutes: 429 with Retry-After, even with the right password', async () => {
      for (let i = 0; i < 5; i++) {
        assert.equal((await anon.post('/api/sessie', { gebruikersnaam: 'houder-a', wachtwoord: `fout-${i}-xxxxxxxx` })).status, 401);
        advance(1);
      }
      const blocked = await anon.post('/api/sessie', { gebruikersnaam: 'houder-a', wachtwoord: PASSWORD });
      assert.equal(blocked.status, 429);
      assert.equal(blocked.json.code, 'TE_VEEL_POGINGEN');
      assert.equal(blocked.headers.get('retry-after'), String(15 * 60 - 5 * 60));
      advance(11);
      assert.equal((await anon.post('/api/sessie', { gebruikersnaam: 'houder-a', wachtwoord: PASSWORD })).status, 200);
    });

    await t.test('five failures from one address in 15 minutes, over any user names: 429', async () => {
      advance(16);
      for (let i = 0; i < 5; i++) assert.equal((await anon.post('/api/sessie', { gebruikersnaam: `onbekend-${i}`, wachtwoord: 'fout-wachtwoord-1' })).status, 401);
      const blocked = await anon.post('/api/sessie', { gebruikersnaam: 'auditor', wachtwoord: PASSWORD });
      assert.equal(blocked.status, 429);
      assert.ok(Number(blocked.headers.get('retry-after')) > 0);
      advance(16);
      assert.equal((await anon.post('/api/sessie', { gebruikersnaam: 'auditor', wachtwoord: PASSWORD })).status, 200);
    });

    await t.test('a session ends after 30 minutes idle, and after 12 hours however busy', async () => {
      const idle = await w.signIn('backoffice');
      const busy = await w.signIn('auditor');
      advance(29);
      assert.equal((await idle.get('/api/sessie')).status, 200);
      advance(29);
      assert.equal((await idle.get('/api/sessie')).status, 200, 'used 29 minutes ago');
      advance(31);
      assert.equal((await idle.get('/api/sessie')).status, 401, 'idle for 31 minutes');
      // the busy one, used every 20 minutes, lives until 12 hours after sign-in
      assert.equal((await busy.get('/api/sessie')).status, 401, 'it was idle too meanwhile');
      const busy2 = await w.signIn('auditor');
      let last = 200;
      let minutes = 0;
      while (last === 200 && minutes < 13 * 60) {
        advance(20);
        minutes += 20;
        last = (await busy2.get('/api/sessie')).status;
      }
      assert.equal(last, 401);
      assert.equal(minutes, 12 * 60);
    });
  } finally {
    await w.close();
  }
});
