import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { parseCamt053, type CamtEntry, type CamtTransaction } from './camt053.ts';
import { buildCamt053, splitRemittance, statementBalances, type CamtWriterInput, type CamtWriterStatement } from './camt053-writer.ts';
import { InputError, type InputProblem } from '../../../kernel/errors.ts';
import { cents } from '../../../kernel/money.ts';
import { date } from '../../../kernel/dates.ts';
import { validateAgainstXsd } from '../../../../test/support/xsd.ts';

const root = (p: string) => fileURLToPath(new URL(`../../../../${p}`, import.meta.url));
const XSD = root('standards/camt.053.001.08.xsd');
const SAMPLE = root('test/fixtures/camt053-v02-sample.xml');

const OWN_IBAN = 'NL20INGB0001234567';
const FUNDER_IBAN = 'NL60BNGH0285051234';
const HOLDER_IBAN = 'NL41RABO0152233445';

function statement(): CamtWriterStatement {
  return {
    statementId: 'AFS-2026-03-10',
    account: OWN_IBAN,
    accountOwner: 'Stichting PGB Trekkingsrecht Nederland',
    fromDate: date('2026-03-10'),
    toDate: date('2026-03-10'),
    openingBalance: cents(250_000_00),
    entries: [
      {
        accountServicerRef: '2026031000481523',
        direction: 'CRDT',
        bookingDate: date('2026-03-10'),
        transactions: [
          {
            amount: cents(185_000_00),
            endToEndId: 'GM0344-PGB-2026-03-WMO',
            counterpartyName: 'Gemeente Utrecht',
            counterpartyIban: FUNDER_IBAN,
            remittance: 'Bevoorschotting pgb Wmo maart 2026',
          },
        ],
      },
      {
        entryRef: 'NTRY-2',
        amount: cents(150_00),
        direction: 'CRDT',
        bookingDate: date('2026-03-10'),
        valueDate: date('2026-03-09'),
        transactions: [
          {
            counterpartyName: 'J.H. de Vries-Öztürk & A. de Vries <thuis>',
            counterpartyIban: 'nl41 rabo 0152 2334 45',
            remittance: `PGB STORTING 1000042 WMO_HH ${'eigen bijdrage voor het deel van het tarief boven het maximumtarief '.repeat(3).trim()}`,
          },
        ],
      },
      {
        entryRef: 'btr_01JQ8Z0000ABCDEF0000',
        direction: 'DBIT',
        bookingDate: date('2026-03-10'),
        transactions: [
          {
            amount: cents(1850_00),
            endToEndId: 'btl_01JQ8Z3K4M0000A1B2C3',
            paymentInfoId: 'btr_01JQ8Z0000ABCDEF0000',
            counterpartyName: "Thuiszorg 't Zonnetje + Co B.V.",
            counterpartyIban: 'NL15INGB0651234567',
            remittance: 'PGB klant 1000042 periode 2026-02',
          },
          {
            amount: cents(975_50),
            endToEndId: 'btl_01JQ8Z3K4M0001D4E5F6',
            paymentInfoId: 'btr_01JQ8Z0000ABCDEF0000',
            counterpartyName: 'M. Jansen',
            counterpartyIban: 'NL95KNAB0255667788',
            remittance: 'PGB klant 1000077 periode 2026-02',
          },
          {
            amount: cents(415_75),
            endToEndId: 'btl_01JQ8Z3K4M0002G7H8J9',
            paymentInfoId: 'btr_01JQ8Z0000ABCDEF0000',
            counterpartyName: 'Zorgboerderij De Eekhoorn',
            counterpartyIban: 'NL30ABNA0512345678',
          },
        ],
      },
      {
        accountServicerRef: '2026031000499870',
        direction: 'CRDT',
        bookingDate: date('2026-03-10'),
        transactions: [
          {
            amount: cents(975_50),
            originalEndToEndId: 'btl_01JQ8Z3K4M0001D4E5F6',
            counterpartyName: 'M. Jansen',
            counterpartyIban: 'NL95KNAB0255667788',
            remittance: 'PGB klant 1000077 periode 2026-02',
            returnReason: 'AC04',
          },
        ],
      },
      {
        amount: cents(415_75),
        direction: 'CRDT',
        reversal: true,
        bookingDate: date('2026-03-10'),
        transactions: [{ endToEndId: 'btl_01JQ8Z3K4M0002G7H8J9', paymentInfoId: 'btr_01JQ8Z0000ABCDEF0000' }],
      },
      {
        amount: cents(12_50),
        direction: 'DBIT',
        bookingDate: date('2026-03-10'),
        additionalInfo: 'Kosten zakelijk betalingsverkeer februari 2026',
      },
    ],
  };
}

