import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PlainDate } from '../../../kernel/dates.ts';
import { REASONS } from '../../declaraties/index.ts';
import { amountsPerLaw, awaitingApproval, backlogNature, backlogPerWeek, funderSettlement, paymentCounts, refusalBands, refusalsByReason, timelinessPerWeek, type FlowFact, type TimelinessFact } from './aggregate.ts';

const d = (s: string) => s as PlainDate;

test('backlog per week: the opening backlog, inflow, outflow, returns, and the backlog at each week end', () => {
  const facts: FlowFact[] = [
    // before the period: 5 in, 2 paid → 3 open on Monday 9 March
    { dag: d('2026-03-01'), soort: 'in', aantal: 5 },
    { dag: d('2026-03-05'), soort: 'uit_betaald', aantal: 2 },
    // week 11 (9–15 March): 4 in, 3 paid, 1 rejected, 1 returned payment → 3 + 4 − 4 + 1 = 4
    { dag: d('2026-03-09'), soort: 'in', aantal: 4 },
    { dag: d('2026-03-12'), soort: 'uit_betaald', aantal: 3 },
    { dag: d('2026-03-13'), soort: 'uit_afgekeurd', aantal: 1 },
    { dag: d('2026-03-15'), soort: 'heropend', aantal: 1 },
    // week 12 (16–22 March): 2 in → 6
    { dag: d('2026-03-22'), soort: 'in', aantal: 2 },
    // after the period: not counted
    { dag: d('2026-03-23'), soort: 'in', aantal: 9 },
  ];
  const rows = backlogPerWeek(facts, d('2026-03-10'), d('2026-03-20'));
  assert.deepEqual(
    rows.map((r) => [r.week, r.voorraad_begin, r.instroom, r.uitstroom_betaald, r.uitstroom_afgekeurd, r.uitstroom, r.heropend, r.voorraad_eind]),
    [
      ['2026-W11', 3, 4, 3, 1, 4, 1, 4],
      ['2026-W12', 4, 2, 0, 0, 0, 0, 6],
    ],
  );
});

test('nature of the backlog: months before the reference month, their subtotal, the month itself, the total (seed 000 table 1)', () => {
  const rows = backlogNature(
    [
      { maand: '2026-04', status: 'geparkeerd', reden: 'BUDGET_ONTOEREIKEND', aantal: 2 },
      { maand: '2026-04', status: 'goedgekeurd', reden: null, aantal: 1 },
      { maand: '2026-05', status: 'geparkeerd', reden: 'GEEN_TOEKENNING', aantal: 3 },
      { maand: '2026-06', status: 'ontvangen', reden: null, aantal: 4 },
      { maand: '2026-06', status: 'geparkeerd', reden: 'MAXIMUMTARIEF_OVERSCHREDEN', aantal: 1 },
    ],
    '2026-06',
  );
  assert.deepEqual(
    rows.map((r) => [r.maand, r.openstaand, r.regulier, r.te_controleren, r.te_betalen, r.geparkeerd, r.geparkeerd_BUDGET_ONTOEREIKEND, r.geparkeerd_GEEN_TOEKENNING, r.geparkeerd_MAXIMUMTARIEF_OVERSCHREDEN, r.spoedbetaald]),
    [
      ['2026-04', 3, 1, 0, 1, 2, 2, 0, 0, 0],
      ['2026-05', 3, 0, 0, 0, 3, 0, 3, 0, 0],
      ['subtotaal t/m 2026-05', 6, 1, 0, 1, 5, 2, 3, 0, 0],
      ['2026-06', 5, 4, 4, 0, 1, 0, 0, 1, 0],
      ['totaal', 11, 5, 4, 1, 6, 2, 3, 1, 0],
    ],
  );
  // nothing open at all still gives the reference month and the total
  assert.deepEqual(backlogNature([], '2026-06').map((r) => [r.maand, r.openstaand]), [['2026-06', 0], ['totaal', 0]]);
});

