/**
 * The CSV layer shared by every import: UTF-8 (a byte-order mark tolerated), comma-separated,
 * RFC 4180 quoting, a header row with named columns in any order. A missing required column or an
 * unknown one is an error. Every problem is reported as `file:line: column: what is wrong`.
 *
 * `readCsv` only splits the text; `RowReader` turns one record's fields into typed values and
 * collects every problem instead of stopping at the first, so that a file is checked whole.
 */
import { parse as parseSync } from 'csv-parse/sync';
import { parse } from 'csv-parse';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { InputProblem } from './errors.ts';
import { parseDate, parseMoment, type PlainDate } from './dates.ts';
import { parseEuros, parseQuantity, type Cents, type Quarters } from './money.ts';
import { isValidAgb, isValidBsn, isValidKvk, normalizeIban } from './identifiers.ts';

export interface CsvSpec {
  required: readonly string[];
  optional: readonly string[];
}

export interface CsvRecord {
  line: number;
  values: Record<string, string>;
}

export interface CsvResult {
  records: CsvRecord[];
  problems: InputProblem[];
}

/** Largest field accepted; longer fields are an error rather than a memory risk. */
export const MAX_FIELD_LENGTH = 4096;

export function readCsv(file: string, input: string | Buffer, spec: CsvSpec): CsvResult {
  const problems: InputProblem[] = [];
  let text: string;
  if (typeof input === 'string') text = input;
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      return { records: [], problems: [{ file, line: firstBadUtf8Line(input), column: '-', message: NOT_UTF8 }] };
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') {
    return { records: [], problems: [{ file, line: 1, column: '-', message: 'het bestand is leeg; een kopregel ontbreekt' }] };
  }
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parseSync(text, {
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      max_record_size: MAX_FIELD_LENGTH * 64,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (e) {
    const err = e as { lines?: number; message?: string; code?: string };
    return {
      records: [],
      problems: [{ file, line: err.lines ?? 1, column: '-', message: `onleesbare CSV: ${csvMessage(err.code ?? '', err.message ?? '')}` }],
    };
  }
  const [header, ...body] = rows;
  if (!header) return { records: [], problems: [{ file, line: 1, column: '-', message: 'een kopregel ontbreekt' }] };
  const names = checkHeader(file, header.record, header.info.lines, spec, problems);
  if (problems.length > 0) return { records: [], problems };
  const records: CsvRecord[] = [];
  for (const row of body) {
    const record = checkRow(file, names, row.record, row.info.lines, problems);
    if (record) records.push(record);
  }
  return { records, problems };
}

const NOT_UTF8 = 'het bestand is geen geldige UTF-8';

/**
 * The line (1-based, counted from `before` lines) of the first byte sequence in `bytes` that is
 * not UTF-8. A line break never occurs inside a multi-byte character, so each line decodes alone.
 */
export function firstBadUtf8Line(bytes: Uint8Array, before = 0): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let start = 0;
  let line = before + 1;
  for (;;) {
    const end = bytes.indexOf(0x0a, start);
    try {
      decoder.decode(bytes.subarray(start, end < 0 ? bytes.length : end));
    } catch {
      return line;
    }
    if (end < 0) return before + 1;
    start = end + 1;
    line++;
  }
}

/** Raised inside `scanCsv` when a piece of the file is not UTF-8: the line where it is. */
class NotUtf8 extends Error {
  readonly line: number;
  constructor(line: number) {
    super(NOT_UTF8);
    this.line = line;
  }
}

// control characters other than tab and line breaks: never in a text a person wrote, and NUL is refused by PostgreSQL
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** What is wrong with a field whatever its column (too long, a control character), or undefined. */
export function fieldProblem(v: string): string | undefined {
  if (v.length > MAX_FIELD_LENGTH) return `veld langer dan ${MAX_FIELD_LENGTH} tekens`;
  const c = CONTROL.exec(v);
  if (c) return `bevat een stuurteken (U+${c[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}) op positie ${c.index + 1}`;
  return undefined;
}

/** The header's column names; every unknown, repeated or missing column is a problem. */
function checkHeader(file: string, header: string[], line: number, spec: CsvSpec, problems: InputProblem[]): string[] {
  const names = header.map((h) => h.trim());
  const known = new Set([...spec.required, ...spec.optional]);
  const seen = new Set<string>();
  for (const name of names) {
    if (!known.has(name)) problems.push({ file, line, column: name || '(leeg)', message: 'onbekende kolom' });
    else if (seen.has(name)) problems.push({ file, line, column: name, message: 'kolom komt twee keer voor' });
    seen.add(name);
  }
  for (const name of spec.required) {
    if (!seen.has(name)) problems.push({ file, line, column: name, message: 'verplichte kolom ontbreekt' });
  }
  return names;
}

