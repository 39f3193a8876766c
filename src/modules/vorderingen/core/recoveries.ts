/**
 * Recoveries (vorderingen) as pure rules: the reason codes, the bookings of each step, the set-off
 * of a payment run (oldest recovery first, by `setOff` of the urgent-payment rules), the text a
 * payment carries when something was set off, and the reference a repayment names.
 *
 * The ledger, per recovery V (accounts `vordering:V` and `te_vorderen:V`):
 * - established: debit `vordering:V` (the debtor owes it), credit `te_vorderen:V` (it is still to
 *   come back to the budget). The budget is not touched: it gets back only what is recovered.
 * - set off in a payment: the payable (to the provider, or to the holder) is debited for the set-off
 *   part instead of going to the bank, `vordering:V` credited; and `te_vorderen:V` debited, the
 *   budget credited.
 * - repaid to the bank: debit `bank`, credit `vordering:V`; debit `te_vorderen:V`, credit the budget.
 * - written off: debit `te_vorderen:V`, credit `vordering:V`; the budget gets nothing.
 * So at every moment `vordering:V` = −`te_vorderen:V` = what is still open, and the budget has been
 * credited exactly what was set off or repaid.
 */
import { BANK, booking, budgetAccount, payableAccount, type AccountRef, type JournalEntry } from '../../ledger/index.ts';
import { formatEuros, type Cents } from '../../../kernel/money.ts';
import { setOff, type OpenRecovery, type SetOffResult } from '../../spoed/core/settlement.ts';

export { REDENEN, REDEN_NAMEN, type Reden } from './redenen.ts';
import type { Reden } from './redenen.ts';

export type DebtorKind = 'zorgverlener' | 'budgethouder';
export interface Debtor {
  kind: DebtorKind;
  /** provider id, or the holder's id as text */
  id: string;
}

export const receivableAccount = (vorderingId: string): AccountRef => ({ kind: 'vordering', key: vorderingId });
export const toRecoverAccount = (vorderingId: string): AccountRef => ({ kind: 'te_vorderen', key: vorderingId });
/** What is payable to the debtor: a provider's `te_betalen`, a holder's `uitbetaald_aan_budgethouder`. */
export const debtorPayable = (d: Debtor): AccountRef => (d.kind === 'zorgverlener' ? payableAccount(d.id) : { kind: 'uitbetaald_aan_budgethouder', key: d.id });

export function establishEntry(vorderingId: string, amount: Cents, description: string): JournalEntry {
  return booking('vordering', vorderingId, description, receivableAccount(vorderingId), toRecoverAccount(vorderingId), amount);
}

/** Reference of a set-off entry: one recovery in one payment. */
export const setOffReference = (vorderingId: string, betalingId: string): string => `${vorderingId}/${betalingId}`;

/** A set-off in a payment; `reverse` books it back when the bank returned the payment. */
export function setOffEntry(s: { vorderingId: string; betalingId: string; debtor: Debtor; budgetId: string; amount: Cents }, reverse = false): JournalEntry {
  const sign = reverse ? -1 : 1;
  return {
    kind: 'verrekening',
    reference: setOffReference(s.vorderingId, s.betalingId),
    description: reverse
      ? `verrekening van vordering ${s.vorderingId} met betaling ${s.betalingId} teruggedraaid (betaling teruggeboekt): ${formatEuros(s.amount)}`
      : `vordering ${s.vorderingId} verrekend met betaling ${s.betalingId}: ${formatEuros(s.amount)} terug naar toekenning ${s.budgetId}`,
    postings: [
      { account: debtorPayable(s.debtor), amount: sign * s.amount },
      { account: receivableAccount(s.vorderingId), amount: -sign * s.amount },
      { account: toRecoverAccount(s.vorderingId), amount: sign * s.amount },
      { account: budgetAccount(s.budgetId), amount: -sign * s.amount },
    ],
  };
}

/** Reference of a repayment entry: the recovery and the bank line (`afschrift/post/n`). */
export const repaymentReference = (vorderingId: string, bankRef: string): string => `${vorderingId}/${bankRef}`;

export function repaymentEntry(r: { vorderingId: string; bankRef: string; budgetId: string; amount: Cents }): JournalEntry {
  return {
    kind: 'terugbetaling_vordering',
    reference: repaymentReference(r.vorderingId, r.bankRef),
    description: `vordering ${r.vorderingId} terugbetaald (${r.bankRef}): ${formatEuros(r.amount)} terug naar toekenning ${r.budgetId}`,
    postings: [
      { account: BANK, amount: r.amount },
      { account: receivableAccount(r.vorderingId), amount: -r.amount },
      { account: toRecoverAccount(r.vorderingId), amount: r.amount },
      { account: budgetAccount(r.budgetId), amount: -r.amount },
    ],
  };
}

export function writeOffEntry(vorderingId: string, amount: Cents, reason: string): JournalEntry {
  return booking('kwijtschelding', vorderingId, `vordering ${vorderingId} kwijtgescholden (${formatEuros(amount)}): ${reason}`, toRecoverAccount(vorderingId), receivableAccount(vorderingId), amount);
}

/** `VORDERING V-123` (any case, spaces or a dash between) in a remittance text names recovery V-123. */
const REPAYMENT = /\bVORDERING\s*[-:]?\s*(V-\d{1,12})\b/i;

export function parseRepaymentReference(remittance: string | undefined): string | undefined {
  const m = remittance ? REPAYMENT.exec(remittance) : null;
  return m ? m[1]!.toUpperCase() : undefined;
}

export interface OpenRecoveryOf extends OpenRecovery {
  debtor: Debtor;
  budgetId: string;
}

export interface PlannedSetOff {
  vorderingId: string;
  debtor: Debtor;
  budgetId: string;
  amount: Cents;
}

/**
 * Set-off of one payment to a debtor against that debtor's open recoveries; `open` is lowered in
 * place so that the next payment to the same debtor in the run sees what is left.
 */
export function planSetOff(gross: Cents, open: OpenRecoveryOf[]): { result: SetOffResult; setOffs: PlannedSetOff[] } {
  const result = setOff(gross, open);
  const byId = new Map(open.map((r) => [r.id, r]));
  const setOffs = result.perVordering.map((p) => {
    const r = byId.get(p.vorderingId)!;
    (r as { open: Cents }).open = (r.open - p.bedrag) as Cents;
    return { vorderingId: p.vorderingId, debtor: r.debtor, budgetId: r.budgetId, amount: p.bedrag };
  });
  return { result, setOffs };
}

/**
 * The part of a remittance text that names a set-off: ` VERREKEND V-1 12.50` (or the number of
 * recoveries and the total when more than two).
 */
export function setOffRemittance(setOffs: readonly { vorderingId: string; amount: Cents }[]): string {
  if (setOffs.length === 0) return '';
  const total = setOffs.reduce((s, x) => s + x.amount, 0) as Cents;
  if (setOffs.length <= 2) return ` VERREKEND ${setOffs.map((s) => `${s.vorderingId} ${formatEuros(s.amount)}`).join(', ')}`;
  return ` VERREKEND ${setOffs.length} VORDERINGEN ${formatEuros(total)}`;
}

/** Whole days from the date a recovery was established to `today` (both plain dates). */
export function ageInDays(vastgesteld: string, today: string): number {
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${vastgesteld}T00:00:00Z`)) / 86_400_000);
}
