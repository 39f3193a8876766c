import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  addDays,
  addWorkingDays,
  compareDates,
  date,
  dateInNetherlands,
  daysInMonth,
  formatMoment,
  easterSunday,
  fromEpochDay,
  isWorkingDay,
  maxDate,
  minDate,
  parseDate,
  parseMoment,
  parseMonth,
  paymentDeadline,
  PAYMENT_NORM_WORKING_DAYS,
  publicHolidays,
  toEpochDay,
  weekday,
  workingDaysBetween,
} from './dates.ts';

describe('easterSunday', () => {
  const known: [number, string][] = [
    [2015, '2015-04-05'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2030, '2030-04-21'],
    [2038, '2038-04-25'],
  ];
  for (const [year, expected] of known) {
    test(`Easter ${year} is ${expected}`, () => {
      assert.equal(easterSunday(year), expected);
      assert.equal(weekday(date(expected)), 0, 'Easter is a Sunday');
    });
  }
});

describe('publicHolidays (Algemene termijnenwet)', () => {
  test('2026: every holiday with its name', () => {
    const h = publicHolidays(2026);
    assert.deepEqual(
      [...h.entries()].sort(([a], [b]) => (a < b ? -1 : 1)),
      [
        ['2026-01-01', 'Nieuwjaarsdag'],
        ['2026-04-05', 'Eerste Paasdag'],
        ['2026-04-06', 'Tweede Paasdag'],
        ['2026-04-27', 'Koningsdag'],
        ['2026-05-05', 'Bevrijdingsdag'],
        ['2026-05-14', 'Hemelvaartsdag'],
        ['2026-05-24', 'Eerste Pinksterdag'],
        ['2026-05-25', 'Tweede Pinksterdag'],
        ['2026-12-25', 'Eerste Kerstdag'],
        ['2026-12-26', 'Tweede Kerstdag'],
      ],
    );
  });

  test('Goede Vrijdag is not a holiday (2026-04-03 is a working day)', () => {
    assert.equal(publicHolidays(2026).has('2026-04-03'), false);
    assert.equal(isWorkingDay(date('2026-04-03')), true);
  });

  test('Koningsdag moves to 26 April when 27 April is a Sunday (2025)', () => {
    assert.equal(weekday(date('2025-04-27')), 0);
    const h = publicHolidays(2025);
    assert.equal(h.get('2025-04-26'), 'Koningsdag');
    assert.equal(h.has('2025-04-27'), false);
  });

  test('Koningsdag stays on 27 April when that is a Saturday (2024) or a weekday (2026)', () => {
    assert.equal(weekday(date('2024-04-27')), 6);
    assert.equal(publicHolidays(2024).get('2024-04-27'), 'Koningsdag');
    assert.equal(publicHolidays(2024).has('2024-04-26'), false);
    assert.equal(isWorkingDay(date('2026-04-27')), false);
    assert.equal(isWorkingDay(date('2026-04-28')), true);
  });

  test('Bevrijdingsdag (5 mei) is a holiday every year, not only every fifth', () => {
    for (const year of [2024, 2025, 2026, 2027, 2028, 2029, 2030]) {
      assert.equal(publicHolidays(year).get(`${year}-05-05`), 'Bevrijdingsdag', String(year));
    }
    // 2026-05-05 is a Tuesday, 2027-05-05 a Wednesday: not working days
    assert.equal(isWorkingDay(date('2026-05-05')), false);
    assert.equal(isWorkingDay(date('2027-05-05')), false);
  });

  test('Hemelvaartsdag is Easter + 39 days, Pinksteren + 49 and + 50, in several years', () => {
    const expected: Record<number, [string, string, string]> = {
      2024: ['2024-05-09', '2024-05-19', '2024-05-20'],
      2025: ['2025-05-29', '2025-06-08', '2025-06-09'],
      2026: ['2026-05-14', '2026-05-24', '2026-05-25'],
      2027: ['2027-05-06', '2027-05-16', '2027-05-17'],
    };
    for (const [year, [hemelvaart, pinksteren1, pinksteren2]] of Object.entries(expected)) {
      const h = publicHolidays(Number(year));
      assert.equal(h.get(hemelvaart), 'Hemelvaartsdag', year);
      assert.equal(h.get(pinksteren1), 'Eerste Pinksterdag', year);
      assert.equal(h.get(pinksteren2), 'Tweede Pinksterdag', year);
      assert.equal(weekday(date(hemelvaart)), 4, 'Ascension is a Thursday');
      assert.equal(weekday(date(pinksteren2)), 1, 'Whit Monday is a Monday');
    }
  });

  test('weekends are never working days; ordinary weekdays are', () => {
    assert.equal(isWorkingDay(date('2026-03-07')), false); // Saturday
    assert.equal(isWorkingDay(date('2026-03-08')), false); // Sunday
    assert.equal(isWorkingDay(date('2026-03-09')), true); // Monday
    assert.equal(isWorkingDay(date('2026-01-01')), false); // Nieuwjaarsdag, a Thursday
    assert.equal(isWorkingDay(date('2026-12-25')), false); // Friday
    assert.equal(isWorkingDay(date('2026-04-06')), false); // Easter Monday
  });
});

