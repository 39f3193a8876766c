import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_FIELD_LENGTH, readCsv, RowReader, type CsvSpec } from './csv.ts';
import type { InputProblem } from './errors.ts';
import { formatProblem } from './errors.ts';

const SPEC: CsvSpec = { required: ['id', 'naam', 'bedrag'], optional: ['opmerking'] };
const FILE = 'test.csv';

/** Dutch words that the messages use; an English library message would contain none of them. */
const DUTCH = /\b(kolom|velden|kopregel|bestand|aanhalingstekens|regel|veld|tekens|verplicht|geen|geldig|bedrag|datum|negatief|groter|getal|cijfers|een|is|niet|langer|onbekend|ontbreekt|leeg|tijdstip|twee keer)\b/i;

function assertWellFormed(problems: InputProblem[]): void {
  for (const p of problems) {
    assert.equal(p.file, FILE);
    assert.ok(Number.isInteger(p.line) && p.line >= 1, `line ${p.line}`);
    assert.ok(typeof p.column === 'string' && p.column.length > 0, 'column named');
    assert.ok(p.message.length > 0);
    assert.match(p.message, DUTCH, `Dutch message: ${p.message}`);
    assert.doesNotMatch(p.message, /\b(the|record|quote|invalid|line|found|exceed)\b/i, `no English: ${p.message}`);
  }
}

describe('readCsv: the header', () => {
  test('a plain file gives records with their line numbers', () => {
    const r = readCsv(FILE, 'id,naam,bedrag\nA1,Jansen,12.50\nA2,De Vries,7\n', SPEC);
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.records, [
      { line: 2, values: { id: 'A1', naam: 'Jansen', bedrag: '12.50' } },
      { line: 3, values: { id: 'A2', naam: 'De Vries', bedrag: '7' } },
    ]);
  });

  test('a byte-order mark is tolerated, in a string and in a Buffer', () => {
    const text = '\uFEFFid,naam,bedrag\nA1,Jansen,1\n';
    const fromString = readCsv(FILE, text, SPEC);
    assert.deepEqual(fromString.problems, []);
    assert.deepEqual(fromString.records[0]!.values, { id: 'A1', naam: 'Jansen', bedrag: '1' });
    const fromBuffer = readCsv(FILE, Buffer.from(text, 'utf8'), SPEC);
    assert.deepEqual(fromBuffer.problems, []);
    assert.deepEqual(fromBuffer.records[0]!.values, { id: 'A1', naam: 'Jansen', bedrag: '1' });
  });

  test('columns may come in any order, optional ones may be left out or included', () => {
    const r = readCsv(FILE, 'bedrag,opmerking,naam,id\n3.00,hallo,Jansen,A1\n', SPEC);
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.records[0]!.values, { bedrag: '3.00', opmerking: 'hallo', naam: 'Jansen', id: 'A1' });
  });

  test('CRLF line ends are read like LF', () => {
    const r = readCsv(FILE, 'id,naam,bedrag\r\nA1,Jansen,1\r\n', SPEC);
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.records, [{ line: 2, values: { id: 'A1', naam: 'Jansen', bedrag: '1' } }]);
  });

  test('a missing required column is a problem on line 1 naming the column, and no records come out', () => {
    const r = readCsv(FILE, 'id,naam\nA1,Jansen\n', SPEC);
    assert.deepEqual(r.records, []);
    assert.deepEqual(r.problems, [{ file: FILE, line: 1, column: 'bedrag', message: 'verplichte kolom ontbreekt' }]);
    assertWellFormed(r.problems);
  });

  test('an unknown column is a problem on line 1 naming the column', () => {
    const r = readCsv(FILE, 'id,naam,bedrag,kleur\nA1,Jansen,1,rood\n', SPEC);
    assert.deepEqual(r.records, []);
    assert.deepEqual(r.problems, [{ file: FILE, line: 1, column: 'kleur', message: 'onbekende kolom' }]);
    assertWellFormed(r.problems);
  });

  test('an empty column name is an unknown column', () => {
    const r = readCsv(FILE, 'id,naam,bedrag,\nA1,Jansen,1,\n', SPEC);
    assert.deepEqual(r.problems, [{ file: FILE, line: 1, column: '(leeg)', message: 'onbekende kolom' }]);
  });

  test('a duplicated column is a problem on line 1 naming the column', () => {
    const r = readCsv(FILE, 'id,naam,bedrag,naam\nA1,Jansen,1,Jansen\n', SPEC);
    assert.deepEqual(r.records, []);
    assert.deepEqual(r.problems, [{ file: FILE, line: 1, column: 'naam', message: 'kolom komt twee keer voor' }]);
    assertWellFormed(r.problems);
  });

  test('every header problem is reported, not only the first', () => {
    const r = readCsv(FILE, 'id,kleur,id\n1,2,3\n', SPEC);
    const columns = r.problems.map((p) => p.column).sort();
    assert.deepEqual(columns, ['bedrag', 'id', 'kleur', 'naam']);
    assert.ok(r.problems.every((p) => p.line === 1));
    assertWellFormed(r.problems);
  });

  test('header names are trimmed', () => {
    const r = readCsv(FILE, ' id , naam ,bedrag\nA1,Jansen,1\n', SPEC);
    assert.deepEqual(r.problems, []);
    assert.equal(r.records[0]!.values.naam, 'Jansen');
  });
});

