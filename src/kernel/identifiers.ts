/** Dutch and European identifiers: BSN (elfproef), IBAN (ibantools), KvK and AGB numbers. */
import { electronicFormatIBAN, isValidIBAN, isValidBIC } from 'ibantools';

/** BSN: nine digits passing the elfproef (9·d1 + 8·d2 + … + 2·d8 − 1·d9 divisible by 11). */
export function isValidBsn(bsn: string): boolean {
  if (!/^\d{9}$/.test(bsn)) return false;
  let total = 0;
  for (let i = 0; i < 8; i++) total += (9 - i) * Number(bsn[i]);
  total -= Number(bsn[8]);
  return total % 11 === 0 && bsn !== '000000000';
}

/** Normalises an IBAN (spaces removed, upper case) and checks it; undefined when invalid. */
export function normalizeIban(text: string): string | undefined {
  const electronic = electronicFormatIBAN(text.trim());
  return electronic && isValidIBAN(electronic) ? electronic : undefined;
}

export function isValidBicCode(bic: string): boolean {
  return isValidBIC(bic);
}

/** KvK number: eight digits. */
export function isValidKvk(kvk: string): boolean {
  return /^\d{8}$/.test(kvk);
}

/** AGB code (Vektis): eight digits. */
export function isValidAgb(agb: string): boolean {
  return /^\d{8}$/.test(agb);
}

/** A BSN for logs and screens where the person does not need it whole: `*****1234`. */
export function maskBsn(bsn: string): string {
  return bsn.length > 4 ? `${'*'.repeat(bsn.length - 4)}${bsn.slice(-4)}` : '****';
}

export function maskIban(iban: string): string {
  return iban.length > 8 ? `${iban.slice(0, 4)}${'*'.repeat(iban.length - 8)}${iban.slice(-4)}` : '****';
}
