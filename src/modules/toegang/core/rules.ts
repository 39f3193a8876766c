/**
 * The rules of sign-in and sessions, as pure functions of the stored facts and the time.
 */

/** At most this many failed sign-ins per user name and per client address in the window. */
export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;

/**
 * Whether another attempt is refused, given the failures that count (within the window and, for a
 * user name, after its last success), and when one may try again.
 */
export function attemptVerdict(failures: readonly Date[], now: Date): { blocked: false } | { blocked: true; retryAfterSeconds: number } {
  const recent = failures.filter((f) => now.getTime() - f.getTime() < FAILURE_WINDOW_MS).map((f) => f.getTime()).sort((a, b) => a - b);
  if (recent.length < MAX_FAILURES) return { blocked: false };
  // free again when all but MAX_FAILURES - 1 of them have left the window
  const freeAt = recent[recent.length - MAX_FAILURES]! + FAILURE_WINDOW_MS;
  return { blocked: true, retryAfterSeconds: Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000)) };
}

export interface SessionTimes {
  laatst_gebruikt_op: Date;
  verloopt_op: Date;
  beeindigd_op: Date | null;
}

/** A session is valid until it is ended, its absolute end passes, or it has been idle too long. */
export function sessionValid(s: SessionTimes, now: Date, idleMinutes: number): boolean {
  if (s.beeindigd_op) return false;
  if (now.getTime() >= s.verloopt_op.getTime()) return false;
  return now.getTime() - s.laatst_gebruikt_op.getTime() < idleMinutes * 60_000;
}

/** Record use at most once a minute: enough for a 30-minute idle limit, and far fewer writes. */
export function shouldTouch(s: SessionTimes, now: Date): boolean {
  return now.getTime() - s.laatst_gebruikt_op.getTime() >= 60_000;
}

/** Where to go after an OpenID Connect sign-in: only a path on this server (no open redirect). */
export function safeReturnPath(p: string | undefined): string {
  if (!p || !p.startsWith('/') || p.startsWith('//') || p.includes('\\') || /[\r\n]/.test(p)) return '/';
  return p.slice(0, 500);
}