function writerInput(): CamtWriterInput {
  return { messageId: 'MSG-2026-03-10-0001', createdAt: new Date('2026-03-11T05:02:11Z'), statements: [statement()] };
}

/** What parseCamt053 must return for a statement written by buildCamt053. */
function expectedEntries(s: CamtWriterStatement): CamtEntry[] {
  return s.entries.map((e, i) => {
    const amount = e.amount ?? cents((e.transactions ?? []).reduce((sum, t) => sum + (t.amount ?? 0), 0));
    const txs: CamtTransaction[] = (e.transactions ?? []).map((t) => {
      const isReturn = t.returnReason !== undefined || e.reversal === true;
      const e2e = t.endToEndId ?? t.originalEndToEndId;
      const out: CamtTransaction = { amount: t.amount ?? amount };
      if (e2e) out.endToEndId = e2e;
      if (t.paymentInfoId) out.paymentInfoId = t.paymentInfoId;
      if (t.counterpartyName) out.counterpartyName = t.counterpartyName;
      if (t.counterpartyIban) out.counterpartyIban = t.counterpartyIban.replace(/\s+/g, '').toUpperCase();
      if (t.remittance) out.remittance = t.remittance;
      if (t.returnReason) out.returnReason = t.returnReason;
      if (isReturn && e2e) out.originalEndToEndId = e2e;
      return out;
    });
    return {
      index: i + 1,
      entryRef: e.entryRef ?? e.accountServicerRef ?? `${s.statementId}#${i + 1}`,
      amount,
      direction: e.direction,
      bookingDate: e.bookingDate,
      reversal: e.reversal === true,
      transactions: txs.length > 0 ? txs : [{ amount, ...(e.additionalInfo ? { remittance: e.additionalInfo } : {}) }],
    };
  });
}

/** Runs `fn`, which must throw an InputError, and returns its problems. */
function problemsOf(fn: () => unknown): readonly InputProblem[] {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof InputError, `expected InputError, got ${String(e)}`);
    assert.equal(e.code, 'INVOER_ONGELDIG');
    assert.ok(e.problems.length > 0);
    return e.problems;
  }
  assert.fail('expected an InputError');
}

test('round trip 001.08: the written statement validates against its XSD and parses back to the same entries', async () => {
  const input = writerInput();
  const xml = buildCamt053(input, '001.08');
  const result = await validateAgainstXsd(xml, XSD);
  assert.deepEqual(result.errors, []);
  assert.equal(result.valid, true);

  const [parsed, ...more] = parseCamt053('afschrift.xml', xml);
  assert.equal(more.length, 0);
  assert.equal(parsed!.statementId, 'AFS-2026-03-10');
  assert.equal(parsed!.account, OWN_IBAN);
  assert.equal(parsed!.createdAt, '2026-03-11T05:02:11Z');
  assert.deepEqual(parsed!.entries, expectedEntries(input.statements[0]!));
});

test('round trip 001.02: the same statement in the older namespace parses back to the same entries', () => {
  const input = writerInput();
  const xml = buildCamt053(input, '001.02');
  assert.match(xml, /xmlns="urn:iso:std:iso:20022:tech:xsd:camt\.053\.001\.02"/);
  assert.match(xml, /<Sts>BOOK<\/Sts>/);
  assert.doesNotMatch(xml, /<Pty>/);
  const [parsed] = parseCamt053('afschrift.xml', xml);
  assert.deepEqual(parsed!.entries, expectedEntries(input.statements[0]!));
});

