/**
 * `pgb betaalrun --datum D --sepa FILE`: pays every approved, unpaid claim in one run. One transfer
 * per provider, a pain.001.001.09 file whose end-to-end ids are the payment ids. The run, its
 * payments, the claims' new status, the bookings (payable → on its way) and the file's content
 * commit together; the file is written after the commit, atomically (temporary name, then rename),
 * and can be written again from the database with `--opnieuw`.
 */
import { createHash } from 'node:crypto';
import { openSync, writeSync, fsyncSync, closeSync, renameSync } from 'node:fs';
import type { Db } from '../../../db/connection.ts';
import type { PlainDate } from '../../../kernel/dates.ts';
import { AppError } from '../../../kernel/errors.ts';
import { newId } from '../../../kernel/ids.ts';
import { formatEurosNl, type Cents } from '../../../kernel/money.ts';
import { writeAudit } from '../../audit/index.ts';
import { copyEvents } from '../../declaraties/index.ts';
import { booking, ONDERWEG, payableAccount, postEntries } from '../../ledger/index.ts';
import { pain001Chunks } from '../core/pain001.ts';
import { executionDate, planTransfers, REMITTANCE_MAX, remittanceText } from '../core/run.ts';
import { insertSetOffs, lockOpenRecoveries, planSetOff, setOffEntry, setOffRemittance, type OpenRecoveryOf, type PlannedSetOff } from '../../vorderingen/index.ts';
import { heldClaims, insertRun, payableClaims, runFile, textSlices, type PaymentRow } from '../repo.ts';
import { holderPayable, insertHolderPayments, payableOwnAmounts, planHolderTransfers } from '../../eigenbedragen/index.ts';

export interface PaymentRunOptions {
  date: string;
  actor: string;
  debtor: { name: string; iban: string; bic?: string };
  now?: Date;
}

export interface PaymentRunResult {
  betaalrunId: string | null;
  payments: number;
  claims: number;
  /** what was transferred (the SEPA file's control sum) */
  total: Cents;
  /** set off against open recoveries instead of transferred (issue #8) */
  verrekend: Cents;
  /** payments fully set off: no transfer */
  volledigVerrekend: number;
  /** the SEPA file in pieces of about 0.5 MB (joined: `xml`), or null when there is no run or nothing to transfer (everything set off) */
  sepa: readonly string[] | null;
  /** the SEPA file as one text (joined on each read: a national run's file is 150 MB; `sepa` and `writeFileAtomic` do without) */
  readonly xml: string | null;
  /** Claims held back per provider whose IBAN is blocked after a returned transfer. */
  held: { zorgverlener_id: string; aantal: number; bedrag: number; reden: string }[];
}

