import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  budgetKey,
  checkClaim,
  claimDeadline,
  invalidReason,
  maxTariffFor,
  lineKey,
  matchAgreement,
  pairKey,
  sortBudgets,
  type Agreement,
  type Budget,
  type CheckContext,
  type Claim,
  type ClaimLine,
  type Outcome,
} from './check.ts';
import { REASONS, type ReasonCode } from './reasons.ts';
import { date, type PlainDate } from '../../../kernel/dates.ts';
import { cents, decimalTimesRate, lineAmount, type Cents, type Quarters } from '../../../kernel/money.ts';
import type { Wet } from '../../../kernel/wet.ts';
import type { MaxTariff } from '../../tarieven/index.ts';

// ---------------------------------------------------------------------------------------------
// A small in-memory world: holder 1 (BSN 111222333) and provider ZV1 with agreement ZOK1 (WMO_HH,
// all of 2026, € 28.33 an hour, approved), and one allocation for all of 2026.

const BSN = '111222333';
const BSN_UNKNOWN = '123456782';
const HOLDER = 1;
const PROVIDER = 'ZV1';
const WET: Wet = 'WMO_HH';

function agreement(over: Partial<Agreement> = {}): Agreement {
  return {
    id: 'ZOK1',
    holderId: HOLDER,
    providerId: PROVIDER,
    wet: WET,
    ingangsdatum: date('2026-01-01'),
    einddatum: date('2026-12-31'),
    tarief: cents(2833),
    maandbedrag: null,
    status: 'geaccordeerd',
    maximumtarief: null,
    verstrekkerNaam: 'Gemeente Utrecht',
    ...over,
  };
}

function budget(budgetId: string, from: string, to: string, beschikbaar: number, over: Partial<Budget> = {}): Budget {
  return { budgetId, holderId: HOLDER, wet: WET, ingangsdatum: date(from), einddatum: date(to), beschikbaar, ...over };
}

interface World {
  holders?: { bsn: string; id: number }[];
  agreements?: Agreement[];
  budgets?: Budget[];
  /** own deposits per `holderId|wet` */
  ownFunds?: Record<string, number>;
  claimedLines?: Record<string, string>;
}

function context(w: World = {}): CheckContext {
  const holders = w.holders ?? [{ bsn: BSN, id: HOLDER }];
  const agreements = w.agreements ?? [agreement()];
  const budgets = w.budgets ?? [budget('TK1', '2026-01-01', '2026-12-31', 1_000_000)];
  const ctx: CheckContext = {
    holdersByBsn: new Map(holders.map((h) => [h.bsn, { id: h.id }])),
    agreementsByPair: new Map(),
    agreementsById: new Map(),
    budgets: new Map(),
    ownFunds: new Map(Object.entries(w.ownFunds ?? {})),
    claimedLines: new Map(Object.entries(w.claimedLines ?? {})),
  };
  for (const a of agreements) {
    const key = pairKey(a.holderId, a.providerId);
    ctx.agreementsByPair.set(key, [...(ctx.agreementsByPair.get(key) ?? []), a]);
    ctx.agreementsById.set(a.id, a);
  }
  for (const b of budgets) {
    const key = budgetKey(b.holderId, b.wet);
    ctx.budgets.set(key, [...(ctx.budgets.get(key) ?? []), b]);
  }
  for (const list of ctx.budgets.values()) sortBudgets(list);
  return ctx;
}

/** A claim line as the CSV import builds it: quarters when on the grid, the amount rounded to cents. */
function line(datum: string, eenheden: string, tarief: number, regelnr = 1): ClaimLine {
  const m = /^(-)?(\d+)(?:\.(\d+))?$/.exec(eenheden)!;
  const frac = (m[3] ?? '').replace(/0+$/, '');
  const q = ({ '': 0, '25': 1, '5': 2, '75': 3 } as Record<string, number>)[frac];
  const kwartieren = q === undefined ? null : (Number(m[2]) * 4 + q) * (m[1] ? -1 : 1);
  const bedrag = kwartieren === null ? decimalTimesRate(eenheden, cents(tarief)) : lineAmount(kwartieren as Quarters, cents(tarief));
  return { regelnr, datum: date(datum), kwartieren, eenheden, tarief: cents(tarief), bedrag, omschrijving: null };
}

interface ClaimSpec {
  id?: string;
  ontvangst?: string;
  bsn?: string;
  provider?: string;
  zok?: string | null;
  soort?: Claim['soort'];
  lines?: ClaimLine[];
}

function claim(spec: ClaimSpec = {}): Claim {
  const lines = (spec.lines ?? [line('2026-03-02', '4', 2833)]).map((l, i) => ({ ...l, regelnr: i + 1 }));
  return {
    declaratieId: spec.id ?? 'D1',
    soort: spec.soort ?? 'declaratie',
    ontvangstdatum: date(spec.ontvangst ?? '2026-03-31'),
    bsn: spec.bsn ?? BSN,
    zorgverlenerId: spec.provider ?? PROVIDER,
    gevraagdeZorgovereenkomst: spec.zok ?? null,
    lines,
    bedrag: lines.reduce((s, l) => s + l.bedrag, 0) as Cents,
  };
}

function refused(o: Outcome): Extract<Outcome, { status: 'geparkeerd' | 'afgekeurd' }> {
  assert.notEqual(o.status, 'goedgekeurd', 'expected a refusal, got an approval');
  return o as Extract<Outcome, { status: 'geparkeerd' | 'afgekeurd' }>;
}

function approved(o: Outcome): Extract<Outcome, { status: 'goedgekeurd' }> {
  assert.equal(o.status, 'goedgekeurd', o.status === 'goedgekeurd' ? '' : `${o.reason}: ${o.message}`);
  return o as Extract<Outcome, { status: 'goedgekeurd' }>;
}

function assertRefused(o: Outcome, status: 'geparkeerd' | 'afgekeurd', reason: ReasonCode): void {
  const r = refused(o);
  assert.equal(r.reason, reason, r.message);
  assert.equal(r.status, status, `${reason} should be ${status}`);
  assert.ok(r.message.length > 20, 'a Dutch sentence for the person who must act');
}

function balances(ctx: CheckContext): Record<string, number> {
  const out: Record<string, number> = {};
  for (const list of ctx.budgets.values()) for (const b of list) out[b.budgetId] = b.beschikbaar;
  // own deposits: only when there are any (an approval writes 0 back for a holder without them)
  for (const [k, v] of ctx.ownFunds) if (v !== 0) out[`eigen:${k}`] = v;
  return out;
}

// ---------------------------------------------------------------------------------------------

