/** The SQL of the access module: accounts, sessions, API clients and sign-in attempts. */
import type { Queryable } from '../../db/connection.ts';
import type { Role } from '../../server/route.ts';

export type UserRole = Exclude<Role, 'verstrekker_systeem'>;

export interface UserRow {
  id: number;
  gebruikersnaam: string;
  naam: string;
  rol: UserRole;
  wachtwoord_hash: string | null;
  verstrekker: string | null;
  zorgverlener_id: string | null;
  actief: boolean;
  /** the holders this user acts for, in id order */
  budgethouders: number[];
}

const USER_COLUMNS = `g.id, g.gebruikersnaam, g.naam, g.rol, g.wachtwoord_hash, g.verstrekker, g.zorgverlener_id, g.actief,
  ARRAY(SELECT gb.budgethouder_id FROM gebruiker_budgethouders gb WHERE gb.gebruiker_id = g.id ORDER BY gb.budgethouder_id) AS budgethouders`;

/** `pg` returns bigint[] as text (only bigint itself is parsed as a number): make the ids numbers. */
function toUser(row: UserRow): UserRow {
  return { ...row, id: Number(row.id), budgethouders: (row.budgethouders ?? []).map(Number) };
}

/** User names are compared without regard to case: they are stored in lower case. */
export function normalizeUserName(name: string): string {
  return name.trim().toLowerCase();
}

export async function userByName(q: Queryable, name: string): Promise<UserRow | undefined> {
  const r = await q.query<UserRow>(`SELECT ${USER_COLUMNS} FROM gebruikers g WHERE g.gebruikersnaam = $1`, [normalizeUserName(name)]);
  return r.rows[0] && toUser(r.rows[0]);
}

export async function userByOidc(q: Queryable, issuer: string, sub: string): Promise<UserRow | undefined> {
  const r = await q.query<UserRow>(`SELECT ${USER_COLUMNS} FROM gebruikers g WHERE g.oidc_issuer = $1 AND g.oidc_sub = $2`, [issuer, sub]);
  return r.rows[0] && toUser(r.rows[0]);
}

export interface NewUser {
  gebruikersnaam: string;
  naam: string;
  rol: UserRole;
  wachtwoordHash: string | null;
  oidc: { issuer: string; sub: string } | null;
  verstrekker: string | null;
  zorgverlenerId: string | null;
  budgethouders: number[];
  now: Date;
}

/** Inserts a user and its holders; undefined when the user name is taken. */
export async function insertUser(q: Queryable, u: NewUser): Promise<number | undefined> {
  const r = await q.query<{ id: number }>(
    `INSERT INTO gebruikers (gebruikersnaam, naam, rol, wachtwoord_hash, oidc_issuer, oidc_sub, verstrekker, zorgverlener_id, aangemaakt_op)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (gebruikersnaam) DO NOTHING
     RETURNING id`,
    [normalizeUserName(u.gebruikersnaam), u.naam, u.rol, u.wachtwoordHash, u.oidc?.issuer ?? null, u.oidc?.sub ?? null, u.verstrekker, u.zorgverlenerId, u.now],
  );
  const id = r.rows[0]?.id;
  if (id !== undefined && u.budgethouders.length > 0) {
    await q.query(
      `INSERT INTO gebruiker_budgethouders (gebruiker_id, budgethouder_id) SELECT $1, unnest($2::bigint[]) ON CONFLICT DO NOTHING`,
      [id, u.budgethouders],
    );
  }
  return id;
}

export async function oidcSubjectTaken(q: Queryable, issuer: string, sub: string): Promise<boolean> {
  const r = await q.query(`SELECT 1 FROM gebruikers WHERE oidc_issuer = $1 AND oidc_sub = $2`, [issuer, sub]);
  return r.rows.length > 0;
}

export async function setUserActive(q: Queryable, name: string, active: boolean): Promise<number | undefined> {
  const r = await q.query<{ id: number }>(`UPDATE gebruikers SET actief = $2 WHERE gebruikersnaam = $1 RETURNING id`, [normalizeUserName(name), active]);
  return r.rows[0]?.id;
}

export async function setPasswordHash(q: Queryable, id: number, hash: string): Promise<void> {
  await q.query(`UPDATE gebruikers SET wachtwoord_hash = $2 WHERE id = $1`, [id, hash]);
}

// ---- sessions

export interface SessionRow {
  id: string;
  gebruiker_id: number;
  csrf_token: string;
  laatst_gebruikt_op: Date;
  verloopt_op: Date;
  beeindigd_op: Date | null;
}

