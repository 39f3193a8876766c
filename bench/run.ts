/**
 * `npm run bench` (issue #6): measures the platform at 1%, 10% and 100% of national scale on
 * PostgreSQL (a fresh database per measurement, created and dropped on the server of
 * PGB_BENCH_POSTGRES_URL, default postgres://postgres@127.0.0.1:5432/postgres) and on PGlite (a
 * temporary directory), and writes the results into docs/performance.md between the markers.
 * Never part of the tests.
 *
 *   npm run bench                      everything (takes long)
 *   npm run bench -- --quick           only the smallest size of each measurement (a smoke run)
 *   npm run bench -- --store postgres  one store only (postgres, pglite)
 *   npm run bench -- --items 1,3       only some measurements (1 claims + COPY, 3 monthly pay and payment run, 4 national year,
 *                                      5 the HTTP API under 64 connections: bench/api.ts, PostgreSQL only, at 1% of national scale)
 *   npm run bench -- --up-to 2         only the two smaller sizes (1% and 10% of national scale)
 *   npm run bench -- --items 3 --sizes 25000,250000   only these sizes (of each item's list; any number for item 3)
 *   npm run bench -- --no-write        print, do not touch docs/performance.md
 *   npm run bench -- --render          only rewrite the tables from docs/performance-results.json
 *
 * Each measured step runs in a child process (bench/child.ts) that reports its own time and peak
 * memory (maxRSS). The machine is shared and noisy: compare ratios from one run, not runs.
 */
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { PGlite } from '@electric-sql/pglite';
import { generateFiles, type Manifest } from '../src/modules/synthetisch/index.ts';

const ROOT = resolve(import.meta.dirname, '..');
const argv = process.argv.slice(2);
const flag = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const QUICK = argv.includes('--quick');
const STORES = (flag('--store') ?? 'postgres,pglite').split(',') as ('postgres' | 'pglite')[];
const ITEMS = new Set((flag('--items') ?? '1,3,4,5').split(',').map(Number));
const WRITE = !argv.includes('--no-write');
const PG_URL = process.env.PGB_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const UP_TO = QUICK ? 1 : Number(flag('--up-to') ?? 3); // --up-to 2: only the two smaller sizes
const ONLY = flag('--sizes')?.split(',').map(Number);
const pick = (all: number[]): number[] => (ONLY ? all.filter((n) => ONLY.includes(n)) : all.slice(0, UP_TO));
const SIZES = {
  claims: pick([10_000, 100_000, 1_000_000]),
  // item 3 takes any agreement count given with --sizes
  agreements: ONLY ? ONLY.filter((n) => ![10_000, 100_000, 1_000_000, 1_600, 16_000, 160_000].includes(n)) : pick([2_500, 25_000, 250_000]),
  holders: pick([1_600, 16_000, 160_000]),
};
const WORK = mkdtempSync(join(process.env.PGB_BENCH_DIR ?? tmpdir(), 'pgb-bench-'));

interface Measured {
  ms: number;
  wallMs: number;
  maxRssMb: number;
  summary: string;
}