describe('the world of these tests', () => {
  test('a correct claim is approved and charged to the allocation', () => {
    const ctx = context();
    const c = claim(); // 4 h × € 28.33 = € 113.32
    assert.equal(c.bedrag, 11332);
    const o = approved(checkClaim(c, ctx));
    assert.equal(o.holderId, HOLDER);
    assert.equal(o.agreement.id, 'ZOK1');
    assert.deepEqual(o.charges, [{ regelnr: 1, source: 'budget', budgetId: 'TK1', amount: 11332 }]);
    assert.equal(balances(ctx).TK1, 1_000_000 - 11332);
  });

  test('the reason codes are the ten of formats.md, the claim deadline of issue #8 and the minimum wage of issue #9, in the order they are checked', () => {
    assert.deepEqual(
      [...REASONS],
      [
        'ONGELDIG',
        'INDIENTERMIJN_VERSTREKEN',
        'DUBBELE_DECLARATIE',
        'ONBEKENDE_BUDGETHOUDER',
        'GEEN_ZORGOVEREENKOMST',
        'ZORGOVEREENKOMST_NIET_GEACCORDEERD',
        'BUITEN_LOOPTIJD',
        'TARIEF_AFWIJKEND',
        'ONDER_MINIMUMLOON',
        'GEEN_TOEKENNING',
        'MAXIMUMTARIEF_OVERSCHREDEN',
        'BUDGET_ONTOEREIKEND',
      ],
    );
  });
});

describe('ONGELDIG (afgekeurd)', () => {
  const cases: [string, ClaimLine[], string?][] = [
    ['zero quantity', [line('2026-03-02', '0', 2833)]],
    ['zero quantity on one line while the total is positive', [line('2026-03-02', '4', 2833), line('2026-03-03', '0', 2833)]],
    ['negative quantity', [line('2026-03-02', '-2', 2833)]],
    ['negative quantity on one line while the total is positive', [line('2026-03-02', '8', 2833), line('2026-03-03', '-2', 2833)]],
    ['a quantity off the 0.25 grid (0.3)', [line('2026-03-02', '0.3', 2833)]],
    ['zero rate', [line('2026-03-02', '4', 0)]],
    ['zero rate on one line while the total is positive', [line('2026-03-02', '4', 2833), line('2026-03-03', '4', 0)]],
    ['negative rate', [line('2026-03-02', '4', -2833)]],
    ['a line date after the receipt date', [line('2026-04-01', '4', 2833)]],
    ['more than 24 hours on one date, summed over lines (12 + 12.25)', [line('2026-03-02', '12', 2833), line('2026-03-02', '12.25', 2833)]],
    ['more than 24 hours on one line (24.25)', [line('2026-03-02', '24.25', 2833)]],
    ['no lines at all', []],
  ];
  for (const [name, lines] of cases) {
    test(name, () => {
      const ctx = context();
      const before = balances(ctx);
      const c = { ...claim(), lines, bedrag: lines.reduce((s, l) => s + l.bedrag, 0) as Cents };
      assert.ok(invalidReason(c), 'invalidReason names the fault');
      assertRefused(checkClaim(c, ctx), 'afgekeurd', 'ONGELDIG');
      assert.deepEqual(balances(ctx), before, 'nothing charged');
      assert.equal(ctx.claimedLines.size, 0, 'an invalid claim is not remembered');
    });
  }

  test('exactly 24 hours on one date (12 + 12) is plausible', () => {
    const c = claim({ lines: [line('2026-03-02', '12', 2833), line('2026-03-02', '12', 2833)] });
    assert.equal(invalidReason(c), undefined);
    approved(checkClaim(c, context()));
  });

  test('24 hours on each of two dates is plausible (the sum is per date, not per claim)', () => {
    const c = claim({ lines: [line('2026-03-02', '24', 2833), line('2026-03-03', '24', 2833)] });
    assert.equal(invalidReason(c), undefined);
  });

  test('a line dated on the receipt date itself is fine', () => {
    const c = claim({ ontvangst: '2026-03-02', lines: [line('2026-03-02', '4', 2833)] });
    assert.equal(invalidReason(c), undefined);
  });

  test('a zero total (0.25 × € 0.01 rounds to € 0.00) is invalid', () => {
    const c = claim({ lines: [line('2026-03-02', '0.25', 1)] });
    assert.equal(c.bedrag, 0);
    assert.match(invalidReason(c)!, /totaalbedrag/);
  });

  test('the message names the line and the fault in Dutch, with the next step', () => {
    const c = claim({ lines: [line('2026-03-02', '4', 2833), line('2026-03-03', '0.3', 2833)] });
    const r = refused(checkClaim(c, context()));
    assert.match(r.message, /Regel 2: 0\.3 eenheden is niet in stappen van 0,25\./);
    assert.match(r.message, /Dien een verbeterde declaratie in\./);
  });
});

