/**
 * Imports larger than one statement: the parties, allocations and agreements are written in
 * slices of 10,000 rows (`slices`, db/connection.ts), in one transaction. A generated country of
 * 10,500 holders has more than 10,000 rows in every large file: every row is stored once, in file
 * order, with its version, budget and booking, and the same files again change nothing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshDb, STORE } from '../support/db.ts';
import { generateFiles } from '../../src/modules/synthetisch/index.ts';
import { runImport } from '../../src/modules/import/index.ts';
import { IMPORTS } from '../../src/app/imports.ts';
import { runLedgerCheck } from '../../src/modules/ledger/index.ts';

test(`imports of more than 10,000 rows are written in slices: every row once, in file order, nothing twice (${STORE})`, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pgb-large-'));
  const { db, close } = await freshDb();
  try {
    const manifest = await generateFiles({ holders: 10_500, seed: 'grote-import', year: 2025, months: 1, dir });
    const files = ['verstrekkers', 'budgethouders', 'zorgverleners', 'toekenningen', 'zorgovereenkomsten'] as const;
    for (const kind of ['budgethouders', 'zorgverleners', 'toekenningen', 'zorgovereenkomsten'] as const) {
      assert.ok(manifest.aantallen[kind]! > 10_000, `${kind}: ${manifest.aantallen[kind]}`);
    }
    const now = new Date('2025-01-02T08:00:00Z');
    const imported = async () => {
      const created: Record<string, number> = {};
      for (const kind of files) {
        const path = join(dir, `${kind}.csv`);
        const s = await runImport(db, IMPORTS[kind]!, { path, content: readFileSync(path), actor: 'test', now });
        created[kind] = s.created;
      }
      return created;
    };
    assert.deepEqual(await imported(), Object.fromEntries(files.map((k) => [k, manifest.aantallen[k]])));

    const count = async (sql: string) => (await db.query<{ n: number }>(sql)).rows[0]!.n;
    assert.equal(await count(`SELECT count(*)::int AS n FROM budgethouders`), manifest.aantallen.budgethouders);
    assert.equal(await count(`SELECT count(*)::int AS n FROM zorgverleners`), manifest.aantallen.zorgverleners);
    assert.equal(await count(`SELECT count(*)::int AS n FROM toekenningen`), manifest.aantallen.toekenningen);
    assert.equal(await count(`SELECT count(*)::int AS n FROM zorgovereenkomsten`), manifest.aantallen.zorgovereenkomsten);
    // each agreement has its first version, each allocation its budget
    assert.equal(await count(`SELECT count(*)::int AS n FROM zorgovereenkomst_versies WHERE versie = 1`), manifest.aantallen.zorgovereenkomsten);
    assert.equal(await count(`SELECT count(*)::int AS n FROM toekenningen t WHERE NOT EXISTS (SELECT 1 FROM budgetten b WHERE b.budget_id = t.budget_id)`), 0);
    // the holders got their client numbers in file order, across the slices
    const bsns = readFileSync(join(dir, 'budgethouders.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[0]!);
    const byNumber = await db.query<{ bsn: string }>(`SELECT bsn FROM budgethouders ORDER BY clientnummer`);
    assert.deepEqual(byNumber.rows.map((r) => r.bsn), bsns);

    // the same files again: nothing new, nothing booked twice
    const entries = await count(`SELECT count(*)::int AS n FROM journaalposten`);
    assert.deepEqual(await imported(), Object.fromEntries(files.map((k) => [k, 0])));
    assert.equal(await count(`SELECT count(*)::int AS n FROM journaalposten`), entries);
    assert.ok((await runLedgerCheck(db)).ok);
  } finally {
    await close();
    rmSync(dir, { recursive: true, force: true });
  }
});