test('the writer computes OPBD and CLBD from the opening balance, and a negative balance is a debit', () => {
  const s = statement();
  // 250000.00 + 185000.00 + 150.00 − 3241.25 + 975.50 + 415.75 − 12.50
  assert.deepEqual(statementBalances(s), { opening: 250_000_00, closing: 433_287_50 });
  const doc = new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (n) => n === 'Bal' }).parse(
    buildCamt053({ ...writerInput(), statements: [{ ...s, openingBalance: cents(-500_000_00) }] }),
  );
  const bal = doc.Document.BkToCstmrStmt.Stmt.Bal as any[];
  assert.deepEqual(
    bal.map((b) => [b.Tp.CdOrPrtry.Cd, b.Amt['#text'], b.CdtDbtInd, b.Dt.Dt]),
    [
      ['OPBD', '500000.00', 'DBIT', '2026-03-10'],
      ['CLBD', '316712.50', 'DBIT', '2026-03-10'],
    ],
  );
});

test('the writer refuses inconsistent input', () => {
  const s = statement();
  const bad = (entries: CamtWriterStatement['entries']) => () => buildCamt053({ ...writerInput(), statements: [{ ...s, entries }] });
  const day = date('2026-03-10');
  assert.throws(bad([{ amount: cents(100), direction: 'CRDT', bookingDate: day, transactions: [{ amount: cents(99) }] }]), /tellen op tot/);
  assert.throws(bad([{ amount: cents(-1), direction: 'CRDT', bookingDate: day }]), /niet-negatief/);
  assert.throws(bad([{ direction: 'CRDT', bookingDate: day }]), /zonder bedrag/);
  assert.throws(bad([{ amount: cents(1), direction: 'CRDT', bookingDate: day, transactions: [{ counterpartyIban: 'NL00X' }] }]), /geen geldig IBAN/);
  assert.throws(() => buildCamt053({ ...writerInput(), statements: [{ ...s, account: 'NL20INGB0001234568' }] }), /geen geldig IBAN/);
});

test('long remittance is split over Ustrd lines at spaces and joined back', () => {
  const text = `PGB STORTING 1000042 WMO_HH ${'woord '.repeat(60).trim()}`;
  const parts = splitRemittance(text);
  assert.ok(parts.length > 1);
  for (const p of parts) assert.ok(p.length <= 140);
  assert.equal(parts.join(' '), text);
});