describe('DUBBELE_DECLARATIE (afgekeurd)', () => {
  test('the same bsn, provider, date and quarters claimed before under another id', () => {
    const ctx = context({ claimedLines: { [lineKey(BSN, PROVIDER, '2026-03-02', 16)]: 'D0' } });
    const r = refused(checkClaim(claim({ id: 'D1' }), ctx));
    assertRefused(r, 'afgekeurd', 'DUBBELE_DECLARATIE');
    assert.match(r.message, /D0/);
  });

  test('the same id checked again is NOT a duplicate of itself', () => {
    const ctx = context({ claimedLines: { [lineKey(BSN, PROVIDER, '2026-03-02', 16)]: 'D1' } });
    approved(checkClaim(claim({ id: 'D1' }), ctx));
  });

  test('within a batch: the second claim with the same line under another id is a duplicate', () => {
    const ctx = context();
    approved(checkClaim(claim({ id: 'D1' }), ctx));
    assertRefused(checkClaim(claim({ id: 'D2' }), ctx), 'afgekeurd', 'DUBBELE_DECLARATIE');
  });

  const parkedWorlds: [ReasonCode, World, ClaimLine[]][] = [
    ['GEEN_ZORGOVEREENKOMST', { agreements: [] }, [line('2026-03-02', '4', 2833)]],
    ['ZORGOVEREENKOMST_NIET_GEACCORDEERD', { agreements: [agreement({ status: 'ingediend' })] }, [line('2026-03-02', '4', 2833)]],
    ['GEEN_TOEKENNING', { budgets: [] }, [line('2026-03-02', '4', 2833)]],
    ['MAXIMUMTARIEF_OVERSCHREDEN', { agreements: [agreement({ tarief: cents(3000), maximumtarief: cents(2800) })] }, [line('2026-03-02', '4', 3000)]],
    ['BUDGET_ONTOEREIKEND', { budgets: [budget('TK1', '2026-01-01', '2026-12-31', 100)] }, [line('2026-03-02', '4', 2833)]],
  ];
  for (const [reason, world, lines] of parkedWorlds) {
    test(`a claim parked for ${reason} counts as claimed before`, () => {
      const ctx = context(world);
      assertRefused(checkClaim(claim({ id: 'D1', lines }), ctx), 'geparkeerd', reason);
      assertRefused(checkClaim(claim({ id: 'D2', lines }), ctx), 'afgekeurd', 'DUBBELE_DECLARATIE');
      // and the parked claim itself, checked again, is not a duplicate of itself
      assertRefused(checkClaim(claim({ id: 'D1', lines }), ctx), 'geparkeerd', reason);
    });
  }

  test('a claim rejected because its agreement was rejected does not count as claimed before', () => {
    const ctx = context({ agreements: [agreement({ status: 'afgekeurd' })] });
    assertRefused(checkClaim(claim({ id: 'D1' }), ctx), 'afgekeurd', 'ZORGOVEREENKOMST_NIET_GEACCORDEERD');
    assertRefused(checkClaim(claim({ id: 'D2' }), ctx), 'afgekeurd', 'ZORGOVEREENKOMST_NIET_GEACCORDEERD');
  });

  test('a rejected claim does not count as claimed before', () => {
    const ctx = context();
    assertRefused(checkClaim(claim({ id: 'D1', lines: [line('2026-03-02', '4', 9999)] }), ctx), 'afgekeurd', 'TARIEF_AFWIJKEND');
    approved(checkClaim(claim({ id: 'D2' }), ctx));
  });

  test('another quantity, date or provider on the same day is no duplicate', () => {
    const ctx = context({
      agreements: [agreement(), agreement({ id: 'ZOK2', providerId: 'ZV2' })],
      claimedLines: { [lineKey(BSN, PROVIDER, '2026-03-02', 16)]: 'D0' },
    });
    approved(checkClaim(claim({ id: 'D1', lines: [line('2026-03-02', '4.25', 2833)] }), ctx));
    approved(checkClaim(claim({ id: 'D2', lines: [line('2026-03-03', '4', 2833)] }), ctx));
    approved(checkClaim(claim({ id: 'D3', provider: 'ZV2' }), ctx));
  });
});

describe('ONBEKENDE_BUDGETHOUDER (afgekeurd)', () => {
  test('no holder with this BSN', () => {
    const o = checkClaim(claim({ bsn: BSN_UNKNOWN }), context());
    assertRefused(o, 'afgekeurd', 'ONBEKENDE_BUDGETHOUDER');
    assert.equal(refused(o).holderId, null);
  });
});

describe('GEEN_ZORGOVEREENKOMST (geparkeerd)', () => {
  test('no agreement between this holder and provider', () => {
    const o = checkClaim(claim({ provider: 'ZV9' }), context());
    assertRefused(o, 'geparkeerd', 'GEEN_ZORGOVEREENKOMST');
    assert.equal(refused(o).holderId, HOLDER);
  });

  test('the named agreement id belongs to another provider', () => {
    const ctx = context({ agreements: [agreement(), agreement({ id: 'ZOK2', providerId: 'ZV2' })] });
    assertRefused(checkClaim(claim({ provider: PROVIDER, zok: 'ZOK2' }), ctx), 'geparkeerd', 'GEEN_ZORGOVEREENKOMST');
  });

  test('the named agreement id belongs to another holder', () => {
    const ctx = context({
      holders: [
        { bsn: BSN, id: HOLDER },
        { bsn: '123456782', id: 2 },
      ],
      agreements: [agreement(), agreement({ id: 'ZOK-ANDER', holderId: 2 })],
    });
    assertRefused(checkClaim(claim({ zok: 'ZOK-ANDER' }), ctx), 'geparkeerd', 'GEEN_ZORGOVEREENKOMST');
  });

  test('an unknown named agreement id, even when the pair has another agreement', () => {
    assertRefused(checkClaim(claim({ zok: 'ZOK-ONBEKEND' }), context()), 'geparkeerd', 'GEEN_ZORGOVEREENKOMST');
  });

  test('the agreement of this provider with another holder does not count', () => {
    const ctx = context({
      holders: [
        { bsn: BSN, id: HOLDER },
        { bsn: '123456782', id: 2 },
      ],
      agreements: [agreement({ holderId: 2 })],
    });
    assertRefused(checkClaim(claim(), ctx), 'geparkeerd', 'GEEN_ZORGOVEREENKOMST');
  });
});

describe('ZORGOVEREENKOMST_NIET_GEACCORDEERD', () => {
  test("parked while the agreement is 'ingediend', naming the funder", () => {
    const ctx = context({ agreements: [agreement({ status: 'ingediend' })] });
    const o = checkClaim(claim(), ctx);
    assertRefused(o, 'geparkeerd', 'ZORGOVEREENKOMST_NIET_GEACCORDEERD');
    assert.match(refused(o).message, /Gemeente Utrecht/);
    assert.equal(refused(o).agreement?.id, 'ZOK1');
  });

  test("rejected (final) once the agreement is 'afgekeurd'", () => {
    const ctx = context({ agreements: [agreement({ status: 'afgekeurd' })] });
    assertRefused(checkClaim(claim(), ctx), 'afgekeurd', 'ZORGOVEREENKOMST_NIET_GEACCORDEERD');
  });

  test('the same claim is approved once the agreement is approved (checked again)', () => {
    const a = agreement({ status: 'ingediend' });
    const ctx = context({ agreements: [a] });
    assertRefused(checkClaim(claim(), ctx), 'geparkeerd', 'ZORGOVEREENKOMST_NIET_GEACCORDEERD');
    a.status = 'geaccordeerd';
    approved(checkClaim(claim(), ctx));
  });
});

describe('BUITEN_LOOPTIJD (afgekeurd)', () => {
  test('a line before the agreement starts', () => {
    const ctx = context({ agreements: [agreement({ ingangsdatum: date('2026-03-03') })] });
    assertRefused(checkClaim(claim(), ctx), 'afgekeurd', 'BUITEN_LOOPTIJD');
  });

  test('a line after the agreement ends (one line of two)', () => {
    const ctx = context({ agreements: [agreement({ einddatum: date('2026-03-02') })] });
    const c = claim({ lines: [line('2026-03-02', '4', 2833), line('2026-03-03', '4', 2833)] });
    const r = refused(checkClaim(c, ctx));
    assertRefused(r, 'afgekeurd', 'BUITEN_LOOPTIJD');
    assert.match(r.message, /Regel 2: 2026-03-03/);
  });

  test('the first and last day of the term are inside it; an open end has no end', () => {
    const ctx = context({ agreements: [agreement({ ingangsdatum: date('2026-03-02'), einddatum: date('2026-03-03') })] });
    approved(checkClaim(claim({ lines: [line('2026-03-02', '4', 2833), line('2026-03-03', '4', 2833)] }), ctx));
    const open = context({ agreements: [agreement({ einddatum: null })], budgets: [budget('TK1', '2026-01-01', '2099-12-31', 1_000_000)] });
    approved(checkClaim(claim({ ontvangst: '2030-01-31', lines: [line('2030-01-02', '4', 2833)] }), open));
  });
});

