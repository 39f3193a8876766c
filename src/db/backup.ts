/**
 * `pgb backup FILE` and `pgb restore FILE`: a whole database to one file and back.
 *
 * - PGlite (a directory): the data directory as a gzipped tarball (PGlite's `dumpDataDir`), loaded
 *   back with `loadDataDir` into a new directory. PGlite is one process: stop `pgb serve` on the
 *   same directory first.
 * - PostgreSQL: `pg_dump --format=custom` and `pg_restore`, which must be on the PATH (Debian:
 *   `apt-get install postgresql-client-15`); without them the command says so and does nothing.
 *   pg_dump reads one consistent snapshot, also while the server runs.
 *
 * The file is written under a temporary name, fsynced and renamed: it is whole or absent. A restore
 * refuses a target that already holds a database unless `force`; a forced PGlite restore builds
 * the new directory beside the old one and swaps them only when it is complete.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { AppError } from '../kernel/errors.ts';

export type BackupKind = 'pglite' | 'postgres';

export interface BackupResult {
  kind: BackupKind;
  file: string;
  bytes: number;
}

const isPostgres = (target: string) => /^postgres(ql)?:\/\//.test(target);

/** What kind of backup a file holds, by its first bytes: pg_dump's custom format, or PGlite's (gzipped) tarball. */
export function backupKindOf(file: string, head: Buffer): BackupKind {
  if (head.subarray(0, 5).toString('latin1') === 'PGDMP') return 'postgres';
  if (head[0] === 0x1f && head[1] === 0x8b) return 'pglite';
  if (head.length >= 262 && head.subarray(257, 262).toString('latin1') === 'ustar') return 'pglite';
  throw new AppError('INVOER_ONGELDIG', `${file} is geen back-up van pgb: geen pg_dump-bestand (custom format) en geen PGlite-tarball`);
}

function writeWhole(path: string, data: Buffer): void {
  const tmp = `${path}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    let off = 0;
    while (off < data.length) off += writeSync(fd, data, off, data.length - off);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  syncDir(dirname(path));
}

function syncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    /* not every platform can fsync a directory */
  }
}

function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Runs a PostgreSQL client program; a missing program is a clear configuration error. */
function runTool(tool: 'pg_dump' | 'pg_restore', args: string[]): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(tool, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') {
        fail(new AppError('CONFIGURATIE', `${tool} staat niet op het PATH: een back-up van PostgreSQL maakt en leest pgb met pg_dump en pg_restore (versie 15 of hoger; Debian: apt-get install postgresql-client-15). Er is niets gedaan.`));
      } else fail(e);
    });
    child.on('close', (code) => {
      if (code === 0) done();
      else fail(new AppError('CONFIGURATIE', `${tool} eindigde met code ${code}: ${stderr.trim().split('\n').slice(-5).join(' | ')}`));
    });
  });
}

function pgliteHasDb(dir: string): boolean {
  return existsSync(join(dir, 'PG_VERSION'));
}

/** Writes a backup of the database at `target` (postgres://… or a PGlite directory) to `file`. */
export async function backupDatabase(target: string, file: string): Promise<BackupResult> {
  const out = resolve(file);
  if (isPostgres(target)) {
    const tmp = `${out}.${process.pid}.tmp`;
    try {
      await runTool('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', '--file', tmp, '--dbname', target]);
      fsyncFile(tmp);
      renameSync(tmp, out);
      syncDir(dirname(out));
    } finally {
      rmSync(tmp, { force: true });
    }
    return { kind: 'postgres', file: out, bytes: readFileSync(out).length };
  }
  const dir = resolve(target);
  if (!pgliteHasDb(dir)) throw new AppError('NIET_GEVONDEN', `in ${dir} staat geen database (geen PG_VERSION)`);
  const p = await PGlite.create(dir);
  let data: Buffer;
  try {
    await p.query('CHECKPOINT');
    data = Buffer.from(await (await p.dumpDataDir('gzip')).arrayBuffer());
  } finally {
    await p.close();
  }
  writeWhole(out, data);
  return { kind: 'pglite', file: out, bytes: data.length };
}

/** Whether the PostgreSQL database at `url` holds any table of its own. */
async function postgresTables(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query<{ n: string }>(`SELECT count(*) AS n FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')`);
    return Number(r.rows[0]!.n);
  } finally {
    await c.end();
  }
}

/** Loads a backup into the database at `target`: refused when it already holds one, unless `force`. */
export async function restoreDatabase(target: string, file: string, opts: { force: boolean }): Promise<{ kind: BackupKind; target: string }> {
  const path = resolve(file);
  if (!existsSync(path)) throw new AppError('NIET_GEVONDEN', `back-up ${file} bestaat niet`);
  const data = readFileSync(path);
  const kind = backupKindOf(basename(path), data.subarray(0, 512));
  if (isPostgres(target)) {
    if (kind !== 'postgres') throw new AppError('INVOER_ONGELDIG', `${basename(path)} is een back-up van PGlite; die gaat terug in een PGlite-map (--db MAP), niet in PostgreSQL`);
    const tables = await postgresTables(target);
    if (tables > 0 && !opts.force) {
      throw new AppError('CONFLICT', `de database ${new URL(target).pathname.slice(1)} is niet leeg (${tables} tabellen); terugzetten overschrijft haar: geef --force, of kies een lege database`);
    }
    await runTool('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', ...(tables > 0 ? ['--clean', '--if-exists'] : []), '--dbname', target, path]);
    return { kind, target };
  }
  if (kind !== 'pglite') throw new AppError('INVOER_ONGELDIG', `${basename(path)} is een pg_dump-back-up van PostgreSQL; die gaat terug in PostgreSQL (--db postgres://…), niet in een PGlite-map`);
  const dir = resolve(target);
  const occupied = existsSync(dir) && readdirSync(dir).length > 0;
  if (occupied && !opts.force) {
    throw new AppError('CONFLICT', `de map ${dir} is niet leeg${pgliteHasDb(dir) ? ' (er staat een database in)' : ''}; terugzetten vervangt haar: geef --force, of kies een lege map`);
  }
  // build the new directory beside the target; swap only when it is complete
  const fresh = `${dir}.herstel-${process.pid}`;
  rmSync(fresh, { recursive: true, force: true });
  try {
    const p = await PGlite.create(fresh, { loadDataDir: new Blob([data]) });
    try {
      const r = await p.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'schema_migraties'`);
      if (r.rows[0]!.n !== 1) throw new AppError('INVOER_ONGELDIG', `${basename(path)} bevat geen database van pgb (geen schema_migraties)`);
    } finally {
      await p.close();
    }
  } catch (e) {
    rmSync(fresh, { recursive: true, force: true });
    throw e;
  }
  const old = `${dir}.oud-${process.pid}`;
  if (existsSync(dir)) renameSync(dir, old);
  renameSync(fresh, dir);
  syncDir(dirname(dir));
  rmSync(old, { recursive: true, force: true });
  return { kind, target: dir };
}
