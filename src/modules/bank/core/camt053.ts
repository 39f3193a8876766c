/**
 * Reads bank statements: ISO 20022 `camt.053.001.02` and `camt.053.001.08` (the same structure
 * under another namespace; any namespace prefix is accepted). A document may hold several
 * statements (`Stmt`).
 *
 * Safety first: a document with a DOCTYPE or an entity declaration is refused before it is parsed
 * (no external entities, no entity expansion); the parser itself runs with entity processing off
 * and only the five predefined XML entities and character references are decoded, by hand.
 *
 * Every problem is collected and reported together as an `InputError`: file, line (0 when unknown),
 * the element path (`Stmt/Ntry[3]/Amt`) and a Dutch sentence. Only booked entries (status `BOOK`,
 * or no status) are returned; their `index` is their position among all entries of the statement.
 *
 * Pure: no I/O.
 */
import { firstBadUtf8Line } from '../../../kernel/csv.ts';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { InputError, type InputProblem } from '../../../kernel/errors.ts';
import { parseDate, type PlainDate } from '../../../kernel/dates.ts';
import { normalizeIban } from '../../../kernel/identifiers.ts';
import type { Cents } from '../../../kernel/money.ts';

export const CAMT053_NAMESPACES = {
  '001.02': 'urn:iso:std:iso:20022:tech:xsd:camt.053.001.02',
  '001.08': 'urn:iso:std:iso:20022:tech:xsd:camt.053.001.08',
} as const;

export type CamtVersion = keyof typeof CAMT053_NAMESPACES;

export interface CamtStatement {
  statementId: string;
  /** The IBAN of the statement's account (electronic form). */
  account: string;
  /** Stmt/CreDtTm as written. */
  createdAt?: string;
  entries: CamtEntry[];
}

export interface CamtEntry {
  /** 1-based position in the statement. */
  index: number;
  /**
   * NtryRef, else AcctSvcrRef, else `${statementId}#${index}`. Unique within the statement: when the
   * bank repeats a reference, later entries get `#${index}` appended.
   */
  entryRef: string;
  /** Never negative: the sign is in `direction`. */
  amount: Cents;
  direction: 'CRDT' | 'DBIT';
  /** BookgDt/Dt, or the date part of BookgDt/DtTm. */
  bookingDate?: PlainDate;
  /** RvslInd. */
  reversal: boolean;
  /** From NtryDtls/TxDtls; without any, one synthesised from the entry itself. */
  transactions: CamtTransaction[];
}

export interface CamtTransaction {
  /** TxDtls/Amt (or AmtDtls/TxAmt/Amt), else the entry amount. */
  amount: Cents;
  /** Refs/EndToEndId; `NOTPROVIDED` becomes undefined. */
  endToEndId?: string;
  /** Refs/PmtInfId. */
  paymentInfoId?: string;
  /** RltdPties: Dbtr for credits, Cdtr for debits (`Nm`, or `Pty/Nm`). */
  counterpartyName?: string;
  /** RltdPties: DbtrAcct for credits, CdtrAcct for debits (`Id/IBAN`). */
  counterpartyIban?: string;
  /** RmtInf/Ustrd joined by a space (else RmtInf/Strd/CdtrRefInf/Ref; for a synthesised transaction AddtlNtryInf). */
  remittance?: string;
  /** RtrInf/Rsn/Cd (or Prtry), e.g. AC04, AC06, MD07. */
  returnReason?: string;
  /** For returns and reversals: Refs/EndToEndId, the end-to-end id of the original transfer. */
  originalEndToEndId?: string;
}

/** Largest statement accepted (characters); larger is an error rather than a memory risk. */
export const MAX_CAMT_LENGTH = 50 * 1024 * 1024;

type XNode = Record<string, unknown>;

const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

/** Elements that may repeat and are always read as lists. */
const LISTS = new Set(['Stmt', 'Ntry', 'NtryDtls', 'TxDtls', 'Ustrd', 'Bal']);

