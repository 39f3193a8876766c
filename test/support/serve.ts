/**
 * `pgb serve` as a person starts it, for the tests of the command itself: a separate process of
 * bin/pgb.mjs on a test database, its output collected, and the address it prints awaited.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/pgb.mjs', import.meta.url));

export interface Serving {
  child: ChildProcess;
  /** what it printed so far on standard output and standard error */
  out: () => string;
  err: () => string;
  /** its exit code, once it stopped */
  exited: Promise<number | null>;
  /** the address it printed: the first group of `pattern`; rejects when the process stops first */
  address: (pattern?: RegExp) => Promise<string>;
}

/** Starts `pgb --db <target> serve --port 0 …args` (DATABASE_URL cleared: the target decides). */
export function startServe(target: string, args: string[] = [], env: NodeJS.ProcessEnv = {}): Serving {
  const child = spawn(process.execPath, [BIN, '--db', target, 'serve', '--port', '0', ...args], {
    env: { ...process.env, DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (err += b.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const address = (pattern = /pgb serve: (http:\/\/127\.0\.0\.1:\d+)/) =>
    new Promise<string>((resolve, reject) => {
      const timer = setInterval(() => {
        const m = pattern.exec(out);
        if (m) {
          clearInterval(timer);
          resolve(m[1]!);
        }
      }, 100);
      void exited.then((code) => {
        clearInterval(timer);
        reject(new Error(`pgb serve stopte (${code}): ${out}${err}`));
      });
    });
  return { child, out: () => out, err: () => err, exited, address };
}
