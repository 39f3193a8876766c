/**
 * `pgb serve` as a person starts it: a separate process on the configured database (a PGlite
 * directory, or PostgreSQL when DATABASE_URL names one), listening on the address it prints,
 * stopping cleanly on SIGTERM.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freshTarget, STORE } from '../support/db.ts';

const BIN = fileURLToPath(new URL('../../bin/pgb.mjs', import.meta.url));

test(`pgb serve answers on the address it prints and stops on SIGTERM (${STORE})`, { timeout: 120_000 }, async () => {
  const t = await freshTarget();
  const child = spawn(process.execPath, [BIN, '--db', t.target, 'serve', '--port', '0'], {
    env: { ...process.env, DATABASE_URL: '', PGB_LOG_NIVEAU: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr.on('data', (b: Buffer) => (err += b.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    const address = await new Promise<string>((resolve, reject) => {
      const timer = setInterval(() => {
        const m = /pgb serve: (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
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
    const doc = await fetch(`${address}/api/openapi.json`);
    assert.equal(doc.status, 200);
    assert.match(((await doc.json()) as { openapi: string }).openapi, /^3\.1/);
    const me = await fetch(`${address}/api/sessie`);
    assert.equal(me.status, 401);
    child.kill('SIGTERM');
    assert.equal(await exited, 0, `${out}${err}`);
    assert.match(out, /gestopt met luisteren/);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    await t.cleanup();
  }
});
