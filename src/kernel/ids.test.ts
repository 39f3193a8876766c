import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newId } from './ids.ts';

test('ids: prefix, 18 characters of Crockford base32, time-sortable, unique over many in one millisecond', () => {
  const ids = Array.from({ length: 100_000 }, () => newId('btl'));
  for (const id of ids.slice(0, 1000)) assert.match(id, /^btl_[0-9A-HJKMNP-TV-Z]{18}$/);
  assert.equal(new Set(ids).size, ids.length);
  assert.deepEqual([...ids.slice(0, 5000)].sort(), ids.slice(0, 5000), 'in the order they were made (up to 32,768 per millisecond)');
});

test('ids: the random part varies (not the same bytes over and over from the pool)', () => {
  const tails = new Set(Array.from({ length: 2000 }, () => newId('aud').slice(-5)));
  assert.ok(tails.size > 1900, `${tails.size} different random parts in 2,000 ids`);
});
