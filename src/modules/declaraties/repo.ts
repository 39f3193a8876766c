/**
 * SQL of claims: storing them with their lines and trace, loading everything the checks need for
 * a batch (under a lock on the holders concerned), and writing the outcomes set-based.
 */
import { copyChunks, copyText, rowsOf, slices, type Queryable, type Tx } from '../../db/connection.ts';
import type { PlainDate } from '../../kernel/dates.ts';
import type { Cents } from '../../kernel/money.ts';
import { WETTEN, type Eenheid, type Wet, type ZokSoort, type ZorgverlenerSoort } from '../../kernel/wet.ts';
import { categoryOf, loadMaxTariffs, type MaxTariff } from '../tarieven/index.ts';
import { budgetKey, lineKey, pairKey, sortBudgets, type Agreement, type Budget, type CheckContext, type Claim, type ClaimLine } from './core/check.ts';
import type { ClaimDraft } from './core/csv.ts';

/**
 * Locks budget holders in id order. Everything that changes a holder's money (claims, allocations,
 * deposits) takes this lock first, so that concurrent work on one budget takes turns.
 */
export async function lockHolders(tx: Queryable, holderIds: number[]): Promise<void> {
  if (holderIds.length === 0) return;
  await tx.query(`SELECT id FROM budgethouders WHERE id = ANY($1::bigint[]) ORDER BY id FOR UPDATE`, [holderIds]);
}

export async function storedClaims(tx: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  const stored = new Map<string, string>();
  // in slices: the ids of a million-claim file as one array parameter took 130 MB in the driver
  for (const part of slices(ids)) {
    const r = await tx.query<{ declaratie_id: string; inhoud: string }>(`SELECT declaratie_id, inhoud FROM declaraties WHERE declaratie_id = ANY($1::text[])`, [part]);
    for (const x of r.rows) stored.set(x.declaratie_id, x.inhoud);
  }
  return stored;
}

export interface TraceEvent {
  declaratieId: string;
  event: string;
  status: string | null;
  reason: string | null;
  note: string | null;
}

export async function insertEvents(tx: Queryable, events: TraceEvent[], actor: string, at: Date): Promise<void> {
  if (events.length === 0) return;
  if ('copyFrom' in tx && events.length > 1000) return copyEvents(tx as Tx, events, actor, at); // bulk (payment runs): COPY, same rows in the same order
  await tx.query(
    `INSERT INTO declaratie_gebeurtenissen (declaratie_id, op, actor, gebeurtenis, status, reden, toelichting)
     SELECT e.id, $6, $7, e.gebeurtenis, e.status, e.reden, e.toelichting
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS e (id, gebeurtenis, status, reden, toelichting, n)
      ORDER BY e.n`,
    [events.map((e) => e.declaratieId), events.map((e) => e.event), events.map((e) => e.status), events.map((e) => e.reason), events.map((e) => e.note), at, actor],
  );
}