function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/** The text of a file: a string as is, a buffer as UTF-8 (or Latin-1 when the declaration says so). */
function decode(input: string | Buffer): string | undefined {
  if (typeof input === 'string') return input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const head = input.subarray(0, 200).toString('latin1');
  const declared = /^(?:\uFEFF|\xEF\xBB\xBF)?<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1]?.toLowerCase();
  const label = declared && /^(iso-8859-1|iso-8859-15|latin1|windows-1252)$/.test(declared) ? 'windows-1252' : 'utf-8';
  if (declared && label === 'utf-8' && declared !== 'utf-8' && declared !== 'utf8') return undefined;
  try {
    const text = new TextDecoder(label, { fatal: true, ignoreBOM: false }).decode(input);
    return text;
  } catch {
    return undefined;
  }
}

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the predefined entities and character references; undefined on any other entity. */
function decodeEntities(text: string): string | undefined {
  let bad = false;
  const out = text.replace(/&(#x[0-9A-Fa-f]{1,6}|#[0-9]{1,7}|[A-Za-z_][\w.-]*);/g, (_m, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (code > 0x10ffff || code === 0 || (code >= 0xd800 && code <= 0xdfff)) {
        bad = true;
        return '';
      }
      return String.fromCodePoint(code);
    }
    const value = PREDEFINED[ref];
    if (value === undefined) bad = true;
    return value ?? '';
  });
  return bad ? undefined : out;
}

class Reader {
  readonly file: string;
  readonly problems: InputProblem[] = [];
  private readonly lineStarts: number[];

  constructor(file: string, text: string) {
    this.file = file;
    this.lineStarts = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
  }

  /** The line of a parsed node (objects carry their start offset), else `fallback`. */
  line(node: unknown, fallback: number): number {
    if (node && typeof node === 'object') {
      const meta = (node as Record<symbol, { startIndex?: number } | undefined>)[META];
      if (meta && typeof meta.startIndex === 'number') {
        let lo = 0;
        let hi = this.lineStarts.length - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if (this.lineStarts[mid]! <= meta.startIndex) lo = mid;
          else hi = mid - 1;
        }
        return lo + 1;
      }
    }
    return fallback;
  }

  problem(line: number, column: string, message: string): undefined {
    this.problems.push({ file: this.file, line, column, message });
    return undefined;
  }

  /** Text of a leaf: decoded and trimmed, undefined when empty or absent. */
  text(node: unknown, line: number, path: string): string | undefined {
    let raw: string;
    if (node === undefined || node === null) return undefined;
    if (typeof node === 'string') raw = decodeEntities(node) ?? this.badEntity(line, path);
    else if (typeof node === 'object' && !Array.isArray(node)) {
      const o = node as XNode;
      const t = typeof o['#text'] === 'string' ? (decodeEntities(o['#text']) ?? this.badEntity(line, path)) : '';
      const c = typeof o['#cdata'] === 'string' ? o['#cdata'] : '';
      raw = t + c;
    } else if (Array.isArray(node)) return this.text(node[0], line, path);
    else raw = String(node);
    const trimmed = raw.trim();
    return trimmed === '' ? undefined : trimmed;
  }

  private badEntity(line: number, path: string): string {
    this.problem(line, path, 'onbekende entiteit of ongeldige tekenverwijzing in de tekst');
    return '';
  }
}

/** All children of `node` with local name `name`, in document order. */
function kids(node: unknown, name: string): unknown[] {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return [];
  const out: unknown[] = [];
  for (const [key, value] of Object.entries(node as XNode)) {
    if (key.startsWith('@_') || key.startsWith('#')) continue;
    if (localName(key) !== name) continue;
    if (Array.isArray(value)) out.push(...value);
    else out.push(value);
  }
  return out;
}

/** The first descendant along a path of local names. */
function at(node: unknown, ...path: string[]): unknown {
  let current: unknown = node;
  for (const name of path) {
    current = kids(current, name)[0];
    if (current === undefined) return undefined;
  }
  return current;
}

function attr(node: unknown, name: string): string | undefined {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return undefined;
  const v = (node as XNode)[`@_${name}`];
  return typeof v === 'string' ? v.trim() : undefined;
}

const AMOUNT = /^(\d{1,13})(?:\.(\d{1,5}))?$/;

/**
 * Reads one or more statements. Throws `InputError` listing every problem when the document is not
 * a safe, well-formed camt.053 (001.02 or 001.08) with what the platform needs.
 */