describe('TARIEF_AFWIJKEND (afgekeurd)', () => {
  test('a line rate higher than the agreed rate', () => {
    const c = claim({ lines: [line('2026-03-02', '4', 2833), line('2026-03-03', '4', 2834)] });
    const r = refused(checkClaim(c, context()));
    assertRefused(r, 'afgekeurd', 'TARIEF_AFWIJKEND');
    assert.match(r.message, /Regel 2: het tarief € 28,34 is hoger dan het afgesproken tarief € 28,33/);
  });

  test('a lower rate than agreed is fine', () => {
    approved(checkClaim(claim({ lines: [line('2026-03-02', '4', 2500)] }), context()));
  });
});

describe('GEEN_TOEKENNING (geparkeerd)', () => {
  test('no allocation at all', () => {
    assertRefused(checkClaim(claim(), context({ budgets: [] })), 'geparkeerd', 'GEEN_TOEKENNING');
  });

  test("only an allocation of another law (the agreement's law decides)", () => {
    const ctx = context({ budgets: [budget('TK-WLZ', '2026-01-01', '2026-12-31', 1_000_000, { wet: 'WLZ' })] });
    assertRefused(checkClaim(claim(), ctx), 'geparkeerd', 'GEEN_TOEKENNING');
  });

  test("only an allocation of another holder", () => {
    const ctx = context({ budgets: [budget('TK-X', '2026-01-01', '2026-12-31', 1_000_000, { holderId: 2 })] });
    assertRefused(checkClaim(claim(), ctx), 'geparkeerd', 'GEEN_TOEKENNING');
  });

  test("one line's date is not covered (an allocation for March only, a line on April 1)", () => {
    const ctx = context({ budgets: [budget('TK-MRT', '2026-03-01', '2026-03-31', 1_000_000)] });
    const c = claim({ ontvangst: '2026-04-02', lines: [line('2026-03-31', '4', 2833), line('2026-04-01', '4', 2833)] });
    const r = refused(checkClaim(c, ctx));
    assertRefused(r, 'geparkeerd', 'GEEN_TOEKENNING');
    assert.match(r.message, /2026-04-01/);
  });

  test('an allocation with nothing left still covers the date: then the budget is the problem, not the allocation', () => {
    const ctx = context({ budgets: [budget('TK1', '2026-01-01', '2026-12-31', 0)] });
    assertRefused(checkClaim(claim(), ctx), 'geparkeerd', 'BUDGET_ONTOEREIKEND');
  });
});

describe('MAXIMUMTARIEF_OVERSCHREDEN (geparkeerd unless own deposits cover the excess)', () => {
  // Agreement at € 30.00 an hour with a maximum tariff of € 28.00: 4 h = € 120.00, of which
  // 4 × 28.00 = € 112.00 may come from the budget and € 8.00 only from own deposits.
  const world = (own: number, budgetLeft = 1_000_000): CheckContext =>
    context({
      agreements: [agreement({ tarief: cents(3000), maximumtarief: cents(2800) })],
      budgets: [budget('TK1', '2026-01-01', '2026-12-31', budgetLeft)],
      ownFunds: own > 0 ? { [budgetKey(HOLDER, WET)]: own } : {},
    });
  const c = () => claim({ lines: [line('2026-03-02', '4', 3000)] });

  test('without own deposits the claim waits', () => {
    const ctx = world(0);
    const r = refused(checkClaim(c(), ctx));
    assertRefused(r, 'geparkeerd', 'MAXIMUMTARIEF_OVERSCHREDEN');
    assert.match(r.message, /€ 30,00 is hoger dan het maximumtarief € 28,00/);
    assert.match(r.message, /€ 8,00/);
    assert.equal(balances(ctx).TK1, 1_000_000, 'nothing charged');
  });

  test('own deposits short of the excess: still waiting, nothing taken', () => {
    const ctx = world(799);
    assertRefused(checkClaim(c(), ctx), 'geparkeerd', 'MAXIMUMTARIEF_OVERSCHREDEN');
    assert.deepEqual(balances(ctx), { TK1: 1_000_000, [`eigen:${budgetKey(HOLDER, WET)}`]: 799 });
  });

  test("with enough own deposits it is approved and the excess is charged to 'eigen_bijdrage'", () => {
    const ctx = world(800);
    const o = approved(checkClaim(c(), ctx));
    assert.deepEqual(
      [...o.charges].sort((a, b) => a.source.localeCompare(b.source)),
      [
        { regelnr: 1, source: 'budget', budgetId: 'TK1', amount: 11200 },
        { regelnr: 1, source: 'eigen_bijdrage', budgetId: null, amount: 800 },
      ],
    );
    assert.deepEqual(balances(ctx), { TK1: 1_000_000 - 11200 });
    assert.equal(ctx.ownFunds.get(budgetKey(HOLDER, WET)), 0);
  });

  test('a rate at the maximum tariff is fine without own deposits', () => {
    const ctx = world(0);
    approved(checkClaim(claim({ lines: [line('2026-03-02', '4', 2800)] }), ctx));
  });

  test('the excess is rounded per line: 7.75 × (€ 30.00 − € 28.00)', () => {
    // 7.75 × 30.00 = 232.50; 7.75 × 28.00 = 217.00; the excess € 15.50 from own deposits
    const ctx = world(1550);
    const o = approved(checkClaim(claim({ lines: [line('2026-03-02', '7.75', 3000)] }), ctx));
    const own = o.charges.filter((x) => x.source === 'eigen_bijdrage').reduce((s, x) => s + x.amount, 0);
    assert.equal(own, 1550);
    assert.equal(o.charges.reduce((s, x) => s + x.amount, 0), 23250);
  });
});

