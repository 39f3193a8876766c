/**
 * Bad input, generated (issue #7), for the JSON API: FUZZ_RUNS (10,000) requests to the routes that
 * take a JSON body (every POST/PUT/PATCH of ROUTE_SAMPLES with one), each made from the route's
 * sample by breaking it in one place and sent through Fastify's `inject` as a signed-in caller the
 * route admits (with the session's CSRF token, or the API key).
 *
 * 1. Broken by construction (a field of another JSON type, a bad date such as 2026-02-30, a BSN
 *    failing the elfproef, an IBAN failing mod 97, a bad amount; the body not JSON, not an object,
 *    of another content type, over 1 MB, or with `__proto__`): each must be refused with a 4xx
 *    problem+json, a validation refusal naming the broken field, and at the end the database
 *    holds exactly what it held before (stateCounts).
 * 2. Odd but perhaps valid (a field removed, an unknown field added, a control character, a very
 *    long text, deep nesting): never a 5xx, every refusal a problem+json.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { startApiWorld, type ApiWorld, type Caller } from '../support/api.ts';
import { ROUTE_SAMPLES } from '../support/route-samples.ts';
import { stateCounts, STORE } from '../support/db.ts';
import { badAmount, badBsn, badDate, badIban, FUZZ_RUNS, FUZZ_SEED } from '../support/fuzz.ts';
import { ROUTES } from '../../src/server/routes.ts';
import { SESSION_COOKIE } from '../../src/modules/toegang/index.ts';
import type { Role } from '../../src/server/route.ts';

interface Target {
  key: string;
  method: 'POST' | 'PUT' | 'PATCH';
  url: string;
  caller: Caller;
  body: Record<string, unknown>;
}

type Path = (string | number)[];

/** Every leaf of a JSON value with its path. */
function leaves(v: unknown, path: Path = []): { path: Path; value: unknown }[] {
  if (Array.isArray(v)) return v.flatMap((x, i) => leaves(x, [...path, i]));
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => leaves(x, [...path, k]));
  return [{ path, value: v }];
}

function setAt(v: unknown, path: Path, value: unknown, remove = false): unknown {
  if (path.length === 0) return value;
  const copy: any = Array.isArray(v) ? [...v] : { ...(v as object) };
  const [head, ...rest] = path;
  if (rest.length === 0 && remove) {
    if (Array.isArray(copy)) copy.splice(head as number, 1);
    else delete copy[head as string];
    return copy;
  }
  copy[head as string] = setAt(copy[head as string], rest, value, remove);
  return copy;
}

/** A bad value of the field's own kind, by its name and sample value. */
function badOfKind(name: string, sample: unknown): fc.Arbitrary<unknown> | undefined {
  if (typeof sample !== 'string') return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(sample)) return badDate;
  if (name === 'bsn') return badBsn;
  if (name === 'iban') return badIban;
  if (/^-?\d+(\.\d{1,2})?$/.test(sample) && /bedrag|tarief|maximum/.test(name)) return fc.oneof(badAmount, fc.constant('1.001')); // a negative amount is a valid correction on a claim line
  if (/^\d{4}-\d{2}$/.test(sample)) return fc.constantFrom('2026-13', '2026-00', '26-10', '2026-1', '2026/10');
  return undefined;
}

/** A JSON value of another type than the sample's. */
function otherType(sample: unknown): fc.Arbitrary<unknown> {
  const all: fc.Arbitrary<unknown>[] = [];
  // a number where the sample has a numeric string may be accepted (eenheden: 3 or "3")
  if (typeof sample !== 'number' && !(typeof sample === 'string' && /^-?\d+(\.\d+)?$/.test(sample))) all.push(fc.constantFrom(0, -1, 1e308, 12345.678));
  if (typeof sample !== 'boolean') all.push(fc.boolean());
  if (typeof sample !== 'string') all.push(fc.constantFrom('x', 'true', "' OR 1=1--"));
  if (sample !== null) all.push(fc.constant(null));
  if (!Array.isArray(sample)) all.push(fc.constantFrom([], ['x'], [1, 2]));
  all.push(fc.constantFrom({}, { $gt: '' }, { a: { b: 1 } }));
  return fc.oneof(...all);
}

interface Req {
  what: string;
  target: Target;
  payload: string;
  contentType: string;
  /** the dotted path a validation problem must name */
  field?: string;
}