function log(line: string): void {
  process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${line}\n`);
}

/** The flags of bin/pgb.mjs's first line (what `npx pgb` runs with), so that a step measures as the command does. */
const HEAP_FLAGS = (readFileSync(join(ROOT, 'bin/pgb.mjs'), 'utf8').split('\n')[0]!.match(/--max-old-space-size=\d+/) ?? []) as string[];

/** Runs bench/child.ts with the Node that runs this script. */
function child(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Measured> {
  return new Promise((ok, fail) => {
    const t0 = performance.now();
    const p = spawn(process.execPath, [...HEAP_FLAGS, join(ROOT, 'bench/child.ts'), ...args], { cwd: ROOT, env: { ...process.env, DATABASE_URL: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    p.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('BENCH '));
      if (code !== 0 || !line) return fail(new Error(`child ${args.join(' ')} ended with ${code}: ${err.slice(-2000)}`));
      const r = JSON.parse(line.slice(6)) as Omit<Measured, 'wallMs'>;
      ok({ ...r, wallMs: performance.now() - t0 });
    });
  });
}

// ---- stores ----

interface Target {
  store: 'postgres' | 'pglite';
  target: string;
  drop(): Promise<void>;
}

async function freshTarget(store: 'postgres' | 'pglite', label: string): Promise<Target> {
  if (store === 'pglite') {
    const dir = join(WORK, `pglite-${label}-${randomBytes(3).toString('hex')}`);
    return { store, target: dir, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `pgb_bench_${label.replace(/\W/g, '_')}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return {
    store,
    target: url.toString(),
    drop: async () => {
      const a = new pg.Client({ connectionString: PG_URL });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

/** A copy of a PostgreSQL target as it is now (`PGB_BENCH_KEEP`: to measure or profile a step again by hand). */
async function keepCopy(t: Target, suffix = 'kept'): Promise<string> {
  const name = `${new URL(t.target).pathname.slice(1)}_${suffix}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${new URL(t.target).pathname.slice(1)}`);
  await admin.end();
  return name;
}

// ---- datasets ----

const generated = new Map<string, { dir: string; manifest: Manifest; ms: number }>();
async function dataset(key: string, opts: Parameters<typeof generateFiles>[0]) {
  const known = generated.get(key);
  if (known) return known;
  const t0 = performance.now();
  const manifest = await generateFiles(opts);
  const r = { dir: opts.dir, manifest, ms: performance.now() - t0 };
  generated.set(key, r);
  log(`generated ${key}: ${JSON.stringify(manifest.aantallen)} in ${(r.ms / 1000).toFixed(1)} s`);
  return r;
}

async function concatClaims(dir: string): Promise<string> {
  const out = join(dir, 'alle-declaraties.csv');
  if (existsSync(out)) return out;
  const files = readdirSync(dir).filter((f) => /^declaraties-\d{4}-\d{2}\.csv$/.test(f)).sort();
  const w = createWriteStream(out);
  for (const [i, f] of files.entries()) {
    const text = readFileSync(join(dir, f), 'utf8');
    w.write(i === 0 ? text : text.slice(text.indexOf('\n') + 1));
  }
  await new Promise<void>((r) => w.end(r));
  return out;
}

async function runSteps(t: Target, dir: string, manifest: Manifest, pick: (i: number) => boolean, sepaDir: string): Promise<Measured[]> {
  const out: Measured[] = [];
  for (let i = 0; i < manifest.stappen.length; i++) {
    if (!pick(i)) continue;
    out[i] = await child(['step', t.target, dir, String(i)], { BENCH_SEPA_DIR: sepaDir });
    // one line per step, so that a long run that is stopped still shows how far it came and what each step took
    log(`  step ${i + 1}/${manifest.stappen.length} pgb ${manifest.stappen[i]!.args.join(' ')}: ${(out[i]!.ms / 1000).toFixed(2)} s, ${out[i]!.maxRssMb.toFixed(0)} MB`);
  }
  return out;
}

// ---- 2. COPY of the same rows ----

const COPY_TABLES: { table: string; select: string }[] = [
  { table: 'declaraties', select: 'SELECT * FROM declaraties' },
  { table: 'declaratieregels', select: 'SELECT * FROM declaratieregels' },
  { table: 'declaratie_gebeurtenissen', select: 'SELECT * FROM declaratie_gebeurtenissen' },
  { table: 'declaratie_lasten', select: 'SELECT * FROM declaratie_lasten' },
  { table: 'journaalposten', select: `SELECT * FROM journaalposten WHERE soort = 'declaratie'` },
  { table: 'boekingen', select: `SELECT b.* FROM boekingen b JOIN journaalposten j ON j.id = b.journaalpost_id WHERE j.soort = 'declaratie'` },
];

interface CopyResult {
  /** COPY into copies with the same indexes, checks and reference checks (children pointing at the copied parents). */
  ms: number;
  /** The same without reference checks (no foreign keys, no reference triggers). */
  noFkMs: number;
  rows: Record<string, number>;
  bytes: number;
}

/**
 * The reference checks of the tables: their foreign keys, and the triggers that check references
 * once per statement (migration 012), each pointing at the copies where the parent is copied too.
 */
function referenceChecks(fks: { table: string; def: string }[], triggers: { table: string; def: string }[]): string[] {
  const copied = new Set(COPY_TABLES.map((t) => t.table));
  const where = (parent: string) => `${copied.has(parent) ? 'bench_copy' : 'public'}.${parent}`;
  return [
    ...fks.map(({ table, def }) => `ALTER TABLE bench_copy.${table} ADD ${def.replace(/REFERENCES (\w+)\(/, (_m, parent: string) => `REFERENCES ${where(parent)}(`)}`),
    ...triggers.map(({ table, def }) =>
      def
        .replace(/ ON (public\.)?(\w+) /, () => ` ON bench_copy.${table} `)
        .replace(/'(\w+)'/g, (m, name: string) => (copied.has(name) ? `'bench_copy.${name}'` : m))),
  ];
}
const FK_SQL = `SELECT c.conrelid::regclass::text AS table, pg_get_constraintdef(c.oid) AS def FROM pg_constraint c
  WHERE c.contype = 'f' AND c.conrelid::regclass::text = ANY($1::text[])`;
const TRIGGER_SQL = `SELECT t.tgrelid::regclass::text AS table, pg_get_triggerdef(t.oid) AS def FROM pg_trigger t
  WHERE NOT t.tgisinternal AND t.tgrelid::regclass::text = ANY($1::text[])`;

/**
 * Dumps the rows the platform wrote for the claims, then times COPY of them into empty copies of
 * the tables (same indexes and checks; once with the same reference checks, once without).
 */
async function copyComparison(t: Target): Promise<CopyResult> {
  const rows: Record<string, number> = {};
  let bytes = 0;
  const names = COPY_TABLES.map((x) => x.table);
  if (t.store === 'postgres') {
    const c = new pg.Client({ connectionString: t.target });
    await c.connect();
    try {
      const fks = referenceChecks((await c.query<{ table: string; def: string }>(FK_SQL, [names])).rows, (await c.query<{ table: string; def: string }>(TRIGGER_SQL, [names])).rows);
      for (const { table, select } of COPY_TABLES) {
        const file = join(WORK, `copy-${table}.tsv`);
        await pipeline(c.query(copyStreams.to(`COPY (${select}) TO STDOUT`)), createWriteStream(file));
        bytes += statSync(file).size;
        rows[table] = (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM (${select}) x`)).rows[0]!.n;
      }
      const load = async (withFks: boolean) => {
        await c.query('DROP SCHEMA IF EXISTS bench_copy CASCADE; CREATE SCHEMA bench_copy');
        for (const table of names) await c.query(`CREATE TABLE bench_copy.${table} (LIKE public.${table} INCLUDING ALL)`);
        if (withFks) for (const fk of fks) await c.query(fk);
        await c.query('CHECKPOINT');
        const t0 = performance.now();
        await c.query('BEGIN');
        for (const table of names) await pipeline(createReadStream(join(WORK, `copy-${table}.tsv`)), c.query(copyStreams.from(`COPY bench_copy.${table} FROM STDIN`)));
        await c.query('COMMIT');
        return performance.now() - t0;
      };
      const noFkMs = await load(false);
      const ms = await load(true);
      await c.query('DROP SCHEMA bench_copy CASCADE');
      for (const table of names) rmSync(join(WORK, `copy-${table}.tsv`), { force: true });
      return { ms, noFkMs, rows, bytes };
    } finally {
      await c.end();
    }
  }
  const db = await PGlite.create(t.target);
  try {
    const fks = referenceChecks((await db.query<{ table: string; def: string }>(FK_SQL, [names])).rows, (await db.query<{ table: string; def: string }>(TRIGGER_SQL, [names])).rows);
    const blobs: Blob[] = [];
    for (const { table, select } of COPY_TABLES) {
      const r = await db.query(`COPY (${select}) TO '/dev/blob'`);
      blobs.push(r.blob!);
      bytes += r.blob!.size;
      rows[table] = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM (${select}) x`)).rows[0]!.n;
    }
    const load = async (withFks: boolean) => {
      await db.exec('DROP SCHEMA IF EXISTS bench_copy CASCADE; CREATE SCHEMA bench_copy');
      for (const table of names) await db.exec(`CREATE TABLE bench_copy.${table} (LIKE public.${table} INCLUDING ALL)`);
      if (withFks) for (const fk of fks) await db.exec(fk);
      const t0 = performance.now();
      await db.transaction(async (tx) => {
        for (const [i, table] of names.entries()) await tx.query(`COPY bench_copy.${table} FROM '/dev/blob'`, [], { blob: blobs[i]! });
      });
      return performance.now() - t0;
    };
    const noFkMs = await load(false);
    const ms = await load(true);
    await db.exec('DROP SCHEMA bench_copy CASCADE');
    return { ms, noFkMs, rows, bytes };
  } finally {
    await db.close();
  }
}

// ---- the measurements ----

interface ClaimsResult {
  store: string;
  claims: number;
  lines: number;
  holders: number;
  import: Measured;
  copy: CopyResult | null;
  setupMs: number;
}
interface PayResult {
  store: string;
  agreements: number;
  monthly: Measured;
  payment: Measured;
  transfers: string;
}
interface YearResult {
  store: string;
  holders: number;
  agreements: number;
  claims: number;
  totalMs: number;
  byKind: Record<string, { ms: number; maxRssMb: number; n: number }>;
  maxRssMb: number;
  slowest: { step: string; ms: number };
}

interface ApiSide {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  statuses: Record<string, number>;
  errors: number;
}
interface ApiResult {
  store: 'postgres';
  holders: number;
  signedIn: number;
  connections: number;
  /** server processes (`pgb serve --werkers`); results before it was recorded ran one */
  workers?: number;
  seconds: number;
  overview: ApiSide;
  submit: ApiSide;
  serverMaxRssMb: number;
  /** the 1-minute load average before and after */
  load: [number, number];
}
const results = { claims: [] as ClaimsResult[], pay: [] as PayResult[], year: [] as YearResult[], api: [] as ApiResult[] };
const RESULTS_FILE = join(ROOT, 'docs/performance-results.json');
interface Stored {
  runs: { command: string; date: string; machine: string[] }[];
  claims: (ClaimsResult & { run: number })[];
  pay: (PayResult & { run: number })[];
  year: (YearResult & { run: number })[];
  api?: (ApiResult & { run: number })[];
}
/** Results of earlier runs (other stores, items or sizes) stay; those measured again are replaced. */
let thisRun: number | undefined;
function merge(head: string[]): Stored {
  const old: Stored = existsSync(RESULTS_FILE) ? JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) : { runs: [], claims: [], pay: [], year: [] };
  thisRun ??= old.runs.length;
  const run = thisRun;
  old.runs[run] = { command: `npm run bench${argv.length ? ` -- ${argv.join(' ')}` : ''}`, date: new Date().toISOString().slice(0, 16).replace('T', ' '), machine: head };
  const put = <T extends { store: string }>(list: (T & { run: number })[], fresh: T[], size: (x: T) => number) => {
    for (const f of fresh) {
      const i = list.findIndex((x) => x.store === f.store && size(x) === size(f));
      if (i >= 0) list[i] = { ...f, run };
      else list.push({ ...f, run });
    }
    list.sort((a, b) => (a.store < b.store ? -1 : a.store > b.store ? 1 : size(a) - size(b)));
  };
  put(old.claims, results.claims, (x) => x.claims);
  put(old.pay, results.pay, (x) => x.agreements);
  put(old.year, results.year, (x) => x.holders);
  put((old.api ??= []), results.api, (x) => x.holders);
  return old;
}

async function claimsBench(store: 'postgres' | 'pglite', n: number): Promise<void> {
  const holders = Math.max(50, Math.round((n * 160_000) / 1_500_000));
  const d = await dataset(`claims-${n}`, { holders, seed: `bench-${n}`, year: 2025, months: 12, claims: n, dir: join(WORK, `claims-${n}`) });
  const all = await concatClaims(d.dir);
  const t = await freshTarget(store, `c${n}`);
  try {
    const setup = await runSteps(t, d.dir, d.manifest, (i) => d.manifest.stappen[i]!.month === 0, WORK);
    log(`${store} claims ${n}: setup ${(setup.reduce((s, m) => s + (m?.wallMs ?? 0), 0) / 1000).toFixed(1)} s`);
    if (process.env.PGB_BENCH_KEEP && store === 'postgres') log(`${store} claims ${n}: the database before the import kept as ${await keepCopy(t)}, the claims file as ${all}`);
    const m = await child(['cli', '--db', t.target, 'import', 'declaraties', all]);
    log(`${store} claims ${n}: import ${(m.ms / 1000).toFixed(1)} s, ${(n / (m.ms / 1000)).toFixed(0)}/s, ${m.maxRssMb.toFixed(0)} MB: ${m.summary}`);
    let copy: CopyResult | null = null;
    try {
      copy = await copyComparison(t);
      log(`${store} claims ${n}: COPY of the same rows ${(copy.ms / 1000).toFixed(2)} s (${JSON.stringify(copy.rows)})`);
    } catch (e) {
      log(`${store} claims ${n}: COPY comparison failed: ${(e as Error).message}`);
    }
    results.claims.push({ store, claims: d.manifest.aantallen.declaraties!, lines: d.manifest.aantallen.declaratieregels!, holders, import: m, copy, setupMs: setup.reduce((s, x) => s + (x?.ms ?? 0), 0) });
  } finally {
    await t.drop();
  }
}

async function payBench(store: 'postgres' | 'pglite', agreements: number): Promise<void> {
  const holders = Math.round(agreements / 1.57);
  const d = await dataset(`pay-${agreements}`, { holders, seed: `bench-pay-${agreements}`, year: 2025, months: 1, claims: 0, monthlyShare: 1, defectFactor: 0, dir: join(WORK, `pay-${agreements}`) });
  const t = await freshTarget(store, `p${agreements}`);
  try {
    const steps = d.manifest.stappen;
    const mi = steps.findIndex((s) => s.kind === 'maandloon');
    const bi = steps.findIndex((s) => s.kind === 'betaalrun');
    const keep = process.env.PGB_BENCH_KEEP && store === 'postgres';
    const measured = await runSteps(t, d.dir, d.manifest, (i) => i < mi, WORK);
    if (keep) log(`${store} pay ${agreements}: the database before the monthly pay kept as ${await keepCopy(t, 'kept_maandloon')}`);
    const between = await runSteps(t, d.dir, d.manifest, (i) => i >= mi && i < bi, WORK);
    between.forEach((m, i) => (measured[i] = m));
    if (keep) log(`${store} pay ${agreements}: the database before the payment run kept as ${await keepCopy(t)}`);
    const rest = await runSteps(t, d.dir, d.manifest, (i) => i >= bi, WORK);
    rest.forEach((m, i) => (measured[i] = m));
    const r: PayResult = { store, agreements: d.manifest.aantallen.zorgovereenkomsten!, monthly: measured[mi]!, payment: measured[bi]!, transfers: measured[bi]!.summary };
    log(`${store} pay ${agreements}: maandloon ${(r.monthly.ms / 1000).toFixed(1)} s ${r.monthly.maxRssMb.toFixed(0)} MB; betaalrun ${(r.payment.ms / 1000).toFixed(1)} s ${r.payment.maxRssMb.toFixed(0)} MB (${r.transfers})`);
    results.pay.push(r);
  } finally {
    await t.drop();
  }
}

async function yearBench(store: 'postgres' | 'pglite', holders: number): Promise<void> {
  const d = await dataset(`year-${holders}`, { holders, seed: `bench-jaar-${holders}`, year: 2025, months: 12, dir: join(WORK, `year-${holders}`) });
  const t = await freshTarget(store, `y${holders}`);
  try {
    const steps = d.manifest.stappen;
    const measured = await runSteps(t, d.dir, d.manifest, () => true, WORK);
    const byKind: YearResult['byKind'] = {};
    let slowest = { step: '', ms: 0 };
    steps.forEach((s, i) => {
      const m = measured[i]!;
      const kind = s.kind === 'import' ? `import ${s.args[1]}` : s.kind;
      const k = (byKind[kind] ??= { ms: 0, maxRssMb: 0, n: 0 });
      k.ms += m.ms;
      k.n++;
      k.maxRssMb = Math.max(k.maxRssMb, m.maxRssMb);
      if (m.ms > slowest.ms) slowest = { step: `pgb ${s.args.join(' ')}`, ms: m.ms };
    });
    const totalMs = measured.reduce((s, m) => s + m.ms, 0);
    const r: YearResult = { store, holders, agreements: d.manifest.aantallen.zorgovereenkomsten!, claims: d.manifest.aantallen.declaraties!, totalMs, byKind, maxRssMb: Math.max(...measured.map((m) => m.maxRssMb)), slowest };
    log(`${store} year ${holders}: ${(totalMs / 1000).toFixed(1)} s, max ${r.maxRssMb.toFixed(0)} MB, slowest ${slowest.step} ${(slowest.ms / 1000).toFixed(1)} s`);
    results.year.push(r);
  } finally {
    await t.drop();
  }
}

// ---- 5. the HTTP API ----

async function apiBench(holders: number): Promise<void> {
  const t = await freshTarget('postgres', `api${holders}`);
  try {
    const before = loadavg()[0]!;
    const r = await new Promise<Omit<ApiResult, 'store' | 'load' | 'holders'>>((ok, fail) => {
      const p = spawn(process.execPath, [join(ROOT, 'bench/api.ts'), t.target, join(WORK, `api-${holders}`), String(holders)], { cwd: ROOT, env: { ...process.env, DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      p.stdout.on('data', (d) => (out += d));
      p.on('close', (code) => {
        const line = out.split('\n').find((l) => l.startsWith('BENCH '));
        if (code !== 0 || !line) return fail(new Error(`bench/api.ts ended with ${code}`));
        ok(JSON.parse(line.slice(6)));
      });
    });
    results.api.push({ store: 'postgres', holders, signedIn: r.signedIn, connections: r.connections, workers: r.workers, seconds: r.seconds, overview: r.overview, submit: r.submit, serverMaxRssMb: r.serverMaxRssMb, load: [before, loadavg()[0]!] });
  } finally {
    await t.drop();
  }
}

// ---- the report ----

const s = (ms: number) => (ms / 1000).toFixed(ms < 10_000 ? 2 : 1);
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const growth = (list: number[], i: number) => (i === 0 ? '' : `×${(list[i]! / list[i - 1]!).toFixed(1)}`);

async function machine(): Promise<string[]> {
  let pgVersion = 'not reachable';
  try {
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    pgVersion = (await c.query<{ v: string }>('SELECT version() AS v')).rows[0]!.v;
    const sb = (await c.query<{ s: string }>("SELECT current_setting('shared_buffers') AS s")).rows[0]!.s;
    const wm = (await c.query<{ s: string }>("SELECT current_setting('work_mem') AS s")).rows[0]!.s;
    const sc = (await c.query<{ s: string }>("SELECT current_setting('synchronous_commit') AS s")).rows[0]!.s;
    pgVersion += ` (shared_buffers ${sb}, work_mem ${wm}, synchronous_commit ${sc}; stock settings; the platform's own connections set jit = off from 7 December on)`;
    await c.end();
  } catch {
    /* reported as not reachable */
  }
  const cpuModel = readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/)?.[1] ?? cpus()[0]?.model ?? '?';
  const pglite = JSON.parse(readFileSync(join(ROOT, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')).version as string;
  return [
    `- machine: ${cpus().length} cores (nproc), ${(totalmem() / 2 ** 30).toFixed(1)} GiB memory (${(freemem() / 2 ** 30).toFixed(1)} GiB free at the start), CPU \`${cpuModel}\`; shared with other work`,
    `- Node.js ${process.version}; PostgreSQL: ${pgVersion}; PGlite ${pglite}`,
    `- command: \`npm run bench${argv.length ? ` -- ${argv.join(' ')}` : ''}\`; date ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  ];
}

function report(all: Stored): string {
  const out: string[] = ['<!-- bench:start (written by npm run bench from docs/performance-results.json; edits between the markers are overwritten) -->', ''];
  out.push(...all.runs.at(-1)!.machine.filter((l) => !l.startsWith('- command')), '', 'Runs (the number in the tables\' "run" column):', '');
  all.runs.forEach((r, i) => out.push(`${i}. \`${r.command}\` on ${r.date} UTC`));
  out.push('');
  const STORES = ['postgres', 'pglite'];
  const results = all as Stored & { api?: (ApiResult & { run: number })[] };
  if (results.claims.length) {
    out.push('### 1–2. Claims imported, checked and booked end to end (`pgb import declaraties`), against COPY of the same rows', '');
    out.push('| store | claims | lines | holders | import | claims/s | growth | peak RSS | COPY of the rows it wrote | platform / COPY rate | COPY without reference checks | platform / that rate | run |');
    out.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const store of STORES) {
      const list = results.claims.filter((r) => r.store === store);
      list.forEach((r, i) => {
        const rows = r.copy ? Object.values(r.copy.rows).reduce((a, b) => a + b, 0) : 0;
        out.push(
          `| ${store} | ${int(r.claims)} | ${int(r.lines)} | ${int(r.holders)} | ${s(r.import.ms)} s | ${int(r.claims / (r.import.ms / 1000))} | ${growth(list.map((x) => x.import.ms), i)} | ${r.import.maxRssMb.toFixed(0)} MB | ${r.copy ? `${s(r.copy.ms)} s (${int(rows)} rows${r.copy.bytes ? `, ${(r.copy.bytes / 2 ** 20).toFixed(0)} MiB` : ''})` : '–'} | ${r.copy ? `${((100 * r.copy.ms) / r.import.ms).toFixed(0)}%` : '–'} | ${r.copy?.noFkMs ? `${s(r.copy.noFkMs)} s` : '–'} | ${r.copy?.noFkMs ? `${((100 * r.copy.noFkMs) / r.import.ms).toFixed(0)}%` : '–'} | ${r.run} |`,
        );
      });
    }
    out.push('', '"growth" is the time against the size before it (10× the claims: linear is ×10). "platform / COPY rate" is COPY\'s time divided by the import\'s time: the share of the machine\'s limit for writing these rows that the whole import reaches. The copies have the same indexes, checks and reference checks (foreign keys; from migration 012 on, the bulk tables\' references are checked per statement by triggers, copied too; a child points at the copied parent); the column after it leaves the reference checks out.', '');
  }
  if (results.pay.length) {
    out.push('### 3. Monthly pay and the payment run with its SEPA file', '');
    out.push('| store | agreements (all monthly) | `pgb maandloon` | growth | peak RSS | `pgb betaalrun` | growth | peak RSS | what it did | run |');
    out.push('|---|---:|---:|---:|---:|---:|---:|---:|---|---:|');
    for (const store of STORES) {
      const list = results.pay.filter((r) => r.store === store);
      list.forEach((r, i) => {
        out.push(`| ${store} | ${int(r.agreements)} | ${s(r.monthly.ms)} s | ${growth(list.map((x) => x.monthly.ms), i)} | ${r.monthly.maxRssMb.toFixed(0)} MB | ${s(r.payment.ms)} s | ${growth(list.map((x) => x.payment.ms), i)} | ${r.payment.maxRssMb.toFixed(0)} MB | ${r.transfers} | ${r.run} |`);
      });
    }
    out.push('');
  }
  if (results.year.length) {
    out.push('### 4. A national year: every file of twelve months, the monthly pay and a payment run each month', '');
    out.push('| store | holders | agreements | claims | total | growth | peak RSS (any step) | slowest step | run |');
    out.push('|---|---:|---:|---:|---:|---:|---:|---|---:|');
    for (const store of STORES) {
      const list = results.year.filter((r) => r.store === store);
      list.forEach((r, i) => {
        out.push(`| ${store} | ${int(r.holders)} | ${int(r.agreements)} | ${int(r.claims)} | ${s(r.totalMs)} s | ${growth(list.map((x) => x.totalMs), i)} | ${r.maxRssMb.toFixed(0)} MB | ${r.slowest.step}: ${s(r.slowest.ms)} s | ${r.run} |`);
      });
    }
    if (results.year.some((r) => Object.keys(r.byKind).length > 0)) out.push('', 'Per kind of step, for the largest year of each store:', '');
    else out.push('');
    for (const store of STORES) {
      const r = results.year.filter((x) => x.store === store).at(-1);
      if (!r || Object.keys(r.byKind).length === 0) continue;
      out.push(`| ${store}, ${int(r.holders)} holders | steps | time | peak RSS |`, '|---|---:|---:|---:|');
      for (const [k, v] of Object.entries(r.byKind)) out.push(`| ${k} | ${v.n} | ${s(v.ms)} s | ${v.maxRssMb.toFixed(0)} MB |`);
      out.push('');
    }
  }
  out.push('### 5. HTTP API under 64 connections (autocannon against `pgb serve` on PostgreSQL, signed-in holders)', '');
  if (results.api?.length) {
    out.push('| holders in the country | holders signed in | server processes | request | req/s | p50 | p99 | answers | server peak RSS | load average (1 min) before / after | run |', '|---:|---:|---:|---|---:|---:|---:|---|---:|---|---:|');
    for (const r of results.api) {
      for (const [what, x] of [['`GET /api/budgetten` (budget overview)', r.overview], ['`POST /api/declaraties` (claim submission)', r.submit]] as const) {
        const answers = Object.entries(x.statuses).map(([k, v]) => `${int(v)}× ${k}`).join(', ') + (x.errors ? `, ${x.errors} errors` : '');
        out.push(`| ${int(r.holders)} | ${r.signedIn} | ${r.workers ?? 1} | ${what} | ${int(x.rps)} | ${x.p50} ms | ${x.p99} ms | ${answers} | ${r.serverMaxRssMb.toFixed(0)} MB | ${r.load[0].toFixed(1)} / ${r.load[1].toFixed(1)} | ${r.run} |`);
      }
    }
    out.push('', `${results.api[0]!.connections} connections for ${results.api[0]!.seconds} s each; each request from one of the signed-in holders' sessions in turn (cookie, and the CSRF token for the submission), a new declaratie_id per submission.`, '');
  } else out.push('Not measured yet: `npm run bench -- --items 5`.', '');
  out.push('<!-- bench:end -->');
  return out.join('\n');
}

// ---- main ----

/** After each measurement: results and tables written, so a run stopped early keeps what it measured. */
let HEAD: string[] = [];
function save(): void {
  if (!WRITE) return;
  const all = merge(HEAD);
  writeFileSync(RESULTS_FILE, `${JSON.stringify(all, null, 1)}\n`);
  writeDoc(report(all));
}

function writeDoc(text: string): void {
  const path = join(ROOT, 'docs/performance.md');
  const doc = existsSync(path) ? readFileSync(path, 'utf8') : '# Performance\n\n<!-- bench:start -->\n<!-- bench:end -->\n';
  const start = doc.indexOf('<!-- bench:start');
  const end = doc.indexOf('<!-- bench:end -->');
  writeFileSync(path, start >= 0 && end > start ? doc.slice(0, start) + text + doc.slice(end + '<!-- bench:end -->'.length) : `${doc}\n${text}\n`);
}

if (argv.includes('--render')) {
  // only rewrite the tables of docs/performance.md from docs/performance-results.json
  rmSync(WORK, { recursive: true, force: true });
  writeDoc(report(JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as Stored));
  process.exit(0);
}

log(`work directory ${WORK}; stores ${STORES.join(', ')}; items ${[...ITEMS].join(', ')}${QUICK ? ' (quick)' : ''}`);
const head = await machine();
HEAD = head;
try {
  for (const store of STORES) {
    if (ITEMS.has(1)) for (const n of SIZES.claims) (await claimsBench(store, n), save());
    if (ITEMS.has(3)) for (const n of SIZES.agreements) (await payBench(store, n), save());
    if (ITEMS.has(4)) for (const n of SIZES.holders) (await yearBench(store, n), save());
  }
  if (ITEMS.has(5) && STORES.includes('postgres')) (await apiBench(SIZES.holders[0]!), save());
} finally {
  const all = merge(head);
  const text = report(all);
  process.stdout.write(`${text}\n`);
  if (WRITE) {
    writeFileSync(RESULTS_FILE, `${JSON.stringify(all, null, 1)}\n`);
    writeDoc(text);
    log('docs/performance.md written');
  }
  if (!process.env.PGB_BENCH_KEEP) rmSync(WORK, { recursive: true, force: true });
}