describe('readCsv: the records', () => {
  test('a wrong field count names the line and the other lines are still read', () => {
    const r = readCsv(FILE, 'id,naam,bedrag\nA1,Jansen,1\nA2,De Vries\nA3,Bakker,3,extra\nA4,Smit,4\n', SPEC);
    assert.deepEqual(
      r.records.map((x) => x.values.id),
      ['A1', 'A4'],
    );
    assert.deepEqual(r.problems, [
      { file: FILE, line: 3, column: '-', message: '2 velden waar de kopregel er 3 heeft' },
      { file: FILE, line: 4, column: '-', message: '4 velden waar de kopregel er 3 heeft' },
    ]);
    assertWellFormed(r.problems);
  });

  test('quoted fields keep commas, newlines and doubled quotes (RFC 4180)', () => {
    const text = 'id,naam,bedrag,opmerking\nA1,"Jansen, J.",1,"eerste regel\ntweede regel"\nA2,"De ""Zon""",2,\n';
    const r = readCsv(FILE, text, SPEC);
    assert.deepEqual(r.problems, []);
    assert.equal(r.records.length, 2);
    assert.equal(r.records[0]!.values.naam, 'Jansen, J.');
    assert.equal(r.records[0]!.values.opmerking, 'eerste regel\ntweede regel');
    assert.equal(r.records[1]!.values.naam, 'De "Zon"');
    assert.equal(r.records[1]!.values.opmerking, '');
    // the record after a field with a newline is on line 4 of the file
    assert.equal(r.records[1]!.line, 4);
  });

  test('broken quoting is a problem, never an exception', () => {
    for (const text of ['id,naam,bedrag\nA1,"Jansen,1\n', 'id,naam,bedrag\nA1,"Jansen"x,1\n', 'id,naam,bedrag\nA1,Jan"sen",1\n"A2,B,2\n']) {
      let r: ReturnType<typeof readCsv> | undefined;
      assert.doesNotThrow(() => {
        r = readCsv(FILE, text, SPEC);
      });
      assert.deepEqual(r!.records, []);
      assert.equal(r!.problems.length, 1, JSON.stringify(r!.problems));
      assert.match(r!.problems[0]!.message, /aanhalingstekens kloppen niet/);
      assertWellFormed(r!.problems);
    }
  });

  test('an unclosed quote names a line in the file', () => {
    const r = readCsv(FILE, 'id,naam,bedrag\nA1,Jansen,1\nA2,"De Vries,2\n', SPEC);
    assert.equal(r.problems.length, 1);
    assert.ok(r.problems[0]!.line >= 3, `line ${r.problems[0]!.line}`);
  });

  test('invalid UTF-8 in a Buffer is a problem', () => {
    const bytes = Buffer.concat([Buffer.from('id,naam,bedrag\nA1,', 'utf8'), Buffer.from([0xc3, 0x28]), Buffer.from(',1\n', 'utf8')]);
    const r = readCsv(FILE, bytes, SPEC);
    assert.deepEqual(r.records, []);
    assert.equal(r.problems.length, 1);
    assert.match(r.problems[0]!.message, /geen geldige UTF-8/);
    assertWellFormed(r.problems);
  });

  test('valid UTF-8 with accents is read as such', () => {
    const r = readCsv(FILE, Buffer.from('id,naam,bedrag\nA1,Ünal Çelik-Ærø,1\n', 'utf8'), SPEC);
    assert.deepEqual(r.problems, []);
    assert.equal(r.records[0]!.values.naam, 'Ünal Çelik-Ærø');
  });

  test('an empty file, a file with only a BOM or only blank lines is a problem', () => {
    for (const input of ['', '\uFEFF', '\n\n  \n', Buffer.alloc(0)]) {
      const r = readCsv(FILE, input, SPEC);
      assert.deepEqual(r.records, []);
      assert.equal(r.problems.length, 1, JSON.stringify(input));
      assert.equal(r.problems[0]!.line, 1);
      assertWellFormed(r.problems);
    }
  });

  test('a header without any data rows gives no records and no problems', () => {
    const r = readCsv(FILE, 'id,naam,bedrag\n', SPEC);
    assert.deepEqual(r, { records: [], problems: [] });
  });

  test('a field longer than MAX_FIELD_LENGTH is a problem naming line and column; the record is dropped', () => {
    const long = 'x'.repeat(MAX_FIELD_LENGTH + 1);
    const r = readCsv(FILE, `id,naam,bedrag\nA1,${long},1\nA2,Kort,2\n`, SPEC);
    assert.deepEqual(
      r.records.map((x) => x.values.id),
      ['A2'],
    );
    assert.deepEqual(r.problems, [{ file: FILE, line: 2, column: 'naam', message: `veld langer dan ${MAX_FIELD_LENGTH} tekens` }]);
    assertWellFormed(r.problems);
  });

  test('a field of exactly MAX_FIELD_LENGTH characters is accepted', () => {
    const exact = 'x'.repeat(MAX_FIELD_LENGTH);
    const r = readCsv(FILE, `id,naam,bedrag\nA1,${exact},1\n`, SPEC);
    assert.deepEqual(r.problems, []);
    assert.equal(r.records[0]!.values.naam!.length, MAX_FIELD_LENGTH);
  });

  test('a record longer than max_record_size gets the Dutch "regel te lang", not csv-parse\'s English message', () => {
    // Found as a bug in csvMessage at commit 4e44a93 (csv.ts:101): it tested the message for
    // /record_size|max_record_size/, but csv-parse's message reads "Max Record Size: record exceed
    // the maximum number of tolerated bytes of 262144 at line 2" (spaces, no underscore), so the
    // English text reached the user unchanged.
    const huge = 'x'.repeat(MAX_FIELD_LENGTH * 64 + 10);
    let r: ReturnType<typeof readCsv> | undefined;
    assert.doesNotThrow(() => {
      r = readCsv(FILE, `id,naam,bedrag\nA1,${huge},1\n`, SPEC);
    });
    assert.deepEqual(r!.records, []);
    assert.equal(r!.problems.length, 1);
    assert.equal(r!.problems[0]!.message, 'onleesbare CSV: regel te lang');
  });

  test('field values are trimmed', () => {
    const r = readCsv(FILE, 'id,naam,bedrag\n A1 ,  Jansen ,1 \n', SPEC);
    assert.deepEqual(r.records[0]!.values, { id: 'A1', naam: 'Jansen', bedrag: '1' });
  });

  test('formatProblem writes file:line: column: message', () => {
    const r = readCsv(FILE, 'id,naam\nA1,Jansen\n', SPEC);
    assert.equal(formatProblem(r.problems[0]!), 'test.csv:1: bedrag: verplichte kolom ontbreekt');
  });
});

