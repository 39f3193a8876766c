/**
 * Bad input, generated (issue #7): for each of the seven CSV imports, FUZZ_RUNS (10,000) files made
 * by breaking a valid one in one place, each read by the real import (`runImport`, the command
 * line's and the upload's path) into a database that holds the valid file already. Every file must
 * be refused with an InputError whose problems name the file, a line and a column, and one of them
 * must name the place that was broken; nothing may crash, and at the end the database holds exactly
 * what it held before (stateCounts). Also a few large files with one bad line somewhere.
 *
 * How a file is broken (one of): a bad value for a field's type (an impossible date such as
 * 2026-02-30, a BSN failing the elfproef, an IBAN failing mod 97, a KvK or AGB of the wrong
 * length, an amount with a comma, an id with a space, a value outside its list, a text too long), a
 * field over 4,096 characters, a record over 256 KiB, a NUL or control byte, a required column
 * dropped, an unknown or repeated column, a field too many or too few, broken quotes, bytes that
 * are not UTF-8, the file in Latin-1 or UTF-16, or a valid value that
 * contradicts what is stored (an id with other content, an unknown reference).
 *
 * The file is the world's stored rows (known: skipped) plus one new valid row, so that a broken
 * value in the new row is refused for what it is, not for differing from the stored row.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { freshDb, stateCounts, STORE } from '../support/db.ts';
import { AGREEMENT_HEADER, ALLOCATION_HEADER, CLAIM_HEADER, HOLDER, agreement, allocation, claimLine, csv, load, parties } from '../support/factories.ts';
import { badValue, FUZZ_RUNS, FUZZ_SEED, type FieldType } from '../support/fuzz.ts';
import { CSV_IMPORTS, type ImportKind } from '../../src/app/imports.ts';
import { runImport, type ImportHandler } from '../../src/modules/import/run-import.ts';
import { InputError } from '../../src/kernel/errors.ts';
import { syntheticBsn, syntheticIban } from '../../src/kernel/synthetic.ts';
import { EENHEDEN, KANALEN, VERSTREKKER_SOORTEN, WETTEN, ZOK_SOORTEN, ZOK_STATUSSEN, ZORGVERLENER_SOORTEN } from '../../src/kernel/wet.ts';
import { MAX_FIELD_LENGTH } from '../../src/kernel/csv.ts';
import type { Db } from '../../src/db/connection.ts';

interface Column {
  type: FieldType;
  values?: readonly string[];
  max?: number;
}

interface Format {
  file: string;
  idColumn: string;
  /** the columns of the file as stored, and how a bad value for each looks */
  columns: Record<string, Column>;
  /** the stored rows, in the file's column order */
  stored: string[];
  /** one new row, valid, not stored */
  fresh: string;
  /** a valid value that contradicts the stored row (another content under a known id, or an unknown reference) */
  contradictions: { column: string; value: string }[];
}

const ALLOCATIONS = [
  allocation('W-TKB-A', HOLDER.a, 'WMO_HH', '2026-01-01', '2026-12-31', '5000.00', '', 'GM0001'),
  allocation('W-TKB-B', HOLDER.b, 'WLZ', '2026-01-01', '2026-12-31', '8000.00', '', 'ZK0001'),
];
const AGREEMENTS = [
  agreement('W-ZOK-A', HOLDER.a, 'ZV1', 'WMO_HH', { rate: '30.00' }),
  agreement('W-ZOK-B', HOLDER.b, 'ZV2', 'WLZ', { rate: '25.00', kind: 'familie' }),
  agreement('W-ZOK-C', HOLDER.c, 'ZV3', 'JW', { rate: '70.00', kind: 'instelling', status: 'ingediend' }),
  agreement('W-ZOK-E', HOLDER.c, 'ZV3', 'JW', { rate: '71.00', kind: 'instelling', status: 'ingediend' }),
];
const DECISIONS_HEADER = 'zorgovereenkomst_id,besluit,datum,maximumtarief,reden';
const DECISIONS = ['W-ZOK-C,geaccordeerd,2026-11-05,75.00,'];
const CLAIMS = [
  claimLine('W-DCL-A', HOLDER.a, 'ZV1', '2026-10-05', '2', '30.00', { agreement: 'W-ZOK-A' }),
  claimLine('W-DCL-B', HOLDER.b, 'ZV2', '2026-10-06', '3', '25.00', { agreement: 'W-ZOK-B' }),
];

