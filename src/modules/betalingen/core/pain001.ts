/**
 * SEPA credit transfer initiation: ISO 20022 `pain.001.001.09` as restricted by the EPC's
 * implementation guidelines (EPC132-08, 2023, customer-to-PSP). The document validates against
 * `standards/pain.001.001.09.xsd`.
 *
 * One group header, one payment information block (`PmtInf`) holding every transfer of the run,
 * service level SEPA, charges SLEV, batch booking requested. Names and remittance text are reduced to
 * the SEPA (basic Latin) character set and cut to the schema's lengths; identifiers are checked,
 * never altered, because they are what the bank statement reports back.
 *
 * Pure: no I/O. Invalid input throws a plain `Error` naming what is wrong.
 */
import { formatEuros, type Cents } from '../../../kernel/money.ts';
import { parseDate, type PlainDate } from '../../../kernel/dates.ts';
import { isValidBicCode, normalizeIban } from '../../../kernel/identifiers.ts';

export const PAIN001_NAMESPACE = 'urn:iso:std:iso:20022:tech:xsd:pain.001.001.09';

export interface Pain001Transfer {
  /** EndToEndId: the payment id (`btl_…`); at most 35 characters, unique within the file. */
  endToEndId: string;
  amount: Cents;
  creditorName: string;
  creditorIban: string;
  /** Unstructured remittance text; reduced to the SEPA character set and cut to 140 characters. */
  remittance: string;
}

export interface Pain001Input {
  /** MsgId and PmtInfId, e.g. the payment run id; at most 35 characters. */
  messageId: string;
  /** CreDtTm. */
  createdAt: Date;
  /** ReqdExctnDt/Dt. */
  executionDate: PlainDate;
  /** InitgPty/Nm. */
  initiatingParty: string;
  debtor: { name: string; iban: string; bic?: string };
  transfers: Pain001Transfer[];
}

/** Maximum lengths in the EPC schema: names 70, unstructured remittance 140, identifiers 35. */
export const MAX_NAME = 70;
export const MAX_REMITTANCE = 140;
export const MAX_ID = 35;
/** The largest amount of one SEPA credit transfer: 999 999 999.99 euro. */
export const MAX_TRANSFER_CENTS = 99_999_999_999;

