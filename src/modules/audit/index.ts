/** The audit trail: who did what, when and why. Written in the transaction of the change itself. */
import type { Queryable } from '../../db/connection.ts';

export interface AuditRecord {
  actor: string;
  action: string;
  subject: string;
  reason?: string;
  details?: unknown;
  at?: Date;
}

export async function writeAudit(tx: Queryable, r: AuditRecord): Promise<void> {
  await tx.query(
    `INSERT INTO audit_log (op, actor, actie, onderwerp, reden, details) VALUES ($1, $2, $3, $4, $5, $6)`,
    [r.at ?? new Date(), r.actor, r.action, r.subject, r.reason ?? null, r.details === undefined ? null : JSON.stringify(r.details)],
  );
}

export async function auditFor(tx: Queryable, subject: string): Promise<{ op: Date; actor: string; actie: string; reden: string | null }[]> {
  const r = await tx.query<{ op: Date; actor: string; actie: string; reden: string | null }>(
    `SELECT op, actor, actie, reden FROM audit_log WHERE onderwerp = $1 ORDER BY id`,
    [subject],
  );
  return r.rows;
}