const rowsOf = (text: string) => text.trim().split('\n').slice(1);
const headerOf = (text: string) => text.split('\n')[0]!;

const FORMATS: Record<ImportKind, Format & { header: string }> = {
  verstrekkers: {
    file: 'verstrekkers.csv',
    header: headerOf(parties.verstrekkers),
    idColumn: 'code',
    columns: { code: { type: 'funderCode' }, naam: { type: 'text', max: 70 }, soort: { type: 'enum', values: VERSTREKKER_SOORTEN }, iban: { type: 'iban' } },
    stored: rowsOf(parties.verstrekkers),
    fresh: `GM0002,Gemeente Twee,gemeente,${syntheticIban(9003, 'BNGH')}`,
    contradictions: [{ column: 'naam', value: 'Gemeente Anders' }, { column: 'iban', value: syntheticIban(9004) }],
  },
  budgethouders: {
    file: 'budgethouders.csv',
    header: headerOf(parties.budgethouders),
    idColumn: 'bsn',
    columns: { bsn: { type: 'bsn' }, naam: { type: 'text', max: 70 }, geboortedatum: { type: 'date' } },
    stored: rowsOf(parties.budgethouders),
    fresh: `${syntheticBsn(504)},Houder D,1970-04-04`,
    contradictions: [{ column: 'naam', value: 'Iemand Anders' }, { column: 'geboortedatum', value: '1951-01-01' }],
  },
  zorgverleners: {
    file: 'zorgverleners.csv',
    header: headerOf(parties.zorgverleners),
    idColumn: 'zorgverlener_id',
    columns: {
      zorgverlener_id: { type: 'id' }, soort: { type: 'enum', values: ZORGVERLENER_SOORTEN }, naam: { type: 'text', max: 70 },
      bsn: { type: 'bsn' }, kvk: { type: 'kvk' }, agb: { type: 'agb' }, iban: { type: 'iban' },
    },
    stored: rowsOf(parties.zorgverleners),
    fresh: `ZV4,zzp,Zorg Vier,,10000004,,${syntheticIban(9104)}`,
    contradictions: [{ column: 'naam', value: 'Zorg Anders' }, { column: 'iban', value: syntheticIban(9199) }, { column: 'agb', value: '87654321' }],
  },
  toekenningen: {
    file: 'toekenningen.csv',
    header: ALLOCATION_HEADER,
    idColumn: 'toekenning_id',
    columns: {
      toekenning_id: { type: 'id' }, bsn: { type: 'bsn' }, wet: { type: 'enum', values: WETTEN },
      ingangsdatum: { type: 'date' }, einddatum: { type: 'date' }, bedrag: { type: 'positiveAmount' },
    },
    stored: ALLOCATIONS,
    fresh: allocation('W-TKB-D', HOLDER.a, 'WMO_BG', '2026-01-01', '2026-12-31', '100.00', '', 'GM0001'),
    contradictions: [
      { column: 'bedrag', value: '4999.99' }, { column: 'verstrekker', value: 'GM9999' }, { column: 'bsn', value: syntheticBsn(999) },
      { column: 'vervangt', value: 'TKB-ONBEKEND' }, { column: 'einddatum', value: '2026-11-30' },
    ],
  },
  zorgovereenkomsten: {
    file: 'zorgovereenkomsten.csv',
    header: AGREEMENT_HEADER,
    idColumn: 'zorgovereenkomst_id',
    columns: {
      zorgovereenkomst_id: { type: 'id' }, bsn: { type: 'bsn' }, zorgverlener_id: { type: 'id' }, wet: { type: 'enum', values: WETTEN },
      soort: { type: 'enum', values: ZOK_SOORTEN }, ingangsdatum: { type: 'date' }, einddatum: { type: 'date' }, eenheid: { type: 'enum', values: EENHEDEN },
      tarief: { type: 'positiveAmount' }, maximumtarief: { type: 'positiveAmount' }, maandbedrag: { type: 'positiveAmount' }, status: { type: 'enum', values: ZOK_STATUSSEN },
    },
    stored: AGREEMENTS,
    fresh: agreement('W-ZOK-D', HOLDER.a, 'ZV1', 'WMO_HH', { rate: '29.00', status: 'ingediend' }),
    contradictions: [{ column: 'tarief', value: '31.00' }, { column: 'zorgverlener_id', value: 'ZV-ONBEKEND' }, { column: 'bsn', value: syntheticBsn(998) }],
  },
  accorderingen: {
    file: 'accorderingen.csv',
    header: DECISIONS_HEADER,
    idColumn: 'zorgovereenkomst_id',
    columns: { zorgovereenkomst_id: { type: 'id' }, besluit: { type: 'enum', values: ['geaccordeerd', 'afgekeurd'] }, datum: { type: 'date' }, maximumtarief: { type: 'positiveAmount' }, reden: { type: 'text', max: 500 } },
    stored: DECISIONS,
    fresh: 'W-ZOK-E,afgekeurd,2026-11-06,,te duur',
    contradictions: [{ column: 'besluit', value: 'afgekeurd' }, { column: 'maximumtarief', value: '76.00' }, { column: 'zorgovereenkomst_id', value: 'W-ZOK-A' }],
  },
  declaraties: {
    file: 'declaraties.csv',
    header: CLAIM_HEADER,
    idColumn: 'declaratie_id',
    columns: {
      declaratie_id: { type: 'id' }, ontvangen_op: { type: 'moment' }, kanaal: { type: 'enum', values: KANALEN }, bsn: { type: 'bsn' },
      zorgverlener_id: { type: 'id' }, datum: { type: 'date' }, eenheden: { type: 'quantity' }, tarief: { type: 'amount' }, omschrijving: { type: 'text', max: 200 },
    },
    stored: CLAIMS,
    fresh: claimLine('W-DCL-D', HOLDER.a, 'ZV1', '2026-10-07', '1', '30.00', { agreement: 'W-ZOK-A' }),
    contradictions: [{ column: 'eenheden', value: '2.5' }, { column: 'omschrijving', value: 'anders' }, { column: 'kanaal', value: 'post' }],
  },
};

