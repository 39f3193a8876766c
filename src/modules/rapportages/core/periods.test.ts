import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PlainDate } from '../../../kernel/dates.ts';
import { isoWeek, mondayOf, monthsCovering, parseQuarter, percent, weeksCovering } from './periods.ts';

const d = (s: string) => s as PlainDate;

test('ISO weeks: Monday to Sunday, week 1 holds the first Thursday; the days around New Year', () => {
  // 1 January 2026 is a Thursday: week 1 runs from Monday 29 December 2025
  assert.deepEqual(isoWeek(d('2026-01-01')), { week: '2026-W01', van: '2025-12-29', tot: '2026-01-04' });
  assert.equal(isoWeek(d('2025-12-29')).week, '2026-W01');
  assert.equal(isoWeek(d('2025-12-28')).week, '2025-W52');
  // 2026 starts on a Thursday, so it has 53 weeks; Friday 1 January 2027 is in the last of them
  assert.equal(isoWeek(d('2026-12-31')).week, '2026-W53');
  assert.equal(isoWeek(d('2027-01-01')).week, '2026-W53');
  assert.equal(isoWeek(d('2027-01-04')).week, '2027-W01');
  // seed 000 calls 12–18 April 2015 "week 16"; ISO puts Sunday 12 April in week 15 and 13–19 April in week 16
  assert.equal(isoWeek(d('2015-04-12')).week, '2015-W15');
  assert.equal(isoWeek(d('2015-04-13')).week, '2015-W16');
  assert.equal(mondayOf(d('2026-03-15')), '2026-03-09');
  assert.equal(mondayOf(d('2026-03-09')), '2026-03-09');
});

test('a period is widened to whole weeks; months and quarters', () => {
  assert.deepEqual(weeksCovering(d('2026-03-11'), d('2026-03-16')).map((w) => [w.week, w.van, w.tot]), [
    ['2026-W11', '2026-03-09', '2026-03-15'],
    ['2026-W12', '2026-03-16', '2026-03-22'],
  ]);
  assert.deepEqual(monthsCovering(d('2025-11-30'), d('2026-02-01')), ['2025-11', '2025-12', '2026-01', '2026-02']);
  assert.deepEqual(parseQuarter('2026-Q3'), { kwartaal: '2026-Q3', van: '2026-07-01', tot: '2026-09-30', maanden: ['2026-07', '2026-08', '2026-09'] });
  assert.equal(parseQuarter('2026-Q1')!.tot, '2026-03-31');
  assert.equal(parseQuarter('2026-Q5'), undefined);
  assert.equal(parseQuarter('2026-3'), undefined);
});

test('whole percentages round half away from zero; nothing to divide by gives null', () => {
  assert.equal(percent(31, 55), 56); // 56.36: seed 000's budget share of 55 refused payments
  assert.equal(percent(22, 55), 40);
  assert.equal(percent(1, 8), 13); // 12.5 → 13
  assert.equal(percent(8, 9), 89);
  assert.equal(percent(0, 0), null);
});