export function parseCamt053(file: string, xml: string | Buffer): CamtStatement[] {
  function fail(line: number, column: string, message: string): never {
    throw new InputError([{ file, line, column, message }], `${file} is geen bruikbaar camt.053-afschrift; er is niets opgeslagen`);
  }
  if (xml.length > MAX_CAMT_LENGTH) fail(1, '-', `het bestand is groter dan ${MAX_CAMT_LENGTH / 1024 / 1024} MB`);
  const text = decode(xml);
  if (text === undefined) return fail(typeof xml === 'string' ? 1 : firstBadUtf8Line(xml), '-', 'het bestand is geen geldige UTF-8 (of de tekenset wordt niet ondersteund)');
  if (text.trim() === '') fail(1, '-', 'het bestand is leeg');

  // characters XML 1.0 does not allow (NUL and other control characters): refused, never stored
  const forbidden = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.exec(text);
  if (forbidden) {
    const line = text.slice(0, forbidden.index).split('\n').length;
    fail(line, '-', `een teken dat XML niet toestaat (U+${forbidden[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')})`);
  }

  // XXE and entity-expansion defence: refuse before any parser sees the document.
  const dtd = /<!\s*(DOCTYPE|ENTITY)/i.exec(text);
  if (dtd) {
    const line = text.slice(0, dtd.index).split('\n').length;
    fail(line, '-', `een ${dtd[1]!.toUpperCase() === 'DOCTYPE' ? 'DOCTYPE' : 'ENTITY'}-declaratie is niet toegestaan (externe entiteiten en entiteit-uitbreiding worden geweigerd)`);
  }

  const valid = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (valid !== true) fail(valid.err.line ?? 1, '-', `geen goedgevormde XML: ${valid.err.msg}`);

  let doc: XNode;
  try {
    const parser = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '@_',
      removeNSPrefix: false,
      processEntities: false,
      htmlEntities: false,
      parseTagValue: false,
      parseAttributeValue: false,
      trimValues: true,
      cdataPropName: '#cdata',
      captureMetaData: true,
      ignoreDeclaration: true,
      ignorePiTags: true,
      isArray: (name) => LISTS.has(localName(name)),
    });
    doc = parser.parse(text) as XNode;
  } catch (e) {
    return fail(1, '-', `geen goedgevormde XML: ${(e as Error).message}`);
  }

  const r = new Reader(file, text);
  const roots = Object.keys(doc).filter((k) => !k.startsWith('?') && !k.startsWith('#'));
  if (roots.length !== 1) return fail(1, '-', 'een XML-document heeft precies één hoofdelement');
  const rootKey = roots[0]!;
  const root = doc[rootKey];
  const rootLine = r.line(root, 1);
  if (localName(rootKey) !== 'Document') fail(rootLine, rootKey, `hoofdelement is '${rootKey}', verwacht Document`);
  const prefix = rootKey.includes(':') ? rootKey.slice(0, rootKey.indexOf(':')) : undefined;
  const namespace = attr(root, prefix ? `xmlns:${prefix}` : 'xmlns');
  const version = (Object.keys(CAMT053_NAMESPACES) as CamtVersion[]).find((v) => CAMT053_NAMESPACES[v] === namespace);
  if (!version) {
    fail(rootLine, 'Document', `onbekende namespace '${namespace ?? '(geen)'}'; gelezen worden camt.053.001.02 en camt.053.001.08`);
  }

  const message = at(root, 'BkToCstmrStmt');
  if (message === undefined) fail(rootLine, 'BkToCstmrStmt', 'BkToCstmrStmt ontbreekt');
  const stmts = kids(message, 'Stmt');
  if (stmts.length === 0) fail(r.line(message, rootLine), 'BkToCstmrStmt/Stmt', 'het document bevat geen afschrift (Stmt)');

  const statements: CamtStatement[] = [];
  stmts.forEach((stmt, si) => {
    const sPath = stmts.length > 1 ? `Stmt[${si + 1}]` : 'Stmt';
    const s = readStatement(r, stmt, sPath, r.line(message, rootLine));
    if (s) statements.push(s);
  });
  if (r.problems.length > 0) throw new InputError(r.problems);
  return statements;
}

function readStatement(r: Reader, stmt: unknown, path: string, parentLine: number): CamtStatement | undefined {
  const line = r.line(stmt, parentLine);
  const statementId = r.text(at(stmt, 'Id'), line, `${path}/Id`);
  if (!statementId) r.problem(line, `${path}/Id`, 'afschriftnummer (Id) ontbreekt');
  const acct = at(stmt, 'Acct');
  const acctLine = r.line(acct, line);
  let account: string | undefined;
  const ibanText = r.text(at(acct, 'Id', 'IBAN'), acctLine, `${path}/Acct/Id/IBAN`);
  if (!ibanText) r.problem(acctLine, `${path}/Acct/Id/IBAN`, 'het IBAN van de rekening ontbreekt');
  else {
    account = normalizeIban(ibanText);
    if (!account) r.problem(acctLine, `${path}/Acct/Id/IBAN`, `'${ibanText}' is geen geldig IBAN`);
  }
  const createdAt = r.text(at(stmt, 'CreDtTm'), line, `${path}/CreDtTm`);

  const entries: CamtEntry[] = [];
  const refs = new Set<string>();
  const ntries = kids(stmt, 'Ntry');
  ntries.forEach((ntry, i) => {
    const entry = readEntry(r, ntry, `${path}/Ntry[${i + 1}]`, line, i + 1, statementId ?? '');
    if (!entry) return;
    // The pair (statement id, entryRef) identifies an entry: a reference the bank repeats within one
    // statement gets the entry's position appended, so that no entry is mistaken for another.
    if (refs.has(entry.entryRef)) entry.entryRef = `${entry.entryRef}#${entry.index}`;
    refs.add(entry.entryRef);
    entries.push(entry);
  });
  if (!statementId || !account) return undefined;
  return { statementId, account, ...(createdAt ? { createdAt } : {}), entries };
}

