/**
 * `pgb bank FILE`: reads a camt.053 statement and books every line, all in one transaction with
 * its audit row. A statement read before (same id, same content) changes nothing; the same id with
 * other content is an error. Deposits by holders check their parked claims again.
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { Db } from '../../../db/connection.ts';
import { AppError } from '../../../kernel/errors.ts';
import { formatEuros } from '../../../kernel/money.ts';
import { writeAudit } from '../../audit/index.ts';
import { insertEvents, recheckParkedClaims, type TraceEvent } from '../../declaraties/index.ts';
import { advanceAccount, advanceCoverAccount, BANK, booking, budgetAccount, funderAccount, ONDERWEG, ownFundsAccount, payableAccount, postEntries, TUSSENREKENING, type JournalEntry } from '../../ledger/index.ts';
import { parseCamt053 } from '../core/camt053.ts';
import { classify, parseDepositReference, type Lookups } from '../core/match.ts';
import { holderPayable, reopenOwnAmounts } from '../../eigenbedragen/index.ts';
import { debtorOf, insertRepayments, lockRecoveries, parseRepaymentReference, repaymentEntry, setOffEntry, undoSetOffs } from '../../vorderingen/index.ts';
import type { Cents } from '../../../kernel/money.ts';
import { reopenUrgentRequests, unsettledUrgentPayments } from '../../spoed/index.ts';
import { blockIbans, claimsOfPayments, insertLines, insertStatement, lookups, reopenClaims, setPaymentStatus, storedStatement, type BankLine } from '../repo.ts';

export interface StatementResult {
  statements: { id: string; alreadyRead: boolean; lines: number; counts: Record<string, number> }[];
  recheckedClaims: Record<string, number>;
}

export async function readBankStatement(db: Db, opts: { path: string; content: Buffer | string; actor: string; now?: Date }): Promise<StatementResult> {
  const file = basename(opts.path);
  const now = opts.now ?? new Date();
  const statements = parseCamt053(file, opts.content); // throws InputError, nothing written
  return db.transaction(async (tx) => {
    const result: StatementResult = { statements: [], recheckedClaims: {} };
    const depositHolders = new Set<number>();
    for (const s of statements) {
      // a statement is identified by its id and its content, whatever file it came in
      const sha256 = createHash('sha256').update(JSON.stringify(s)).digest('hex');
      const stored = await storedStatement(tx, s.statementId);
      if (stored) {
        if (stored.sha256 !== sha256) throw new AppError('CONFLICT', `${file}: afschrift ${s.statementId} is al ingelezen met andere inhoud`);
        result.statements.push({ id: s.statementId, alreadyRead: true, lines: 0, counts: {} });
        continue;
      }
      const txs = s.entries.flatMap((e) => e.transactions.map((t) => ({ e, t })));
      const known: Lookups = await lookups(
        tx,
        txs.flatMap(({ t }) => (t.counterpartyIban ? [t.counterpartyIban] : [])),
        txs.flatMap(({ t }) => {
          const ref = parseDepositReference(t.remittance);
          return ref ? [ref.clientnummer] : [];
        }),
        txs.flatMap(({ t }) => [t.endToEndId, t.originalEndToEndId].filter((x): x is string => x !== undefined)),
      );
      // recoveries named in credits (`VORDERING V-…`), locked: a repayment lowers what is open
      const named = await lockRecoveries(tx, [...new Set(txs.flatMap(({ e, t }) => {
        const v = e.direction === 'CRDT' ? parseRepaymentReference(t.remittance) : undefined;
        return v ? [v] : [];
      }))]);
      known.recoveries = new Map([...named.values()].map((v) => [v.vordering_id, { vorderingId: v.vordering_id, open: v.openstaand, budgetId: v.budget_id }]));
      const repayments: { postRef: string; txIndex: number; vorderingId: string; amount: number }[] = [];
      await insertStatement(tx, { id: s.statementId, account: s.account, file, sha256, actor: opts.actor, now });
      // urgent payments not yet settled by a claim: a return goes back to the advance (issue #8)
      const urgent = await unsettledUrgentPayments(tx, [...known.payments.keys()]);
      const lines: BankLine[] = [];
      const entries: JournalEntry[] = [];
      const paymentUpdates: { betalingId: string; status: string; date: string | null; reason: string | null }[] = [];
      const returned: string[] = [];
      const counts: Record<string, number> = {};
      for (const e of s.entries) {
        e.transactions.forEach((t, i) => {
          const c = classify(e, t, known);
          counts[c.kind] = (counts[c.kind] ?? 0) + 1;
          const ref = `${s.statementId}/${e.entryRef}/${i + 1}`;
          const line: BankLine = {
            afschriftId: s.statementId,
            postRef: e.entryRef,
            txIndex: i + 1,
            richting: e.direction,
            bedrag: t.amount,
            boekdatum: e.bookingDate ?? null,
            tegenIban: t.counterpartyIban ?? null,
            tegenNaam: t.counterpartyName ?? null,
            omschrijving: t.remittance ?? null,
            endToEndId: t.originalEndToEndId ?? t.endToEndId ?? null,
            redenCode: t.returnReason ?? null,
            verwerking: c.kind,
            referentie: null,
            toelichting: null,
          };
          const amount = t.amount;
          switch (c.kind) {
            case 'storting_verstrekker':
              line.referentie = c.funder;
              entries.push(booking('storting_verstrekker', ref, `storting door verstrekker ${c.funder}: ${formatEuros(amount)}`, BANK, funderAccount(c.funder), amount));
              break;
            case 'storting_budgethouder':
              line.referentie = `${c.clientnummer} ${c.wet}`;
              depositHolders.add(c.holderId);
              entries.push(booking('storting_budgethouder', ref, `eigen storting client ${c.clientnummer} ${c.wet}: ${formatEuros(amount)}`, BANK, ownFundsAccount(c.holderId, c.wet), amount));
              break;
            case 'bevestiging':
              line.referentie = c.payment.betalingId;
              paymentUpdates.push({ betalingId: c.payment.betalingId, status: 'bevestigd', date: e.bookingDate ?? null, reason: null });
              entries.push(booking('bankbevestiging', c.payment.betalingId, `bank bevestigt betaling ${c.payment.betalingId}`, ONDERWEG, BANK, amount));
              break;
            case 'terugboeking':
              line.referentie = c.payment.betalingId;
              line.toelichting = c.reason;
              paymentUpdates.push({ betalingId: c.payment.betalingId, status: 'teruggeboekt', date: e.bookingDate ?? null, reason: c.reason });
              returned.push(c.payment.betalingId);
              const advance = urgent.get(c.payment.betalingId);
              if (advance) {
                // the advance was not paid after all: the receivable goes, and the budget charged for it is released
                entries.push({
                  kind: 'terugboeking',
                  reference: c.payment.betalingId,
                  description: `spoedbetaling ${advance.aanvraag_id} (betaling ${c.payment.betalingId}) teruggeboekt: ${c.reason}`,
                  postings: [
                    { account: c.previous === 'bevestigd' ? BANK : ONDERWEG, amount },
                    { account: advanceAccount(advance.aanvraag_id), amount: -amount },
                    { account: advanceCoverAccount(advance.aanvraag_id), amount },
                    { account: budgetAccount(advance.budget_id), amount: -amount },
                  ],
                });
                break;
              }
              entries.push(
                booking('terugboeking', c.payment.betalingId, `betaling ${c.payment.betalingId} teruggeboekt: ${c.reason}`, c.previous === 'bevestigd' ? BANK : ONDERWEG, c.payment.zorgverlenerId !== null ? payableAccount(c.payment.zorgverlenerId) : holderPayable(c.payment.budgethouderId!), amount),
              );
              break;
            case 'terugbetaling_vordering':
              line.referentie = c.recovery.vorderingId;
              repayments.push({ postRef: e.entryRef, txIndex: i + 1, vorderingId: c.recovery.vorderingId, amount });
              entries.push(repaymentEntry({ vorderingId: c.recovery.vorderingId, bankRef: ref, budgetId: c.recovery.budgetId, amount: amount as Cents }));
              break;
            case 'open':
              line.toelichting = c.note;
              if (amount > 0) {
                entries.push(
                  e.direction === 'CRDT'
                    ? booking('onbekende_bankpost', ref, `bijschrijving op tussenrekening: ${c.note}`, BANK, TUSSENREKENING, amount)
                    : booking('onbekende_bankpost', ref, `afschrijving op tussenrekening: ${c.note}`, TUSSENREKENING, BANK, amount),
                );
              }
              break;
          }
          lines.push(line);
        });
      }
      await insertLines(tx, lines);
      if (repayments.length > 0) {
        const ids = await tx.query<{ id: number; post_ref: string; tx_index: number }>(`SELECT id, post_ref, tx_index FROM bankposten WHERE afschrift_id = $1 AND verwerking = 'terugbetaling_vordering'`, [s.statementId]);
        const idOf = new Map(ids.rows.map((x) => [`${x.post_ref}/${x.tx_index}`, x.id]));
        await insertRepayments(tx, repayments.map((r) => ({ bankpostId: idOf.get(`${r.postRef}/${r.txIndex}`)!, vorderingId: r.vorderingId, amount: r.amount })), now);
      }
      // a returned payment had recoveries set off against it: that set-off is undone, the recoveries are open again
      for (const u of await undoSetOffs(tx, returned)) {
        entries.push(setOffEntry({ vorderingId: u.vordering_id, betalingId: u.set_off_betaling, debtor: debtorOf(u), budgetId: u.budget_id, amount: u.set_off as Cents }, true));
      }
      // The trace of every claim in a confirmed or returned payment, in the order of the statement.
      const claimsByPayment = new Map<string, string[]>();
      for (const p of await claimsOfPayments(tx, paymentUpdates.map((u) => u.betalingId))) {
        claimsByPayment.set(p.betaling_id, [...(claimsByPayment.get(p.betaling_id) ?? []), p.declaratie_id]);
      }
      const events: TraceEvent[] = paymentUpdates.flatMap((u) =>
        (claimsByPayment.get(u.betalingId) ?? []).map((declaratieId): TraceEvent =>
          u.status === 'bevestigd'
            ? { declaratieId, event: 'betaald', status: 'betaald', reason: null, note: `De bank heeft betaling ${u.betalingId} uitgevoerd (afschrift ${s.statementId}).` }
            : {
                declaratieId,
                event: 'teruggeboekt',
                status: 'goedgekeurd',
                reason: null,
                note: `Betaling ${u.betalingId} kwam terug van de bank: ${u.reason}. Het bedrag staat weer open voor de zorgverlener; het IBAN is geblokkeerd en de declaratie gaat mee in de eerste betaalrun nadat de zorgverlener een nieuw IBAN heeft doorgegeven.`,
              },
        ),
      );
      await insertEvents(tx, events, opts.actor, now);
      await setPaymentStatus(tx, paymentUpdates);
      await reopenClaims(tx, returned);
      await reopenOwnAmounts(tx, returned);
      await reopenUrgentRequests(tx, returned.filter((id) => urgent.has(id)));
      await blockIbans(tx, paymentUpdates.filter((u) => u.status === 'teruggeboekt').map((u) => ({ betalingId: u.betalingId, reason: u.reason ?? 'teruggeboekt' })));
      await postEntries(tx, entries, opts.actor);
      await writeAudit(tx, { actor: opts.actor, action: 'bank.afschrift', subject: s.statementId, reason: `bankafschrift ${file}`, details: { sha256, counts }, at: now });
      result.statements.push({ id: s.statementId, alreadyRead: false, lines: lines.length, counts });
    }
    if (depositHolders.size > 0) {
      result.recheckedClaims = await recheckParkedClaims(tx, { holderIds: [...depositHolders], actor: opts.actor, now, cause: 'eigen storting' });
    }
    return result;
  });
}
