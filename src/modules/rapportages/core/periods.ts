/**
 * The calendar of the reports: ISO 8601 weeks (Monday to Sunday, week 1 holds the year's first
 * Thursday), months and quarters, and whole percentages. Pure; dates are plain `YYYY-MM-DD`.
 *
 * The 2015 reports of seed 000 numbered weeks like ISO but cut them irregularly ("week 15
 * 0304–1104"); the platform uses whole ISO weeks, so that every day is in exactly one week.
 */
import { addDays, daysInMonth, toEpochDay, weekday, type PlainDate } from '../../../kernel/dates.ts';
import { divRound } from '../../../kernel/money.ts';

export interface Week {
  /** `2026-W14` */
  week: string;
  /** its Monday */
  van: PlainDate;
  /** its Sunday */
  tot: PlainDate;
}

/** Monday of the ISO week of `d`. */
export function mondayOf(d: PlainDate): PlainDate {
  return addDays(d, -((weekday(d) + 6) % 7));
}

/** The ISO week of a date: `2026-W01`; the days around New Year may belong to the other year's week. */
export function isoWeek(d: PlainDate): Week {
  const monday = mondayOf(d);
  const thursday = addDays(monday, 3);
  const year = Number(thursday.slice(0, 4));
  const jan1 = `${thursday.slice(0, 4)}-01-01` as PlainDate;
  const week = Math.floor((toEpochDay(thursday) - toEpochDay(jan1)) / 7) + 1;
  return { week: `${year}-W${String(week).padStart(2, '0')}`, van: monday, tot: addDays(monday, 6) };
}

/** Every ISO week that has a day in [van, tot], in order: the period widened to whole weeks. */
export function weeksCovering(van: PlainDate, tot: PlainDate): Week[] {
  const out: Week[] = [];
  for (let monday = mondayOf(van); monday <= tot; monday = addDays(monday, 7)) out.push(isoWeek(monday));
  return out;
}

/** `YYYY-MM` of a date. */
export function monthOf(d: PlainDate): string {
  return d.slice(0, 7);
}

/** First and last day of a `YYYY-MM` month. */
export function monthRange(month: string): { van: PlainDate; tot: PlainDate } {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return { van: `${month}-01` as PlainDate, tot: `${month}-${String(daysInMonth(y, m)).padStart(2, '0')}` as PlainDate };
}

/** Every `YYYY-MM` from the month of `van` to the month of `tot`. */
export function monthsCovering(van: PlainDate, tot: PlainDate): string[] {
  const out: string[] = [];
  let y = Number(van.slice(0, 4));
  let m = Number(van.slice(5, 7));
  const endY = Number(tot.slice(0, 4));
  const endM = Number(tot.slice(5, 7));
  while (y < endY || (y === endY && m <= endM)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/** `2026-Q3` → 1 July to 30 September 2026 and its three months; undefined when it is no quarter. */
export function parseQuarter(text: string): { kwartaal: string; van: PlainDate; tot: PlainDate; maanden: string[] } | undefined {
  const m = /^(\d{4})-Q([1-4])$/.exec(text);
  if (!m) return undefined;
  const first = (Number(m[2]) - 1) * 3 + 1;
  const maanden = [first, first + 1, first + 2].map((x) => `${m[1]}-${String(x).padStart(2, '0')}`);
  return { kwartaal: text, van: monthRange(maanden[0]!).van, tot: monthRange(maanden[2]!).tot, maanden };
}

/** A whole percentage, rounded half away from zero; null when there is nothing to divide by. */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? divRound(part * 100, whole) : null;
}

// Dutch names of months and dates live in the kernel; the reports know them by these names.
export { monthNameNl as monthName, dateNameNl as dateName } from '../../../kernel/dates.ts';