/** One row as a record, or undefined with its problems (field count, field length). */
function checkRow(file: string, names: string[], fields: string[], line: number, problems: InputProblem[]): CsvRecord | undefined {
  if (fields.length !== names.length) {
    problems.push({ file, line, column: '-', message: `${fields.length} velden waar de kopregel er ${names.length} heeft` });
    return undefined;
  }
  const values: Record<string, string> = {};
  let ok = true;
  for (let i = 0; i < names.length; i++) {
    const v = fields[i]!;
    const wrong = fieldProblem(v);
    if (wrong) {
      problems.push({ file, line, column: names[i]!, message: wrong });
      ok = false;
    }
    values[names[i]!] = v.trim();
  }
  return ok ? { line, values } : undefined;
}

/**
 * `readCsv` for large files: the same checks and messages, but each record is handed to `onRecord`
 * as it is read instead of being kept, and a file is read from disk in pieces. Returns the problems
 * of the format and the file's SHA-256.
 */
export async function scanCsv(
  file: string,
  source: { path: string } | { content: string | Buffer },
  spec: CsvSpec,
  onRecord: (record: CsvRecord) => void,
): Promise<{ problems: InputProblem[]; sha256: string }> {
  const problems: InputProblem[] = [];
  const hash = createHash('sha256');
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let started = false;
  let blank = true;
  let linesBefore = 0; // line breaks in the pieces fed so far, up to the last one
  let tail: Buffer = Buffer.alloc(0); // the bytes after that last line break
  let names: string[] | undefined;
  const parser = parse({ relax_column_count: true, skip_empty_lines: true, info: true, max_record_size: MAX_FIELD_LENGTH * 64 });
  const chunks: AsyncIterable<Buffer> | Iterable<Buffer> =
    'path' in source ? createReadStream(source.path, { highWaterMark: 1 << 20 }) : [typeof source.content === 'string' ? Buffer.from(source.content) : source.content];
  const feed = (async () => {
    try {
      for await (const raw of chunks) {
        let chunk = raw;
        hash.update(chunk);
        if (!started) {
          started = true;
          if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
        }
        const piece = tail.length > 0 ? Buffer.concat([tail, chunk]) : chunk;
        try {
          utf8.decode(chunk, { stream: true }); // throws on a byte sequence that is not UTF-8
        } catch {
          throw new NotUtf8(firstBadUtf8Line(piece, linesBefore));
        }
        const lastBreak = piece.lastIndexOf(0x0a);
        if (lastBreak >= 0) {
          for (let i = piece.indexOf(0x0a); i >= 0 && i <= lastBreak; i = piece.indexOf(0x0a, i + 1)) linesBefore++;
          tail = piece.subarray(lastBreak + 1);
        } else tail = piece;
        if (tail.length > 64) {
          // only the line's last bytes matter (a character cut by the piece's end): keep a few, from a character's start
          let from = tail.length - 8;
          while (from < tail.length && (tail[from]! & 0xc0) === 0x80) from++;
          tail = tail.subarray(from);
        }
        if (blank && !/^\s*$/.test(chunk.toString('utf8'))) blank = false;
        if (parser.destroyed) return;
        if (!parser.write(chunk)) {
          await new Promise<void>((r) => {
            const done = () => {
              parser.off('drain', done);
              parser.off('close', done);
              r();
            };
            parser.on('drain', done);
            parser.on('close', done);
          });
        }
      }
      try {
        utf8.decode();
      } catch {
        throw new NotUtf8(linesBefore + 1);
      }
      if (!parser.destroyed) parser.end();
    } catch (e) {
      parser.destroy(e as Error);
    }
  })();
  try {
    for await (const row of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (!names) {
        names = checkHeader(file, row.record, row.info.lines, spec, problems);
        if (problems.length > 0) break;
        continue;
      }
      const record = checkRow(file, names, row.record, row.info.lines, problems);
      if (record) onRecord(record);
    }
  } catch (e) {
    if (e instanceof NotUtf8) return { problems: [{ file, line: e.line, column: '-', message: NOT_UTF8 }], sha256: '' };
    const err = e as { lines?: number; message?: string; code?: string };
    if (!err.code?.startsWith('CSV_') && !/quote/i.test(err.message ?? '')) throw e; // not the file's format (a missing file, a read error)
    return { problems: [{ file, line: err.lines ?? 1, column: '-', message: `onleesbare CSV: ${csvMessage(err.code ?? '', err.message ?? '')}` }], sha256: '' };
  }
  parser.destroy();
  await feed;
  if (blank) return { problems: [{ file, line: 1, column: '-', message: 'het bestand is leeg; een kopregel ontbreekt' }], sha256: '' };
  if (!names && problems.length === 0) problems.push({ file, line: 1, column: '-', message: 'een kopregel ontbreekt' });
  return { problems, sha256: hash.digest('hex') };
}

