/**
 * Valid-looking synthetic identifiers for demo data, tests and generated datasets: BSNs that pass
 * the elfproef and IBANs with a correct check number. Deterministic: the same number gives the
 * same identifier. The BSNs start with 9 (or 8), so that synthetic data is recognisable as such.
 */
import { composeIBAN } from 'ibantools';

/**
 * The n-th synthetic BSN (0 ≤ n < 10,000,000): `9` and n in seven digits, then the check digit;
 * where no check digit fits, the first digit becomes `8` (which always makes one fit). Distinct n
 * give distinct BSNs.
 */
export function syntheticBsn(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 10_000_000) throw new RangeError(`syntheticBsn: n buiten 0..9999999: ${n}`);
  for (const first of ['9', '8']) {
    const head = `${first}${String(n).padStart(7, '0')}`;
    let total = 0;
    for (let i = 0; i < 8; i++) total += (9 - i) * Number(head[i]);
    const check = total % 11; // 9·d1+…+2·d8 − d9 ≡ 0 (mod 11) ⇒ d9 ≡ total (mod 11)
    if (check <= 9) return `${head}${check}`;
  }
  throw new Error('onbereikbaar');
}

const BANKS = ['ABNA', 'INGB', 'RABO', 'SNSB', 'TRIO', 'ASNB', 'KNAB', 'BUNQ'] as const;

/** A Dutch IBAN with a correct check number for account number n. */
export function syntheticIban(n: number, bank: string = BANKS[n % BANKS.length]!): string {
  const account = String(1_000_000_000 + (n % 8_999_999_999)).padStart(10, '0');
  const iban = composeIBAN({ countryCode: 'NL', bban: `${bank}${account}` });
  if (!iban) throw new Error(`kan geen IBAN maken voor ${bank}${account}`);
  return iban;
}
