import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyAllocation, type AllocationStep, type BudgetState } from './corrections.ts';
import type { ToekenningRow } from './csv.ts';
import { date } from '../../../kernel/dates.ts';
import { cents } from '../../../kernel/money.ts';

const HOLDER = 1;

function row(over: Partial<ToekenningRow> = {}): ToekenningRow {
  return {
    toekenning_id: 'T1',
    verstrekker: 'GM0344',
    bsn: '111222333',
    wet: 'WMO_HH',
    ingangsdatum: date('2026-01-01'),
    einddatum: date('2026-12-31'),
    bedrag: cents(1_200_000),
    vervangt: null,
    ...over,
  };
}

function fresh(): { budgets: Map<string, BudgetState>; versions: Map<string, string> } {
  return { budgets: new Map(), versions: new Map() };
}

type Problem = { column: string; message: string };

function step(r: AllocationStep | Problem): AllocationStep {
  assert.ok(!('message' in r), 'message' in r ? `${r.column}: ${r.message}` : '');
  return r as AllocationStep;
}

function problem(r: AllocationStep | Problem): Problem {
  assert.ok('message' in r, 'expected a problem');
  return r as Problem;
}

/** T1 (€ 12,000.00 for 2026) booked; optionally some spent from it on the given dates. */
function withT1(spent = 0, besteedVan: string | null = null, besteedTot: string | null = null) {
  const w = fresh();
  const s = step(applyAllocation(row(), HOLDER, w.budgets, w.versions));
  s.budget.beschikbaar -= spent;
  s.budget.besteedVan = besteedVan === null ? null : date(besteedVan);
  s.budget.besteedTot = besteedTot === null ? null : date(besteedTot);
  return w;
}

