/**
 * The urgent run (spoedrun) for a date: pays every approved urgent request the same day, in a
 * payment run of kind `spoed` with its own pain.001.001.09 file. One transaction (holders locked
 * first, then the payment-run lock shared with the regular run): per request the budget is charged
 * into the advance's cover and the advance receivable is debited against what is on its way to the
 * bank (entry `spoedbetaling`, balanced; the `nooit_rood` constraint forbids an overdrawn budget);
 * one transfer per request; the run with its XML and SHA-256, the payments, the requests' new state
 * and the audit row `spoedrun.start` commit together. The caller writes the file after the commit
 * (`writeFileAtomic`); `pgb betaalrun --opnieuw RUN_ID` writes it again from the database.
 * A request whose budget no longer has room, or whose provider's IBAN is blocked, waits.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../../../db/connection.ts';
import type { PlainDate } from '../../../kernel/dates.ts';
import { newId } from '../../../kernel/ids.ts';
import { formatEuros, type Cents } from '../../../kernel/money.ts';
import { writeAudit } from '../../audit/index.ts';
import { lockHolders } from '../../declaraties/index.ts';
import { advanceAccount, advanceCoverAccount, budgetAccount, ONDERWEG, postEntries, type JournalEntry } from '../../ledger/index.ts';
import { buildPain001 } from '../../betalingen/core/pain001.ts';
import { executionDate } from '../../betalingen/core/run.ts';

export interface UrgentRunOptions {
  date: string;
  actor: string;
  debtor: { name: string; iban: string; bic?: string };
  now?: Date;
}

export interface UrgentRunResult {
  betaalrunId: string | null;
  payments: number;
  total: Cents;
  xml: string | null;
  /** Approved requests not paid in this run, and why. */
  held: { aanvraag_id: string; reden: string }[];
}

/** `PGB spoed 1000001 2026-03` or `PGB spoed 1000001 2026-03/2026-04`: client number and months, never a BSN. */
export function urgentRemittance(clientnummer: number, van: string, tot: string): string {
  const a = van.slice(0, 7);
  const b = tot.slice(0, 7);
  return `PGB spoed ${clientnummer} ${a === b ? a : `${a}/${b}`}`;
}