/** Characters of an identifier: the SEPA set without the space, plus `_` (our ids are `btl_…`). */
const ID = /^[A-Za-z0-9/\-?:().,'+_]+$/;

const SPECIAL: Record<string, string> = {
  ß: 'ss',
  ẞ: 'SS',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ø: 'o',
  Ø: 'O',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  þ: 'th',
  Þ: 'Th',
  ı: 'i',
  '&': '+',
  '‘': "'",
  '’': "'",
  '‚': "'",
  '`': "'",
  '´': "'",
  '"': "'",
  '“': "'",
  '”': "'",
  '„': "'",
  '–': '-',
  '—': '-',
  '‐': '-',
  '_': '-',
  '[': '(',
  ']': ')',
  '{': '(',
  '}': ')',
  '<': '(',
  '>': ')',
  ';': ',',
  '!': '.',
  '€': 'EUR',
};

/**
 * Reduces text to the SEPA basic Latin character set (`a-z A-Z 0-9 / - ? : ( ) . , ' +` and space):
 * letters lose their diacritics (é → e, ë → e, ü → u, ß → ss), `&` becomes `+`, typographic quotes
 * and dashes become their plain forms, white space becomes one space, any other character a `.`.
 * Leading and trailing spaces are removed; the result is cut to `max` characters.
 */
export function toSepaText(text: string, max: number): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    if (/^[A-Za-z0-9/\-?:().,'+ ]$/.test(ch)) {
      out += ch;
      continue;
    }
    const special = SPECIAL[ch];
    if (special !== undefined) {
      out += special;
      continue;
    }
    if (/^\s$/u.test(ch)) {
      out += ' ';
      continue;
    }
    // Decompose (also compatibility forms such as ligatures and full-width letters) and drop marks.
    const base = ch.normalize('NFKD').replace(/\p{M}/gu, '');
    if (base !== '' && /^[A-Za-z0-9/\-?:().,'+ ]+$/.test(base)) out += base;
    else if (/^\p{M}$/u.test(ch)) continue;
    else out += '.';
  }
  return out.replace(/ {2,}/g, ' ').trim().slice(0, max).trimEnd();
}

function checkId(what: string, id: string): void {
  if (id.length === 0 || id.length > MAX_ID) {
    throw new Error(`${what} '${id}' moet 1 tot ${MAX_ID} tekens lang zijn (nu ${id.length})`);
  }
  if (!ID.test(id) || id.startsWith('/') || id.endsWith('/') || id.includes('//')) {
    throw new Error(
      `${what} '${id}' bevat tekens die SEPA niet toestaat (alleen letters, cijfers en / - ? : ( ) . , ' + _; niet beginnen of eindigen met / en geen //)`,
    );
  }
}

function checkIban(what: string, iban: string): string {
  const normal = normalizeIban(iban);
  if (!normal) throw new Error(`${what}: '${iban}' is geen geldig IBAN`);
  return normal;
}

function checkName(what: string, name: string): string {
  const text = toSepaText(name, MAX_NAME);
  if (text === '') throw new Error(`${what} ontbreekt of bevat geen bruikbare tekens`);
  return text;
}

/** Builds the pain.001.001.09 document (UTF-8) for one payment run. */
export function buildPain001(input: Pain001Input): string {
  return pain001Chunks(input).join('');
}

/** Lines per piece of `pain001Chunks` (about 0.5 MB of text). */
const CHUNK_LINES = 16_384;

/**
 * The file of `buildPain001` in pieces of a few hundred kilobytes (joined, byte for byte the same
 * text), so that a run of 250,000 transfers is never millions of small strings at once.
 */
export function pain001Chunks(input: Pain001Input): string[] {
  checkId('messageId', input.messageId);
  if (!(input.createdAt instanceof Date) || Number.isNaN(input.createdAt.getTime())) {
    throw new Error('createdAt is geen geldig tijdstip');
  }
  if (!parseDate(input.executionDate)) throw new Error(`executionDate '${input.executionDate}' is geen geldige datum`);
  const initiatingParty = checkName('initiatingParty', input.initiatingParty);
  const debtorName = checkName('naam van de opdrachtgever (debtor.name)', input.debtor.name);
  const debtorIban = checkIban('IBAN van de opdrachtgever (debtor.iban)', input.debtor.iban);
  let debtorBic: string | undefined;
  if (input.debtor.bic !== undefined && input.debtor.bic.trim() !== '') {
    debtorBic = input.debtor.bic.replace(/\s+/g, '').toUpperCase();
    if (!isValidBicCode(debtorBic) || !/^[A-Z0-9]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(debtorBic)) {
      throw new Error(`BIC van de opdrachtgever '${input.debtor.bic}' is ongeldig`);
    }
  }
  if (input.transfers.length === 0) throw new Error('een betaalbestand zonder overboekingen wordt niet gemaakt');

  const seen = new Set<string>();
  let total = 0;
  const transfers = input.transfers.map((t, i) => {
    const where = `overboeking ${i + 1} (${t.endToEndId})`;
    checkId(`endToEndId van overboeking ${i + 1}`, t.endToEndId);
    if (seen.has(t.endToEndId)) throw new Error(`endToEndId '${t.endToEndId}' komt meer dan eens voor`);
    seen.add(t.endToEndId);
    if (!Number.isSafeInteger(t.amount) || t.amount <= 0) {
      throw new Error(`${where}: bedrag moet een positief geheel aantal centen zijn, niet ${t.amount}`);
    }
    if (t.amount > MAX_TRANSFER_CENTS) throw new Error(`${where}: bedrag ${formatEuros(t.amount)} is hoger dan SEPA toestaat`);
    total += t.amount;
    return {
      endToEndId: t.endToEndId,
      amount: t.amount,
      name: checkName(`${where}: naam van de begunstigde`, t.creditorName),
      iban: checkIban(`${where}: IBAN van de begunstigde`, t.creditorIban),
      remittance: toSepaText(t.remittance, MAX_REMITTANCE),
    };
  });
  if (!Number.isSafeInteger(total)) throw new Error('totaalbedrag te groot');
  const count = String(transfers.length);
  const ctrlSum = formatEuros(total);

  // Written as text, element by element, exactly as xmlbuilder2 pretty-prints it (two spaces a
  // level): a run of 250,000 transfers as a document tree would take gigabytes.
  const chunks: string[] = [];
  const x: string[] = ['<?xml version="1.0" encoding="UTF-8"?>', `<Document xmlns="${PAIN001_NAMESPACE}">`, '  <CstmrCdtTrfInitn>'];
  const el = (indent: string, name: string, text: string, attrs = '') => x.push(`${indent}<${name}${attrs}>${escapeXml(text)}</${name}>`);
  const open = (indent: string, ...names: string[]) => names.forEach((n, i) => x.push(`${indent}${'  '.repeat(i)}<${n}>`));
  const close = (indent: string, ...names: string[]) => [...names].reverse().forEach((n, i) => x.push(`${indent}${'  '.repeat(names.length - 1 - i)}</${n}>`));
  x.push('    <GrpHdr>');
  el('      ', 'MsgId', input.messageId);
  el('      ', 'CreDtTm', input.createdAt.toISOString().replace(/\.\d{3}Z$/, 'Z'));
  el('      ', 'NbOfTxs', count);
  el('      ', 'CtrlSum', ctrlSum);
  open('      ', 'InitgPty');
  el('        ', 'Nm', initiatingParty);
  close('      ', 'InitgPty');
  x.push('    </GrpHdr>', '    <PmtInf>');
  el('      ', 'PmtInfId', input.messageId);
  el('      ', 'PmtMtd', 'TRF');
  el('      ', 'BtchBookg', 'true');
  el('      ', 'NbOfTxs', count);
  el('      ', 'CtrlSum', ctrlSum);
  open('      ', 'PmtTpInf', 'SvcLvl');
  el('          ', 'Cd', 'SEPA');
  close('      ', 'PmtTpInf', 'SvcLvl');
  open('      ', 'ReqdExctnDt');
  el('        ', 'Dt', input.executionDate);
  close('      ', 'ReqdExctnDt');
  open('      ', 'Dbtr');
  el('        ', 'Nm', debtorName);
  close('      ', 'Dbtr');
  open('      ', 'DbtrAcct', 'Id');
  el('          ', 'IBAN', debtorIban);
  close('      ', 'DbtrAcct', 'Id');
  if (debtorBic) {
    open('      ', 'DbtrAgt', 'FinInstnId');
    el('          ', 'BICFI', debtorBic);
    close('      ', 'DbtrAgt', 'FinInstnId');
  } else {
    open('      ', 'DbtrAgt', 'FinInstnId', 'Othr');
    el('            ', 'Id', 'NOTPROVIDED');
    close('      ', 'DbtrAgt', 'FinInstnId', 'Othr');
  }
  el('      ', 'ChrgBr', 'SLEV');
  for (const t of transfers) {
    x.push('      <CdtTrfTxInf>', '        <PmtId>');
    el('          ', 'EndToEndId', t.endToEndId);
    x.push('        </PmtId>', '        <Amt>');
    el('          ', 'InstdAmt', formatEuros(t.amount), ' Ccy="EUR"');
    x.push('        </Amt>', '        <Cdtr>');
    el('          ', 'Nm', t.name);
    x.push('        </Cdtr>', '        <CdtrAcct>', '          <Id>');
    el('            ', 'IBAN', t.iban);
    x.push('          </Id>', '        </CdtrAcct>');
    if (t.remittance !== '') {
      x.push('        <RmtInf>');
      el('          ', 'Ustrd', t.remittance);
      x.push('        </RmtInf>');
    }
    x.push('      </CdtTrfTxInf>');
    if (x.length >= CHUNK_LINES) {
      chunks.push(`${x.join('\n')}\n`);
      x.length = 0;
    }
  }
  x.push('    </PmtInf>', '  </CstmrCdtTrfInitn>', '</Document>');
  chunks.push(x.join('\n'));
  return chunks;
}

/** Text content as xmlbuilder2 escapes it. */
function escapeXml(text: string): string {
  return /[&<>]/.test(text) ? text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') : text;
}
