/**
 * The demo's accounts: one per role, tied to the people of `pgb demo`, each able to sign in with
 * the demo password; a second call keeps the accounts and gives the system a new secret.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { freshDb, STORE } from '../support/db.ts';
import { load } from '../support/factories.ts';
import { demoDates, demoFiles } from '../../src/cli/demo.ts';
import { dateInNetherlands } from '../../src/kernel/dates.ts';
import { syntheticBsn } from '../../src/kernel/synthetic.ts';
import { bearerCaller, createDemoAccounts, DEFAULT_DEMO_PASSWORD, signIn } from '../../src/modules/toegang/index.ts';

test(`demo accounts for every role, tied to the demo's people (${STORE})`, async () => {
  const { db, close } = await freshDb();
  try {
    await assert.rejects(createDemoAccounts(db, { password: DEFAULT_DEMO_PASSWORD, actor: 'test' }), /pgb demo/);
    const files = demoFiles(demoDates(dateInNetherlands(new Date())));
    for (const kind of ['verstrekkers', 'budgethouders', 'zorgverleners'] as const) await load(db, kind, files[`${kind}.csv`]!);

    const first = await createDemoAccounts(db, { password: DEFAULT_DEMO_PASSWORD, actor: 'demo' });
    assert.deepEqual(first.accounts.map((a) => a.rol).sort(), ['auditor', 'backoffice', 'budgethouder', 'verstrekker', 'verstrekker', 'verstrekker_systeem', 'vertegenwoordiger', 'zorgverlener', 'zorgverlener']);
    const holders = await db.query<{ id: number; bsn: string }>(`SELECT id, bsn FROM budgethouders`);
    const idOf = (n: number) => holders.rows.find((h) => h.bsn === syntheticBsn(n))!.id;
    const settings = { idleMinutes: 30, maxHours: 12 };
    const who: Record<string, unknown> = {};
    for (const a of first.accounts.filter((x) => x.rol !== 'verstrekker_systeem')) {
      const r = await signIn(db, { gebruikersnaam: a.gebruikersnaam, wachtwoord: DEFAULT_DEMO_PASSWORD, ip: '127.0.0.1', now: new Date(), settings });
      assert.ok(r.ok, a.gebruikersnaam);
      const p = r.session.principal;
      who[a.gebruikersnaam] = [p.rol, p.verstrekker, p.zorgverlener, p.budgethouders];
    }
    assert.deepEqual(who, {
      jansen: ['budgethouder', null, null, [idOf(1)]],
      vertegenwoordiger: ['vertegenwoordiger', null, null, [idOf(2), idOf(5)].sort((a, b) => a - b)],
      'thuishulp-de-linde': ['zorgverlener', null, 'ZV-ZZP-1', []],
      'verzorgende-mulder': ['zorgverlener', null, 'ZV-PART-3', []],
      'gemeente-amsterdam': ['verstrekker', 'GM0363', null, []],
      'zorgkantoor-zuid-holland': ['verstrekker', 'ZK5501', null, []],
      backoffice: ['backoffice', null, null, []],
      auditor: ['auditor', null, null, []],
    });
    const system = await bearerCaller(db, `Bearer ${first.apiClient.clientId}.${first.apiClient.secret}`);
    assert.deepEqual([system?.rol, system?.verstrekker], ['verstrekker_systeem', 'GM0363']);

    const second = await createDemoAccounts(db, { password: DEFAULT_DEMO_PASSWORD, actor: 'demo' });
    assert.ok(second.accounts.filter((a) => a.rol !== 'verstrekker_systeem').every((a) => !a.nieuw));
    assert.equal(await bearerCaller(db, `Bearer ${first.apiClient.clientId}.${first.apiClient.secret}`), null, 'the old secret stopped working');
    assert.ok(await bearerCaller(db, `Bearer ${second.apiClient.clientId}.${second.apiClient.secret}`));
  } finally {
    await close();
  }
});