describe('BUDGET_ONTOEREIKEND (geparkeerd): paid whole or not at all', () => {
  test('a claim larger than what is left waits and takes nothing', () => {
    const ctx = context({ budgets: [budget('TK1', '2026-01-01', '2026-12-31', 11331)] });
    const r = refused(checkClaim(claim(), ctx));
    assertRefused(r, 'geparkeerd', 'BUDGET_ONTOEREIKEND');
    assert.match(r.message, /er ontbreekt € 0,01/);
    assert.equal(balances(ctx).TK1, 11331);
  });

  test('exactly what is left is enough', () => {
    const ctx = context({ budgets: [budget('TK1', '2026-01-01', '2026-12-31', 11332)] });
    approved(checkClaim(claim(), ctx));
    assert.equal(balances(ctx).TK1, 0);
  });

  test('a claim whose first line would fit takes nothing when the whole does not fit', () => {
    const ctx = context({ budgets: [budget('TK1', '2026-01-01', '2026-12-31', 15000)] });
    const c = claim({ lines: [line('2026-03-02', '4', 2833), line('2026-03-03', '4', 2833)] }); // 2 × 113.32
    assertRefused(checkClaim(c, ctx), 'geparkeerd', 'BUDGET_ONTOEREIKEND');
    assert.equal(balances(ctx).TK1, 15000);
  });

  test('a partial own-deposit top-up is not taken when the claim still does not fit', () => {
    const ctx = context({ budgets: [budget('TK1', '2026-01-01', '2026-12-31', 10000)], ownFunds: { [budgetKey(HOLDER, WET)]: 1000 } });
    assertRefused(checkClaim(claim(), ctx), 'geparkeerd', 'BUDGET_ONTOEREIKEND');
    assert.deepEqual(balances(ctx), { TK1: 10000, [`eigen:${budgetKey(HOLDER, WET)}`]: 1000 });
  });
});

describe('the order of the checks: a claim failing two checks gets the first', () => {
  // Each case fails the named check and the one after it.
  const cases: { first: ReasonCode; world: World; claim: ClaimSpec }[] = [
    { first: 'ONGELDIG', world: { claimedLines: { [lineKey(BSN, PROVIDER, '2026-03-02', 16)]: 'D0' } }, claim: { lines: [line('2026-03-02', '4', 0)] } },
    { first: 'ONGELDIG', world: {}, claim: { bsn: BSN_UNKNOWN, lines: [line('2026-03-02', '0.3', 2833)] } },
    { first: 'DUBBELE_DECLARATIE', world: { holders: [], claimedLines: { [lineKey(BSN, PROVIDER, '2026-03-02', 16)]: 'D0' } }, claim: {} },
    { first: 'ONBEKENDE_BUDGETHOUDER', world: { holders: [], agreements: [] }, claim: {} },
    { first: 'GEEN_ZORGOVEREENKOMST', world: { agreements: [], budgets: [] }, claim: {} },
    { first: 'ZORGOVEREENKOMST_NIET_GEACCORDEERD', world: { agreements: [agreement({ status: 'ingediend', einddatum: date('2026-02-28') })] }, claim: {} },
    { first: 'BUITEN_LOOPTIJD', world: { agreements: [agreement({ einddatum: date('2026-02-28') })] }, claim: { lines: [line('2026-03-02', '4', 9999)] } },
    { first: 'TARIEF_AFWIJKEND', world: { budgets: [] }, claim: { lines: [line('2026-03-02', '4', 9999)] } },
    {
      first: 'GEEN_TOEKENNING',
      world: { agreements: [agreement({ tarief: cents(3000), maximumtarief: cents(2800) })], budgets: [] },
      claim: { lines: [line('2026-03-02', '4', 3000)] },
    },
    {
      first: 'MAXIMUMTARIEF_OVERSCHREDEN',
      world: { agreements: [agreement({ tarief: cents(3000), maximumtarief: cents(2800) })], budgets: [budget('TK1', '2026-01-01', '2026-12-31', 100)] },
      claim: { lines: [line('2026-03-02', '4', 3000)] },
    },
  ];
  for (const c of cases) {
    test(`${c.first} comes first`, () => {
      assert.equal(refused(checkClaim(claim(c.claim), context(c.world))).reason, c.first);
    });
  }
});

describe('the budget rule', () => {
  test('with two allocations covering the date, the one ending first is charged first; overflow goes to the next', () => {
    // Listed the wrong way round on purpose: the context sorts them.
    const ctx = context({
      budgets: [budget('TK-JAAR', '2026-01-01', '2026-12-31', 100_000), budget('TK-KWARTAAL', '2026-01-01', '2026-03-31', 5000)],
    });
    const o = approved(checkClaim(claim(), ctx)); // € 113.32
    assert.deepEqual(o.charges, [
      { regelnr: 1, source: 'budget', budgetId: 'TK-KWARTAAL', amount: 5000 },
      { regelnr: 1, source: 'budget', budgetId: 'TK-JAAR', amount: 6332 },
    ]);
    assert.deepEqual(balances(ctx), { 'TK-KWARTAAL': 0, 'TK-JAAR': 100_000 - 6332 });
  });

  test('sortBudgets: end date first, then start date, then id', () => {
    const list = [
      budget('C', '2026-01-01', '2026-12-31', 0),
      budget('B', '2026-02-01', '2026-06-30', 0),
      budget('A', '2026-01-01', '2026-06-30', 0),
      budget('A2', '2026-01-01', '2026-06-30', 0),
    ];
    assert.deepEqual(
      sortBudgets(list).map((b) => b.budgetId),
      ['A', 'A2', 'B', 'C'],
    );
  });

  test('a claim spanning two months charges each line to the allocations covering its own date', () => {
    const ctx = context({
      budgets: [budget('TK-FEB', '2026-02-01', '2026-02-28', 20_000), budget('TK-MRT', '2026-03-01', '2026-03-31', 20_000)],
    });
    const c = claim({ lines: [line('2026-03-01', '4', 2833), line('2026-02-28', '2', 2833)] });
    const o = approved(checkClaim(c, ctx));
    assert.deepEqual(
      [...o.charges].sort((a, b) => a.regelnr - b.regelnr),
      [
        { regelnr: 1, source: 'budget', budgetId: 'TK-MRT', amount: 11332 },
        { regelnr: 2, source: 'budget', budgetId: 'TK-FEB', amount: 5666 },
      ],
    );
    assert.deepEqual(balances(ctx), { 'TK-FEB': 20_000 - 5666, 'TK-MRT': 20_000 - 11332 });
  });

  test("a line may not borrow from another month's allocation", () => {
    const ctx = context({
      budgets: [budget('TK-FEB', '2026-02-01', '2026-02-28', 1000), budget('TK-MRT', '2026-03-01', '2026-03-31', 1_000_000)],
    });
    const c = claim({ lines: [line('2026-02-27', '4', 2833), line('2026-03-02', '1', 2833)] });
    assertRefused(checkClaim(c, ctx), 'geparkeerd', 'BUDGET_ONTOEREIKEND');
    assert.deepEqual(balances(ctx), { 'TK-FEB': 1000, 'TK-MRT': 1_000_000 });
  });

  test('own deposits top up a shortfall of the allocations', () => {
    const key = budgetKey(HOLDER, WET);
    const ctx = context({ budgets: [budget('TK1', '2026-01-01', '2026-12-31', 10000)], ownFunds: { [key]: 5000 } });
    const o = approved(checkClaim(claim(), ctx));
    assert.deepEqual(o.charges, [
      { regelnr: 1, source: 'budget', budgetId: 'TK1', amount: 10000 },
      { regelnr: 1, source: 'eigen_bijdrage', budgetId: null, amount: 1332 },
    ]);
    assert.deepEqual(balances(ctx), { TK1: 0, [`eigen:${key}`]: 5000 - 1332 });
  });

  test('own deposits of another law do not help', () => {
    const ctx = context({ budgets: [budget('TK1', '2026-01-01', '2026-12-31', 10000)], ownFunds: { [budgetKey(HOLDER, 'WLZ')]: 100_000 } });
    assertRefused(checkClaim(claim(), ctx), 'geparkeerd', 'BUDGET_ONTOEREIKEND');
  });

  test('approved claims reduce beschikbaar in the context, so the next claim sees what is left', () => {
    const ctx = context({ budgets: [budget('TK1', '2026-01-01', '2026-12-31', 20_000)] });
    approved(checkClaim(claim({ id: 'D1', lines: [line('2026-03-02', '4', 2833)] }), ctx)); // 113.32
    assert.equal(balances(ctx).TK1, 20_000 - 11332);
    // 4 h on another date: 113.32 > 86.68 left
    assertRefused(checkClaim(claim({ id: 'D2', lines: [line('2026-03-03', '4', 2833)] }), ctx), 'geparkeerd', 'BUDGET_ONTOEREIKEND');
    // 3 h: 84.99 fits
    approved(checkClaim(claim({ id: 'D3', lines: [line('2026-03-04', '3', 2833)] }), ctx));
    assert.equal(balances(ctx).TK1, 20_000 - 11332 - 8499);
  });

  test('a maandloon claim is charged like a claim, without the 24-hour or duplicate-line rules', () => {
    const ctx = context({ agreements: [agreement({ tarief: cents(0), maandbedrag: cents(185000) })] });
    const maand = (id: string): Claim => ({
      ...claim({ id, soort: 'maandloon' }),
      lines: [{ regelnr: 1, datum: date('2026-03-01'), kwartieren: 4, eenheden: '1', tarief: cents(185000), bedrag: cents(185000), omschrijving: 'maandloon 2026-03' }],
      bedrag: cents(185000),
    });
    const o = approved(checkClaim(maand('mnd:ZOK1:2026-03'), ctx));
    assert.deepEqual(o.charges, [{ regelnr: 1, source: 'budget', budgetId: 'TK1', amount: 185000 }]);
    assert.equal(ctx.claimedLines.size, 0, 'monthly pay does not occupy claim lines');
  });
});