describe('paymentDeadline: the 10th working day after receipt', () => {
  test('the norm is 10 working days', () => {
    assert.equal(PAYMENT_NORM_WORKING_DAYS, 10);
  });

  test('no holidays: received Monday 2026-03-02 → Monday 2026-03-16', () => {
    // Mar 3,4,5,6 (1–4), 9,10,11,12,13 (5–9), 16 (10)
    assert.equal(paymentDeadline(date('2026-03-02')), '2026-03-16');
  });

  test('across Easter Monday: received 2026-03-30 → 2026-04-14', () => {
    // Mar 31 (1), Apr 1 (2), Apr 2 (3), Apr 3 Goede Vrijdag counts (4), Apr 4–5 weekend,
    // Apr 6 Tweede Paasdag skipped, Apr 7 (5), 8 (6), 9 (7), 10 (8), 13 (9), 14 (10)
    assert.equal(paymentDeadline(date('2026-03-30')), '2026-04-14');
  });

  test("across King's Day and Bevrijdingsdag: received 2026-04-20 → 2026-05-06", () => {
    // Apr 21 (1), 22 (2), 23 (3), 24 (4), Apr 27 Koningsdag skipped, 28 (5), 29 (6), 30 (7),
    // May 1 (8), May 4 (9), May 5 Bevrijdingsdag skipped, May 6 (10)
    assert.equal(paymentDeadline(date('2026-04-20')), '2026-05-06');
  });

  test('across Ascension Day 2026-05-14 and Whit Monday 2026-05-25: received 2026-05-11 → 2026-05-27', () => {
    // May 12 (1), 13 (2), May 14 Hemelvaartsdag skipped, 15 (3), 18 (4), 19 (5), 20 (6), 21 (7),
    // 22 (8), May 25 Tweede Pinksterdag skipped, 26 (9), 27 (10)
    assert.equal(paymentDeadline(date('2026-05-11')), '2026-05-27');
  });

  test('received the day before Ascension Day: 2026-05-13 → 2026-05-29', () => {
    // May 14 Hemelvaartsdag skipped, 15 (1), 18 (2), 19 (3), 20 (4), 21 (5), 22 (6),
    // May 25 Tweede Pinksterdag skipped, 26 (7), 27 (8), 28 (9), 29 (10)
    assert.equal(paymentDeadline(date('2026-05-13')), '2026-05-29');
  });

  test('across Christmas 2026 and New Year 2027: received 2026-12-18 → 2027-01-05', () => {
    // Dec 21 (1), 22 (2), 23 (3), 24 (4), Dec 25 Eerste Kerstdag (Fri) skipped, Dec 26–27 weekend,
    // Dec 28 (5), 29 (6), 30 (7), 31 (8), Jan 1 Nieuwjaarsdag (Fri) skipped, Jan 2–3 weekend,
    // Jan 4 (9), Jan 5 (10)
    assert.equal(paymentDeadline(date('2026-12-18')), '2027-01-05');
  });

  test('received on a holiday or in a weekend: the day itself never counts', () => {
    // received Saturday 2026-03-07: Mar 9..13 (1–5), 16..20 (6–10) → Friday 2026-03-20
    assert.equal(paymentDeadline(date('2026-03-07')), '2026-03-20');
    // received on Easter Monday 2026-04-06: Apr 7..10 (1–4), 13..17 (5–9), 20 (10)
    assert.equal(paymentDeadline(date('2026-04-06')), '2026-04-20');
  });

  test('workingDaysBetween agrees with the deadline', () => {
    assert.equal(workingDaysBetween(date('2026-03-30'), date('2026-04-14')), 10);
    assert.equal(workingDaysBetween(date('2026-12-18'), date('2027-01-05')), 10);
    assert.equal(workingDaysBetween(date('2026-03-02'), date('2026-03-02')), 0);
    assert.equal(workingDaysBetween(date('2026-03-09'), date('2026-03-02')), 0, 'to before from is zero');
  });

  test('addWorkingDays with n = 0 is the date itself', () => {
    assert.equal(addWorkingDays(date('2026-03-07'), 0), '2026-03-07');
  });
});

