/**
 * A small, hand-made March 2026 for the reports and the audit sample: every claim's receipt, check,
 * payment run, returned transfer and deposit at a known moment, so that every figure of every
 * report can be computed by hand (test/db/rapportages.test.ts does, in its comments).
 *
 * Parties: the standard cast (factories.ts). GM0001 funds holder A (WMO_HH, T-A 1000.00) and
 * holder C (JW, T-C 100.00); ZK0001 funds holder B (WLZ, T-B 5000.00).
 *
 * Agreements: Z-A (A–ZV1 WMO_HH 30.00/uur), Z-B (B–ZV2 WLZ 25.00/uur), Z-C (C–ZV3 JW 50.00/uur),
 * Z-M (B–ZV1 WLZ, 200.00 a month from February), all approved; awaiting the funder:
 * Z-A2 (A–ZV2 WMO_HH, submitted Mon 16 Feb), Z-B2 (B–ZV3 WLZ, submitted Tue 24 Mar),
 * Z-C2 (C–ZV1 WMO_BG, submitted Fri 20 Mar; C has no WMO_BG allocation, so no funder).
 *
 * | claim | holder–provider | received | care date | amount | what happens | latest payment date |
 * |---|---|---|---|---|---|---|
 * | D0 | A–ZV2 (Z-A2) | Fri 20 Feb 09:00 | 18 Feb | 30.00 | parked: agreement not approved, still on 27 Mar | 6 Mar |
 * | M  | B–ZV1 (Z-M) | Mon 2 Mar 07:00 (monthly pay February) | 1 Feb | 200.00 | approved, run R1 6 Mar | 16 Mar |
 * | D1 | A–ZV1 | Mon 2 Mar 09:00 | 26 Feb | 60.00 (2 h) | approved, run R1 6 Mar: on time | 16 Mar |
 * | D8 | B–ZV2 | Mon 2 Mar 11:00 | 27 Feb | 25.00 (1 h) | approved, R1 6 Mar; returned 12 Mar (AC04); paid again in R2 23 Mar: late | 16 Mar |
 * | D3 | C–ZV3 | Wed 4 Mar 09:00 | 2 Mar | 150.00 (3 h) | parked: budget 100.00 short, still on 27 Mar | 18 Mar |
 * | D4 | A–ZV1 | Thu 5 Mar 09:00 | 3 Mar | 35.00 (1 h at 35.00) | rejected: rate above the agreed 30.00 | 19 Mar |
 * | D2 | B–ZV2 | Fri 6 Mar 10:00 (after R1) | 4 Mar | 100.00 (4 h) | approved, run R2 23 Mar: late | 20 Mar |
 * | D5 | A–ZV1 | Tue 10 Mar 09:00 | 9 Mar | 30.00 (1 h) | approved, run R2 23 Mar: on time | 24 Mar |
 * | D7 | unknown BSN–ZV1 | Wed 11 Mar 09:00 | 10 Mar | 30.00 | rejected: unknown holder | 25 Mar |
 * | D6 | B–ZV2 | Tue 24 Mar 09:00 (after R2) | 23 Mar | 50.00 (2 h) | approved, not yet paid on 27 Mar | 7 Apr |
 *
 * Runs: R1 on Fri 6 Mar 08:00 (execution date 6 Mar): ZV1 (M + D1, 260.00) and ZV2 (D8, 25.00).
 * Thu 12 Mar 10:00: a statement with the return of R1's ZV2 transfer (D8 reopened, ZV2's IBAN
 * blocked) and a deposit of 500.00 by GM0001. Mon 16 Mar: ZV2 gives a new IBAN. R2 on Mon 23 Mar
 * 08:00: ZV2 (D2 + D8, 125.00) and ZV1 (D5, 30.00).
 */
