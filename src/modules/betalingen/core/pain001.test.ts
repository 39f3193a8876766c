import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import fc from 'fast-check';
import { buildPain001, pain001Chunks, toSepaText, MAX_NAME, MAX_REMITTANCE, type Pain001Input } from './pain001.ts';
import { cents, type Cents } from '../../../kernel/money.ts';
import { date } from '../../../kernel/dates.ts';
import { validateAgainstXsd } from '../../../../test/support/xsd.ts';

const XSD = fileURLToPath(new URL('../../../../standards/pain.001.001.09.xsd', import.meta.url));

const SEPA_TEXT = /^[A-Za-z0-9/\-?:().,'+ ]*$/;

function input(overrides: Partial<Pain001Input> = {}): Pain001Input {
  return {
    messageId: 'btr_01JQ8Z0000ABCDEF0000',
    createdAt: new Date('2026-03-09T14:05:00.123+01:00'),
    executionDate: date('2026-03-10'),
    initiatingParty: 'Stichting PGB Trekkingsrecht Nederland',
    debtor: { name: 'Stichting PGB Trekkingsrecht Nederland', iban: 'NL20 INGB 0001 2345 67', bic: 'INGBNL2A' },
    transfers: [
      {
        endToEndId: 'btl_01JQ8Z3K4M0000A1B2C3',
        amount: cents(185000),
        creditorName: "Thuiszorg 't Zonnetje & Co B.V.",
        creditorIban: 'NL15INGB0651234567',
        remittance: 'PGB klant 1000042 periode 2026-02',
      },
      {
        endToEndId: 'btl_01JQ8Z3K4M0001D4E5F6',
        amount: cents(97550),
        creditorName: 'Zoë Bénédicte Müller-Çelik',
        creditorIban: 'nl95 knab 0255 6677 88',
        remittance: 'PGB klant 1000077 periode 2026-02 – “zorg” <Ω>',
      },
      {
        endToEndId: 'btl_01JQ8Z3K4M0002G7H8J9',
        amount: cents(41575),
        creditorName:
          'Stichting Zorgboerderij De Eekhoorn voor Dagbesteding en Begeleiding van Jongeren en Volwassenen in de Regio Utrecht',
        creditorIban: 'NL30ABNA0512345678',
        remittance: `PGB klant 1000042 periode 2026-02 ${'declaraties dcl-2026-0001 t/m dcl-2026-0099 '.repeat(5)}`,
      },
      {
        endToEndId: 'btl_01JQ8Z3K4M0003K1L2M3',
        amount: cents(1),
        creditorName: 'Straße Ångström Œuvre Łódź',
        creditorIban: 'DE89370400440532013000',
        remittance: '',
      },
    ],
    ...overrides,
  };
}

function parse(xml: string): any {
  return new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (n) => n === 'CdtTrfTxInf' }).parse(xml);
}

