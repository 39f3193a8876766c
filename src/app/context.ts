/** Opens the database named by the configuration and brings its schema up to date. */
import { resolve } from 'node:path';
import type { Config } from '../config/index.ts';
import { openDb, type Db } from '../db/connection.ts';
import { migrate } from '../db/migrate.ts';

export function dbTarget(config: Config): string {
  return config.databaseUrl ?? resolve(config.dataDir);
}

export async function openAppDb(config: Config): Promise<Db> {
  const db = await openDb({ target: dbTarget(config) });
  await migrate(db);
  return db;
}