import type { Db } from '../../src/db/connection.ts';
import type { PlainDate } from '../../src/kernel/dates.ts';
import type { Cents } from '../../src/kernel/money.ts';
import { syntheticBsn, syntheticIban } from '../../src/kernel/synthetic.ts';
import { runImport, type ImportHandler } from '../../src/modules/import/run-import.ts';
import { runMonthlyPay } from '../../src/modules/maandloon/index.ts';
import { runPayments } from '../../src/modules/betalingen/index.ts';
import { buildCamt053, readBankStatement } from '../../src/modules/bank/index.ts';
import { changeProviderIban } from '../../src/modules/partijen/index.ts';
import { IMPORTS } from '../../src/cli/main.ts';
import { AGREEMENT_HEADER, ALLOCATION_HEADER, CLAIM_HEADER, FUNDER_IBAN, HOLDER, agreement, allocation, claimLine, csv, load, loadParties } from './factories.ts';

export const UNKNOWN_BSN = syntheticBsn(599);
const DEBTOR = { name: 'PGB Test', iban: 'NL91ABNA0417164300' };

async function loadAt(db: Db, kind: string, content: string, at: string): Promise<void> {
  await runImport(db, IMPORTS[kind] as ImportHandler<never>, { path: `${kind}.csv`, content, actor: 'test', now: new Date(at) });
}

const claim = (id: string, bsn: string, provider: string, date: string, units: string, rate: string, received: string) =>
  csv(CLAIM_HEADER, [claimLine(id, bsn, provider, date, units, rate, { received })]);