test('a payment file with several transfers and awkward names validates against the EPC schema', async () => {
  const xml = buildPain001(input());
  const result = await validateAgainstXsd(xml, XSD);
  assert.deepEqual(result.errors, []);
  assert.equal(result.valid, true);
  assert.match(xml, /^<\?xml version="1.0" encoding="UTF-8"\?>/);
  assert.match(xml, /<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain\.001\.001\.09">/);
});

test('CtrlSum and NbOfTxs equal the sum and the number of transfers, in the header and the payment block', () => {
  const doc = parse(buildPain001(input()))['Document']['CstmrCdtTrfInitn'];
  const txs = doc.PmtInf.CdtTrfTxInf as any[];
  assert.equal(txs.length, 4);
  const sumOfAmounts = txs.reduce((s, t) => s + Math.round(Number(t.Amt.InstdAmt['#text']) * 100), 0);
  assert.equal(sumOfAmounts, 185000 + 97550 + 41575 + 1);
  assert.equal(doc.GrpHdr.CtrlSum, '3241.26');
  assert.equal(doc.PmtInf.CtrlSum, '3241.26');
  assert.equal(doc.GrpHdr.NbOfTxs, '4');
  assert.equal(doc.PmtInf.NbOfTxs, '4');
  assert.deepEqual(
    txs.map((t) => t.Amt.InstdAmt['#text']),
    ['1850.00', '975.50', '415.75', '0.01'],
  );
  for (const t of txs) assert.equal(t.Amt.InstdAmt['@_Ccy'], 'EUR');
});

test('the fixed SEPA elements: TRF, SEPA, SLEV, ReqdExctnDt/Dt, debtor and its BIC', () => {
  const pmt = parse(buildPain001(input()))['Document']['CstmrCdtTrfInitn'].PmtInf;
  assert.equal(pmt.PmtInfId, 'btr_01JQ8Z0000ABCDEF0000');
  assert.equal(pmt.PmtMtd, 'TRF');
  assert.equal(pmt.PmtTpInf.SvcLvl.Cd, 'SEPA');
  assert.equal(pmt.ChrgBr, 'SLEV');
  assert.equal(pmt.ReqdExctnDt.Dt, '2026-03-10');
  assert.equal(pmt.DbtrAcct.Id.IBAN, 'NL20INGB0001234567');
  assert.equal(pmt.DbtrAgt.FinInstnId.BICFI, 'INGBNL2A');
});

test('without a BIC the debtor agent is NOTPROVIDED and the file still validates', async () => {
  const xml = buildPain001(input({ debtor: { name: 'Stichting PGB', iban: 'NL20INGB0001234567' } }));
  const pmt = parse(xml)['Document']['CstmrCdtTrfInitn'].PmtInf;
  assert.equal(pmt.DbtrAgt.FinInstnId.Othr.Id, 'NOTPROVIDED');
  assert.equal((await validateAgainstXsd(xml, XSD)).valid, true);
});

test('names and remittance are reduced to the SEPA character set and cut to 70 and 140 characters', () => {
  const txs = parse(buildPain001(input()))['Document']['CstmrCdtTrfInitn'].PmtInf.CdtTrfTxInf as any[];
  assert.equal(txs[0].Cdtr.Nm, "Thuiszorg 't Zonnetje + Co B.V.");
  assert.equal(txs[1].Cdtr.Nm, 'Zoe Benedicte Muller-Celik');
  assert.equal(txs[1].CdtrAcct.Id.IBAN, 'NL95KNAB0255667788');
  assert.equal(txs[1].RmtInf.Ustrd, "PGB klant 1000077 periode 2026-02 - 'zorg' (.)");
  assert.equal(txs[2].Cdtr.Nm.length <= MAX_NAME, true);
  assert.equal(txs[2].Cdtr.Nm, 'Stichting Zorgboerderij De Eekhoorn voor Dagbesteding en Begeleiding v');
  assert.equal(txs[2].RmtInf.Ustrd.length <= MAX_REMITTANCE, true);
  assert.ok(txs[2].RmtInf.Ustrd.startsWith('PGB klant 1000042 periode 2026-02 declaraties'));
  assert.equal(txs[3].Cdtr.Nm, 'Strasse Angstrom OEuvre Lodz');
  assert.equal(txs[3].RmtInf, undefined, 'empty remittance is left out');
  for (const t of txs) {
    assert.match(t.Cdtr.Nm, SEPA_TEXT);
    if (t.RmtInf) assert.match(t.RmtInf.Ustrd, SEPA_TEXT);
  }
});

test('toSepaText keeps every result inside the character set and the length', () => {
  assert.equal(toSepaText('  Café  Ærø & Søn\t(ß) ', 70), 'Cafe AEro + Son (ss)');
  assert.equal(toSepaText('a@b.nl #12 ★', 70), 'a.b.nl .12 .');
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.integer({ min: 1, max: 140 }), (s, max) => {
      const out = toSepaText(s, max);
      return SEPA_TEXT.test(out) && out.length <= max && out === out.trim();
    }),
  );
});