describe('RowReader', () => {
  const ALL: CsvSpec = {
    required: ['id'],
    optional: ['naam', 'soort', 'datum', 'moment', 'bedrag', 'eenheden', 'bsn', 'iban', 'kvk', 'agb'],
  };

  function reader(values: Record<string, string>, line = 7): { r: RowReader; problems: InputProblem[] } {
    const problems: InputProblem[] = [];
    return { r: new RowReader(FILE, { line, values }, problems), problems };
  }

  test('good values come out typed and no problems are recorded', () => {
    const { r, problems } = reader({
      id: 'ZOK-2026/001',
      naam: 'Jansen',
      soort: 'zzp',
      datum: '2026-03-02',
      moment: '2026-03-02T09:15:00+01:00',
      bedrag: '1234.56',
      eenheden: '7.75',
      bsn: '111222333',
      iban: 'nl91 abna 0417 1643 00',
      kvk: '12345678',
      agb: '01234567',
    });
    assert.equal(r.id('id'), 'ZOK-2026/001');
    assert.equal(r.text('naam', { required: true }), 'Jansen');
    assert.equal(r.oneOf('soort', ['particulier', 'zzp', 'instelling'] as const), 'zzp');
    assert.equal(r.date('datum'), '2026-03-02');
    assert.equal(r.moment('moment')?.toISOString(), '2026-03-02T08:15:00.000Z');
    assert.equal(r.euros('bedrag'), 123456);
    assert.deepEqual(r.quantity('eenheden'), { quarters: 31 });
    assert.equal(r.bsn('bsn'), '111222333');
    assert.equal(r.iban('iban'), 'NL91ABNA0417164300');
    assert.equal(r.kvk('kvk'), '12345678');
    assert.equal(r.agb('agb'), '01234567');
    assert.equal(r.line, 7);
    assert.deepEqual(problems, []);
  });

  test('empty means absent: optional fields give undefined without a problem', () => {
    const { r, problems } = reader({ id: 'A', naam: '', datum: '', bedrag: '', bsn: '', iban: '', kvk: '', agb: '' });
    assert.equal(r.raw('naam'), undefined);
    assert.equal(r.text('naam'), undefined);
    assert.equal(r.date('datum', false), undefined);
    assert.equal(r.euros('bedrag', { required: false }), undefined);
    assert.equal(r.bsn('bsn', false), undefined);
    assert.equal(r.iban('iban', false), undefined);
    assert.equal(r.kvk('kvk'), undefined);
    assert.equal(r.agb('agb'), undefined);
    assert.equal(r.raw('niet-bestaand'), undefined);
    assert.deepEqual(problems, []);
  });

  test('every bad value gives one problem with file, line, column and a Dutch message', () => {
    const { r, problems } = reader({
      id: '-begint-met-streep',
      naam: 'x'.repeat(201),
      soort: 'bedrijf',
      datum: '2026-02-29',
      moment: '2026-03-02T09:15:00',
      bedrag: '1,23',
      eenheden: 'drie',
      bsn: '123456789',
      iban: 'NL92ABNA0417164300',
      kvk: '1234',
      agb: '12',
    });
    assert.equal(r.id('id'), undefined);
    assert.equal(r.text('naam'), undefined);
    assert.equal(r.oneOf('soort', ['particulier', 'zzp', 'instelling'] as const), undefined);
    assert.equal(r.date('datum'), undefined);
    assert.equal(r.moment('moment'), undefined);
    assert.equal(r.euros('bedrag'), undefined);
    assert.equal(r.quantity('eenheden'), undefined);
    assert.equal(r.bsn('bsn'), undefined);
    assert.equal(r.iban('iban'), undefined);
    assert.equal(r.kvk('kvk'), undefined);
    assert.equal(r.agb('agb'), undefined);
    assert.deepEqual(
      problems.map((p) => p.column),
      ['id', 'naam', 'soort', 'datum', 'moment', 'bedrag', 'eenheden', 'bsn', 'iban', 'kvk', 'agb'],
    );
    assert.ok(problems.every((p) => p.line === 7));
    assertWellFormed(problems);
    assert.match(problems[2]!.message, /'bedrijf' is niet een van: particulier, zzp, instelling/);
    assert.match(problems[3]!.message, /'2026-02-29' is geen geldige datum/);
  });

  test('required fields that are empty are a problem', () => {
    const { r, problems } = reader({ id: '', soort: '', datum: '', bedrag: '' });
    assert.equal(r.id('id'), undefined);
    assert.equal(r.oneOf('soort', ['a'] as const), undefined);
    assert.equal(r.date('datum'), undefined);
    assert.equal(r.euros('bedrag'), undefined);
    assert.equal(r.required('ontbreekt'), undefined);
    assert.equal(problems.length, 5);
    assert.ok(problems.every((p) => p.message === 'verplicht veld is leeg'));
  });

  test('euros: zero and negative amounts only when allowed', () => {
    const { r, problems } = reader({ id: 'A', nul: '0.00', min: '-1.00' });
    assert.equal(r.euros('nul'), undefined);
    assert.equal(r.euros('min'), undefined);
    assert.deepEqual(
      problems.map((p) => p.message),
      ['bedrag moet groter dan nul zijn', 'bedrag mag niet negatief zijn'],
    );
    assert.equal(r.euros('nul', { allowZero: true }), 0);
    assert.equal(r.euros('min', { allowNegative: true }), -100);
    assert.equal(problems.length, 2);
  });

  test('quantity: off the grid is returned as offGrid without a problem (the checks reject it)', () => {
    const { r, problems } = reader({ id: 'A', eenheden: '0.3' });
    assert.deepEqual(r.quantity('eenheden'), { offGrid: true });
    assert.deepEqual(problems, []);
  });

  test('text: a custom maximum length', () => {
    const { r, problems } = reader({ id: 'A', naam: 'abcdef' });
    assert.equal(r.text('naam', { max: 5 }), undefined);
    assert.equal(r.text('naam', { max: 6 }), 'abcdef');
    assert.deepEqual(problems.map((p) => p.message), ['langer dan 5 tekens']);
  });

  test('id: 1 to 64 characters of letters, digits and . _ : / -', () => {
    const ok = ['A', 'dcl-2026.03_01:x/1', 'x'.repeat(64)];
    const bad = ['x'.repeat(65), 'a b', 'a;b', '_a', 'é'];
    for (const v of ok) assert.equal(reader({ id: v }).r.id('id'), v, v);
    for (const v of bad) assert.equal(reader({ id: v }).r.id('id'), undefined, v);
  });

  test('readCsv and RowReader together: problems of all lines are collected', () => {
    const spec: CsvSpec = { required: ['id', 'datum', 'bedrag'], optional: [] };
    const { records, problems } = readCsv(FILE, 'id,datum,bedrag\nA1,2026-03-02,1.00\nA2,2026-13-01,1.00\nA3,2026-03-02,1.234\n', spec);
    for (const record of records) {
      const r = new RowReader(FILE, record, problems);
      r.id('id');
      r.date('datum');
      r.euros('bedrag');
    }
    assert.deepEqual(
      problems.map((p) => formatProblem(p).split(':').slice(0, 3).join(':')),
      ['test.csv:3: datum', 'test.csv:4: bedrag'],
    );
    assertWellFormed(problems);
  });
});
