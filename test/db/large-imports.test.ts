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
import { AGREEMENT_HEADER, ALLOCATION_HEADER, CLAIM_HEADER, HOLDER, agreement, allocation, claimLine, csv, load, loadParties } from '../support/factories.ts';

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

test(`a claim's lines apart in the file are read as one claim, in file order; received in order of time, then line (${STORE})`, async () => {
  const { db, close } = await freshDb();
  try {
    await loadParties(db);
    await load(db, 'toekenningen', csv(ALLOCATION_HEADER, [allocation('T-A', HOLDER.a, 'WMO_HH', '2026-01-01', '2026-12-31', '1000.00')]));
    await load(db, 'zorgovereenkomsten', csv(AGREEMENT_HEADER, [agreement('Z-A', HOLDER.a, 'ZV1', 'WMO_HH')]));
    const at = (t: string) => ({ received: `2026-11-02T${t}:00+01:00` });
    const s = await load(db, 'declaraties', csv(CLAIM_HEADER, [
      claimLine('L1', HOLDER.a, 'ZV1', '2026-10-07', '2', '30.00', at('10:00')),
      claimLine('L2', HOLDER.a, 'ZV1', '2026-10-05', '1.5', '30.00', at('09:00')),
      claimLine('L1', HOLDER.a, 'ZV1', '2026-10-03', '0.25', '30.00', at('10:00')),
      claimLine('L3', HOLDER.a, 'ZV1', '2026-10-06', '1', '30.00', at('10:00')),
      claimLine('L1', HOLDER.a, 'ZV1', '2026-10-09', '3', '30.00', at('10:00')),
    ]));
    assert.equal(s.created, 3);
    const lines = await db.query<{ declaratie_id: string; regelnr: number; datum: string; kwartieren: number | null; bedrag: string }>(
      `SELECT declaratie_id, regelnr, to_char(datum, 'YYYY-MM-DD') AS datum, kwartieren, bedrag::text FROM declaratieregels ORDER BY declaratie_id, regelnr`,
    );
    assert.deepEqual(lines.rows.map((r) => `${r.declaratie_id}/${r.regelnr} ${r.datum} ${r.kwartieren} ${r.bedrag}`), [
      'L1/1 2026-10-07 8 6000',
      'L1/2 2026-10-03 1 750',
      'L1/3 2026-10-09 12 9000',
      'L2/1 2026-10-05 6 4500',
      'L3/1 2026-10-06 4 3000',
    ]);
    // receipt order: L2 came first (09:00); L1 and L3 at 10:00 in the order of their first line
    const order = await db.query<{ declaratie_id: string }>(`SELECT declaratie_id FROM declaraties ORDER BY volgnummer`);
    assert.deepEqual(order.rows.map((r) => r.declaratie_id), ['L2', 'L1', 'L3']);
    // the same file again: nothing new; the claim with a line less is another claim under the same id
    const again = await load(db, 'declaraties', csv(CLAIM_HEADER, [
      claimLine('L1', HOLDER.a, 'ZV1', '2026-10-07', '2', '30.00', at('10:00')),
      claimLine('L1', HOLDER.a, 'ZV1', '2026-10-03', '0.25', '30.00', at('10:00')),
      claimLine('L1', HOLDER.a, 'ZV1', '2026-10-09', '3', '30.00', at('10:00')),
    ]));
    assert.equal(again.created, 0);
    await assert.rejects(
      load(db, 'declaraties', csv(CLAIM_HEADER, [claimLine('L1', HOLDER.a, 'ZV1', '2026-10-07', '2', '30.00', at('10:00'))])),
      (e: Error & { problems?: { line: number; message: string }[] }) => /L1' is al ontvangen met andere inhoud/.test(JSON.stringify(e.problems)),
    );
  } finally {
    await close();
  }
});
