import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { planTransfers, remittanceText, REMITTANCE_MAX, type PayableClaim, type Provider } from './run.ts';
import { cents } from '../../../kernel/money.ts';

function claim(over: Partial<PayableClaim> = {}): PayableClaim {
  return { declaratieId: 'D1', zorgverlenerId: 'ZV1', bedrag: cents(11332), clientnummer: 1000001, vanMaand: '2026-03', totMaand: '2026-03', ...over };
}

const providers = new Map<string, Provider>([
  ['ZV1', { id: 'ZV1', naam: 'Anna Bakker', iban: 'NL91ABNA0417164300' }],
  ['ZV2', { id: 'ZV2', naam: "Thuiszorg 't Zonnetje", iban: 'NL20INGB0001234567' }],
]);

describe('planTransfers', () => {
  test('one transfer per provider carrying the sum of its claims', () => {
    const claims = [
      claim({ declaratieId: 'D1', zorgverlenerId: 'ZV2', bedrag: cents(10000) }),
      claim({ declaratieId: 'D2', zorgverlenerId: 'ZV1', bedrag: cents(11332) }),
      claim({ declaratieId: 'D3', zorgverlenerId: 'ZV2', bedrag: cents(2550), clientnummer: 1000002 }),
      claim({ declaratieId: 'D4', zorgverlenerId: 'ZV1', bedrag: cents(1) }),
    ];
    const t = planTransfers(claims, providers);
    assert.equal(t.length, 2);
    assert.deepEqual(
      t.map((x) => [x.provider.id, x.amount, x.claims.map((c) => c.declaratieId)]),
      [
        ['ZV1', 11333, ['D2', 'D4']],
        ['ZV2', 12550, ['D1', 'D3']],
      ],
    );
    assert.equal(t[0]!.provider.iban, 'NL91ABNA0417164300');
    assert.equal(t[1]!.remittance, 'PGB 1000001 2026-03, 1000002 2026-03');
  });

  test('no claims, no transfers', () => {
    assert.deepEqual(planTransfers([], providers), []);
  });

  test('a provider that is not known is an error, not a silent skip', () => {
    assert.throws(() => planTransfers([claim({ zorgverlenerId: 'ZV9' })], providers), /ZV9/);
  });

  test('property: every claim is in exactly one transfer, to its own provider, and the amounts add up', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ p: fc.constantFrom('ZV1', 'ZV2'), bedrag: fc.integer({ min: 1, max: 10_000_000 }), client: fc.integer({ min: 1_000_000, max: 1_000_050 }) }), { maxLength: 40 }),
        (specs) => {
          const claims = specs.map((s, i) => claim({ declaratieId: `D${i}`, zorgverlenerId: s.p, bedrag: cents(s.bedrag), clientnummer: s.client }));
          const t = planTransfers(claims, providers);
          assert.equal(new Set(t.map((x) => x.provider.id)).size, t.length);
          assert.deepEqual(t.flatMap((x) => x.claims.map((c) => c.declaratieId)).sort(), claims.map((c) => c.declaratieId).sort());
          for (const x of t) {
            assert.ok(x.claims.every((c) => c.zorgverlenerId === x.provider.id));
            assert.equal(x.amount, x.claims.reduce((s, c) => s + c.bedrag, 0));
            assert.ok(x.remittance.length <= REMITTANCE_MAX);
          }
          assert.equal(t.reduce((s, x) => s + x.amount, 0), claims.reduce((s, c) => s + c.bedrag, 0));
        },
      ),
    );
  });
});

