/**
 * Bad input, generated (issue #7): FUZZ_RUNS (10,000) camt.053 statements made by breaking a valid
 * one in one place, each read by the real use case (`readBankStatement`, what `pgb bank` and
 * `POST /api/bankafschriften` call) into a database that has read the valid statement already.
 * Every one must be refused with an error that names the file, a line and the element (an
 * InputError; a known statement with other content is a CONFLICT); nothing may crash, and at the
 * end the database holds exactly what it held before.
 *
 * How a statement is broken: a bad value in an element (IBAN failing mod 97, an amount that is
 * negative, has a comma or is no number, another currency, an impossible booking date such as
 * 2026-02-30, a credit/debit indicator that is neither), a required element removed, a DOCTYPE
 * with an external entity (file or URL) or the billion laughs, an undefined entity or a character
 * reference to NUL, a tag left open or closed twice, the document cut short, a control character,
 * bytes that are not UTF-8, UTF-16, an unsupported encoding declared, another root or namespace,
 * elements nested 100,000 deep; or a valid change under a statement id already read.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { freshDb, stateCounts, STORE } from '../support/db.ts';
import { badAmount, badDate, badIban, FUZZ_RUNS, FUZZ_SEED } from '../support/fuzz.ts';
import { buildCamt053, readBankStatement } from '../../src/modules/bank/index.ts';
import { AppError } from '../../src/kernel/errors.ts';
import type { Cents } from '../../src/kernel/money.ts';
import type { PlainDate } from '../../src/kernel/dates.ts';
import type { Db } from '../../src/db/connection.ts';

const FILE = 'afschrift.xml';
const VALID = buildCamt053({
  messageId: 'FUZZ-1',
  createdAt: new Date('2026-11-20T18:00:00+01:00'),
  statements: [
    {
      statementId: 'FUZZ-1',
      account: 'NL91ABNA0417164300',
      openingBalance: 0 as Cents,
      entries: [
        { entryRef: 'S1', direction: 'CRDT', bookingDate: '2026-11-20' as PlainDate, transactions: [{ amount: 100_000 as Cents, counterpartyName: 'Gemeente Proef', counterpartyIban: 'NL62BNGH1000009001', remittance: 'financiering pgb' }] },
        { entryRef: 'S2', direction: 'DBIT', bookingDate: '2026-11-20' as PlainDate, transactions: [{ amount: 2_500 as Cents, counterpartyName: 'Zorg Een', counterpartyIban: 'NL69ASNB1000009101', remittance: 'betaling', endToEndId: 'E2E-1' }] },
      ],
    },
  ],
});
const LINES = VALID.split('\n');

interface Case {
  what: string;
  content: Buffer;
  /** the line (or lines: a leaf without attributes is reported at its parent's line) */
  line?: number | number[];
  /** a part of the element path the problem must name */
  column?: string;
  message?: RegExp;
}

/** The 1-based line of the n-th (0-based) line containing `needle`. */
function lineOf(needle: string, n = 0): number {
  let seen = 0;
  for (let i = 0; i < LINES.length; i++) if (LINES[i]!.includes(needle) && seen++ === n) return i + 1;
  throw new Error(`${needle} #${n} not in the sample`);
}

function replaceLine(line: number, text: string): string {
  return LINES.map((l, i) => (i + 1 === line ? text : l)).join('\n');
}

/** A leaf's text replaced on the line it stands on. */
function withText(tag: string, n: number, value: string): { text: string; line: number } {
  const line = lineOf(`<${tag}`, n);
  const l = LINES[line - 1]!;
  return { text: replaceLine(line, l.replace(/>[^<]*</, () => `>${value.replace(/&/g, '&amp;').replace(/</g, '&lt;')}<`)), line };
}

