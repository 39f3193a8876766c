/**
 * Item 5 of `npm run bench` (issue #6): the HTTP API under 64 concurrent connections, with
 * autocannon, against the real server (`pgb serve`, in a process of its own) on PostgreSQL with a
 * generated country loaded through the real imports, monthly pay and payment runs.
 *
 *   node bench/api.ts <postgres url of an empty database> <work dir> <holders>
 *
 * Signs in real budget holders (accounts with role budgethouder, a session each, as after a
 * password sign-in) and measures:
 *   - GET /api/budgetten: a holder's budget overview (each request from one of the holders' sessions);
 *   - POST /api/declaraties: a holder submits a claim for one of their approved agreements
 *     (cookie and CSRF token, a new declaratie_id per request), checked and booked at once.
 * The server runs with `--werkers BENCH_API_WORKERS` (default: one per core, `os.availableParallelism()`).
 * Prints one line `BENCH {...}` with requests/s, p50/p99 latency, status counts, the number of
 * server processes and their peak RSS (summed over the workers).
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import autocannon from 'autocannon';
import { openDb } from '../src/db/connection.ts';
import { migrate } from '../src/db/migrate.ts';
import { generateFiles, type Step } from '../src/modules/synthetisch/index.ts';
import { runStep, stepClock } from '../src/modules/synthetisch/run-steps.ts';
import { createUser, SESSION_COOKIE } from '../src/modules/toegang/index.ts';
import { hashPassword } from '../src/modules/toegang/core/passwords.ts';
import { startSession } from '../src/modules/toegang/use-cases/sessions.ts';
import { userByName } from '../src/modules/toegang/repo.ts';

const ROOT = resolve(import.meta.dirname, '..');
const DEBTOR = { name: 'PGB Trekkingsrecht Betaalbureau', iban: 'NL91ABNA0417164300' };
const [url, dir, holdersArg] = process.argv.slice(2) as [string, string, string];
const CONNECTIONS = 64;
const DURATION = Number(process.env.BENCH_API_SECONDS ?? 20);
const SIGNED_IN = 200;
const WORKERS = Number(process.env.BENCH_API_WORKERS ?? availableParallelism());
const log = (l: string) => process.stderr.write(`[api] ${l}\n`);

// ---- the country ----
const t0 = performance.now();
// BENCH_API_LOADED=1: the database already holds the country (a second look, e.g. with BENCH_API_PROF=<dir> for a CPU profile of the server)
const loaded = process.env.BENCH_API_LOADED === '1';
const manifest = loaded ? { aantallen: {}, stappen: [] } : await generateFiles({ holders: Number(holdersArg), seed: `bench-api-${holdersArg}`, year: 2025, months: 12, dir });
const steps = manifest.stappen as Step[];
const db = await openDb({ target: url });
if (!loaded) await migrate(db);
for (const step of steps) await runStep(db, step, { dir, actor: 'bench', debtor: DEBTOR, now: stepClock(steps, step), sepaDir: dir });
const loadMs = performance.now() - t0;
log(`country loaded in ${(loadMs / 1000).toFixed(1)} s: ${JSON.stringify(manifest.aantallen)}`);

// ---- holders signed in ----
const rows = (
  await db.query<{ bsn: string; zorgovereenkomst_id: string; zorgverlener_id: string; tarief: string; eenheid: string; ingangsdatum: string }>(
    `SELECT DISTINCT ON (h.id) h.bsn, z.zorgovereenkomst_id, z.zorgverlener_id, z.tarief::text, z.eenheid, z.ingangsdatum::text
       FROM budgethouders h JOIN zorgovereenkomsten z ON z.budgethouder_id = h.id
      WHERE z.status = 'geaccordeerd' AND z.maandbedrag IS NULL AND z.einddatum IS NULL
      ORDER BY h.id, z.zorgovereenkomst_id LIMIT $1`,
    [SIGNED_IN],
  )
).rows;
const hash = await hashPassword('bench-wachtwoord-2026');
const now = new Date();
const RUN = Date.now().toString(36);
const sessions: { cookie: string; csrf: string; body: (n: number) => string }[] = [];
for (const [i, r] of rows.entries()) {
  const name = `bench.houder.${Date.now().toString(36)}.${i}`;
  await createUser(db, { gebruikersnaam: name, naam: `Budgethouder ${i}`, rol: 'budgethouder', wachtwoordHash: hash, budgethouders: [r.bsn], actor: 'bench' });
  const user = (await userByName(db, name))!;
  const s = await db.transaction((tx) => startSession(tx, { user, method: 'wachtwoord', ip: '127.0.0.1', now, settings: { idleMinutes: 60, maxHours: 8 } }));
  const tarief = (Number(r.tarief) / 100).toFixed(2);
  // a day of care in the last month: inside the agreement and the allocation, one line per claim
  sessions.push({
    cookie: `${SESSION_COOKIE}=${s.token}`,
    csrf: s.csrfToken,
    body: (n) => JSON.stringify({ declaratie_id: `BENCH-${RUN}-${i}-${n}`, zorgverlener_id: r.zorgverlener_id, zorgovereenkomst_id: r.zorgovereenkomst_id, regels: [{ datum: `2025-12-${String(1 + (n % 28)).padStart(2, '0')}`, eenheden: '1', tarief, omschrijving: 'bench' }] }),
  });
}
await db.close();
log(`${sessions.length} holders signed in`);

// ---- the server: pgb serve, in its own process ----
const heap = (readFileSync(join(ROOT, 'bin/pgb.mjs'), 'utf8').split('\n')[0]!.match(/--max-old-space-size=\d+/) ?? []) as string[];
const server = spawn(process.execPath, [...heap, ...(process.env.BENCH_API_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_API_PROF}`] : []), join(ROOT, 'bin/pgb.mjs'), '--db', url, 'serve', '--port', '0', ...(WORKERS > 1 ? ['--werkers', String(WORKERS)] : [])], {
  cwd: ROOT,
  env: { ...process.env, DATABASE_URL: url, PGB_DEBITEUR_IBAN: DEBTOR.iban, PGB_LOG_NIVEAU: 'warn', PGB_SESSIE_GEHEIM: 'bench-sessie-geheim-0123456789abcdefghij' },
  stdio: ['ignore', 'pipe', 'pipe'],
});
let serverErr = '';
server.stderr.on('data', (d) => (serverErr += d));
const address = await new Promise<string>((ok, fail) => {
  let out = '';
  server.stdout.on('data', (d) => {
    out += d;
    const m = out.match(/pgb serve: (http:\/\/\S+)/);
    if (m) ok(m[1]!);
  });
  server.on('close', (code) => fail(new Error(`pgb serve ended with ${code}: ${serverErr.slice(-2000)}`)));
});
log(`server at ${address} (${WORKERS} worker${WORKERS > 1 ? 's' : ''})`);

interface Result {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  statuses: Record<string, number>;
  errors: number;
}

async function measure(title: string, method: 'GET' | 'POST', path: string): Promise<Result> {
  let n = 0;
  const statuses: Record<string, number> = {};
  const r = await autocannon({
    url: address,
    connections: CONNECTIONS,
    duration: DURATION,
    requests: [
      {
        method,
        path,
        setupRequest: (req) => {
          const k = n++;
          const s = sessions[k % sessions.length]!;
          const headers: Record<string, string> = { cookie: s.cookie };
          if (method === 'POST') {
            headers['x-csrf-token'] = s.csrf;
            headers['content-type'] = 'application/json';
            return { ...req, headers, body: s.body(Math.floor(k / sessions.length)) };
          }
          return { ...req, headers };
        },
        onResponse: (status) => {
          statuses[status] = (statuses[status] ?? 0) + 1;
        },
      },
    ],
  });
  const out = { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, requests: r.requests.total, statuses, errors: r.errors + r.timeouts };
  log(`${title}: ${out.rps.toFixed(0)} req/s, p50 ${out.p50} ms, p99 ${out.p99} ms, ${JSON.stringify(statuses)}`);
  return out;
}

// a short warm-up so the server's JIT and the connection pool are ready
await autocannon({ url: `${address}/api/budgetten`, connections: 8, duration: 2, headers: { cookie: sessions[0]!.cookie } });
/** Peak RSS of a process (MB). */
const peakRss = (pid: number) => Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmHWM:\s+(\d+)/)?.[1] ?? 0) / 1024;
/** The workers of `--werkers N`: the primary's children. */
const children = (pid: number) => readdirSync(`/proc/${pid}/task`).flatMap((t) => readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number));
/** CPU seconds (user + system) of the server's processes so far: the primary and its workers. */
const serverPids = () => [server.pid!, ...(WORKERS > 1 ? children(server.pid!) : [])];
const cpuSeconds = () => serverPids().reduce((sum, pid) => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return sum + (Number(f[11]) + Number(f[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
}, 0);
const cpu0 = cpuSeconds();
const overview = { ...(await measure('GET /api/budgetten', 'GET', '/api/budgetten')), serverCpuSeconds: 0 };
overview.serverCpuSeconds = cpuSeconds() - cpu0;
log(`GET /api/budgetten: server CPU ${overview.serverCpuSeconds.toFixed(1)} s, ${((overview.serverCpuSeconds * 1000) / overview.requests).toFixed(2)} ms per request`);
const submit = await measure('POST /api/declaraties', 'POST', '/api/declaraties');
const rss = WORKERS > 1 ? children(server.pid!).reduce((sum, pid) => sum + peakRss(pid), 0) : peakRss(server.pid!);
if (serverErr) log(`server's log (last part): ${serverErr.slice(-1500)}`);
server.kill('SIGTERM');
await new Promise((r) => server.once('close', r));
process.stdout.write(`BENCH ${JSON.stringify({ holders: manifest.aantallen, signedIn: sessions.length, connections: CONNECTIONS, workers: WORKERS, seconds: DURATION, loadMs, overview, submit, serverMaxRssMb: rss })}\n`);
