import { test } from 'node:test';
import assert from 'node:assert/strict';
import { date } from '../../../kernel/dates.ts';
import { cents } from '../../../kernel/money.ts';
import type { OwnAmountRule } from '../../tarieven/index.ts';
import { chargeBudgets, checkRequest, yearlyAllowance } from './rules.ts';

const WLZ: OwnAmountRule = { verstrekker: null, wet: 'WLZ', soort: 'verantwoordingsvrij', geldigVan: date('2024-01-01'), geldigTot: null, percentage: 150, minimum: cents(25000), maximum: cents(125000), bron: 'Rlz' };

test('Wlz verantwoordingsvrij bedrag: 1.5% of what was spent, at least € 250, at most € 1,250', () => {
  assert.equal(yearlyAllowance(WLZ, 0), 25000);
  assert.equal(yearlyAllowance(WLZ, 1_000_000), 25000); // 1.5% of € 10,000 = € 150 → € 250
  assert.equal(yearlyAllowance(WLZ, 2_000_000), 30000); // € 20,000 → € 300
  assert.equal(yearlyAllowance(WLZ, 3_333_333), 50000); // 499.99995 → € 500.00 (half away from zero)
  assert.equal(yearlyAllowance(WLZ, 10_000_000), 125000); // € 1,500 → € 1,250
  assert.equal(yearlyAllowance({ ...WLZ, percentage: null, minimum: cents(0), maximum: cents(30000) }, 9_999_999), 30000, 'a fixed yearly amount');
});

test('a request fits the allowance minus what was requested before; a larger one is refused with the figures', () => {
  const ok = checkRequest({ soort: 'verantwoordingsvrij', jaar: 2025, bedrag: 20000, rule: WLZ, spent: 2_000_000, earlier: 10000 });
  assert.deepEqual(ok, { ok: true, allowance: 30000, left: 20000 });
  const no = checkRequest({ soort: 'verantwoordingsvrij', jaar: 2025, bedrag: 20001, rule: WLZ, spent: 2_000_000, earlier: 10000 });
  assert.equal(no.ok, false);
  assert.match((no as { message: string }).message, /U vraagt € 200,01 verantwoordingsvrij bedrag; voor 2025 is het maximum € 300,00 \(1,50% van het bestede budget € 20\.000,00, minimaal € 250,00 en maximaal € 1\.250,00\), waarvan al € 100,00 is aangevraagd\. U kunt nog € 200,00 aanvragen\./);
  assert.equal(checkRequest({ soort: 'reiskosten', jaar: 2025, bedrag: 1, rule: undefined, spent: 0, earlier: 0 }).ok, false);
});

test('charged to the budget ending first, whole or not at all', () => {
  const budgets = [
    { budgetId: 'B', ingangsdatum: '2025-07-01', einddatum: '2025-12-31', beschikbaar: 500 },
    { budgetId: 'A', ingangsdatum: '2025-01-01', einddatum: '2025-06-30', beschikbaar: 300 },
  ];
  assert.deepEqual(chargeBudgets(700, budgets), [{ budgetId: 'A', amount: 300 }, { budgetId: 'B', amount: 400 }]);
  assert.equal(chargeBudgets(801, budgets), undefined);
  assert.deepEqual(chargeBudgets(800, budgets)?.reduce((s, c) => s + c.amount, 0), 800);
});
