/**
 * How every CSV import runs: the file is read and checked whole (format first, then against the
 * database), and only when nothing is wrong is anything written, in one transaction together with
 * its `imports` row and its audit row. Rows whose id is known with the same content are skipped
 * (importing a file twice changes nothing); the same id with other content is an error.
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { readFileSync } from 'node:fs';
import type { Db, Tx } from '../../db/connection.ts';
import { InputError, type InputProblem } from '../../kernel/errors.ts';
import { fieldProblem, readCsv, RowReader, type CsvRecord, type CsvSpec } from '../../kernel/csv.ts';
import { newId } from '../../kernel/ids.ts';
import { writeAudit } from '../audit/index.ts';
import { recheckParkedClaims } from '../declaraties/index.ts';

export interface ParsedRow<R> {
  line: number;
  id: string;
  row: R;
  /** Canonical content, compared with what is stored under the same id. */
  content: string;
}

export interface ApplyContext {
  file: string;
  importId: string;
  actor: string;
  now: Date;
  problems: InputProblem[];
}

export interface ApplyResult {
  created: number;
  /** Holders whose parked claims must be checked again because of this import. */
  recheckHolders?: number[];
  /** Claims that arrived with this import and must be checked (declaraties). */
  checkClaims?: string[];
  /** Claims that arrived with this import and were checked already: how many ended in each status. */
  claims?: Record<string, number>;
}

export interface ImportHandler<R> {
  kind: string;
  spec: CsvSpec;
  idColumn: string;
  /** Pure: one record to a typed row, or undefined with problems added. */
  parse(reader: RowReader): { id: string; row: R; content: string } | undefined;
  /** Checks the rows against the database, adds problems, and (when none) writes them. */
  apply(tx: Tx, rows: ParsedRow<R>[], ctx: ApplyContext): Promise<ApplyResult>;
  /**
   * For files too large to hold whole (declaraties.csv): reads, checks and writes the file itself,
   * with the same checks and messages, and calls `record` in its transaction for the imports and
   * audit rows.
   */
  importFile?(
    db: Db,
    opts: { file: string; source: { path: string } | { content: string | Buffer }; actor: string; now: Date },
    record: (tx: Tx, s: FileImport) => Promise<void>,
  ): Promise<FileImport>;
}

export interface FileImport {
  importId: string;
  file: string;
  rows: number;
  created: number;
  sha256: string;
  claims?: Record<string, number>;
}

export interface ImportSummary {
  importId: string;
  kind: string;
  file: string;
  rows: number;
  created: number;
  skipped: number;
  claims?: Record<string, number>;
}

export async function runImport<R>(
  db: Db,
  handler: ImportHandler<R>,
  opts: { path: string; content?: Buffer | string; actor: string; now?: Date },
): Promise<ImportSummary> {
  const file = basename(opts.path);
  if (handler.importFile) {
    const now = opts.now ?? new Date();
    const source = opts.content !== undefined ? { content: opts.content } : { path: opts.path };
    const s = await handler.importFile(db, { file, source, actor: opts.actor, now }, (tx, r) => recordImport(tx, handler.kind, r, opts.actor, now));
    return { importId: s.importId, kind: handler.kind, file, rows: s.rows, created: s.created, skipped: 0, ...(s.claims ? { claims: s.claims } : {}) };
  }
  const content = opts.content ?? readFileSync(opts.path);
  const { records, problems } = readCsv(file, content, handler.spec);
  const sha256 = createHash('sha256').update(content).digest('hex');
  return importRecords(db, handler, { file, records, problems, sha256, actor: opts.actor, ...(opts.now ? { now: opts.now } : {}) });
}

/**
 * The same rows as objects (the JSON API): each object's fields are the file's columns, with the
 * same text values, so that an object gets exactly the checks and messages of a CSV row. The
 * `line` of a problem is the object's position (1-based) in the request.
 */