test('invalid input throws a clear error', () => {
  const base = input();
  const first = base.transfers[0]!;
  const withTransfer = (t: Partial<Pain001Input['transfers'][number]>) => input({ transfers: [{ ...first, ...t }] });
  assert.throws(() => buildPain001(withTransfer({ creditorIban: 'NL15INGB0651234568' })), /NL15INGB0651234568' is geen geldig IBAN/);
  assert.throws(() => buildPain001(withTransfer({ creditorIban: 'geen iban' })), /geen geldig IBAN/);
  assert.throws(() => buildPain001(input({ debtor: { name: 'X', iban: 'NL00INGB0001234567' } })), /opdrachtgever.*geen geldig IBAN/);
  assert.throws(() => buildPain001(input({ transfers: [] })), /zonder overboekingen/);
  assert.throws(() => buildPain001(withTransfer({ amount: 0 as Cents })), /positief/);
  assert.throws(() => buildPain001(withTransfer({ amount: -500 as Cents })), /positief/);
  assert.throws(() => buildPain001(withTransfer({ amount: 12.5 as Cents })), /geheel aantal centen/);
  assert.throws(() => buildPain001(input({ messageId: 'x'.repeat(36) })), /messageId .* 1 tot 35 tekens/);
  assert.throws(() => buildPain001(withTransfer({ endToEndId: 'btl_'.padEnd(36, '0') })), /endToEndId .* 1 tot 35 tekens/);
  assert.throws(() => buildPain001(withTransfer({ endToEndId: 'btl 1' })), /tekens die SEPA niet toestaat/);
  assert.throws(() => buildPain001(withTransfer({ endToEndId: '/btl1' })), /niet beginnen of eindigen met \//);
  assert.throws(() => buildPain001(input({ transfers: [first, { ...first }] })), /komt meer dan eens voor/);
  assert.throws(() => buildPain001(withTransfer({ creditorName: '   ' })), /begunstigde ontbreekt/);
  assert.throws(() => buildPain001(input({ executionDate: '2026-02-30' as never })), /geen geldige datum/);
  assert.throws(() => buildPain001(input({ debtor: { name: 'X', iban: 'NL20INGB0001234567', bic: 'ING' } })), /BIC/);
});

test('random valid runs always validate against the schema', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(
        fc.record({
          amount: fc.integer({ min: 1, max: 99_999_999_999 }),
          name: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 120 }),
          remittance: fc.string({ unit: 'grapheme', maxLength: 200 }),
        }),
        { minLength: 1, maxLength: 8 },
      ),
      async (rows) => {
        const xml = buildPain001(
          input({
            transfers: rows.map((r, i) => ({
              endToEndId: `btl_${i}`,
              amount: cents(r.amount),
              creditorName: `Z ${r.name}`,
              creditorIban: 'NL30ABNA0512345678',
              remittance: r.remittance,
            })),
          }),
        );
        const result = await validateAgainstXsd(xml, XSD);
        assert.deepEqual(result.errors, []);
      },
    ),
    { numRuns: 15 },
  );
});

test('a large run comes in pieces that join to the same file, every transfer once and in order', () => {
  const many = input({
    transfers: Array.from({ length: 2_500 }, (_, i) => ({
      endToEndId: `btl_${i}`,
      amount: cents(100 + i),
      creditorName: `Zorgverlener ${i}`,
      creditorIban: 'NL30ABNA0512345678',
      remittance: i % 2 === 0 ? `PGB ${1_000_000 + i} 2026-02` : '',
    })),
  });
  const pieces = pain001Chunks(many);
  assert.ok(pieces.length > 1, `${pieces.length} piece(s)`);
  for (const p of pieces.slice(0, -1)) assert.ok(p.endsWith('</CdtTrfTxInf>\n'), 'a piece ends after a whole transfer');
  const xml = pieces.join('');
  assert.equal(xml, buildPain001(many));
  assert.ok(!xml.includes('\n\n') && !xml.endsWith('\n'));
  const txs = new XMLParser({ parseTagValue: false }).parse(xml)['Document']['CstmrCdtTrfInitn'].PmtInf.CdtTrfTxInf as { PmtId: { EndToEndId: string }; Amt: { InstdAmt: string } }[];
  assert.deepEqual(txs.map((t) => t.PmtId.EndToEndId), many.transfers.map((t) => t.endToEndId));
  assert.deepEqual(txs.map((t) => t.Amt.InstdAmt), many.transfers.map((t) => (t.amount / 100).toFixed(2)));
});
