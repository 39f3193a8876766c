/**
 * Database tests run on the store that DATABASE_URL names: a PostgreSQL server (each test gets a
 * fresh database of its own, dropped afterwards) or, when it is unset, PGlite in memory.
 * `scripts/test.sh` runs the database tests once on each.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type Db } from '../../src/db/connection.ts';
import { migrate } from '../../src/db/migrate.ts';

export const POSTGRES_URL = process.env.DATABASE_URL && /^postgres/.test(process.env.DATABASE_URL) ? process.env.DATABASE_URL : undefined;
export const STORE = POSTGRES_URL ? 'postgres' : 'pglite';

export interface TestDb {
  db: Db;
  /** What `--db` takes to reach the same database from the command line. */
  target: string;
  close(): Promise<void>;
}

/** A fresh, migrated database. For PGlite a directory target is used when `cli` is true. */
export async function freshDb(opts: { dir?: string } = {}): Promise<TestDb> {
  if (POSTGRES_URL) {
    const name = `pgb_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(POSTGRES_URL);
    url.pathname = `/${name}`;
    const target = url.toString();
    const db = await openDb({ target, poolSize: 20 });
    await migrate(db);
    return {
      db,
      target,
      async close() {
        await db.close();
        const a = new pg.Client({ connectionString: POSTGRES_URL });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await a.end();
      },
    };
  }
  const target = opts.dir ?? 'memory://';
  const db = await openDb({ target });
  await migrate(db);
  return { db, target, close: () => db.close() };
}

/** A fresh, empty database for the command line: a PostgreSQL database, or a PGlite directory. */
export async function freshTarget(): Promise<{ target: string; open: () => Promise<Db>; cleanup: () => Promise<void> }> {
  if (POSTGRES_URL) {
    const t = await freshDb();
    await t.db.close();
    return {
      target: t.target,
      open: () => openDb({ target: t.target }),
      cleanup: async () => {
        const a = new pg.Client({ connectionString: POSTGRES_URL });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS ${new URL(t.target).pathname.slice(1)} WITH (FORCE)`);
        await a.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'pgb-test-'));
  return { target: dir, open: () => openDb({ target: dir }), cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
}

/** Row counts of every table that holds state: to show that a failed command wrote nothing. */
export async function stateCounts(db: Db): Promise<Record<string, number>> {
  const tables = [
    'audit_log', 'imports', 'verstrekkers', 'budgethouders', 'zorgverleners', 'toekenningen', 'budgetten', 'zorgovereenkomsten',
    'zorgovereenkomst_versies', 'declaraties', 'declaratieregels', 'declaratie_gebeurtenissen', 'declaratie_lasten', 'rekeningen',
    'journaalposten', 'boekingen', 'betaalruns', 'betalingen', 'betaalposten', 'bankafschriften', 'bankposten',
    'loonafspraken', 'loonafspraak_versies', 'loonruns', 'loonstroken', 'loonstrook_declaraties', 'loon_lasten',
    // issue #8: dated tables, own amounts, year end, fallback allocations
    'maximumtarieven', 'eigen_bedrag_regels', 'eigen_bedragen', 'eigen_bedrag_lasten', 'budgetafsluitingen', 'voorlopige_toekenningen',
    // issue #8: recoveries
    'vorderingen', 'vordering_verrekeningen', 'vordering_terugbetalingen',
    // issue #8: urgent payments
    'spoedaanvragen', 'spoed_koppelingen', 'spoed_koppelwachtrij',
  ];
  const out: Record<string, number> = {};
  for (const t of tables) {
    const r = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`);
    out[t] = r.rows[0]!.n;
  }
  const s = await db.query<{ s: number }>(`SELECT COALESCE(sum(saldo), 0)::bigint AS s FROM rekeningen`);
  out['sum(saldo)'] = s.rows[0]!.s;
  return out;
}