/** A broken file and where its problem must be found. */
interface Case {
  what: string;
  content: Buffer;
  line?: number;
  columns?: string[];
  message?: RegExp;
}

function quote(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

/** The generator of broken files for one format. */
function brokenFiles(f: Format & { header: string }, spec: { required: readonly string[]; optional: readonly string[] }): fc.Arbitrary<Case> {
  const header = f.header.split(',');
  const base = [...f.stored, f.fresh].map((r) => r.split(','));
  const n = base.length; // data lines 2..n+1
  const render = (h: string[], rows: string[][]) => Buffer.from(`${[h, ...rows].map((r) => r.map(quote).join(',')).join('\n')}\n`);
  const withValue = (row: number, col: number, value: string) => base.map((r, i) => (i === row ? r.map((v, j) => (j === col ? value : v)) : r));
  const rowIdx = fc.integer({ min: 0, max: n - 1 });
  const mutable = header.map((c, i) => [c, i] as const).filter(([c]) => f.columns[c]);
  const mutableCol = fc.constantFrom(...mutable);

  const badField: fc.Arbitrary<Case> = fc.tuple(rowIdx, mutableCol).chain(([row, [col, ci]]) =>
    badValue(f.columns[col]!.type, f.columns[col]!).map((value) => ({
      what: `${col} = ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)} on line ${row + 2}`,
      content: render(header, withValue(row, ci, value)),
      line: row + 2,
      columns: [col],
    })),
  );
  const hugeField: fc.Arbitrary<Case> = fc.tuple(rowIdx, fc.integer({ min: 0, max: header.length - 1 }), fc.integer({ min: MAX_FIELD_LENGTH + 1, max: MAX_FIELD_LENGTH * 3 })).map(([row, ci, len]) => ({
    what: `field ${header[ci]} of ${len} characters on line ${row + 2}`,
    content: render(header, withValue(row, ci, 'x'.repeat(len))),
    line: row + 2,
    columns: [header[ci]!],
  }));
  const hugeRecord: fc.Arbitrary<Case> = fc.tuple(rowIdx, fc.integer({ min: 0, max: header.length - 1 })).map(([row, ci]) => ({
    what: `a record of 300,000 characters on line ${row + 2}`,
    content: render(header, withValue(row, ci, 'y'.repeat(300_000))),
    line: row + 2,
  }));
  const controlChar: fc.Arbitrary<Case> = fc.tuple(rowIdx, mutableCol, fc.constantFrom('\u0000', '\u0001', '\u001b', '\u007f', '\u0008')).map(([row, [col, ci], c]) => ({
    what: `control character U+${c.charCodeAt(0).toString(16).padStart(4, '0')} in ${col} on line ${row + 2}`,
    content: render(header, withValue(row, ci, `${base[row]![ci] || 'a'}${c}b`)),
    line: row + 2,
    columns: [col],
  }));
  const contradiction: fc.Arbitrary<Case> = fc.tuple(fc.integer({ min: 0, max: f.stored.length - 1 }), fc.constantFrom(...f.contradictions)).map(([row, c]) => ({
    what: `stored row on line ${row + 2} with ${c.column} = ${c.value}`,
    content: render(header, withValue(row, header.indexOf(c.column), c.value)),
    line: row + 2,
  }));
  const required = header.filter((c) => spec.required.includes(c));
  const dropColumn: fc.Arbitrary<Case> = fc.constantFrom(...required).map((c) => {
    const ci = header.indexOf(c);
    return { what: `column ${c} left out`, content: render(header.filter((_, j) => j !== ci), base.map((r) => r.filter((_, j) => j !== ci))), line: 1, columns: [c], message: /verplichte kolom ontbreekt/ };
  });
  const unknownColumn: fc.Arbitrary<Case> = fc
    .oneof(fc.constantFrom('kenmerk', 'BSN', 'Naam', ' ', 'id;DROP TABLE budgethouders', 'naam2'), fc.stringMatching(/^[a-z_]{1,12}$/))
    .filter((c) => !spec.required.includes(c.trim()) && !spec.optional.includes(c.trim()))
    .map((c) => ({ what: `unknown column '${c}'`, content: render([...header, c], base.map((r) => [...r, 'x'])), line: 1, columns: [c.trim() || '(leeg)'], message: /onbekende kolom/ }));
  const repeatedColumn: fc.Arbitrary<Case> = fc.integer({ min: 0, max: header.length - 1 }).map((ci) => ({
    what: `column ${header[ci]} twice`,
    content: render([...header, header[ci]!], base.map((r) => [...r, r[ci]!])),
    line: 1,
    columns: [header[ci]!],
    message: /twee keer/,
  }));
  const fieldCount: fc.Arbitrary<Case> = fc.tuple(rowIdx, fc.boolean()).map(([row, more]) => ({
    what: `${more ? 'a field too many' : 'a field too few'} on line ${row + 2}`,
    content: render(header, base.map((r, i) => (i === row ? (more ? [...r, 'extra'] : r.slice(0, -1)) : r))),
    line: row + 2,
    columns: ['-'],
    message: /velden waar de kopregel/,
  }));
  const brokenQuotes: fc.Arbitrary<Case> = fc.tuple(rowIdx, fc.integer({ min: 0, max: header.length - 1 }), fc.constantFrom('inside', 'unclosed', 'after')).map(([row, ci, how]) => {
    const lines = [header.join(','), ...base.map((r) => r.map(quote).join(','))];
    const fields = base[row]!.map(quote);
    const v = base[row]![ci]!;
    fields[ci] = how === 'inside' ? `a"${v}` : how === 'unclosed' ? `"${v}` : `"${v}"x`;
    lines[row + 1] = fields.join(',');
    return { what: `broken quotes (${how}) in ${header[ci]} on line ${row + 2}`, content: Buffer.from(`${lines.join('\n')}\n`), ...(how === 'unclosed' ? {} : { line: row + 2 }), message: /aanhalingstekens/ };
  });
  const notUtf8: fc.Arbitrary<Case> = fc.tuple(rowIdx, fc.integer({ min: 0, max: header.length - 1 }), fc.constantFrom([0xff], [0xc3, 0x28], [0xe2, 0x82], [0xf0, 0x28, 0x8c, 0x28], [0xc0, 0xaf], [0xed, 0xa0, 0x80])).map(([row, ci, bytes]) => {
    const text = render(header, withValue(row, ci, '\u0000MARK\u0000')).toString('utf8');
    const [before, after] = text.split('\u0000MARK\u0000') as [string, string];
    return {
      what: `bytes ${bytes.map((b) => b.toString(16)).join(' ')} in ${header[ci]} on line ${row + 2}`,
      content: Buffer.concat([Buffer.from(before), Buffer.from(bytes), Buffer.from(after)]),
      line: row + 2,
      message: /geen geldige UTF-8/,
    };
  });
  const otherEncoding: fc.Arbitrary<Case> = fc.tuple(rowIdx, fc.constantFrom('latin1', 'utf16le', 'utf16le-bom')).map(([row, enc]) => {
    const naam = header.includes('naam') ? header.indexOf('naam') : header.includes('omschrijving') ? header.indexOf('omschrijving') : header.includes('reden') ? header.indexOf('reden') : -1;
    const text = render(header, naam >= 0 ? withValue(row, naam, 'Zorg Café Ü') : base).toString('utf8');
    const content =
      enc === 'latin1' ? Buffer.from(text, 'latin1')
      : enc === 'utf16le' ? Buffer.from(text, 'utf16le')
      : Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    // Latin-1 of plain text is plain text: only the row with é breaks it
    if (enc === 'latin1' && naam < 0) return { what: 'Latin-1 with a Latin-1 byte', content: Buffer.concat([Buffer.from([0xe9]), content]), line: 1, message: /UTF-8/ };
    // UTF-16 without a byte-order mark is refused where its first non-ASCII character stands, or for its header
    return { what: `file in ${enc}`, content, ...(enc === 'latin1' && naam >= 0 ? { line: row + 2 } : enc === 'utf16le-bom' ? { line: 1 } : {}) };
  });
  return fc.oneof(
    { arbitrary: badField, weight: 40 },
    { arbitrary: contradiction, weight: 3 },
    { arbitrary: hugeField, weight: 4 },
    { arbitrary: hugeRecord, weight: 1 },
    { arbitrary: controlChar, weight: 6 },
    { arbitrary: dropColumn, weight: 4 },
    { arbitrary: unknownColumn, weight: 4 },
    { arbitrary: repeatedColumn, weight: 3 },
    { arbitrary: fieldCount, weight: 6 },
    { arbitrary: brokenQuotes, weight: 6 },
    { arbitrary: notUtf8, weight: 6 },
    { arbitrary: otherEncoding, weight: 4 },
  ).map((c) => Object.assign(c, { [fc.toStringMethod]: () => `${c.what} (${c.content.length} bytes: ${JSON.stringify(c.content.subarray(0, 300).toString('latin1'))}…)` }));
}

/** Reads a broken file and checks that it was refused precisely. */
async function refused(db: Db, handler: ImportHandler<never>, file: string, c: Case): Promise<void> {
  let error: unknown;
  try {
    await runImport(db, handler, { path: file, content: c.content, actor: 'fuzz' });
  } catch (e) {
    error = e;
  }
  assert.ok(error !== undefined, `${c.what}: accepted`);
  assert.ok(error instanceof InputError, `${c.what}: not an InputError but ${String((error as Error)?.stack ?? error)}`);
  const lines = c.content.toString('latin1').split('\n').length;
  for (const p of error.problems) {
    assert.equal(p.file, file, `${c.what}: problem names another file: ${JSON.stringify(p)}`);
    assert.ok(Number.isInteger(p.line) && p.line >= 1 && p.line <= lines, `${c.what}: problem without a line in the file: ${JSON.stringify(p)}`);
    assert.ok(typeof p.column === 'string' && p.column.length > 0, `${c.what}: problem without a column: ${JSON.stringify(p)}`);
    assert.ok(typeof p.message === 'string' && p.message.length > 0, `${c.what}: problem without a message`);
  }
  const hit = error.problems.some(
    (p) => (c.line === undefined || p.line === c.line) && (c.columns === undefined || c.columns.includes(p.column)) && (c.message === undefined || c.message.test(p.message)),
  );
  assert.ok(hit, `${c.what}: no problem at line ${c.line ?? '?'} column ${c.columns?.join('|') ?? '?'} ${c.message ?? ''}; got ${JSON.stringify(error.problems.slice(0, 5))}`);
}

async function world(db: Db): Promise<void> {
  await load(db, 'verstrekkers', parties.verstrekkers);
  await load(db, 'budgethouders', parties.budgethouders);
  await load(db, 'zorgverleners', parties.zorgverleners);
  await load(db, 'toekenningen', csv(ALLOCATION_HEADER, ALLOCATIONS));
  await load(db, 'zorgovereenkomsten', csv(AGREEMENT_HEADER, AGREEMENTS));
  await load(db, 'accorderingen', csv(DECISIONS_HEADER, DECISIONS));
  await load(db, 'declaraties', csv(CLAIM_HEADER, CLAIMS));
}

test(`CSV imports: ${FUZZ_RUNS} broken files per format are each refused precisely and change nothing (${STORE})`, async (t) => {
  const { db, close } = await freshDb();
  try {
    await world(db);
    await t.test('each unbroken file is valid: its stored rows are skipped, its new row is added (in a copy of the world)', async () => {
      const check = await freshDb();
      try {
        await world(check.db);
        for (const kind of Object.keys(FORMATS) as ImportKind[]) {
          const f = FORMATS[kind];
          const ok = await runImport(check.db, CSV_IMPORTS[kind] as unknown as ImportHandler<never>, { path: f.file, content: csv(f.header, [...f.stored, f.fresh]), actor: 'fuzz' });
          assert.equal(ok.created, 1, `${kind}: the unbroken file adds its new row`);
        }
      } finally {
        await check.close();
      }
    });
    for (const kind of Object.keys(FORMATS) as ImportKind[]) {
      await t.test(kind, async () => {
        const f = FORMATS[kind];
        const handler = CSV_IMPORTS[kind] as unknown as ImportHandler<never>;
        const before = await stateCounts(db);
        const started = Date.now();
        await fc.assert(fc.asyncProperty(brokenFiles(f, handler.spec), (c) => refused(db, handler, f.file, c)), { numRuns: FUZZ_RUNS, ...(FUZZ_SEED !== undefined ? { seed: FUZZ_SEED } : {}) });
        assert.deepEqual(await stateCounts(db), before, `${kind}: a refused file wrote something`);
        t.diagnostic(`${kind}: ${FUZZ_RUNS} broken files refused in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      });
    }
  } finally {
    await close();
  }
});

test(`CSV imports: a large file with one bad line anywhere is refused at that line (${STORE})`, async () => {
  const { db, close } = await freshDb();
  try {
    await world(db);
    const before = await stateCounts(db);
    const rows = 20_000;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: rows - 1 }), fc.constantFrom<'budgethouders' | 'declaraties'>('budgethouders', 'declaraties'), async (bad, kind) => {
        const lines: string[] = [];
        for (let i = 0; i < rows; i++) {
          const bsn = i === bad ? '123456789' : kind === 'budgethouders' ? syntheticBsn(100_000 + i) : HOLDER.a;
          lines.push(kind === 'budgethouders' ? `${bsn},Houder ${i},1980-01-01` : claimLine(`BIG-${i}`, bsn, 'ZV1', '2026-10-08', '1', '30.00', { agreement: 'W-ZOK-A' }));
        }
        const file = `${kind}.csv`;
        await refused(db, CSV_IMPORTS[kind] as unknown as ImportHandler<never>, file, {
          what: `${rows} rows, bad BSN on line ${bad + 2}`,
          content: Buffer.from(csv(kind === 'budgethouders' ? 'bsn,naam,geboortedatum' : CLAIM_HEADER, lines)),
          line: bad + 2,
          columns: ['bsn'],
        });
      }),
      { numRuns: 6, ...(FUZZ_SEED !== undefined ? { seed: FUZZ_SEED } : {}) },
    );
    assert.deepEqual(await stateCounts(db), before);
  } finally {
    await close();
  }
});