test('a hand-written camt.053.001.02 statement from a Dutch bank parses', () => {
  const statements = parseCamt053('camt053-v02-sample.xml', readFileSync(SAMPLE));
  assert.equal(statements.length, 1);
  const s = statements[0]!;
  assert.equal(s.statementId, '0001234567-2026-03-10');
  assert.equal(s.account, OWN_IBAN);
  assert.equal(s.createdAt, '2026-03-11T06:02:11.345+01:00');
  assert.deepEqual(
    s.entries.map((e) => [e.index, e.entryRef, e.amount, e.direction, e.bookingDate, e.reversal, e.transactions.length]),
    [
      [1, '2026031000481523', 185_000_00, 'CRDT', '2026-03-10', false, 1],
      [2, '2026031000481524', 150_00, 'CRDT', '2026-03-10', false, 1],
      [3, 'btr_01JQ8Z0000ABCDEF0000', 3241_25, 'DBIT', '2026-03-10', false, 3],
      [4, '2026031000499870', 975_50, 'CRDT', '2026-03-10', false, 1],
      [5, '2026031000500001', 12_50, 'DBIT', '2026-03-10', false, 1],
    ],
  );
  const [funder, holder, batch, returned, charges] = s.entries;
  assert.deepEqual(funder!.transactions[0], {
    amount: 185_000_00,
    endToEndId: 'GM0344-PGB-2026-03-WMO',
    counterpartyName: 'Gemeente Utrecht',
    counterpartyIban: FUNDER_IBAN,
    remittance: 'Bevoorschotting pgb Wmo maart 2026',
  });
  assert.deepEqual(holder!.transactions[0], {
    amount: 150_00,
    counterpartyName: 'J.H. de Vries-Öztürk & A. de Vries',
    counterpartyIban: HOLDER_IBAN,
    remittance: 'PGB STORTING 1000042 WMO_HH eigen bijdrage tarief boven maximum',
  });
  assert.deepEqual(
    batch!.transactions.map((t) => [t.endToEndId, t.paymentInfoId, t.amount, t.counterpartyName]),
    [
      ['btl_01JQ8Z3K4M0000A1B2C3', 'btr_01JQ8Z0000ABCDEF0000', 1850_00, "Thuiszorg 't Zonnetje + Co B.V."],
      ['btl_01JQ8Z3K4M0001D4E5F6', 'btr_01JQ8Z0000ABCDEF0000', 975_50, 'M. Jansen'],
      ['btl_01JQ8Z3K4M0002G7H8J9', 'btr_01JQ8Z0000ABCDEF0000', 415_75, 'Zorgboerderij De Eekhoorn'],
    ],
  );
  assert.equal(batch!.transactions.reduce((sum, t) => sum + t.amount, 0), batch!.amount);
  assert.equal(returned!.transactions[0]!.returnReason, 'AC04');
  assert.equal(returned!.transactions[0]!.originalEndToEndId, 'btl_01JQ8Z3K4M0001D4E5F6');
  assert.deepEqual(charges!.transactions, [{ amount: 12_50, remittance: 'Kosten zakelijk betalingsverkeer februari 2026' }]);
  // Reading the same file twice gives the same statement ids and entry references.
  const again = parseCamt053('camt053-v02-sample.xml', readFileSync(SAMPLE, 'utf8'));
  assert.deepEqual(again, statements);
  assert.equal(new Set(s.entries.map((e) => `${s.statementId}/${e.entryRef}`)).size, s.entries.length);
});

test('any namespace prefix is accepted, and a document may hold several statements', () => {
  const input = writerInput();
  const second: CamtWriterStatement = { ...statement(), statementId: 'AFS-2026-03-11', openingBalance: cents(0), entries: statement().entries.slice(0, 2) };
  const xml = buildCamt053({ ...input, statements: [statement(), second] })
    .replace(/<(\/?)([A-Za-z])/g, '<$1bank:$2')
    .replace('xmlns=', 'xmlns:bank=');
  assert.match(xml, /<bank:Document xmlns:bank=/);
  const parsed = parseCamt053('prefixed.xml', xml);
  assert.deepEqual(
    parsed.map((s) => [s.statementId, s.entries.length]),
    [
      ['AFS-2026-03-10', 6],
      ['AFS-2026-03-11', 2],
    ],
  );
  assert.deepEqual(parsed[1]!.entries, expectedEntries(second).slice(0, 2));
});

test('entries that are not booked are skipped; positions and references stay stable', () => {
  const xml = buildCamt053(writerInput()).replace(/<Sts>\s*<Cd>BOOK<\/Cd>\s*<\/Sts>/, '<Sts><Cd>PDNG</Cd></Sts>');
  const [s] = parseCamt053('pdng.xml', xml);
  assert.deepEqual(
    s!.entries.map((e) => [e.index, e.entryRef]),
    [
      [2, 'NTRY-2'],
      [3, 'btr_01JQ8Z0000ABCDEF0000'],
      [4, '2026031000499870'],
      [5, 'AFS-2026-03-10#5'],
      [6, 'AFS-2026-03-10#6'],
    ],
  );
});