/** Stores new claims (status `ontvangen`) with their lines, in the order given (their receipt order). */
export async function insertClaims(tx: Queryable, claims: ClaimDraft[], importId: string | null): Promise<void> {
  if (claims.length === 0) return;
  await tx.query(
    `INSERT INTO declaraties (declaratie_id, soort, ontvangen_op, ontvangstdatum, kanaal, bsn, zorgverlener_id, gevraagde_zorgovereenkomst,
                              bedrag, status, uiterste_betaaldatum, inhoud, import_id)
     SELECT c.id, c.soort, c.ontvangen_op, c.ontvangstdatum, c.kanaal, c.bsn, c.zorgverlener, c.zok, c.bedrag, 'ontvangen', c.uiterste, c.inhoud, $12
       FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::date[], $5::text[], $6::text[], $7::text[], $8::text[], $9::bigint[], $10::date[], $11::text[])
            WITH ORDINALITY AS c (id, soort, ontvangen_op, ontvangstdatum, kanaal, bsn, zorgverlener, zok, bedrag, uiterste, inhoud, n)
      ORDER BY c.n`,
    [
      claims.map((c) => c.declaratieId),
      claims.map((c) => c.soort),
      claims.map((c) => c.ontvangenOp),
      claims.map((c) => c.ontvangstdatum),
      claims.map((c) => c.kanaal),
      claims.map((c) => c.bsn),
      claims.map((c) => c.zorgverlenerId),
      claims.map((c) => c.gevraagdeZorgovereenkomst),
      claims.map((c) => c.bedrag),
      claims.map((c) => c.uitersteBetaaldatum),
      claims.map((c) => c.content),
      importId,
    ],
  );
  const lines = claims.flatMap((c) => c.lines.map((l) => ({ c, l })));
  await tx.query(
    `INSERT INTO declaratieregels (declaratie_id, regelnr, bsn, zorgverlener_id, datum, eenheden, kwartieren, tarief, bedrag, omschrijving)
     SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::date[], $6::text[], $7::int[], $8::bigint[], $9::bigint[], $10::text[])`,
    [
      lines.map((x) => x.c.declaratieId),
      lines.map((x) => x.l.regelnr),
      lines.map((x) => x.c.bsn),
      lines.map((x) => x.c.zorgverlenerId),
      lines.map((x) => x.l.datum),
      lines.map((x) => x.l.eenheden),
      lines.map((x) => x.l.kwartieren),
      lines.map((x) => x.l.tarief),
      lines.map((x) => x.l.bedrag),
      lines.map((x) => x.l.omschrijving),
    ],
  );
}

export interface StoredClaim extends Claim {
  status: string;
  reden: string | null;
}

/** Claims to check: the given ones still open, and the parked ones of the given holders; in receipt order. */
export async function claimsToCheck(tx: Queryable, opts: { claimIds?: string[]; holderIds?: number[] }): Promise<StoredClaim[]> {
  const r = await tx.query<{
    declaratie_id: string;
    soort: 'declaratie' | 'maandloon';
    ontvangstdatum: PlainDate;
    bsn: string;
    zorgverlener_id: string;
    gevraagde_zorgovereenkomst: string | null;
    bedrag: number;
    status: string;
    reden: string | null;
    regels: { regelnr: number; datum: PlainDate; kwartieren: number | null; eenheden: string; tarief: number; bedrag: number; omschrijving: string | null }[];
  }>(
    `SELECT d.declaratie_id, d.soort, d.ontvangstdatum, d.bsn, d.zorgverlener_id, d.gevraagde_zorgovereenkomst, d.bedrag, d.status, d.reden,
            (SELECT json_agg(json_build_object('regelnr', r.regelnr, 'datum', r.datum, 'kwartieren', r.kwartieren, 'eenheden', r.eenheden,
                                               'tarief', r.tarief, 'bedrag', r.bedrag, 'omschrijving', r.omschrijving) ORDER BY r.regelnr)
               FROM declaratieregels r WHERE r.declaratie_id = d.declaratie_id) AS regels
       FROM declaraties d
      WHERE (d.declaratie_id = ANY($1::text[]) AND d.status IN ('ontvangen', 'geparkeerd'))
         OR (d.budgethouder_id = ANY($2::bigint[]) AND d.status = 'geparkeerd')
      ORDER BY d.ontvangen_op, d.volgnummer`,
    [opts.claimIds ?? [], opts.holderIds ?? []],
  );
  return r.rows.map((d) => ({
    declaratieId: d.declaratie_id,
    soort: d.soort,
    ontvangstdatum: d.ontvangstdatum,
    bsn: d.bsn,
    zorgverlenerId: d.zorgverlener_id,
    gevraagdeZorgovereenkomst: d.gevraagde_zorgovereenkomst,
    bedrag: d.bedrag as Cents,
    status: d.status,
    reden: d.reden,
    lines: (d.regels ?? []).map(
      (l): ClaimLine => ({ regelnr: l.regelnr, datum: l.datum, kwartieren: l.kwartieren, eenheden: l.eenheden, tarief: l.tarief as Cents, bedrag: l.bedrag as Cents, omschrijving: l.omschrijving }),
    ),
  }));
}

