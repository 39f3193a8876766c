import { test } from 'node:test';
import assert from 'node:assert/strict';
import { whoHoldsIt, type WhereaboutsInput } from './whereabouts.ts';

const base: WhereaboutsInput = {
  status: 'geparkeerd',
  reden: 'GEEN_TOEKENNING',
  wet: 'WMO_HH',
  zorgovereenkomst_id: 'Z-1',
  budgethouder_naam: 'M. Jansen',
  zorgverlener_id: 'ZV1',
  zorgverlener_naam: 'Thuishulp De Linde',
  verstrekker_naam: 'Gemeente Amsterdam',
  iban_geblokkeerd: null,
  betaling_status: null,
  betaald_op: null,
};

test('a parked claim names whom it waits for, addressed to the reader', () => {
  assert.equal(whoHoldsIt(base, 'budgethouder'), 'de verstrekker (Gemeente Amsterdam): er is geen toekenning die de zorgdatum dekt; de declaratie wacht zolang');
  assert.match(whoHoldsIt(base, 'verstrekker'), /^u \(verstrekker\): /);
  assert.match(whoHoldsIt({ ...base, verstrekker_naam: null, wet: 'WLZ' }, 'budgethouder'), /^de verstrekker \(het zorgkantoor\): /);
  assert.match(whoHoldsIt({ ...base, reden: 'MAXIMUMTARIEF_OVERSCHREDEN' }, 'budgethouder'), /^u \(budgethouder\): /);
  assert.match(whoHoldsIt({ ...base, reden: 'GEEN_ZORGOVEREENKOMST' }, 'zorgverlener'), /^de budgethouder \(M\. Jansen\) en u \(zorgverlener\): /);
});

test('each status has its holder: the holder, the provider, the operator or the bank', () => {
  assert.match(whoHoldsIt({ ...base, status: 'ter_goedkeuring', reden: null }, 'budgethouder'), /^u \(budgethouder\): /);
  assert.match(whoHoldsIt({ ...base, status: 'ter_goedkeuring', reden: null }, 'zorgverlener'), /^de budgethouder \(M\. Jansen\): /);
  assert.match(whoHoldsIt({ ...base, status: 'afgewezen', reden: null }, 'budgethouder'), /^de zorgverlener \(Thuishulp De Linde\): /);
  assert.equal(whoHoldsIt({ ...base, status: 'goedgekeurd', reden: null }, 'budgethouder'), 'het betaalbureau: betaling in de volgende betaalrun');
  assert.match(whoHoldsIt({ ...base, status: 'goedgekeurd', reden: null, iban_geblokkeerd: 'NL00' }, 'zorgverlener'), /nieuw rekeningnummer van u \(zorgverlener\)/);
  assert.match(whoHoldsIt({ ...base, status: 'betaald', reden: null, betaling_status: 'verzonden', betaald_op: '2026-11-06' }, 'budgethouder'), /^de bank: /);
  assert.match(whoHoldsIt({ ...base, status: 'betaald', reden: null, betaling_status: 'bevestigd', betaald_op: '2026-11-06' }, 'budgethouder'), /^niemand meer: /);
  assert.match(whoHoldsIt({ ...base, status: 'afgekeurd', reden: 'DUBBELE_DECLARATIE' }, 'budgethouder'), /^de zorgverlener \(Thuishulp De Linde\): /);
  assert.match(whoHoldsIt({ ...base, status: 'afgekeurd', reden: 'GEEN_TOEKENNING' }, 'budgethouder'), /^het betaalbureau: de backoffice heeft/);
  // refused by the automatic check, not by a person: nobody holds it, and the text says so
  assert.match(whoHoldsIt({ ...base, status: 'afgekeurd', reden: 'INDIENTERMIJN_VERSTREKEN' }, 'zorgverlener'), /^niemand meer: de automatische controle .*termijn/);
  assert.match(whoHoldsIt({ ...base, status: 'afgekeurd', reden: 'ONDER_MINIMUMLOON' }, 'budgethouder'), /^u \(budgethouder\) en de zorgverlener .*minimumloon/);
});
