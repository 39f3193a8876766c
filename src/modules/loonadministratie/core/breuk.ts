/**
 * Exact percentages and integer arithmetic for the payroll core. No float ever touches money:
 * a percentage is a fraction `teller / noemer` parsed from its decimal text ('35.75' → 3575/10000),
 * and every division names its rounding rule.
 */
import { divRound } from '../../../kernel/money.ts';

export class RekenFout extends Error {}

/** A percentage as an exact fraction of one: `teller / noemer` (35.75% = 3575 / 10000). */
export interface Percentage {
  readonly teller: number;
  readonly noemer: number;
  /** The percentage as written in the source, without the % sign: '35.75'. */
  readonly tekst: string;
}

const PROCENT = /^(\d{1,3})(?:\.(\d{1,3}))?$/;

/**
 * Parses a percentage written with at most three decimals ('8.324', '49.50', '8'). Three decimals
 * is what the tax authority's parameters use (31.009%); it makes every product of a whole euro
 * amount and a percentage exact at 5 decimals of a euro (see {@link maalE5}).
 */
export function procent(tekst: string): Percentage {
  const m = PROCENT.exec(tekst);
  if (!m) throw new RekenFout(`geen percentage met hoogstens drie decimalen: ${tekst}`);
  const decimalen = m[2] ?? '';
  const teller = Number(m[1] + decimalen);
  const noemer = 100 * 10 ** decimalen.length;
  if (teller > noemer) throw new RekenFout(`percentage boven 100: ${tekst}`);
  return { teller, noemer, tekst };
}

/** The percentage in units of 0.001% (35.75% → 35750): a common denominator of 100,000. */
export function inDuizendsteProcent(p: Percentage): number {
  if (E5 % p.noemer !== 0) throw new RekenFout(`percentage ${p.tekst} heeft meer dan drie decimalen`);
  return p.teller * (E5 / p.noemer);
}

/** Makes a percentage from units of 0.001% (50468 → '50.468'). */
export function uitDuizendsteProcent(n: number): Percentage {
  if (!Number.isSafeInteger(n) || n < 0 || n > E5) throw new RekenFout(`ongeldig percentage: ${n}`);
  const heel = Math.floor(n / 1000);
  const rest = String(n % 1000).padStart(3, '0');
  return procent(`${heel}.${rest}`);
}

/** 1 euro = 100,000 units of 10⁻⁵ euro: the "5 decimals" of the Rekenvoorschriften. */
export const E5 = 100_000;

export function veilig(n: number): number {
  if (!Number.isSafeInteger(n)) throw new RekenFout(`getal buiten het veilige bereik: ${n}`);
  return n;
}

/** Integer division rounded towards minus infinity (b > 0), exact for safe integers. */
export function floorDiv(a: number, b: number): number {
  veilig(a);
  veilig(b);
  if (b <= 0) throw new RekenFout('deler moet positief zijn');
  let q = Math.floor(a / b);
  if (q * b > a) q--;
  else if ((q + 1) * b <= a) q++;
  return q;
}

/** Integer division rounded towards plus infinity (b > 0). */
export function ceilDiv(a: number, b: number): number {
  return -floorDiv(-a, b);
}

/**
 * A whole number of euros times a percentage, in units of 10⁻⁵ euro, rounded to 5 decimals half
 * away from zero. With percentages of at most three decimals the product is always exact, so the
 * rounding of the Rekenvoorschriften ("each product rounded to 5 decimals") never changes it.
 */
export function maalE5(euros: number, p: Percentage): number {
  veilig(euros);
  return veilig(divRound(veilig(euros * p.teller * E5), p.noemer));
}

/** A whole number of euros in units of 10⁻⁵ euro. */
export function euroE5(euros: number): number {
  return veilig(euros * E5);
}

/** Rounds an amount in 10⁻⁵ euro DOWN to whole euros. */
export function e5NaarEuroOmlaag(e5: number): number {
  return floorDiv(e5, E5);
}

/** Rounds an amount in 10⁻⁵ euro UP to whole euros. */
export function e5NaarEuroOmhoog(e5: number): number {
  return ceilDiv(e5, E5);
}

/** An amount in cents times a percentage, rounded to whole cents half away from zero. */
export function centenMaal(bedrag: number, p: Percentage): number {
  return veilig(divRound(veilig(bedrag * p.teller), p.noemer));
}

/** An amount in cents times a percentage, rounded DOWN to whole cents. */
export function centenMaalOmlaag(bedrag: number, p: Percentage): number {
  return floorDiv(veilig(bedrag * p.teller), p.noemer);
}

/** A percentage for Dutch texts: '12.34' → '12,34%'. */
export function procentNl(p: Percentage): string {
  const tekst = p.tekst.includes('.') ? p.tekst.replace(/0+$/, '').replace(/\.$/, '') : p.tekst;
  return `${tekst.replace('.', ',')}%`;
}
