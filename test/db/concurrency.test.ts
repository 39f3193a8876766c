/**
 * Concurrency: many claims against one budget at once, and two payment runs at once. On
 * PostgreSQL these run in parallel transactions on separate connections; on PGlite (one
 * connection) they take turns, and the outcome must be the same.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { freshDb, STORE } from '../support/db.ts';
import { AGREEMENT_HEADER, ALLOCATION_HEADER, CLAIM_HEADER, HOLDER, agreement, allocation, available, claimLine, csv, load, loadParties } from '../support/factories.ts';
import { runLedgerCheck } from '../../src/modules/ledger/index.ts';
import { runPayments } from '../../src/modules/betalingen/index.ts';

const DEBTOR = { name: 'Test Betaalbureau', iban: 'NL91ABNA0417164300' };

test(`100 concurrent claims against a budget that pays exactly 37 of them (${STORE})`, async () => {
  const { db, close } = await freshDb();
  try {
    await loadParties(db);
    // each claim is 2 h × 30.00 = 60.00; the budget holds 37 × 60.00 + 59.99
    await load(db, 'toekenningen', csv(ALLOCATION_HEADER, [allocation('T-A', HOLDER.a, 'WMO_HH', '2026-01-01', '2026-12-31', '2279.99')]));
    await load(db, 'zorgovereenkomsten', csv(AGREEMENT_HEADER, [agreement('Z-A', HOLDER.a, 'ZV1', 'WMO_HH')]));
    const days = Array.from({ length: 100 }, (_, i) => {
      const d = new Date(Date.UTC(2026, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
      return claimLine(`C${i}`, HOLDER.a, 'ZV1', d, '2', '30.00', { received: '2026-11-02T09:00:00+01:00' });
    });
    const results = await Promise.allSettled(days.map((line, i) => load(db, 'declaraties', csv(CLAIM_HEADER, [line]), `claim-${i}.csv`)));
    const failed = results.filter((r) => r.status === 'rejected');
    assert.equal(failed.length, 0, failed.map((f) => String((f as PromiseRejectedResult).reason)).join('\n'));
    const counts = await db.query<{ status: string; n: number }>(`SELECT status, count(*)::int AS n FROM declaraties GROUP BY status ORDER BY status`);
    assert.deepEqual(Object.fromEntries(counts.rows.map((r) => [r.status, r.n])), { geparkeerd: 63, goedgekeurd: 37 });
    assert.equal(await available(db, 'T-A'), 59_99);
    const reasons = await db.query<{ reden: string }>(`SELECT DISTINCT reden FROM declaraties WHERE status = 'geparkeerd'`);
    assert.deepEqual(reasons.rows, [{ reden: 'BUDGET_ONTOEREIKEND' }]);
    assert.ok((await runLedgerCheck(db)).ok);
  } finally {
    await close();
  }
});

test(`two payment runs started at once: one pays, the other finds nothing (${STORE})`, async () => {
  const { db, close } = await freshDb();
  try {
    await loadParties(db);
    await load(db, 'toekenningen', csv(ALLOCATION_HEADER, [allocation('T-A', HOLDER.a, 'WMO_HH', '2026-01-01', '2026-12-31', '5000.00')]));
    await load(db, 'zorgovereenkomsten', csv(AGREEMENT_HEADER, [agreement('Z-A', HOLDER.a, 'ZV1', 'WMO_HH'), agreement('Z-B', HOLDER.a, 'ZV2', 'WMO_HH', { kind: 'familie', rate: '20.00' })]));
    await load(db, 'declaraties', csv(CLAIM_HEADER, [
      claimLine('C1', HOLDER.a, 'ZV1', '2026-10-05', '2', '30.00'),
      claimLine('C2', HOLDER.a, 'ZV1', '2026-10-06', '1', '30.00'),
      claimLine('C3', HOLDER.a, 'ZV2', '2026-10-06', '4', '20.00'),
    ]));
    const today = new Date().toISOString().slice(0, 10);
    const [a, b] = await Promise.all([
      runPayments(db, { date: '2099-01-02', actor: 'a', debtor: DEBTOR }),
      runPayments(db, { date: '2099-01-02', actor: 'b', debtor: DEBTOR }),
    ]);
    assert.ok(today);
    const paid = [a, b].filter((r) => r.betaalrunId !== null);
    assert.equal(paid.length, 1);
    assert.equal(paid[0]!.payments, 2); // one transfer per provider
    assert.equal(paid[0]!.claims, 3);
    assert.equal(paid[0]!.total, 60_00 + 30_00 + 80_00);
    const inRuns = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM betaalposten`);
    assert.equal(inRuns.rows[0]!.n, 3);
    assert.ok((await runLedgerCheck(db)).ok);
  } finally {
    await close();
  }
});
