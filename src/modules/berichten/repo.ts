/**
 * The outbox (`berichten`): mails are written in the same transaction as what caused them and
 * sent later, so that none is lost when the mail server is down or the process stops.
 */
import type { Queryable } from '../../db/connection.ts';

export interface OutgoingMessage {
  /** makes queueing idempotent: the same key twice is one mail */
  sleutel: string;
  aan: string;
  onderwerp: string;
  tekst: string;
}

export interface StoredMessage extends OutgoingMessage {
  id: number;
  status: 'wachtend' | 'verzonden';
  pogingen: number;
  volgende_poging_op: Date;
  laatste_fout: string | null;
  message_id: string | null;
  aangemaakt_op: Date;
  verzonden_op: Date | null;
}

/** Queues mails; a key already queued is skipped. Returns how many are new. */
export async function enqueueMessages(tx: Queryable, messages: readonly OutgoingMessage[], now: Date): Promise<number> {
  if (messages.length === 0) return 0;
  const r = await tx.query<{ id: number }>(
    `INSERT INTO berichten (sleutel, aan, onderwerp, tekst, volgende_poging_op, aangemaakt_op)
     SELECT m.sleutel, m.aan, m.onderwerp, m.tekst, $5, $5
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS m (sleutel, aan, onderwerp, tekst, n)
      ORDER BY m.n
     ON CONFLICT (sleutel) DO NOTHING
     RETURNING id`,
    [messages.map((m) => m.sleutel), messages.map((m) => m.aan), messages.map((m) => m.onderwerp), messages.map((m) => m.tekst), now],
  );
  return r.rows.length;
}

/** The next waiting mail that is due (or any waiting one with `all`), not among `skip`, locked. */
export async function lockNextDue(tx: Queryable, opts: { now: Date; all: boolean; skip: number[] }): Promise<StoredMessage | undefined> {
  const r = await tx.query<StoredMessage>(
    `SELECT * FROM berichten
      WHERE status = 'wachtend' AND ($2 OR volgende_poging_op <= $1) AND NOT (id = ANY($3::bigint[]))
      ORDER BY volgende_poging_op, id
      LIMIT 1
      FOR UPDATE SKIP LOCKED`,
    [opts.now, opts.all, opts.skip],
  );
  return r.rows[0];
}

export async function markSent(tx: Queryable, id: number, messageId: string | null, now: Date): Promise<void> {
  await tx.query(`UPDATE berichten SET status = 'verzonden', pogingen = pogingen + 1, verzonden_op = $2, message_id = $3, laatste_fout = NULL WHERE id = $1`, [id, now, messageId]);
}

export async function markFailed(tx: Queryable, id: number, error: string, nextAttempt: Date): Promise<void> {
  await tx.query(`UPDATE berichten SET pogingen = pogingen + 1, laatste_fout = $2, volgende_poging_op = $3 WHERE id = $1`, [id, error.slice(0, 1000), nextAttempt]);
}

export interface QueueSummary {
  wachtend: number;
  verzonden: number;
  /** waiting mails that failed at least once */
  met_fout: number;
  oudste_wachtend: Date | null;
}

export async function queueSummary(db: Queryable): Promise<QueueSummary> {
  const r = await db.query<QueueSummary>(
    `SELECT count(*) FILTER (WHERE status = 'wachtend')::int AS wachtend,
            count(*) FILTER (WHERE status = 'verzonden')::int AS verzonden,
            count(*) FILTER (WHERE status = 'wachtend' AND pogingen > 0)::int AS met_fout,
            min(aangemaakt_op) FILTER (WHERE status = 'wachtend') AS oudste_wachtend
       FROM berichten`,
  );
  return r.rows[0]!;
}

export async function waitingMessages(db: Queryable, limit = 50): Promise<StoredMessage[]> {
  const r = await db.query<StoredMessage>(`SELECT * FROM berichten WHERE status = 'wachtend' ORDER BY id LIMIT $1`, [limit]);
  return r.rows;
}
