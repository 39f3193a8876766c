/**
 * How the portal writes amounts, dates and identifiers: euros with two decimals from whole cents
 * (the API's unit; never floats in between), Dutch dates, masked BSN and IBAN.
 */

/** Cents → "€ 1.234,56" (Dutch grouping; a minus sign before the euro sign). */
export function euro(cents: number): string {
  if (!Number.isInteger(cents)) throw new Error(`geen hele centen: ${cents}`);
  const neg = cents < 0;
  const abs = Math.abs(cents);
  const whole = Math.trunc(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const rest = String(abs % 100).padStart(2, '0');
  return `${neg ? '−' : ''}€ ${whole},${rest}`;
}

/**
 * Text a person typed → cents, or null when it is not an amount. Accepts "12,50", "12.50",
 * "1.234,56", "€ 12" (as parseEuros does on the server: at most two decimals).
 */
export function parseEuro(text: string): number | null {
  let t = text.trim().replace(/^€\s*/, '').replace(/\s/g, '');
  if (!t) return null;
  if (/^\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(t)) t = t.replace(/\./g, '');
  const m = /^(\d+)(?:[.,](\d{1,2}))?$/.exec(t);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
}

/** Cents → "12,50" for an input field. */
export function euroInvoer(cents: number): string {
  return `${Math.trunc(cents / 100)},${String(Math.abs(cents) % 100).padStart(2, '0')}`;
}

const MAANDEN = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** "2026-03-05" → "5 maart 2026". */
export function datum(d: string | null | undefined): string {
  if (!d) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(d);
  if (!m) return d;
  return `${Number(m[3])} ${MAANDEN[Number(m[2]) - 1]} ${m[1]}`;
}

/** "2026-03" → "maart 2026". */
export function maand(m: string | null | undefined): string {
  if (!m) return '—';
  const x = /^(\d{4})-(\d{2})$/.exec(m);
  if (!x || Number(x[2]) < 1 || Number(x[2]) > 12) return m;
  return `${MAANDEN[Number(x[2]) - 1]} ${x[1]}`;
}

/** An ISO moment → "5 maart 2026, 14:05" in Dutch time. */
export function moment(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const f = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  return f.format(d);
}

/** "123456782" → "*****6782": enough to recognise, not enough to use. */
export function maskeerBsn(bsn: string | null | undefined): string {
  if (!bsn) return '—';
  return `${'•'.repeat(Math.max(0, bsn.length - 4))}${bsn.slice(-4)}`;
}

/** "NL91ABNA0417164300" → "NL91 •••• •••• ••43 00"-like: country, check digits and the last four. */
export function maskeerIban(iban: string | null | undefined): string {
  if (!iban) return '—';
  const s = iban.replace(/\s/g, '');
  if (s.length <= 8) return s;
  return `${s.slice(0, 4)} •••• ${s.slice(-4)}`;
}

/** An IBAN in groups of four, for the one place a person needs it whole. */
export function iban(i: string | null | undefined): string {
  if (!i) return '—';
  return i.replace(/\s/g, '').replace(/(.{4})/g, '$1 ').trim();
}

/** Quarters of an hour (the API's quantities) as "1,25". */
export function aantal(n: number): string {
  return n.toLocaleString('nl-NL', { maximumFractionDigits: 2 });
}

/** Today in the Netherlands as YYYY-MM-DD. */
export function vandaag(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/**
 * A message of the server as people read it: the ISO moments ("2026-12-04T09:15:00+01:00") and
 * dates ("2026-12-18") that the platform's trace and check texts carry (they are also written to
 * files and the command line) become Dutch ("4 december 2026 om 09:15", "18 december 2026").
 * Months (2026-11) and identifiers are left alone.
 */
export function leesbaar(tekst: string | null | undefined): string {
  if (!tekst) return '';
  return tekst
    .replace(/\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})/g, (m) => moment(m))
    .replace(/(?<![\w-])(\d{4}-\d{2}-\d{2})(?![\w-])/g, (m) => datum(m));
}
