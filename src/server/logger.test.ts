import { test } from 'node:test';
import assert from 'node:assert/strict';
import { maskLogLine, maskSensitive } from './logger.ts';

test('BSN-like numbers and IBANs are masked in any text, printed or electronic', () => {
  assert.equal(maskSensitive('/api/x?bsn=999999990&n=12345678'), '/api/x?bsn=*****9990&n=12345678');
  assert.equal(maskSensitive('NL91ABNA0417164300 en NL91 ABNA 0417 1643 00'), 'NL91**********4300 en NL91**********4300');
  assert.equal(maskSensitive('tijd 1795498186774, bedrag 1234567890'), 'tijd 1795498186774, bedrag 1234567890', 'longer numbers are not BSNs');
  assert.equal(maskSensitive('DE89370400440532013000'), 'DE89**************3000');
});

test('a log line stays valid JSON with every string masked, keys too', () => {
  const line = maskLogLine(`${JSON.stringify({ msg: 'voor 999999990', req: { url: '/a?iban=NL91ABNA0417164300' }, n: 999999990, ['999999990']: 1 })}\n`);
  const o = JSON.parse(line);
  assert.equal(o.msg, 'voor *****9990');
  assert.equal(o.req.url, '/a?iban=NL91**********4300');
  assert.equal(o['*****9990'], 1);
  assert.equal(maskLogLine('geen json 999999990'), 'geen json *****9990');
});
