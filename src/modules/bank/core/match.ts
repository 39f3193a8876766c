/**
 * What a bank statement line is (formats-bank.md): a funder's deposit (the debtor IBAN is the
 * funder's), a holder's own deposit (`PGB STORTING <clientnummer> <WET>` in the remittance), the
 * bank's confirmation of our transfers (a debit naming their end-to-end ids), a returned transfer
 * (a credit with a return reason naming the original end-to-end id), a repayment of a recovery
 * (`VORDERING V-<n>` in the remittance, at most what is open of it), or else an open item for a
 * person. Pure: the lookups are passed in, and payments' states are updated as lines are read so
 * that a confirmation and a return in one statement are taken in order.
 */
import { WETTEN, type Wet } from '../../../kernel/wet.ts';
import type { CamtEntry, CamtTransaction } from './camt053.ts';
import { parseRepaymentReference } from '../../vorderingen/index.ts';

export interface KnownPayment {
  betalingId: string;
  /** the provider paid, or null for a payment to a holder (own amounts, issue #8) */
  zorgverlenerId: string | null;
  budgethouderId?: number | null;
  bedrag: number;
  status: 'verzonden' | 'bevestigd' | 'teruggeboekt';
}

/** An established recovery (vordering) that a credit's remittance text names (issue #8). */
export interface KnownRecovery {
  vorderingId: string;
  /** still open, lowered as repayments are read */
  open: number;
  budgetId: string;
}

export interface Lookups {
  fundersByIban: Map<string, string>;
  holdersByClientnummer: Map<number, number>;
  payments: Map<string, KnownPayment>;
  /** recoveries named by `VORDERING V-…` in the statement's credits */
  recoveries?: Map<string, KnownRecovery>;
}

export type Classification =
  | { kind: 'storting_verstrekker'; funder: string }
  | { kind: 'storting_budgethouder'; holderId: number; clientnummer: number; wet: Wet }
  | { kind: 'bevestiging'; payment: KnownPayment }
  | { kind: 'terugbetaling_vordering'; recovery: KnownRecovery }
  | { kind: 'terugboeking'; payment: KnownPayment; previous: 'verzonden' | 'bevestigd'; reason: string }
  | { kind: 'open'; note: string };

const DEPOSIT = new RegExp(`PGB\\s+STORTING\\s+(\\d{7,10})\\s+(${WETTEN.join('|')})\\b`, 'i');

export function parseDepositReference(remittance: string | undefined): { clientnummer: number; wet: Wet } | undefined {
  const m = remittance ? DEPOSIT.exec(remittance) : null;
  return m ? { clientnummer: Number(m[1]), wet: m[2]!.toUpperCase() as Wet } : undefined;
}

/** Return reasons a person understands (ISO 20022 external status reason codes). */
export const RETURN_REASONS: Record<string, string> = {
  AC01: 'rekeningnummer onjuist',
  AC04: 'rekening opgeheven',
  AC06: 'rekening geblokkeerd',
  AG01: 'transactie niet toegestaan op deze rekening',
  AM05: 'dubbele betaling',
  BE04: 'adres van de begunstigde ontbreekt',
  MD07: 'begunstigde overleden',
  MS02: 'reden niet opgegeven door de begunstigde',
  MS03: 'reden niet opgegeven door de bank',
  RC01: 'BIC onjuist',
};

export function classify(entry: CamtEntry, tx: CamtTransaction, lookups: Lookups): Classification {
  const isReturn = entry.direction === 'CRDT' && (tx.returnReason !== undefined || entry.reversal);
  if (isReturn) {
    const e2e = tx.originalEndToEndId ?? tx.endToEndId;
    const payment = e2e ? lookups.payments.get(e2e) : undefined;
    if (!payment) return { kind: 'open', note: `terugboeking van een onbekende betaling (${e2e ?? 'geen end-to-end-id'})` };
    if (payment.status === 'teruggeboekt') return { kind: 'open', note: `betaling ${payment.betalingId} was al teruggeboekt` };
    if (payment.bedrag !== tx.amount) return { kind: 'open', note: `terugboeking van ${tx.amount} cent wijkt af van betaling ${payment.betalingId} (${payment.bedrag} cent)` };
    const previous = payment.status;
    payment.status = 'teruggeboekt';
    const code = tx.returnReason ?? 'RVSL';
    return { kind: 'terugboeking', payment, previous, reason: `${code}${RETURN_REASONS[code] ? ` (${RETURN_REASONS[code]})` : ''}` };
  }
  if (entry.direction === 'DBIT') {
    const payment = tx.endToEndId ? lookups.payments.get(tx.endToEndId) : undefined;
    if (!payment) return { kind: 'open', note: `afschrijving zonder bekende betaling (${tx.endToEndId ?? 'geen end-to-end-id'})` };
    if (payment.status !== 'verzonden') return { kind: 'open', note: `betaling ${payment.betalingId} is al ${payment.status}` };
    if (payment.bedrag !== tx.amount) return { kind: 'open', note: `afschrijving van ${tx.amount} cent wijkt af van betaling ${payment.betalingId} (${payment.bedrag} cent)` };
    payment.status = 'bevestigd';
    return { kind: 'bevestiging', payment };
  }
  const funder = tx.counterpartyIban ? lookups.fundersByIban.get(tx.counterpartyIban) : undefined;
  if (funder) return { kind: 'storting_verstrekker', funder };
  const vordering = parseRepaymentReference(tx.remittance);
  if (vordering) {
    const recovery = lookups.recoveries?.get(vordering);
    if (!recovery) return { kind: 'open', note: `terugbetaling van onbekende vordering ${vordering}` };
    if (recovery.open === 0) return { kind: 'open', note: `terugbetaling van vordering ${vordering}, maar daarvan staat niets meer open` };
    if (tx.amount > recovery.open) return { kind: 'open', note: `terugbetaling van ${tx.amount} cent is meer dan er van vordering ${vordering} openstaat (${recovery.open} cent)` };
    recovery.open -= tx.amount;
    return { kind: 'terugbetaling_vordering', recovery };
  }
  const ref = parseDepositReference(tx.remittance);
  if (ref) {
    const holderId = lookups.holdersByClientnummer.get(ref.clientnummer);
    if (holderId !== undefined) return { kind: 'storting_budgethouder', holderId, clientnummer: ref.clientnummer, wet: ref.wet };
    return { kind: 'open', note: `storting voor onbekend clientnummer ${ref.clientnummer}` };
  }
  return { kind: 'open', note: 'bijschrijving niet herkend: geen verstrekker-IBAN en geen kenmerk PGB STORTING <clientnummer> <WET>' };
}