describe('parseDate', () => {
  test('accepts real calendar dates, including 29 February in a leap year', () => {
    assert.equal(parseDate('2026-03-02'), '2026-03-02');
    assert.equal(parseDate('2028-02-29'), '2028-02-29');
    assert.equal(parseDate('2000-02-29'), '2000-02-29');
    assert.equal(parseDate('2026-12-31'), '2026-12-31');
  });

  test('rejects impossible dates and other notations', () => {
    for (const bad of ['2026-02-29', '2100-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-01-00', '2026-1-1', '26-01-01', '2026/01/01', '01-01-2026', '2026-01-01T00:00', ' 2026-01-01', '', 'morgen']) {
      assert.equal(parseDate(bad), undefined, bad);
    }
  });

  test('date() throws with a Dutch message on a bad date', () => {
    assert.throws(() => date('2026-02-29'), /geen geldige datum: 2026-02-29/);
  });
});

describe('parseMoment', () => {
  test('requires an explicit offset', () => {
    assert.equal(parseMoment('2026-03-02T09:15:00'), undefined);
    assert.equal(parseMoment('2026-03-02 09:15:00+01:00'), undefined);
    assert.equal(parseMoment('2026-03-02'), undefined);
  });

  test('accepts offsets and Z, with or without seconds and fractions', () => {
    assert.equal(parseMoment('2026-03-02T09:15:00+01:00')?.toISOString(), '2026-03-02T08:15:00.000Z');
    assert.equal(parseMoment('2026-03-02T09:15+01:00')?.toISOString(), '2026-03-02T08:15:00.000Z');
    assert.equal(parseMoment('2026-07-01T00:30:00+02:00')?.toISOString(), '2026-06-30T22:30:00.000Z');
    assert.equal(parseMoment('2026-03-02T09:15:00.123Z')?.toISOString(), '2026-03-02T09:15:00.123Z');
  });

  test('rejects impossible dates and times', () => {
    assert.equal(parseMoment('2026-02-29T10:00:00+01:00'), undefined);
    assert.equal(parseMoment('2026-03-02T24:00:00+01:00'), undefined);
    assert.equal(parseMoment('2026-03-02T09:60:00+01:00'), undefined);
    assert.equal(parseMoment('2026-03-02T09:15:61+01:00'), undefined);
  });
});

describe('dateInNetherlands', () => {
  test('uses Amsterdam time, winter and summer', () => {
    assert.equal(dateInNetherlands(new Date('2026-03-01T23:30:00Z')), '2026-03-02'); // 00:30 CET
    assert.equal(dateInNetherlands(new Date('2026-03-01T22:59:00Z')), '2026-03-01'); // 23:59 CET
    assert.equal(dateInNetherlands(new Date('2026-06-30T22:30:00Z')), '2026-07-01'); // 00:30 CEST
    assert.equal(dateInNetherlands(new Date('2026-06-30T21:59:00Z')), '2026-06-30'); // 23:59 CEST
  });
});