/** csv-parse's error codes in words a person can act on. */
function csvMessage(code: string, message: string): string {
  if (/QUOTE/.test(code) || /quote/i.test(message)) return 'aanhalingstekens kloppen niet (RFC 4180)';
  if (code === 'CSV_MAX_RECORD_SIZE') return 'regel te lang';
  if (code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH') return 'aantal velden klopt niet met de kopregel';
  return `${code || 'fout'} op deze regel`;
}

/** Reads typed fields from one record, collecting problems. A method returns undefined on error. */
export class RowReader {
  readonly file: string;
  readonly record: CsvRecord;
  readonly problems: InputProblem[];

  constructor(file: string, record: CsvRecord, problems: InputProblem[]) {
    this.file = file;
    this.record = record;
    this.problems = problems;
  }

  get line(): number {
    return this.record.line;
  }

  problem(column: string, message: string): undefined {
    this.problems.push({ file: this.file, line: this.record.line, column, message });
    return undefined;
  }

  /** The raw value, or undefined when empty (absent). */
  raw(column: string): string | undefined {
    const v = this.record.values[column];
    return v === undefined || v === '' ? undefined : v;
  }

  required(column: string): string | undefined {
    const v = this.raw(column);
    return v === undefined ? this.problem(column, 'verplicht veld is leeg') : v;
  }

  text(column: string, opts: { required: true; max?: number }): string | undefined;
  text(column: string, opts?: { required?: false; max?: number }): string | undefined;
  text(column: string, opts: { required?: boolean; max?: number } = {}): string | undefined {
    const v = opts.required ? this.required(column) : this.raw(column);
    if (v === undefined) return undefined;
    const max = opts.max ?? 200;
    if (v.length > max) return this.problem(column, `langer dan ${max} tekens`);
    return v;
  }

  id(column: string): string | undefined {
    const v = this.required(column);
    if (v === undefined) return undefined;
    if (!/^[A-Za-z0-9][A-Za-z0-9._:\/-]{0,63}$/.test(v)) {
      return this.problem(column, 'een id bestaat uit 1 tot 64 letters, cijfers en . _ : / - en begint met een letter of cijfer');
    }
    return v;
  }

  oneOf<T extends string>(column: string, values: readonly T[], required = true): T | undefined {
    const v = required ? this.required(column) : this.raw(column);
    if (v === undefined) return undefined;
    if (!(values as readonly string[]).includes(v)) return this.problem(column, `'${v}' is niet een van: ${values.join(', ')}`);
    return v as T;
  }

  date(column: string, required = true): PlainDate | undefined {
    const v = required ? this.required(column) : this.raw(column);
    if (v === undefined) return undefined;
    return parseDate(v) ?? this.problem(column, `'${v}' is geen geldige datum (JJJJ-MM-DD)`);
  }

  moment(column: string): Date | undefined {
    const v = this.required(column);
    if (v === undefined) return undefined;
    return parseMoment(v) ?? this.problem(column, `'${v}' is geen geldig tijdstip (ISO 8601 met tijdzone, bijv. 2026-03-02T09:15:00+01:00)`);
  }

  euros(column: string, opts: { required?: boolean; allowZero?: boolean; allowNegative?: boolean } = {}): Cents | undefined {
    const v = opts.required === false ? this.raw(column) : this.required(column);
    if (v === undefined) return undefined;
    const c = parseEuros(v);
    if (c === undefined) return this.problem(column, `'${v}' is geen bedrag in euro's (punt als decimaalteken, hooguit twee decimalen)`);
    if (c < 0 && !opts.allowNegative) return this.problem(column, 'bedrag mag niet negatief zijn');
    if (c === 0 && !opts.allowZero) return this.problem(column, 'bedrag moet groter dan nul zijn');
    return c;
  }

  /** A quantity in steps of 0.25; returns `offGrid` when numeric but not on the grid. */
  quantity(column: string): { quarters: Quarters } | { offGrid: true } | undefined {
    const v = this.required(column);
    if (v === undefined) return undefined;
    return parseQuantity(v) ?? this.problem(column, `'${v}' is geen getal`);
  }

  bsn(column: string, required = true): string | undefined {
    const v = required ? this.required(column) : this.raw(column);
    if (v === undefined) return undefined;
    if (!isValidBsn(v)) return this.problem(column, 'geen geldig BSN (negen cijfers die de elfproef doorstaan)');
    return v;
  }

  iban(column: string, required = true): string | undefined {
    const v = required ? this.required(column) : this.raw(column);
    if (v === undefined) return undefined;
    return normalizeIban(v) ?? this.problem(column, 'geen geldig IBAN (controlegetal of lengte klopt niet)');
  }

  kvk(column: string, required = false): string | undefined {
    const v = required ? this.required(column) : this.raw(column);
    if (v === undefined) return undefined;
    return isValidKvk(v) ? v : this.problem(column, 'een KvK-nummer heeft acht cijfers');
  }

  agb(column: string): string | undefined {
    const v = this.raw(column);
    if (v === undefined) return undefined;
    return isValidAgb(v) ? v : this.problem(column, 'een AGB-code heeft acht cijfers');
  }
}
