/**
 * Accounts for people and credentials for chain partners' systems: created by the operator from
 * the command line (`pgb gebruiker …`, `pgb api-client …`), each change with its audit row.
 */
import type { Db } from '../../../db/connection.ts';
import { AppError } from '../../../kernel/errors.ts';
import { isValidBsn } from '../../../kernel/identifiers.ts';
import { writeAudit } from '../../audit/index.ts';
import { holdersByBsn, knownFunders, knownProviders } from '../../partijen/index.ts';
import { endSessionsOf, insertUser, normalizeUserName, oidcSubjectTaken, setApiClientActive, setPasswordHash, setUserActive, upsertApiClient, userByName, type UserRole } from '../repo.ts';
import { hashPassword, passwordProblem } from '../core/passwords.ts';
import { newToken, sha256Hex } from '../core/tokens.ts';

export const USER_ROLES: readonly UserRole[] = ['budgethouder', 'vertegenwoordiger', 'zorgverlener', 'verstrekker', 'backoffice', 'auditor'];

export interface CreateUserOptions {
  gebruikersnaam: string;
  naam: string;
  rol: UserRole;
  /** a local password (the embedded demo, or where no broker is available) */
  wachtwoord?: string | undefined;
  /** instead of `wachtwoord`: its hash from `hashPassword`, when many accounts share one password (the demo) */
  wachtwoordHash?: string | undefined;
  /** the identity at the OpenID Connect provider: `iss` and `sub` exactly as in its ID tokens */
  oidc?: { issuer: string; sub: string } | undefined;
  verstrekker?: string | undefined;
  zorgverlener?: string | undefined;
  /** BSNs of the holders a budgethouder (one) or vertegenwoordiger (one or more) acts for */
  budgethouders?: string[] | undefined;
  actor: string;
  now?: Date;
}

export async function createUser(db: Db, o: CreateUserOptions): Promise<{ id: number }> {
  const problems: string[] = [];
  const name = normalizeUserName(o.gebruikersnaam);
  if (!/^[a-z0-9][a-z0-9._@-]{2,63}$/.test(name)) problems.push('gebruikersnaam: 3 tot 64 tekens: letters, cijfers, punt, streepje, liggend streepje of @');
  if (!o.naam.trim()) problems.push('naam: ontbreekt');
  if (!USER_ROLES.includes(o.rol)) problems.push(`rol: een van ${USER_ROLES.join(', ')}`);
  if (!o.wachtwoord && !o.wachtwoordHash && !o.oidc) problems.push('geef een wachtwoord of een OpenID Connect-identiteit (issuer en sub)');
  if (o.wachtwoord) {
    const p = passwordProblem(o.wachtwoord);
    if (p) problems.push(`wachtwoord: ${p}`);
  }
  if ((o.rol === 'verstrekker') !== Boolean(o.verstrekker)) problems.push('verstrekker: hoort bij de rol verstrekker, en alleen daarbij');
  if ((o.rol === 'zorgverlener') !== Boolean(o.zorgverlener)) problems.push('zorgverlener: hoort bij de rol zorgverlener, en alleen daarbij');
  const bsns = o.budgethouders ?? [];
  if (o.rol === 'budgethouder' && bsns.length !== 1) problems.push('budgethouder: een budgethouder handelt voor precies één budgethouder (zijn eigen BSN)');
  if (o.rol === 'vertegenwoordiger' && bsns.length === 0) problems.push('budgethouder: een vertegenwoordiger handelt voor minstens één budgethouder');
  if (o.rol !== 'budgethouder' && o.rol !== 'vertegenwoordiger' && bsns.length > 0) problems.push('budgethouder: alleen een budgethouder of vertegenwoordiger handelt voor budgethouders');
  for (const b of bsns) if (!isValidBsn(b)) problems.push('budgethouder: een BSN is ongeldig (elfproef)');
  if (o.wachtwoordHash && !o.wachtwoordHash.startsWith('$argon2id$')) problems.push('wachtwoordHash: geen argon2id-hash');
  if (problems.length > 0) throw new AppError('INVOER_ONGELDIG', `gebruiker niet aangemaakt: ${problems.join('; ')}`);
  const hash = o.wachtwoord ? await hashPassword(o.wachtwoord) : (o.wachtwoordHash ?? null);
  const now = o.now ?? new Date();
  return db.transaction(async (tx) => {
    const holders = await holdersByBsn(tx, bsns);
    if (holders.size !== new Set(bsns).size) throw new AppError('NIET_GEVONDEN', 'gebruiker niet aangemaakt: een budgethouder met dat BSN is niet bekend');
    if (o.verstrekker && !(await knownFunders(tx, [o.verstrekker])).has(o.verstrekker)) throw new AppError('NIET_GEVONDEN', `gebruiker niet aangemaakt: verstrekker '${o.verstrekker}' is niet bekend`);
    if (o.zorgverlener && !(await knownProviders(tx, [o.zorgverlener])).has(o.zorgverlener)) throw new AppError('NIET_GEVONDEN', `gebruiker niet aangemaakt: zorgverlener '${o.zorgverlener}' is niet bekend`);
    if (o.oidc && (await oidcSubjectTaken(tx, o.oidc.issuer, o.oidc.sub))) throw new AppError('CONFLICT', 'gebruiker niet aangemaakt: deze OpenID Connect-identiteit hoort al bij een andere gebruiker');
    const holderIds = [...holders.values()].map((h) => h.id).sort((a, b) => a - b);
    const id = await insertUser(tx, {
      gebruikersnaam: name,
      naam: o.naam.trim(),
      rol: o.rol,
      wachtwoordHash: hash,
      oidc: o.oidc ?? null,
      verstrekker: o.verstrekker ?? null,
      zorgverlenerId: o.zorgverlener ?? null,
      budgethouders: holderIds,
      now,
    });
    if (id === undefined) throw new AppError('CONFLICT', `gebruiker niet aangemaakt: de gebruikersnaam '${name}' bestaat al; kies een andere`);
    await writeAudit(tx, {
      actor: o.actor,
      action: 'gebruiker.aangemaakt',
      subject: `gebruiker:${id}`,
      details: { gebruikersnaam: name, rol: o.rol, verstrekker: o.verstrekker ?? null, zorgverlener: o.zorgverlener ?? null, budgethouders: holderIds, oidc: o.oidc ? { issuer: o.oidc.issuer } : null, wachtwoord: hash !== null },
      at: now,
    });
    return { id };
  });
}

