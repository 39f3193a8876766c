/**
 * SQL injection through every search and filter parameter (issue #7, OWASP basics): each query
 * parameter of every GET route (the keys of its query schema) gets quotes, `' OR 1=1--`, a
 * stacked `; DROP TABLE`, a UNION, LIKE wildcards and look-alike Unicode quotes, as a caller the
 * route admits (and every answer carries the security headers). None may answer a 5xx, none may return more rows than a value that matches
 * nothing, and afterwards every table is still there with the same rows.
 *
 * The other OWASP basics have their tests already: security headers on API answers
 * (test/db/api-platform.test.ts) and on the portal (test/db/api-portal.test.ts), session fixation
 * and sign-out ending the session on the server, CSRF (test/db/api-sessions.test.ts), who may see
 * what (test/db/api-access-matrix.test.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startApiWorld, type Caller } from '../support/api.ts';
import { ROUTE_SAMPLES } from '../support/route-samples.ts';
import { stateCounts, STORE } from '../support/db.ts';
import { ROUTES } from '../../src/server/routes.ts';
import type { Role } from '../../src/server/route.ts';

const PAYLOADS = [
  "'",
  "''",
  '"',
  '\\',
  "' OR 1=1--",
  "' OR '1'='1",
  "x' OR 'x'='x",
  "1 OR 1=1",
  "'; DROP TABLE budgethouders;--",
  "1; DELETE FROM declaraties",
  "' UNION SELECT bsn, naam, null FROM budgethouders--",
  '%',
  '_',
  "%' OR '%'='",
  '\u02bc OR 1=1--',
  '\uff07 OR 1=1--',
  '$1',
  "' || pg_sleep(5) || '",
];
const NO_MATCH = 'zzqqxx-geen-treffer';

const PREFERRED: Caller[] = ['backoffice', 'verstrekker', 'auditor', 'budgethouder', 'zorgverlener', 'verstrekker_systeem', 'vertegenwoordiger'];

/** How many rows an answer holds: its own length when a list, else its largest list. */
function rows(body: unknown): number {
  if (Array.isArray(body)) return body.length;
  if (body && typeof body === 'object') return Math.max(0, ...Object.values(body).map((v) => (Array.isArray(v) ? v.length : 0)));
  return 0;
}

test(`SQL injection through every query parameter of every GET route: no 5xx, no extra rows, nothing changed (${STORE})`, async (t) => {
  const w = await startApiWorld();
  try {
    const before = await stateCounts(w.db);
    let tried = 0;
    const params: string[] = [];
    for (const spec of ROUTES) {
      if (spec.method !== 'GET' || spec.access === 'public') continue;
      const shape = (spec.query as unknown as { shape?: Record<string, unknown> } | undefined)?.shape;
      if (!shape) continue;
      const sample = ROUTE_SAMPLES[`${spec.method} ${spec.url}`] ?? {};
      const roles = spec.access.roles as readonly Role[];
      const caller = PREFERRED.find((c) => roles.includes(c as Role) && !sample.expect?.[c]) ?? PREFERRED.find((c) => roles.includes(c as Role))!;
      const pathParams = typeof sample.params === 'function' ? sample.params(w.world) : (sample.params ?? {});
      const url = spec.url.replace(/:(\w+)/g, (_m, p: string) => encodeURIComponent(String(pathParams[p])));
      const baseQuery = typeof sample.query === 'function' ? sample.query(w.world) : (sample.query ?? {});
      const client = w.as(caller);
      for (const key of Object.keys(shape)) {
        params.push(`${spec.url}?${key}`);
        const get = (value: string) => client.get(`${url}?${new URLSearchParams({ ...baseQuery, [key]: value })}`);
        const benign = await get(NO_MATCH);
        assert.ok(benign.status < 500, `${spec.url}?${key}=${NO_MATCH}: ${benign.status} ${benign.text.slice(0, 200)}`);
        // the security headers on every answer of every route, downloads too
        assert.equal(benign.headers.get('x-powered-by'), null, spec.url);
        assert.equal(benign.headers.get('x-content-type-options'), 'nosniff', spec.url);
        assert.match(benign.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/, spec.url);
        assert.equal(benign.headers.get('referrer-policy'), 'no-referrer', spec.url);
        assert.ok(benign.headers.get('strict-transport-security'), spec.url);
        for (const payload of PAYLOADS) {
          tried++;
          const started = Date.now();
          const r = await get(payload);
          assert.ok(r.status < 500, `${spec.url}?${key}=${payload}: ${r.status} ${r.text.slice(0, 300)}`);
          assert.ok(Date.now() - started < 4000, `${spec.url}?${key}=${payload}: took ${Date.now() - started} ms (pg_sleep?)`);
          if (r.status === 200 && benign.status === 200 && r.json !== undefined) {
            assert.ok(rows(r.json) <= rows(benign.json), `${spec.url}?${key}=${payload}: ${rows(r.json)} rows where a value matching nothing gives ${rows(benign.json)}`);
          }
        }
      }
    }
    assert.ok(params.length >= 10, `query parameters found: ${params.join(', ')}`);
    assert.deepEqual(await stateCounts(w.db), before, 'a GET changed the database');
    t.diagnostic(`${tried} requests over ${params.length} query parameters: ${params.join(', ')}`);
  } finally {
    await w.close();
  }
});
