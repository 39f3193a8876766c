/**
 * The database: PostgreSQL through `pg`, or PGlite (PostgreSQL compiled to WebAssembly, in-process)
 * as the embedded default. Both speak the same SQL; the rest of the code sees only `Db` and `Tx`.
 */
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import { mkdirSync } from 'node:fs';

export interface QueryResult<T> {
  rows: T[];
  rowCount: number;
}

export interface Queryable {
  /**
   * `prepare`: a name for a statement that runs on every request (fixed text, only its parameters
   * vary): on PostgreSQL outside a transaction it becomes a prepared statement per connection, so it
   * is parsed once and planned from its cached plan. Ignored elsewhere.
   */
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[], opts?: { prepare?: string }): Promise<QueryResult<T>>;
}

/** A connection inside an open transaction. */
export interface Tx extends Queryable {
  readonly kind: 'postgres' | 'pglite';
  /**
   * Bulk load: `COPY table (columns) FROM` rows in PostgreSQL's text format (see `copyText`), on
   * either store (PostgreSQL: COPY FROM STDIN; PGlite: COPY FROM '/dev/blob'). For large set-based
   * writes, where it is several times faster than INSERT … SELECT unnest(…). The text may come in
   * pieces (`copyChunks`), so that a large load never is one string in memory.
   */
  copyFrom(table: string, columns: readonly string[], text: string | Iterable<string>): Promise<void>;
}

const COPY_SPECIAL = /[\\\t\n\r]/;

/** One value in COPY's text format: `\N` for null, backslash escapes for the special characters. */
function copyValue(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (v instanceof Date) return v.toISOString();
  const s = String(v);
  // one native pass per character kind (the backslash first), not a callback per character: a
  // SEPA file of 150 MB has millions of newlines
  return COPY_SPECIAL.test(s) ? s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : s;
}

/** A value in COPY's text format, for a caller that writes a row's fields piece by piece (a long text in slices: escaping is per character). */
export function copyField(v: unknown): string {
  return typeof v === 'string' && !COPY_SPECIAL.test(v) ? v : copyValue(v);
}

/**
 * Rows in COPY's text format as pieces of about `size` characters (joined they are
 * `copyText(rows)`), made as they are read: on PostgreSQL, `copyFrom` sends a piece before the
 * next is made, so a load of millions of rows never has its whole text in memory.
 */
export function* copyChunks(rows: Iterable<readonly unknown[]>, size = 1 << 20): Generator<string> {
  let chunk = '';
  for (const r of rows) {
    chunk += copyText([r]);
    if (chunk.length >= size) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk !== '') yield chunk;
}

/** The rows of `items`, made one at a time as they are read (for `copyChunks`: no array of all rows first). */
export function* rowsOf<T>(items: Iterable<T>, row: (item: T, index: number) => readonly unknown[]): Generator<readonly unknown[]> {
  let i = 0;
  for (const item of items) yield row(item, i++);
}

/** Rows in COPY's text format (tab-separated, one row a line). */
export function copyText(rows: Iterable<readonly unknown[]>): string {
  let out = '';
  for (const r of rows) {
    let line = '';
    for (let i = 0; i < r.length; i++) {
      const v = r[i];
      const text = typeof v === 'string' && !COPY_SPECIAL.test(v) ? v : copyValue(v);
      line = i === 0 ? text : `${line}\t${text}`;
    }
    out += `${line}\n`;
  }
  return out;
}

/**
 * Rows in slices of at most `size`, for statements that take a batch as arrays (`unnest($1…)`).
 * The driver writes each array parameter as one text literal and the whole statement as one
 * message: 251,384 agreements in one INSERT took 440 MB beside the rows themselves. In slices of
 * 10,000 that is a few MB, in the same transaction.
 */
export function* slices<T>(rows: readonly T[], size = 10_000): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

