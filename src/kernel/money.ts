/**
 * Money in whole euro cents. The only way to make a `Cents` from outside data is `parseEuros`
 * (files, API) or `cents` (an integer that is already in cents). Rounding rules live here, once.
 */
export type Cents = number & { readonly __brand: 'Cents' };

export class MoneyError extends Error {}

/** An integer number of cents; throws on anything else (floats never become money). */
export function cents(n: number): Cents {
  if (!Number.isSafeInteger(n)) throw new MoneyError(`geen geheel aantal centen: ${n}`);
  return n as Cents;
}

export const ZERO = 0 as Cents;

const EUROS = /^(-)?(\d{1,13})(?:\.(\d{1,2}))?$/;

/** Parses `1234.56`, `12.5`, `7`, `-3.10` (a decimal point, at most two decimals) into cents. */
export function parseEuros(text: string): Cents | undefined {
  const m = EUROS.exec(text.trim());
  if (!m) return undefined;
  const whole = Number(m[2]);
  const frac = Number((m[3] ?? '').padEnd(2, '0'));
  const value = whole * 100 + frac;
  return (m[1] ? -value : value) as Cents;
}

/** `123456` → `1234.56`; negative amounts keep their sign. */
export function formatEuros(c: number): string {
  const sign = c < 0 ? '-' : '';
  const abs = Math.abs(c);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** `123456` → `€ 1.234,56` for screens and letters. */
export function formatEurosNl(c: number): string {
  const sign = c < 0 ? '-' : '';
  const abs = Math.abs(c);
  const whole = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${sign}€ ${whole},${String(abs % 100).padStart(2, '0')}`;
}

/** Integer division rounded half away from zero: the one rounding rule for money. */
export function divRound(numerator: number, denominator: number): number {
  if (denominator <= 0) throw new MoneyError('deler moet positief zijn');
  const q = Math.floor(Math.abs(numerator) / denominator);
  const r = Math.abs(numerator) - q * denominator;
  const rounded = r * 2 >= denominator ? q + 1 : q;
  return numerator < 0 ? -rounded : rounded;
}

/** Quantities (`eenheden`) are kept as whole quarters (0.25) so that no float touches money. */
export type Quarters = number & { readonly __brand: 'Quarters' };

const QUANTITY = /^(-)?(\d{1,7})(?:\.(\d{1,6}))?$/;

/**
 * Parses a quantity such as `7.75`. Returns the value in quarters when it is a whole number of
 * quarters, `offGrid` when it is a number but not in steps of 0.25, undefined when it is no number.
 */
export function parseQuantity(text: string): { quarters: Quarters } | { offGrid: true } | undefined {
  const m = QUANTITY.exec(text.trim());
  if (!m) return undefined;
  const frac = (m[3] ?? '').replace(/0+$/, '');
  const fracQuarters = ({ '': 0, '25': 1, '5': 2, '75': 3 } as Record<string, number>)[frac];
  if (fracQuarters === undefined) return { offGrid: true };
  const q = Number(m[2]) * 4 + fracQuarters;
  return { quarters: (m[1] ? -q : q) as Quarters };
}

export function formatQuantity(q: number): string {
  const sign = q < 0 ? '-' : '';
  const abs = Math.abs(q);
  const whole = Math.floor(abs / 4);
  const frac = ['', '.25', '.5', '.75'][abs % 4];
  return `${sign}${whole}${frac}`;
}

/** Amount of one claim line: quantity × rate, rounded to whole cents (half away from zero). */
export function lineAmount(quantity: Quarters, rate: Cents): Cents {
  return divRound(quantity * rate, 4) as Cents;
}

export function sum(values: readonly number[]): Cents {
  let total = 0;
  for (const v of values) total += v;
  return cents(total);
}

/** quantity × rate for any decimal quantity text (also off the 0.25 grid), rounded to cents. */
export function decimalTimesRate(quantity: string, rate: Cents): Cents {
  const m = /^(-)?(\d+)(?:\.(\d+))?$/.exec(quantity.trim());
  if (!m) throw new MoneyError(`geen getal: ${quantity}`);
  const frac = m[3] ?? '';
  const scale = 10n ** BigInt(frac.length);
  const units = BigInt(m[2]! + frac) * (m[1] ? -1n : 1n);
  const product = units * BigInt(rate);
  const abs = product < 0n ? -product : product;
  let q = abs / scale;
  if ((abs % scale) * 2n >= scale) q += 1n;
  return cents(Number(product < 0n ? -q : q));
}

/**
 * For JSON answers: every named field (cents) appears twice, as `<name>_centen` (the integer) and
 * as `<name>` (euros with two decimals, the text the CSV formats use). `null` stays `null`.
 */
export function withEuros<T extends object, K extends keyof T & string>(
  row: T,
  names: readonly K[],
): Omit<T, K> & { [P in K]: string | (null extends T[P] ? null : never) } & { [P in K as `${P}_centen`]: number | (null extends T[P] ? null : never) } {
  const money = new Set<string>(names);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (!money.has(k)) {
      out[k] = v;
      continue;
    }
    const c = v === null || v === undefined ? null : Number(v);
    out[`${k}_centen`] = c;
    out[k] = c === null ? null : formatEuros(c);
  }
  return out as never;
}