/** An amount element with `Ccy="EUR"`: cents, or undefined after recording a problem. */
function readAmount(r: Reader, node: unknown, line: number, path: string, required: boolean): Cents | undefined {
  if (node === undefined) return required ? r.problem(line, path, 'bedrag ontbreekt') : undefined;
  const value = r.text(node, line, path);
  if (value === undefined) return r.problem(line, path, 'bedrag is leeg');
  const ccy = attr(node, 'Ccy');
  if (ccy === undefined) return r.problem(line, path, 'valuta (Ccy) ontbreekt');
  if (ccy !== 'EUR') return r.problem(line, path, `valuta is ${ccy}; alleen EUR wordt verwerkt`);
  const m = AMOUNT.exec(value);
  if (!m) return r.problem(line, path, `'${value}' is geen bedrag (niet-negatief, punt als decimaalteken)`);
  const frac = (m[2] ?? '').padEnd(5, '0');
  if (frac.slice(2) !== '000') return r.problem(line, path, `'${value}' is geen bedrag in hele centen`);
  return (Number(m[1]) * 100 + Number(frac.slice(0, 2))) as Cents;
}

function readEntry(r: Reader, ntry: unknown, path: string, parentLine: number, index: number, statementId: string): CamtEntry | undefined {
  const line = r.line(ntry, parentLine);
  const status = r.text(at(ntry, 'Sts', 'Cd'), line, `${path}/Sts/Cd`) ?? r.text(at(ntry, 'Sts'), line, `${path}/Sts`);
  const amtNode = at(ntry, 'Amt');
  const amount = readAmount(r, amtNode, r.line(amtNode, line), `${path}/Amt`, true);
  const ind = r.text(at(ntry, 'CdtDbtInd'), line, `${path}/CdtDbtInd`);
  let direction: 'CRDT' | 'DBIT' | undefined;
  if (ind === 'CRDT' || ind === 'DBIT') direction = ind;
  else if (ind === undefined) r.problem(line, `${path}/CdtDbtInd`, 'credit/debet-indicator (CdtDbtInd) ontbreekt');
  else r.problem(line, `${path}/CdtDbtInd`, `'${ind}' is geen CRDT of DBIT`);

  const rvsl = r.text(at(ntry, 'RvslInd'), line, `${path}/RvslInd`);
  let reversal = false;
  if (rvsl === 'true' || rvsl === '1') reversal = true;
  else if (rvsl !== undefined && rvsl !== 'false' && rvsl !== '0') r.problem(line, `${path}/RvslInd`, `'${rvsl}' is geen true of false`);

  let bookingDate: PlainDate | undefined;
  const bookg = at(ntry, 'BookgDt');
  if (bookg !== undefined) {
    const dt = r.text(at(bookg, 'Dt'), line, `${path}/BookgDt/Dt`) ?? r.text(at(bookg, 'DtTm'), line, `${path}/BookgDt/DtTm`)?.slice(0, 10);
    bookingDate = dt === undefined ? undefined : parseDate(dt);
    if (!bookingDate) r.problem(line, `${path}/BookgDt`, `'${dt ?? ''}' is geen geldige boekdatum`);
  }

  const ref =
    r.text(at(ntry, 'NtryRef'), line, `${path}/NtryRef`) ??
    r.text(at(ntry, 'AcctSvcrRef'), line, `${path}/AcctSvcrRef`) ??
    `${statementId}#${index}`;

  const transactions: CamtTransaction[] = [];
  const details = kids(ntry, 'NtryDtls');
  details.forEach((dtls, di) => {
    const dPath = `${path}/NtryDtls${details.length > 1 ? `[${di + 1}]` : ''}`;
    const txs = kids(dtls, 'TxDtls');
    txs.forEach((tx, ti) => {
      const t = readTransaction(r, tx, `${dPath}/TxDtls[${ti + 1}]`, r.line(dtls, line), direction, reversal, amount);
      if (t) transactions.push(t);
    });
  });

  if (amount === undefined || direction === undefined) return undefined;
  if (status !== undefined && status !== 'BOOK') return undefined; // pending or informational: not (yet) booked
  if (transactions.length === 0) {
    const info = r.text(at(ntry, 'AddtlNtryInf'), line, `${path}/AddtlNtryInf`);
    transactions.push({ amount, ...(info ? { remittance: info } : {}) });
  }
  return { index, entryRef: ref, amount, direction, ...(bookingDate ? { bookingDate } : {}), reversal, transactions };
}

