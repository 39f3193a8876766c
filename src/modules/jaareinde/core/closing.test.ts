import { test } from 'node:test';
import assert from 'node:assert/strict';
import { date } from '../../../kernel/dates.ts';
import { closingFigures, depositDecision, earliestClosing, settlement, type BudgetFacts } from './closing.ts';

const facts = (over: Partial<BudgetFacts>): BudgetFacts => ({
  budgetId: 'B1', verstrekker: 'GM0001', holderId: 1, wet: 'WMO_HH', ingangsdatum: date('2025-01-01'), einddatum: date('2025-12-31'),
  toegekend: 500000, besteedDeclaraties: 300000, besteedEigenBedragen: 25000, beschikbaar: 175000, uitStortingen: 1000, openDeclaraties: 0, ...over,
});

test('a year can be closed from 2 April of the next year', () => {
  assert.equal(earliestClosing(2025), '2026-04-02');
});

test('closing figures: granted = spent on claims + own amounts + back to the funder; an inconsistency throws', () => {
  assert.equal(closingFigures(2025, facts({})).terugNaarVerstrekker, 175000);
  assert.throws(() => closingFigures(2025, facts({ beschikbaar: 175001 })), /beschikbaar is 175001/);
  assert.equal(closingFigures(2025, facts({ besteedDeclaraties: 475000, beschikbaar: 0 })).terugNaarVerstrekker, 0);
});

test('settlement per funder and law adds up its budgets', () => {
  const rows = [
    closingFigures(2025, facts({})),
    closingFigures(2025, facts({ budgetId: 'B2', toegekend: 100000, besteedDeclaraties: 100000, besteedEigenBedragen: 0, beschikbaar: 0, openDeclaraties: 2 })),
    closingFigures(2025, facts({ budgetId: 'B3', verstrekker: 'ZK0001', wet: 'WLZ' })),
  ];
  assert.deepEqual(settlement(rows), [
    { verstrekker: 'GM0001', wet: 'WMO_HH', budgetten: 2, toegekend: 600000, besteedDeclaraties: 400000, besteedEigenBedragen: 25000, terugNaarVerstrekker: 175000, openDeclaraties: 2 },
    { verstrekker: 'ZK0001', wet: 'WLZ', budgetten: 1, toegekend: 500000, besteedDeclaraties: 300000, besteedEigenBedragen: 25000, terugNaarVerstrekker: 175000, openDeclaraties: 0 },
  ]);
});

test('leftover deposits go back unless a later budget or parked claims need them', () => {
  assert.deepEqual(depositDecision({ holderId: 1, wet: 'JW', left: 1000, laterBudget: false, parkedClaims: 0 }), { holderId: 1, wet: 'JW', return: 1000 });
  assert.match((depositDecision({ holderId: 1, wet: 'JW', left: 1000, laterBudget: true, parkedClaims: 0 }) as { keep: string }).keep, /latere toekenning/);
  assert.match((depositDecision({ holderId: 1, wet: 'JW', left: 1000, laterBudget: false, parkedClaims: 1 }) as { keep: string }).keep, /geparkeerde/);
  assert.equal(depositDecision({ holderId: 1, wet: 'JW', left: 0, laterBudget: false, parkedClaims: 0 }), undefined);
});
