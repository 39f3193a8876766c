/**
 * The access matrix: every route of ROUTES, called as every caller (anonymous, each role, and an
 * outsider from another funder) with the plausible request of test/support/route-samples.ts.
 *
 * - a route without a sample (or a sample without a route) fails;
 * - every POST, PUT, PATCH and DELETE must say `changesState: true`;
 * - a caller the route does not admit gets 404 (anonymous: 401), never 403;
 * - a caller it admits gets a 2xx, or what the sample's `expect` says for it;
 * - a state-changing route that answers 4xx/5xx has changed nothing: `stateCounts` and a checksum
 *   of every table are the same after the call as before.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Db } from '../../src/db/connection.ts';
import { ROUTES } from '../../src/server/routes.ts';
import { checkAccess } from '../../src/server/app.ts';
import type { Role, RouteSpec } from '../../src/server/route.ts';
import { stateCounts, STORE } from '../support/db.ts';
import { CALLERS, startApiWorld, type ApiClient, type Caller, type World } from '../support/api.ts';
import { ROUTE_SAMPLES, type RouteSample } from '../support/route-samples.ts';

const key = (r: RouteSpec<any, any, any>) => `${r.method} ${r.url}`;

function roleOf(c: Caller): Role | null {
  if (c === 'anoniem') return null;
  if (c === 'buitenstaander') return 'verstrekker';
  return c;
}

function admits(route: RouteSpec<any, any, any>, c: Caller): boolean {
  if (route.access === 'public') return true;
  const role = roleOf(c);
  return role !== null && route.access.roles.includes(role);
}

/**
 * Every table's content, as a checksum per table: catches updates, not only new rows. Of the
 * sessions only who and whether ended count (every request moves `laatst_gebruikt_op`).
 */
async function snapshot(db: Db): Promise<Record<string, string | number>> {
  const tables = await db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'schema_migraties' ORDER BY table_name`,
  );
  const out: Record<string, string | number> = { ...(await stateCounts(db)) };
  for (const { table_name: t } of tables.rows) {
    const rows = t === 'sessies' ? `(SELECT id, gebruiker_id, beeindigd_op FROM sessies)` : t;
    const r = await db.query<{ n: number; h: string | null }>(`SELECT count(*)::int AS n, md5(string_agg(x::text, '|' ORDER BY x::text)) AS h FROM ${rows} x`);
    out[`#${t}`] = `${r.rows[0]!.n}:${r.rows[0]!.h ?? ''}`;
  }
  return out;
}

function resolve<T>(v: T | ((w: World) => T) | undefined, w: World): T | undefined {
  return typeof v === 'function' ? (v as (w: World) => T)(w) : v;
}

function pathOf(route: RouteSpec<any, any, any>, sample: RouteSample, w: World): string {
  const params = resolve(sample.params, w) ?? {};
  const path = route.url.replace(/:(\w+)/g, (_m, name: string) => {
    const v = params[name];
    if (v === undefined) throw new Error(`${key(route)}: de sample mist path-parameter '${name}'`);
    return encodeURIComponent(String(v));
  });
  const query = resolve(sample.query, w);
  return query && Object.keys(query).length > 0 ? `${path}?${new URLSearchParams(query)}` : path;
}

test(`every route: declared access, and as every caller it answers as declared; refusals change nothing (${STORE})`, async (t) => {
  const keys = ROUTES.map(key);
  const missing = keys.filter((k) => !(k in ROUTE_SAMPLES));
  assert.deepEqual(missing, [], `routes zonder voorbeeld in test/support/route-samples.ts:\n${missing.join('\n')}`);
  const stale = Object.keys(ROUTE_SAMPLES).filter((k) => !keys.includes(k));
  assert.deepEqual(stale, [], `voorbeelden zonder route:\n${stale.join('\n')}`);
  assert.deepEqual(keys.filter((k, i) => keys.indexOf(k) !== i), [], 'a route twice in ROUTES');
  for (const r of ROUTES) checkAccess(r);
  const silent = ROUTES.filter((r) => r.method !== 'GET' && !r.changesState).map(key);
  assert.deepEqual(silent, [], `POST/PUT/PATCH/DELETE zonder changesState: true:\n${silent.join('\n')}`);

  const w = await startApiWorld();
  try {
    for (const route of ROUTES) {
      await t.test(key(route), async () => {
        const sample = ROUTE_SAMPLES[key(route)]!;
        const order = [...CALLERS.filter((c) => !admits(route, c)), ...CALLERS.filter((c) => admits(route, c))];
        const failures: string[] = [];
        for (const caller of order) {
          const expected = admits(route, caller) ? sample.expect?.[caller] : caller === 'anoniem' ? [401] : [404];
          const client: ApiClient =
            sample.freshSession && admits(route, caller) && caller !== 'anoniem' && caller !== 'verstrekker_systeem' ? await w.signIn(caller) : w.as(caller);
          const before = route.changesState ? await snapshot(w.db) : null;
          const res = await client.request(route.method, pathOf(route, sample, w.world), {
            ...(sample.body !== undefined ? { body: sample.body } : {}),
            ...(sample.contentType ? { contentType: sample.contentType } : {}),
          });
          const ok = expected ? expected.includes(res.status) : res.status >= 200 && res.status < 300;
          if (!ok) failures.push(`${caller}: ${res.status}, verwacht ${expected ? expected.join('/') : '2xx'} ${res.json?.code ?? ''} ${res.json?.detail ?? res.text.slice(0, 200)}`);
          if (res.status >= 400 && res.json?.code === undefined) failures.push(`${caller}: ${res.status} zonder problem+json`);
          if (before && res.status >= 400) {
            const after = await snapshot(w.db);
            const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
            if (changed.length > 0) failures.push(`${caller}: ${res.status} maar de database veranderde: ${changed.join(', ')}`);
          }
        }
        assert.deepEqual(failures, []);
      });
    }
  } finally {
    await w.close();
  }
});