export async function runUrgentPayments(db: Db, opts: UrgentRunOptions): Promise<UrgentRunResult> {
  const now = opts.now ?? new Date();
  const date = executionDate(opts.date, now);
  return db.transaction(async (tx) => {
    // holders first (as the claim check), then the payment-run lock, then the requests
    const holders = await tx.query<{ budgethouder_id: number }>(`SELECT DISTINCT budgethouder_id FROM spoedaanvragen WHERE status = 'goedgekeurd'`);
    await lockHolders(tx, holders.rows.map((h) => h.budgethouder_id).sort((a, b) => a - b));
    await tx.query(`SELECT pg_advisory_xact_lock(7262003)`);
    const r = await tx.query<{ aanvraag_id: string; budgethouder_id: number; clientnummer: number; zorgverlener_id: string; naam: string; iban: string; iban_geblokkeerd: string | null; budget_id: string; beschikbaar: number; bedrag: number; periode_van: string; periode_tot: string }>(
      `SELECT a.aanvraag_id, a.budgethouder_id, h.clientnummer, a.zorgverlener_id, z.naam, z.iban, z.iban_geblokkeerd, a.budget_id, (-rk.saldo)::bigint AS beschikbaar,
              a.bedrag, a.periode_van, a.periode_tot
         FROM spoedaanvragen a
         JOIN budgethouders h ON h.id = a.budgethouder_id
         JOIN zorgverleners z ON z.zorgverlener_id = a.zorgverlener_id
         JOIN budgetten b ON b.budget_id = a.budget_id
         JOIN rekeningen rk ON rk.id = b.rekening_id
        WHERE a.status = 'goedgekeurd'
        ORDER BY a.beoordeeld_op, a.aanvraag_id
        FOR UPDATE OF a`,
    );
    const held: UrgentRunResult['held'] = [];
    const left = new Map<string, number>();
    const pay: (typeof r.rows[number] & { betalingId: string; omschrijving: string })[] = [];
    for (const a of r.rows) {
      if (a.iban_geblokkeerd) {
        held.push({ aanvraag_id: a.aanvraag_id, reden: `IBAN van ${a.zorgverlener_id} geblokkeerd: ${a.iban_geblokkeerd}` });
        continue;
      }
      const room = left.get(a.budget_id) ?? a.beschikbaar;
      if (a.bedrag > room) {
        held.push({ aanvraag_id: a.aanvraag_id, reden: `budget ${a.budget_id} heeft nog ${formatEuros(room)}, minder dan ${formatEuros(a.bedrag)}` });
        continue;
      }
      left.set(a.budget_id, room - a.bedrag);
      pay.push({ ...a, betalingId: newId('btl'), omschrijving: urgentRemittance(a.clientnummer, a.periode_van, a.periode_tot) });
    }
    if (pay.length === 0) return { betaalrunId: null, payments: 0, total: 0 as Cents, xml: null, held };
    const betaalrunId = newId('btr');
    const total = pay.reduce((s, p) => s + p.bedrag, 0) as Cents;
    const xml = buildPain001({
      messageId: betaalrunId,
      createdAt: now,
      executionDate: date as PlainDate,
      initiatingParty: opts.debtor.name,
      debtor: opts.debtor,
      transfers: pay.map((p) => ({ endToEndId: p.betalingId, amount: p.bedrag as Cents, creditorName: p.naam, creditorIban: p.iban, remittance: p.omschrijving })),
    });
    const sha256 = createHash('sha256').update(xml).digest('hex');
    await tx.query(
      `INSERT INTO betaalruns (betaalrun_id, datum, aangemaakt_op, actor, aantal, totaal, pain001, sha256, soort) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'spoed')`,
      [betaalrunId, date, now, opts.actor, pay.length, total, xml, sha256],
    );
    await tx.query(
      `INSERT INTO betalingen (betaling_id, betaalrun_id, zorgverlener_id, iban, naam, bedrag, omschrijving, status)
       SELECT b.id, $7, b.zv, b.iban, b.naam, b.bedrag, b.oms, 'verzonden'
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::text[]) AS b (id, zv, iban, naam, bedrag, oms)`,
      [pay.map((p) => p.betalingId), pay.map((p) => p.zorgverlener_id), pay.map((p) => p.iban), pay.map((p) => p.naam), pay.map((p) => p.bedrag), pay.map((p) => p.omschrijving), betaalrunId],
    );
    await tx.query(
      `UPDATE spoedaanvragen a SET status = 'betaald', betaalrun_id = $3, betaling_id = u.betaling, betaald_op = $4
         FROM unnest($1::text[], $2::text[]) AS u (id, betaling)
        WHERE a.aanvraag_id = u.id AND a.status = 'goedgekeurd'`,
      [pay.map((p) => p.aanvraag_id), pay.map((p) => p.betalingId), betaalrunId, now],
    );
    const entries: JournalEntry[] = pay.map((p) => ({
      kind: 'spoedbetaling',
      reference: p.aanvraag_id,
      description: `spoedrun ${betaalrunId}: voorschot ${p.aanvraag_id} aan ${p.zorgverlener_id} (betaling ${p.betalingId}) ten laste van budget ${p.budget_id}`,
      postings: [
        { account: budgetAccount(p.budget_id), amount: p.bedrag },
        { account: advanceCoverAccount(p.aanvraag_id), amount: -p.bedrag },
        { account: advanceAccount(p.aanvraag_id), amount: p.bedrag },
        { account: ONDERWEG, amount: -p.bedrag },
      ],
    }));
    await postEntries(tx, entries, opts.actor);
    await writeAudit(tx, { actor: opts.actor, action: 'spoedrun.start', subject: betaalrunId, reason: `spoedrun ${date}`, details: { payments: pay.length, total, sha256, aanvragen: pay.map((p) => p.aanvraag_id), held }, at: now });
    return { betaalrunId, payments: pay.length, total, xml, held };
  });
}
