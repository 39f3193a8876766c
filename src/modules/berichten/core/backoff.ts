/**
 * When a mail that could not be sent is tried again: after 1 minute, then 2, 4, 8 … minutes,
 * at most 6 hours apart. A mail is never given up: it waits in the outbox until the mail server
 * takes it (`pgb mail` shows what waits and why).
 */
export const FIRST_RETRY_MS = 60_000;
export const MAX_RETRY_MS = 6 * 60 * 60_000;

/** The wait after the `attempts`-th failed attempt (1 = the first). */
export function retryDelayMs(attempts: number): number {
  if (attempts < 1) return 0;
  return Math.min(FIRST_RETRY_MS * 2 ** Math.min(attempts - 1, 30), MAX_RETRY_MS);
}

/** Errors that say the mail server cannot be reached at all: trying the next mail now is pointless. */
export function isConnectionError(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code;
  return code === 'ECONNECTION' || code === 'ESOCKET' || code === 'ETIMEDOUT' || code === 'EDNS' || code === 'ECONNREFUSED' || code === 'EHOSTUNREACH' || code === 'EGREETING';
}
