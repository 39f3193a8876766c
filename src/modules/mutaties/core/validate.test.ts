import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { validateMutatie, MUTATIE_SOORTEN } from './validate.ts';
import { date } from '../../../kernel/dates.ts';

const TODAY = date('2026-03-10');

function problems(r: ReturnType<typeof validateMutatie>) {
  assert.ok('problems' in r, 'expected problems');
  return r.problems.map((p) => `${p.column}: ${p.message}`);
}

describe('validateMutatie', () => {
  test('a valid report is trimmed; the date is optional', () => {
    assert.deepEqual(validateMutatie({ soort: ' adres ', omschrijving: '  Nieuw adres: Dorpsstraat 1, Ede  ' }, TODAY), {
      mutatie: { soort: 'adres', omschrijving: 'Nieuw adres: Dorpsstraat 1, Ede', ingangsdatum: null },
    });
    assert.deepEqual(validateMutatie({ soort: 'iban', omschrijving: 'nieuwe rekening', ingangsdatum: '2026-04-01' }, TODAY), {
      mutatie: { soort: 'iban', omschrijving: 'nieuwe rekening', ingangsdatum: '2026-04-01' },
    });
  });

  test('every kind of the closed list is accepted', () => {
    for (const soort of MUTATIE_SOORTEN) {
      const r = validateMutatie({ soort, omschrijving: 'iets veranderd', ingangsdatum: '2026-03-01' }, TODAY);
      assert.ok('mutatie' in r, soort);
    }
  });

  test('every problem is reported at once, in Dutch, per field', () => {
    assert.deepEqual(problems(validateMutatie({ soort: 'verhuizing', omschrijving: ' x ', ingangsdatum: '2026-02-30' }, TODAY)), [
      "soort: 'verhuizing' is geen soort wijziging; kies uit adres, iban, vertegenwoordiger, overlijden, zorgverlener, overig",
      'omschrijving: beschrijf de wijziging (minstens 3 tekens)',
      "ingangsdatum: '2026-02-30' is geen geldige datum (JJJJ-MM-DD)",
    ]);
  });

  test('a description longer than 2000 characters is refused', () => {
    assert.deepEqual(problems(validateMutatie({ soort: 'overig', omschrijving: 'a'.repeat(2001) }, TODAY)), ['omschrijving: te lang: hooguit 2000 tekens']);
  });

  test('a death needs its date, and not one in the future', () => {
    assert.deepEqual(problems(validateMutatie({ soort: 'overlijden', omschrijving: 'mijn moeder is overleden' }, TODAY)), ['ingangsdatum: geef de datum van overlijden op']);
    assert.deepEqual(problems(validateMutatie({ soort: 'overlijden', omschrijving: 'overleden', ingangsdatum: '2026-03-11' }, TODAY)), [
      'ingangsdatum: een datum van overlijden kan niet in de toekomst liggen',
    ]);
    assert.ok('mutatie' in validateMutatie({ soort: 'overlijden', omschrijving: 'overleden', ingangsdatum: '2026-03-10' }, TODAY));
  });

  test('an empty date counts as no date', () => {
    assert.deepEqual(validateMutatie({ soort: 'overig', omschrijving: 'anders', ingangsdatum: '  ' }, TODAY), { mutatie: { soort: 'overig', omschrijving: 'anders', ingangsdatum: null } });
  });
});