test('paid within 10 working days: "was" counts rightly refused claims as late, "wordt" leaves them out (seed 000 tables 2–4)', () => {
  const facts: TimelinessFact[] = [
    { ontvangstdatum: d('2026-03-09'), uitkomst: 'tijdig', aantal: 5 },
    { ontvangstdatum: d('2026-03-11'), uitkomst: 'tijdig', aantal: 3 },
    { ontvangstdatum: d('2026-03-12'), uitkomst: 'te_laat', aantal: 1 },
    { ontvangstdatum: d('2026-03-15'), uitkomst: 'terecht_niet_betaald', aantal: 1 },
    { ontvangstdatum: d('2026-03-16'), uitkomst: 'lopend', aantal: 3 },
  ];
  const rows = timelinessPerWeek(facts, d('2026-03-09'), d('2026-03-22'));
  // week 11: 8 on time of 10 → was 80/20; of the 9 correct claims 8 → wordt 88.9 → 89/11
  // week 12: only claims whose latest payment date has not passed → no percentage yet
  assert.deepEqual(
    rows.map((r) => [r.week, r.ontvangen, r.tijdig, r.te_laat, r.terecht_niet_betaald, r.lopend, r.was_binnen, r.was_meer, r.wordt_binnen, r.wordt_meer]),
    [
      ['2026-W11', 10, 8, 1, 1, 0, 80, 20, 89, 11],
      ['2026-W12', 3, 0, 0, 0, 3, null, null, null, null],
      ['totaal', 13, 8, 1, 1, 3, 80, 20, 89, 11],
    ],
  );
});

test('refusals by reason: the 55 refused payments of week 25 of 2015 give 56% budget and 40% maximum tariff', () => {
  const rows = refusalsByReason([
    { uitkomst: 'geparkeerd', reden: 'BUDGET_ONTOEREIKEND', aantal: 31, bedrag: 31_000_00 },
    { uitkomst: 'geparkeerd', reden: 'MAXIMUMTARIEF_OVERSCHREDEN', aantal: 20, bedrag: 2_000_00 },
    { uitkomst: 'afgekeurd', reden: 'MAXIMUMTARIEF_OVERSCHREDEN', aantal: 2, bedrag: 200_00 },
    { uitkomst: 'afgekeurd', reden: 'ONGELDIG', aantal: 2, bedrag: 10_00 },
  ]);
  const by = Object.fromEntries(rows.map((r) => [r.reden, r]));
  assert.deepEqual(by.BUDGET_ONTOEREIKEND, { reden: 'BUDGET_ONTOEREIKEND', geparkeerd: 31, afgekeurd: 0, declaraties: 31, bedrag: 31_000_00, aandeel: 56 });
  assert.deepEqual(by.MAXIMUMTARIEF_OVERSCHREDEN, { reden: 'MAXIMUMTARIEF_OVERSCHREDEN', geparkeerd: 20, afgekeurd: 2, declaraties: 22, bedrag: 2_200_00, aandeel: 40 });
  assert.equal(by.ONGELDIG!.aandeel, 4);
  assert.equal(by.GEEN_TOEKENNING!.declaraties, 0); // every reason has a row
  assert.deepEqual(rows[rows.length - 1], { reden: 'totaal', geparkeerd: 51, afgekeurd: 4, declaraties: 55, bedrag: 33_210_00, aandeel: 100 });
  // every reason code (the ten of formats.md, INDIENTERMIJN_VERSTREKEN of issue #8, ONDER_MINIMUMLOON of issue #9) and the total
  assert.deepEqual(rows.map((r) => r.reden), [...REASONS, 'totaal']);
});

test('holders by number of refused claims: 1–5, more than 5, of which more than 10', () => {
  assert.deepEqual(refusalBands([1, 5, 6, 10, 11, 3]).map((r) => r.budgethouders), [3, 3, 1]);
  assert.deepEqual(refusalBands([]).map((r) => r.budgethouders), [0, 0, 0]);
});

test('claimed and paid per law per month of care, unknown law apart, every month of the period and a total', () => {
  const rows = amountsPerLaw(
    [
      { maand: '2026-01', wet: 'WMO_HH', gedeclareerd: 330, betaald: 100 },
      { maand: '2026-01', wet: 'WLZ', gedeclareerd: 2400, betaald: 2400 },
      { maand: '2026-02', wet: null, gedeclareerd: 50, betaald: 0 },
      { maand: '2026-03', wet: 'WLZ', gedeclareerd: 999, betaald: 0 },
    ],
    ['2026-01', '2026-02'],
  );
  assert.deepEqual(rows.map((r) => [r.maand, r.gedeclareerd_WMO_HH, r.betaald_WMO_HH, r.gedeclareerd_WLZ, r.betaald_WLZ, r.gedeclareerd_ONBEKEND, r.gedeclareerd_totaal, r.betaald_totaal]), [
    ['2026-01', 330, 100, 2400, 2400, 0, 2730, 2500],
    ['2026-02', 0, 0, 0, 0, 50, 50, 0],
    ['totaal', 330, 100, 2400, 2400, 50, 2780, 2500],
  ]);
});

