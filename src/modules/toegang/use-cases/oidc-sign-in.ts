/**
 * Sign-in through OpenID Connect (DigiD and eHerkenning reach the platform through an OIDC broker):
 * the authorization code flow with PKCE, state and nonce. What the flow needs to remember between
 * the two legs travels in a short-lived cookie signed with the server's secret; the subject of the
 * ID token (issuer + sub) maps to one account.
 */
import * as client from 'openid-client';
import type { Db } from '../../../db/connection.ts';
import { AppError } from '../../../kernel/errors.ts';
import { writeAudit } from '../../audit/index.ts';
import { userByOidc } from '../repo.ts';
import { safeReturnPath } from '../core/rules.ts';
import { signValue, verifySigned } from '../core/tokens.ts';
import { startSession, type SessionSettings, type StartedSession } from './sessions.ts';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

/** How long the user may take at the identity provider. */
export const OIDC_STATE_SECONDS = 600;

const discovered = new Map<string, Promise<client.Configuration>>();

/** The provider's metadata, fetched once per issuer and client (again after a failure). */
function configuration(s: OidcSettings): Promise<client.Configuration> {
  const key = `${s.issuer}\n${s.clientId}\n${s.clientSecret}`;
  let c = discovered.get(key);
  if (!c) {
    const url = new URL(s.issuer);
    const loopback = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
    if (url.protocol !== 'https:' && !loopback) {
      return Promise.reject(new AppError('CONFIGURATIE', 'PGB_OIDC_ISSUER moet https:// zijn (gewoon http alleen op localhost, om te testen)'));
    }
    c = client.discovery(url, s.clientId, s.clientSecret, undefined, url.protocol === 'http:' ? { execute: [client.allowInsecureRequests] } : undefined);
    c.catch(() => discovered.delete(key));
    discovered.set(key, c);
  }
  return c;
}

interface FlowState {
  verifier: string;
  state: string;
  nonce: string;
  terug: string;
  /** expiry, ms since epoch */
  exp: number;
}

/** Where to send the user, and the signed cookie value that remembers this attempt. */
export async function startOidcSignIn(s: OidcSettings, o: { terug?: string | undefined; secret: string; now: Date }): Promise<{ redirectTo: string; stateCookie: string }> {
  const config = await configuration(s);
  const flow: FlowState = {
    verifier: client.randomPKCECodeVerifier(),
    state: client.randomState(),
    nonce: client.randomNonce(),
    terug: safeReturnPath(o.terug),
    exp: o.now.getTime() + OIDC_STATE_SECONDS * 1000,
  };
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: s.redirectUri,
    scope: 'openid',
    code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
    code_challenge_method: 'S256',
    state: flow.state,
    nonce: flow.nonce,
  });
  return { redirectTo: url.href, stateCookie: signValue(JSON.stringify(flow), o.secret) };
}

export type OidcOutcome = { ok: true; session: StartedSession; terug: string } | { ok: false; reason: 'geen_poging' | 'geweigerd' | 'onbekende_gebruiker' };

/**
 * Completes the flow: checks the state cookie, exchanges the code (PKCE, state, nonce and the ID
 * token are checked by openid-client), finds the account of (issuer, sub) and starts a session.
 */
export async function finishOidcSignIn(
  db: Db,
  s: OidcSettings,
  o: { query: Record<string, string>; stateCookie: string | undefined; secret: string; ip: string; now: Date; settings: SessionSettings; previousToken?: string | undefined },
): Promise<OidcOutcome> {
  const raw = verifySigned(o.stateCookie, o.secret);
  const flow = raw ? (JSON.parse(raw) as FlowState) : null;
  const fail = async (reason: 'geen_poging' | 'geweigerd' | 'onbekende_gebruiker', details: Record<string, unknown> = {}): Promise<OidcOutcome> => {
    await writeAudit(db, { actor: 'anoniem', action: 'sessie.mislukt', subject: 'oidc', details: { reden: reason, ip: o.ip, ...details }, at: o.now });
    return { ok: false, reason };
  };
  if (!flow || flow.exp < o.now.getTime()) return fail('geen_poging');

  const callback = new URL(s.redirectUri);
  callback.search = new URLSearchParams(o.query).toString();
  let claims: client.IDToken;
  try {
    const tokens = await client.authorizationCodeGrant(await configuration(s), callback, {
      pkceCodeVerifier: flow.verifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    claims = tokens.claims()!;
  } catch (e) {
    if (e instanceof AppError) throw e;
    const err = e as { code?: string; error?: string };
    return fail('geweigerd', { fout: err.error ?? err.code ?? 'onbekend' });
  }

  const user = await userByOidc(db, claims.iss, claims.sub);
  if (!user || !user.actief) return fail('onbekende_gebruiker', { issuer: claims.iss });
  const session = await db.transaction((tx) =>
    startSession(tx, { user, method: 'oidc', ip: o.ip, now: o.now, settings: o.settings, previousToken: o.previousToken }),
  );
  return { ok: true, session, terug: flow.terug };
}
