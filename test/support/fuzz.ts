/**
 * Generators of bad values for the fuzz suites (test/db/fuzz-*.test.ts): each arbitrary yields a
 * value that the platform must refuse for a field of that type, never one it could accept. What a
 * value is refused for is documented in docs/formats-csv.md (section 1) and docs/api.md.
 */
import fc from 'fast-check';
import { isValidBsn } from '../../src/kernel/identifiers.ts';

/** How many generated inputs per format (default 10,000; PGB_FUZZ_RUNS lowers it for a quick look). */
export const FUZZ_RUNS = Number(process.env.PGB_FUZZ_RUNS ?? 10_000);
/** fast-check's seed, printed by a failing run (PGB_FUZZ_SEED repeats it). */
export const FUZZ_SEED = process.env.PGB_FUZZ_SEED ? Number(process.env.PGB_FUZZ_SEED) : undefined;

export type FieldType = 'bsn' | 'iban' | 'date' | 'moment' | 'amount' | 'positiveAmount' | 'quantity' | 'id' | 'enum' | 'text' | 'kvk' | 'agb' | 'funderCode';

/** Nine digits that fail the elfproef (or are all zeros). */
export const badBsn: fc.Arbitrary<string> = fc
  .oneof(
    fc.stringMatching(/^\d{9}$/).filter((s) => !isValidBsn(s)),
    fc.constantFrom('000000000', '12345678', '1234567890', '12345678X', '123 456 789', '-12345678', '１２３４５６７８２'),
  );

/** An IBAN with a wrong check number, a wrong length or no IBAN at all. */
export const badIban: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 99 }), fc.stringMatching(/^\d{10}$/)).map(([cd, acct]) => `NL${String(cd).padStart(2, '0')}ABNA${acct}`).filter((s) => !validIbanMod97(s)),
  fc.constantFrom('NL91ABNA041716430', 'NL91ABNA04171643000', 'XX91ABNA0417164300', 'NL91 ABNA 0417 1643 01', 'IBAN', 'NL00ABNA0000000000', "NL91ABNA0417164300' OR '1'='1"),
);

function validIbanMod97(iban: string): boolean {
  const r = `${iban.slice(4)}${iban.slice(0, 4)}`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let m = 0;
  for (const d of r) m = (m * 10 + Number(d)) % 97;
  return m === 1;
}

export const badDate: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('2026-02-30', '2026-02-29', '2025-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-11-00', '20-11-2026', '2026-1-5', '1899-12-31', '3000-01-01', '2026/11/20', 'morgen', '2026-11-20T00:00', '0000-00-00', '٢٠٢٦-١١-٢٠'),
  fc.tuple(fc.integer({ min: 1900, max: 2999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 29, max: 35 })).filter(([y, m, d]) => d > daysIn(y, m)).map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${d}`),
);

function daysIn(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export const badMoment: fc.Arbitrary<string> = fc.constantFrom('2026-11-20 09:00', '2026-11-20T09:00:00', '2026-02-30T09:00:00+01:00', '2026-11-20T25:00:00+01:00', '2026-11-20T09:00:00+25:00', 'gisteren', '1763625600', '2026-11-20');

/** Not an amount in euros at all (wrong type, comma, thousands separator, currency sign, three decimals). */
export const badAmount: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('1.234,56', '12,50', '€ 12', '12 EUR', '1e3', 'abc', '12.345', 'NaN', 'Infinity', '0x10', '1_000', '--5', '5-', '.', '9'.repeat(40), 'true', '[]', '{}'),
  fc.string({ minLength: 1, maxLength: 8 }).filter((s) => /[^\d.\-+]/.test(s.trim()) && s.trim() !== '' && !/[\r\n",]/.test(s)),
);

export const badQuantity: fc.Arbitrary<string> = fc.constantFrom('drie', '1,5', 'NaN', 'Infinity', '1e2', 'abc', '--1', '½');

/** Not an id: 1 to 64 of letters, digits and . _ : / -, starting with a letter or digit. */
export const badId: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('-abc', '.x', 'a b', 'x'.repeat(65), 'é', "a';DROP TABLE declaraties;--", 'a*', 'a\u0000b', '../../etc/passwd'),
  fc.string({ minLength: 1, maxLength: 20 }).filter((s) => !/^[A-Za-z0-9][A-Za-z0-9._:\/-]{0,63}$/.test(s.trim()) && s.trim() !== '' && !/[\r\n",]/.test(s)),
);

export const badKvk: fc.Arbitrary<string> = fc.oneof(fc.stringMatching(/^\d{1,7}$/), fc.stringMatching(/^\d{9,12}$/), fc.constantFrom('abcdefgh', '1234 5678', '1234567a'));

export function badEnum(values: readonly string[]): fc.Arbitrary<string> {
  return fc
    .oneof(fc.constantFrom('WMO', 'fax', 'Portaal', 'GEACCORDEERD', 'null', 'undefined', '1'), fc.string({ minLength: 1, maxLength: 12 }))
    .filter((s) => !values.includes(s.trim()) && s.trim() !== '' && !/[\r\n",]/.test(s));
}

export const badFunderCode: fc.Arbitrary<string> = fc.constantFrom('GM363', 'XX0001', 'gm0001', 'GM00001', 'ZK', '0363');

/** Text longer than `max` characters, of letters and (sometimes) other scripts. */
export function tooLong(max: number): fc.Arbitrary<string> {
  return fc.tuple(fc.integer({ min: max + 1, max: max + 300 }), fc.constantFrom('x', 'é', '漢', 'a b')).map(([n, c]) => `${c.repeat(Math.ceil(n / c.length)).slice(0, n - 1)}z`);
}

/** A bad value for a field of the given type (for `enum`, the allowed values). */
export function badValue(type: FieldType, opts: { values?: readonly string[]; max?: number } = {}): fc.Arbitrary<string> {
  switch (type) {
    case 'bsn': return badBsn;
    case 'iban': return badIban;
    case 'date': return badDate;
    case 'moment': return badMoment;
    case 'amount': return badAmount;
    case 'positiveAmount': return fc.oneof(badAmount, fc.constantFrom('-5.00', '-0.01', '0', '0.00'));
    case 'quantity': return badQuantity;
    case 'id': return badId;
    case 'enum': return badEnum(opts.values ?? []);
    case 'text': return tooLong(opts.max ?? 200);
    case 'kvk': case 'agb': return badKvk;
    case 'funderCode': return badFunderCode;
  }
}
