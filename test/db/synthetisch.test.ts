/**
 * A small synthetic country (issue #6) read through the real imports, bank statement, monthly pay
 * and payment runs, in the order of its manifest: every file imports cleanly, and every claim gets
 * the outcome the generator expects at the moment its month's claims are read.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshDb, STORE } from '../support/db.ts';
import { generateFiles } from '../../src/modules/synthetisch/index.ts';
import { runStep, stepClock } from '../../src/modules/synthetisch/run-steps.ts';
import { runLedgerCheck } from '../../src/modules/ledger/index.ts';

test(`a generated country imports cleanly and every claim gets its expected outcome (${STORE})`, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pgb-synth-'));
  const { db, close } = await freshDb();
  try {
    const manifest = await generateFiles({ holders: 50, seed: 'db-test', year: 2025, months: 4, dir, expectations: true, defectFactor: 6 });
    assert.ok(manifest.aantallen.declaraties! > 100);
    const seen = new Set<string>();
    for (const step of manifest.stappen) {
      const now = stepClock(manifest.stappen, step);
      await runStep(db, step, { dir, actor: 'test', debtor: { name: 'Test Betaalbureau', iban: 'NL91ABNA0417164300' }, now });
      if (step.kind === 'import' && step.args[1] === 'declaraties') {
        const month = step.args[2]!.slice('declaraties-'.length, -'.csv'.length);
        const expected = readFileSync(join(dir, `verwacht-${month}.csv`), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
        const r = await db.query<{ declaratie_id: string; status: string; reden: string | null }>(
          `SELECT declaratie_id, status, reden FROM declaraties WHERE declaratie_id = ANY($1::text[])`,
          [expected.map((e) => e[0])],
        );
        const actual = new Map(r.rows.map((x) => [x.declaratie_id, x.reden ?? x.status]));
        const wrong = expected.filter(([id, want]) => actual.get(id!) !== want).map(([id, want]) => `${id}: ${actual.get(id!)} in plaats van ${want}`);
        assert.deepEqual(wrong, [], `declaraties-${month}`);
        for (const [, want] of expected) seen.add(want!);
      }
    }
    // every defect of 2015 occurs at this scale (with the defect factor)
    for (const code of ['goedgekeurd', 'BUDGET_ONTOEREIKEND', 'MAXIMUMTARIEF_OVERSCHREDEN', 'DUBBELE_DECLARATIE', 'ONGELDIG', 'GEEN_ZORGOVEREENKOMST', 'GEEN_TOEKENNING', 'ZORGOVEREENKOMST_NIET_GEACCORDEERD']) {
      assert.ok(seen.has(code), `${code} komt niet voor`);
    }
    const paid = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM declaraties WHERE status = 'betaald'`);
    assert.ok(paid.rows[0]!.n > 100);
    assert.ok((await runLedgerCheck(db)).ok);
  } finally {
    await close();
    rmSync(dir, { recursive: true, force: true });
  }
});
