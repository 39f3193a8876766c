/**
 * `pgb mail --verzend`: sends the waiting mails that are due, oldest first, each in its own
 * transaction (the row stays locked while the mail server answers, so two senders never send the
 * same mail). A mail the server takes is marked sent; one it refuses waits for its next attempt
 * (core/backoff.ts). When the server cannot be reached at all the run stops after that mail: the
 * rest keep their place and go out on a later run.
 *
 * Delivery is at least once: a process that dies after the server took a mail but before the
 * commit sends it again next time.
 */
import type { Db } from '../../../db/connection.ts';
import { isConnectionError, retryDelayMs } from '../core/backoff.ts';
import { lockNextDue, markFailed, markSent } from '../repo.ts';

/** What the sender needs of a mail transport (nodemailer's `Transporter` has it). */
export interface MailTransport {
  sendMail(mail: { from: string; to: string; subject: string; text: string; headers?: Record<string, string> }): Promise<{ messageId?: string }>;
}

export interface SendResult {
  verzonden: number;
  mislukt: number;
  /** the run stopped because the mail server could not be reached */
  onbereikbaar: boolean;
  fouten: { id: number; aan: string; fout: string }[];
}

export async function sendOutbox(db: Db, opts: { transport: MailTransport; from: string; now?: () => Date; all?: boolean; limit?: number }): Promise<SendResult> {
  const now = opts.now ?? (() => new Date());
  const result: SendResult = { verzonden: 0, mislukt: 0, onbereikbaar: false, fouten: [] };
  const tried: number[] = [];
  while (tried.length < (opts.limit ?? Number.MAX_SAFE_INTEGER)) {
    const step = await db.transaction(async (tx) => {
      const m = await lockNextDue(tx, { now: now(), all: opts.all ?? false, skip: tried });
      if (!m) return 'leeg' as const;
      tried.push(m.id);
      try {
        const info = await opts.transport.sendMail({ from: opts.from, to: m.aan, subject: m.onderwerp, text: m.tekst, headers: { 'X-PGB-Bericht': m.sleutel } });
        await markSent(tx, m.id, info.messageId ?? null, now());
        result.verzonden++;
        return 'verzonden' as const;
      } catch (e) {
        const message = (e as Error).message ?? String(e);
        await markFailed(tx, m.id, message, new Date(now().getTime() + retryDelayMs(m.pogingen + 1)));
        result.mislukt++;
        result.fouten.push({ id: m.id, aan: m.aan, fout: message });
        return isConnectionError(e) ? ('onbereikbaar' as const) : ('mislukt' as const);
      }
    });
    if (step === 'leeg') break;
    if (step === 'onbereikbaar') {
      result.onbereikbaar = true;
      break;
    }
  }
  return result;
}
