/**
 * Writes bank statements, ISO 20022 `camt.053` in version 001.08 (default) or 001.02: the inverse
 * of `parseCamt053`, for tests and for the demo's realistic bank. Version 001.08 output validates
 * against `standards/camt.053.001.08.xsd`.
 *
 * What a Dutch bank would report for this platform's account:
 * - a credit from a funder or a holder: one entry, bank transaction code PMNT/RCDT/ESCT, one TxDtls
 *   with the debtor, the debtor's IBAN and the remittance text;
 * - the debit of one of our payment batches: one entry, PMNT/ICDT/ESCT, a `Btch` block and one
 *   TxDtls per end-to-end id with the creditor;
 * - a returned transfer: a credit entry, PMNT/ICDT/RRTN, TxDtls with `RtrInf/Rsn/Cd` and the original
 *   end-to-end id in `Refs/EndToEndId`.
 * Balances OPBD and CLBD are computed from the opening balance and the entries.
 *
 * Pure: no I/O. Invalid input throws a plain `Error`.
 */
import { create } from 'xmlbuilder2';
import { formatEuros, type Cents } from '../../../kernel/money.ts';
import { parseDate, type PlainDate } from '../../../kernel/dates.ts';
import { normalizeIban } from '../../../kernel/identifiers.ts';
import { CAMT053_NAMESPACES, type CamtVersion } from './camt053.ts';

export interface CamtWriterTransaction {
  /** Written as TxDtls/Amt (001.08) or AmtDtls/TxAmt/Amt (001.02); default: the entry amount when it is the only transaction. */
  amount?: Cents;
  /** Refs/EndToEndId; absent is written as `NOTPROVIDED`. */
  endToEndId?: string;
  /** Refs/PmtInfId. */
  paymentInfoId?: string;
  /** The other party: RltdPties/Dbtr for credits, RltdPties/Cdtr for debits. */
  counterpartyName?: string;
  counterpartyIban?: string;
  /** RmtInf/Ustrd, split over several Ustrd of at most 140 characters where longer. */
  remittance?: string;
  /** RtrInf/Rsn/Cd, e.g. AC04 (closed account), AC06 (blocked), MD07 (deceased). */
  returnReason?: string;
  /** For returns: the end-to-end id of the original transfer (written as Refs/EndToEndId). */
  originalEndToEndId?: string;
}

export interface CamtWriterEntry {
  /** NtryRef. */
  entryRef?: string;
  /** AcctSvcrRef: the bank's own reference. */
  accountServicerRef?: string;
  /** Never negative; default: the sum of the transactions' amounts. */
  amount?: Cents;
  direction: 'CRDT' | 'DBIT';
  bookingDate: PlainDate;
  /** ValDt; default: the booking date. */
  valueDate?: PlainDate;
  /** RvslInd. */
  reversal?: boolean;
  /** AddtlNtryInf (at most 500 characters). */
  additionalInfo?: string;
  /** Without any, the entry has no NtryDtls. */
  transactions?: CamtWriterTransaction[];
}

export interface CamtWriterStatement {
  statementId: string;
  /** IBAN of the account the statement is about. */
  account: string;
  /** Acct/Ownr/Nm; also written as the own side (Cdtr of a credit, Dbtr of a debit) of each transaction. */
  accountOwner?: string;
  /** Stmt/CreDtTm; default: the message's createdAt. */
  createdAt?: Date;
  /** FrToDt; the defaults of the balance dates are the first and last booking date. */
  fromDate?: PlainDate;
  toDate?: PlainDate;
  /** Opening balance in cents; negative is a debit balance. */
  openingBalance: Cents;
  entries: CamtWriterEntry[];
}

export interface CamtWriterInput {
  /** GrpHdr/MsgId. */
  messageId: string;
  /** GrpHdr/CreDtTm. */
  createdAt: Date;
  statements: CamtWriterStatement[];
}

type XMLBuilder = ReturnType<typeof create>;

const MAX_TEXT = 140;

function moment(d: Date): string {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) throw new Error('geen geldig tijdstip');
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function id(what: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (v === '') return undefined;
  if (v.length > 35) throw new Error(`${what} '${v}' is langer dan 35 tekens`);
  return v;
}