describe('matchAgreement', () => {
  const c = (lines: ClaimLine[], zok: string | null = null): Claim => claim({ lines, zok });

  test('with several agreements between the same pair, the one covering the dates wins', () => {
    const old = agreement({ id: 'ZOK-2025', ingangsdatum: date('2025-01-01'), einddatum: date('2025-12-31') });
    const current = agreement({ id: 'ZOK-2026', ingangsdatum: date('2026-01-01'), einddatum: null });
    for (const order of [[old, current], [current, old]]) {
      const ctx = context({ agreements: order });
      assert.equal(matchAgreement(c([line('2026-03-02', '4', 2833)]), HOLDER, ctx)?.id, 'ZOK-2026');
      assert.equal(matchAgreement(c([line('2025-11-03', '4', 2833)]), HOLDER, ctx)?.id, 'ZOK-2025');
    }
  });

  test('the one covering most lines wins', () => {
    const feb = agreement({ id: 'ZOK-FEB', ingangsdatum: date('2026-02-01'), einddatum: date('2026-02-28') });
    const mrt = agreement({ id: 'ZOK-MRT', ingangsdatum: date('2026-03-01'), einddatum: date('2026-03-31') });
    const ctx = context({ agreements: [feb, mrt] });
    const lines = [line('2026-02-27', '1', 2833), line('2026-03-02', '1', 2833), line('2026-03-03', '1', 2833)];
    assert.equal(matchAgreement(c(lines), HOLDER, ctx)?.id, 'ZOK-MRT');
  });

  test('approved beats submitted when both cover the dates, in either order', () => {
    const submitted = agreement({ id: 'ZOK-NIEUW', status: 'ingediend' });
    const approvedOne = agreement({ id: 'ZOK-OUD', status: 'geaccordeerd' });
    for (const order of [[submitted, approvedOne], [approvedOne, submitted]]) {
      const ctx = context({ agreements: order });
      assert.equal(matchAgreement(c([line('2026-03-02', '4', 2833)]), HOLDER, ctx)?.id, 'ZOK-OUD');
    }
  });

  test('submitted beats rejected when both cover the dates', () => {
    const ctx = context({ agreements: [agreement({ id: 'ZOK-AF', status: 'afgekeurd' }), agreement({ id: 'ZOK-IN', status: 'ingediend' })] });
    assert.equal(matchAgreement(c([line('2026-03-02', '4', 2833)]), HOLDER, ctx)?.id, 'ZOK-IN');
  });

  test('covering beats status: a submitted agreement covering the date beats an approved one that does not', () => {
    const ctx = context({
      agreements: [
        agreement({ id: 'ZOK-OUD', status: 'geaccordeerd', einddatum: date('2025-12-31'), ingangsdatum: date('2025-01-01') }),
        agreement({ id: 'ZOK-NIEUW', status: 'ingediend', ingangsdatum: date('2026-01-01') }),
      ],
    });
    assert.equal(matchAgreement(c([line('2026-03-02', '4', 2833)]), HOLDER, ctx)?.id, 'ZOK-NIEUW');
  });

  test('equal coverage and status: the one starting last wins', () => {
    const ctx = context({
      agreements: [agreement({ id: 'ZOK-A', ingangsdatum: date('2026-01-01') }), agreement({ id: 'ZOK-B', ingangsdatum: date('2026-02-01') })],
    });
    assert.equal(matchAgreement(c([line('2026-03-02', '4', 2833)]), HOLDER, ctx)?.id, 'ZOK-B');
  });

  test('all else equal (coverage, status, start), the lowest id wins, whatever order the agreements come in', () => {
    const x = agreement({ id: 'ZOK-X' });
    const y = agreement({ id: 'ZOK-Y' });
    const z = agreement({ id: 'ZOK-Z' });
    for (const order of [[x, y, z], [z, y, x], [y, z, x], [z, x, y]]) {
      assert.equal(matchAgreement(c([line('2026-03-02', '4', 2833)]), HOLDER, context({ agreements: order }))?.id, 'ZOK-X');
    }
  });

  test('a named agreement is taken as named, even when another one fits better', () => {
    const ctx = context({
      agreements: [agreement({ id: 'ZOK-2025', ingangsdatum: date('2025-01-01'), einddatum: date('2025-12-31') }), agreement({ id: 'ZOK-2026' })],
    });
    assert.equal(matchAgreement(c([line('2026-03-02', '4', 2833)], 'ZOK-2025'), HOLDER, ctx)?.id, 'ZOK-2025');
    // and then the term check rejects the claim
    assertRefused(checkClaim(claim({ zok: 'ZOK-2025' }), ctx), 'afgekeurd', 'BUITEN_LOOPTIJD');
  });

  test('a single agreement is the match even when it does not cover the date (the term check says why)', () => {
    const ctx = context({ agreements: [agreement({ einddatum: date('2026-01-31') })] });
    assert.equal(matchAgreement(c([line('2026-03-02', '4', 2833)]), HOLDER, ctx)?.id, 'ZOK1');
  });

  test('no agreements: undefined', () => {
    assert.equal(matchAgreement(c([line('2026-03-02', '4', 2833)]), HOLDER, context({ agreements: [] })), undefined);
  });
});

