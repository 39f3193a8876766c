/**
 * Matching later claims to paid advances, one-to-one, so that nothing is paid twice. Runs inside
 * the claim check's transaction (under its holder locks) for the holders whose claims were checked:
 * a claim of the same holder and provider whose period lies within an open advance's period is a
 * candidate (core/matching.ts). An unambiguous pair is settled at once (core/settlement.ts): the
 * covered part is not paid again (the provider's payable is set off against the advance, and the
 * budget charged for the advance is released for it), a claim wholly covered is paid by the advance,
 * and the rest of a larger advance stays on it as `te_vorderen`. Every other group goes to the
 * matching queue; its claims wait outside the payment runs until a person chooses (`resolveMatch`).
 */
import type { Db, Queryable } from '../../../db/connection.ts';
import { date as plainDate, dateInNetherlands, workingDaysBetween, type PlainDate } from '../../../kernel/dates.ts';
import { AppError, InputError } from '../../../kernel/errors.ts';
import { formatEuros, type Cents } from '../../../kernel/money.ts';
import { writeAudit } from '../../audit/index.ts';
import { insertEvents, lockHolders } from '../../declaraties/index.ts';
import { advanceAccount, advanceCoverAccount, budgetAccount, payableAccount, postEntries } from '../../ledger/index.ts';
import { establishRecovery } from '../../vorderingen/index.ts';
import { proposeMatches } from '../core/matching.ts';
import { settleAgainstAdvance } from '../core/settlement.ts';
import { matchableClaims, openAdvances, queue, requestById, type MatchableClaim, type UrgentRequestRow } from '../repo.ts';

export interface MatchOptions {
  /** Holders whose claims were checked; all holders with an open advance when absent. */
  holderIds?: number[];
  bsns?: string[];
  actor: string;
  now: Date;
}

/** Settles unambiguous pairs and queues the rest; returns how many of each. */
export async function matchAdvances(tx: Queryable, opts: MatchOptions): Promise<{ automatisch: number; wachtrij: number }> {
  const none = { automatisch: 0, wachtrij: 0 };
  // Cheap first: most checks concern holders without any open advance.
  const holders = await tx.query<{ budgethouder_id: number }>(
    `SELECT DISTINCT a.budgethouder_id FROM spoedaanvragen a
      WHERE a.status = 'betaald'
        AND ($1::bigint[] IS NULL OR a.budgethouder_id = ANY($1::bigint[]))
        AND ($2::text[] IS NULL OR a.budgethouder_id IN (SELECT id FROM budgethouders WHERE bsn = ANY($2::text[])))`,
    [opts.holderIds ?? null, opts.bsns ?? null],
  );
  if (holders.rows.length === 0) return none;
  const holderIds = holders.rows.map((h) => h.budgethouder_id);
  const advances = await openAdvances(tx, holderIds);
  const claims = await matchableClaims(tx, holderIds);
  if (claims.length === 0) return none;
  const byId = new Map(advances.map((a) => [a.aanvraag_id, a]));
  const claimById = new Map(claims.map((c) => [c.declaratie_id, c]));
  const proposals = proposeMatches(
    advances.map((a) => ({ id: a.aanvraag_id, budgethouderId: String(a.budgethouder_id), zorgverlenerId: a.zorgverlener_id, van: a.periode_van as PlainDate, tot: a.periode_tot as PlainDate, bedrag: a.bedrag as Cents })),
    claims.map((c) => ({ id: c.declaratie_id, budgethouderId: String(c.budgethouder_id), zorgverlenerId: c.zorgverlener_id, van: c.van as PlainDate, tot: c.tot as PlainDate, bedrag: c.bedrag as Cents })),
  );
  let automatisch = 0;
  let wachtrij = 0;
  for (const p of proposals) {
    if (p.kind === 'automatisch') {
      const claim = claimById.get(p.claimId)!;
      if (claim.in_wachtrij) continue; // a person decides about this claim already
      await settle(tx, byId.get(p.advanceId)!, claim, 'automatisch', opts.actor, opts.now);
      automatisch++;
      continue;
    }
    const groep = p.advanceIds.join(',');
    const fresh = p.claimIds.filter((id) => !claimById.get(id)!.in_wachtrij);
    if (fresh.length === 0) continue;
    await tx.query(
      `INSERT INTO spoed_koppelwachtrij (declaratie_id, aanvragen, groep, op) SELECT id, $2::text[], $3, $4 FROM unnest($1::text[]) AS id
       ON CONFLICT (declaratie_id) DO NOTHING`,
      [fresh, p.advanceIds, groep, opts.now],
    );
    await insertEvents(
      tx,
      fresh.map((id) => ({
        declaratieId: id, event: 'koppelwachtrij', status: 'goedgekeurd', reason: null,
        note: `Kan horen bij spoedbetaling ${p.advanceIds.join(' of ')}; een medewerker kiest de koppeling. Tot dan wordt de declaratie niet betaald.`,
      })),
      opts.actor,
      opts.now,
    );
    wachtrij += fresh.length;
  }
  return { automatisch, wachtrij };
}

