/** COPY's text format as `copyText`, `copyChunks` and `copyField` write it (PostgreSQL docs, COPY, "Text Format"). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { copyChunks, copyField, copyText } from './connection.ts';

test('backslash, tab, newline and carriage return are escaped, null is \\N, numbers and dates as text', () => {
  assert.equal(copyText([['a\\b\tc\nd\re', null, 5, new Date('2026-03-02T10:00:00Z')]]), 'a\\\\b\\tc\\nd\\re\t\\N\t5\t2026-03-02T10:00:00.000Z\n');
  assert.equal(copyText([['\\n is not a newline'], ['x\\\\\ny']]), '\\\\n is not a newline\nx\\\\\\\\\\ny\n');
});

test('a text of millions of special characters is escaped the same way piece by piece as whole', () => {
  let text = '';
  for (let i = 0; i < 200_000; i++) text += ['<a>', '\n', '\t', '\\', '\r', 'é'][i % 6];
  const whole = copyField(text);
  const pieces = [text.slice(0, 99_999), text.slice(99_999)].map(copyField).join('');
  assert.equal(pieces, whole);
  const specials = [...text].filter((c) => '\\\t\n\r'.includes(c)).length;
  assert.equal(whole.length, text.length + specials); // one backslash more for each
  assert.equal([...copyChunks([[text]], 1000)].join(''), `${whole}\n`);
});