export async function insertSession(q: Queryable, s: { id: string; gebruikerId: number; csrfToken: string; now: Date; verlooptOp: Date }): Promise<void> {
  await q.query(
    `INSERT INTO sessies (id, gebruiker_id, csrf_token, aangemaakt_op, laatst_gebruikt_op, verloopt_op) VALUES ($1, $2, $3, $4, $4, $5)`,
    [s.id, s.gebruikerId, s.csrfToken, s.now, s.verlooptOp],
  );
}

/** The session with its user, in one statement: this runs on every request with a cookie. */
export async function sessionWithUser(q: Queryable, id: string): Promise<{ session: SessionRow; user: UserRow } | undefined> {
  const r = await q.query<SessionRow & { u: UserRow }>(
    `SELECT s.id, s.gebruiker_id, s.csrf_token, s.laatst_gebruikt_op, s.verloopt_op, s.beeindigd_op,
            (SELECT row_to_json(x) FROM (SELECT ${USER_COLUMNS} FROM gebruikers g WHERE g.id = s.gebruiker_id) x) AS u
       FROM sessies s WHERE s.id = $1`,
    [id],
    { prepare: 'toegang.sessionWithUser' },
  );
  const row = r.rows[0];
  if (!row) return undefined;
  const { u, ...session } = row;
  return { session, user: toUser(u) };
}

export async function touchSession(q: Queryable, id: string, now: Date): Promise<void> {
  await q.query(`UPDATE sessies SET laatst_gebruikt_op = $2 WHERE id = $1 AND beeindigd_op IS NULL`, [id, now]);
}

/** Ends a session; false when it had already ended or does not exist. */
export async function endSession(q: Queryable, id: string, now: Date): Promise<SessionRow | undefined> {
  const r = await q.query<SessionRow>(
    `UPDATE sessies SET beeindigd_op = $2 WHERE id = $1 AND beeindigd_op IS NULL
     RETURNING id, gebruiker_id, csrf_token, laatst_gebruikt_op, verloopt_op, beeindigd_op`,
    [id, now],
  );
  return r.rows[0];
}

export async function endSessionsOf(q: Queryable, gebruikerId: number, now: Date): Promise<number> {
  const r = await q.query(`UPDATE sessies SET beeindigd_op = $2 WHERE gebruiker_id = $1 AND beeindigd_op IS NULL`, [gebruikerId, now]);
  return r.rowCount;
}

// ---- API clients

export interface ApiClientRow {
  client_id: string;
  naam: string;
  verstrekker: string;
  secret_hash: string;
  actief: boolean;
}

export async function apiClient(q: Queryable, clientId: string): Promise<ApiClientRow | undefined> {
  const r = await q.query<ApiClientRow>(`SELECT client_id, naam, verstrekker, secret_hash, actief FROM api_clients WHERE client_id = $1`, [clientId]);
  return r.rows[0];
}

/** Inserts a client, or gives an existing one a new secret (and makes it active again). */
export async function upsertApiClient(q: Queryable, c: { clientId: string; naam: string; verstrekker: string; secretHash: string; now: Date }): Promise<void> {
  await q.query(
    `INSERT INTO api_clients (client_id, naam, verstrekker, secret_hash, aangemaakt_op) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (client_id) DO UPDATE SET naam = EXCLUDED.naam, verstrekker = EXCLUDED.verstrekker, secret_hash = EXCLUDED.secret_hash, actief = true`,
    [c.clientId, c.naam, c.verstrekker, c.secretHash, c.now],
  );
}

export async function setApiClientActive(q: Queryable, clientId: string, active: boolean): Promise<boolean> {
  const r = await q.query(`UPDATE api_clients SET actief = $2 WHERE client_id = $1`, [clientId, active]);
  return r.rowCount > 0;
}

// ---- sign-in attempts

/**
 * The failed attempts of a key since `since`; with `afterLastSuccess`, only those after the
 * key's latest successful sign-in.
 */
export async function failuresSince(q: Queryable, key: string, since: Date, afterLastSuccess: boolean): Promise<Date[]> {
  const r = await q.query<{ op: Date }>(
    `SELECT op FROM inlogpogingen
      WHERE sleutel = $1 AND NOT gelukt AND op > $2
        ${afterLastSuccess ? `AND op > COALESCE((SELECT max(op) FROM inlogpogingen WHERE sleutel = $1 AND gelukt), '-infinity')` : ''}
      ORDER BY op`,
    [key, since],
  );
  return r.rows.map((x) => x.op);
}

export async function recordAttempts(q: Queryable, keys: string[], now: Date, success: boolean): Promise<void> {
  await q.query(`INSERT INTO inlogpogingen (sleutel, op, gelukt) SELECT unnest($1::text[]), $2, $3`, [keys, now, success]);
}