/** What a caller that checks many batches in one transaction already has, so that each batch does not fetch it again. */
export interface CheckContextCache {
  /** The holders (BSN → id) the caller has already locked `FOR UPDATE` in this transaction, in id order. */
  lockedHolders?: ReadonlyMap<string, number>;
  /** The maximum tariffs table (`loadMaxTariffs`); nothing a check writes changes it. */
  maxTariffs?: MaxTariff[];
}

/** Locks the holders of these claims and loads what the checks need to know about them. */
export async function loadCheckContext(tx: Queryable, claims: Claim[], cache: CheckContextCache = {}): Promise<CheckContext> {
  const bsns = [...new Set(claims.map((c) => c.bsn))];
  const locked = cache.lockedHolders;
  const holders = locked
    ? { rows: bsns.flatMap((bsn) => (locked.has(bsn) ? [{ id: locked.get(bsn)!, bsn }] : [])).sort((a, b) => a.id - b.id) }
    : await tx.query<{ id: number; bsn: string }>(`SELECT id, bsn FROM budgethouders WHERE bsn = ANY($1::text[]) ORDER BY id FOR UPDATE`, [bsns]);
  const holderIds = holders.rows.map((h) => h.id);
  const agreements = await tx.query<{
    zorgovereenkomst_id: string;
    budgethouder_id: number;
    zorgverlener_id: string;
    wet: Wet;
    ingangsdatum: PlainDate;
    einddatum: PlainDate | null;
    tarief: number;
    maandbedrag: number | null;
    status: Agreement['status'];
    maximumtarief: number | null;
    verstrekker_naam: string | null;
    verstrekker: string | null;
    soort: ZokSoort;
    eenheid: Eenheid;
    zorgverlener_soort: ZorgverlenerSoort | null;
    geboortedatum: PlainDate | null;
    dagen_per_week: number | null;
    vast_contract: boolean | null;
  }>(
    `SELECT z.zorgovereenkomst_id, z.budgethouder_id, z.zorgverlener_id, z.wet, z.ingangsdatum, z.einddatum, z.tarief, z.maandbedrag,
            z.status, z.maximumtarief, z.soort, z.eenheid,
            zv.soort AS zorgverlener_soort, to_char(zv.geboortedatum, 'YYYY-MM-DD') AS geboortedatum,
            la.dagen_per_week, la.vast_contract,
            f.naam AS verstrekker_naam, f.code AS verstrekker
       FROM unnest($1::bigint[]) AS h (id)
       -- per holder its agreements by index (zorgovereenkomsten_paar): a batch reads only its own
       -- holders' rows, where a scan of every agreement per batch made an import quadratic
       CROSS JOIN LATERAL (SELECT * FROM zorgovereenkomsten z
                            WHERE z.budgethouder_id = h.id AND z.status IN ('ingediend', 'geaccordeerd', 'afgekeurd') OFFSET 0) z
       LEFT JOIN zorgverleners zv ON zv.zorgverlener_id = z.zorgverlener_id
       -- the funder of the holder's latest budget for the law (budgetten.verstrekker is NOT NULL and
       -- references verstrekkers): the budget first, then its funder by key, so that the funders
       -- are not scanned and hashed once per agreement
       LEFT JOIN LATERAL (SELECT b.verstrekker FROM budgetten b
                           WHERE b.budgethouder_id = z.budgethouder_id AND b.wet = z.wet ORDER BY b.einddatum DESC LIMIT 1) lb ON true
       LEFT JOIN verstrekkers f ON f.code = lb.verstrekker
       LEFT JOIN loonafspraken la ON la.zorgovereenkomst_id = z.zorgovereenkomst_id AND la.loonadministratie`,
    [holderIds],
  );
  const budgets = await tx.query<{ budget_id: string; budgethouder_id: number; wet: Wet; ingangsdatum: PlainDate; einddatum: PlainDate; saldo: number }>(
    `SELECT b.budget_id, b.budgethouder_id, b.wet, b.ingangsdatum, b.einddatum, r.saldo
       FROM unnest($1::bigint[]) AS h (id)
       -- by index, holder by holder and then the budget's account by key (as the agreements above)
       CROSS JOIN LATERAL (SELECT * FROM budgetten b WHERE b.budgethouder_id = h.id AND b.toegekend > 0 OFFSET 0) b
       CROSS JOIN LATERAL (SELECT r.saldo FROM rekeningen r WHERE r.id = b.rekening_id OFFSET 0) r`,
    [holderIds],
  );
  // own deposits: the accounts `eigen_bijdrage` `<holder>:<law>` (ownFundsAccount), found by the unique index
  const own = await tx.query<{ sleutel: string; saldo: number }>(
    `SELECT sleutel, saldo FROM rekeningen WHERE soort = 'eigen_bijdrage' AND sleutel = ANY($1::text[])`,
    [holderIds.flatMap((id) => WETTEN.map((w) => `${id}:${w}`))],
  );
  // Lines claimed before: per holder and provider, only those within the dates of that pair's
  // lines in these claims (an index range scan on declaratieregels_dubbel), a superset of the
  // exact keys (holder, provider, date, quarters) that the duplicate check will look up.
  const pairs = new Map<string, [string, string, string, string]>();
  for (const c of claims) {
    if (c.soort !== 'declaratie') continue;
    for (const l of c.lines) {
      if (l.kwartieren === null) continue;
      const key = `${c.bsn}|${c.zorgverlenerId}`;
      const p = pairs.get(key);
      if (!p) pairs.set(key, [c.bsn, c.zorgverlenerId, l.datum, l.datum]);
      else {
        if (l.datum < p[2]) p[2] = l.datum;
        if (l.datum > p[3]) p[3] = l.datum;
      }
    }
  }
  const w = [...pairs.values()];
  // (monthly pay has no lines to compare: no query)
  // The plan is fixed by its form: per pair an index range scan (declaratieregels_dubbel), per line
  // found its claim by primary key (each LATERAL with OFFSET 0 stays a nested loop, not a join the
  // planner may order otherwise). Within an import the statistics still say the tables are empty,
  // and the plain join, with the batch's own claims left out in SQL by `NOT (id = ANY(…))`, was
  // planned as a scan of everything stored so far, per batch: 0.3 ms for the first batch of a
  // 100,000-claim import, 2 s for the 13th, 9–15 s in all (quadratic in the size of an import).
  // The batch's own claims (present when parked claims are checked again) are left out in Node.
  const claimed = w.length === 0 ? { rows: [] } : await tx.query<{ bsn: string; zorgverlener_id: string; datum: PlainDate; kwartieren: number; declaratie_id: string }>(
    `SELECT r.bsn, r.zorgverlener_id, r.datum, r.kwartieren, r.declaratie_id
       FROM unnest($1::text[], $2::text[], $3::date[], $4::date[]) AS p (bsn, zorgverlener_id, van, tot)
       CROSS JOIN LATERAL (SELECT r.bsn, r.zorgverlener_id, r.datum, r.kwartieren, r.declaratie_id FROM declaratieregels r
                            WHERE r.bsn = p.bsn AND r.zorgverlener_id = p.zorgverlener_id AND r.datum BETWEEN p.van AND p.tot
                              AND r.kwartieren IS NOT NULL
                           OFFSET 0) r
       CROSS JOIN LATERAL (SELECT d.volgnummer FROM declaraties d
                            WHERE d.declaratie_id = r.declaratie_id AND d.soort = 'declaratie' AND d.status IN ('goedgekeurd', 'betaald', 'geparkeerd')
                           OFFSET 0) d
      ORDER BY d.volgnummer`,
    [w.map((x) => x[0]), w.map((x) => x[1]), w.map((x) => x[2]), w.map((x) => x[3])],
  );
  const checking = new Set(claims.map((c) => c.declaratieId));

  const ctx: CheckContext = {
    maxTariffs: cache.maxTariffs ?? (await loadMaxTariffs(tx)),
    holdersByBsn: new Map(holders.rows.map((h) => [h.bsn, { id: h.id }])),
    agreementsByPair: new Map(),
    agreementsById: new Map(),
    budgets: new Map(),
    ownFunds: new Map(own.rows.map((o) => [o.sleutel.replace(':', '|'), -o.saldo])),
    claimedLines: new Map(),
  };
  for (const a of agreements.rows) {
    const agreement: Agreement = {
      id: a.zorgovereenkomst_id,
      holderId: a.budgethouder_id,
      providerId: a.zorgverlener_id,
      wet: a.wet,
      ingangsdatum: a.ingangsdatum,
      einddatum: a.einddatum,
      tarief: a.tarief as Cents,
      maandbedrag: a.maandbedrag as Cents | null,
      status: a.status,
      maximumtarief: a.maximumtarief as Cents | null,
      verstrekkerNaam: a.verstrekker_naam,
      verstrekker: a.verstrekker,
      categorie: categoryOf(a.soort, a.eenheid, a.zorgverlener_soort),
      soort: a.soort,
      eenheid: a.eenheid,
      geboortedatum: a.geboortedatum,
      loon: a.dagen_per_week === null ? null : { dagenPerWeek: a.dagen_per_week, vastContract: a.vast_contract === true },
    };
    ctx.agreementsById.set(agreement.id, agreement);
    const key = pairKey(agreement.holderId, agreement.providerId);
    const list = ctx.agreementsByPair.get(key) ?? [];
    list.push(agreement);
    ctx.agreementsByPair.set(key, list);
  }
  for (const b of budgets.rows) {
    const key = budgetKey(b.budgethouder_id, b.wet);
    const list = ctx.budgets.get(key) ?? [];
    list.push({ budgetId: b.budget_id, holderId: b.budgethouder_id, wet: b.wet, ingangsdatum: b.ingangsdatum, einddatum: b.einddatum, beschikbaar: -b.saldo } satisfies Budget);
    ctx.budgets.set(key, list);
  }
  for (const list of ctx.budgets.values()) sortBudgets(list);
  for (const l of claimed.rows) {
    if (checking.has(l.declaratie_id)) continue; // the claims being checked are not "claimed before"
    const key = lineKey(l.bsn, l.zorgverlener_id, l.datum, l.kwartieren);
    if (!ctx.claimedLines.has(key)) ctx.claimedLines.set(key, l.declaratie_id);
  }
  return ctx;
}