function broken(t: Target): fc.Arbitrary<Req> {
  const ls = leaves(t.body).filter((l) => l.path.length > 0);
  const json = (body: unknown) => JSON.stringify(body);
  const arbs: fc.Arbitrary<Req>[] = [];
  if (ls.length > 0) {
    arbs.push(
      fc.constantFrom(...ls).chain((l) =>
        otherType(l.value).map((v) => ({ what: `${t.key}: ${l.path.join('.')} = ${JSON.stringify(v)}`, target: t, payload: json(setAt(t.body, l.path, v)), contentType: 'application/json', field: l.path.join('.') })),
      ),
    );
    const kinds = ls.flatMap((l) => {
      const a = badOfKind(String(l.path.at(-1)), l.value);
      return a ? [{ l, a }] : [];
    });
    if (kinds.length > 0) {
      arbs.push(
        fc.constantFrom(...kinds).chain(({ l, a }) =>
          a.map((v) => ({ what: `${t.key}: ${l.path.join('.')} = ${JSON.stringify(v)}`, target: t, payload: json(setAt(t.body, l.path, v)), contentType: 'application/json', field: l.path.join('.') })),
        ),
      );
    }
  }
  arbs.push(
    fc.constantFrom(
      { what: 'not JSON', payload: '{"a":', contentType: 'application/json' },
      { what: 'empty', payload: '', contentType: 'application/json' },
      { what: 'an array', payload: '[]', contentType: 'application/json' },
      { what: 'a string', payload: '"x"', contentType: 'application/json' },
      { what: 'null', payload: 'null', contentType: 'application/json' },
      { what: '__proto__', payload: `{"__proto__":{"rol":"backoffice"},${json(t.body).slice(1)}`, contentType: 'application/json' },
      { what: 'constructor.prototype', payload: `{"constructor":{"prototype":{"rol":"backoffice"}},${json(t.body).slice(1)}`, contentType: 'application/json' },
      { what: 'text/plain', payload: json(t.body), contentType: 'text/plain' },
      { what: 'form', payload: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded' },
      { what: 'over 1 MB', payload: json({ ...t.body, vulling: 'x'.repeat(1_100_000) }), contentType: 'application/json' },
      { what: 'UTF-16', payload: Buffer.from(json(t.body), 'utf16le').toString('latin1'), contentType: 'application/json; charset=utf-16' },
    ).map((r) => ({ ...r, what: `${t.key}: ${r.what}`, target: t })),
  );
  return fc.oneof(...arbs);
}

function odd(t: Target): fc.Arbitrary<Req> {
  const ls = leaves(t.body).filter((l) => l.path.length > 0);
  const json = (body: unknown) => JSON.stringify(body);
  const arbs: fc.Arbitrary<Req>[] = [
    fc.constantFrom('kenmerk', 'id', 'rol', 'verstrekker', 'status').map((k) => ({ what: `${t.key}: extra ${k}`, target: t, payload: json({ ...t.body, [k]: 'x' }), contentType: 'application/json' })),
    fc.constant({ what: `${t.key}: nested 5,000 deep`, target: t, payload: `{"diep":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)},${json(t.body).slice(1)}`, contentType: 'application/json' }),
  ];
  if (ls.length > 0) {
    arbs.push(fc.constantFrom(...ls).map((l) => ({ what: `${t.key}: ${l.path.join('.')} removed`, target: t, payload: json(setAt(t.body, l.path, undefined, true)), contentType: 'application/json' })));
    const strings = ls.filter((l) => typeof l.value === 'string');
    if (strings.length > 0) {
      arbs.push(
        fc.tuple(fc.constantFrom(...strings), fc.constantFrom('\u0000', '\u0001', '\u001b', '\u202e', '\ud800', '<script>', "'; DROP TABLE budgethouders;--", 'x'.repeat(100_000))).map(([l, s]) => ({
          what: `${t.key}: ${l.path.join('.')} with ${JSON.stringify(s.slice(0, 20))}`,
          target: t,
          payload: json(setAt(t.body, l.path, `${l.value}${s}`)),
          contentType: 'application/json',
        })),
      );
    }
  }
  return fc.oneof(...arbs);
}

const PREFERRED: Caller[] = ['backoffice', 'verstrekker', 'budgethouder', 'zorgverlener', 'verstrekker_systeem', 'vertegenwoordiger', 'auditor'];

function targets(w: ApiWorld): Target[] {
  const out: Target[] = [];
  for (const [key, sample] of Object.entries(ROUTE_SAMPLES)) {
    const [method, url] = key.split(' ') as [string, string];
    if (!['POST', 'PUT', 'PATCH'].includes(method) || sample.body === undefined || sample.contentType || sample.freshSession) continue;
    if (!sample.body || typeof sample.body !== 'object' || Array.isArray(sample.body)) continue;
    const spec = ROUTES.find((r) => r.method === method && r.url === url)!;
    if (spec.access === 'public') continue;
    const roles = spec.access.roles as readonly Role[];
    const caller = PREFERRED.find((c) => roles.includes(c as Role) && !sample.expect?.[c]) ?? PREFERRED.find((c) => roles.includes(c as Role));
    if (!caller) continue;
    const params = typeof sample.params === 'function' ? sample.params(w.world) : sample.params;
    out.push({ key, method: method as Target['method'], url: url.replace(/:(\w+)/g, (_m, p: string) => encodeURIComponent(String(params?.[p]))), caller, body: sample.body as Record<string, unknown> });
  }
  return out;
}

async function send(w: ApiWorld, r: Req) {
  const c = w.as(r.target.caller);
  const headers: Record<string, string> = { 'content-type': r.contentType };
  if (c.cookie) headers.cookie = `${SESSION_COOKIE}=${c.cookie}`;
  if (c.csrfToken) headers['x-csrf-token'] = c.csrfToken;
  if (r.target.caller === 'verstrekker_systeem') headers.authorization = `Bearer ${w.accounts.verstrekker_systeem.bearer}`;
  const res = await w.app.inject({ method: r.target.method, url: r.target.url, headers, payload: r.contentType.includes('utf-16') ? Buffer.from(r.payload, 'latin1') : r.payload });
  let body: any;
  try {
    body = res.json();
  } catch {
    body = undefined;
  }
  return { status: res.statusCode, type: String(res.headers['content-type'] ?? ''), body };
}

test(`JSON API: ${FUZZ_RUNS} broken request bodies are refused with a problem naming the field, none is a 5xx, none writes (${STORE})`, async (t) => {
  const w = await startApiWorld();
  try {
    const all = targets(w);
    assert.ok(all.length >= 15, `routes with a JSON body: ${all.map((x) => x.key).join(', ')}`);
    t.diagnostic(`${all.length} routes: ${all.map((x) => `${x.key} as ${x.caller}`).join('; ')}`);
    // the samples themselves are accepted (or refused for what the world holds), so a refusal below is the break's doing
    const before = await stateCounts(w.db);
    const started = Date.now();
    const statuses: Record<number, number> = {};
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...all).chain(broken), async (r) => {
        const res = await send(w, r);
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        const names = (problems: { path?: string; column?: string }[] | undefined, detail = '') =>
          (problems ?? []).some((p) => p.path === r.field || r.field!.startsWith(`${p.path}.`) || (p.path !== undefined && p.path !== '' && p.path.startsWith(`${r.field}.`)) || p.column?.replace(/\[(\d+)\]/g, '.$1') === r.field || p.column === r.field!.split('.').at(-1)) || detail.includes(r.field!.split('.').at(-1)!);
        // a check route (…/controle) stores nothing and answers what is wrong with a 200
        if (r.target.url.endsWith('/controle') && res.status === 200) {
          if (r.field) assert.ok(names(res.body?.problems), `${r.what}: the check does not name ${r.field}: ${JSON.stringify(res.body)?.slice(0, 300)}`);
          return;
        }
        assert.ok(res.status >= 400 && res.status < 500, `${r.what}: ${res.status} ${JSON.stringify(res.body)?.slice(0, 300)}`);
        assert.match(res.type, /application\/problem\+json/, `${r.what}: ${res.type}`);
        assert.ok(typeof res.body?.code === 'string' && typeof res.body?.detail === 'string', `${r.what}: ${JSON.stringify(res.body)}`);
        if (r.field && res.status === 400) assert.ok(names(res.body.problems, res.body.detail), `${r.what}: the problem does not name ${r.field}: ${JSON.stringify(res.body)}`);
      }),
      { numRuns: FUZZ_RUNS, ...(FUZZ_SEED !== undefined ? { seed: FUZZ_SEED } : {}) },
    );
    assert.deepEqual(await stateCounts(w.db), before, 'a refused request wrote something');
    t.diagnostic(`${FUZZ_RUNS} broken requests in ${((Date.now() - started) / 1000).toFixed(1)} s; statuses ${JSON.stringify(statuses)}`);

    const oddStarted = Date.now();
    const oddRuns = Math.max(100, Math.round(FUZZ_RUNS / 5));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...all).chain(odd), async (r) => {
        const res = await send(w, r);
        assert.ok(res.status < 500 || res.body?.code === 'CONFIGURATIE', `${r.what}: ${res.status} ${JSON.stringify(res.body)?.slice(0, 300)}`);
        if (res.status >= 400) assert.match(res.type, /application\/problem\+json/, `${r.what}: ${res.type}`);
      }),
      { numRuns: oddRuns, ...(FUZZ_SEED !== undefined ? { seed: FUZZ_SEED } : {}) },
    );
    t.diagnostic(`${oddRuns} odd requests in ${((Date.now() - oddStarted) / 1000).toFixed(1)} s`);
  } finally {
    await w.close();
  }
});