export async function importObjects<R>(
  db: Db,
  handler: ImportHandler<R>,
  opts: { source: string; objects: Record<string, string | null | undefined>[]; actor: string; now?: Date },
): Promise<ImportSummary> {
  const known = new Set([...handler.spec.required, ...handler.spec.optional]);
  const problems: InputProblem[] = [];
  const records: CsvRecord[] = opts.objects.map((o, i) => {
    const values: Record<string, string> = {};
    for (const [k, v] of Object.entries(o)) {
      if (!known.has(k)) problems.push({ file: opts.source, line: i + 1, column: k, message: 'onbekend veld' });
      values[k] = v === null || v === undefined ? '' : String(v).trim();
      const wrong = fieldProblem(values[k]);
      if (wrong) problems.push({ file: opts.source, line: i + 1, column: k, message: wrong });
    }
    for (const k of handler.spec.optional) values[k] ??= '';
    for (const k of handler.spec.required) if (!(k in values)) values[k] = '';
    return { line: i + 1, values };
  });
  const sha256 = createHash('sha256').update(JSON.stringify(opts.objects)).digest('hex');
  return importRecords(db, handler, { file: opts.source, records, problems, sha256, actor: opts.actor, ...(opts.now ? { now: opts.now } : {}) });
}

async function importRecords<R>(
  db: Db,
  handler: ImportHandler<R>,
  opts: { file: string; records: CsvRecord[]; problems: InputProblem[]; sha256: string; actor: string; now?: Date },
): Promise<ImportSummary> {
  const { file, records, problems, sha256 } = opts;
  const now = opts.now ?? new Date();
  const rows: ParsedRow<R>[] = [];
  const firstLine = new Map<string, number>();
  for (const record of records) {
    const reader = new RowReader(file, record, problems);
    const parsed = handler.parse(reader);
    if (!parsed) continue;
    rows.push({ line: record.line, ...parsed });
  }
  // the file's records are in `rows` now: let go of them before the database work (251,384
  // agreements are about 200 MB of records)
  records.length = 0;
  // the same id twice in one file: allowed only for claim lines (handled by that handler)
  if (handler.kind !== 'declaraties') {
    for (const r of rows) {
      const seen = firstLine.get(r.id);
      if (seen !== undefined) problems.push({ file, line: r.line, column: handler.idColumn, message: `id '${r.id}' staat al op regel ${seen}` });
      else firstLine.set(r.id, r.line);
    }
  }
  if (problems.length > 0) throw new InputError(sortProblems(problems));
  const importId = newId('imp');
  return db.transaction(async (tx) => {
    const ctx: ApplyContext = { file, importId, actor: opts.actor, now, problems: [] };
    const result = await handler.apply(tx, rows, ctx);
    if (ctx.problems.length > 0) throw new InputError(sortProblems(ctx.problems));
    const summary: ImportSummary = {
      importId,
      kind: handler.kind,
      file,
      rows: rows.length,
      created: result.created,
      skipped: handler.kind === 'declaraties' ? 0 : rows.length - result.created,
    };
    await tx.query(
      `INSERT INTO imports (import_id, soort, bestand, sha256, rijen, nieuw, actor, op) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [importId, handler.kind, file, sha256, rows.length, result.created, opts.actor, now],
    );
    if (result.claims) summary.claims = result.claims;
    if (result.checkClaims && result.checkClaims.length > 0) {
      summary.claims = await recheckParkedClaims(tx, { claimIds: result.checkClaims, actor: opts.actor, now, cause: `import ${importId}` });
    }
    if (result.recheckHolders && result.recheckHolders.length > 0) {
      const rechecked = await recheckParkedClaims(tx, { holderIds: result.recheckHolders, actor: opts.actor, now, cause: `import ${importId} (${handler.kind})` });
      if (Object.keys(rechecked).length > 0) summary.claims = rechecked;
    }
    await writeAudit(tx, {
      actor: opts.actor,
      action: `import.${handler.kind}`,
      subject: importId,
      reason: `bestand ${file}`,
      details: { file, sha256, rows: rows.length, created: result.created, claims: summary.claims ?? null },
      at: now,
    });
    return summary;
  });
}

/** The `imports` row and the audit row of a file read by its handler's `importFile`. */
async function recordImport(tx: Tx, kind: string, s: FileImport, actor: string, now: Date): Promise<void> {
  await tx.query(
    `INSERT INTO imports (import_id, soort, bestand, sha256, rijen, nieuw, actor, op) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [s.importId, kind, s.file, s.sha256, s.rows, s.created, actor, now],
  );
  await writeAudit(tx, {
    actor,
    action: `import.${kind}`,
    subject: s.importId,
    reason: `bestand ${s.file}`,
    details: { file: s.file, sha256: s.sha256, rows: s.rows, created: s.created, claims: s.claims ?? null },
    at: now,
  });
}

function sortProblems(problems: InputProblem[]): InputProblem[] {
  return [...problems].sort((a, b) => a.line - b.line);
}
