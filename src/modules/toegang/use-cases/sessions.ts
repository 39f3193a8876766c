/**
 * Sessions: starting one for a user who proved who they are (password or OpenID Connect),
 * recognising the caller of a request (session cookie or machine credential), and ending one.
 */
import type { Db, Queryable } from '../../../db/connection.ts';
import type { Principal } from '../../../server/route.ts';
import { actorOf } from '../../../server/scope.ts';
import { writeAudit } from '../../audit/index.ts';
import { apiClient, endSession, insertSession, sessionWithUser, touchSession, type UserRow } from '../repo.ts';
import { sessionValid, shouldTouch } from '../core/rules.ts';
import { newToken, parseBearer, sameSecret, sha256Hex } from '../core/tokens.ts';

export interface SessionSettings {
  idleMinutes: number;
  maxHours: number;
}

export interface StartedSession {
  /** the token for the cookie: never stored, only its SHA-256 */
  token: string;
  csrfToken: string;
  principal: Principal;
  verlooptOp: Date;
}

export function principalOf(u: UserRow): Principal {
  return {
    kind: 'gebruiker',
    id: String(u.id),
    naam: u.naam,
    rol: u.rol,
    verstrekker: u.verstrekker,
    zorgverlener: u.zorgverlener_id,
    budgethouders: u.budgethouders,
  };
}

/**
 * Starts a new session for `user` (a new token on every sign-in, so a token planted before
 * sign-in is worthless) and ends the session the caller came with, if any. In the caller's
 * transaction, with the audit row.
 */
export async function startSession(
  tx: Queryable,
  o: { user: UserRow; method: 'wachtwoord' | 'oidc'; ip: string; now: Date; settings: SessionSettings; previousToken?: string | undefined },
): Promise<StartedSession> {
  if (o.previousToken) await endSession(tx, sha256Hex(o.previousToken), o.now);
  const token = newToken();
  const csrfToken = newToken();
  const verlooptOp = new Date(o.now.getTime() + o.settings.maxHours * 3600_000);
  await insertSession(tx, { id: sha256Hex(token), gebruikerId: o.user.id, csrfToken, now: o.now, verlooptOp });
  const principal = principalOf(o.user);
  await writeAudit(tx, { actor: actorOf(principal), action: 'sessie.start', subject: `gebruiker:${o.user.id}`, details: { methode: o.method, ip: o.ip }, at: o.now });
  return { token, csrfToken, principal, verlooptOp };
}

export interface SessionCaller {
  principal: Principal;
  sessionId: string;
  csrfToken: string;
  verlooptOp: Date;
}

/** The caller behind a session cookie, or null when the session is unknown, ended, expired or its user inactive. */
export async function sessionCaller(db: Db, token: string, now: Date, settings: SessionSettings): Promise<SessionCaller | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const found = await sessionWithUser(db, sha256Hex(token));
  if (!found || !found.user.actief || !sessionValid(found.session, now, settings.idleMinutes)) return null;
  if (shouldTouch(found.session, now)) await touchSession(db, found.session.id, now);
  return { principal: principalOf(found.user), sessionId: found.session.id, csrfToken: found.session.csrf_token, verlooptOp: found.session.verloopt_op };
}

/** The chain partner's system behind `Authorization: Bearer <client_id>.<secret>`, or null. */
export async function bearerCaller(db: Db, header: string | undefined): Promise<Principal | null> {
  const cred = parseBearer(header);
  if (!cred) return null;
  const client = await apiClient(db, cred.clientId);
  const ok = sameSecret(sha256Hex(cred.secret), client?.secret_hash ?? '');
  if (!client || !client.actief || !ok) return null;
  return { kind: 'systeem', id: client.client_id, naam: client.naam, rol: 'verstrekker_systeem', verstrekker: client.verstrekker, zorgverlener: null, budgethouders: [] };
}

/** Ends the session of a cookie token; false when there was none to end. */
export async function endSessionOf(db: Db, o: { token: string; principal: Principal | null; ip: string; now: Date }): Promise<boolean> {
  return db.transaction(async (tx) => {
    const ended = await endSession(tx, sha256Hex(o.token), o.now);
    if (!ended) return false;
    await writeAudit(tx, { actor: actorOf(o.principal), action: 'sessie.einde', subject: `gebruiker:${ended.gebruiker_id}`, details: { ip: o.ip }, at: o.now });
    return true;
  });
}
