/**
 * Issue #8: maximum tariffs from the dated tables (national Wlz, a municipality's own) used when an
 * agreement names none, and the claim deadline of 1 April of the next year; on both stores.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { freshDb, freshTarget, stateCounts, STORE } from '../support/db.ts';
import { pgb } from '../support/cli.ts';
import { AGREEMENT_HEADER, ALLOCATION_HEADER, CLAIM_HEADER, HOLDER, agreement, allocation, claimLine, claimStatus, csv, load, loadParties } from '../support/factories.ts';
import { runLedgerCheck } from '../../src/modules/ledger/index.ts';
import { setMaxTariff } from '../../src/modules/tarieven/index.ts';
import { traceClaim } from '../../src/modules/declaraties/index.ts';
import { AppError } from '../../src/kernel/errors.ts';

test(`claims are held to the table's maximum when the agreement names none, and late claims are rejected (${STORE})`, async () => {
  const { db, close } = await freshDb();
  try {
    await loadParties(db);
    await load(db, 'toekenningen', csv(ALLOCATION_HEADER, [
      allocation('T-B25', HOLDER.b, 'WLZ', '2025-01-01', '2025-12-31', '20000.00', '', 'ZK0001'),
      allocation('T-A26', HOLDER.a, 'WMO_HH', '2026-01-01', '2026-12-31', '5000.00', '', 'GM0001'),
    ]));
    await load(db, 'zorgovereenkomsten', csv(AGREEMENT_HEADER, [
      // ZV1 is a zzp (KvK): formal care per hour; ZV2 a private person: informal
      agreement('Z-B1', HOLDER.b, 'ZV1', 'WLZ', { from: '2025-01-01', rate: '90.00' }),
      agreement('Z-B2', HOLDER.b, 'ZV2', 'WLZ', { from: '2025-01-01', rate: '25.00' }),
      agreement('Z-A1', HOLDER.a, 'ZV1', 'WMO_HH', { from: '2026-01-01', rate: '30.00' }),
    ]));
    await load(db, 'declaraties', csv(CLAIM_HEADER, [
      claimLine('D-OVER', HOLDER.b, 'ZV1', '2025-06-02', '2', '90.00', { received: '2025-07-01T10:00:00+02:00' }),
      claimLine('D-INF', HOLDER.b, 'ZV2', '2025-06-03', '2', '25.00', { received: '2025-07-01T10:00:00+02:00' }),
      claimLine('D-OPTIJD', HOLDER.b, 'ZV2', '2025-12-30', '1', '25.00', { received: '2026-04-01T23:00:00+02:00' }),
      claimLine('D-LAAT', HOLDER.b, 'ZV2', '2025-12-31', '1', '25.00', { received: '2026-04-02T08:00:00+02:00' }),
      claimLine('D-WMO', HOLDER.a, 'ZV1', '2026-03-02', '2', '30.00', { received: '2026-03-10T10:00:00+01:00' }),
    ]));
    assert.deepEqual(await claimStatus(db), {
      'D-OVER': 'geparkeerd:MAXIMUMTARIEF_OVERSCHREDEN', // 90.00 above the Wlz 2025 formal maximum 80.81
      'D-INF': 'goedgekeurd', // 25.00 within the informal maximum 25.65
      'D-OPTIJD': 'goedgekeurd',
      'D-LAAT': 'afgekeurd:INDIENTERMIJN_VERSTREKEN',
      'D-WMO': 'goedgekeurd', // no maximum for WMO_HH of GM0001 yet
    });
    const trace = await traceClaim(db, 'D-OVER');
    assert.match(trace!.events.at(-1)!.toelichting!, /hoger dan het landelijke maximumtarief formele zorg per uur \(Wet langdurige zorg, vanaf 2025-01-01\) € 80,81/);
    assert.match((await traceClaim(db, 'D-LAAT'))!.events.at(-1)!.toelichting!, /uiterlijk 2026-04-01/);

    // a municipality's own maximum: later claims of its holders are held to it
    const before = await stateCounts(db);
    await assert.rejects(
      setMaxTariff(db, { verstrekker: 'GM0001', wet: 'WMO_HH', categorie: 'formeel_uur', geldig_van: '2026-01-01', bedrag: 'x', bron: '' }, { actor: 'test' }),
      (e: unknown) => e instanceof AppError && e.problems.map((p) => p.column).join() === 'bron,bedrag',
    );
    await assert.rejects(
      setMaxTariff(db, { verstrekker: 'GM9999', wet: 'WMO_HH', categorie: 'formeel_uur', geldig_van: '2026-01-01', bedrag: '28.00', bron: 'besluit pgb 2026' }, { actor: 'test' }),
      (e: unknown) => e instanceof AppError && /verstrekker 'GM9999' bestaat niet/.test(e.problems[0]!.message),
    );
    await assert.rejects(
      setMaxTariff(db, { wet: 'WLZ', categorie: 'dagdeel', geldig_van: '2025-12-01', bedrag: '75.00', bron: 'overlapt 2025' }, { actor: 'test' }),
      (e: unknown) => e instanceof AppError && e.code === 'CONFLICT',
    );
    assert.deepEqual(await stateCounts(db), before, 'refused input writes nothing');
    await setMaxTariff(db, { verstrekker: 'GM0001', wet: 'WMO_HH', categorie: 'formeel_uur', geldig_van: '2026-01-01', bedrag: '28.00', bron: 'Besluit maatwerkvoorzieningen Gemeente Proef 2026' }, { actor: 'test' });
    await load(db, 'declaraties', csv(CLAIM_HEADER, [claimLine('D-WMO2', HOLDER.a, 'ZV1', '2026-03-03', '2', '30.00', { received: '2026-03-10T11:00:00+01:00' })]));
    assert.equal((await claimStatus(db))['D-WMO2'], 'geparkeerd:MAXIMUMTARIEF_OVERSCHREDEN');
    assert.match((await traceClaim(db, 'D-WMO2'))!.events.at(-1)!.toelichting!, /maximumtarief van GM0001 formele zorg per uur .* € 28,00/);
    const audit = await db.query<{ actie: string }>(`SELECT actie FROM audit_log WHERE actie = 'maximumtarief.zet'`);
    assert.equal(audit.rows.length, 1);
    assert.ok((await runLedgerCheck(db)).ok);
  } finally {
    await close();
  }
});

test(`pgb maximumtarief lijst and zet (${STORE})`, async () => {
  const t = await freshTarget();
  try {
    const list = await pgb(t.target, 'maximumtarief', 'lijst');
    assert.equal(list.code, 0, list.err);
    assert.match(list.out, /landelijk\tWLZ\tformeel_uur\t2025-01-01 t\/m 2025-12-31\t80\.81\t/);
    assert.match(list.out, /landelijk\tWLZ\tdagdeel\t2025-01-01 t\/m 2025-12-31\t74\.40\t/);
    assert.match(list.out, /landelijk\tWLZ\tinformeel_uur\t2025-01-01 t\/m 2025-12-31\t25\.65\t/);
    const bad = await pgb(t.target, 'maximumtarief', 'zet', '--wet', 'WLZ', '--categorie', 'per_week', '--van', '2026-01-01', '--bedrag', '80.00', '--bron', 'Staatscourant 2025');
    assert.equal(bad.code, 1);
    assert.match(bad.err, /maximumtarief:1: categorie: 'per_week' is geen categorie/);
    const ok = await pgb(t.target, 'maximumtarief', 'zet', '--wet', 'WLZ', '--categorie', 'formeel_uur', '--van', '2026-01-01', '--tot', '2026-12-31', '--bedrag', '83.00', '--bron', 'test: Staatscourant 2026');
    assert.equal(ok.code, 0, ok.err);
    const rules = await pgb(t.target, 'eigen-bedrag-regel', 'lijst');
    assert.match(rules.out, /landelijk\tWLZ\tverantwoordingsvrij\t2024-01-01 t\/m …\t1\.50%\tmin 250\.00\tmax 1250\.00\t/);
  } finally {
    await t.cleanup();
  }
});