test('a reference the bank repeats within a statement is made unique by position', () => {
  const s = statement();
  const entries = s.entries.map((e) => ({ ...e, entryRef: 'ZELFDE', accountServicerRef: undefined }));
  const [parsed] = parseCamt053('dubbel.xml', buildCamt053({ ...writerInput(), statements: [{ ...s, entries }] }));
  assert.deepEqual(
    parsed!.entries.map((e) => e.entryRef),
    ['ZELFDE', 'ZELFDE#2', 'ZELFDE#3', 'ZELFDE#4', 'ZELFDE#5', 'ZELFDE#6'],
  );
});

test('a DOCTYPE, an external entity or entity expansion is refused before parsing, and nothing is fetched', async () => {
  let requests = 0;
  const server = createServer((_req, res) => {
    requests++;
    res.end('<Id>gestolen</Id>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const body = buildCamt053(writerInput()).replace(/^<\?xml[^>]*\?>\s*/, '');
    const decl = '<?xml version="1.0" encoding="UTF-8"?>\n';
    const attacks = [
      `${decl}<!DOCTYPE Document [<!ENTITY ext SYSTEM "http://127.0.0.1:${port}/x">]>\n${body.replace('AFS-2026-03-10', '&ext;')}`,
      `${decl}<!DOCTYPE Document SYSTEM "http://127.0.0.1:${port}/camt.dtd">\n${body}`,
      `${decl}<!DOCTYPE Document [<!ENTITY % p SYSTEM "http://127.0.0.1:${port}/p.dtd"> %p;]>\n${body}`,
      `${decl}<!DOCTYPE Document [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n${body.replace('AFS-2026-03-10', '&secret;')}`,
      `${decl}<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">\n <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">\n]>\n${body.replace('AFS-2026-03-10', '&lol3;')}`,
      `${decl}<!doctype Document>\n${body}`,
      `${decl}<!ENTITY x "y">\n${body}`,
    ];
    for (const xml of attacks) {
      for (const input of [xml, Buffer.from(xml, 'utf8')]) {
        const problems = problemsOf(() => parseCamt053('aanval.xml', input));
        assert.equal(problems.length, 1);
        assert.match(problems[0]!.message, /niet toegestaan/);
        assert.ok(problems[0]!.line >= 2, 'the line of the declaration is named');
        assert.doesNotMatch(JSON.stringify(problems), /root:|gestolen/);
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(requests, 0, 'no request reached the server');
  } finally {
    server.close();
  }
});

test('an undeclared entity reference is an error, the predefined ones are decoded', () => {
  const xml = buildCamt053(writerInput());
  assert.match(xml, /&amp; A\. de Vries &lt;thuis&gt;/);
  const problems = problemsOf(() => parseCamt053('x.xml', xml.replace('Gemeente Utrecht', 'Gemeente&nbsp;Utrecht')));
  assert.equal(problems[0]!.column, 'Stmt/Ntry[1]/NtryDtls/TxDtls[1]/RltdPties/Dbtr/Pty/Nm');
  assert.match(problems[0]!.message, /entiteit/);
  const [s] = parseCamt053('x.xml', xml.replace('Gemeente Utrecht', 'Gemeente&#160;Utrecht &#x263A;'));
  assert.equal(s!.entries[0]!.transactions[0]!.counterpartyName, 'Gemeente\u00a0Utrecht ☺');
});

test('malformed XML gives an InputError with the line', () => {
  const xml = buildCamt053(writerInput());
  const broken = xml.replace('</NtryRef>', '</NtryReff>');
  const problems = problemsOf(() => parseCamt053('kapot.xml', broken));
  assert.equal(problems.length, 1);
  assert.match(problems[0]!.message, /geen goedgevormde XML/);
  const expectedLine = broken.slice(0, broken.indexOf('</NtryReff>')).split('\n').length;
  assert.equal(problems[0]!.line, expectedLine);
  problemsOf(() => parseCamt053('kapot.xml', '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>'));
  problemsOf(() => parseCamt053('kapot.xml', 'dit is geen xml'));
  problemsOf(() => parseCamt053('leeg.xml', ''));
  problemsOf(() => parseCamt053('latin.xml', Buffer.from([0x3c, 0x61, 0x3e, 0xe9, 0x3c, 0x2f, 0x61, 0x3e])));
});

test('a byte-order mark is tolerated', () => {
  const xml = buildCamt053(writerInput());
  const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(xml, 'utf8')]);
  assert.deepEqual(parseCamt053('bom.xml', withBom), parseCamt053('bom.xml', xml));
  assert.deepEqual(parseCamt053('bom.xml', `\ufeff${xml}`), parseCamt053('bom.xml', xml));
});

test('an unknown namespace or root element is refused', () => {
  const xml = buildCamt053(writerInput());
  const p1 = problemsOf(() => parseCamt053('camt052.xml', xml.replace('camt.053.001.08', 'camt.052.001.08')));
  assert.equal(p1[0]!.column, 'Document');
  assert.match(p1[0]!.message, /onbekende namespace 'urn:iso:std:iso:20022:tech:xsd:camt\.052\.001\.08'/);
  const p2 = problemsOf(() => parseCamt053('nons.xml', xml.replace(/ xmlns="[^"]*"/, '')));
  assert.match(p2[0]!.message, /onbekende namespace '\(geen\)'/);
  const p3 = problemsOf(() => parseCamt053('pain.xml', '<?xml version="1.0"?>\n<Betaling xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"/>'));
  assert.match(p3[0]!.message, /verwacht Document/);
  assert.equal(p3[0]!.line, 2);
});

test('a non-EUR entry gives a problem naming the element and its line', () => {
  const xml = buildCamt053(writerInput()).replace('<Amt Ccy="EUR">150.00</Amt>', '<Amt Ccy="USD">150.00</Amt>');
  const problems = problemsOf(() => parseCamt053('usd.xml', xml));
  assert.equal(problems.length, 1);
  assert.deepEqual(problems[0], {
    file: 'usd.xml',
    line: xml.slice(0, xml.indexOf('<Amt Ccy="USD">')).split('\n').length,
    column: 'Stmt/Ntry[2]/Amt',
    message: 'valuta is USD; alleen EUR wordt verwerkt',
  });
});

test('missing required parts are all reported together, with element paths', () => {
  const xml = buildCamt053(writerInput())
    .replace('<Id>AFS-2026-03-10</Id>', '')
    .replace(`<IBAN>${OWN_IBAN}</IBAN>`, '<IBAN>NL20INGB0001234568</IBAN>')
    .replace(/(<NtryRef>NTRY-2<\/NtryRef>\s*)<Amt Ccy="EUR">150.00<\/Amt>/, '$1')
    .replace(/(<Amt Ccy="EUR">3241.25<\/Amt>\s*)<CdtDbtInd>DBIT<\/CdtDbtInd>/, '$1<CdtDbtInd>DEBET</CdtDbtInd>')
    .replace('<Amt Ccy="EUR">975.50</Amt>', '<Amt Ccy="EUR">975.505</Amt>')
    .replace(/(<Amt Ccy="EUR">12.50<\/Amt>\s*)<CdtDbtInd>DBIT<\/CdtDbtInd>/, '$1');
  const problems = problemsOf(() => parseCamt053('stuk.xml', xml));
  assert.deepEqual(
    problems.map((p) => [p.column, p.message]),
    [
      ['Stmt/Id', 'afschriftnummer (Id) ontbreekt'],
      ['Stmt/Acct/Id/IBAN', "'NL20INGB0001234568' is geen geldig IBAN"],
      ['Stmt/Ntry[2]/Amt', 'bedrag ontbreekt'],
      ['Stmt/Ntry[3]/CdtDbtInd', "'DEBET' is geen CRDT of DBIT"],
      ['Stmt/Ntry[3]/NtryDtls/TxDtls[2]/Amt', "'975.505' is geen bedrag in hele centen"],
      ['Stmt/Ntry[6]/CdtDbtInd', 'credit/debet-indicator (CdtDbtInd) ontbreekt'],
    ],
  );
  for (const p of problems) assert.ok(p.line > 1, `${p.column} has a line`);
});
