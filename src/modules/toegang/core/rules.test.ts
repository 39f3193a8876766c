import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attemptVerdict, FAILURE_WINDOW_MS, safeReturnPath, sessionValid } from './rules.ts';
import { parseBearer, sameSecret, signValue, verifySigned } from './tokens.ts';

const t0 = new Date('2026-11-02T10:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

test('five failures within fifteen minutes block until the oldest of them leaves the window', () => {
  const four = [at(0), at(60_000), at(120_000), at(180_000)];
  assert.deepEqual(attemptVerdict(four, at(200_000)), { blocked: false });
  const five = [...four, at(240_000)];
  assert.deepEqual(attemptVerdict(five, at(300_000)), { blocked: true, retryAfterSeconds: (FAILURE_WINDOW_MS - 300_000) / 1000 });
  assert.deepEqual(attemptVerdict(five, at(FAILURE_WINDOW_MS)), { blocked: false });
  const six = [...five, at(250_000)];
  assert.deepEqual(attemptVerdict(six, at(FAILURE_WINDOW_MS)), { blocked: true, retryAfterSeconds: 60 });
});

test('a session ends when ended, at its absolute end, or after the idle limit', () => {
  const s = { laatst_gebruikt_op: at(0), verloopt_op: at(12 * 3600_000), beeindigd_op: null };
  assert.equal(sessionValid(s, at(29 * 60_000), 30), true);
  assert.equal(sessionValid(s, at(30 * 60_000), 30), false);
  assert.equal(sessionValid({ ...s, laatst_gebruikt_op: at(12 * 3600_000 - 60_000) }, at(12 * 3600_000), 30), false);
  assert.equal(sessionValid({ ...s, beeindigd_op: at(1) }, at(2), 30), false);
});

test('signed values: tampering or another secret is refused', () => {
  const secret = 'x'.repeat(32);
  const signed = signValue('{"state":"abc"}', secret);
  assert.equal(verifySigned(signed, secret), '{"state":"abc"}');
  assert.equal(verifySigned(signed, 'y'.repeat(32)), null);
  assert.equal(verifySigned(signed.replace(/^./, 'A'), secret), null);
  assert.equal(verifySigned(undefined, secret), null);
});

test('bearer credentials and return paths', () => {
  assert.deepEqual(parseBearer('Bearer apc_1.abcdefghijklmnopqrstuv'), { clientId: 'apc_1', secret: 'abcdefghijklmnopqrstuv' });
  assert.equal(parseBearer('Bearer apc_1'), null);
  assert.equal(parseBearer('Basic abc'), null);
  assert.equal(sameSecret('a', 'a'), true);
  assert.equal(sameSecret('a', 'b'), false);
  assert.equal(safeReturnPath('/portaal?x=1'), '/portaal?x=1');
  assert.equal(safeReturnPath('//evil.example'), '/');
  assert.equal(safeReturnPath('https://evil.example'), '/');
  assert.equal(safeReturnPath(undefined), '/');
});
