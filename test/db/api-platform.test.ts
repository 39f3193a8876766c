/**
 * What every route gets from the server, shown with probe routes beside ROUTES: Idempotency-Key,
 * errors as problem+json, CSV/XML bodies and file downloads, security headers, the OpenAPI 3.1
 * document and its page, the refusal of a route without an access rule, and logs without BSN or IBAN.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { validate } from '@scalar/openapi-parser';
import { STORE } from '../support/db.ts';
import { startApiWorld, WORLD } from '../support/api.ts';
import { defineRoute, notFound, type RouteSpec } from '../../src/server/route.ts';
import { AppError, InputError } from '../../src/kernel/errors.ts';
import { buildApp } from '../../src/server/app.ts';
import { ROUTES } from '../../src/server/routes.ts';
import { maskSensitive } from '../../src/server/logger.ts';

let runs = 0;
const ALL = ['budgethouder', 'vertegenwoordiger', 'zorgverlener', 'verstrekker', 'verstrekker_systeem', 'backoffice', 'auditor'] as const;

const probes: RouteSpec<any, any, any>[] = [
  defineRoute({
    method: 'POST',
    url: '/api/test/teller',
    summary: 'telt hoe vaak de handler draait',
    tags: ['test'],
    access: { roles: ALL },
    changesState: true,
    body: z.object({ stap: z.number().int() }),
    response: { 201: z.object({ run: z.number(), stap: z.number() }) },
    handler: async ({ body }) => ({ status: 201, headers: { location: `/api/test/teller/${++runs}` }, body: { run: runs, stap: body.stap } }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/test/fout',
    summary: 'gooit de gevraagde fout',
    tags: ['test'],
    access: { roles: ALL },
    changesState: true,
    body: z.object({ soort: z.enum(['invoer', 'conflict', 'configuratie', 'niet_gevonden', 'onverwacht']) }),
    handler: async ({ body }) => {
      runs++;
      switch (body.soort) {
        case 'invoer':
          throw new InputError([{ file: 'declaraties.csv', line: 3, column: 'bsn', message: 'geen geldig BSN' }]);
        case 'conflict':
          throw new AppError('CONFLICT', 'declaratie D-1 bestaat al met andere inhoud');
        case 'configuratie':
          throw new AppError('CONFIGURATIE', 'PGB_DEBITEUR_IBAN ontbreekt');
        case 'niet_gevonden':
          notFound('declaratie D-9 niet gevonden');
        case 'onverwacht':
          throw new Error(`kapot bij BSN ${WORLD.bsn.a} en IBAN ${WORLD.iban}`);
      }
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/test/csv',
    summary: 'leest CSV',
    tags: ['test'],
    access: { roles: ['backoffice'] },
    changesState: true,
    rawBody: 'text/csv',
    handler: async ({ body }) => ({ body: { regels: String(body).trim().split('\n').length } }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/test/xml',
    summary: 'leest XML',
    tags: ['test'],
    access: { roles: ['backoffice'] },
    changesState: true,
    rawBody: 'application/xml',
    handler: async ({ body }) => ({ body: { tekens: String(body).length } }),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/test/download',
    summary: 'een bestand',
    tags: ['test'],
    access: { roles: ['backoffice'] },
    handler: async () => ({ raw: { contentType: 'text/csv; charset=utf-8', data: 'a,b\n1,2\n', filename: 'overzicht mei é.csv' } }),
  }),
];

test(`what every route gets: idempotency, problems, bodies, headers, OpenAPI, logs (${STORE})`, async (t) => {
  const w = await startApiWorld({ extraRoutes: probes, logs: true });
  try {
    const bo = w.as('backoffice');

    await t.test('Idempotency-Key: same key and body replays the first answer; another body is a 422', async () => {
      const before = runs;
      const first = await bo.post('/api/test/teller', { stap: 1 }, { headers: { 'idempotency-key': 'sleutel-1' } });
      assert.equal(first.status, 201);
      const again = await bo.post('/api/test/teller', { stap: 1 }, { headers: { 'idempotency-key': 'sleutel-1' } });
      assert.equal(again.status, 201);
      assert.equal(again.text, first.text);
      assert.equal(again.headers.get('location'), first.headers.get('location'));
      assert.equal(again.headers.get('idempotent-replayed'), 'true');
      assert.equal(runs, before + 1, 'the handler ran once');
      const other = await bo.post('/api/test/teller', { stap: 2 }, { headers: { 'idempotency-key': 'sleutel-1' } });
      assert.equal(other.status, 422);
      assert.equal(other.json.code, 'IDEMPOTENTIE_ANDERE_INHOUD');
      const otherPath = await bo.post('/api/test/fout', { soort: 'conflict' }, { headers: { 'idempotency-key': 'sleutel-1' } });
      assert.equal(otherPath.status, 422);
      assert.equal(runs, before + 1);
      // keys belong to their caller: another caller's same key is a new request
      const sys = await w.as('verstrekker_systeem').post('/api/test/teller', { stap: 1 }, { headers: { 'idempotency-key': 'sleutel-1' } });
      assert.equal(sys.status, 201);
      assert.equal(runs, before + 2);
      // without a key every request runs
      await bo.post('/api/test/teller', { stap: 1 });
      await bo.post('/api/test/teller', { stap: 1 });
      assert.equal(runs, before + 4);
      // the same JSON in another layout is the same request
      const reordered = await bo.request('POST', '/api/test/teller', { body: '{ "stap" : 1 }', contentType: 'application/json', headers: { 'idempotency-key': 'sleutel-1' } });
      assert.equal(reordered.status, 201);
      assert.equal(runs, before + 4);
    });

    await t.test('Idempotency-Key: a refusal by the handler is replayed too; a refusal before it is not kept', async () => {
      const before = runs;
      const a = await bo.post('/api/test/fout', { soort: 'conflict' }, { headers: { 'idempotency-key': 'fout-1' } });
      const b = await bo.post('/api/test/fout', { soort: 'conflict' }, { headers: { 'idempotency-key': 'fout-1' } });
      assert.deepEqual([a.status, b.status], [409, 409]);
      assert.equal(b.headers.get('idempotent-replayed'), 'true');
      assert.equal(runs, before + 1);
      // invalid input never reaches the handler: the key stays free
      assert.equal((await bo.post('/api/test/teller', { stap: 'x' }, { headers: { 'idempotency-key': 'fout-2' } })).status, 400);
      assert.equal((await bo.post('/api/test/teller', { stap: 5 }, { headers: { 'idempotency-key': 'fout-2' } })).status, 201);
      // an unexpected failure is not kept either: retrying runs again
      await bo.post('/api/test/fout', { soort: 'onverwacht' }, { headers: { 'idempotency-key': 'fout-3' } });
      await bo.post('/api/test/fout', { soort: 'onverwacht' }, { headers: { 'idempotency-key': 'fout-3' } });
      assert.equal(runs, before + 4);
      assert.equal((await bo.post('/api/test/teller', { stap: 1 }, { headers: { 'idempotency-key': 'x'.repeat(300) } })).status, 400);
    });

    await t.test('errors are problem+json with a stable code and a Dutch detail', async () => {
      const cases: [string, number, string][] = [
        ['invoer', 400, 'INVOER_ONGELDIG'],
        ['conflict', 409, 'CONFLICT'],
        ['configuratie', 500, 'CONFIGURATIE'],
        ['niet_gevonden', 404, 'NIET_GEVONDEN'],
        ['onverwacht', 500, 'INTERNE_FOUT'],
      ];
      for (const [soort, status, code] of cases) {
        const r = await bo.post('/api/test/fout', { soort });
        assert.equal(r.status, status, soort);
        assert.match(r.headers.get('content-type')!, /^application\/problem\+json/);
        assert.equal(r.json.code, code);
        assert.equal(r.json.status, status);
        assert.equal(r.json.type, `urn:pgb:probleem:${code.toLowerCase()}`);
        assert.equal(r.json.instance, '/api/test/fout');
        assert.ok(r.json.title && r.json.detail, 'title and detail');
      }
      const input = await bo.post('/api/test/fout', { soort: 'invoer' });
      assert.deepEqual(input.json.problems, [{ file: 'declaraties.csv', line: 3, column: 'bsn', message: 'geen geldig BSN' }]);
      assert.match(input.json.detail, /Herstel de genoemde onderdelen/);
      const unexpected = await bo.post('/api/test/fout', { soort: 'onverwacht' });
      assert.ok(!unexpected.text.includes(WORLD.bsn.a), 'an unexpected error tells nothing of its insides');
      // zod: each issue with its path and a Dutch message
      const bad = await bo.post('/api/test/teller', { stap: 'twee', extra: 1 });
      assert.equal(bad.status, 400);
      assert.equal(bad.json.code, 'INVOER_ONGELDIG');
      assert.deepEqual(bad.json.problems.map((p: { in: string; path: string }) => [p.in, p.path]), [['body', 'stap']]);
      assert.match(bad.json.problems[0].message, /verwacht/);
      const notJson = await bo.request('POST', '/api/test/teller', { body: '{stap:', contentType: 'application/json' });
      assert.equal(notJson.status, 400);
      assert.equal(notJson.json.code, 'INVOER_ONGELDIG');
      const unknown = await bo.get('/api/bestaat-niet');
      assert.equal(unknown.status, 404);
      assert.equal(unknown.json.code, 'NIET_GEVONDEN');
      const unknownType = await bo.request('POST', '/api/test/teller', { body: 'x', contentType: 'application/x-onbekend' });
      assert.equal(unknownType.status, 415);
      assert.equal(unknownType.json.code, 'MEDIATYPE_ONBEKEND');
    });

    await t.test('text that is not Unicode (half a surrogate pair) is refused naming its field, nothing stored; a whole pair is text', async () => {
      // found by the fuzz test: PostgreSQL's json refused the audit row's details, and the answer was a 500
      const tariff = { wet: 'WMO_HH', categorie: 'formeel_uur', geldig_van: '2031-01-01', bedrag: '70.00' };
      const count = async () => (await w.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log`)).rows[0]!.n;
      const before = await count();
      const lone = await bo.post('/api/maximumtarieven', { ...tariff, bron: 'besluit 2031\ud800' });
      assert.equal(lone.status, 400, lone.text);
      assert.equal(lone.json.code, 'INVOER_ONGELDIG');
      assert.deepEqual(lone.json.problems.map((p: { in: string; path: string }) => [p.in, p.path]), [['body', 'bron']]);
      assert.match(lone.json.problems[0].message, /los surrogaatteken \(U\+D800\) op positie 13/);
      const low = await bo.post('/api/maximumtarieven', { ...tariff, bron: '\udc00 besluit 2031' });
      assert.equal(low.status, 400, low.text);
      assert.equal(await count(), before);
      const pair = await bo.post('/api/maximumtarieven', { ...tariff, bron: 'besluit 2031 \u{1F600}' });
      assert.equal(pair.status, 201, pair.text);
      assert.equal(pair.json.bron, 'besluit 2031 \u{1F600}');
    });

    await t.test('CSV and XML bodies arrive as text; a route that wants CSV refuses JSON; downloads carry their name', async () => {
      const csv = await bo.request('POST', '/api/test/csv', { body: 'a,b\n1,2\n3,4\n', contentType: 'text/csv' });
      assert.equal(csv.status, 200);
      assert.deepEqual(csv.json, { regels: 3 });
      const xml = '<?xml version="1.0"?><Document/>';
      for (const type of ['application/xml', 'text/xml; charset=utf-8']) {
        const r = await bo.request('POST', '/api/test/xml', { body: xml, contentType: type });
        assert.deepEqual([r.status, r.json], [200, { tekens: xml.length }]);
      }
      assert.equal((await bo.request('POST', '/api/test/xml', { body: 'a,b', contentType: 'text/csv' })).status, 415);
      const json = await bo.post('/api/test/csv', { a: 1 });
      assert.equal(json.status, 415);
      const big = await bo.request('POST', '/api/test/csv', { body: `${'x'.repeat(1024 * 1024)}\n`.repeat(51), contentType: 'text/csv' });
      assert.equal(big.status, 413);
      assert.equal(big.json.code, 'TE_GROOT');
      const file = await bo.get('/api/test/download');
      assert.equal(file.status, 200);
      assert.equal(file.text, 'a,b\n1,2\n');
      assert.equal(file.headers.get('content-type'), 'text/csv; charset=utf-8');
      assert.equal(file.headers.get('content-disposition'), `attachment; filename="overzicht mei _.csv"; filename*=UTF-8''overzicht%20mei%20%C3%A9.csv`);
    });

    await t.test('security headers on every answer; the docs page has its own CSP', async () => {
      for (const r of [await bo.get('/api/sessie'), await w.as('anoniem').get('/api/sessie'), await bo.get('/api/bestaat-niet')]) {
        assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
        assert.match(r.headers.get('content-security-policy')!, /default-src 'none'/);
        assert.match(r.headers.get('content-security-policy')!, /frame-ancestors 'none'/);
        assert.equal(r.headers.get('referrer-policy'), 'no-referrer');
        assert.ok(r.headers.get('strict-transport-security'));
        assert.ok(r.headers.get('x-frame-options'));
      }
      const docs = await w.as('anoniem').get('/api/docs/');
      assert.equal(docs.status, 200);
      assert.match(docs.headers.get('content-type')!, /text\/html/);
      assert.match(docs.text, /\/api\/openapi\.json/);
      assert.match(docs.headers.get('content-security-policy')!, /script-src 'self' 'unsafe-inline'/);
      assert.doesNotMatch(docs.text, /cdn\.jsdelivr|https:\/\//, 'the page loads nothing from elsewhere');
      const js = await w.as('anoniem').get('/api/docs/js/scalar.js');
      assert.equal(js.status, 200);
    });

    await t.test('the OpenAPI document is valid 3.1 and has every route of ROUTES with its access', async () => {
      const r = await w.as('anoniem').get('/api/openapi.json');
      assert.equal(r.status, 200);
      const doc = r.json;
      assert.match(doc.openapi, /^3\.1\./);
      const { valid, errors } = await validate(doc);
      assert.ok(valid, JSON.stringify(errors, null, 2));
      for (const route of [...ROUTES, ...probes]) {
        const path = route.url.replace(/:(\w+)/g, '{$1}');
        const op = doc.paths[path]?.[route.method.toLowerCase()];
        assert.ok(op, `${route.method} ${route.url} ontbreekt in het OpenAPI-document`);
        assert.ok(op.summary && op.tags?.length, `${route.method} ${route.url}: summary and tags`);
        assert.match(op.description, /^Toegang: /);
        assert.ok(Array.isArray(op.security));
        if (route.access !== 'public') assert.ok(op.responses['401'] && op.responses['404']);
      }
      assert.deepEqual(Object.keys(doc.components.securitySchemes).sort(), ['apiSleutel', 'csrf', 'sessie']);
      const teller = doc.paths['/api/test/teller'].post;
      assert.ok(teller.parameters.some((p: { in: string; name: string }) => p.in === 'header' && p.name === 'idempotency-key'));
      assert.deepEqual(teller.security, [{ sessie: [], csrf: [] }, { apiSleutel: [] }]);
      assert.ok(doc.paths['/api/test/csv'].post.requestBody.content['text/csv']);
      assert.equal(doc.paths['/api/test/fout'].post.responses['400'].content['application/problem+json'].schema.$ref, '#/components/schemas/Probleem');
      assert.ok(!doc.paths['/api/docs/'] && !doc.paths['/api/openapi.json'], 'the documentation does not document itself');
    });

    await t.test('a route without an access rule, or with an unknown role, stops the server from starting', async () => {
      const base = { method: 'GET' as const, url: '/api/test/zonder', summary: 'x', tags: ['test'], handler: async () => ({ body: {} }) };
      await assert.rejects(buildApp({ db: w.db, config: w.config, routes: [{ ...base } as never] }), /zegt niet wie haar mag aanroepen/);
      await assert.rejects(buildApp({ db: w.db, config: w.config, routes: [{ ...base, access: { roles: [] } }] }), /leeg/);
      await assert.rejects(buildApp({ db: w.db, config: w.config, routes: [{ ...base, access: { roles: ['beheerder' as never] } }] }), /onbekende rol 'beheerder'/);
    });

    await t.test('logs: no BSN or IBAN in any line, wherever it was', async () => {
      const bsn = WORLD.bsn.a;
      const iban = WORLD.iban;
      await bo.get(`/api/sessie?bsn=${bsn}&iban=${iban}`);
      await bo.get(`/api/bestaat-niet/${bsn}/${iban}`);
      await bo.post('/api/test/fout', { soort: 'onverwacht' });
      w.app.log.info({ bsn, iban, houder: { bsn, rekening: { iban } }, tekst: `BSN ${bsn}, IBAN ${iban.replace(/(.{4})/g, '$1 ')}` }, `bericht over ${bsn} en ${iban}`);
      w.app.log.error(new Error(`fout voor ${bsn}`));
      await new Promise((r) => setTimeout(r, 50));
      const all = w.logs.join('');
      assert.ok(w.logs.length > 10);
      for (const line of w.logs) JSON.parse(line);
      assert.ok(all.includes('incoming request'), 'requests are logged');
      assert.ok(all.includes(`*****${bsn.slice(-4)}`), 'a BSN shows as its last four digits');
      assert.ok(!all.includes(bsn), 'no BSN');
      assert.ok(!all.includes(iban) && !all.includes(iban.slice(4, 12)), 'no IBAN');
      assert.ok(!all.includes(w.as('backoffice').cookie!), 'no session token');
      assert.equal(maskSensitive(`rekening ${iban} van ${bsn}`), `rekening ${iban.slice(0, 4)}${'*'.repeat(iban.length - 8)}${iban.slice(-4)} van *****${bsn.slice(-4)}`);
    });
  } finally {
    await w.close();
  }
});
