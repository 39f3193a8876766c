/**
 * `pgb serve` as a person starts it: a separate process on the configured database (a PGlite
 * directory, or PostgreSQL when DATABASE_URL names one), listening on the address it prints,
 * stopping cleanly on SIGTERM.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { freshTarget, STORE } from '../support/db.ts';
import { startServe } from '../support/serve.ts';

test(`pgb serve answers on the address it prints and stops on SIGTERM (${STORE})`, { timeout: 120_000 }, async () => {
  const t = await freshTarget();
  const { child, out, err, exited, address: printed } = startServe(t.target, [], { PGB_LOG_NIVEAU: 'warn' });
  try {
    const address = await printed();
    const doc = await fetch(`${address}/api/openapi.json`);
    assert.equal(doc.status, 200);
    assert.match(((await doc.json()) as { openapi: string }).openapi, /^3\.1/);
    const me = await fetch(`${address}/api/sessie`);
    assert.equal(me.status, 401);
    child.kill('SIGTERM');
    assert.equal(await exited, 0, `${out()}${err()}`);
    assert.match(out(), /gestopt met luisteren/);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    await t.cleanup();
  }
});
