/**
 * `pgb loon run --periode JJJJ-MM`: the payroll step between the claim check and the payment run.
 *
 * Claims on an agreement with payroll (loonafspraken.loonadministratie) are approved and booked
 * gross like any claim (budget → payable to the carer), but the payment run holds them until a
 * payslip has taken them in. This run, per agreement:
 * 1. takes the approved claims not yet on a payslip whose care lies in the period or before;
 * 2. per month concerned (and, with `herberekenVanaf`, every month since then that has a payslip)
 *    computes the payslip on all gross of that month; for a month that already had one, the new
 *    payslip is a new version and the difference is the correction;
 * 3. withholds the wage tax (the sum of the differences, plus what was left open before) from the
 *    claims it takes in, in proportion to their gross: te_betalen:carer → te_betalen:Belastingdienst;
 * 4. charges the employer premiums (their difference) to the budgets covering the month:
 *    budget → te_betalen:Belastingdienst; never more than a budget holds — if the premiums do not
 *    fit, that agreement's payslips wait (nothing of it is written) and the run says why.
 * The payment run then pays each of those claims its gross minus what was withheld from it.
 * Everything of one run commits in one transaction, with the audit row and the claims' trace.
 */
import type { Db, Tx } from '../../../db/connection.ts';
import { parseMonth, dateInNetherlands, type PlainDate } from '../../../kernel/dates.ts';
import { AppError } from '../../../kernel/errors.ts';
import { newId } from '../../../kernel/ids.ts';
import { formatEuros, type Cents } from '../../../kernel/money.ts';
import type { Wet, ZokSoort } from '../../../kernel/wet.ts';
import { writeAudit } from '../../audit/index.ts';
import { insertEvents, type TraceEvent } from '../../declaraties/index.ts';
import { budgetAccount, payableAccount, postEntries, type JournalEntry } from '../../ledger/index.ts';
import { berekenLoonstrook, type Loonstrook } from '../core/loonstrook.ts';
import { loonGrondslag, maandVan, verdeelInhouding, verschil, type LoonRegel, type StrookBedragen } from '../core/loonrun.ts';

/** The payable to the tax authority: withheld wage tax and employer premiums. */
export const BELASTINGDIENST = payableAccount('belastingdienst:loonheffingen');

export interface PayrollRunOptions {
  periode: string;
  /** Recalculate every month with a payslip from this month up to the period (e.g. `2026-01`). */
  herberekenVanaf?: string;
  /** Only these agreements (default: every agreement with payroll). */
  zorgovereenkomsten?: string[];
  actor: string;
  now?: Date;
}

export interface PayrollStrook {
  loonstrook_id: string;
  zorgovereenkomst_id: string;
  periode: string;
  versie: number;
  brutoloon: number;
  loonheffing: number;
  nettoloon: number;
  werkgeverspremies: number;
  verschil_bruto: number;
  verschil_loonheffing: number;
  verschil_premies: number;
}

export interface PayrollRunResult {
  loonrunId: string | null;
  loonstroken: PayrollStrook[];
  /** Agreements whose payslips wait, and why. */
  wachtend: { zorgovereenkomst_id: string; reden: string }[];
  ingehouden: number;
  premies: number;
}

interface AgreementRow {
  zorgovereenkomst_id: string;
  budgethouder_id: number;
  zorgverlener_id: string;
  wet: Wet;
  soort: ZokSoort;
  eenheid: LoonRegel['eenheid'];
  dagen_per_week: number;
  heffingskorting: boolean;
  vast_contract: boolean;
  geboortedatum: PlainDate | null;
}

interface LatestStrook extends StrookBedragen {
  periode: string;
  versie: number;
}

