import { test } from 'node:test';
import assert from 'node:assert/strict';
import { date } from '../../../kernel/dates.ts';
import { extendedAmount, fallbackDecision, type FallbackFacts } from './fallback.ts';

const P = { toekenningId: 'TKB-1', ingangsdatum: date('2015-01-01'), einddatum: date('2015-03-31'), bedrag: 300000 };
const facts = (over: Partial<FallbackFacts> = {}): FallbackFacts => ({
  budgetId: 'TKB-1', verstrekker: 'GM0001', wet: 'WMO_HH', holderId: 1, bsn: '111222333', geboortedatum: date('1950-01-01'), overlijdensdatum: null,
  provisional: P, latest: P, laterAllocation: null, deposits: 0, ...over,
});

test('pro rata by calendar days: € 3,000 for 90 days becomes € 6,033.33 for 181', () => {
  assert.equal(extendedAmount(P, date('2015-06-30')), 603333);
  assert.equal(extendedAmount(P, date('2015-03-31')), 300000);
});

test('a clean provisional allocation is extended as a new version replacing the latest', () => {
  assert.deepEqual(fallbackDecision(facts(), date('2015-06-30')), {
    budgetId: 'TKB-1', extend: true, toekenningId: 'TV-TKB-1-2015-06-30', vervangt: 'TKB-1', ingangsdatum: '2015-01-01', einddatum: '2015-06-30', bedrag: 603333, was: P,
  });
});

test('each criterion of seed 001 §1.1.3 keeps it out, and all reasons are listed', () => {
  const cases: [Partial<FallbackFacts>, string][] = [
    [{ overlijdensdatum: date('2015-02-10') }, 'OVERLEDEN'],
    [{ bsn: '' }, 'BSN_ONTBREEKT'],
    [{ geboortedatum: null }, 'GEBOORTEDATUM_ONTBREEKT'],
    [{ laterAllocation: 'TKB-9' }, 'LATERE_TOEKENNING'],
    [{ deposits: 1 }, 'STORTING'],
    [{ latest: { ...P, toekenningId: 'TKB-1b', bedrag: 300001 } }, 'AFWIJKEND'],
    [{ latest: { ...P, toekenningId: 'TKB-1b', einddatum: date('2015-03-30') } }, 'AFWIJKEND'],
    [{ latest: { ...P, toekenningId: 'TKB-1b', ingangsdatum: date('2015-01-02') } }, 'AFWIJKEND'],
  ];
  for (const [over, code] of cases) {
    const d = fallbackDecision(facts(over), date('2015-06-30'));
    assert.equal(d.extend, false, code);
    assert.deepEqual((d as { codes: string[] }).codes, [code]);
  }
  const all = fallbackDecision(facts({ overlijdensdatum: date('2015-02-10'), deposits: 5, laterAllocation: 'TKB-9' }), date('2015-06-30'));
  assert.deepEqual((all as { codes: string[] }).codes, ['OVERLEDEN', 'LATERE_TOEKENNING', 'STORTING']);
  assert.match((all as { reden: string }).reden, /overleden \(2015-02-10\); er is al een latere toekenning voor deze wet \(TKB-9\); .*vrijwillige storting/);
  // a later version with the same content is no deviation
  assert.equal(fallbackDecision(facts({ latest: { ...P, toekenningId: 'TKB-1b' } }), date('2015-06-30')).extend, true);
});
