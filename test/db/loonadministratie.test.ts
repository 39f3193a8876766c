/**
 * Payroll end to end: payroll choices on agreements, the payroll run between the claim check and the
 * payment run, net payment, the payable to the tax authority, a correction for an earlier month,
 * premiums that do not fit the budget, and the ledger check with payroll in it.
 *
 * The expected figures are worked out by hand from the rules of payroll-2026.md in the comments
 * (the first two payslips are the hand-computed payslips 1 and 2 of the core's loonstrook.test.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { freshDb, stateCounts, STORE } from '../support/db.ts';
import { AGREEMENT_HEADER, ALLOCATION_HEADER, CLAIM_HEADER, HOLDER, agreement, allocation, available, claimLine, claimStatus, csv, load, loadParties } from '../support/factories.ts';
import { runMonthlyPay } from '../../src/modules/maandloon/index.ts';
import { runPayments } from '../../src/modules/betalingen/index.ts';
import { runLedgerCheck } from '../../src/modules/ledger/index.ts';
import { recordPayrollChoice, runPayroll } from '../../src/modules/loonadministratie/index.ts';
import { AppError, InputError } from '../../src/kernel/errors.ts';
import type { Db } from '../../src/db/connection.ts';

const DEBTOR = { name: 'Uitvoerder pgb', iban: 'NL91ABNA0417164300' };

async function belastingdienst(db: Db): Promise<number> {
  const r = await db.query<{ saldo: number }>(`SELECT saldo FROM rekeningen WHERE soort = 'te_betalen' AND sleutel = 'belastingdienst:loonheffingen'`);
  return -(r.rows[0]?.saldo ?? 0);
}

async function assertLedgerOk(db: Db) {
  const check = await runLedgerCheck(db);
  assert.ok(check.ok, JSON.stringify(check.results.filter((r) => r.breaches.length > 0)));
}

test(`payroll: monthly and hourly pay, net payment, payable to the tax authority, a correction (${STORE})`, async () => {
  const { db, close } = await freshDb();
  try {
    await loadParties(db);
    await load(db, 'toekenningen', csv(ALLOCATION_HEADER, [
      allocation('T-A', HOLDER.a, 'WLZ', '2026-01-01', '2026-12-31', '10000.00', '', 'ZK0001'),
      allocation('T-B', HOLDER.b, 'WLZ', '2026-01-01', '2026-12-31', '10000.00', '', 'ZK0001'),
    ]));
    await load(db, 'zorgovereenkomsten', csv(AGREEMENT_HEADER, [
      agreement('Z-M', HOLDER.a, 'ZV2', 'WLZ', { kind: 'arbeidsovereenkomst', from: '2026-01-01', unit: 'maand', rate: '2160.00', monthly: '2160.00' }),
      agreement('Z-U', HOLDER.b, 'ZV2', 'WLZ', { kind: 'arbeidsovereenkomst', from: '2026-01-01', unit: 'uur', rate: '17.28' }),
      agreement('Z-O', HOLDER.b, 'ZV1', 'WLZ', { kind: 'opdracht', from: '2026-01-01', unit: 'uur', rate: '30.00' }),
    ]));
    const actor = { actor: 'test', now: new Date('2026-04-01T10:00:00+02:00') };

    // The rule: 4+ days requires payroll; a contract for services never; the tax credit only with payroll.
    await assert.rejects(
      recordPayrollChoice(db, { zorgovereenkomstId: 'Z-M', dagenPerWeek: 5, loonadministratie: false, heffingskorting: false, vastContract: true, reden: 'test' }, actor),
      (e: unknown) => e instanceof InputError && /verplicht bij een arbeidsovereenkomst van 4 of meer dagen/.test(e.message + JSON.stringify((e as InputError).problems)),
    );
    await assert.rejects(
      recordPayrollChoice(db, { zorgovereenkomstId: 'Z-O', dagenPerWeek: 2, loonadministratie: true, heffingskorting: false, vastContract: false, reden: 'test' }, actor),
      (e: unknown) => e instanceof InputError,
    );
    await assert.rejects(
      recordPayrollChoice(db, { zorgovereenkomstId: 'Z-X', dagenPerWeek: 2, loonadministratie: false, heffingskorting: false, vastContract: false, reden: 'test' }, actor),
      (e: unknown) => e instanceof AppError && e.code === 'NIET_GEVONDEN',
    );
    const before = await stateCounts(db);
    await assert.rejects(
      recordPayrollChoice(db, { zorgovereenkomstId: 'Z-U', dagenPerWeek: 3, loonadministratie: false, heffingskorting: true, vastContract: false, reden: 'test' }, actor),
      (e: unknown) => e instanceof InputError,
    );
    assert.deepEqual(await stateCounts(db), before);

    // Z-M: 5 days, payroll, tax credit, written permanent contract. Z-U: 3 days (short week: the
    // holder chose payroll), no tax credit, flexible contract. The carer was born 10 April 1990.
    await recordPayrollChoice(db, { zorgovereenkomstId: 'Z-M', dagenPerWeek: 5, loonadministratie: true, heffingskorting: true, vastContract: true, geboortedatum: '1990-04-10', reden: 'arbeidsovereenkomst 5 dagen' }, actor);
    await recordPayrollChoice(db, { zorgovereenkomstId: 'Z-U', dagenPerWeek: 3, loonadministratie: true, heffingskorting: false, vastContract: false, reden: 'keuze budgethouder: netto' }, actor);

    // March: monthly pay 2,160.00 for Z-M.
    await runMonthlyPay(db, { month: '2026-03', ...actor });
    // April: 60 hours for Z-U in ten lines of 6 hours × 17.28 = 103.68 (= 60 × 17.28 = 1,036.80 in total).
    const april = Array.from({ length: 10 }, (_, i) => claimLine('U-APR', HOLDER.b, 'ZV2', `2026-04-${String(i + 1).padStart(2, '0')}`, '6', '17.28', { received: '2026-05-04T09:00:00+02:00' }));
    await load(db, 'declaraties', csv(CLAIM_HEADER, april));
    assert.deepEqual(await claimStatus(db), { 'mnd:Z-M:2026-03': 'goedgekeurd', 'U-APR': 'goedgekeurd' });

    // Before the payroll run the payment run pays nothing of them: they wait for their payslip.
    const early = await runPayments(db, { date: '2026-05-05', actor: 'test', debtor: DEBTOR, now: new Date('2026-05-04T12:00:00+02:00') });
    assert.equal(early.payments, 0);
    await assertLedgerOk(db);

    const now = new Date('2026-05-05T10:00:00+02:00');
    const run = await runPayroll(db, { periode: '2026-04', actor: 'test', now });
    assert.deepEqual(run.wachtend, []);
    const byId = Object.fromEntries(run.loonstroken.map((s) => [s.loonstrook_id, s]));
    // Payslip 1 (hand-computed in loonstrook.test.ts): gross 2,160.00; tax 61.25 (table) + 54.08
    // (special rate) = 115.33; net 2,044.67; premiums AWf 59.18 + Aof 135.43 + Wko 10.80 + Whk 32.83 +
    // Zvw 131.76 = 370.00.
    assert.deepEqual(
      { ...byId['lst:Z-M:2026-03:1']!, loonstrook_id: undefined },
      { loonstrook_id: undefined, zorgovereenkomst_id: 'Z-M', periode: '2026-03', versie: 1, brutoloon: 216000, loonheffing: 11533, nettoloon: 204467, werkgeverspremies: 37000, verschil_bruto: 216000, verschil_loonheffing: 11533, verschil_premies: 37000 },
    );
    // Payslip 2 (hand-computed in loonstrook.test.ts): 60 h × 17.28 = 1,036.80; no credit; tax 342.58
    // + 27.46 = 370.04; net 666.76; premiums (AWf high: flexible contract; a 3-day carer is insured
    // from 2026) 80.25 + 65.01 + 5.18 + 15.76 + 63.24 = 229.44.
    const u = byId['lst:Z-U:2026-04:1']!;
    assert.equal(u.brutoloon, 103680);
    assert.equal(u.loonheffing, 37004);
    assert.equal(u.nettoloon, 66676);
    assert.equal(u.werkgeverspremies, 22944);
    assert.equal(run.ingehouden, 11533 + 37004);
    assert.equal(run.premies, 37000 + 22944);
    // premiums are charged to the budget on top of the gross wage
    assert.equal(await available(db, 'T-A'), 1000000 - 216000 - 37000);
    assert.equal(await available(db, 'T-B'), 1000000 - 103680 - 22944);
    // payable to the tax authority: tax 115.33 + 370.04 plus premiums 370.00 + 229.44 = 1,084.81
    assert.equal(await belastingdienst(db), 108481);
    await assertLedgerOk(db);

    // The same run again makes nothing new.
    assert.equal((await runPayroll(db, { periode: '2026-04', actor: 'test', now })).loonrunId, null);

    // The payment run pays the carer the net wages: 2,044.67 + 666.76 = 2,711.43 in one transfer.
    const pay = await runPayments(db, { date: '2026-05-06', actor: 'test', debtor: DEBTOR, now });
    assert.equal(pay.payments, 1);
    assert.equal(pay.total, 271143);
    assert.match(pay.xml!, /<InstdAmt Ccy="EUR">2711\.43<\/InstdAmt>/);
    await assertLedgerOk(db);

    // Correction: 10 more hours in April arrive in May (5 lines of 2 hours × 17.28 = 34.56; 172.80).
    // April recomputed on 70 h × 17.28 = 1,209.60:
    //   holiday pay 1,209.60 × 8/108 = 89.60; wage 1,120.00; × 12 = 13,440 → floor(13,440 / 54) × 54
    //   = 13,392 (table wage 1,116.00); bracket tax 13,392 × 35.75% = 4,787.64 → 4,787 → / 12 = 398.92
    //   special rate (no credit, annual wage 12 × 1,209.60 = 14,515.20 < 38,883): 35.75% × 89.60 =
    //   32.032 → 32.03; tax 398.92 + 32.03 = 430.95; net 778.65.
    //   difference with version 1: tax 430.95 − 370.04 = 60.91, withheld from the new claim: it is
    //   paid 172.80 − 60.91 = 111.89 (= net 778.65 − 666.76).
    //   premiums on 1,209.60: AWf 7.74% 93.62304 → 93.62; Aof 6.27% 75.84192 → 75.84; Wko 0.50%
    //   6.048 → 6.05; Whk 1.52% 18.38592 → 18.39; Zvw 6.10% 73.7856 → 73.79; total 267.69;
    //   difference 267.69 − 229.44 = 38.25 charged to the budget.
    const late = Array.from({ length: 5 }, (_, i) => claimLine('U-APR-2', HOLDER.b, 'ZV2', `2026-04-${String(i + 20)}`, '2', '17.28', { received: '2026-05-20T09:00:00+02:00' }));
    await load(db, 'declaraties', csv(CLAIM_HEADER, late));
    const later = new Date('2026-05-21T10:00:00+02:00');
    const corr = await runPayroll(db, { periode: '2026-05', actor: 'test', now: later });
    assert.deepEqual(corr.loonstroken.map((s) => s.loonstrook_id), ['lst:Z-U:2026-04:2']);
    const c = corr.loonstroken[0]!;
    assert.deepEqual(
      [c.brutoloon, c.loonheffing, c.nettoloon, c.werkgeverspremies, c.verschil_bruto, c.verschil_loonheffing, c.verschil_premies],
      [120960, 43095, 77865, 26769, 17280, 6091, 3825],
    );
    assert.equal(await available(db, 'T-B'), 1000000 - 103680 - 22944 - 17280 - 3825);
    const pay2 = await runPayments(db, { date: '2026-05-22', actor: 'test', debtor: DEBTOR, now: later });
    assert.equal(pay2.total, 11189);
    assert.equal(await belastingdienst(db), 108481 + 6091 + 3825);
    await assertLedgerOk(db);

    // The trace of the late claim shows the payslip and what was withheld.
    const trace = await db.query<{ toelichting: string }>(`SELECT toelichting FROM declaratie_gebeurtenissen WHERE declaratie_id = 'U-APR-2' AND gebeurtenis = 'loonstrook'`);
    assert.match(trace.rows[0]!.toelichting, /correctie versie 2.*ingehouden loonheffing 60\.91, te betalen 111\.89/);

    // Recalculation without new claims: nothing changed, so no new version.
    const re = await runPayroll(db, { periode: '2026-05', herberekenVanaf: '2026-01', actor: 'test', now: later });
    assert.equal(re.loonrunId, null);

    // A change with retroactive effect: the carer chose the tax credit from April. Recalculating April
    // (1,209.60, table wage 13,392 a year) with credits:
    //   bracket tax 4,787 (as above); AHK 3,115 (13,392 ≤ 29,736); ARK 996 + (13,392 − 11,965) × 31.009%
    //   = 996 + 442.49843 = 1,438.49843 → up 1,439; tax 4,787 − 3,115 − 1,439 = 233 → / 12 = 19.42
    //   special rate with credits, annual wage 14,515.20 in the row from 11,965: 4.741% × 89.60 =
    //   4.247936 → 4.25; tax 23.67 (was 430.95): 407.28 to give back; premiums unchanged.
    // No claim is paid in that run, so the refund stays open and no booking is made.
    await recordPayrollChoice(db, { zorgovereenkomstId: 'Z-U', dagenPerWeek: 3, loonadministratie: true, heffingskorting: true, vastContract: false, reden: 'zorgverlener kiest heffingskorting vanaf april' }, { actor: 'test', now: later });
    const herb = await runPayroll(db, { periode: '2026-05', herberekenVanaf: '2026-04', actor: 'test', now: later });
    assert.deepEqual(herb.loonstroken.map((x) => [x.loonstrook_id, x.loonheffing, x.verschil_loonheffing, x.verschil_premies]), [['lst:Z-U:2026-04:3', 2367, -40728, 0]]);
    assert.equal(herb.ingehouden, 0);
    assert.equal(await belastingdienst(db), 108481 + 6091 + 3825);
    await assertLedgerOk(db);
    // May: 10 hours × 17.28 = 172.80 with credits: wage 160.00, annual 1,920 → table 1,890; bracket
    // tax 1,890 × 35.75% = 675.675 → 675; credits 3,115 + ARK 1,890 × 8.324% = 157.3236 → 158 exceed
    // it: tax 0; special rate 0% (annual wage 2,073.60 below the first row, 11,366). The open refund
    // of 407.28 is given back with this claim: it is paid 172.80 + 407.28 = 580.08.
    // Premiums on 172.80: 13.37472 → 13.37, 10.83456 → 10.83, 0.864 → 0.86, 2.62656 → 2.63, 10.5408 → 10.54 = 38.23.
    const may = Array.from({ length: 5 }, (_, i) => claimLine('U-MEI', HOLDER.b, 'ZV2', `2026-05-0${i + 4}`, '2', '17.28', { received: '2026-05-25T09:00:00+02:00' }));
    await load(db, 'declaraties', csv(CLAIM_HEADER, may));
    const june = new Date('2026-05-26T10:00:00+02:00');
    const mayRun = await runPayroll(db, { periode: '2026-05', actor: 'test', now: june });
    assert.deepEqual(mayRun.loonstroken.map((x) => [x.loonstrook_id, x.brutoloon, x.loonheffing, x.werkgeverspremies]), [['lst:Z-U:2026-05:1', 17280, 0, 3823]]);
    assert.equal(mayRun.ingehouden, -40728);
    const pay3 = await runPayments(db, { date: '2026-05-27', actor: 'test', debtor: DEBTOR, now: june });
    assert.equal(pay3.total, 58008);
    // the payable to the tax authority drops by the refund and rises by May's premiums
    assert.equal(await belastingdienst(db), 108481 + 6091 + 3825 - 40728 + 3823);
    await assertLedgerOk(db);
  } finally {
    await close();
  }
});

test(`payroll: premiums that do not fit the budget keep the payslip waiting, nothing written (${STORE})`, async () => {
  const { db, close } = await freshDb();
  try {
    await loadParties(db);
    // Budget 2,600.00. The monthly pay of 2,160.00 is approved: the premium estimate on it (each
    // premium rounded up: 59.19 + 135.44 + 10.80 + 32.84 + 131.76 = 370.03) fits the 440.00 left.
    // Then a claim of another provider for 300.00 is approved and leaves 140.00: the exact premiums
    // of the payslip (370.00) no longer fit, so the payroll run keeps the payslip waiting.
    await load(db, 'toekenningen', csv(ALLOCATION_HEADER, [allocation('T-A', HOLDER.a, 'WLZ', '2026-01-01', '2026-12-31', '2600.00', '', 'ZK0001')]));
    await load(db, 'zorgovereenkomsten', csv(AGREEMENT_HEADER, [
      agreement('Z-M', HOLDER.a, 'ZV2', 'WLZ', { kind: 'arbeidsovereenkomst', from: '2026-01-01', unit: 'maand', rate: '2160.00', monthly: '2160.00' }),
      agreement('Z-O', HOLDER.a, 'ZV1', 'WLZ', { kind: 'opdracht', from: '2026-01-01', unit: 'uur', rate: '30.00' }),
    ]));
    const now = new Date('2026-04-01T10:00:00+02:00');
    await recordPayrollChoice(db, { zorgovereenkomstId: 'Z-M', dagenPerWeek: 5, loonadministratie: true, heffingskorting: true, vastContract: true, geboortedatum: '1990-04-10', reden: 'test' }, { actor: 'test', now });
    await runMonthlyPay(db, { month: '2026-03', actor: 'test', now });
    await load(db, 'declaraties', csv(CLAIM_HEADER, [claimLine('O1', HOLDER.a, 'ZV1', '2026-03-10', '10', '30.00', { received: '2026-04-01T09:00:00+02:00' })]));
    assert.deepEqual(await claimStatus(db), { 'mnd:Z-M:2026-03': 'goedgekeurd', O1: 'goedgekeurd' });
    const before = await stateCounts(db);
    const run = await runPayroll(db, { periode: '2026-03', actor: 'test', now });
    assert.equal(run.loonrunId, null);
    assert.equal(run.wachtend.length, 1);
    assert.match(run.wachtend[0]!.reden, /ontoereikend voor de werkgeverslasten \(370\.00\)/);
    assert.deepEqual(await stateCounts(db), before);
    assert.equal(await available(db, 'T-A'), 260000 - 216000 - 30000);
    // the payment run pays the other provider's claim, and holds the monthly pay
    const pay = await runPayments(db, { date: '2026-04-02', actor: 'test', debtor: DEBTOR, now });
    assert.equal(pay.payments, 1);
    assert.equal(pay.total, 30000);
    await assertLedgerOk(db);
  } finally {
    await close();
  }
});

test(`minimum wage for the carer's age on claims and agreements; premiums counted in the claim's budget check (${STORE})`, async () => {
  const { db, close } = await freshDb();
  try {
    await loadParties(db);
    await load(db, 'toekenningen', csv(ALLOCATION_HEADER, [
      allocation('T-A', HOLDER.a, 'WLZ', '2026-01-01', '2026-12-31', '10000.00', '', 'ZK0001'),
      allocation('T-C', HOLDER.c, 'WLZ', '2026-01-01', '2026-12-31', '1100.00', '', 'ZK0001'),
    ]));
    // ZV2 is born 1 June 2007: 18 years old in spring 2026, 19 from 1 June.
    // Minimum wage January 2026 at 18: 7.36 an hour excluding holiday pay, so at least
    // 7.36 × 1.08 = 7.9488 → 7.95 including holiday pay (agreed wages include 8% holiday pay).
    await db.query(`UPDATE zorgverleners SET geboortedatum = '2007-06-01' WHERE zorgverlener_id = 'ZV2'`);
    await load(db, 'zorgovereenkomsten', csv(AGREEMENT_HEADER, [
      agreement('Z-F', HOLDER.a, 'ZV2', 'WLZ', { kind: 'familie', from: '2026-01-01', unit: 'uur', rate: '7.90' }),
      agreement('Z-W', HOLDER.a, 'ZV1', 'WLZ', { kind: 'opdracht', from: '2026-01-01', unit: 'uur', rate: '7.00' }),
      agreement('Z-U', HOLDER.c, 'ZV2', 'WLZ', { kind: 'arbeidsovereenkomst', from: '2026-01-01', unit: 'uur', rate: '17.28' }),
    ]));
    await load(db, 'declaraties', csv(CLAIM_HEADER, [
      // 7.90 < 7.95: below the minimum for an 18-year-old (a family agreement is checked too)
      claimLine('F1', HOLDER.a, 'ZV2', '2026-03-02', '4', '7.90', { received: '2026-05-04T09:00:00+02:00' }),
      // a contract for services is not checked against the minimum wage
      claimLine('W1', HOLDER.a, 'ZV1', '2026-03-02', '4', '7.00', { received: '2026-05-04T09:00:00+02:00' }),
    ]));
    const status = await claimStatus(db);
    assert.equal(status.F1, 'afgekeurd:ONDER_MINIMUMLOON');
    assert.equal(status.W1, 'goedgekeurd');
    const f1 = await db.query<{ toelichting: string }>(`SELECT toelichting FROM declaratie_gebeurtenissen WHERE declaratie_id = 'F1' AND gebeurtenis = 'afgekeurd'`);
    assert.match(f1.rows[0]!.toelichting, /18 jaar.*€ 7,36 per uur exclusief vakantiegeld, dus ten minste € 7,95/);

    // The payroll choice checks the agreed wage too: Z-F is a family agreement (never payroll), and
    // recording the carer's choice on an employment agreement below the minimum is refused.
    await load(db, 'zorgovereenkomsten', csv(AGREEMENT_HEADER, [agreement('Z-L', HOLDER.a, 'ZV2', 'WLZ', { kind: 'arbeidsovereenkomst', from: '2026-01-01', unit: 'uur', rate: '7.50' })]));
    await assert.rejects(
      recordPayrollChoice(db, { zorgovereenkomstId: 'Z-L', dagenPerWeek: 2, loonadministratie: true, heffingskorting: true, vastContract: false, reden: 'test' }, { actor: 'test', now: new Date('2026-05-04T10:00:00+02:00') }),
      (e: unknown) => e instanceof InputError && e.problems.some((p) => p.column === 'tarief' && /onder het wettelijk minimumloon/.test(p.message)),
    );

    // Premiums in the claim's budget check: 60 h × 17.28 = 1,036.80 fits the 1,100.00 budget, but the
    // employer premiums on it (AWf high 7.74% 80.24832 → 80.25, Aof 6.27% 65.00736 → 65.01, Wko 0.50%
    // 5.184 → 5.19, Whk 1.52% 15.75936 → 15.76, Zvw 6.10% 63.2448 → 63.25, each rounded up: 229.46)
    // do not: 1,100.00 − 1,036.80 = 63.20 left, 166.26 short. The claim is parked.
    await recordPayrollChoice(db, { zorgovereenkomstId: 'Z-U', dagenPerWeek: 3, loonadministratie: true, heffingskorting: false, vastContract: false, reden: 'netto' }, { actor: 'test', now: new Date('2026-05-04T10:00:00+02:00') });
    const u = Array.from({ length: 10 }, (_, i) => claimLine('U1', HOLDER.c, 'ZV2', `2026-04-${String(i + 1).padStart(2, '0')}`, '6', '17.28', { received: '2026-05-04T09:00:00+02:00' }));
    await load(db, 'declaraties', csv(CLAIM_HEADER, u));
    assert.equal((await claimStatus(db)).U1, 'geparkeerd:BUDGET_ONTOEREIKEND');
    const u1 = await db.query<{ toelichting: string }>(`SELECT toelichting FROM declaratie_gebeurtenissen WHERE declaratie_id = 'U1' ORDER BY id DESC LIMIT 1`);
    assert.match(u1.rows[0]!.toelichting, /werkgeverslasten daarop \(ten hoogste € 229,46\); er ontbreekt € 166,26/);
    assert.equal(await available(db, 'T-C'), 110000);
    await assertLedgerOk(db);
  } finally {
    await close();
  }
});