describe('formatMoment', () => {
  test('writes Dutch local time with its offset, winter and summer', () => {
    assert.equal(formatMoment(new Date('2026-03-02T08:15:00Z')), '2026-03-02T09:15:00+01:00');
    assert.equal(formatMoment(new Date('2026-06-30T22:30:05Z')), '2026-07-01T00:30:05+02:00');
    assert.equal(formatMoment(new Date('2026-03-29T00:59:59Z')), '2026-03-29T01:59:59+01:00'); // just before DST starts
    assert.equal(formatMoment(new Date('2026-03-29T01:00:00Z')), '2026-03-29T03:00:00+02:00'); // just after
  });

  test('property: parseMoment(formatMoment(d)) is d to the second, and its date is dateInNetherlands(d)', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1) / 1000, max: Date.UTC(2099, 11, 31) / 1000 }), (seconds) => {
        const d = new Date(seconds * 1000);
        const text = formatMoment(d);
        assert.equal(parseMoment(text)?.getTime(), d.getTime(), text);
        assert.equal(text.slice(0, 10), dateInNetherlands(d));
      }),
    );
  });
});

describe('small helpers', () => {
  test('epoch days round-trip, addDays across month and year ends', () => {
    assert.equal(fromEpochDay(toEpochDay(date('2026-03-02'))), '2026-03-02');
    assert.equal(addDays(date('2026-02-28'), 1), '2026-03-01');
    assert.equal(addDays(date('2028-02-28'), 1), '2028-02-29');
    assert.equal(addDays(date('2026-12-31'), 1), '2027-01-01');
    assert.equal(addDays(date('2026-03-01'), -1), '2026-02-28');
  });

  test('daysInMonth, parseMonth, compare/min/max', () => {
    assert.equal(daysInMonth(2026, 2), 28);
    assert.equal(daysInMonth(2028, 2), 29);
    assert.equal(daysInMonth(2026, 4), 30);
    assert.deepEqual(parseMonth('2026-02'), { first: '2026-02-01', last: '2026-02-28' });
    assert.deepEqual(parseMonth('2028-02'), { first: '2028-02-01', last: '2028-02-29' });
    assert.equal(parseMonth('2026-13'), undefined);
    assert.equal(parseMonth('2026-2'), undefined);
    assert.equal(compareDates(date('2026-01-01'), date('2026-01-02')), -1);
    assert.equal(compareDates(date('2026-01-02'), date('2026-01-01')), 1);
    assert.equal(compareDates(date('2026-01-02'), date('2026-01-02')), 0);
    assert.equal(maxDate(date('2026-01-01'), date('2026-02-01')), '2026-02-01');
    assert.equal(minDate(date('2026-01-01'), date('2026-02-01')), '2026-01-01');
  });
});

describe('properties of working days', () => {
  const anyDate = fc
    .integer({ min: toEpochDay(date('2000-01-01')), max: toEpochDay(date('2099-12-31')) })
    .map((n) => fromEpochDay(n));

  test('addWorkingDays(d, n) is a working day and workingDaysBetween(d, that) === n (n ≥ 1)', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 60 }), (d, n) => {
        const end = addWorkingDays(d, n);
        assert.equal(isWorkingDay(end), true);
        assert.equal(workingDaysBetween(d, end), n);
        assert.ok(end > d);
      }),
      { numRuns: 500 },
    );
  });

  test('every day between d and addWorkingDays(d, n) that is a working day was counted: the result is the first such day', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 30 }), (d, n) => {
        const end = addWorkingDays(d, n);
        assert.equal(workingDaysBetween(d, addDays(end, -1)), n - 1);
      }),
      { numRuns: 300 },
    );
  });

  test('Easter always falls between 22 March and 25 April on a Sunday', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2999 }), (year) => {
        const e = easterSunday(year);
        assert.equal(weekday(e), 0);
        assert.ok(e >= `${year}-03-22` && e <= `${year}-04-25`, e);
      }),
    );
  });
});

test('before 2014 the holiday is Koninginnedag on 30 April, or 29 April when that is a Sunday', () => {
  assert.equal(publicHolidays(2013).get('2013-04-30'), 'Koninginnedag');
  assert.equal(publicHolidays(2006).get('2006-04-29'), 'Koninginnedag'); // 30 April 2006 was a Sunday
  assert.equal(publicHolidays(2006).has('2006-04-30'), false);
  assert.equal(publicHolidays(2014).get('2014-04-26'), 'Koningsdag'); // 27 April 2014 was a Sunday
});
