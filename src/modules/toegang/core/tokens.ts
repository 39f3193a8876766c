/**
 * Secrets of the access module: random tokens, their hashes, comparing in constant time, the
 * machine credential in an Authorization header, and values signed with an HMAC (the short-lived
 * OpenID Connect state cookie). Pure: no I/O.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random token of `bytes` bytes (256 bits by default), base64url. */
export function newToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** The SHA-256 of a text, hex: how session tokens and API client secrets are stored. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Compares two secrets in constant time (their hashes, so lengths leak nothing either). */
export function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
}

/** `Authorization: Bearer <client_id>.<secret>` → its two parts; null for anything else. */
export function parseBearer(header: string | undefined): { clientId: string; secret: string } | null {
  const m = /^Bearer ([A-Za-z0-9_-]{1,64})\.([A-Za-z0-9_-]{16,200})$/.exec(header?.trim() ?? '');
  return m ? { clientId: m[1]!, secret: m[2]! } : null;
}

/** `value` with an HMAC-SHA256 under `secret`: `<base64url(value)>.<base64url(mac)>`. */
export function signValue(value: string, secret: string): string {
  const data = Buffer.from(value, 'utf8').toString('base64url');
  return `${data}.${createHmac('sha256', secret).update(data).digest('base64url')}`;
}

/** The value of `signValue`'s output if its HMAC is right, else null. */
export function verifySigned(signed: string | undefined, secret: string): string | null {
  if (!signed) return null;
  const dot = signed.lastIndexOf('.');
  if (dot <= 0) return null;
  const data = signed.slice(0, dot);
  const mac = Buffer.from(signed.slice(dot + 1), 'base64url');
  const expected = createHmac('sha256', secret).update(data).digest();
  if (mac.length !== expected.length || !timingSafeEqual(mac, expected)) return null;
  return Buffer.from(data, 'base64url').toString('utf8');
}