export async function buildReportWorld(db: Db): Promise<void> {
  await loadParties(db);
  await load(db, 'toekenningen', csv(ALLOCATION_HEADER, [
    allocation('T-A', HOLDER.a, 'WMO_HH', '2026-01-01', '2026-12-31', '1000.00'),
    allocation('T-C', HOLDER.c, 'JW', '2026-01-01', '2026-12-31', '100.00'),
    allocation('T-B', HOLDER.b, 'WLZ', '2026-01-01', '2026-12-31', '5000.00', '', 'ZK0001'),
  ]));
  await load(db, 'zorgovereenkomsten', csv(AGREEMENT_HEADER, [
    agreement('Z-A', HOLDER.a, 'ZV1', 'WMO_HH', { rate: '30.00' }),
    agreement('Z-B', HOLDER.b, 'ZV2', 'WLZ', { rate: '25.00' }),
    agreement('Z-C', HOLDER.c, 'ZV3', 'JW', { rate: '50.00' }),
    agreement('Z-M', HOLDER.b, 'ZV1', 'WLZ', { kind: 'arbeidsovereenkomst', from: '2026-02-01', unit: 'maand', rate: '200.00', monthly: '200.00' }),
    agreement('Z-A2', HOLDER.a, 'ZV2', 'WMO_HH', { rate: '30.00', status: 'ingediend' }),
    agreement('Z-B2', HOLDER.b, 'ZV3', 'WLZ', { rate: '25.00', status: 'ingediend' }),
    agreement('Z-C2', HOLDER.c, 'ZV1', 'WMO_BG', { rate: '30.00', status: 'ingediend' }),
  ]));
  // when each agreement reached the funder (the import stamps its versions with the real time)
  for (const [id, at] of [['Z-A2', '2026-02-16T10:00:00+01:00'], ['Z-B2', '2026-03-24T10:00:00+01:00'], ['Z-C2', '2026-03-20T10:00:00+01:00']]) {
    await db.query(`UPDATE zorgovereenkomst_versies SET op = $2 WHERE zorgovereenkomst_id = $1`, [id, at]);
  }
  await db.query(`UPDATE zorgovereenkomst_versies SET op = '2026-01-02T10:00:00+01:00' WHERE zorgovereenkomst_id IN ('Z-A', 'Z-B', 'Z-C', 'Z-M')`);

  await loadAt(db, 'declaraties', claim('D0', HOLDER.a, 'ZV2', '2026-02-18', '1', '30.00', '2026-02-20T09:00:00+01:00'), '2026-02-20T09:00:00+01:00');
  await runMonthlyPay(db, { month: '2026-02', actor: 'test', now: new Date('2026-03-02T07:00:00+01:00') });
  await loadAt(db, 'declaraties', claim('D1', HOLDER.a, 'ZV1', '2026-02-26', '2', '30.00', '2026-03-02T09:00:00+01:00'), '2026-03-02T09:00:00+01:00');
  await loadAt(db, 'declaraties', claim('D8', HOLDER.b, 'ZV2', '2026-02-27', '1', '25.00', '2026-03-02T11:00:00+01:00'), '2026-03-02T11:00:00+01:00');
  await loadAt(db, 'declaraties', claim('D3', HOLDER.c, 'ZV3', '2026-03-02', '3', '50.00', '2026-03-04T09:00:00+01:00'), '2026-03-04T09:00:00+01:00');
  await loadAt(db, 'declaraties', claim('D4', HOLDER.a, 'ZV1', '2026-03-03', '1', '35.00', '2026-03-05T09:00:00+01:00'), '2026-03-05T09:00:00+01:00');
  await runPayments(db, { date: '2026-03-06', actor: 'test', debtor: DEBTOR, now: new Date('2026-03-06T08:00:00+01:00') });
  await loadAt(db, 'declaraties', claim('D2', HOLDER.b, 'ZV2', '2026-03-04', '4', '25.00', '2026-03-06T10:00:00+01:00'), '2026-03-06T10:00:00+01:00');
  await loadAt(db, 'declaraties', claim('D5', HOLDER.a, 'ZV1', '2026-03-09', '1', '30.00', '2026-03-10T09:00:00+01:00'), '2026-03-10T09:00:00+01:00');
  await loadAt(db, 'declaraties', claim('D7', UNKNOWN_BSN, 'ZV1', '2026-03-10', '1', '30.00', '2026-03-11T09:00:00+01:00'), '2026-03-11T09:00:00+01:00');

  const zv2 = (await db.query<{ betaling_id: string }>(`SELECT betaling_id FROM betalingen WHERE zorgverlener_id = 'ZV2'`)).rows[0]!.betaling_id;
  const statement = buildCamt053({
    messageId: 'RW-1',
    createdAt: new Date('2026-03-12T08:00:00+01:00'),
    statements: [{
      statementId: 'RW-1',
      account: DEBTOR.iban,
      openingBalance: 0 as Cents,
      entries: [
        { entryRef: 'E1', direction: 'CRDT', bookingDate: '2026-03-11' as PlainDate, transactions: [{ amount: 25_00 as Cents, originalEndToEndId: zv2, returnReason: 'AC04', counterpartyName: 'Zorg Twee', counterpartyIban: syntheticIban(9102) }] },
        { entryRef: 'E2', direction: 'CRDT', bookingDate: '2026-03-11' as PlainDate, transactions: [{ amount: 500_00 as Cents, counterpartyName: 'Gemeente Proef', counterpartyIban: FUNDER_IBAN, remittance: 'financiering pgb maart' }] },
      ],
    }],
  });
  await readBankStatement(db, { path: 'afschrift.xml', content: statement, actor: 'test', now: new Date('2026-03-12T10:00:00+01:00') });
  await changeProviderIban(db, { zorgverlenerId: 'ZV2', iban: syntheticIban(9202), reason: 'rekening opgeheven', actor: 'test', now: new Date('2026-03-16T10:00:00+01:00') });
  await runPayments(db, { date: '2026-03-23', actor: 'test', debtor: DEBTOR, now: new Date('2026-03-23T08:00:00+01:00') });
  await loadAt(db, 'declaraties', claim('D6', HOLDER.b, 'ZV2', '2026-03-23', '2', '25.00', '2026-03-24T09:00:00+01:00'), '2026-03-24T09:00:00+01:00');
}