function iban(what: string, value: string): string {
  const v = normalizeIban(value);
  if (!v) throw new Error(`${what}: '${value}' is geen geldig IBAN`);
  return v;
}

function date(what: string, value: string): PlainDate {
  const d = parseDate(value);
  if (!d) throw new Error(`${what}: '${value}' is geen geldige datum`);
  return d;
}

function text(value: string | undefined, max: number): string | undefined {
  if (value === undefined) return undefined;
  const v = value.replace(/\s+/g, ' ').trim();
  return v === '' ? undefined : v.slice(0, max);
}

/** Splits remittance text over Ustrd elements of at most 140 characters, at spaces where possible. */
export function splitRemittance(value: string): string[] {
  const parts: string[] = [];
  let rest = value.replace(/\s+/g, ' ').trim();
  while (rest.length > MAX_TEXT) {
    const cut = rest.lastIndexOf(' ', MAX_TEXT);
    if (cut > 0) {
      parts.push(rest.slice(0, cut));
      rest = rest.slice(cut + 1);
    } else {
      parts.push(rest.slice(0, MAX_TEXT));
      rest = rest.slice(MAX_TEXT);
    }
  }
  if (rest !== '') parts.push(rest);
  return parts;
}

function checkAmount(what: string, value: number): Cents {
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${what}: bedrag moet een niet-negatief geheel aantal centen zijn, niet ${value}`);
  return value as Cents;
}

interface PreparedEntry {
  entry: CamtWriterEntry;
  amount: Cents;
  transactions: (CamtWriterTransaction & { amount: Cents })[];
}

function prepareEntry(where: string, entry: CamtWriterEntry): PreparedEntry {
  const txs = entry.transactions ?? [];
  let amount: Cents;
  if (entry.amount !== undefined) amount = checkAmount(where, entry.amount);
  else {
    if (txs.length === 0 || txs.some((t) => t.amount === undefined)) {
      throw new Error(`${where}: zonder bedrag moeten alle transacties een bedrag hebben`);
    }
    amount = checkAmount(where, txs.reduce((s, t) => s + (t.amount ?? 0), 0));
  }
  const transactions = txs.map((t, i) => {
    const txAmount = t.amount ?? (txs.length === 1 ? amount : undefined);
    if (txAmount === undefined) throw new Error(`${where}, transactie ${i + 1}: bedrag ontbreekt (de post heeft meer transacties)`);
    if (t.endToEndId !== undefined && t.originalEndToEndId !== undefined && t.endToEndId !== t.originalEndToEndId) {
      throw new Error(`${where}, transactie ${i + 1}: endToEndId en originalEndToEndId verschillen`);
    }
    return { ...t, amount: checkAmount(`${where}, transactie ${i + 1}`, txAmount) };
  });
  if (transactions.length > 0) {
    const total = transactions.reduce((s, t) => s + t.amount, 0);
    if (total !== amount) {
      throw new Error(`${where}: de transacties tellen op tot ${formatEuros(total)}, de post is ${formatEuros(amount)}`);
    }
  }
  date(`${where}: boekdatum`, entry.bookingDate);
  if (entry.valueDate !== undefined) date(`${where}: valutadatum`, entry.valueDate);
  return { entry, amount, transactions };
}

function amountEl(parent: XMLBuilder, name: string, cents: number): void {
  parent.ele(name, { Ccy: 'EUR' }).txt(formatEuros(Math.abs(cents)));
}

function balance(stmt: XMLBuilder, code: 'OPBD' | 'CLBD', cents: number, on: PlainDate): void {
  const bal = stmt.ele('Bal');
  bal.ele('Tp').ele('CdOrPrtry').ele('Cd').txt(code);
  amountEl(bal, 'Amt', cents);
  bal.ele('CdtDbtInd').txt(cents < 0 ? 'DBIT' : 'CRDT');
  bal.ele('Dt').ele('Dt').txt(on);
}

function bankTxCode(parent: XMLBuilder, family: string, subFamily: string): void {
  const domn = parent.ele('BkTxCd').ele('Domn');
  domn.ele('Cd').txt('PMNT');
  const fmly = domn.ele('Fmly');
  fmly.ele('Cd').txt(family);
  fmly.ele('SubFmlyCd').txt(subFamily);
}

function party(parent: XMLBuilder, name: string, version: CamtVersion): void {
  if (version === '001.08') parent.ele('Pty').ele('Nm').txt(name);
  else parent.ele('Nm').txt(name);
}

/** Opening and closing balance (cents, negative = debit) of a statement. */
export function statementBalances(s: Pick<CamtWriterStatement, 'openingBalance' | 'entries'>): { opening: number; closing: number } {
  let closing: number = s.openingBalance;
  for (const [i, e] of s.entries.entries()) {
    const amount = prepareEntry(`post ${i + 1}`, e).amount;
    closing += e.direction === 'CRDT' ? amount : -amount;
  }
  return { opening: s.openingBalance, closing };
}

export function buildCamt053(input: CamtWriterInput, version: CamtVersion = '001.08'): string {
  const namespace = CAMT053_NAMESPACES[version];
  if (!namespace) throw new Error(`onbekende camt.053-versie '${version}'`);
  const messageId = id('messageId', input.messageId);
  if (!messageId) throw new Error('messageId ontbreekt');
  if (input.statements.length === 0) throw new Error('een camt.053-bericht heeft minstens één afschrift');

  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const msg = doc.ele(namespace, 'Document').ele('BkToCstmrStmt');
  const hdr = msg.ele('GrpHdr');
  hdr.ele('MsgId').txt(messageId);
  hdr.ele('CreDtTm').txt(moment(input.createdAt));

  for (const [si, s] of input.statements.entries()) {
    const sWhere = `afschrift ${si + 1}`;
    const statementId = id(`${sWhere}: statementId`, s.statementId);
    if (!statementId) throw new Error(`${sWhere}: statementId ontbreekt`);
    const account = iban(`${sWhere}: rekening`, s.account);
    if (!Number.isSafeInteger(s.openingBalance)) throw new Error(`${sWhere}: beginsaldo is geen geheel aantal centen`);
    const owner = text(s.accountOwner, MAX_TEXT);
    const entries = s.entries.map((e, i) => prepareEntry(`${sWhere}, post ${i + 1}`, e));
    const bookingDates = entries.map((e) => e.entry.bookingDate).sort();
    const created = s.createdAt ?? input.createdAt;
    const fallbackDay = created.toISOString().slice(0, 10) as PlainDate;
    const openOn = s.fromDate ? date(`${sWhere}: fromDate`, s.fromDate) : (bookingDates[0] ?? fallbackDay);
    const closeOn = s.toDate ? date(`${sWhere}: toDate`, s.toDate) : (bookingDates[bookingDates.length - 1] ?? openOn);

    const stmt = msg.ele('Stmt');
    stmt.ele('Id').txt(statementId);
    stmt.ele('CreDtTm').txt(moment(created));
    if (s.fromDate || s.toDate) {
      const period = stmt.ele('FrToDt');
      period.ele('FrDtTm').txt(`${openOn}T00:00:00`);
      period.ele('ToDtTm').txt(`${closeOn}T23:59:59`);
    }
    const acct = stmt.ele('Acct');
    acct.ele('Id').ele('IBAN').txt(account);
    acct.ele('Ccy').txt('EUR');
    if (owner) acct.ele('Ownr').ele('Nm').txt(owner);

    let closing: number = s.openingBalance;
    for (const e of entries) closing += e.entry.direction === 'CRDT' ? e.amount : -e.amount;
    balance(stmt, 'OPBD', s.openingBalance, openOn);
    balance(stmt, 'CLBD', closing, closeOn);

    for (const { entry, amount, transactions } of entries) {
      const isReturn = entry.direction === 'CRDT' && (entry.reversal === true || transactions.some((t) => t.returnReason !== undefined));
      const ntry = stmt.ele('Ntry');
      const ref = id('entryRef', entry.entryRef);
      if (ref) ntry.ele('NtryRef').txt(ref);
      amountEl(ntry, 'Amt', amount);
      ntry.ele('CdtDbtInd').txt(entry.direction);
      if (entry.reversal) ntry.ele('RvslInd').txt('true');
      if (version === '001.08') ntry.ele('Sts').ele('Cd').txt('BOOK');
      else ntry.ele('Sts').txt('BOOK');
      ntry.ele('BookgDt').ele('Dt').txt(entry.bookingDate);
      ntry.ele('ValDt').ele('Dt').txt(entry.valueDate ?? entry.bookingDate);
      const svcrRef = id('accountServicerRef', entry.accountServicerRef);
      if (svcrRef) ntry.ele('AcctSvcrRef').txt(svcrRef);
      if (entry.direction === 'CRDT') bankTxCode(ntry, isReturn ? 'ICDT' : 'RCDT', isReturn ? 'RRTN' : 'ESCT');
      else bankTxCode(ntry, 'ICDT', 'ESCT');

      if (transactions.length > 0) {
        const dtls = ntry.ele('NtryDtls');
        if (transactions.length > 1) {
          const btch = dtls.ele('Btch');
          const pmtInfIds = new Set(transactions.map((t) => t.paymentInfoId));
          const [only] = [...pmtInfIds];
          if (pmtInfIds.size === 1 && only !== undefined) btch.ele('PmtInfId').txt(id('paymentInfoId', only)!);
          btch.ele('NbOfTxs').txt(String(transactions.length));
          amountEl(btch, 'TtlAmt', amount);
          btch.ele('CdtDbtInd').txt(entry.direction);
        }
        for (const t of transactions) writeTransaction(dtls, t, entry.direction, owner, account, version);
      }
      const info = text(entry.additionalInfo, 500);
      if (info) ntry.ele('AddtlNtryInf').txt(info);
    }
  }
  return doc.end({ prettyPrint: true });
}

function writeTransaction(
  dtls: XMLBuilder,
  t: CamtWriterTransaction & { amount: Cents },
  direction: 'CRDT' | 'DBIT',
  owner: string | undefined,
  account: string,
  version: CamtVersion,
): void {
  const tx = dtls.ele('TxDtls');
  const refs = tx.ele('Refs');
  const pmtInfId = id('paymentInfoId', t.paymentInfoId);
  if (pmtInfId) refs.ele('PmtInfId').txt(pmtInfId);
  refs.ele('EndToEndId').txt(id('endToEndId', t.endToEndId ?? t.originalEndToEndId) ?? 'NOTPROVIDED');
  if (version === '001.08') {
    amountEl(tx, 'Amt', t.amount);
    tx.ele('CdtDbtInd').txt(direction);
  } else {
    amountEl(tx.ele('AmtDtls').ele('TxAmt'), 'Amt', t.amount);
  }

  const name = text(t.counterpartyName, MAX_TEXT);
  const other = t.counterpartyIban === undefined ? undefined : iban('tegenrekening', t.counterpartyIban);
  if (name || other || owner) {
    const parties = tx.ele('RltdPties');
    // Order in the schema: Dbtr, DbtrAcct, …, Cdtr, CdtrAcct.
    const [dbtrName, dbtrIban, cdtrName, cdtrIban] =
      direction === 'CRDT' ? [name, other, owner, owner ? account : undefined] : [owner, owner ? account : undefined, name, other];
    if (dbtrName) party(parties.ele('Dbtr'), dbtrName, version);
    if (dbtrIban) parties.ele('DbtrAcct').ele('Id').ele('IBAN').txt(dbtrIban);
    if (cdtrName) party(parties.ele('Cdtr'), cdtrName, version);
    if (cdtrIban) parties.ele('CdtrAcct').ele('Id').ele('IBAN').txt(cdtrIban);
  }

  const remittance = t.remittance === undefined ? [] : splitRemittance(t.remittance);
  if (remittance.length > 0) {
    const rmt = tx.ele('RmtInf');
    for (const part of remittance) rmt.ele('Ustrd').txt(part);
  }
  const reason = t.returnReason?.trim();
  if (reason) {
    if (reason.length > 4) throw new Error(`retourreden '${reason}' is langer dan 4 tekens`);
    tx.ele('RtrInf').ele('Rsn').ele('Cd').txt(reason);
  }
}
