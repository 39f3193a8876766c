/**
 * Signals on a hand-made first quarter of 2026, judged on Tuesday 31 March 2026, and their
 * e-mails through the outbox to a local SMTP server started by the test (smtp-server on
 * 127.0.0.1, port 0).
 *
 * Holders (standard cast plus two): A, C, D, E funded by GM0001; B by ZK0001. D died on 10 March.
 * Providers: ZV1 self-employed (zzp), ZV2 a private person (particulier), ZV3 an institution.
 *
 * | holder | allocation | agreements (rate per hour) |
 * |---|---|---|
 * | A | T-A WMO_HH 20,000.00 | Z-A1 ZV1 30.00, Z-A2 ZV2 20.00 |
 * | B | T-B WLZ 20,000.00 (from 1 Dec 2025, ZK0001) | Z-B1 ZV1 25.00 (from 1 Dec 2025), Z-B2 ZV2 20.00 |
 * | C | T-C JW 20,000.00 | Z-C2 ZV2 20.00 |
 * | D | T-D WMO_BG 20,000.00 | Z-D1 ZV1 30.00, Z-D2 ZV2 20.00 |
 * | E | T-E WMO_HH 1,000.00 | Z-E3 ZV3 50.00 |
 *
 * What each rule finds, by hand:
 * - budget_uitputting, budget:T-E: 300.00 of care in January and 300.00 in February; on 31 March
 *   (90 days in) 600.00 spent, 6.67 a day: the 400.00 left lasts ceil(400 × 90 / 600) = 60 days →
 *   30 May, before the end on 31 December. (A–D: 20,000.00 budgets, spending far too slow.)
 * - uren_per_dag, budgethouder:A, 16 March: ZV1 14 h + ZV2 11 h = 25 h > 24.
 * - zelfde_uren, zorgverlener:ZV2, 16 March: A 11 h + B 8 h + C 6 h = 25 h over three holders → 1 h twice.
 * - veel_budgethouders, zorgverlener:ZV2, March: approved claims of A, B, C and D: 4 > 3 for a private person.
 * - na_overlijden, declaratie:D-NA, 12 March: ZV1 claims 4 h on 12 and 4 h on 13 March for D, who died on 10 March.
 * - sprong_uren, zorgverlener:ZV1, March: 20 h in each of December, January, February (for B); in
 *   March A 14 h + D 8 h + B 50 h = 72 h ≥ 2 × 20 and 52 h more (≥ 40).
 *   (January: 20 h against 20/3 on average, only 13 h more; ZV2 and ZV3 had no hours before: no jump.)
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { freshDb, STORE, type TestDb } from '../support/db.ts';
import { AGREEMENT_HEADER, ALLOCATION_HEADER, CLAIM_HEADER, HOLDER, agreement, allocation, claimLine, csv, load, loadParties } from '../support/factories.ts';
import { syntheticBsn } from '../../src/kernel/synthetic.ts';
import type { PlainDate } from '../../src/kernel/dates.ts';
import { loadConfig } from '../../src/config/index.ts';
import { runImport, type ImportHandler } from '../../src/modules/import/run-import.ts';
import { IMPORTS } from '../../src/cli/main.ts';
import { computeSignals, evidenceForFunder, listSignals, setAddress } from '../../src/modules/signalen/index.ts';
import { queueSummary, sendOutbox, smtpTransport, waitingMessages } from '../../src/modules/berichten/index.ts';

const D_BSN = syntheticBsn(504);
const E_BSN = syntheticBsn(505);
const PEIL = '2026-03-31' as PlainDate;
const NOW = new Date('2026-03-31T20:00:00+02:00');

let t: TestDb;

async function claims(rows: string[]): Promise<void> {
  await runImport(t.db, IMPORTS.declaraties as ImportHandler<never>, { path: 'declaraties.csv', content: csv(CLAIM_HEADER, rows), actor: 'test', now: new Date('2026-03-31T12:00:00+02:00') });
}
const line = (id: string, bsn: string, zv: string, date: string, hours: string, rate: string, agreementId: string) =>
  claimLine(id, bsn, zv, date, hours, rate, { received: '2026-03-31T12:00:00+02:00', agreement: agreementId });

before(async () => {
  t = await freshDb();
  const db = t.db;
  await loadParties(db);
  await load(db, 'budgethouders', csv('bsn,naam,geboortedatum,iban,overlijdensdatum', [`${D_BSN},Houder D,1930-04-04,,2026-03-10`, `${E_BSN},Houder E,1970-05-05,,`]));
  await load(db, 'toekenningen', csv(ALLOCATION_HEADER, [
    allocation('T-A', HOLDER.a, 'WMO_HH', '2026-01-01', '2026-12-31', '20000.00'),
    allocation('T-B', HOLDER.b, 'WLZ', '2025-12-01', '2026-12-31', '20000.00', '', 'ZK0001'),
    allocation('T-C', HOLDER.c, 'JW', '2026-01-01', '2026-12-31', '20000.00'),
    allocation('T-D', D_BSN, 'WMO_BG', '2026-01-01', '2026-12-31', '20000.00'),
    allocation('T-E', E_BSN, 'WMO_HH', '2026-01-01', '2026-12-31', '1000.00'),
  ]));
  await load(db, 'zorgovereenkomsten', csv(AGREEMENT_HEADER, [
    agreement('Z-A1', HOLDER.a, 'ZV1', 'WMO_HH', { rate: '30.00' }),
    agreement('Z-A2', HOLDER.a, 'ZV2', 'WMO_HH', { rate: '20.00' }),
    agreement('Z-B1', HOLDER.b, 'ZV1', 'WLZ', { rate: '25.00', from: '2025-12-01' }),
    agreement('Z-B2', HOLDER.b, 'ZV2', 'WLZ', { rate: '20.00' }),
    agreement('Z-C2', HOLDER.c, 'ZV2', 'JW', { rate: '20.00' }),
    agreement('Z-D1', D_BSN, 'ZV1', 'WMO_BG', { rate: '30.00' }),
    agreement('Z-D2', D_BSN, 'ZV2', 'WMO_BG', { rate: '20.00' }),
    agreement('Z-E3', E_BSN, 'ZV3', 'WMO_HH', { rate: '50.00' }),
  ]));
  await claims([
    line('E-1', E_BSN, 'ZV3', '2026-01-15', '6', '50.00', 'Z-E3'),
    line('E-2', E_BSN, 'ZV3', '2026-02-16', '6', '50.00', 'Z-E3'),
    line('A-1', HOLDER.a, 'ZV1', '2026-03-16', '14', '30.00', 'Z-A1'),
    line('A-2', HOLDER.a, 'ZV2', '2026-03-16', '11', '20.00', 'Z-A2'),
    line('B-2', HOLDER.b, 'ZV2', '2026-03-16', '8', '20.00', 'Z-B2'),
    line('C-2', HOLDER.c, 'ZV2', '2026-03-16', '6', '20.00', 'Z-C2'),
    line('D-2', D_BSN, 'ZV2', '2026-03-05', '2', '20.00', 'Z-D2'),
    line('D-NA', D_BSN, 'ZV1', '2026-03-12', '4', '30.00', 'Z-D1'),
    line('D-NA', D_BSN, 'ZV1', '2026-03-13', '4', '30.00', 'Z-D1'),
    line('B-DEC', HOLDER.b, 'ZV1', '2025-12-10', '20', '25.00', 'Z-B1'),
    line('B-JAN', HOLDER.b, 'ZV1', '2026-01-12', '20', '25.00', 'Z-B1'),
    line('B-FEB', HOLDER.b, 'ZV1', '2026-02-10', '20', '25.00', 'Z-B1'),
    ...['2026-03-20', '2026-03-23', '2026-03-24', '2026-03-25', '2026-03-26'].map((day, i) => line(`B-MRT-${i}`, HOLDER.b, 'ZV1', day, '10', '25.00', 'Z-B1')),
  ]);
  await t.db.transaction(async (tx) => {
    await setAddress(tx, { budgethouderBsn: E_BSN }, 'houder.e@example.org');
    await setAddress(tx, { verstrekker: 'GM0001' }, 'signalen@gemeente-proef.example');
  });
});
after(async () => t.close());

test(`every claim of the quarter is approved: signals hold nothing back (${STORE})`, async () => {
  const r = await t.db.query<{ status: string; n: number }>(`SELECT status, count(*)::int AS n FROM declaraties GROUP BY 1`);
  assert.deepEqual(r.rows, [{ status: 'goedgekeurd', n: 16 }]);
});

test(`pgb signalen finds each rule's case with its evidence, stores it once and queues its e-mails (${STORE})`, async () => {
  const r = await computeSignals(t.db, { actor: 'test', now: NOW, peildatum: PEIL, restantProcent: 10 });
  assert.deepEqual([r.van, r.tot], ['2026-01-01', '2026-03-31']);
  assert.deepEqual(r.nieuw, { budget_uitputting: 1, uren_per_dag: 1, zelfde_uren: 1, na_overlijden: 1, veel_budgethouders: 1, sprong_uren: 1 });
  // mails: T-E to holder E and GM0001; the others to GM0001 (ZK0001 has no address: three signals concern it too)
  assert.equal(r.berichten, 7);
  assert.equal(r.zonderAdres, 3);

  const all = await listSignals(t.db, { scope: { kind: 'alles' } });
  const by = Object.fromEntries(all.map((s) => [s.soort, s]));
  assert.deepEqual(all.map((s) => `${s.soort} ${s.onderwerp} ${s.periode}`).sort(), [
    'budget_uitputting budget:T-E 2026-03',
    'na_overlijden declaratie:D-NA 2026-03-12',
    'sprong_uren zorgverlener:ZV1 2026-03',
    'uren_per_dag budgethouder:1 2026-03-16',
    'veel_budgethouders zorgverlener:ZV2 2026-03',
    'zelfde_uren zorgverlener:ZV2 2026-03-16',
  ]);
  assert.equal(by.budget_uitputting!.bewijs.verwachte_uitputting, '2026-05-30');
  assert.equal(by.budget_uitputting!.bewijs.resterend, 400_00);
  assert.equal(by.uren_per_dag!.bewijs.totaal_uren, 25);
  assert.deepEqual((by.uren_per_dag!.bewijs.regels as { declaratie_id: string; uren: number }[]).map((x) => [x.declaratie_id, x.uren]), [['A-1', 14], ['A-2', 11]]);
  assert.deepEqual([by.zelfde_uren!.bewijs.totaal_uren, by.zelfde_uren!.bewijs.dubbel_uren], [25, 1]);
  assert.deepEqual(by.zelfde_uren!.verstrekkers, ['GM0001', 'ZK0001']);
  assert.equal(by.veel_budgethouders!.bewijs.aantal_budgethouders, 4);
  assert.deepEqual([by.na_overlijden!.bewijs.overlijdensdatum, by.na_overlijden!.bewijs.bedrag], ['2026-03-10', 240_00]);
  assert.deepEqual(by.sprong_uren!.bewijs.per_maand, [{ maand: '2025-12', uren: 20 }, { maand: '2026-01', uren: 20 }, { maand: '2026-02', uren: 20 }, { maand: '2026-03', uren: 72 }]);

  // a funder sees what concerns it, and of the evidence its own holders only
  const zk = await listSignals(t.db, { scope: { kind: 'verstrekker', code: 'ZK0001' } });
  assert.deepEqual(zk.map((s) => s.soort).sort(), ['sprong_uren', 'veel_budgethouders', 'zelfde_uren']);
  const zkSame = evidenceForFunder(zk.find((s) => s.soort === 'zelfde_uren')!.bewijs, 'ZK0001');
  assert.equal((zkSame.budgethouders as unknown[]).length, 1); // B only
  assert.equal(zkSame.budgethouders_van_andere_verstrekkers, 2);
  // a holder sees only their own budget signals: E has one, A (with an hours signal about them) none
  const eId = (await t.db.query<{ id: number }>(`SELECT id FROM budgethouders WHERE bsn = $1`, [E_BSN])).rows[0]!.id;
  assert.deepEqual((await listSignals(t.db, { scope: { kind: 'budgethouders', ids: [eId] } })).map((s) => s.onderwerp), ['budget:T-E']);
  assert.deepEqual(await listSignals(t.db, { scope: { kind: 'budgethouders', ids: [1] } }), []);
});

test(`computing again adds no signal and no mail; new evidence updates the known signal (${STORE})`, async () => {
  const before = await queueSummary(t.db);
  const again = await computeSignals(t.db, { actor: 'test', now: new Date(NOW.getTime() + 3600_000), peildatum: PEIL, restantProcent: 10 });
  assert.deepEqual(Object.values(again.nieuw), [0, 0, 0, 0, 0, 0]);
  assert.equal(again.berichten, 0);
  // one more hour for A on 16 March (ZV1 again, another claim): same signal, 26 hours now
  await claims([line('A-3', HOLDER.a, 'ZV1', '2026-03-16', '1', '30.00', 'Z-A1')]);
  const third = await computeSignals(t.db, { actor: 'test', now: new Date(NOW.getTime() + 7200_000), peildatum: PEIL, restantProcent: 10 });
  assert.deepEqual(Object.values(third.nieuw), [0, 0, 0, 0, 0, 0]);
  const hours = (await listSignals(t.db, { scope: { kind: 'alles' }, soort: 'uren_per_dag' }))[0]!;
  assert.equal(hours.bewijs.totaal_uren, 26);
  assert.equal((await queueSummary(t.db)).wachtend, before.wachtend);
  assert.equal((await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM signalen`)).rows[0]!.n, 6);
});

interface Received {
  to: string[];
  data: string;
}

async function startSmtp(port = 0): Promise<{ server: SMTPServer; port: number; received: Received[]; stop: () => Promise<void> }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    closeTimeout: 100,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), data: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    server,
    port: (server.server.address() as AddressInfo).port,
    received,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

test(`the outbox goes out through SMTP; with the server down a mail waits and goes on the next run (${STORE})`, async () => {
  const servers: { stop: () => Promise<void> }[] = [];
  const smtp = await startSmtp();
  servers.push(smtp);
  const config = loadConfig({ PGB_SMTP_HOST: '127.0.0.1', PGB_SMTP_PORT: String(smtp.port), PGB_SMTP_FROM: 'PGB-platform <noreply@pgb.test>' });
  const transport = await smtpTransport(config);
  try {
  const sent = await sendOutbox(t.db, { transport, from: config.smtpFrom, now: () => NOW });
  assert.deepEqual([sent.verzonden, sent.mislukt, sent.onbereikbaar], [7, 0, false]);
  assert.equal(smtp.received.length, 7);
  const toHolder = smtp.received.filter((m) => m.to.includes('houder.e@example.org'));
  assert.equal(toHolder.length, 1);
  assert.match(toHolder[0]!.data, /Subject: Uw pgb-budget raakt op/);
  assert.match(toHolder[0]!.data, /Beste budgethouder/);
  assert.match(toHolder[0]!.data, /From: "?PGB-platform"? <noreply@pgb\.test>/);
  assert.equal(smtp.received.filter((m) => m.to.includes('signalen@gemeente-proef.example')).length, 6);
  for (const m of smtp.received) {
    for (const bsn of [HOLDER.a, HOLDER.b, HOLDER.c, D_BSN, E_BSN]) assert.ok(!m.data.includes(bsn), 'a mail never holds a BSN');
  }
  assert.deepEqual(await queueSummary(t.db).then((q) => [q.wachtend, q.verzonden]), [0, 7]);
  await smtp.stop();
  servers.length = 0;

  // the server is down; a new signal (care for D on 14 March, after death) queues one mail for GM0001
  await claims([line('D-NA2', D_BSN, 'ZV1', '2026-03-14', '2', '30.00', 'Z-D1')]);
  const r = await computeSignals(t.db, { actor: 'test', now: NOW, peildatum: PEIL, restantProcent: 10 });
  assert.equal(r.nieuw.na_overlijden, 1);
  assert.equal(r.berichten, 1);
  const down = await sendOutbox(t.db, { transport, from: config.smtpFrom, now: () => NOW });
  assert.deepEqual([down.verzonden, down.mislukt, down.onbereikbaar], [0, 1, true]);
  const [waiting] = await waitingMessages(t.db);
  assert.equal(waiting!.pogingen, 1);
  assert.match(waiting!.laatste_fout!, /ECONNREFUSED|connect/i);
  assert.equal(waiting!.volgende_poging_op.getTime(), NOW.getTime() + 60_000); // tried again after a minute
  // before that minute nothing is tried
  assert.deepEqual(await sendOutbox(t.db, { transport, from: config.smtpFrom, now: () => new Date(NOW.getTime() + 30_000) }).then((x) => [x.verzonden, x.mislukt]), [0, 0]);

  // the server is back on the same port: the next run sends it
  const back = await startSmtp(smtp.port);
  servers.push(back);
  const later = await sendOutbox(t.db, { transport, from: config.smtpFrom, now: () => new Date(NOW.getTime() + 61_000) });
  assert.deepEqual([later.verzonden, later.mislukt], [1, 0]);
  assert.equal(back.received.length, 1);
  assert.deepEqual(back.received[0]!.to, ['signalen@gemeente-proef.example']);
  assert.match(back.received[0]!.data, /Zorg gedeclareerd na overlijden/);
  assert.deepEqual(await queueSummary(t.db).then((q) => [q.wachtend, q.verzonden]), [0, 8]);
  } finally {
    // a failed assertion must not leave a server listening (the test process would never end)
    transport.close();
    for (const s of servers) await s.stop();
  }
});
