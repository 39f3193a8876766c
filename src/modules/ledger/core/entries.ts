/**
 * Double-entry bookings as pure data. An entry moves money between accounts; its postings are
 * signed (debit positive, credit negative) and add up to zero. Accounts that hold money for
 * someone (a budget, a holder's own deposits, what is payable to a provider, payments on their way)
 * keep a credit balance: their `saldo` is zero or negative, and `available = -saldo`.
 */
export const ACCOUNT_KINDS = [
  'verstrekker', // what a funder has committed and not yet funded (debit)
  'budget', // per allocation chain: budget available to the holder (credit)
  'eigen_bijdrage', // per holder and law: the holder's own deposits (credit)
  'te_betalen', // per provider: approved and not yet sent to the bank (credit)
  'onderweg', // sent to the bank in a payment run, not yet confirmed (credit)
  'bank', // the operator's bank account (debit)
  'tussenrekening', // bank entries that wait for a person (credit)
  'uitbetaald_aan_budgethouder', // per holder: own amounts approved, not yet sent to the bank (credit)
  'vordering', // per recovery: what the debtor (provider or holder) still owes (debit, never credit)
  'te_vorderen', // per recovery: what is still to come back to the budget (credit, never debit)
  'voorschot', // per urgent request: the advance paid to the provider, not yet settled by a claim nor recovered (debit)
  'voorschot_dekking', // per urgent request: the budget charged for that advance, released as claims settle it (credit)
] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

/** An account is named by its kind and a key (`budget` + budget id, `te_betalen` + provider id). */
export interface AccountRef {
  kind: AccountKind;
  key: string;
}

export function accountName(a: AccountRef): string {
  return `${a.kind}:${a.key}`;
}

export const BANK: AccountRef = { kind: 'bank', key: 'operator' };
export const ONDERWEG: AccountRef = { kind: 'onderweg', key: 'operator' };
export const TUSSENREKENING: AccountRef = { kind: 'tussenrekening', key: 'operator' };
export const budgetAccount = (budgetId: string): AccountRef => ({ kind: 'budget', key: budgetId });
export const funderAccount = (code: string): AccountRef => ({ kind: 'verstrekker', key: code });
export const payableAccount = (providerId: string): AccountRef => ({ kind: 'te_betalen', key: providerId });
export const advanceAccount = (aanvraagId: string): AccountRef => ({ kind: 'voorschot', key: aanvraagId });
export const advanceCoverAccount = (aanvraagId: string): AccountRef => ({ kind: 'voorschot_dekking', key: aanvraagId });
export const ownFundsAccount = (holderId: number, wet: string): AccountRef => ({
  kind: 'eigen_bijdrage',
  key: `${holderId}:${wet}`,
});

export const ENTRY_KINDS = [
  'toekenning', // funder commitment → budget
  'correctie_toekenning', // the difference of a correction or withdrawal
  'declaratie', // budget (and own deposits) → payable to provider
  'betaalrun', // payable → on its way to the bank
  'bankbevestiging', // on its way → bank
  'terugboeking', // returned transfer → payable again
  'storting_verstrekker', // bank ← funder
  'storting_budgethouder', // bank ← holder's own deposit
  'onbekende_bankpost', // bank ↔ suspense
  'loonheffing', // wage tax withheld from a carer's wage → payable to the tax authority
  'werkgeverspremies', // employer premiums: budget → payable to the tax authority
  'eigen_bedrag', // budget (or own deposits) → payable to the holder: own amount, deposit returned
  'budgetafsluiting', // year end: what is left of a budget → back to the funder
  'vordering', // a recovery is established: receivable ← still to come back to the budget
  'verrekening', // a recovery set off in a payment: payable → receivable; still to come back → budget
  'terugbetaling_vordering', // a recovery repaid to the bank: bank → receivable; still to come back → budget
  'kwijtschelding', // a recovery written off: still to come back → receivable (the budget gets nothing)
  'spoedbetaling', // urgent payment: budget → advance cover, advance receivable → on its way to the bank
  'spoedverrekening', // a claim settled against an advance: payable → advance, advance cover → budget
  'spoedvordering', // the rest of an advance handed to a recovery: advance → advance cover (the recovery's accounts take it over)
] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export interface Posting {
  account: AccountRef;
  amount: number;
}

export interface JournalEntry {
  kind: EntryKind;
  /** What it is about: a claim id, a payment id, an allocation id, a bank transaction. */
  reference: string;
  description: string;
  postings: Posting[];
}

export class UnbalancedEntryError extends Error {}

/**
 * A two-sided entry: `debit` is debited and `credit` credited with `amount` cents. Money that
 * leaves a budget debits the budget and credits what is payable to the provider; money that comes
 * in debits the bank.
 */
export function booking(
  kind: EntryKind,
  reference: string,
  description: string,
  debit: AccountRef,
  credit: AccountRef,
  amount: number,
): JournalEntry {
  return { kind, reference, description, postings: [{ account: debit, amount }, { account: credit, amount: -amount }] };
}

/** Throws unless every posting is a non-zero whole number of cents and they add up to zero. */
export function assertBalanced(entry: JournalEntry): void {
  let total = 0;
  for (const p of entry.postings) {
    if (!Number.isSafeInteger(p.amount) || p.amount === 0) {
      throw new UnbalancedEntryError(`boeking ${entry.reference}: bedrag ${p.amount} is geen geheel aantal centen ongelijk aan nul`);
    }
    total += p.amount;
  }
  if (entry.postings.length < 2 || total !== 0) {
    throw new UnbalancedEntryError(`boeking ${entry.reference} is niet in evenwicht (verschil ${total})`);
  }
}
