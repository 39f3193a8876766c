import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isConnectionError, retryDelayMs } from './backoff.ts';

test('retries back off from 1 minute, doubling, to at most 6 hours', () => {
  assert.deepEqual([1, 2, 3, 4, 5].map((n) => retryDelayMs(n) / 60_000), [1, 2, 4, 8, 16]);
  assert.equal(retryDelayMs(9), 256 * 60_000);
  assert.equal(retryDelayMs(10), 6 * 60 * 60_000); // 512 minutes would be more than 6 hours
  assert.equal(retryDelayMs(1000), 6 * 60 * 60_000);
  assert.equal(retryDelayMs(0), 0);
});

test('a refused or dropped connection stops the run; a refused recipient does not', () => {
  assert.equal(isConnectionError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ESOCKET' })), true);
  assert.equal(isConnectionError(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })), true);
  assert.equal(isConnectionError(Object.assign(new Error('550 no such user'), { code: 'EENVELOPE' })), false);
  assert.equal(isConnectionError(null), false);
});
