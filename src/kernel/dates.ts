/**
 * Plain calendar dates (`YYYY-MM-DD`, no time zone) and Dutch working days.
 *
 * Working days follow the Algemene termijnenwet (art. 3): not a Saturday or Sunday, nor a
 * generally recognised holiday: Nieuwjaarsdag, eerste en tweede Paasdag, Hemelvaartsdag, eerste en
 * tweede Pinksterdag, eerste en tweede Kerstdag, Koningsdag (27 April, 26 April when the 27th is a
 * Sunday) and 5 mei (Bevrijdingsdag). Goede Vrijdag is not one of them.
 */
export type PlainDate = string & { readonly __brand: 'PlainDate' };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Strictly parses `YYYY-MM-DD` into a real calendar date, or undefined. */
export function parseDate(text: string): PlainDate | undefined {
  const m = DATE.exec(text);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < 1900 || y > 2999 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  return text as PlainDate;
}

export function date(text: string): PlainDate {
  const d = parseDate(text);
  if (!d) throw new Error(`geen geldige datum: ${text}`);
  return d;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function toEpochDay(d: PlainDate): number {
  return Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / DAY_MS;
}

export function fromEpochDay(n: number): PlainDate {
  return new Date(n * DAY_MS).toISOString().slice(0, 10) as PlainDate;
}

export function addDays(d: PlainDate, n: number): PlainDate {
  return fromEpochDay(toEpochDay(d) + n);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(d: PlainDate): number {
  return new Date(toEpochDay(d) * DAY_MS).getUTCDay();
}

export function compareDates(a: PlainDate, b: PlainDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function ymd(y: number, m: number, d: number): PlainDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` as PlainDate;
}

/** Easter Sunday (Gregorian calendar, the anonymous "Meeus/Jones/Butcher" algorithm). */
export function easterSunday(year: number): PlainDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return ymd(year, month, day);
}

const holidayCache = new Map<number, Map<string, string>>();

/** The holidays of the Algemene termijnenwet in a year, date → Dutch name. */
export function publicHolidays(year: number): ReadonlyMap<string, string> {
  let map = holidayCache.get(year);
  if (map) return map;
  const easter = easterSunday(year);
  // Koningsdag since 2014; before that Koninginnedag on 30 April (29 April when that is a Sunday).
  const [kd, label] = year >= 2014 ? [27, 'Koningsdag'] : [30, 'Koninginnedag'];
  const kingsDay = weekday(ymd(year, 4, kd)) === 0 ? ymd(year, 4, kd - 1) : ymd(year, 4, kd);
  map = new Map<string, string>([
    [ymd(year, 1, 1), 'Nieuwjaarsdag'],
    [easter, 'Eerste Paasdag'],
    [addDays(easter, 1), 'Tweede Paasdag'],
    [kingsDay, label],
    [ymd(year, 5, 5), 'Bevrijdingsdag'],
    [addDays(easter, 39), 'Hemelvaartsdag'],
    [addDays(easter, 49), 'Eerste Pinksterdag'],
    [addDays(easter, 50), 'Tweede Pinksterdag'],
    [ymd(year, 12, 25), 'Eerste Kerstdag'],
    [ymd(year, 12, 26), 'Tweede Kerstdag'],
  ]);
  holidayCache.set(year, map);
  return map;
}

export function isWorkingDay(d: PlainDate): boolean {
  const wd = weekday(d);
  if (wd === 0 || wd === 6) return false;
  return !publicHolidays(Number(d.slice(0, 4))).has(d);
}

/** The n-th working day after `d` (d itself never counts). */
export function addWorkingDays(d: PlainDate, n: number): PlainDate {
  let current = d;
  let left = n;
  while (left > 0) {
    current = addDays(current, 1);
    if (isWorkingDay(current)) left--;
  }
  return current;
}

/** Working days from `from` to `to`: how many working days after `from` up to and including `to`. */
export function workingDaysBetween(from: PlainDate, to: PlainDate): number {
  let count = 0;
  for (let day = toEpochDay(from) + 1; day <= toEpochDay(to); day++) {
    if (isWorkingDay(fromEpochDay(day))) count++;
  }
  return count;
}

/** The payment norm: a correct claim is paid by the 10th working day after its receipt. */
export const PAYMENT_NORM_WORKING_DAYS = 10;

const deadlines = new Map<string, PlainDate>();

export function paymentDeadline(received: PlainDate): PlainDate {
  let d = deadlines.get(received);
  if (d === undefined) {
    d = addWorkingDays(received, PAYMENT_NORM_WORKING_DAYS);
    if (deadlines.size >= 10_000) deadlines.clear(); // a cache of a pure function (claims in bulk share their days)
    deadlines.set(received, d);
  }
  return d;
}

const amsterdam = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in the Netherlands of a moment. */
export function dateInNetherlands(moment: Date): PlainDate {
  const local = dutchLocal(moment);
  return local ? (local.toISOString().slice(0, 10) as PlainDate) : (amsterdam.format(moment) as PlainDate);
}

const MOMENT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Parses an ISO 8601 moment with an explicit offset (`2026-03-02T09:15:00+01:00`). */
export function parseMoment(text: string): Date | undefined {
  const m = MOMENT.exec(text);
  if (!m) return undefined;
  if (!parseDate(`${m[1]}-${m[2]}-${m[3]}`)) return undefined;
  if (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59) return undefined;
  const t = Date.parse(text);
  return Number.isNaN(t) ? undefined : new Date(t);
}

/** `YYYY-MM` → first and last day of that month. */
export function parseMonth(text: string): { first: PlainDate; last: PlainDate } | undefined {
  const m = /^(\d{4})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const first = parseDate(`${m[1]}-${m[2]}-01`);
  if (!first) return undefined;
  const last = ymd(Number(m[1]), Number(m[2]), daysInMonth(Number(m[1]), Number(m[2])));
  return { first, last };
}

export function maxDate(a: PlainDate, b: PlainDate): PlainDate {
  return a > b ? a : b;
}

export function minDate(a: PlainDate, b: PlainDate): PlainDate {
  return a < b ? a : b;
}

const amsterdamParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'longOffset',
});

/**
 * Dutch local time as a UTC-based Date (its UTC fields are the local fields), from the offset of
 * the moment's hour, which Intl gives once per hour and is cached (the offset of Europe/Amsterdam
 * changes only on whole UTC hours); undefined outside 1970-2999 or for an offset of other than
 * whole minutes, where the callers ask Intl directly.
 */
const offsets = new Map<number, { minutes: number; text: string } | null>();
function dutchLocal(moment: Date): Date | undefined {
  const ms = moment.getTime();
  if (!(ms >= 0 && ms < 32_503_680_000_000)) return undefined;
  const hour = Math.floor(ms / 3_600_000);
  let o = offsets.get(hour);
  if (o === undefined) {
    const p = Object.fromEntries(amsterdamParts.formatToParts(new Date(hour * 3_600_000)).map((x) => [x.type, x.value]));
    const m = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(p.timeZoneName ?? '');
    o = m ? { minutes: m[1] ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0, text: m[1] ? `${m[1]}${m[2]}:${m[3]}` : '+00:00' } : null;
    if (offsets.size >= 100_000) offsets.clear();
    offsets.set(hour, o);
  }
  if (o === null) return undefined;
  const local = new Date(ms + o.minutes * 60_000);
  (local as Date & { offsetText?: string }).offsetText = o.text;
  return local;
}

/** A moment as Dutch local time with its offset: `2026-03-02T09:15:00+01:00`. */
export function formatMoment(moment: Date): string {
  const local = dutchLocal(moment) as (Date & { offsetText?: string }) | undefined;
  if (local) return `${local.toISOString().slice(0, 19)}${local.offsetText}`;
  return formatMomentIntl(moment);
}

function formatMomentIntl(moment: Date): string {
  const p = Object.fromEntries(amsterdamParts.formatToParts(moment).map((x) => [x.type, x.value]));
  const offset = p.timeZoneName === 'GMT' ? '+00:00' : p.timeZoneName!.replace('GMT', '');
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${offset}`;
}

const MONTH_NAMES_NL = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** `2026-03` → `maart 2026`: a month as Dutch readers write it, in letters and on screens. */
export function monthNameNl(month: string): string {
  return `${MONTH_NAMES_NL[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

/** `2026-03-02` → `2 maart 2026`. */
export function dateNameNl(d: PlainDate): string {
  return `${Number(d.slice(8, 10))} ${MONTH_NAMES_NL[Number(d.slice(5, 7)) - 1]} ${d.slice(0, 4)}`;
}
