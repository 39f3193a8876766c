/** Reading the audit trail. */
import type { Queryable } from '../../db/connection.ts';

export interface AuditView {
  id: number;
  op: Date;
  actor: string;
  actie: string;
  onderwerp: string;
  reden: string | null;
  details: unknown;
}

/** Audit rows, newest first: about one subject, and/or of actions starting with `actie`. */
export async function listAudit(db: Queryable, f: { onderwerp?: string | null; actie?: string | null; limit: number; offset: number }): Promise<AuditView[]> {
  const r = await db.query<AuditView>(
    `SELECT id, op, actor, actie, onderwerp, reden, details FROM audit_log
      WHERE ($1::text IS NULL OR onderwerp = $1)
        AND ($2::text IS NULL OR actie = $2 OR left(actie, length($2) + 1) = $2 || '.')
      ORDER BY id DESC
      LIMIT $3 OFFSET $4`,
    [f.onderwerp ?? null, f.actie ?? null, f.limit, f.offset],
  );
  return r.rows;
}
