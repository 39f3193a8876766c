/**
 * Sign-in through OpenID Connect, for real: a local oidc-provider (the identity provider a broker
 * for DigiD or eHerkenning would be) on 127.0.0.1, its development login and consent pages
 * submitted like a browser would, the authorization code flow with PKCE through openid-client,
 * ending signed in as the account mapped to (issuer, sub).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { Provider } from 'oidc-provider';
import { STORE } from '../support/db.ts';
import { freePort, startApiWorld, WORLD } from '../support/api.ts';
import { createUser } from '../../src/modules/toegang/index.ts';

/** A browser's cookies for 127.0.0.1 (shared by every port, as browsers do), by name and path. */
class CookieJar {
  private readonly cookies = new Map<string, { value: string; path: string }>();
  store(headers: Headers): void {
    for (const c of headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(';').map((s) => s.trim());
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      const path = attrs.find((a) => /^path=/i.test(a))?.slice(5) ?? '/';
      const gone = attrs.some((a) => /^max-age=0$/i.test(a) || (/^expires=/i.test(a) && new Date(a.slice(8)).getTime() < Date.now()));
      const key = `${name}\n${path}`;
      if (gone || value === '') this.cookies.delete(key);
      else this.cookies.set(key, { value, path });
    }
  }
  header(url: URL): string {
    return [...this.cookies.entries()]
      .filter(([, c]) => url.pathname === c.path || url.pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`))
      .map(([k, c]) => `${k.split('\n')[0]}=${c.value}`)
      .join('; ');
  }
  get(name: string): string | undefined {
    return [...this.cookies.entries()].find(([k]) => k.split('\n')[0] === name)?.[1].value;
  }
}

/** Follows redirects like a browser, with the jar; stops at `stopAt` (the app's own pages). */
async function browse(jar: CookieJar, url: string, init: { method?: string; form?: Record<string, string> } = {}, stopAt?: (u: URL) => boolean): Promise<{ url: URL; res: Response; text: string }> {
  let current = new URL(url);
  let method = init.method ?? 'GET';
  let body: string | undefined = init.form ? new URLSearchParams(init.form).toString() : undefined;
  for (let hops = 0; hops < 20; hops++) {
    const headers: Record<string, string> = { cookie: jar.header(current) };
    if (body) headers['content-type'] = 'application/x-www-form-urlencoded';
    const res = await fetch(current, { method, headers, body, redirect: 'manual' });
    jar.store(res.headers);
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      const next = new URL(location, current);
      if (stopAt?.(next)) return { url: next, res, text: await res.text() };
      current = next;
      method = 'GET';
      body = undefined;
      await res.arrayBuffer();
      continue;
    }
    return { url: current, res, text: await res.text() };
  }
  throw new Error('te veel doorverwijzingen');
}

/** The action of the form on an oidc-provider development page. */
function formAction(html: string, base: URL): URL {
  const m = /<form[^>]*action="([^"]+)"/.exec(html);
  assert.ok(m, `geen formulier in:\n${html.slice(0, 500)}`);
  return new URL(m[1]!.replaceAll('&amp;', '&'), base);
}

async function signInAtProvider(jar: CookieJar, start: string, appOrigin: string, sub: string) {
  const isApp = (u: URL) => u.origin === appOrigin;
  const login = await browse(jar, start, {}, isApp);
  assert.equal(login.res.status, 200, login.text.slice(0, 300));
  assert.match(login.text, /name="login"/);
  let page = await browse(jar, formAction(login.text, login.url).href, { method: 'POST', form: { prompt: 'login', login: sub, password: 'om-het-even' } }, isApp);
  if (!isApp(page.url)) {
    assert.match(page.text, /name="prompt" value="consent"/);
    page = await browse(jar, formAction(page.text, page.url).href, { method: 'POST', form: { prompt: 'consent' } }, isApp);
  }
  assert.ok(isApp(page.url), `terug bij de app, niet ${page.url}`);
  return page.url; // the app's callback URL with code and state
}

test(`sign-in through OpenID Connect with PKCE against a real provider (${STORE})`, async (t) => {
  const appPort = await freePort();
  const appOrigin = `http://127.0.0.1:${appPort}`;
  const idp: Server = createServer();
  await new Promise<void>((r) => idp.listen(0, '127.0.0.1', r));
  const issuer = `http://127.0.0.1:${(idp.address() as { port: number }).port}`;
  const provider = new Provider(issuer, {
    clients: [{
      client_id: 'pgb-platform',
      client_secret: 'geheim-van-de-proefclient-1234567890',
      redirect_uris: [`${appOrigin}/api/oidc/callback`],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_post',
    }],
    findAccount: async (_ctx: unknown, sub: string) => ({ accountId: sub, claims: async () => ({ sub }) }),
    cookies: { keys: ['sleutel-voor-de-cookies-van-de-proefaanbieder'] },
    pkce: { required: () => true },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
  });
  idp.on('request', provider.callback());

  const w = await startApiWorld({
    port: appPort,
    config: {
      oidcIssuer: issuer,
      oidcClientId: 'pgb-platform',
      oidcClientSecret: 'geheim-van-de-proefclient-1234567890',
      oidcRedirectUri: `${appOrigin}/api/oidc/callback`,
    },
  });
  try {
    // M. A.'s DigiD identity at the broker maps to holder A's account
    await createUser(w.db, { gebruikersnaam: 'houder-a-digid', naam: 'Houder A (DigiD)', rol: 'budgethouder', budgethouders: [WORLD.bsn.a], oidc: { issuer, sub: 's-houder-a' }, actor: 'test' });

    await t.test('the sign-in page learns that OpenID Connect is configured', async () => {
      const r = await fetch(`${appOrigin}/api/inlogopties`);
      assert.deepEqual([r.status, await r.json()], [200, { oidc: true }]);
    });

    await t.test('login → provider → callback: signed in as the mapped account, PKCE and state used', async () => {
      const jar = new CookieJar();
      const start = await fetch(`${appOrigin}/api/oidc/login?terug=/portaal/budget`, { redirect: 'manual' });
      assert.equal(start.status, 303);
      jar.store(start.headers);
      const to = new URL(start.headers.get('location')!);
      assert.equal(to.origin, issuer);
      assert.equal(to.searchParams.get('code_challenge_method'), 'S256');
      assert.ok(to.searchParams.get('code_challenge') && to.searchParams.get('state') && to.searchParams.get('nonce'));
      assert.match(start.headers.getSetCookie().join(), /pgb_oidc=.*HttpOnly.*SameSite=Lax/i);

      const callback = await signInAtProvider(jar, to.href, appOrigin, 's-houder-a');
      assert.equal(callback.pathname, '/api/oidc/callback');
      assert.ok(callback.searchParams.get('code'));
      const done = await fetch(callback, { headers: { cookie: jar.header(callback) }, redirect: 'manual' });
      assert.equal(done.status, 303, await done.clone().text());
      assert.equal(done.headers.get('location'), '/portaal/budget');
      jar.store(done.headers);
      const token = jar.get('pgb_sessie');
      assert.ok(token);
      assert.equal(jar.get('pgb_oidc'), undefined, 'the state cookie is cleared');
      const me = await w.client({ cookie: token }).get('/api/sessie');
      assert.equal(me.status, 200);
      assert.deepEqual([me.json.principal.naam, me.json.principal.rol, me.json.principal.budgethouders], ['Houder A (DigiD)', 'budgethouder', [WORLD.holderIds.a]]);
      const audit = await w.db.query<{ details: { methode: string } }>(`SELECT details FROM audit_log WHERE actie = 'sessie.start' ORDER BY id DESC LIMIT 1`);
      assert.equal(audit.rows[0]!.details.methode, 'oidc');

      // the same callback again (a replayed code) signs nobody in
      const replay = await fetch(callback, { headers: { cookie: jar.header(callback) }, redirect: 'manual' });
      assert.equal(replay.status, 401);
    });

    await t.test('a subject without an account, or a callback without its state cookie, is refused', async () => {
      const jar = new CookieJar();
      const start = await fetch(`${appOrigin}/api/oidc/login`, { redirect: 'manual' });
      jar.store(start.headers);
      const callback = await signInAtProvider(jar, start.headers.get('location')!, appOrigin, 's-onbekend');
      const unknown = await fetch(callback, { headers: { cookie: jar.header(callback) }, redirect: 'manual' });
      assert.equal(unknown.status, 401);
      const body = (await unknown.json()) as { code: string; detail: string };
      assert.equal(body.code, 'INLOGGEN_MISLUKT');
      assert.match(body.detail, /geen gebruiker van het platform gekoppeld/);

      const jar2 = new CookieJar();
      const start2 = await fetch(`${appOrigin}/api/oidc/login`, { redirect: 'manual' });
      jar2.store(start2.headers);
      const callback2 = await signInAtProvider(jar2, start2.headers.get('location')!, appOrigin, 's-houder-a');
      const noState = await fetch(callback2, { redirect: 'manual' });
      assert.equal(noState.status, 401);
      assert.match(((await noState.json()) as { detail: string }).detail, /geen inlogpoging/);
      const forged = await fetch(callback2, { headers: { cookie: 'pgb_oidc=eyJ2ZXJpZmllciI6IngifQ.vervalst' }, redirect: 'manual' });
      assert.equal(forged.status, 401);
    });
  } finally {
    await w.close();
    await new Promise<void>((r) => idp.close(() => r()));
  }
});
