import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isValidAgb, isValidBsn, isValidKvk, maskBsn, maskIban, normalizeIban } from './identifiers.ts';
import { syntheticBsn, syntheticIban } from './synthetic.ts';

describe('isValidBsn (elfproef)', () => {
  test('valid BSNs', () => {
    // 111222333: 9+8+7+12+10+8+9+6 = 69, 69 − 3 = 66 = 6 × 11
    assert.equal(isValidBsn('111222333'), true);
    // 123456782: 9+16+21+24+25+24+21+16 = 156, 156 − 2 = 154 = 14 × 11
    assert.equal(isValidBsn('123456782'), true);
  });

  test('invalid BSNs', () => {
    // 123456789: 156 − 9 = 147, not divisible by 11
    assert.equal(isValidBsn('123456789'), false);
    assert.equal(isValidBsn('111222334'), false);
    assert.equal(isValidBsn('000000000'), false, 'all zeros passes the sum but is no BSN');
    assert.equal(isValidBsn('12345678'), false, '8 digits');
    assert.equal(isValidBsn('1234567820'), false, '10 digits');
    assert.equal(isValidBsn('12345678a'), false);
    assert.equal(isValidBsn('1234 5678 2'), false);
    assert.equal(isValidBsn(' 111222333'), false);
    assert.equal(isValidBsn(''), false);
    assert.equal(isValidBsn('１１１２２２３３３'), false, 'full-width digits are not digits');
  });

  test('one changed digit always breaks the elfproef', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_999_999 }), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 9 }), (n, pos, delta) => {
        const bsn = syntheticBsn(n);
        const changed = bsn.slice(0, pos) + String((Number(bsn[pos]) + delta) % 10) + bsn.slice(pos + 1);
        assert.equal(isValidBsn(changed), false, `${bsn} → ${changed}`);
      }),
    );
  });
});

describe('normalizeIban', () => {
  test('removes spaces, upper-cases and checks', () => {
    assert.equal(normalizeIban('NL91ABNA0417164300'), 'NL91ABNA0417164300');
    assert.equal(normalizeIban('nl91 abna 0417 1643 00'), 'NL91ABNA0417164300');
    assert.equal(normalizeIban('  NL91 ABNA 0417 1643 00  '), 'NL91ABNA0417164300');
    assert.equal(normalizeIban('DE89 3704 0044 0532 0130 00'), 'DE89370400440532013000');
  });

  test('rejects a wrong check number, a wrong length and rubbish', () => {
    assert.equal(normalizeIban('NL92ABNA0417164300'), undefined);
    assert.equal(normalizeIban('NL91ABNA041716430'), undefined);
    assert.equal(normalizeIban('NL91ABNA04171643000'), undefined);
    assert.equal(normalizeIban('DE88370400440532013000'), undefined);
    assert.equal(normalizeIban(''), undefined);
    assert.equal(normalizeIban('geen iban'), undefined);
  });
});

describe('other identifiers and masks', () => {
  test('KvK and AGB are eight digits', () => {
    assert.equal(isValidKvk('12345678'), true);
    assert.equal(isValidKvk('1234567'), false);
    assert.equal(isValidKvk('1234567a'), false);
    assert.equal(isValidAgb('01234567'), true);
    assert.equal(isValidAgb('123456789'), false);
  });

  test('masks keep only the last four characters of a BSN and the ends of an IBAN', () => {
    assert.equal(maskBsn('111222333'), '*****2333');
    assert.equal(maskBsn('123'), '****');
    assert.equal(maskIban('NL91ABNA0417164300'), 'NL91**********4300');
    assert.ok(!maskBsn('111222333').includes('111222'));
  });
});

describe('synthetic identifiers', () => {
  test('syntheticBsn(n) passes the elfproef, starts with 9 or 8, is deterministic and distinct per n', () => {
    const seen = new Map<string, number>();
    for (let n = 0; n < 20_000; n++) {
      const bsn = syntheticBsn(n);
      assert.equal(seen.get(bsn), undefined, `${bsn} for ${n} and ${seen.get(bsn)}`);
      seen.set(bsn, n);
    }
    assert.notEqual(syntheticBsn(0), syntheticBsn(5_000_000));
    assert.throws(() => syntheticBsn(10_000_000), RangeError);
    fc.assert(
      fc.property(fc.nat({ max: 9_999_999 }), (n) => {
        const bsn = syntheticBsn(n);
        assert.equal(isValidBsn(bsn), true, bsn);
        assert.match(bsn, /^[89]\d{8}$/);
        assert.equal(syntheticBsn(n), bsn);
      }),
      { numRuns: 2000 },
    );
  });

  test('the first 20,000 synthetic BSNs are all different', () => {
    const seen = new Set<string>();
    for (let n = 0; n < 20_000; n++) seen.add(syntheticBsn(n));
    assert.equal(seen.size, 20_000);
  });

  test('syntheticIban(n) is a valid Dutch IBAN that normalises to itself', () => {
    fc.assert(
      fc.property(fc.nat({ max: 2 ** 31 }), (n) => {
        const iban = syntheticIban(n);
        assert.match(iban, /^NL\d{2}[A-Z]{4}\d{10}$/);
        assert.equal(normalizeIban(iban), iban);
        assert.equal(syntheticIban(n), iban);
      }),
      { numRuns: 2000 },
    );
  });

  test('syntheticIban takes a given bank code', () => {
    const iban = syntheticIban(7, 'RABO');
    assert.equal(iban.slice(4, 8), 'RABO');
    assert.equal(normalizeIban(iban), iban);
  });
});