/** Settles one claim against one advance: the link, the bookings, the claim's trace and the audit row. */
async function settle(tx: Queryable, advance: UrgentRequestRow, claim: MatchableClaim, wijze: 'automatisch' | 'handmatig', actor: string, now: Date): Promise<void> {
  const s = settleAgainstAdvance(claim.bedrag as Cents, advance.bedrag as Cents);
  await tx.query(
    `INSERT INTO spoed_koppelingen (aanvraag_id, declaratie_id, verrekend, te_vorderen, wijze, actor, op) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [advance.aanvraag_id, claim.declaratie_id, s.verrekend, s.terugTeVorderen, wijze, actor, now],
  );
  await tx.query(`UPDATE spoedaanvragen SET status = $2, te_vorderen = $3 WHERE aanvraag_id = $1 AND status = 'betaald'`, [
    advance.aanvraag_id, s.terugTeVorderen > 0 ? 'te_vorderen' : 'verrekend', s.terugTeVorderen,
  ]);
  const paidDate = dateInNetherlands(advance.betaald_op!);
  if (s.teBetalen === 0) {
    // wholly covered: the advance paid this claim
    await tx.query(`UPDATE declaraties SET status = 'betaald', betaald_op = $2 WHERE declaratie_id = $1 AND status = 'goedgekeurd'`, [claim.declaratie_id, paidDate]);
  }
  await postEntries(
    tx,
    [{
      kind: 'spoedverrekening',
      reference: claim.declaratie_id,
      description: `declaratie ${claim.declaratie_id} verrekend met voorschot ${advance.aanvraag_id} (${wijze})`,
      postings: [
        { account: payableAccount(claim.zorgverlener_id), amount: s.verrekend },
        { account: advanceAccount(advance.aanvraag_id), amount: -s.verrekend },
        { account: advanceCoverAccount(advance.aanvraag_id), amount: s.verrekend },
        { account: budgetAccount(advance.budget_id), amount: -s.verrekend },
      ],
    }],
    actor,
  );
  let rest = '';
  if (s.terugTeVorderen > 0) {
    // The rest of the advance becomes a recovery on the provider (vorderingen module, issue #8): it is
    // set off against the provider's next payment or repaid, and then given back to the budget. The
    // advance's own accounts hand it over: the receivable and its budget cover go to the recovery's.
    const v = await establishRecovery(
      tx,
      {
        bron: `spoed:${advance.aanvraag_id}`,
        debiteur: { soort: 'zorgverlener', id: advance.zorgverlener_id },
        betalingId: advance.betaling_id!,
        budgetId: advance.budget_id,
        reden: 'OVERIG',
        bedrag: s.terugTeVorderen,
        toelichting: `rest van spoedbetaling ${advance.aanvraag_id} (${formatEuros(advance.bedrag)}) na verrekening met declaratie ${claim.declaratie_id} (${formatEuros(s.verrekend)})`,
      },
      { actor, now },
    );
    await postEntries(
      tx,
      [{
        kind: 'spoedvordering',
        reference: advance.aanvraag_id,
        description: `rest van voorschot ${advance.aanvraag_id} overgedragen aan vordering ${v.row.vordering_id}`,
        postings: [
          { account: advanceCoverAccount(advance.aanvraag_id), amount: s.terugTeVorderen },
          { account: advanceAccount(advance.aanvraag_id), amount: -s.terugTeVorderen },
        ],
      }],
      actor,
    );
    rest = ` Van het voorschot is ${formatEuros(s.terugTeVorderen)} te veel betaald: vordering ${v.row.vordering_id} op de zorgverlener.`;
  }
  await insertEvents(
    tx,
    [{
      declaratieId: claim.declaratie_id,
      event: 'verrekend met spoedbetaling',
      status: s.teBetalen === 0 ? 'betaald' : 'goedgekeurd',
      reason: null,
      note: `${formatEuros(s.verrekend)} verrekend met spoedbetaling ${advance.aanvraag_id} (betaling ${advance.betaling_id}, betaald op ${paidDate}, ${wijze} gekoppeld); ${s.teBetalen === 0 ? 'de declaratie is daarmee betaald.' : `nog te betalen ${formatEuros(s.teBetalen)}.`}${rest}`,
    }],
    actor,
    now,
  );
  await writeAudit(tx, { actor, action: 'spoed.koppeling', subject: advance.aanvraag_id, reason: `${wijze} gekoppeld aan declaratie ${claim.declaratie_id}`, details: { declaratieId: claim.declaratie_id, ...s }, at: now });
}

/**
 * A person resolves a queued claim: settle it against one of its candidate advances, or against
 * none (`aanvraagId` null: the claim is then paid in the next regular run). One transaction.
 */
export async function resolveMatch(db: Db, opts: { declaratieId: string; aanvraagId: string | null; actor: string; reden?: string; now?: Date }): Promise<{ gekoppeld: boolean }> {
  const now = opts.now ?? new Date();
  return db.transaction(async (tx) => {
    const holder = await tx.query<{ budgethouder_id: number | null }>(`SELECT budgethouder_id FROM declaraties WHERE declaratie_id = $1`, [opts.declaratieId]);
    if (holder.rows.length === 0) throw new AppError('NIET_GEVONDEN', `declaratie '${opts.declaratieId}' bestaat niet`);
    if (holder.rows[0]!.budgethouder_id !== null) await lockHolders(tx, [holder.rows[0]!.budgethouder_id]);
    const [q] = await queue(tx, { declaratieId: opts.declaratieId, lock: true });
    if (!q || q.opgelost_op) throw new AppError('NIET_GEVONDEN', `declaratie ${opts.declaratieId} wacht niet op een koppeling`);
    let gekoppeld = false;
    if (opts.aanvraagId !== null) {
      if (!q.aanvragen.includes(opts.aanvraagId)) {
        const message = `${opts.aanvraagId} is geen kandidaat voor declaratie ${opts.declaratieId}; kies uit ${q.aanvragen.join(', ')} of geen`;
        throw new InputError([{ file: 'koppeling', line: 1, column: 'aanvraag_id', message }], `niet gekoppeld: ${message}`);
      }
      const advance = await requestById(tx, opts.aanvraagId, true);
      if (!advance || advance.status !== 'betaald') throw new AppError('CONFLICT', `spoedbetaling ${opts.aanvraagId} is al gekoppeld (${advance?.status ?? 'onbekend'})`);
      const [claim] = (await matchableClaims(tx, [advance.budgethouder_id])).filter((c) => c.declaratie_id === opts.declaratieId);
      if (!claim) throw new AppError('CONFLICT', `declaratie ${opts.declaratieId} is niet meer goedgekeurd en onbetaald`);
      await settle(tx, advance, claim, 'handmatig', opts.actor, now);
      gekoppeld = true;
    } else {
      await insertEvents(tx, [{ declaratieId: opts.declaratieId, event: 'koppeling beoordeeld', status: 'goedgekeurd', reason: null, note: `Niet gekoppeld aan een spoedbetaling (${opts.reden?.trim() || 'besluit van de backoffice'}); de declaratie gaat mee in de volgende betaalrun.` }], opts.actor, now);
    }
    await tx.query(`UPDATE spoed_koppelwachtrij SET opgelost_door = $2, opgelost_op = $3, keuze = $4 WHERE declaratie_id = $1`, [opts.declaratieId, opts.actor, now, opts.aanvraagId ?? 'geen']);
    await writeAudit(tx, { actor: opts.actor, action: 'spoed.koppelwachtrij', subject: opts.declaratieId, reason: opts.reden?.trim() || undefined, details: { keuze: opts.aanvraagId ?? 'geen', kandidaten: q.aanvragen }, at: now });
    return { gekoppeld };
  });
}

export interface OpenAdvance {
  aanvraag_id: string;
  budgethouder_id: number;
  clientnummer: number;
  zorgverlener_id: string;
  bedrag: number;
  open: number;
  status: string;
  periode_van: string;
  periode_tot: string;
  betaald_op: string;
  /** working days from the payment to the reference date */
  werkdagen: number;
}

/** Advances paid and not yet matched to a claim, with their age in working days (a rest to recover is a recovery, `pgb vordering lijst`). */
export async function openAdvanceList(db: Queryable, opts: { peildatum?: string } = {}): Promise<OpenAdvance[]> {
  const peil = opts.peildatum ? plainDate(opts.peildatum) : dateInNetherlands(new Date());
  const r = await db.query<{ aanvraag_id: string; budgethouder_id: number; clientnummer: number; zorgverlener_id: string; bedrag: number; open: number; status: string; periode_van: string; periode_tot: string; betaald_op: Date }>(
    `SELECT a.aanvraag_id, a.budgethouder_id, h.clientnummer, a.zorgverlener_id, a.bedrag, COALESCE(r.saldo, 0)::bigint AS open, a.status, a.periode_van, a.periode_tot, a.betaald_op
       FROM spoedaanvragen a JOIN budgethouders h ON h.id = a.budgethouder_id
       LEFT JOIN rekeningen r ON r.soort = 'voorschot' AND r.sleutel = a.aanvraag_id
      WHERE a.status = 'betaald'
      ORDER BY a.betaald_op, a.aanvraag_id`,
  );
  return r.rows.map((x) => {
    const paid = dateInNetherlands(x.betaald_op);
    return { ...x, betaald_op: paid, werkdagen: paid <= peil ? workingDaysBetween(paid, peil) : 0 };
  });
}

export { queue as matchingQueue } from '../repo.ts';