export async function runPayments(db: Db, opts: PaymentRunOptions): Promise<PaymentRunResult> {
  const now = opts.now ?? new Date();
  const date = executionDate(opts.date, now);
  return db.transaction(async (tx) => {
    // One payment run at a time: a second one waits, then finds nothing left to pay.
    await tx.query(`SELECT pg_advisory_xact_lock(7262003)`);
    const { claims, providers } = await payableClaims(tx);
    const held = await heldClaims(tx);
    // Own amounts (verantwoordingsvrij bedrag, returned deposits, …) go to the holder's IBAN in the same run.
    const ownAmounts = planHolderTransfers(await payableOwnAmounts(tx)).map((t) => ({ ...t, betalingId: newId('btl') }));
    if (claims.length === 0 && ownAmounts.length === 0) return { betaalrunId: null, payments: 0, claims: 0, total: 0 as Cents, verrekend: 0 as Cents, volledigVerrekend: 0, sepa: null, xml: null, held };
    const betaalrunId = newId('btr');
    const transfers = planTransfers(claims, providers);
    // Recoveries (vorderingen) on a provider are set off against its payment, oldest first; only
    // the net is transferred, and the remittance text names what was set off.
    // Recoveries on a holder are set off in the same way against own amounts paid to that holder.
    const openByProvider = new Map<string, OpenRecoveryOf[]>();
    const openByHolder = new Map<string, OpenRecoveryOf[]>();
    for (const r of await lockOpenRecoveries(tx, transfers.map((t) => t.provider.id), ownAmounts.map((t) => t.holderId))) {
      const m = r.debtor.kind === 'zorgverlener' ? openByProvider : openByHolder;
      m.set(r.debtor.id, [...(m.get(r.debtor.id) ?? []), r]);
    }
    const setOffs: (PlannedSetOff & { betalingId: string })[] = [];
    const payments: PaymentRow[] = transfers.map((t) => {
      const betalingId = newId('btl');
      const { result, setOffs: own } = planSetOff(t.amount, openByProvider.get(t.provider.id) ?? []);
      for (const s of own) setOffs.push({ ...s, betalingId });
      const suffix = setOffRemittance(own);
      return {
        betalingId,
        zorgverlenerId: t.provider.id,
        iban: t.provider.iban,
        naam: t.provider.naam,
        bedrag: result.netto,
        verrekend: result.verrekend,
        omschrijving: suffix ? `${remittanceText(t.claims, REMITTANCE_MAX - suffix.length)}${suffix}` : t.remittance,
        claims: t.claims.map((c) => ({ declaratieId: c.declaratieId, bedrag: c.bedrag })),
      };
    });
    const toHoldersAll = ownAmounts.map((t) => {
      const { result, setOffs: own } = planSetOff(t.amount as Cents, openByHolder.get(String(t.holderId)) ?? []);
      for (const s of own) setOffs.push({ ...s, betalingId: t.betalingId });
      const suffix = setOffRemittance(own);
      return { ...t, amount: result.netto as number, verrekend: result.verrekend as number, remittance: suffix ? `${t.remittance.slice(0, REMITTANCE_MAX - suffix.length)}${suffix}` : t.remittance };
    });
    const toHolders = toHoldersAll.filter((t) => t.amount > 0);
    const transferred = payments.filter((p) => p.bedrag > 0);
    const verrekend = (payments.reduce((s, p) => s + (p.verrekend ?? 0), 0) + toHoldersAll.reduce((s, t) => s + t.verrekend, 0)) as Cents;
    const total = (payments.reduce((s, p) => s + p.bedrag, 0) + toHolders.reduce((s, t) => s + t.amount, 0)) as Cents;
    // the file in pieces, never one string: hashed, stored (COPY) and written piece by piece
    const sepa = transferred.length + toHolders.length === 0 ? [] : pain001Chunks({
      messageId: betaalrunId,
      createdAt: now,
      executionDate: date as PlainDate,
      initiatingParty: opts.debtor.name,
      debtor: opts.debtor,
      transfers: [
        ...transferred.map((p) => ({ endToEndId: p.betalingId, amount: p.bedrag as Cents, creditorName: p.naam, creditorIban: p.iban, remittance: p.omschrijving })),
        ...toHolders.map((t) => ({ endToEndId: t.betalingId, amount: t.amount as Cents, creditorName: t.naam, creditorIban: t.iban, remittance: t.remittance })),
      ],
    });
    const hash = createHash('sha256');
    for (const piece of sepa) hash.update(piece);
    const sha256 = hash.digest('hex');
    await insertRun(tx, { betaalrunId, datum: date, actor: opts.actor, now, total, xml: sepa, sha256, aantal: payments.length + toHoldersAll.length }, payments);
    await insertHolderPayments(tx, betaalrunId, toHoldersAll.map((t) => ({ betalingId: t.betalingId, holderId: t.holderId, iban: t.iban, naam: t.naam, bedrag: t.amount, verrekend: t.verrekend, omschrijving: t.remittance, items: t.items })), date);
    await insertSetOffs(tx, betaalrunId, setOffs, now);
    // one event per claim paid, made as COPY reads them: the notes of a national run (220,000
    // claims) are about 100 MB of text, never all in memory at once
    await copyEvents(
      tx,
      (function* () {
        for (const p of payments) {
          for (const c of p.claims) {
            yield {
              declaratieId: c.declaratieId,
              event: 'in betaalrun',
              status: 'betaald',
              reason: null,
              note: `Opgenomen in betaalrun ${betaalrunId} (uitvoeringsdatum ${date}), betaling ${p.betalingId} van ${formatEurosNl(p.bedrag)} aan ${p.naam.replace(/\.$/, "")}.${
                p.verrekend ? ` Verrekend met vordering(en): ${setOffs.filter((s) => s.betalingId === p.betalingId).map((s) => `${s.vorderingId} ${formatEurosNl(s.amount)}`).join(', ')}${p.bedrag === 0 ? '; er wordt niets overgemaakt.' : '.'}` : ''
              }`,
            };
          }
        }
      })(),
      opts.actor,
      now,
    );
    await postEntries(
      tx,
      [
        ...transferred.map((p) => booking('betaalrun', p.betalingId, `betaalrun ${betaalrunId}: ${p.claims.length} declaratie(s) aan ${p.zorgverlenerId}`, payableAccount(p.zorgverlenerId), ONDERWEG, p.bedrag)),
        ...setOffs.map((s) => setOffEntry({ vorderingId: s.vorderingId, betalingId: s.betalingId, debtor: s.debtor, budgetId: s.budgetId, amount: s.amount })),
        ...toHolders.map((t) => booking('betaalrun', t.betalingId, `betaalrun ${betaalrunId}: ${t.items.length} eigen bedrag(en) aan budgethouder ${t.holderId}`, holderPayable(t.holderId), ONDERWEG, t.amount)),
      ],
      opts.actor,
    );
    await writeAudit(tx, { actor: opts.actor, action: 'betaalrun.start', subject: betaalrunId, reason: `betaalrun ${date}`, details: { payments: payments.length + toHoldersAll.length, claims: claims.length, eigenBedragen: toHoldersAll.reduce((s, t) => s + t.items.length, 0), total, verrekend, verrekeningen: setOffs.map((s) => ({ vordering: s.vorderingId, betaling: s.betalingId, bedrag: s.amount })), sha256 }, at: now });
    return { betaalrunId, payments: transferred.length + toHolders.length, claims: claims.length, total, verrekend, volledigVerrekend: payments.length - transferred.length + toHoldersAll.length - toHolders.length, sepa: sepa.length === 0 ? null : sepa, get xml() { return sepa.length === 0 ? null : sepa.join(''); }, held };
  });
}

/** The SEPA file of a run as the database holds it (to write it again after a crash). */
export async function paymentRunFile(db: Db, betaalrunId: string): Promise<string> {
  const f = await runFile(db, betaalrunId);
  if (!f) throw new AppError('NIET_GEVONDEN', `betaalrun '${betaalrunId}' bestaat niet`);
  if (f.pain001 === '') throw new AppError('NIET_GEVONDEN', `betaalrun '${betaalrunId}' had niets over te maken (alles verrekend met vorderingen): er is geen SEPA-bestand`);
  return f.pain001;
}

/** Writes a file so that it is either absent, or there whole: a temporary name, fsync, then rename. The content may come in pieces. */
export function writeFileAtomic(path: string, content: string | readonly string[]): void {
  const tmp = `${path}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    // in slices: a SEPA file of 150 MB is not encoded into one buffer of its own size
    for (const piece of typeof content === 'string' ? textSlices(content) : content) writeSync(fd, piece);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}
