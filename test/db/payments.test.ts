/**
 * Monthly pay, payment runs and their SEPA files, returned transfers and the ledger check.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshDb, freshTarget, STORE } from '../support/db.ts';
import { pgb } from '../support/cli.ts';
import { validateAgainstXsd } from '../support/xsd.ts';
import { AGREEMENT_HEADER, ALLOCATION_HEADER, CLAIM_HEADER, HOLDER, agreement, allocation, available, claimLine, claimStatus, csv, load, loadParties, parties } from '../support/factories.ts';
import { runMonthlyPay } from '../../src/modules/maandloon/index.ts';
import { runLedgerCheck } from '../../src/modules/ledger/index.ts';
import { runPayments } from '../../src/modules/betalingen/index.ts';
import { payableClaims } from '../../src/modules/betalingen/repo.ts';
import { AppError } from '../../src/kernel/errors.ts';

const XSD = new URL('../../standards/pain.001.001.09.xsd', import.meta.url).pathname;

test(`monthly pay: pro rata, once per month, parked when the budget is short (${STORE})`, async () => {
  const { db, close } = await freshDb();
  try {
    await loadParties(db);
    await load(db, 'toekenningen', csv(ALLOCATION_HEADER, [
      allocation('T-A', HOLDER.a, 'WLZ', '2026-01-01', '2026-12-31', '10000.00', '', 'ZK0001'),
      allocation('T-B', HOLDER.b, 'WLZ', '2026-01-01', '2026-12-31', '100.00', '', 'ZK0001'),
    ]));
    await load(db, 'zorgovereenkomsten', csv(AGREEMENT_HEADER, [
      agreement('Z-A', HOLDER.a, 'ZV2', 'WLZ', { kind: 'arbeidsovereenkomst', from: '2026-02-16', unit: 'maand', rate: '1850.00', monthly: '1850.00' }),
      agreement('Z-B', HOLDER.b, 'ZV2', 'WLZ', { kind: 'arbeidsovereenkomst', from: '2026-01-01', unit: 'maand', rate: '900.00', monthly: '900.00' }),
      agreement('Z-C', HOLDER.c, 'ZV2', 'WLZ', { kind: 'arbeidsovereenkomst', from: '2026-01-01', unit: 'maand', rate: '900.00', monthly: '900.00', status: 'ingediend' }),
    ]));
    const now = new Date('2026-03-02T10:00:00+01:00');
    const feb = await runMonthlyPay(db, { month: '2026-02', actor: 'test', now });
    assert.equal(feb.created, 2); // Z-C is not approved
    // Z-A from 16 February: 13 of 28 days of 1850.00 = 858.928… → 858.93
    const amounts = await db.query<{ declaratie_id: string; bedrag: number }>(`SELECT declaratie_id, bedrag FROM declaraties ORDER BY declaratie_id`);
    assert.deepEqual(amounts.rows, [
      { declaratie_id: 'mnd:Z-A:2026-02', bedrag: 858_93 },
      { declaratie_id: 'mnd:Z-B:2026-02', bedrag: 900_00 },
    ]);
    assert.deepEqual(await claimStatus(db), { 'mnd:Z-A:2026-02': 'goedgekeurd', 'mnd:Z-B:2026-02': 'geparkeerd:BUDGET_ONTOEREIKEND' });
    const again = await runMonthlyPay(db, { month: '2026-02', actor: 'test', now });
    assert.equal(again.created, 0);
    await assert.rejects(runMonthlyPay(db, { month: '2026-03', actor: 'test', now }), (e: unknown) => e instanceof AppError && /nog niet voorbij/.test(e.message));
    assert.equal(await available(db, 'T-A'), 10000_00 - 858_93);
    assert.ok((await runLedgerCheck(db)).ok);
  } finally {
    await close();
  }
});

test(`payment run from the command line: a valid SEPA file, one transfer per provider, traceable (${STORE})`, async () => {
  const t = await freshTarget();
  const dir = mkdtempSync(join(tmpdir(), 'pgb-pay-'));
  const file = (name: string, content: string) => {
    writeFileSync(join(dir, name), content);
    return join(dir, name);
  };
  try {
    for (const [kind, content] of Object.entries(parties)) assert.equal((await pgb(t.target, 'import', kind, file(`${kind}.csv`, content))).code, 0);
    assert.equal((await pgb(t.target, 'import', 'toekenningen', file('t.csv', csv(ALLOCATION_HEADER, [
      allocation('T-A', HOLDER.a, 'WMO_HH', '2026-01-01', '2026-12-31', '5000.00'),
      allocation('T-B', HOLDER.b, 'WMO_HH', '2026-01-01', '2026-12-31', '5000.00'),
    ])))).code, 0);
    assert.equal((await pgb(t.target, 'import', 'zorgovereenkomsten', file('z.csv', csv(AGREEMENT_HEADER, [
      agreement('Z-A', HOLDER.a, 'ZV1', 'WMO_HH'),
      agreement('Z-B', HOLDER.b, 'ZV1', 'WMO_HH'),
      agreement('Z-C', HOLDER.b, 'ZV3', 'WMO_HH', { rate: '60.00', kind: 'instelling' }),
    ])))).code, 0);
    const claims = await pgb(t.target, 'import', 'declaraties', file('d.csv', csv(CLAIM_HEADER, [
      claimLine('C1', HOLDER.a, 'ZV1', '2026-09-28', '2', '30.00'),
      claimLine('C1', HOLDER.a, 'ZV1', '2026-10-05', '2', '30.00'),
      claimLine('C2', HOLDER.b, 'ZV1', '2026-10-06', '1.25', '30.00'),
      claimLine('C3', HOLDER.b, 'ZV3', '2026-10-07', '3', '60.00'),
    ])));
    assert.equal(claims.code, 0, claims.err);
    assert.match(claims.out, /3 goedgekeurd/);

    const past = await pgb(t.target, 'betaalrun', '--datum', '2020-01-02', '--sepa', join(dir, 'x.xml'));
    assert.equal(past.code, 1);
    assert.match(past.err, /ligt in het verleden/);

    const run = await pgb(t.target, 'betaalrun', '--datum', '2099-01-02', '--sepa', join(dir, 'run1.xml'));
    assert.equal(run.code, 0, run.err);
    assert.match(run.out, /2 overboeking\(en\) voor 3 declaratie\(s\), samen 337\.50/); // 120 + 37.50 + 180
    const xml = readFileSync(join(dir, 'run1.xml'), 'utf8');
    const v = await validateAgainstXsd(xml, XSD);
    assert.ok(v.valid, v.errors.join('\n'));
    assert.match(xml, /<NbOfTxs>2<\/NbOfTxs>/);
    assert.match(xml, /<CtrlSum>337\.50<\/CtrlSum>/);
    assert.match(xml, /<ReqdExctnDt>\s*<Dt>2099-01-02<\/Dt>/);
    assert.ok(!xml.includes(HOLDER.a) && !xml.includes(HOLDER.b), 'no BSN in the payment file');
    // the remittance names client numbers and periods: ZV1 got C1 (holder a, Sep–Oct) and C2 (holder b, Oct)
    assert.match(xml, /<Ustrd>PGB 1000001 2026-09\/2026-10, 1000002 2026-10<\/Ustrd>/);
    // every end-to-end id is a payment that traces to its claims
    const e2e = [...xml.matchAll(/<EndToEndId>([^<]+)<\/EndToEndId>/g)].map((m) => m[1]!);
    const trace = await pgb(t.target, 'trace', 'C2');
    assert.ok(e2e.some((id) => trace.out.includes(id)), trace.out);

    const nothing = await pgb(t.target, 'betaalrun', '--datum', '2099-01-02', '--sepa', join(dir, 'run2.xml'));
    assert.match(nothing.out, /niets te betalen/);
    const runId = /betaalrun (btr_\w+)/.exec(run.out)![1]!;
    const again = await pgb(t.target, 'betaalrun', '--opnieuw', runId, '--sepa', join(dir, 'run1-again.xml'));
    assert.equal(again.code, 0, again.err);
    assert.equal(readFileSync(join(dir, 'run1-again.xml'), 'utf8'), xml);
    assert.equal((await pgb(t.target, 'controle')).code, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await t.cleanup();
  }
});

test(`the ledger check finds a tampered balance and exits non-zero (${STORE})`, async () => {
  const t = await freshTarget();
  const dir = mkdtempSync(join(tmpdir(), 'pgb-ctl-'));
  try {
    for (const [kind, content] of Object.entries(parties)) {
      writeFileSync(join(dir, `${kind}.csv`), content);
      await pgb(t.target, 'import', kind, join(dir, `${kind}.csv`));
    }
    writeFileSync(join(dir, 't.csv'), csv(ALLOCATION_HEADER, [allocation('T-A', HOLDER.a, 'WMO_HH', '2026-01-01', '2026-12-31', '100.00')]));
    await pgb(t.target, 'import', 'toekenningen', join(dir, 't.csv'));
    assert.equal((await pgb(t.target, 'controle')).code, 0);
    const db = await t.open();
    await db.query(`UPDATE rekeningen SET saldo = saldo - 1 WHERE soort = 'budget'`);
    await db.close();
    const check = await pgb(t.target, 'controle');
    assert.equal(check.code, 3);
    assert.match(check.out, /FOUT elk saldo is de som van zijn boekingen/);
    assert.match(check.out, /FOUT elk budget: toegekend min besteed is beschikbaar/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await t.cleanup();
  }
});

test(`a large payment run (1,104 approved claims, planned without nested loops): each claim paid once, in receipt order, the planner setting restored after the query (${STORE})`, async () => {
  const { db, close } = await freshDb();
  try {
    await loadParties(db);
    await load(db, 'toekenningen', csv(ALLOCATION_HEADER, [allocation('T-A', HOLDER.a, 'WMO_HH', '2026-01-01', '2026-12-31', '1000000.00')]));
    await load(db, 'zorgovereenkomsten', csv(AGREEMENT_HEADER, [agreement('Z-A', HOLDER.a, 'ZV1', 'WMO_HH')]));
    // 92 days × 12 quantities: no two claims alike, so none is a duplicate
    const lines: string[] = [];
    for (let day = 0; day < 92; day++) {
      const date = new Date(Date.UTC(2026, 7, 1 + day)).toISOString().slice(0, 10);
      for (let hours = 1; hours <= 12; hours++) lines.push(claimLine(`G-${day}-${hours}`, HOLDER.a, 'ZV1', date, String(hours), '30.00'));
    }
    await load(db, 'declaraties', csv(CLAIM_HEADER, lines));
    const statuses = Object.values(await claimStatus(db));
    assert.equal(statuses.length, 1104);
    assert.ok(statuses.every((s) => s === 'goedgekeurd'));

    // the query itself, rolled back: every claim once, in receipt order, and the planner's setting
    // is back to its default for the rest of the transaction
    await db.transaction(async (tx) => {
      const { claims } = await payableClaims(tx);
      assert.equal(claims.length, 1104);
      assert.equal(new Set(claims.map((c) => c.declaratieId)).size, 1104);
      const order = await tx.query<{ declaratie_id: string }>(`SELECT declaratie_id FROM declaraties ORDER BY ontvangen_op, volgnummer`);
      assert.deepEqual(claims.map((c) => c.declaratieId), order.rows.map((x) => x.declaratie_id));
      assert.equal(claims.find((c) => c.declaratieId === 'G-0-1')!.vanMaand, '2026-08');
      assert.equal((await tx.query<{ enable_nestloop: string }>(`SHOW enable_nestloop`)).rows[0]!.enable_nestloop, 'on');
      throw new Error('rolled back on purpose');
    }).catch((e: Error) => assert.equal(e.message, 'rolled back on purpose'));

    const run = await runPayments(db, { date: '2026-11-19', actor: 'test', debtor: { name: 'Test Betaalbureau', iban: 'NL91ABNA0417164300' }, now: new Date('2026-11-18T10:00:00+01:00') });
    assert.equal(run.claims, 1104);
    assert.equal(run.payments, 1);
    // 92 days × (1 + … + 12) hours × € 30.00
    assert.equal(run.total, 92 * 78 * 3000);
    assert.ok(Object.values(await claimStatus(db)).every((s) => s === 'betaald'));
    assert.equal((await runLedgerCheck(db)).ok, true);
  } finally {
    await close();
  }
});
