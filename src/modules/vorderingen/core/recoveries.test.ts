import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertBalanced } from '../../ledger/index.ts';
import type { Cents } from '../../../kernel/money.ts';
import {
  ageInDays, establishEntry, parseRepaymentReference, planSetOff, repaymentEntry, setOffEntry, setOffRemittance, writeOffEntry, type OpenRecoveryOf,
} from './recoveries.ts';

const c = (n: number) => n as Cents;

test('the repayment reference: VORDERING V-<n> anywhere in the text, any case, a space, dash or colon between', () => {
  assert.equal(parseRepaymentReference('VORDERING V-123'), 'V-123');
  assert.equal(parseRepaymentReference('terugbetaling vordering v-7 restant'), 'V-7');
  assert.equal(parseRepaymentReference('Vordering: V-42'), 'V-42');
  assert.equal(parseRepaymentReference('VORDERINGV-9'), 'V-9');
  for (const t of [undefined, '', 'V-123', 'VORDERING 123', 'PGB STORTING 1000001 WLZ', 'VORDERINGEN V-1']) assert.equal(parseRepaymentReference(t), undefined, String(t));
});

test('set-off in a run: oldest first, lowered in place so that the next payment to the same party sees what is left', () => {
  const open: OpenRecoveryOf[] = [
    { id: 'V-2', vastgesteld: '2026-11-10', open: c(30_00), debtor: { kind: 'zorgverlener', id: 'ZV1' }, budgetId: 'T-A' },
    { id: 'V-1', vastgesteld: '2026-11-01', open: c(50_00), debtor: { kind: 'zorgverlener', id: 'ZV1' }, budgetId: 'T-B' },
  ];
  const first = planSetOff(c(60_00), open);
  assert.deepEqual(first.result, { bruto: 60_00, verrekend: 60_00, netto: 0, perVordering: [{ vorderingId: 'V-1', bedrag: 50_00 }, { vorderingId: 'V-2', bedrag: 10_00 }] });
  assert.deepEqual(first.setOffs.map((s) => [s.vorderingId, s.budgetId, s.amount]), [['V-1', 'T-B', 50_00], ['V-2', 'T-A', 10_00]]);
  assert.deepEqual(open.map((r) => [r.id, r.open]), [['V-2', 20_00], ['V-1', 0]]);
  const second = planSetOff(c(25_00), open);
  assert.deepEqual([second.result.verrekend, second.result.netto], [20_00, 5_00]);
  assert.deepEqual(planSetOff(c(10_00), []).result, { bruto: 10_00, verrekend: 0, netto: 10_00, perVordering: [] });
});

test('the remittance names the set-off: each recovery when one or two, else how many and the total', () => {
  assert.equal(setOffRemittance([]), '');
  assert.equal(setOffRemittance([{ vorderingId: 'V-1', amount: c(60_00) }]), ' VERREKEND V-1 60.00');
  assert.equal(setOffRemittance([{ vorderingId: 'V-1', amount: c(60_00) }, { vorderingId: 'V-2', amount: c(5) }]), ' VERREKEND V-1 60.00, V-2 0.05');
  assert.equal(setOffRemittance([1, 2, 3].map((n) => ({ vorderingId: `V-${n}`, amount: c(10_00) }))), ' VERREKEND 3 VORDERINGEN 30.00');
});

test('every booking of a recovery balances; the budget moves only when money comes back', () => {
  const debtor = { kind: 'zorgverlener' as const, id: 'ZV1' };
  const entries = [
    establishEntry('V-1', c(60_00), 'x'),
    setOffEntry({ vorderingId: 'V-1', betalingId: 'btl_1', debtor, budgetId: 'T-A', amount: c(40_00) }),
    setOffEntry({ vorderingId: 'V-1', betalingId: 'btl_1', debtor, budgetId: 'T-A', amount: c(40_00) }, true),
    repaymentEntry({ vorderingId: 'V-1', bankRef: 'A/E1/1', budgetId: 'T-A', amount: c(20_00) }),
    writeOffEntry('V-1', c(40_00), 'verjaard'),
  ];
  for (const e of entries) assertBalanced(e);
  const on = (kind: string) => entries.map((e) => e.postings.filter((p) => p.account.kind === kind).reduce((s, p) => s + p.amount, 0));
  assert.deepEqual(on('budget'), [0, -40_00, 40_00, -20_00, 0]);
  assert.deepEqual(on('vordering'), [60_00, -40_00, 40_00, -20_00, -40_00]);
  assert.deepEqual(on('te_vorderen'), [-60_00, 40_00, -40_00, 20_00, 40_00]);
  assert.equal(setOffEntry({ vorderingId: 'V-1', betalingId: 'btl_1', debtor: { kind: 'budgethouder', id: '7' }, budgetId: 'T-A', amount: c(1) }).postings[0]!.account.kind, 'uitbetaald_aan_budgethouder');
});

test('age in whole days, across a change to summer time', () => {
  assert.equal(ageInDays('2026-11-09', '2026-11-21'), 12);
  assert.equal(ageInDays('2026-03-01', '2026-04-01'), 31);
  assert.equal(ageInDays('2026-11-21', '2026-11-21'), 0);
});