describe('remittanceText', () => {
  test('names the client number and the period', () => {
    assert.equal(remittanceText([claim()]), 'PGB 1000001 2026-03');
  });

  test('one entry per holder spanning its periods, holders in client-number order', () => {
    const text = remittanceText([
      claim({ clientnummer: 1000002, vanMaand: '2026-03', totMaand: '2026-03' }),
      claim({ clientnummer: 1000001, vanMaand: '2026-03', totMaand: '2026-03' }),
      claim({ clientnummer: 1000002, vanMaand: '2026-02', totMaand: '2026-02' }),
    ]);
    assert.equal(text, 'PGB 1000001 2026-03, 1000002 2026-02/2026-03');
  });

  test('a claim spanning months shows from/to', () => {
    assert.equal(remittanceText([claim({ vanMaand: '2025-12', totMaand: '2026-01' })]), 'PGB 1000001 2025-12/2026-01');
  });

  test('never a BSN: the holder is named by client number only', () => {
    // PayableClaim carries no BSN at all; the text is built from client numbers and months only
    const text = remittanceText([claim({ clientnummer: 1000042 }), claim({ clientnummer: 1000043, vanMaand: '2026-01' })]);
    assert.doesNotMatch(text, /\d{9}/);
    assert.match(text, /^PGB 1000042 2026-03, 1000043 2026-01\/2026-03$/);
  });

  test('many holders: cut to at most 140 characters, ending in "e.a."', () => {
    const claims = Array.from({ length: 30 }, (_, i) => claim({ clientnummer: 1_000_000 + i, vanMaand: '2026-01', totMaand: '2026-03' }));
    const text = remittanceText(claims);
    assert.ok(text.length <= REMITTANCE_MAX, `${text.length}`);
    assert.ok(text.endsWith(' e.a.'), text);
    assert.ok(text.startsWith('PGB 1000000 2026-01/2026-03, 1000001 2026-01/2026-03'));
    // no entry is cut in half: everything before ' e.a.' is whole entries
    assert.match(text, /^PGB \d{7} \d{4}-\d{2}\/\d{4}-\d{2}(, \d{7} \d{4}-\d{2}\/\d{4}-\d{2})* e\.a\.$/);
  });

  test('property: at most 140 characters; whole entries; either every holder or "e.a."', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ client: fc.integer({ min: 1, max: 99_999_999 }), from: fc.integer({ min: 0, max: 24 }), span: fc.integer({ min: 0, max: 3 }) }), { minLength: 1, maxLength: 30 }),
        (specs) => {
          const ym = (n: number) => `${2025 + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
          const claims = specs.map((s) => claim({ clientnummer: s.client, vanMaand: ym(s.from), totMaand: ym(s.from + s.span) }));
          const text = remittanceText(claims);
          assert.ok(text.length <= REMITTANCE_MAX, `${text.length}: ${text}`);
          assert.match(text, /^PGB( \d+ \d{4}-\d{2}(\/\d{4}-\d{2})?)?(, \d+ \d{4}-\d{2}(\/\d{4}-\d{2})?)*( e\.a\.)?$/);
          const named = [...text.matchAll(/(?:PGB |, )(\d+) /g)].map((m) => Number(m[1]));
          const clients = [...new Set(claims.map((c) => c.clientnummer))].sort((a, b) => a - b);
          if (!text.endsWith(' e.a.')) assert.deepEqual(named, clients, 'without e.a. every holder is named');
          else assert.deepEqual(named, clients.slice(0, named.length), 'the first holders in order, then e.a.');
        },
      ),
    );
  });

  test('a text that fits in 140 characters is not cut, even when it is longer than 135', () => {
    // Eight holders with one month each: 'PGB ' + 8 × '1000001 2026-03' + 7 × ', ' = 4 + 120 + 14 = 138
    // characters, which fits the 140 of SEPA and of the doc comment ("cut with e.a. when longer
    // than 140"). The code reserves room for ' e.a.' even for the last entry, so it drops the
    // eighth holder and writes '… e.a.' (126 characters): a client number that would have fitted
    // is missing from the provider's bank statement.
    const claims = Array.from({ length: 8 }, (_, i) => claim({ clientnummer: 1_000_001 + i }));
    const full = 'PGB ' + claims.map((c) => `${c.clientnummer} 2026-03`).join(', ');
    assert.equal(full.length, 138);
    assert.equal(remittanceText(claims), full);
  });
});
