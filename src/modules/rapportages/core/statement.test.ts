import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PlainDate } from '../../../kernel/dates.ts';
import { composeStatement, type StatementCharge } from './statement.ts';

const d = (s: string) => s as PlainDate;
const charge = (over: Partial<StatementCharge>): StatementCharge => ({ wet: 'WMO_HH', bron: 'budget', budget_id: 'T-A', maand: '2026-08', zorgverlener_id: 'ZV1', zorgverlener: 'Zorg Een', bedrag: 100_00, ...over });

test('quarterly statement: granted, spent per month and provider, own deposits, left at the end of the quarter', () => {
  const [law, other] = composeStatement({
    maanden: ['2026-07', '2026-08', '2026-09'],
    budgets: [{ budget_id: 'T-J', wet: 'JW', verstrekker: 'GM0001', verstrekker_naam: 'Gemeente Proef', ingangsdatum: d('2026-07-01'), einddatum: d('2026-12-31'), toegekend: 300_00 }, { budget_id: 'T-A', wet: 'WMO_HH', verstrekker: 'GM0001', verstrekker_naam: 'Gemeente Proef', ingangsdatum: d('2026-01-01'), einddatum: d('2026-12-31'), toegekend: 2000_00 }],
    charges: [
      charge({ maand: '2026-05', bedrag: 500_00 }), // before the quarter
      charge({ maand: '2026-07', bedrag: 100_00 }),
      charge({ maand: '2026-08', bedrag: 150_00, zorgverlener_id: 'ZV2', zorgverlener: 'Zorg Twee' }),
      charge({ maand: '2026-08', bedrag: 20_00, bron: 'eigen_bijdrage', budget_id: null }), // above the maximum tariff, from own deposits
      charge({ maand: '2026-10', bedrag: 999_00 }), // after the quarter: not in this statement
      charge({ maand: '2026-07', bedrag: 5_00, budget_id: 'T-OUD' }), // a budget that is not in this statement
      charge({ wet: 'JW', budget_id: 'T-J', maand: '2026-09', bedrag: 40_00 }),
    ],
    deposits: [{ wet: 'WMO_HH', bedrag: 50_00 }],
  });
  assert.equal(law!.wet, 'JW'); // laws in alphabetical order of their code
  assert.deepEqual([law!.toegekend, law!.besteed_kwartaal, law!.resterend], [300_00, 40_00, 260_00]);
  assert.deepEqual(law!.per_zorgverlener, [{ zorgverlener_id: 'ZV1', zorgverlener: 'Zorg Een', bedrag: 40_00 }]);
  const w = other!;
  assert.deepEqual(w.maanden, [
    { maand: '2026-07', uit_budget: 100_00, uit_eigen_storting: 0 },
    { maand: '2026-08', uit_budget: 150_00, uit_eigen_storting: 20_00 },
    { maand: '2026-09', uit_budget: 0, uit_eigen_storting: 0 },
  ]);
  assert.deepEqual(w.per_zorgverlener.map((p) => [p.zorgverlener_id, p.bedrag]), [['ZV2', 150_00], ['ZV1', 120_00]]);
  // 2000 − (500 before + 100 + 150 in the quarter) = 1250; own deposits do not touch the budget
  assert.deepEqual([w.toegekend, w.besteed_eerder, w.besteed_kwartaal, w.eigen_storting_besteed, w.gestort, w.resterend], [2000_00, 500_00, 250_00, 20_00, 50_00, 1250_00]);
  assert.deepEqual(w.verstrekkers, ['Gemeente Proef']);
});