export interface Db extends Queryable {
  readonly kind: 'postgres' | 'pglite';
  readonly description: string;
  /** Runs `fn` in one transaction: committed when it returns, rolled back when it throws. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Runs a script of several statements (migrations). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

// int8 (bigint) → number: all amounts are cents well within 2^53; counts likewise.
pg.types.setTypeParser(20, (v) => Number(v));
// date → plain 'YYYY-MM-DD' string, never a JavaScript Date with a time zone.
pg.types.setTypeParser(1082, (v) => v);

class PostgresDb implements Db {
  readonly kind = 'postgres' as const;
  readonly description: string;
  private readonly pool: pg.Pool;

  constructor(url: string, poolSize: number) {
    // No JIT compilation: the platform's statements are lookups and batch writes that run in
    // milliseconds, and compiling one whose estimated cost passes jit_above_cost took 70–440 ms
    // (EXPLAIN ANALYZE of a claims batch's context, docs/performance.md). PGlite has no JIT.
    this.pool = new pg.Pool({ connectionString: url, max: poolSize, options: '-c jit=off' });
    this.pool.on('error', () => {
      /* an idle client lost its connection; the pool replaces it */
    });
    const u = new URL(url);
    this.description = `PostgreSQL ${u.hostname}:${u.port || 5432}${u.pathname}`;
  }

  async query<T>(sql: string, params: readonly unknown[] = [], opts?: { prepare?: string }): Promise<QueryResult<T>> {
    const r = opts?.prepare ? await this.pool.query({ name: opts.prepare, text: sql, values: params as unknown[] }) : await this.pool.query(sql, params as unknown[]);
    return { rows: r.rows as T[], rowCount: r.rowCount ?? 0 };
  }

  async exec(sql: string): Promise<void> {
    await this.pool.query(sql);
  }

  async transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    const tx: Tx = {
      kind: 'postgres',
      query: async <R>(sql: string, params: readonly unknown[] = []) => {
        const r = await client.query(sql, params as unknown[]);
        return { rows: r.rows as R[], rowCount: r.rowCount ?? 0 };
      },
      copyFrom: async (table, columns, text) => {
        if (text === '' || (Array.isArray(text) && text.length === 0)) return;
        await pipeline(Readable.from(typeof text === 'string' ? [text] : text), client.query(copyStreams.from(`COPY ${table} (${columns.join(', ')}) FROM STDIN`)));
      },
    };
    try {
      await client.query('BEGIN');
      const result = await fn(tx);
      await client.query('COMMIT');
      return result;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

class PgliteDb implements Db {
  readonly kind = 'pglite' as const;
  readonly description: string;
  private readonly pg: PGlite;
  /** PGlite has one connection: transactions take turns. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(pglite: PGlite, description: string) {
    this.pg = pglite;
    this.description = description;
  }

  private turn<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  query<T>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<T>> {
    return this.turn(async () => {
      const r = await this.pg.query<T>(sql, params as unknown[]);
      return { rows: r.rows, rowCount: Math.max(r.affectedRows ?? 0, r.rows.length) };
    });
  }

  exec(sql: string): Promise<void> {
    return this.turn(async () => {
      await this.pg.exec(sql);
    });
  }

  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.turn(() =>
      this.pg.transaction(async (t) => {
        const tx: Tx = {
          kind: 'pglite',
          query: async <R>(sql: string, params: readonly unknown[] = []) => {
            const r = await t.query<R>(sql, params as unknown[]);
            return { rows: r.rows, rowCount: Math.max(r.affectedRows ?? 0, r.rows.length) };
          },
          copyFrom: async (table, columns, text) => {
            if (text === '' || (Array.isArray(text) && text.length === 0)) return;
            await t.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob'`, [], { blob: new Blob(typeof text === 'string' ? [text] : [...text]) });
          },
        };
        return fn(tx);
      }),
    ) as Promise<T>;
  }

  async close(): Promise<void> {
    await this.turn(() => this.pg.close());
  }
}

/** date → plain 'YYYY-MM-DD' string, as for `pg` above. */
const PGLITE_PARSERS = { 1082: (v: string) => v };

export interface OpenOptions {
  /** postgres://… or a directory for PGlite, or `memory://` for a PGlite that keeps nothing. */
  target: string;
  poolSize?: number;
}

export async function openDb(opts: OpenOptions): Promise<Db> {
  const { target } = opts;
  if (/^postgres(ql)?:\/\//.test(target)) return new PostgresDb(target, opts.poolSize ?? 10);
  if (target === 'memory://') {
    const p = await PGlite.create({ parsers: PGLITE_PARSERS });
    return new PgliteDb(p, 'PGlite (in geheugen)');
  }
  mkdirSync(target, { recursive: true });
  const p = await PGlite.create(target, { parsers: PGLITE_PARSERS });
  return new PgliteDb(p, `PGlite ${target}`);
}