describe('properties of the budget rule', () => {
  const DAY0 = Date.UTC(2026, 0, 1) / 86_400_000;
  const dayOf = (n: number): PlainDate => new Date((DAY0 + n) * 86_400_000).toISOString().slice(0, 10) as PlainDate;

  // Tuned so that every outcome occurs often: budgets and lines in the first months of 2026.
  const budgetArb = fc.record({
    start: fc.integer({ min: 0, max: 60 }),
    length: fc.integer({ min: 10, max: 150 }),
    beschikbaar: fc.integer({ min: 0, max: 60_000 }),
  });
  const lineArb = fc.record({
    day: fc.integer({ min: 0, max: 120 }),
    quarters: fc.integer({ min: 1, max: 40 }),
    rate: fc.integer({ min: 100, max: 4000 }),
  });
  const claimArb = fc.array(lineArb, { minLength: 1, maxLength: 3 });

  test('no budget ever goes below zero; every approved claim is charged exactly its amount, to covering budgets', () => {
    const seen = new Map<string, number>();
    fc.assert(
      fc.property(
        fc.array(budgetArb, { minLength: 1, maxLength: 4 }),
        fc.array(claimArb, { minLength: 1, maxLength: 15 }),
        fc.integer({ min: 0, max: 20_000 }),
        fc.option(fc.integer({ min: 100, max: 4000 }), { nil: null }),
        (budgetSpecs, claimSpecs, own, maximumtarief) => {
          const budgets = budgetSpecs.map((b, i) => budget(`TK${i}`, dayOf(b.start), dayOf(Math.min(364, b.start + b.length)), b.beschikbaar));
          const key = budgetKey(HOLDER, WET);
          const ctx = context({
            agreements: [agreement({ tarief: cents(4000), maximumtarief: maximumtarief === null ? null : cents(maximumtarief) })],
            budgets,
            ownFunds: { [key]: own },
          });
          const byId = new Map(budgets.map((b) => [b.budgetId, b]));
          let totalBefore = budgets.reduce((s, b) => s + b.beschikbaar, 0) + own;
          claimSpecs.forEach((lines, i) => {
            const c = claim({
              id: `D${i}`,
              ontvangst: '2026-12-31',
              lines: lines.map((l) => {
                const q = l.quarters;
                return { regelnr: 0, datum: dayOf(l.day), kwartieren: q, eenheden: String(q / 4), tarief: cents(l.rate), bedrag: lineAmount(q as Quarters, cents(l.rate)), omschrijving: null };
              }),
            });
            const before = balances(ctx);
            const o = checkClaim(c, ctx);
            const kind = o.status === 'goedgekeurd' ? (o.charges.some((x) => x.source === 'eigen_bijdrage') ? 'goedgekeurd+eigen' : 'goedgekeurd') : o.reason;
            seen.set(kind, (seen.get(kind) ?? 0) + 1);
            for (const b of budgets) assert.ok(b.beschikbaar >= 0, `${b.budgetId} at ${b.beschikbaar}`);
            assert.ok((ctx.ownFunds.get(key) ?? 0) >= 0, 'own deposits never negative');
            const totalAfter = budgets.reduce((s, b) => s + b.beschikbaar, 0) + (ctx.ownFunds.get(key) ?? 0);
            if (o.status === 'goedgekeurd') {
              const charged = o.charges.reduce((s, x) => s + x.amount, 0);
              assert.equal(charged, c.bedrag, 'the charges of an approved claim add up to its amount');
              assert.equal(totalBefore - totalAfter, c.bedrag, 'what left the budgets and own deposits is the claim');
              for (const ch of o.charges) {
                assert.ok(ch.amount > 0);
                const l = c.lines.find((x) => x.regelnr === ch.regelnr)!;
                if (ch.source === 'budget') {
                  const b = byId.get(ch.budgetId!)!;
                  assert.ok(b.ingangsdatum <= l.datum && l.datum <= b.einddatum, 'charged to a budget covering the line');
                } else assert.equal(ch.budgetId, null);
              }
              // per line: the budget part never exceeds quantity × maximum tariff
              if (maximumtarief !== null) {
                for (const l of c.lines) {
                  const fromBudget = o.charges.filter((x) => x.regelnr === l.regelnr && x.source === 'budget').reduce((s, x) => s + x.amount, 0);
                  assert.ok(fromBudget <= lineAmount(l.kwartieren! as Quarters, cents(Math.min(maximumtarief, l.tarief))));
                }
              }
            } else {
              assert.deepEqual(balances(ctx), before, `a ${o.status} claim (${o.reason}) takes nothing`);
            }
            totalBefore = totalAfter;
          });
        },
      ),
      { numRuns: 300 },
    );
    // the generators really exercise approvals, top-ups and both budget refusals
    for (const kind of ['goedgekeurd', 'goedgekeurd+eigen', 'BUDGET_ONTOEREIKEND', 'MAXIMUMTARIEF_OVERSCHREDEN', 'GEEN_TOEKENNING']) {
      assert.ok((seen.get(kind) ?? 0) > 0, `no ${kind} outcome generated: ${JSON.stringify([...seen])}`);
    }
  });

  test('whole or nothing: a claim is approved exactly when the greedy charge covers it (and a smaller claim on a fresh context)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50_000 }), fc.integer({ min: 1, max: 80 }), (left, quarters) => {
        const ctx = context({ budgets: [budget('TK1', '2026-01-01', '2026-12-31', left)] });
        const c = claim({ lines: [line('2026-03-02', String(quarters / 4), 2833)] });
        const o = checkClaim(c, ctx);
        if (c.bedrag <= left) {
          approved(o);
          assert.equal(balances(ctx).TK1, left - c.bedrag);
        } else {
          assertRefused(o, 'geparkeerd', 'BUDGET_ONTOEREIKEND');
          assert.equal(balances(ctx).TK1, left);
        }
      }),
    );
  });
});

