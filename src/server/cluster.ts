/**
 * `pgb serve --werkers N`: N server processes (node:cluster) that share one port; the primary
 * process accepts the connections and hands them to the workers in turn, and serves nothing itself.
 *
 * What makes this correct with several processes: all state of a request lives in the database
 * (sessions and their CSRF tokens, sign-in attempts for the rate limit, idempotency keys), so a
 * request may reach any worker. The one secret that lives in the process, the key that signs the
 * OpenID Connect state cookie (`PGB_SESSIE_GEHEIM`, random per start when not configured), is
 * chosen once here and given to every worker. Each worker has its own connection pool (and so its
 * own prepared statements); the schema is brought up to date by the primary before the workers
 * start. The server runs no timers or background senders (e-mail goes out with `pgb mail`), so
 * nothing must be confined to one worker. Each worker logs on the shared standard output (and
 * appends to `PGB_LOG_FILE`, line by line). SIGINT or SIGTERM to the primary stops every worker
 * cleanly (each finishes its requests, as a single `pgb serve` does) and then the primary.
 */
import cluster, { type Worker } from 'node:cluster';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/pgb.mjs', import.meta.url));

/** What a worker tells the primary once it listens. */
export interface ListeningMessage {
  pgbServe: 'luistert';
  address: string;
}

export function isListeningMessage(m: unknown): m is ListeningMessage {
  return typeof m === 'object' && m !== null && (m as { pgbServe?: unknown }).pgbServe === 'luistert' && typeof (m as { address?: unknown }).address === 'string';
}

export interface PrimaryOptions {
  workers: number;
  /** the arguments of `bin/pgb.mjs` for one worker (`--db … serve --port … --host …`) */
  args: string[];
  /** the environment of the workers (with the shared session secret) */
  env: NodeJS.ProcessEnv;
  /** once every worker listens: their (shared) address */
  onListening: (address: string) => void;
  /** a line for the operator (a worker that stopped) */
  report: (line: string) => void;
}

/**
 * Starts the workers and waits until a signal stops them all (or one fails to start). Resolves
 * with the exit code: 0 when every worker stopped cleanly after the signal.
 */
export async function runPrimary(o: PrimaryOptions): Promise<number> {
  cluster.setupPrimary({ exec: BIN, args: o.args, execArgv: process.execArgv });
  let stopping = false;
  let failed = false;
  let listening = 0;
  let announced = false;
  const live = new Set<Worker>();
  let allGone!: () => void;
  const gone = new Promise<void>((resolve) => (allGone = resolve));

  const stopAll = () => {
    if (stopping) return;
    stopping = true;
    for (const w of live) w.process.kill('SIGTERM');
    if (live.size === 0) allGone();
  };

  const start = (): void => {
    const w = cluster.fork(o.env);
    live.add(w);
    let ready = false;
    w.on('message', (m: unknown) => {
      if (!isListeningMessage(m) || ready) return;
      ready = true;
      listening++;
      if (!announced && listening >= o.workers) {
        announced = true;
        o.onListening(m.address);
      }
    });
    w.on('exit', (code, signal) => {
      live.delete(w);
      if (ready) listening--;
      if (stopping) {
        if (code !== 0) failed = true;
        if (live.size === 0) allGone();
        return;
      }
      o.report(`pgb serve: werker ${w.process.pid} stopte onverwacht (${signal ?? `code ${code}`})`);
      if (ready) {
        start(); // it had served: a new one takes its place
      } else {
        failed = true; // it never started: starting another would fail the same way
        stopAll();
      }
    });
  };

  const onSignal = () => stopAll();
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    for (let i = 0; i < o.workers; i++) start();
    await gone;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  return failed ? 1 : 0;
}

/** In a worker: tell the primary that this worker listens (it prints the address once for all). */
export function announceListening(address: string): void {
  if (cluster.isWorker) process.send?.({ pgbServe: 'luistert', address } satisfies ListeningMessage);
}

export const isWorker = (): boolean => cluster.isWorker;
