/**
 * Valid-looking synthetic identifiers for demo data, tests and generated datasets: BSNs that pass
 * the elfproef and IBANs with a correct check number. Deterministic: the same number gives the
 * same identifier. The BSNs all start with 9, so that synthetic data is recognisable as such.
 */
import { composeIBAN } from 'ibantools';
import { isValidBsn } from './identifiers.ts';

/** The n-th synthetic BSN (n ≥ 0): `9` + 7 digits of n, then the check digit; skips bases with none. */
export function syntheticBsn(n: number): string {
  for (let base = n * 2; ; base++) {
    const head = `9${String(base % 10_000_000).padStart(7, '0')}`;
    let total = 0;
    for (let i = 0; i < 8; i++) total += (9 - i) * Number(head[i]);
    const last = total % 11; // 9·d1+…+2·d8 − d9 ≡ 0 (mod 11) ⇒ d9 ≡ total (mod 11)
    if (last <= 9) {
      const bsn = `${head}${last}`;
      if (isValidBsn(bsn)) return bsn;
    }
  }
}

const BANKS = ['ABNA', 'INGB', 'RABO', 'SNSB', 'TRIO', 'ASNB', 'KNAB', 'BUNQ'] as const;

/** A Dutch IBAN with a correct check number for account number n. */
export function syntheticIban(n: number, bank: string = BANKS[n % BANKS.length]!): string {
  const account = String(1_000_000_000 + (n % 8_999_999_999)).padStart(10, '0');
  const iban = composeIBAN({ countryCode: 'NL', bban: `${bank}${account}` });
  if (!iban) throw new Error(`kan geen IBAN maken voor ${bank}${account}`);
  return iban;
}