describe('INDIENTERMIJN_VERSTREKEN (afgekeurd): care of year Y received after 1 April of Y+1', () => {
  const world = () => context({ budgets: [budget('TK25', '2025-01-01', '2025-12-31', 1_000_000), budget('TK1', '2026-01-01', '2026-12-31', 1_000_000)], agreements: [agreement({ ingangsdatum: date('2025-01-01') })] });

  test('the deadline of a date is 1 April of the next year', () => {
    assert.equal(claimDeadline(date('2025-01-01')), '2026-04-01');
    assert.equal(claimDeadline(date('2025-12-31')), '2026-04-01');
    assert.equal(claimDeadline(date('2026-04-02')), '2027-04-01');
  });

  test('received on 1 April: still in time, approved', () => {
    approved(checkClaim(claim({ ontvangst: '2026-04-01', lines: [line('2025-12-30', '2', 2833)] }), world()));
  });

  test('received on 2 April: rejected, with the date in the message, and nothing charged', () => {
    const ctx = world();
    const r = refused(checkClaim(claim({ ontvangst: '2026-04-02', lines: [line('2026-01-05', '1', 2833), line('2025-12-30', '2', 2833)] }), ctx));
    assertRefused(r, 'afgekeurd', 'INDIENTERMIJN_VERSTREKEN');
    assert.match(r.message, /^Regel 2: zorg van 2025 moest uiterlijk 2026-04-01 zijn gedeclareerd; deze declaratie is ontvangen op 2026-04-02\./);
    assert.deepEqual(balances(ctx), { TK25: 1_000_000, TK1: 1_000_000 });
  });

  test('a claim that is both invalid and late is ONGELDIG (checked first)', () => {
    assertRefused(checkClaim(claim({ ontvangst: '2026-05-01', lines: [line('2025-12-30', '0', 2833)] }), world()), 'afgekeurd', 'ONGELDIG');
  });

  test('late monthly pay is rejected too', () => {
    const ctx = context({ budgets: [budget('TK25', '2025-01-01', '2025-12-31', 1_000_000)], agreements: [agreement({ ingangsdatum: date('2025-01-01'), maandbedrag: cents(100000) })] });
    assertRefused(checkClaim(claim({ soort: 'maandloon', ontvangst: '2026-06-01', lines: [line('2025-03-01', '1', 100000)] }), ctx), 'afgekeurd', 'INDIENTERMIJN_VERSTREKEN');
  });
});

describe('the maximum tariff from the dated tables when the agreement names none', () => {
  const row = (over: Partial<MaxTariff>): MaxTariff => ({ verstrekker: null, wet: 'WLZ', categorie: 'formeel_uur', geldigVan: date('2025-01-01'), geldigTot: date('2025-12-31'), bedrag: cents(8081), bron: 'test', ...over });
  const TABLE: MaxTariff[] = [
    row({}),
    row({ categorie: 'informeel_uur', bedrag: cents(2565) }),
    row({ geldigVan: date('2024-01-01'), geldigTot: date('2024-12-31'), bedrag: cents(7700) }),
    row({ verstrekker: 'GM0001', wet: 'WMO_HH', categorie: 'formeel_uur', geldigVan: date('2026-01-01'), geldigTot: null, bedrag: cents(2800) }),
  ];
  const wlz = (over: Partial<Agreement> = {}) => agreement({ wet: 'WLZ', ingangsdatum: date('2024-01-01'), einddatum: null, tarief: cents(9000), categorie: 'formeel_uur', verstrekker: 'ZK0001', ...over });
  const world = (a: Agreement, own = 0) => {
    const ctx = context({ agreements: [a], budgets: [budget('TKW', '2024-01-01', '2026-12-31', 1_000_000, { wet: a.wet })], ownFunds: own ? { [budgetKey(HOLDER, a.wet)]: own } : {} });
    ctx.maxTariffs = TABLE;
    return ctx;
  };

  test('the national Wlz maximum of the line\'s year applies: 2025 € 80.81, 2024 € 77.00', () => {
    assert.equal(maxTariffFor(wlz(), date('2025-06-01'), TABLE)?.bedrag, 8081);
    assert.equal(maxTariffFor(wlz(), date('2024-06-01'), TABLE)?.bedrag, 7700);
    assert.equal(maxTariffFor(wlz({ categorie: 'informeel_uur' }), date('2025-06-01'), TABLE)?.bedrag, 2565);
    assert.equal(maxTariffFor(wlz(), date('2026-06-01'), TABLE), null, 'no row for 2026: no maximum');
    assert.equal(maxTariffFor(wlz({ maximumtarief: cents(5000) }), date('2025-06-01'), TABLE)?.bedrag, 5000, "the agreement's own maximum goes first");
  });

  test('a municipality\'s own maximum applies to its budgets only', () => {
    const wmo = agreement({ tarief: cents(3000), categorie: 'formeel_uur', verstrekker: 'GM0001' });
    assert.equal(maxTariffFor(wmo, date('2026-03-02'), TABLE)?.bedrag, 2800);
    assert.equal(maxTariffFor({ ...wmo, verstrekker: 'GM0002' }, date('2026-03-02'), TABLE), null);
  });

  test('a rate above the table\'s maximum waits without own deposits, naming the table', () => {
    const r = refused(checkClaim(claim({ ontvangst: '2025-07-01', lines: [line('2025-06-02', '2', 9000)] }), world(wlz())));
    assertRefused(r, 'geparkeerd', 'MAXIMUMTARIEF_OVERSCHREDEN');
    assert.match(r.message, /€ 90,00 is hoger dan het landelijke maximumtarief formele zorg per uur \(Wet langdurige zorg, vanaf 2025-01-01\) € 80,81/);
    assert.match(r.message, /verschil \(€ 18,38\)/); // 2 × (90.00 − 80.81)
  });

  test('lines in two years are each held to their own year\'s maximum; own deposits pay the excess', () => {
    const ctx = world(wlz(), 10_000);
    const o = approved(checkClaim(claim({ ontvangst: '2025-02-01', lines: [line('2024-12-31', '1', 9000, 1), line('2025-01-02', '1', 9000, 2)] }), ctx));
    assert.deepEqual(
      o.charges.filter((c) => c.source === 'eigen_bijdrage').map((c) => [c.regelnr, c.amount]),
      [[1, 9000 - 7700], [2, 9000 - 8081]],
    );
  });

  test('the same claim is approved whole when the rate is within the maximum', () => {
    approved(checkClaim(claim({ ontvangst: '2025-07-01', lines: [line('2025-06-02', '2', 8081)] }), world(wlz())));
  });
});