const xmlSafe = (a: fc.Arbitrary<string>) => a.filter((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(s));

const badValue: fc.Arbitrary<Case> = fc.oneof(
  xmlSafe(badIban).map((v) => ({ ...withText('IBAN', 0, v), v })).map(({ text, line, v }) => ({ what: `account IBAN ${v}`, content: Buffer.from(text), line: [line, lineOf('<Acct>')], column: 'Acct/Id/IBAN' })),
  fc.tuple(fc.integer({ min: 0, max: 1 }), fc.oneof(xmlSafe(badAmount), fc.constantFrom('-5.00', '1.001', '', ' '))).map(([entry, v]) => {
    const { text, line } = withText('Amt', 2 + entry * 2, v); // the Bal amounts come first, then each entry's Amt and its TxDtls' Amt
    return { what: `Ntry[${entry + 1}]/Amt ${JSON.stringify(v)}`, content: Buffer.from(text), line, column: `Ntry[${entry + 1}]/Amt` };
  }),
  fc.tuple(fc.integer({ min: 0, max: 1 }), fc.constantFrom('USD', 'eur', '', 'EURO')).map(([entry, ccy]) => {
    const line = lineOf('<Amt', 2 + entry * 2);
    return { what: `Ntry[${entry + 1}] currency ${ccy}`, content: Buffer.from(replaceLine(line, LINES[line - 1]!.replace('Ccy="EUR"', () => (ccy === '' ? '' : `Ccy="${ccy}"`)))), line: ccy === '' ? lineOf('<Ntry>', entry) : line, column: `Ntry[${entry + 1}]/Amt` };
  }),
  fc.tuple(fc.integer({ min: 0, max: 1 }), xmlSafe(badDate)).map(([entry, v]) => {
    const line = lineOf('<BookgDt>', entry) + 1;
    return { what: `Ntry[${entry + 1}] booking date ${v}`, content: Buffer.from(replaceLine(line, LINES[line - 1]!.replace(/>[^<]*</, () => `>${v}<`))), line: lineOf('<Ntry>', entry), column: `Ntry[${entry + 1}]/BookgDt` };
  }),
  fc.tuple(fc.integer({ min: 0, max: 1 }), fc.constantFrom('CRED', 'crdt', 'DEBIT', 'X', '')).map(([entry, v]) => {
    const line = lineOf('<CdtDbtInd>', 2 + entry * 2);
    return { what: `Ntry[${entry + 1}] CdtDbtInd ${v}`, content: Buffer.from(replaceLine(line, LINES[line - 1]!.replace(/>[^<]*</, () => `>${v}<`))), line: lineOf('<Ntry>', entry), column: `Ntry[${entry + 1}]/CdtDbtInd` };
  }),
);

const removed: fc.Arbitrary<Case> = fc.constantFrom(
  { what: 'statement Id removed', line: lineOf('<Id>FUZZ-1'), column: 'Stmt/Id' },
  { what: 'account IBAN removed', line: lineOf('<IBAN>', 0), column: 'Acct/Id/IBAN' },
  { what: 'Ntry[1]/Amt removed', line: lineOf('<Amt', 2), column: 'Ntry[1]/Amt' },
  { what: 'Ntry[2]/CdtDbtInd removed', line: lineOf('<CdtDbtInd>', 4), column: 'Ntry[2]/CdtDbtInd' },
  { what: 'BkToCstmrStmt renamed', line: lineOf('<BkToCstmrStmt>'), column: 'BkToCstmrStmt' },
).map((c) => {
  let text: string;
  if (c.column === 'BkToCstmrStmt') text = VALID.replaceAll('BkToCstmrStmt>', 'BkToCstmrStmtX>');
  else text = replaceLine(c.line, '');
  const where = c.column === 'Ntry[1]/Amt' || c.column === 'Ntry[2]/CdtDbtInd' ? lineOf('<Ntry>', c.column.startsWith('Ntry[1]') ? 0 : 1) : c.column === 'Acct/Id/IBAN' ? lineOf('<Acct>') : c.column === 'Stmt/Id' ? lineOf('<Stmt>') : lineOf('<Document');
  return { what: c.what, content: Buffer.from(text), line: where, column: c.column };
});

const hostile: fc.Arbitrary<Case> = fc
  .tuple(
    fc.constantFrom(
      '<!DOCTYPE Document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
      '<!DOCTYPE Document [<!ENTITY xxe SYSTEM "http://127.0.0.1:9/x">]>',
      '<!DOCTYPE Document SYSTEM "http://127.0.0.1:9/camt.dtd">',
      '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>',
      '<!doctype Document>',
      '<! ENTITY x "y">',
      '<!DOCTYPE Document PUBLIC "-//X//EN" "x.dtd">',
    ),
    fc.integer({ min: 2, max: 3 }),
  )
  .map(([decl, line]) => ({ what: `declaration on line ${line}: ${decl.slice(0, 40)}`, content: Buffer.from(LINES.toSpliced(line - 1, 0, decl).join('\n')), line, message: /niet toegestaan/ }));

const broken: fc.Arbitrary<Case> = fc.oneof(
  fc.integer({ min: 3, max: LINES.length - 1 }).filter((l) => /<\/\w+>\s*$/.test(LINES[l - 1]!)).map((l) => ({ what: `closing tag on line ${l} removed`, content: Buffer.from(replaceLine(l, LINES[l - 1]!.replace(/<\/\w+>\s*$/, ''))) })),
  fc.integer({ min: 3, max: LINES.length - 1 }).filter((l) => /<\/\w+>\s*$/.test(LINES[l - 1]!)).map((l) => ({ what: `closing tag on line ${l} doubled`, content: Buffer.from(replaceLine(l, LINES[l - 1]!.replace(/(<\/\w+>)\s*$/, '$1$1'))) })),
  fc.integer({ min: 10, max: VALID.length - 20 }).map((n) => ({ what: `cut after ${n} characters`, content: Buffer.from(VALID.slice(0, n)) })),
  fc.tuple(fc.constantFrom('&xxe;', '&#0;', '&#xD800;', '&#x110000;', '&nbsp;', '&', '<', ']]>'), fc.constantFrom('Ustrd', 'Nm', 'NtryRef')).map(([bad, tag]) => {
    const line = lineOf(`<${tag}>`);
    return { what: `${bad} in ${tag}`, content: Buffer.from(replaceLine(line, LINES[line - 1]!.replace(/>([^<]*)</, (_m, text: string) => `>${text}${bad}<`))) };
  }),
  fc.tuple(fc.constantFrom('\u0000', '\u0001', '\u0008', '\u001b', '\u000b'), fc.constantFrom('Ustrd', 'Nm', 'NtryRef', 'IBAN')).map(([c, tag]) => {
    const line = lineOf(`<${tag}>`);
    return { what: `control character U+${c.charCodeAt(0).toString(16).padStart(4, '0')} in ${tag}`, content: Buffer.from(replaceLine(line, LINES[line - 1]!.replace(/>([^<]*)</, (_m, text: string) => `>${text}${c}<`))), line };
  }),
  fc.constantFrom(
    { what: 'another root', content: Buffer.from(VALID.replaceAll('Document', 'Documentje')) },
    { what: 'another namespace', content: Buffer.from(VALID.replace('camt.053.001.08', 'camt.052.001.08')), line: 2, column: 'Document' },
    { what: 'no namespace', content: Buffer.from(VALID.replace(/ xmlns="[^"]*"/, '')), line: 2, column: 'Document' },
    { what: 'two roots', content: Buffer.from(`${VALID}\n<Document/>`) },
    { what: 'empty', content: Buffer.from('') },
    { what: 'only a declaration', content: Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n') },
    { what: 'not XML', content: Buffer.from('code,naam\nGM0001,Gemeente\n') },
    { what: 'JSON', content: Buffer.from('{"Document":{}}') },
    { what: 'UTF-16 with BOM', content: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(VALID.replace('UTF-8', 'UTF-16'), 'utf16le')]) },
    { what: 'UTF-16 without BOM', content: Buffer.from(VALID, 'utf16le') },
    { what: 'EBCDIC declared', content: Buffer.from(VALID.replace('UTF-8', 'EBCDIC')) },
    { what: 'Latin-1 bytes declared UTF-8', content: Buffer.from(VALID.replace('Zorg Een', 'Zorg Café'), 'latin1'), line: lineOf('Zorg Een') },
    { what: 'bytes ff fe in a name', content: Buffer.concat([Buffer.from(VALID.slice(0, VALID.indexOf('Zorg Een'))), Buffer.from([0xff, 0xfe]), Buffer.from(VALID.slice(VALID.indexOf('Zorg Een')))]), line: lineOf('Zorg Een') },
    { what: 'nested 100,000 deep', content: Buffer.from(VALID.replace('<Ustrd>betaling</Ustrd>', `<Ustrd>${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}</Ustrd>`)) },
    { what: 'unclosed nested 100,000 deep', content: Buffer.from(VALID.replace('<Ustrd>betaling</Ustrd>', `<Ustrd>${'<a>'.repeat(100_000)}</Ustrd>`)) },
    { what: 'attribute without quotes', content: Buffer.from(VALID.replace('Ccy="EUR"', 'Ccy=EUR')) },
    { what: 'attribute twice', content: Buffer.from(VALID.replace('Ccy="EUR"', 'Ccy="EUR" Ccy="EUR"')) },
  ),
);

/** A valid change under the statement id already read: a conflict, not a second statement. */
const changed: fc.Arbitrary<Case> = fc.constantFrom('financiering pgb 2', 'Gemeente Anders').map((v) => ({
  what: `known statement with '${v}'`,
  content: Buffer.from(v.startsWith('Gemeente') ? VALID.replace('Gemeente Proef', v) : VALID.replace('financiering pgb', v)),
}));

const cases: fc.Arbitrary<Case> = fc
  .oneof({ arbitrary: badValue, weight: 10 }, { arbitrary: removed, weight: 3 }, { arbitrary: hostile, weight: 3 }, { arbitrary: broken, weight: 8 }, { arbitrary: changed, weight: 1 })
  .map((c) => Object.assign(c, { [fc.toStringMethod]: () => `${c.what} (${c.content.length} bytes)` }));

async function refused(db: Db, c: Case): Promise<void> {
  let error: unknown;
  try {
    await readBankStatement(db, { path: FILE, content: c.content, actor: 'fuzz' });
  } catch (e) {
    error = e;
  }
  assert.ok(error !== undefined, `${c.what}: accepted`);
  assert.ok(error instanceof AppError && (error.code === 'INVOER_ONGELDIG' || error.code === 'CONFLICT'), `${c.what}: not a refusal but ${String((error as Error)?.stack ?? error)}`);
  if (error.code === 'CONFLICT') {
    assert.match(error.message, /afschrift\.xml: afschrift FUZZ-1 is al ingelezen met andere inhoud/, c.what);
    return;
  }
  assert.ok(error.problems.length > 0, `${c.what}: an InputError without problems`);
  for (const p of error.problems) {
    assert.equal(p.file, FILE, `${c.what}: ${JSON.stringify(p)}`);
    assert.ok(Number.isInteger(p.line) && p.line >= 1, `${c.what}: problem without a line: ${JSON.stringify(p)}`);
    assert.ok(p.column.length > 0 && p.message.length > 0, `${c.what}: ${JSON.stringify(p)}`);
  }
  const hit = error.problems.some((p) => (c.line === undefined || [c.line].flat().includes(p.line)) && (c.column === undefined || p.column.includes(c.column)) && (c.message === undefined || c.message.test(p.message)));
  assert.ok(hit, `${c.what}: no problem at line ${c.line ?? '?'} element ${c.column ?? '?'}; got ${JSON.stringify(error.problems.slice(0, 4))}`);
}

test(`camt.053: ${FUZZ_RUNS} broken statements are each refused precisely, nothing is fetched, nothing changes (${STORE})`, async (t) => {
  const { db, close } = await freshDb();
  // any request to this server would be an external entity being fetched
  let fetched = 0;
  const server = createServer((_req, res) => {
    fetched++;
    res.end('<x/>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  try {
    const first = await readBankStatement(db, { path: FILE, content: VALID, actor: 'fuzz' });
    assert.equal(first.statements[0]!.lines, 2, 'the unbroken statement is read');
    const before = await stateCounts(db);
    const started = Date.now();
    const withPort = cases.map((c) => (c.what.includes('127.0.0.1:9') ? Object.assign(c, { content: Buffer.from(c.content.toString('utf8').replace('127.0.0.1:9', `127.0.0.1:${port}`)) }) : c));
    await fc.assert(fc.asyncProperty(withPort, (c) => refused(db, c)), { numRuns: FUZZ_RUNS, ...(FUZZ_SEED !== undefined ? { seed: FUZZ_SEED } : {}) });
    assert.deepEqual(await stateCounts(db), before, 'a refused statement wrote something');
    assert.equal(fetched, 0, 'an external entity was fetched');
    t.diagnostic(`camt.053: ${FUZZ_RUNS} broken statements refused in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    server.close();
    await close();
  }
});