/** Gives a user a new password (and ends their sessions). */
export async function setPassword(db: Db, o: { gebruikersnaam: string; wachtwoord: string; actor: string; now?: Date }): Promise<void> {
  const p = passwordProblem(o.wachtwoord);
  if (p) throw new AppError('INVOER_ONGELDIG', `wachtwoord: ${p}`);
  const hash = await hashPassword(o.wachtwoord);
  const now = o.now ?? new Date();
  await db.transaction(async (tx) => {
    const user = await userByName(tx, o.gebruikersnaam);
    if (!user) throw new AppError('NIET_GEVONDEN', `gebruiker '${normalizeUserName(o.gebruikersnaam)}' bestaat niet`);
    await setPasswordHash(tx, user.id, hash);
    const ended = await endSessionsOf(tx, user.id, now);
    await writeAudit(tx, { actor: o.actor, action: 'gebruiker.wachtwoord', subject: `gebruiker:${user.id}`, details: { sessies_beeindigd: ended }, at: now });
  });
}

/** Blocks a user from signing in and ends their sessions at once. */
export async function deactivateUser(db: Db, o: { gebruikersnaam: string; actor: string; now?: Date }): Promise<{ sessions: number }> {
  const now = o.now ?? new Date();
  return db.transaction(async (tx) => {
    const id = await setUserActive(tx, o.gebruikersnaam, false);
    if (id === undefined) throw new AppError('NIET_GEVONDEN', `gebruiker '${normalizeUserName(o.gebruikersnaam)}' bestaat niet`);
    const sessions = await endSessionsOf(tx, id, now);
    await writeAudit(tx, { actor: o.actor, action: 'gebruiker.gedeactiveerd', subject: `gebruiker:${id}`, details: { sessies_beeindigd: sessions }, at: now });
    return { sessions };
  });
}

/**
 * A credential for a funder's system: `Authorization: Bearer <clientId>.<secret>`. The secret is
 * returned once and stored only as its SHA-256. With an existing `clientId`, the client gets a
 * new secret (the old one stops working).
 */
export async function createApiClient(db: Db, o: { naam: string; verstrekker: string; actor: string; clientId?: string; now?: Date }): Promise<{ clientId: string; secret: string }> {
  const clientId = o.clientId ?? `apc_${newToken(12)}`;
  if (!/^[A-Za-z0-9_-]{3,64}$/.test(clientId)) throw new AppError('INVOER_ONGELDIG', 'client_id: 3 tot 64 letters, cijfers, streepjes of liggende streepjes');
  if (!o.naam.trim()) throw new AppError('INVOER_ONGELDIG', 'naam: ontbreekt');
  const secret = newToken(32);
  const now = o.now ?? new Date();
  await db.transaction(async (tx) => {
    if (!(await knownFunders(tx, [o.verstrekker])).has(o.verstrekker)) throw new AppError('NIET_GEVONDEN', `verstrekker '${o.verstrekker}' is niet bekend`);
    await upsertApiClient(tx, { clientId, naam: o.naam.trim(), verstrekker: o.verstrekker, secretHash: sha256Hex(secret), now });
    await writeAudit(tx, { actor: o.actor, action: 'api_client.sleutel', subject: `api_client:${clientId}`, details: { naam: o.naam.trim(), verstrekker: o.verstrekker }, at: now });
  });
  return { clientId, secret };
}

export async function revokeApiClient(db: Db, o: { clientId: string; actor: string; now?: Date }): Promise<void> {
  await db.transaction(async (tx) => {
    if (!(await setApiClientActive(tx, o.clientId, false))) throw new AppError('NIET_GEVONDEN', `API-client '${o.clientId}' bestaat niet`);
    await writeAudit(tx, { actor: o.actor, action: 'api_client.ingetrokken', subject: `api_client:${o.clientId}`, at: o.now ?? new Date() });
  });
}
