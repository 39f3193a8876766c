import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  cents,
  decimalTimesRate,
  divRound,
  formatEuros,
  formatEurosNl,
  formatQuantity,
  lineAmount,
  MoneyError,
  parseEuros,
  parseQuantity,
  sum,
  ZERO,
  withEuros,
  type Quarters,
} from './money.ts';

describe('parseEuros', () => {
  test('reads euros with a decimal point and at most two decimals into cents', () => {
    assert.equal(parseEuros('1234.56'), 123456);
    assert.equal(parseEuros('0.5'), 50);
    assert.equal(parseEuros('0.05'), 5);
    assert.equal(parseEuros('12'), 1200);
    assert.equal(parseEuros('12.5'), 1250);
    assert.equal(parseEuros('0.00'), 0);
    assert.equal(parseEuros('-3.10'), -310);
    assert.equal(parseEuros(' 7.25 '), 725, 'surrounding spaces are ignored');
    assert.equal(parseEuros('9999999999999.99'), 999999999999999);
  });

  test('rejects commas, thousands separators, exponents, more decimals and empty text', () => {
    for (const bad of ['1,23', '1.234', '1.234,56', '1,234.56', '1e3', '1E3', '', ' ', '.5', '12.', '+1', '€ 12', '12 EUR', 'NaN', 'Infinity', '0x10', '1.2.3', '10000000000000']) {
      assert.equal(parseEuros(bad), undefined, JSON.stringify(bad));
    }
  });

  test('property: parseEuros(formatEuros(c)) === c for every integer amount of cents in range', () => {
    fc.assert(
      fc.property(fc.integer({ min: -999_999_999_999_999, max: 999_999_999_999_999 }), (c) => {
        assert.equal(parseEuros(formatEuros(c)), c);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('formatEuros / formatEurosNl', () => {
  test('formatEuros writes the file format', () => {
    assert.equal(formatEuros(123456), '1234.56');
    assert.equal(formatEuros(5), '0.05');
    assert.equal(formatEuros(50), '0.50');
    assert.equal(formatEuros(0), '0.00');
    assert.equal(formatEuros(-310), '-3.10');
    assert.equal(formatEuros(-5), '-0.05');
    assert.equal(formatEuros(100), '1.00');
  });

  test('formatEurosNl writes the Dutch screen notation', () => {
    assert.equal(formatEurosNl(123456), '€ 1.234,56');
    assert.equal(formatEurosNl(5), '€ 0,05');
    assert.equal(formatEurosNl(0), '€ 0,00');
    assert.equal(formatEurosNl(100000000), '€ 1.000.000,00');
    assert.equal(formatEurosNl(99999), '€ 999,99');
    assert.equal(formatEurosNl(-123456), '-€ 1.234,56');
  });
});

describe('divRound: half away from zero', () => {
  test('positive numerators', () => {
    assert.equal(divRound(5, 2), 3); // 2.5 → 3
    assert.equal(divRound(7, 4), 2); // 1.75 → 2
    assert.equal(divRound(6, 4), 2); // 1.5 → 2
    assert.equal(divRound(5, 4), 1); // 1.25 → 1
    assert.equal(divRound(1, 3), 0);
    assert.equal(divRound(2, 3), 1);
    assert.equal(divRound(8, 4), 2);
    assert.equal(divRound(0, 7), 0);
  });

  test('negative numerators mirror the positive ones', () => {
    assert.equal(divRound(-5, 2), -3); // -2.5 → -3, not -2
    assert.equal(divRound(-7, 4), -2);
    assert.equal(divRound(-6, 4), -2); // -1.5 → -2
    assert.equal(divRound(-5, 4), -1);
    assert.equal(divRound(-2, 3), -1);
    assert.ok(divRound(-1, 3) === 0);
  });

  test('a zero or negative denominator is an error', () => {
    assert.throws(() => divRound(1, 0), MoneyError);
    assert.throws(() => divRound(1, -2), MoneyError);
  });

  test('property: |divRound(n, d) − n/d| ≤ 1/2 and divRound(−n, d) === −divRound(n, d)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 10_000 }), (n, d) => {
        const r = divRound(n, d);
        assert.ok(Math.abs(r * d - n) * 2 <= d);
        assert.ok(divRound(-n, d) === -r);
      }),
    );
  });
});

describe('parseQuantity', () => {
  test('steps of 0.25 become whole quarters', () => {
    assert.deepEqual(parseQuantity('7.75'), { quarters: 31 });
    assert.deepEqual(parseQuantity('0.25'), { quarters: 1 });
    assert.deepEqual(parseQuantity('0.5'), { quarters: 2 });
    assert.deepEqual(parseQuantity('0.50'), { quarters: 2 });
    assert.deepEqual(parseQuantity('3'), { quarters: 12 });
    assert.deepEqual(parseQuantity('3.0'), { quarters: 12 });
    assert.deepEqual(parseQuantity('7.750'), { quarters: 31 });
    assert.deepEqual(parseQuantity('0'), { quarters: 0 });
    assert.deepEqual(parseQuantity('-1.25'), { quarters: -5 });
  });

  test('numbers off the grid are offGrid', () => {
    assert.deepEqual(parseQuantity('0.3'), { offGrid: true });
    assert.deepEqual(parseQuantity('1.1'), { offGrid: true });
    assert.deepEqual(parseQuantity('0.125'), { offGrid: true });
    assert.deepEqual(parseQuantity('7.76'), { offGrid: true });
  });

  test('what is no number is undefined', () => {
    for (const bad of ['drie', '', '1,5', '1e2', '.5', '1.', 'NaN', '1/2']) {
      assert.equal(parseQuantity(bad), undefined, JSON.stringify(bad));
    }
  });

  test('formatQuantity is the inverse on the grid', () => {
    assert.equal(formatQuantity(31), '7.75');
    assert.equal(formatQuantity(2), '0.5');
    assert.equal(formatQuantity(12), '3');
    assert.equal(formatQuantity(-5), '-1.25');
    fc.assert(
      fc.property(fc.integer({ min: -40_000, max: 40_000 }), (q) => {
        assert.deepEqual(parseQuantity(formatQuantity(q)), { quarters: q });
      }),
    );
  });
});

describe('lineAmount and decimalTimesRate', () => {
  test('7.75 h × € 28.33 = 219.5575 → € 219.56', () => {
    assert.equal(lineAmount(31 as Quarters, cents(2833)), 21956);
  });

  test('a line rounds half away from zero', () => {
    // 0.25 × € 0.02 = 0.005 → 0.01
    assert.equal(lineAmount(1 as Quarters, cents(2)), 1);
    // 0.25 × € 0.01 = 0.0025 → 0.00
    assert.ok(lineAmount(1 as Quarters, cents(1)) === 0);
    // −0.25 × € 0.02 = −0.005 → −0.01
    assert.equal(lineAmount(-1 as Quarters, cents(2)), -1);
  });

  test('decimalTimesRate handles quantities off the 0.25 grid exactly', () => {
    assert.equal(decimalTimesRate('0.3', cents(2833)), 850); // 8.499 → 8.50
    assert.equal(decimalTimesRate('1.1', cents(2500)), 2750);
    assert.equal(decimalTimesRate('0.005', cents(100)), 1); // 0.005 × 1.00 = 0.005 → 0.01
    assert.equal(decimalTimesRate('0.004', cents(100)), 0);
    assert.equal(decimalTimesRate('-0.3', cents(2833)), -850);
    assert.equal(decimalTimesRate('7.75', cents(2833)), 21956);
    assert.equal(decimalTimesRate('3', cents(1000)), 3000);
  });

  test('decimalTimesRate agrees with lineAmount on the grid', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), fc.integer({ min: 0, max: 1_000_000 }), (q, rate) => {
        assert.equal(decimalTimesRate(formatQuantity(q), cents(rate)), lineAmount(q as Quarters, cents(rate)));
      }),
    );
  });

  test('decimalTimesRate rejects text that is no number', () => {
    assert.throws(() => decimalTimesRate('drie', cents(100)), MoneyError);
    assert.throws(() => decimalTimesRate('1e3', cents(100)), MoneyError);
  });
});