export interface ClaimUpdate {
  declaratieId: string;
  status: string;
  reason: string | null;
  holderId: number | null;
  agreementId: string | null;
}

export async function updateClaims(tx: Queryable, updates: ClaimUpdate[]): Promise<void> {
  if (updates.length === 0) return;
  await tx.query(
    `UPDATE declaraties d SET status = u.status, reden = u.reden, budgethouder_id = u.houder, zorgovereenkomst_id = u.zok
       FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::text[]) AS u (id, status, reden, houder, zok)
      WHERE d.declaratie_id = u.id`,
    [updates.map((u) => u.declaratieId), updates.map((u) => u.status), updates.map((u) => u.reason), updates.map((u) => u.holderId), updates.map((u) => u.agreementId)],
  );
}

export async function insertCharges(tx: Queryable, charges: { declaratieId: string; regelnr: number; source: string; budgetId: string | null; amount: number }[]): Promise<void> {
  if (charges.length === 0) return;
  await tx.query(
    `INSERT INTO declaratie_lasten (declaratie_id, regelnr, bron, budget_id, bedrag)
     SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::bigint[])`,
    [charges.map((c) => c.declaratieId), charges.map((c) => c.regelnr), charges.map((c) => c.source), charges.map((c) => c.budgetId), charges.map((c) => c.amount)],
  );
}

