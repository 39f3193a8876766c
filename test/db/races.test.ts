/**
 * Races over HTTP (issue #7): the same decision sent twice at once. On PostgreSQL the requests run
 * in parallel transactions on the pool's separate connections (20), so they truly meet; on PGlite
 * (one connection) they take turns, and the outcome must be the same.
 *
 * - The holder approves the same claim twice at once (and approves and rejects another at once):
 *   one answer is 200, the other 409 CONFLICT; the claim is charged and booked once; the ledger
 *   check passes.
 * - The funder approves and rejects the same agreement at once: one decision stands, the other is
 *   refused with 400 and why ("is al geaccordeerd"); one version and one audit row per decision.
 *
 * `PGB_RACE_ROUNDS` (default 12) is the number of claims and of agreements raced.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startApiWorld, WORLD, type ApiResponse, type ApiWorld } from '../support/api.ts';
import { STORE } from '../support/db.ts';
import { AGREEMENT_HEADER, HOLDER, agreement, csv, load } from '../support/factories.ts';
import { runLedgerCheck } from '../../src/modules/ledger/index.ts';

const NOW = new Date('2026-11-18T10:00:00+01:00');
const ROUNDS = Number(process.env.PGB_RACE_ROUNDS ?? 12);

function statuses(rs: ApiResponse[]): number[] {
  return rs.map((r) => r.status).sort((a, b) => a - b);
}

describe(`races: the same decision twice at once (${STORE})`, () => {
  let api: ApiWorld;
  before(async () => {
    api = await startApiWorld({ now: () => NOW });
  });
  after(async () => {
    await api?.close();
  });

  async function budgetLeft(budget: string): Promise<number> {
    const r = await api.db.query<{ saldo: number }>(`SELECT r.saldo FROM budgetten b JOIN rekeningen r ON r.id = b.rekening_id WHERE b.budget_id = $1`, [budget]);
    return -Number(r.rows[0]!.saldo);
  }

  test(`the holder approves the same claim twice at once (${ROUNDS} claims): one wins, the other gets 409, nothing is booked twice`, async () => {
    const provider = api.as('zorgverlener');
    const holder = api.as('budgethouder');
    const second = await api.signIn('budgethouder'); // a second session of the same holder (another tab, another phone)
    const double: string[] = [];
    const mixed: string[] = [];
    for (let i = 0; i < ROUNDS * 2; i++) {
      const id = `RACE-${i}`;
      const day = String(1 + (i % 28)).padStart(2, '0');
      const r = await provider.post('/api/declaraties', { declaratie_id: id, zorgovereenkomst_id: WORLD.agreements.a, regels: [{ datum: `2026-${i < 28 ? '10' : '09'}-${day}`, eenheden: '1', tarief: '30.00' }] });
      assert.equal(r.status, 201, r.text);
      (i < ROUNDS ? double : mixed).push(id);
    }
    const left = await budgetLeft(WORLD.allocations.a);

    // every pair at once, all pairs at once: 4 × ROUNDS requests in flight
    const answers = await Promise.all([
      ...double.map((id) => Promise.all([holder.post(`/api/declaraties/${id}/goedkeuren`), second.post(`/api/declaraties/${id}/goedkeuren`)])),
      ...mixed.map((id) => Promise.all([holder.post(`/api/declaraties/${id}/goedkeuren`), second.post(`/api/declaraties/${id}/afwijzen`, { reden: 'die dag was er geen zorg' })])),
    ]);
    let approvedInMixed = 0;
    const wrong: string[] = []; // every pair that did not end in one 200 and one 409 CONFLICT, to show how many
    answers.forEach((pair, i) => {
      const id = i < ROUNDS ? double[i]! : mixed[i - ROUNDS]!;
      const lost = pair.find((p) => p.status === 409);
      if (statuses(pair).join() !== '200,409' || lost?.json.code !== 'CONFLICT' || !/is (goedgekeurd|afgewezen|geparkeerd)/.test(lost.json.detail)) {
        wrong.push(`${id}: ${pair.map((p) => `${p.status} ${p.json?.code ?? p.json?.status ?? ''}`).join(' + ')}`);
      }
      if (i >= ROUNDS && pair[0]!.status === 200) approvedInMixed++;
    });
    const all = [...double, ...mixed];
    const per = await api.db.query<{ declaratie_id: string; status: string; lasten: number; bedrag: number; ontvangen: number; afgewezen: number; audits: number }>(
      `SELECT d.declaratie_id, d.status,
              (SELECT count(*)::int FROM declaratie_lasten l WHERE l.declaratie_id = d.declaratie_id) AS lasten,
              (SELECT COALESCE(sum(l.bedrag), 0)::int FROM declaratie_lasten l WHERE l.declaratie_id = d.declaratie_id) AS bedrag,
              (SELECT count(*)::int FROM declaratie_gebeurtenissen g WHERE g.declaratie_id = d.declaratie_id AND g.gebeurtenis = 'ontvangen') AS ontvangen,
              (SELECT count(*)::int FROM declaratie_gebeurtenissen g WHERE g.declaratie_id = d.declaratie_id AND g.gebeurtenis = 'afgewezen') AS afgewezen,
              (SELECT count(*)::int FROM audit_log a WHERE a.onderwerp = d.declaratie_id AND a.actie IN ('declaratie.goedkeuren', 'declaratie.afwijzen')) AS audits
         FROM declaraties d WHERE d.declaratie_id = ANY($1::text[]) ORDER BY d.declaratie_id`,
      [all],
    );
    assert.equal(per.rows.length, all.length);
    let charged = 0;
    for (const c of per.rows) {
      const ok = c.audits === 1 && (c.status === 'afgewezen'
        ? c.lasten === 0 && c.ontvangen === 0 && c.afgewezen === 1
        : c.status === 'goedgekeurd' && c.lasten === 1 && c.bedrag === 30_00 && c.ontvangen === 1 && c.afgewezen === 0);
      if (!ok) wrong.push(`${c.declaratie_id} ${c.status}: ${c.lasten} charge(s) of ${c.bedrag} cents, ${c.ontvangen} received, ${c.afgewezen} rejected, ${c.audits} audit row(s)`);
      charged += c.bedrag;
    }
    const check = await runLedgerCheck(api.db);
    for (const r of check.results) for (const b of r.breaches) wrong.push(`pgb controle: ${r.name}: ${b}`);
    assert.deepEqual(wrong, [], `${wrong.length} problems in ${2 * ROUNDS} races`);
    assert.equal(charged, (ROUNDS + approvedInMixed) * 30_00);
    assert.equal(await budgetLeft(WORLD.allocations.a), left - charged, 'the budget is charged once per approved claim');
    const booked = await api.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM journaalposten j WHERE j.referentie = ANY($1::text[])`,
      [all],
    );
    assert.equal(booked.rows[0]!.n, ROUNDS + approvedInMixed, 'one journal entry per approved claim');
  });

  test(`the funder approves and rejects the same agreement at once (${ROUNDS} agreements): one decision stands, the other is refused with why`, async () => {
    const ids = Array.from({ length: ROUNDS }, (_, i) => `RACE-ZOK-${i}`);
    await load(api.db, 'zorgovereenkomsten', csv(AGREEMENT_HEADER, ids.map((id, i) => agreement(id, HOLDER.a, i % 2 ? 'ZV2' : 'ZV3', 'WMO_HH', { rate: '40.00', status: 'ingediend', kind: i % 2 ? 'familie' : 'instelling' }))), 'race-zok.csv');
    const funder = api.as('verstrekker');
    const system = api.as('verstrekker_systeem');
    const answers = await Promise.all(ids.map((id, i) => {
      const yes = () => (i % 2 ? funder : system).post(`/api/zorgovereenkomsten/${id}/accordering`, { besluit: 'geaccordeerd', maximumtarief: '45.00' });
      const no = () => (i % 2 ? system : funder).post(`/api/zorgovereenkomsten/${id}/accordering`, { besluit: 'afgekeurd', reden: 'tarief te hoog' });
      return Promise.all(i % 3 ? [yes(), no()] : [no(), yes()]);
    }));
    const winners = new Map<string, string>();
    const wrong: string[] = [];
    answers.forEach((pair, i) => {
      const id = ids[i]!;
      const won = pair.find((p) => p.status === 200);
      const lost = pair.find((p) => p.status === 400);
      if (statuses(pair).join() !== '200,400' || lost?.json.code !== 'INVOER_ONGELDIG' || !JSON.stringify(lost.json.problems).includes(`zorgovereenkomst '${id}' is al ${won?.json.status}`)) {
        wrong.push(`${id}: ${pair.map((p) => `${p.status} ${p.json?.code ?? p.json?.status ?? ''}`).join(' + ')}`);
      }
      if (won) winners.set(id, won.json.status);
    });
    const versions = await api.db.query<{ zorgovereenkomst_id: string; status: string; besluiten: number; huidig: number; bronnen: string[] }>(
      `SELECT z.zorgovereenkomst_id, z.status, z.versie AS huidig,
              (SELECT count(*)::int FROM zorgovereenkomst_versies v WHERE v.zorgovereenkomst_id = z.zorgovereenkomst_id AND v.bron LIKE 'accordering%') AS besluiten,
              ARRAY(SELECT v.bron FROM zorgovereenkomst_versies v WHERE v.zorgovereenkomst_id = z.zorgovereenkomst_id AND v.bron LIKE 'accordering%') AS bronnen
         FROM zorgovereenkomsten z WHERE z.zorgovereenkomst_id = ANY($1::text[]) ORDER BY z.zorgovereenkomst_id`,
      [ids],
    );
    assert.equal(versions.rows.length, ROUNDS);
    for (const v of versions.rows) {
      // the decision's import has exactly one audit row
      const importIds = v.bronnen.map((b) => b.replace(/^accordering /, ''));
      const audit = await api.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE actie = 'import.accorderingen' AND onderwerp = ANY($1::text[])`, [importIds]);
      if (v.besluiten !== 1 || v.huidig !== 2 || v.status !== winners.get(v.zorgovereenkomst_id) || audit.rows[0]!.n !== 1) {
        wrong.push(`${v.zorgovereenkomst_id} ${v.status} (answered 200: ${winners.get(v.zorgovereenkomst_id)}): ${v.besluiten} decision(s), version ${v.huidig}, ${audit.rows[0]!.n} audit row(s)`);
      }
    }
    assert.deepEqual(wrong, [], `${wrong.length} problems in ${ROUNDS} races`);
    const audits = await api.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE actie = 'import.accorderingen'`);
    assert.equal(audits.rows[0]!.n, ROUNDS, 'one audit row per effective decision, none for the refused ones');
    assert.ok((await runLedgerCheck(api.db)).ok);
  });
});