function readTransaction(
  r: Reader,
  tx: unknown,
  path: string,
  parentLine: number,
  direction: 'CRDT' | 'DBIT' | undefined,
  reversal: boolean,
  entryAmount: Cents | undefined,
): CamtTransaction | undefined {
  const line = r.line(tx, parentLine);
  const amtNode = at(tx, 'Amt');
  const txAmtNode = at(tx, 'AmtDtls', 'TxAmt', 'Amt');
  let amount: Cents | undefined;
  let amountOk = true;
  if (amtNode !== undefined) {
    amount = readAmount(r, amtNode, r.line(amtNode, line), `${path}/Amt`, true);
    amountOk = amount !== undefined;
  } else if (txAmtNode !== undefined) {
    amount = readAmount(r, txAmtNode, r.line(txAmtNode, line), `${path}/AmtDtls/TxAmt/Amt`, true);
    amountOk = amount !== undefined;
  }
  amount ??= entryAmount;

  const refs = at(tx, 'Refs');
  const e2e = r.text(at(refs, 'EndToEndId'), line, `${path}/Refs/EndToEndId`);
  const endToEndId = e2e === undefined || e2e.toUpperCase() === 'NOTPROVIDED' ? undefined : e2e;
  const paymentInfoId = r.text(at(refs, 'PmtInfId'), line, `${path}/Refs/PmtInfId`);

  const parties = at(tx, 'RltdPties');
  const side = direction === 'DBIT' ? 'Cdtr' : 'Dbtr';
  const party = at(parties, side);
  const counterpartyName =
    r.text(at(party, 'Pty', 'Nm'), line, `${path}/RltdPties/${side}/Pty/Nm`) ?? r.text(at(party, 'Nm'), line, `${path}/RltdPties/${side}/Nm`);
  const ibanText = r.text(at(parties, `${side}Acct`, 'Id', 'IBAN'), line, `${path}/RltdPties/${side}Acct/Id/IBAN`);
  const counterpartyIban = ibanText === undefined ? undefined : (normalizeIban(ibanText) ?? ibanText.replace(/\s+/g, '').toUpperCase());

  const rmt = at(tx, 'RmtInf');
  const ustrd = kids(rmt, 'Ustrd')
    .map((u, i) => r.text(u, line, `${path}/RmtInf/Ustrd[${i + 1}]`))
    .filter((u): u is string => u !== undefined);
  const remittance =
    ustrd.length > 0 ? ustrd.join(' ') : r.text(at(rmt, 'Strd', 'CdtrRefInf', 'Ref'), line, `${path}/RmtInf/Strd/CdtrRefInf/Ref`);

  const rtr = at(tx, 'RtrInf');
  const returnReason =
    r.text(at(rtr, 'Rsn', 'Cd'), line, `${path}/RtrInf/Rsn/Cd`) ?? r.text(at(rtr, 'Rsn', 'Prtry'), line, `${path}/RtrInf/Rsn/Prtry`);
  const isReturn = rtr !== undefined || reversal;

  if (!amountOk || amount === undefined) return undefined;
  const t: CamtTransaction = { amount };
  if (endToEndId !== undefined) t.endToEndId = endToEndId;
  if (paymentInfoId !== undefined) t.paymentInfoId = paymentInfoId;
  if (counterpartyName !== undefined) t.counterpartyName = counterpartyName;
  if (counterpartyIban !== undefined) t.counterpartyIban = counterpartyIban;
  if (remittance !== undefined) t.remittance = remittance;
  if (returnReason !== undefined) t.returnReason = returnReason;
  if (isReturn && endToEndId !== undefined) t.originalEndToEndId = endToEndId;
  return t;
}