describe('applyAllocation', () => {
  test('a new allocation opens a budget under its own id', () => {
    const w = fresh();
    const s = step(applyAllocation(row(), HOLDER, w.budgets, w.versions));
    assert.equal(s.kind, 'nieuw');
    assert.ok(s.kind === 'nieuw');
    assert.equal(s.amount, 1_200_000);
    assert.deepEqual(s.budget, {
      budgetId: 'T1',
      verstrekker: 'GM0344',
      holderId: HOLDER,
      wet: 'WMO_HH',
      ingangsdatum: '2026-01-01',
      einddatum: '2026-12-31',
      toegekend: 1_200_000,
      beschikbaar: 1_200_000,
      laatsteVersie: 'T1',
      besteedVan: null,
      besteedTot: null,
    });
    assert.equal(w.budgets.get('T1'), s.budget);
    assert.equal(w.versions.get('T1'), 'T1');
  });

  test('a second allocation for the same holder, law and period is a budget of its own (several beschikkingen)', () => {
    const w = withT1();
    const s = step(applyAllocation(row({ toekenning_id: 'T9', bedrag: cents(50_000) }), HOLDER, w.budgets, w.versions));
    assert.equal(s.kind, 'nieuw');
    assert.equal(w.budgets.size, 2);
    assert.equal(w.budgets.get('T1')!.toegekend, 1_200_000, 'the first is untouched');
  });

  test('an increase books the positive difference and raises what is left', () => {
    const w = withT1(200_000);
    const s = step(applyAllocation(row({ toekenning_id: 'T2', vervangt: 'T1', bedrag: cents(1_500_000) }), HOLDER, w.budgets, w.versions));
    assert.equal(s.kind, 'correctie');
    assert.ok(s.kind === 'correctie');
    assert.equal(s.difference, 300_000);
    assert.equal(s.budget.budgetId, 'T1', 'the budget keeps the id of its first allocation');
    assert.equal(s.budget.toegekend, 1_500_000);
    assert.equal(s.budget.beschikbaar, 1_000_000 + 300_000);
    assert.equal(s.budget.laatsteVersie, 'T2');
    assert.equal(w.versions.get('T2'), 'T1');
    assert.equal(w.budgets.size, 1);
  });

  test('a decrease books the negative difference', () => {
    const w = withT1(200_000);
    const s = step(applyAllocation(row({ toekenning_id: 'T2', vervangt: 'T1', bedrag: cents(800_000) }), HOLDER, w.budgets, w.versions));
    assert.ok(s.kind === 'correctie');
    assert.equal(s.difference, -400_000);
    assert.equal(s.budget.toegekend, 800_000);
    assert.equal(s.budget.beschikbaar, 600_000);
  });

  test('a decrease down to exactly what was spent is allowed: nothing is left', () => {
    const w = withT1(200_000, '2026-02-02', '2026-02-27');
    const s = step(applyAllocation(row({ toekenning_id: 'T2', vervangt: 'T1', bedrag: cents(200_000) }), HOLDER, w.budgets, w.versions));
    assert.ok(s.kind === 'correctie');
    assert.equal(s.budget.beschikbaar, 0);
  });

  test('a withdrawal (0.00) of an unspent allocation takes all of it back', () => {
    const w = withT1();
    const s = step(applyAllocation(row({ toekenning_id: 'T2', vervangt: 'T1', bedrag: cents(0) }), HOLDER, w.budgets, w.versions));
    assert.ok(s.kind === 'correctie');
    assert.equal(s.difference, -1_200_000);
    assert.equal(s.budget.toegekend, 0);
    assert.equal(s.budget.beschikbaar, 0);
    assert.equal(s.budget.laatsteVersie, 'T2');
  });

  test('a correction may change the period', () => {
    const w = withT1();
    const s = step(
      applyAllocation(row({ toekenning_id: 'T2', vervangt: 'T1', ingangsdatum: date('2026-03-01'), einddatum: date('2027-02-28') }), HOLDER, w.budgets, w.versions),
    );
    assert.equal(s.budget.ingangsdatum, '2026-03-01');
    assert.equal(s.budget.einddatum, '2027-02-28');
  });

  test('a chain of corrections: each corrects the latest version', () => {
    const w = withT1();
    step(applyAllocation(row({ toekenning_id: 'T2', vervangt: 'T1', bedrag: cents(1_000_000) }), HOLDER, w.budgets, w.versions));
    const s = step(applyAllocation(row({ toekenning_id: 'T3', vervangt: 'T2', bedrag: cents(1_100_000) }), HOLDER, w.budgets, w.versions));
    assert.ok(s.kind === 'correctie');
    assert.equal(s.difference, 100_000);
    assert.equal(s.budget.budgetId, 'T1');
    assert.equal(s.budget.laatsteVersie, 'T3');
    assert.equal(w.versions.get('T3'), 'T1');
  });

  test('correcting a superseded version is an error naming the latest version', () => {
    const w = withT1();
    step(applyAllocation(row({ toekenning_id: 'T2', vervangt: 'T1', bedrag: cents(1_000_000) }), HOLDER, w.budgets, w.versions));
    const p = problem(applyAllocation(row({ toekenning_id: 'T3', vervangt: 'T1', bedrag: cents(900_000) }), HOLDER, w.budgets, w.versions));
    assert.equal(p.column, 'vervangt');
    assert.match(p.message, /'T1' is al vervangen door 'T2'/);
    assert.equal(w.budgets.get('T1')!.toegekend, 1_000_000, 'nothing changed');
    assert.equal(w.versions.has('T3'), false);
  });

  test('correcting an unknown allocation is an error', () => {
    const w = withT1();
    const p = problem(applyAllocation(row({ toekenning_id: 'T2', vervangt: 'T-ONBEKEND' }), HOLDER, w.budgets, w.versions));
    assert.equal(p.column, 'vervangt');
    assert.match(p.message, /onbekend/);
  });

  test('a correction below what was spent is an error; a recovery is a separate matter', () => {
    const w = withT1(300_000, '2026-02-02', '2026-02-27');
    const p = problem(applyAllocation(row({ toekenning_id: 'T2', vervangt: 'T1', bedrag: cents(299_999) }), HOLDER, w.budgets, w.versions));
    assert.equal(p.column, 'bedrag');
    assert.match(p.message, /2999\.99 is minder dan wat al uit deze toekenning is betaald \(3000\.00\)/);
    const b = w.budgets.get('T1')!;
    assert.equal(b.toegekend, 1_200_000);
    assert.equal(b.beschikbaar, 900_000);
    assert.equal(b.laatsteVersie, 'T1');
  });

  test('withdrawing a partly spent allocation is an error', () => {
    const w = withT1(1, '2026-01-05', '2026-01-05');
    const p = problem(applyAllocation(row({ toekenning_id: 'T2', vervangt: 'T1', bedrag: cents(0) }), HOLDER, w.budgets, w.versions));
    assert.equal(p.column, 'bedrag');
  });

  test('another funder correcting an allocation gets the message of an unknown one (it may not learn it exists)', () => {
    const w = withT1();
    const p = problem(applyAllocation(row({ toekenning_id: 'T2', vervangt: 'T1', verstrekker: 'GM0363' }), HOLDER, w.budgets, w.versions));
    const missing = problem(applyAllocation(row({ toekenning_id: 'T2', vervangt: 'T-ONBEKEND', verstrekker: 'GM0363' }), HOLDER, w.budgets, w.versions));
    assert.deepEqual(p, { column: 'vervangt', message: "toekenning 'T1' is onbekend" });
    assert.deepEqual(missing, { column: 'vervangt', message: "toekenning 'T-ONBEKEND' is onbekend" });
    assert.doesNotMatch(p.message, /GM0344/);
    assert.equal(w.budgets.get('T1')!.toegekend, 1_200_000, 'nothing changed');
    assert.equal(w.versions.has('T2'), false);
  });

  test('another funder correcting a superseded version also gets "onbekend", not the latest version', () => {
    const w = withT1();
    step(applyAllocation(row({ toekenning_id: 'T2', vervangt: 'T1', bedrag: cents(1_000_000) }), HOLDER, w.budgets, w.versions));
    const p = problem(applyAllocation(row({ toekenning_id: 'T3', vervangt: 'T1', verstrekker: 'GM0363' }), HOLDER, w.budgets, w.versions));
    assert.deepEqual(p, { column: 'vervangt', message: "toekenning 'T1' is onbekend" });
    assert.doesNotMatch(p.message, /T2/);
  });

  test('changing the holder is an error', () => {
    const w = withT1();
    const p = problem(applyAllocation(row({ toekenning_id: 'T2', vervangt: 'T1', bsn: '123456782' }), 2, w.budgets, w.versions));
    assert.equal(p.column, 'bsn');
    assert.match(p.message, /andere budgethouder/);
  });

  test('changing the law is an error', () => {
    const w = withT1();
    const p = problem(applyAllocation(row({ toekenning_id: 'T2', vervangt: 'T1', wet: 'WLZ' }), HOLDER, w.budgets, w.versions));
    assert.equal(p.column, 'wet');
    assert.match(p.message, /WMO_HH/);
  });

  test('a shortened period that no longer covers spent dates is an error (start moved past the first spent date)', () => {
    const w = withT1(100_000, '2026-02-02', '2026-05-29');
    const p = problem(applyAllocation(row({ toekenning_id: 'T2', vervangt: 'T1', ingangsdatum: date('2026-03-01') }), HOLDER, w.budgets, w.versions));
    assert.equal(p.column, 'ingangsdatum');
    assert.match(p.message, /2026-02-02 t\/m 2026-05-29/);
    assert.equal(w.budgets.get('T1')!.ingangsdatum, '2026-01-01', 'nothing changed');
  });

  test('a shortened period that no longer covers spent dates is an error (end moved before the last spent date)', () => {
    const w = withT1(100_000, '2026-02-02', '2026-05-29');
    const p = problem(applyAllocation(row({ toekenning_id: 'T2', vervangt: 'T1', einddatum: date('2026-05-28') }), HOLDER, w.budgets, w.versions));
    assert.match(p.message, /de nieuwe looptijd moet die dekken/);
    assert.equal(w.budgets.get('T1')!.einddatum, '2026-12-31', 'nothing changed');
  });

  test('a shortened period that still covers the spent dates is fine (the edges included)', () => {
    const w = withT1(100_000, '2026-02-02', '2026-05-29');
    const s = step(
      applyAllocation(row({ toekenning_id: 'T2', vervangt: 'T1', ingangsdatum: date('2026-02-02'), einddatum: date('2026-05-29') }), HOLDER, w.budgets, w.versions),
    );
    assert.equal(s.budget.ingangsdatum, '2026-02-02');
    assert.equal(s.budget.einddatum, '2026-05-29');
  });

  test('property: after any sequence of valid corrections, beschikbaar = toegekend − spent, and the differences add up', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.array(fc.integer({ min: 0, max: 2_000_000 }), { minLength: 1, maxLength: 10 }), (spent, amounts) => {
        const w = fresh();
        const first = step(applyAllocation(row({ bedrag: cents(spent + 1000) }), HOLDER, w.budgets, w.versions));
        first.budget.beschikbaar -= spent;
        let total = spent + 1000;
        let latest = 'T1';
        amounts.forEach((amount, i) => {
          const id = `T${i + 2}`;
          const r = applyAllocation(row({ toekenning_id: id, vervangt: latest, bedrag: cents(amount) }), HOLDER, w.budgets, w.versions);
          if (amount < spent) {
            assert.equal(problem(r).column, 'bedrag');
            return;
          }
          const s = step(r);
          assert.ok(s.kind === 'correctie');
          total += s.difference;
          latest = id;
        });
        const b = w.budgets.get('T1')!;
        assert.equal(b.toegekend, total);
        assert.equal(b.beschikbaar, b.toegekend - spent);
        assert.ok(b.beschikbaar >= 0);
        assert.equal(b.laatsteVersie, latest);
      }),
    );
  });
});