export async function runPayroll(db: Db, opts: PayrollRunOptions): Promise<PayrollRunResult> {
  const periode = parseMonth(opts.periode);
  if (!periode) throw new AppError('INVOER_ONGELDIG', `--periode '${opts.periode}' is geen maand (JJJJ-MM)`);
  const now = opts.now ?? new Date();
  if (opts.periode > dateInNetherlands(now).slice(0, 7)) throw new AppError('INVOER_ONGELDIG', `--periode ${opts.periode} ligt in de toekomst`);
  if (opts.herberekenVanaf !== undefined) {
    if (!parseMonth(opts.herberekenVanaf)) throw new AppError('INVOER_ONGELDIG', `--herbereken '${opts.herberekenVanaf}' is geen maand (JJJJ-MM)`);
    if (opts.herberekenVanaf > opts.periode) throw new AppError('INVOER_ONGELDIG', `--herbereken ${opts.herberekenVanaf} ligt na --periode ${opts.periode}`);
  }
  return db.transaction(async (tx) => {
    // One payroll run at a time; holders locked in id order like the claim checks do, then claims.
    await tx.query(`SELECT pg_advisory_xact_lock(7262009)`);
    const agreements = await payrollAgreements(tx, opts.zorgovereenkomsten);
    await tx.query(`SELECT id FROM budgethouders WHERE id = ANY($1::bigint[]) ORDER BY id FOR UPDATE`, [[...new Set(agreements.map((a) => a.budgethouder_id))]]);
    const loonrunId = newId('lrn');
    const result: PayrollRunResult = { loonrunId, loonstroken: [], wachtend: [], ingehouden: 0, premies: 0 };
    const entries: JournalEntry[] = [];
    const events: TraceEvent[] = [];
    const pending: { strook: PayrollStrook; row: AgreementRow; uitkomst: Loonstrook; delen: { declaratieId: string; bruto: number; ingehouden: number }[]; lasten: { budgetId: string; bedrag: number }[] }[] = [];

    // premiums charged in this run, per budget, not yet posted (posted together at the end)
    const taken = new Map<string, number>();
    for (const a of agreements) {
      const outcome = await payrollForAgreement(tx, a, opts, loonrunId, taken);
      if ('wacht' in outcome) {
        if (outcome.wacht) result.wachtend.push({ zorgovereenkomst_id: a.zorgovereenkomst_id, reden: outcome.wacht });
        continue;
      }
      entries.push(...outcome.entries);
      events.push(...outcome.events);
      pending.push(...outcome.stroken.map((s) => ({ ...s, row: a })));
      result.ingehouden += outcome.ingehouden;
      result.premies += outcome.premies;
    }
    if (pending.length === 0) {
      return { ...result, loonrunId: null };
    }
    await tx.query(`INSERT INTO loonruns (loonrun_id, periode, actor, op, aantal) VALUES ($1, $2, $3, $4, $5)`, [loonrunId, opts.periode, opts.actor, now, pending.length]);
    for (const p of pending) {
      const s = p.strook;
      await tx.query(
        `INSERT INTO loonstroken (loonstrook_id, loonrun_id, zorgovereenkomst_id, budgethouder_id, zorgverlener_id, periode, versie, brutoloon, loonheffing,
                                  nettoloon, werkgeverspremies, af_te_dragen, verschil_bruto, verschil_loonheffing, verschil_premies, uitkomst, op)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
        [s.loonstrook_id, loonrunId, s.zorgovereenkomst_id, p.row.budgethouder_id, p.row.zorgverlener_id, s.periode, s.versie, s.brutoloon, s.loonheffing,
          s.nettoloon, s.werkgeverspremies, s.loonheffing + s.werkgeverspremies, s.verschil_bruto, s.verschil_loonheffing, s.verschil_premies, JSON.stringify(p.uitkomst), now],
      );
      for (const d of p.delen) {
        await tx.query(`INSERT INTO loonstrook_declaraties (loonstrook_id, declaratie_id, bruto, ingehouden) VALUES ($1, $2, $3, $4)`, [s.loonstrook_id, d.declaratieId, d.bruto, d.ingehouden]);
      }
      for (const l of p.lasten) {
        await tx.query(`INSERT INTO loon_lasten (loonstrook_id, budget_id, bedrag) VALUES ($1, $2, $3)`, [s.loonstrook_id, l.budgetId, l.bedrag]);
      }
      result.loonstroken.push(s);
    }
    await postEntries(tx, entries, opts.actor);
    await insertEvents(tx, events, opts.actor, now);
    await writeAudit(tx, {
      actor: opts.actor,
      action: 'loonrun.start',
      subject: loonrunId,
      reason: `loonrun ${opts.periode}${opts.herberekenVanaf ? `, herberekend vanaf ${opts.herberekenVanaf}` : ''}`,
      details: { loonstroken: result.loonstroken.map((s) => s.loonstrook_id), ingehouden: result.ingehouden, premies: result.premies, wachtend: result.wachtend },
      at: now,
    });
    return result;
  });
}

async function payrollAgreements(tx: Tx, only: string[] | undefined): Promise<AgreementRow[]> {
  const r = await tx.query<AgreementRow>(
    `SELECT z.zorgovereenkomst_id, z.budgethouder_id, z.zorgverlener_id, z.wet, z.soort, z.eenheid,
            la.dagen_per_week, la.heffingskorting, la.vast_contract, to_char(zv.geboortedatum, 'YYYY-MM-DD') AS geboortedatum
       FROM loonafspraken la
       JOIN zorgovereenkomsten z ON z.zorgovereenkomst_id = la.zorgovereenkomst_id
       JOIN zorgverleners zv ON zv.zorgverlener_id = z.zorgverlener_id
      WHERE la.loonadministratie AND ($1::text[] IS NULL OR z.zorgovereenkomst_id = ANY($1::text[]))
      ORDER BY z.budgethouder_id, z.zorgovereenkomst_id`,
    [only ?? null],
  );
  return r.rows;
}

type AgreementOutcome =
  | { wacht: string | null }
  | {
      stroken: { strook: PayrollStrook; uitkomst: Loonstrook; delen: { declaratieId: string; bruto: number; ingehouden: number }[]; lasten: { budgetId: string; bedrag: number }[] }[];
      entries: JournalEntry[];
      events: TraceEvent[];
      ingehouden: number;
      premies: number;
    };

async function payrollForAgreement(tx: Tx, a: AgreementRow, opts: PayrollRunOptions, loonrunId: string, taken: Map<string, number>): Promise<AgreementOutcome> {
  const ownTaken = new Map(taken);
  const id = a.zorgovereenkomst_id;
  // Approved claims not yet on a payslip, with all their care in the period or before.
  const nieuw = await tx.query<{ declaratie_id: string; bedrag: number }>(
    `SELECT d.declaratie_id, d.bedrag FROM declaraties d
      WHERE d.zorgovereenkomst_id = $1 AND d.status = 'goedgekeurd'
        AND NOT EXISTS (SELECT 1 FROM loonstrook_declaraties ld WHERE ld.declaratie_id = d.declaratie_id)
        AND (SELECT max(r.datum) FROM declaratieregels r WHERE r.declaratie_id = d.declaratie_id) <= $2::date
      ORDER BY d.ontvangen_op, d.volgnummer
      FOR UPDATE OF d`,
    [id, parseMonth(opts.periode)!.last],
  );
  const nieuweIds = nieuw.rows.map((r) => r.declaratie_id);
  const latest = await latestStroken(tx, id);
  const maanden = new Set<string>();
  const regels = await claimLines(tx, [...nieuweIds, ...(await claimsOnPayslips(tx, id))], a.eenheid);
  for (const r of regels) if (nieuweIds.includes(r.declaratieId)) maanden.add(maandVan(r.datum));
  if (opts.herberekenVanaf !== undefined) {
    for (const s of latest.values()) if (s.periode >= opts.herberekenVanaf && s.periode <= opts.periode) maanden.add(s.periode);
  }
  if (maanden.size === 0) return { wacht: null };
  if (a.geboortedatum === null) {
    return { wacht: `de geboortedatum van zorgverlener ${a.zorgverlener_id} is niet bekend (nodig voor het minimumloon en de AOW-leeftijd); leg die vast met pgb loon afspraak --geboortedatum` };
  }

  const stroken: Extract<AgreementOutcome, { stroken: unknown }>['stroken'] = [];
  const nieuweDelen: { maand: string; declaratieId: string; bruto: number }[] = [];
  let teInhouden = await openInhouding(tx, id);
  let premieTotaal = 0;
  const entries: JournalEntry[] = [];
  for (const maand of [...maanden].sort()) {
    const inMaand = regels.filter((r) => maandVan(r.datum) === maand);
    const vorige = latest.get(maand);
    const jaar = Number(maand.slice(0, 4));
    const vorigJaar = [...latest.values()].filter((s) => s.periode.startsWith(`${jaar - 1}-`));
    let uitkomst: Loonstrook;
    try {
      uitkomst = berekenLoonstrook({
        maand,
        loon: loonGrondslag(inMaand),
        geboortedatum: a.geboortedatum,
        heffingskorting: a.heffingskorting,
        dagenPerWeek: a.dagen_per_week,
        schriftelijkVastContract: a.vast_contract,
        ...(vorigJaar.length > 0 ? { jaarloonVorigJaar: vorigJaar.reduce((s, x) => s + x.brutoloon, 0) as Cents } : {}),
      });
    } catch (e) {
      return { wacht: `${maand}: ${(e as Error).message}` };
    }
    const d = verschil(uitkomst, vorige);
    const delen = inMaand.filter((r) => nieuweIds.includes(r.declaratieId));
    if (vorige && delen.length === 0 && d.loonheffing === 0 && d.werkgeverspremies === 0 && d.brutoloon === 0) continue; // nothing changed
    const versie = (vorige?.versie ?? 0) + 1;
    const loonstrookId = `lst:${id}:${maand}:${versie}`;
    const perClaim = new Map<string, number>();
    for (const r of delen) perClaim.set(r.declaratieId, (perClaim.get(r.declaratieId) ?? 0) + r.bedrag);
    for (const [declaratieId, bruto] of perClaim) nieuweDelen.push({ maand, declaratieId, bruto });
    teInhouden += d.loonheffing;
    const lasten = d.werkgeverspremies === 0 ? [] : await chargePremiums(tx, a, maand, d.werkgeverspremies, ownTaken);
    if (lasten === undefined) {
      return { wacht: `${maand}: het budget voor ${a.wet} dat deze maand dekt is ontoereikend voor de werkgeverslasten (${formatEuros(d.werkgeverspremies)}); de loonstrook wacht` };
    }
    premieTotaal += d.werkgeverspremies;
    for (const l of lasten) {
      const description = `werkgeverspremies ${maand} (${loonstrookId})`;
      entries.push({
        kind: 'werkgeverspremies',
        reference: loonstrookId,
        description,
        postings: [{ account: budgetAccount(l.budgetId), amount: l.bedrag }, { account: BELASTINGDIENST, amount: -l.bedrag }],
      });
    }
    stroken.push({
      strook: {
        loonstrook_id: loonstrookId,
        zorgovereenkomst_id: id,
        periode: maand,
        versie,
        brutoloon: uitkomst.brutoloon,
        loonheffing: uitkomst.loonheffing,
        nettoloon: uitkomst.nettoloon,
        werkgeverspremies: uitkomst.werkgeverspremies,
        verschil_bruto: d.brutoloon,
        verschil_loonheffing: d.loonheffing,
        verschil_premies: d.werkgeverspremies,
      },
      uitkomst,
      delen: [],
      lasten,
    });
  }
  if (stroken.length === 0) return { wacht: null };
  for (const [k, v] of ownTaken) taken.set(k, v);

  // The wage tax to withhold now, spread over the gross taken in by this run.
  const { aandelen } = verdeelInhouding(teInhouden, nieuweDelen.map((n) => ({ sleutel: n, bruto: n.bruto as Cents })));
  let ingehouden = 0;
  for (const { sleutel, ingehouden: x } of aandelen) {
    const s = stroken.find((st) => st.strook.periode === sleutel.maand)!;
    s.delen.push({ declaratieId: sleutel.declaratieId, bruto: sleutel.bruto, ingehouden: x });
    ingehouden += x;
  }
  if (ingehouden !== 0) {
    const laatste = stroken[stroken.length - 1]!.strook.loonstrook_id;
    entries.push({
      kind: 'loonheffing',
      reference: laatste,
      description: `loonheffing ingehouden op het loon van ${a.zorgverlener_id} (loonrun ${loonrunId})`,
      postings: [{ account: payableAccount(a.zorgverlener_id), amount: ingehouden }, { account: BELASTINGDIENST, amount: -ingehouden }],
    });
  }
  const events: TraceEvent[] = stroken.flatMap((s) =>
    s.delen.map((d) => ({
      declaratieId: d.declaratieId,
      event: 'loonstrook',
      status: null,
      reason: null,
      note: `Opgenomen in loonstrook ${s.strook.loonstrook_id} (${s.strook.periode}${s.strook.versie > 1 ? `, correctie versie ${s.strook.versie}` : ''}): bruto ${formatEuros(d.bruto)}, ingehouden loonheffing ${formatEuros(d.ingehouden)}, te betalen ${formatEuros(d.bruto - d.ingehouden)}.`,
    })),
  );
  return { stroken, entries, events, ingehouden, premies: premieTotaal };
}

/** The latest version of each month's payslip of an agreement. */
async function latestStroken(tx: Tx, id: string): Promise<Map<string, LatestStrook>> {
  const r = await tx.query<LatestStrook>(
    `SELECT DISTINCT ON (periode) periode, versie, brutoloon, loonheffing, werkgeverspremies
       FROM loonstroken WHERE zorgovereenkomst_id = $1 ORDER BY periode, versie DESC`,
    [id],
  );
  return new Map(r.rows.map((x) => [x.periode, x]));
}

async function claimsOnPayslips(tx: Tx, id: string): Promise<string[]> {
  const r = await tx.query<{ declaratie_id: string }>(
    `SELECT DISTINCT ld.declaratie_id FROM loonstrook_declaraties ld JOIN loonstroken l ON l.loonstrook_id = ld.loonstrook_id WHERE l.zorgovereenkomst_id = $1`,
    [id],
  );
  return r.rows.map((x) => x.declaratie_id);
}

async function claimLines(tx: Tx, ids: string[], eenheid: LoonRegel['eenheid']): Promise<LoonRegel[]> {
  if (ids.length === 0) return [];
  const r = await tx.query<{ declaratie_id: string; datum: string; kwartieren: number | null; tarief: number; bedrag: number }>(
    `SELECT declaratie_id, to_char(datum, 'YYYY-MM-DD') AS datum, kwartieren, tarief, bedrag FROM declaratieregels
      WHERE declaratie_id = ANY($1::text[]) ORDER BY datum, declaratie_id, regelnr`,
    [ids],
  );
  return r.rows.map((x) => ({ declaratieId: x.declaratie_id, datum: x.datum, kwartieren: x.kwartieren, eenheid, tarief: x.tarief as Cents, bedrag: x.bedrag as Cents }));
}

/** Wage tax of earlier corrections that could not yet be withheld (or given back). */
async function openInhouding(tx: Tx, id: string): Promise<number> {
  const r = await tx.query<{ open: number }>(
    `SELECT (COALESCE((SELECT sum(verschil_loonheffing) FROM loonstroken WHERE zorgovereenkomst_id = $1), 0)
           - COALESCE((SELECT sum(ld.ingehouden) FROM loonstrook_declaraties ld JOIN loonstroken l ON l.loonstrook_id = ld.loonstrook_id WHERE l.zorgovereenkomst_id = $1), 0))::bigint AS open`,
    [id],
  );
  return Number(r.rows[0]!.open);
}

/**
 * Premiums of a month charged to the holder's budgets of the agreement's law that cover part of the
 * month, the one ending first before the others (the budget rule); a negative difference goes back
 * to the budgets charged before for the month, the last first. Undefined when the budgets fall short.
 */
async function chargePremiums(tx: Tx, a: AgreementRow, maand: string, bedrag: number, taken: Map<string, number>): Promise<{ budgetId: string; bedrag: number }[] | undefined> {
  const m = parseMonth(maand)!;
  if (bedrag < 0) {
    const r = await tx.query<{ budget_id: string; bedrag: number }>(
      `SELECT ll.budget_id, sum(ll.bedrag)::bigint AS bedrag FROM loon_lasten ll JOIN loonstroken l ON l.loonstrook_id = ll.loonstrook_id
        WHERE l.zorgovereenkomst_id = $1 AND l.periode = $2 GROUP BY ll.budget_id ORDER BY ll.budget_id DESC`,
      [a.zorgovereenkomst_id, maand],
    );
    let terug = -bedrag;
    const out: { budgetId: string; bedrag: number }[] = [];
    for (const x of r.rows) {
      const take = Math.min(terug, Number(x.bedrag));
      if (take > 0) out.push({ budgetId: x.budget_id, bedrag: -take });
      terug -= take;
    }
    if (terug !== 0) return undefined;
    for (const o of out) taken.set(o.budgetId, (taken.get(o.budgetId) ?? 0) + o.bedrag);
    return out;
  }
  const r = await tx.query<{ budget_id: string; beschikbaar: number }>(
    `SELECT b.budget_id, (-r.saldo)::bigint AS beschikbaar FROM budgetten b JOIN rekeningen r ON r.id = b.rekening_id
      WHERE b.budgethouder_id = $1 AND b.wet = $2 AND b.ingangsdatum <= $4::date AND b.einddatum >= $3::date
      ORDER BY b.einddatum, b.ingangsdatum, b.budget_id FOR UPDATE OF r`,
    [a.budgethouder_id, a.wet, m.first, m.last],
  );
  let nodig = bedrag;
  const out: { budgetId: string; bedrag: number }[] = [];
  for (const b of r.rows) {
    const take = Math.min(nodig, Number(b.beschikbaar) - (taken.get(b.budget_id) ?? 0));
    if (take > 0) out.push({ budgetId: b.budget_id, bedrag: take });
    else continue;
    nodig -= take;
    if (nodig === 0) break;
  }
  if (nodig !== 0) return undefined;
  for (const o of out) taken.set(o.budgetId, (taken.get(o.budgetId) ?? 0) + o.bedrag);
  return out;
}