// ---- bulk writes of claims that arrive checked (receive-claims.ts), through COPY ----

/** `n` values of a serial column's sequence, in increasing order (not necessarily contiguous). */
export async function reserveSequence(tx: Queryable, table: string, column: string, n: number): Promise<number[]> {
  if (n === 0) return [];
  const r = await tx.query<{ v: number }>(`SELECT nextval(pg_get_serial_sequence($1, $2)) AS v FROM generate_series(1, $3::int)`, [table, column, n]);
  return r.rows.map((x) => Number(x.v)).sort((a, b) => a - b);
}

export interface ReceivedClaim {
  draft: ClaimDraft;
  volgnummer: number;
  status: string;
  reason: string | null;
  holderId: number | null;
  agreementId: string | null;
}

/** Stores claims with their lines and their outcome, in one COPY each. */
export async function copyClaims(tx: Tx, claims: ReceivedClaim[], importId: string | null): Promise<void> {
  if (claims.length === 0) return;
  await tx.copyFrom(
    'declaraties',
    ['declaratie_id', 'volgnummer', 'soort', 'ontvangen_op', 'ontvangstdatum', 'kanaal', 'bsn', 'budgethouder_id', 'zorgverlener_id', 'gevraagde_zorgovereenkomst', 'zorgovereenkomst_id', 'bedrag', 'status', 'reden', 'uiterste_betaaldatum', 'inhoud', 'import_id'],
    copyText(
      claims.map(({ draft: d, volgnummer, status, reason, holderId, agreementId }) => [
        d.declaratieId, volgnummer, d.soort, d.ontvangenOp, d.ontvangstdatum, d.kanaal, d.bsn, holderId, d.zorgverlenerId, d.gevraagdeZorgovereenkomst, agreementId, d.bedrag, status, reason, d.uitersteBetaaldatum, d.content, importId,
      ]),
    ),
  );
  const lines: unknown[][] = [];
  for (const { draft: d } of claims) {
    for (const l of d.lines) lines.push([d.declaratieId, l.regelnr, d.bsn, d.zorgverlenerId, l.datum, l.eenheden, l.kwartieren, l.tarief, l.bedrag, l.omschrijving]);
  }
  await tx.copyFrom('declaratieregels', ['declaratie_id', 'regelnr', 'bsn', 'zorgverlener_id', 'datum', 'eenheden', 'kwartieren', 'tarief', 'bedrag', 'omschrijving'], copyText(lines));
}

/** Trace events by COPY; they may be made as they are read (a generator), so that the notes of a national payment run are never all in memory. */
export async function copyEvents(tx: Tx, events: Iterable<TraceEvent>, actor: string, at: Date): Promise<void> {
  await tx.copyFrom(
    'declaratie_gebeurtenissen',
    ['declaratie_id', 'op', 'actor', 'gebeurtenis', 'status', 'reden', 'toelichting'],
    copyChunks(rowsOf(events, (e) => [e.declaratieId, at, actor, e.event, e.status, e.reason, e.note])),
  );
}

export async function copyCharges(tx: Tx, charges: { declaratieId: string; regelnr: number; source: string; budgetId: string | null; amount: number }[]): Promise<void> {
  await tx.copyFrom('declaratie_lasten', ['declaratie_id', 'regelnr', 'bron', 'budget_id', 'bedrag'], copyText(charges.map((c) => [c.declaratieId, c.regelnr, c.source, c.budgetId, c.amount])));
}
