/**
 * The portal served by the API server (src/server/portal.ts): files of the build, the app's
 * index.html for any other page path (the app's router shows it), a strict CSP without inline
 * script or style, a page that says how to build when there is no build, and /api left alone.
 * Runs on a small stand-in build in a temporary directory, so it does not depend on `vite build`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/index.ts';
import { buildApp } from '../../src/server/app.ts';
import { ROUTES } from '../../src/server/routes.ts';
import { freshDb } from '../support/db.ts';

const INDEX = '<!doctype html><html lang="nl"><head><script type="module" src="/assets/app-abc123.js"></script></head><body><div id="app"></div></body></html>';

test('the portal is served at / with a fallback to the app for page paths', async (t) => {
  const store = await freshDb();
  const dir = mkdtempSync(join(tmpdir(), 'pgb-portaal-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), INDEX);
  writeFileSync(join(dir, 'assets', 'app-abc123.js'), 'console.log("portaal")');
  writeFileSync(join(dir, 'robots.txt'), 'User-agent: *\n');
  const empty = mkdtempSync(join(tmpdir(), 'pgb-leeg-'));
  const config = loadConfig({}, { port: 0 });
  const app = await buildApp({ db: store.db, config, routes: ROUTES, portalDir: dir });
  const bare = await buildApp({ db: store.db, config, routes: ROUTES, portalDir: empty });
  try {
    await t.test('index.html at / and for every page path of the app, never cached stale', async () => {
      for (const url of ['/', '/inloggen', '/mijn-pgb/declaraties/D-1', '/verstrekker?x=1']) {
        const r = await app.inject({ method: 'GET', url });
        assert.equal(r.statusCode, 200, url);
        assert.match(r.headers['content-type'] as string, /text\/html/);
        assert.equal(r.body, INDEX);
        assert.equal(r.headers['cache-control'], 'no-cache');
      }
    });

    await t.test('files of the build; hashed assets are kept for a year', async () => {
      const js = await app.inject({ method: 'GET', url: '/assets/app-abc123.js' });
      assert.equal(js.statusCode, 200);
      assert.match(js.headers['content-type'] as string, /javascript/);
      assert.equal(js.headers['cache-control'], 'public, max-age=31536000, immutable');
      const txt = await app.inject({ method: 'GET', url: '/robots.txt' });
      assert.deepEqual([txt.statusCode, txt.headers['cache-control']], [200, 'no-cache']);
    });

    await t.test('a missing file is a 404, not the app; nothing outside the build is reachable', async () => {
      assert.equal((await app.inject({ method: 'GET', url: '/assets/weg-000.js' })).statusCode, 404);
      for (const url of ['/../package.json', '/%2e%2e/package.json', '/assets/..%2f..%2fpackage.json']) {
        const r = await app.inject({ method: 'GET', url });
        assert.ok(r.statusCode === 404 || (r.statusCode === 200 && r.body === INDEX), `${url}: ${r.statusCode}`);
        assert.doesNotMatch(r.body, /"name": "pgb"/);
      }
    });

    await t.test('the strict CSP of the portal: nothing inline, nothing from elsewhere', async () => {
      const r = await app.inject({ method: 'GET', url: '/mijn-pgb' });
      const csp = r.headers['content-security-policy'] as string;
      assert.match(csp, /script-src 'self'(;|$)/);
      assert.match(csp, /style-src 'self'(;|$)/);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https?:/);
      assert.equal(r.headers['x-content-type-options'], 'nosniff');
    });

    await t.test('/api stays the API: unknown paths there are problem+json 404s', async () => {
      for (const url of ['/api/bestaat-niet', '/api']) {
        const r = await app.inject({ method: 'GET', url });
        assert.equal(r.statusCode, 404, url);
        assert.match(r.headers['content-type'] as string, /application\/problem\+json/);
        assert.equal(JSON.parse(r.body).code, 'NIET_GEVONDEN');
        assert.match(r.headers['content-security-policy'] as string, /default-src 'none'/);
      }
      const s = await app.inject({ method: 'GET', url: '/api/inlogopties' });
      assert.deepEqual([s.statusCode, JSON.parse(s.body)], [200, { oidc: false }]);
      // other methods on page paths are not pages
      assert.equal((await app.inject({ method: 'POST', url: '/mijn-pgb', payload: {} })).statusCode, 404);
    });

    await t.test('without a build, / says how to make one', async () => {
      const r = await bare.inject({ method: 'GET', url: '/' });
      assert.equal(r.statusCode, 200);
      assert.match(r.body, /npm run build:portal/);
      assert.equal((await bare.inject({ method: 'GET', url: '/mijn-pgb' })).statusCode, 404);
    });
  } finally {
    await app.close();
    await bare.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(empty, { recursive: true, force: true });
  }
});