test('payment counts by kind: monthly and per claim, with and without payroll, urgent', () => {
  const rows = paymentCounts(
    [
      { maand: '2026-01', soort: 'maand', verloning: false, aantal: 3, bedrag: 300 },
      { maand: '2026-01', soort: 'declaratie', verloning: false, aantal: 5, bedrag: 500 },
      { maand: '2026-02', soort: 'declaratie', verloning: true, aantal: 1, bedrag: 70 },
      { maand: '2026-02', soort: 'spoed', verloning: false, aantal: 2, bedrag: 20 },
    ],
    [{ maand: '2026-01', overboekingen: 4 }, { maand: '2026-02', overboekingen: 3 }],
    ['2026-01', '2026-02'],
  );
  assert.deepEqual(rows.map((r) => [r.maand, r.verloning_maand, r.verloning_declaratie, r.verloning_totaal, r.zonder_maand, r.zonder_declaratie, r.spoed, r.zonder_totaal, r.totaal, r.overboekingen, r.bedrag]), [
    ['2026-01', 0, 0, 0, 3, 5, 0, 8, 8, 4, 800],
    ['2026-02', 0, 1, 1, 0, 0, 2, 2, 3, 3, 90],
    ['totaal', 0, 1, 1, 3, 5, 2, 10, 11, 7, 890],
  ]);
});

test('agreements awaiting approval per funder, their age in working days banded', () => {
  const rows = awaitingApproval(
    [
      { verstrekker: 'GM0001', verstrekker_naam: 'Gemeente Proef', zorgovereenkomst_id: 'a', sinds: d('2026-03-20') }, // 0
      { verstrekker: 'GM0001', verstrekker_naam: 'Gemeente Proef', zorgovereenkomst_id: 'b', sinds: d('2026-03-13') }, // 16–20 March: 5
      { verstrekker: 'GM0001', verstrekker_naam: 'Gemeente Proef', zorgovereenkomst_id: 'c', sinds: d('2026-03-06') }, // 10
      { verstrekker: 'ZK0001', verstrekker_naam: 'Zorgkantoor Proef', zorgovereenkomst_id: 'd', sinds: d('2026-02-13') }, // five weeks: 25
      { verstrekker: null, verstrekker_naam: null, zorgovereenkomst_id: 'e', sinds: d('2026-03-19') }, // 1
    ],
    d('2026-03-20'),
  );
  assert.deepEqual(rows.map((r) => [r.verstrekker, r.wachtend, r.tot_5, r.van_6_tot_10, r.van_11_tot_20, r.meer_dan_20, r.oudste_werkdagen]), [
    ['GM0001', 3, 2, 1, 0, 0, 10],
    ['ZK0001', 1, 0, 0, 0, 1, 25],
    ['-', 1, 1, 0, 0, 0, 1],
    ['totaal', 5, 3, 1, 0, 1, 25],
  ]);
  assert.equal(rows[2]!.naam, 'nog geen toekenning voor deze wet');
});

test('per funder: to be settled is deposited minus spent', () => {
  const rows = funderSettlement([
    { verstrekker: 'ZK0001', naam: 'Z', budgetten: 1, toegekend: 500, besteed: 100, betaald: 100, resterend: 400, gestort: 0 },
    { verstrekker: 'GM0001', naam: 'G', budgetten: 2, toegekend: 1000, besteed: 300, betaald: 200, resterend: 700, gestort: 500 },
  ]);
  assert.deepEqual(rows.map((r) => [r.verstrekker, r.toegekend, r.besteed, r.gestort, r.te_verrekenen]), [
    ['GM0001', 1000, 300, 500, 200],
    ['ZK0001', 500, 100, 0, -100],
    ['totaal', 1500, 400, 500, 100],
  ]);
});