describe('cents and sum', () => {
  test('cents accepts only safe integers', () => {
    assert.equal(cents(12), 12);
    assert.throws(() => cents(1.5), MoneyError);
    assert.throws(() => cents(Number.NaN), MoneyError);
    assert.throws(() => cents(2 ** 53), MoneyError);
  });

  test('sum adds cents and refuses fractions', () => {
    assert.equal(sum([]), ZERO);
    assert.equal(sum([100, 250, -50]), 300);
    assert.throws(() => sum([0.1, 0.2]), MoneyError);
  });
});

describe('withEuros: amounts in JSON as cents and as euro text', () => {
  test('each named field becomes <name>_centen and <name> with two decimals, in place; others untouched', () => {
    const r = withEuros({ id: 'B1', toegekend: 1_200_000, besteed: 5, rest: null as number | null, wet: 'WLZ' }, ['toegekend', 'besteed', 'rest']);
    assert.deepEqual(r, { id: 'B1', toegekend_centen: 1_200_000, toegekend: '12000.00', besteed_centen: 5, besteed: '0.05', rest_centen: null, rest: null, wet: 'WLZ' });
    assert.deepEqual(Object.keys(r), ['id', 'toegekend_centen', 'toegekend', 'besteed_centen', 'besteed', 'rest_centen', 'rest', 'wet']);
  });
  test('negative amounts keep their sign', () => {
    assert.deepEqual(withEuros({ v: -250 }, ['v']), { v_centen: -250, v: '-2.50' });
  });
});
