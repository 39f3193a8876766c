/**
 * Passwords: argon2id with the parameters of OWASP's Password Storage Cheat Sheet (19 MiB, 2
 * passes, 1 lane), never stored or logged in clear. The parameters are in each hash, so they can
 * be raised later without breaking existing ones. `verifyPassword` costs the same whether the
 * account exists or not.
 */
import argon2 from 'argon2';

export const MIN_PASSWORD_LENGTH = 12;

export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `een wachtwoord heeft minstens ${MIN_PASSWORD_LENGTH} tekens`;
  if (password.length > 256) return 'een wachtwoord heeft hoogstens 256 tekens';
  return null;
}

export const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, ARGON2_OPTIONS);
}

let dummy: Promise<string> | undefined;

/** True when `password` matches `hash`; with no hash (unknown account) it still spends the time of a check. */
export async function verifyPassword(hash: string | null | undefined, password: string): Promise<boolean> {
  if (!hash) {
    dummy ??= hashPassword('geen-account-maar-wel-dezelfde-rekentijd');
    await argon2.verify(await dummy, password).catch(() => false);
    return false;
  }
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}
