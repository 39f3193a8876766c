/**
 * `Idempotency-Key` on POST: the first answer is kept per caller and key for a day; the same key
 * with the same request gets that answer again, with another request a 422, and while the first
 * is still being handled a 409. The key is claimed before the handler runs and the answer stored
 * after it, outside the handler's transaction: if the process stops between the two, the key
 * stays "in behandeling" and the caller must check the state and use a new key.
 *
 * Its SQL lives here rather than in a module's repo.ts: the table belongs to the HTTP layer.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../db/connection.ts';

export const KEEP_MS = 24 * 3600_000;

export type Claim =
  | { kind: 'new' }
  | { kind: 'replay'; status: number; contentType: string | null; headers: Record<string, string>; payload: string | Buffer }
  | { kind: 'other-request'; method: string; path: string }
  | { kind: 'busy' };

/** JSON with keys in a fixed order, so that the same content hashes the same whatever its layout. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

export function requestHash(method: string, path: string, body: unknown): string {
  const content = typeof body === 'string' || Buffer.isBuffer(body) ? body : canonical(body ?? null);
  return createHash('sha256').update(`${method} ${path}\n`).update(content).digest('hex');
}

export async function claimKey(db: Db, o: { caller: string; key: string; method: string; path: string; hash: string; now: Date }): Promise<Claim> {
  const expired = new Date(o.now.getTime() - KEEP_MS);
  await db.query(`DELETE FROM idempotentie WHERE aanroeper = $1 AND aangemaakt_op < $2`, [o.caller, expired]);
  const inserted = await db.query(
    `INSERT INTO idempotentie (aanroeper, sleutel, methode, pad, inhoud_hash, aangemaakt_op) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (aanroeper, sleutel) DO NOTHING RETURNING 1`,
    [o.caller, o.key, o.method, o.path, o.hash, o.now],
  );
  if (inserted.rows.length > 0) return { kind: 'new' };
  const r = await db.query<{ methode: string; pad: string; inhoud_hash: string; status: number | null; antwoord_type: string | null; antwoord_headers: Record<string, string> | null; antwoord: string | null; antwoord_base64: boolean }>(
    `SELECT methode, pad, inhoud_hash, status, antwoord_type, antwoord_headers, antwoord, antwoord_base64 FROM idempotentie WHERE aanroeper = $1 AND sleutel = $2`,
    [o.caller, o.key],
  );
  const row = r.rows[0];
  if (!row) return claimKey(db, o); // removed meanwhile: claim again
  if (row.inhoud_hash !== o.hash) return { kind: 'other-request', method: row.methode, path: row.pad };
  if (row.status === null) return { kind: 'busy' };
  const text = row.antwoord ?? '';
  return {
    kind: 'replay',
    status: row.status,
    contentType: row.antwoord_type,
    headers: row.antwoord_headers ?? {},
    payload: row.antwoord_base64 ? Buffer.from(text, 'base64') : text,
  };
}

export async function storeAnswer(
  db: Db,
  o: { caller: string; key: string; status: number; contentType: string | null; headers: Record<string, string>; payload: string | Buffer | null },
): Promise<void> {
  const binary = Buffer.isBuffer(o.payload);
  await db.query(
    `UPDATE idempotentie SET status = $3, antwoord_type = $4, antwoord_headers = $5, antwoord = $6, antwoord_base64 = $7 WHERE aanroeper = $1 AND sleutel = $2`,
    [o.caller, o.key, o.status, o.contentType, JSON.stringify(o.headers), binary ? (o.payload as Buffer).toString('base64') : (o.payload ?? ''), binary],
  );
}

/** Gives a key up when no answer should be kept (the handler never ran, or failed unexpectedly). */
export async function releaseKey(db: Db, o: { caller: string; key: string }): Promise<void> {
  await db.query(`DELETE FROM idempotentie WHERE aanroeper = $1 AND sleutel = $2 AND status IS NULL`, [o.caller, o.key]);
}
