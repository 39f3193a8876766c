/**
 * Sign-in with a user name and password: refused for a while after too many failures (per user
 * name and per client address), every attempt recorded (never the password), a new session on
 * success.
 */
import type { Db } from '../../../db/connection.ts';
import { writeAudit } from '../../audit/index.ts';
import { failuresSince, normalizeUserName, recordAttempts, userByName } from '../repo.ts';
import { attemptVerdict, FAILURE_WINDOW_MS } from '../core/rules.ts';
import { verifyPassword } from '../core/passwords.ts';
import { startSession, type SessionSettings, type StartedSession } from './sessions.ts';

export type SignInOutcome =
  | { ok: true; session: StartedSession }
  | { ok: false; reason: 'ongeldig' }
  | { ok: false; reason: 'te_veel_pogingen'; retryAfterSeconds: number };

export interface SignInOptions {
  gebruikersnaam: string;
  wachtwoord: string;
  ip: string;
  now: Date;
  settings: SessionSettings;
  /** the session token the caller came with: ended on success */
  previousToken?: string | undefined;
}

export async function signIn(db: Db, o: SignInOptions): Promise<SignInOutcome> {
  const name = normalizeUserName(o.gebruikersnaam);
  const userKey = `gebruiker:${name}`;
  const ipKey = `ip:${o.ip}`;
  const since = new Date(o.now.getTime() - FAILURE_WINDOW_MS);
  const verdicts = [
    attemptVerdict(await failuresSince(db, userKey, since, true), o.now),
    attemptVerdict(await failuresSince(db, ipKey, since, false), o.now),
  ];
  const blocked = verdicts.flatMap((v) => (v.blocked ? [v.retryAfterSeconds] : []));
  if (blocked.length > 0) {
    await writeAudit(db, { actor: 'anoniem', action: 'sessie.mislukt', subject: `gebruikersnaam:${name}`, details: { reden: 'te_veel_pogingen', ip: o.ip }, at: o.now });
    return { ok: false, reason: 'te_veel_pogingen', retryAfterSeconds: Math.max(...blocked) };
  }

  const user = await userByName(db, name);
  const passwordOk = await verifyPassword(user?.wachtwoord_hash, o.wachtwoord);
  if (!user || !user.actief || !passwordOk) {
    const reden = !user ? 'onbekende_gebruiker' : !user.actief ? 'gebruiker_inactief' : 'wachtwoord_onjuist';
    await db.transaction(async (tx) => {
      await recordAttempts(tx, [userKey, ipKey], o.now, false);
      await writeAudit(tx, { actor: 'anoniem', action: 'sessie.mislukt', subject: `gebruikersnaam:${name}`, details: { reden, ip: o.ip }, at: o.now });
    });
    return { ok: false, reason: 'ongeldig' };
  }

  const session = await db.transaction(async (tx) => {
    await recordAttempts(tx, [userKey, ipKey], o.now, true);
    return startSession(tx, { user, method: 'wachtwoord', ip: o.ip, now: o.now, settings: o.settings, previousToken: o.previousToken });
  });
  return { ok: true, session };
}
