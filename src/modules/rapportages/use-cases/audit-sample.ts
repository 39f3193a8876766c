/**
 * `pgb steekproef --aantal N --zaad S [--van … --tot …]`: a reproducible random sample of paid
 * claims for the auditors, each with its whole trace and the working days from receipt to payment.
 *
 * The draw: every paid claim (whose payment run's execution date is in the period) gets the key
 * SHA-256("<zaad>:<declaratie_id>"); the N smallest keys are the sample. The same seed on the same
 * claims gives the same sample on any machine, anyone can recompute a key with any SHA-256 tool,
 * and a claim paid later never changes which earlier claims were drawn, only whether it ranks
 * among them.
 *
 * Working days: from the day of receipt to the execution date of the payment run, counting the
 * working days after the day of receipt (kernel/dates.ts `workingDaysBetween`); within the norm
 * when that is at most 10.
 */
import type { Queryable } from '../../../db/connection.ts';
import { dateInNetherlands, formatMoment, PAYMENT_NORM_WORKING_DAYS, workingDaysBetween, type PlainDate } from '../../../kernel/dates.ts';
import { AppError } from '../../../kernel/errors.ts';
import { formatEuros } from '../../../kernel/money.ts';
import { stringify } from 'csv-stringify/sync';
import { traceClaim, type ClaimTrace } from '../../declaraties/index.ts';
import { sampleClaims } from '../queries.ts';

export interface SampleItem {
  rang: number;
  rangsleutel: string;
  declaratie_id: string;
  clientnummer: number | null;
  zorgverlener_id: string;
  soort: string;
  kanaal: string;
  bedrag: number;
  ontvangen_op: string;
  ontvangstdatum: PlainDate;
  uiterste_betaaldatum: PlainDate;
  betaald_op: PlainDate;
  werkdagen: number;
  binnen_norm: boolean;
  betaling_id: string | null;
  betaalrun_id: string | null;
  betaling_status: string | null;
  spoor: ClaimTrace['events'];
}

export interface AuditSample {
  zaad: string;
  aantal: number;
  van: PlainDate | null;
  tot: PlainDate | null;
  populatie: number;
  trekking: SampleItem[];
}

export async function drawAuditSample(db: Queryable, opts: { aantal: number; zaad: string; van?: PlainDate | null; tot?: PlainDate | null }): Promise<AuditSample> {
  if (!Number.isInteger(opts.aantal) || opts.aantal < 1 || opts.aantal > 10_000) throw new AppError('INVOER_ONGELDIG', '--aantal moet een geheel getal van 1 tot en met 10000 zijn');
  if (!opts.zaad) throw new AppError('INVOER_ONGELDIG', '--zaad is verplicht: met hetzelfde zaad komt dezelfde steekproef');
  const drawn = await sampleClaims(db, { aantal: opts.aantal, zaad: opts.zaad, van: opts.van ?? null, tot: opts.tot ?? null });
  const trekking: SampleItem[] = [];
  for (const [i, d] of drawn.entries()) {
    const t = (await traceClaim(db, d.declaratie_id))!;
    const c = t.claim;
    const received = dateInNetherlands(new Date(c.ontvangen_op));
    const paidOn = c.betaald_op as PlainDate;
    const active = t.payments.find((p) => p.actief) ?? null;
    const werkdagen = workingDaysBetween(received, paidOn);
    trekking.push({
      rang: i + 1,
      rangsleutel: d.rangsleutel,
      declaratie_id: c.declaratie_id,
      clientnummer: c.clientnummer,
      zorgverlener_id: c.zorgverlener_id,
      soort: c.soort,
      kanaal: c.kanaal,
      bedrag: c.bedrag,
      ontvangen_op: formatMoment(new Date(c.ontvangen_op)),
      ontvangstdatum: received,
      uiterste_betaaldatum: c.uiterste_betaaldatum as PlainDate,
      betaald_op: paidOn,
      werkdagen,
      binnen_norm: werkdagen <= PAYMENT_NORM_WORKING_DAYS,
      betaling_id: active?.betaling_id ?? c.betaling_id,
      betaalrun_id: active?.betaalrun_id ?? null,
      betaling_status: active?.status ?? null,
      spoor: t.events,
    });
  }
  return { zaad: opts.zaad, aantal: opts.aantal, van: opts.van ?? null, tot: opts.tot ?? null, populatie: drawn[0]?.populatie ?? 0, trekking };
}

const eventText = (e: ClaimTrace['events'][number]) =>
  `${formatMoment(new Date(e.op))} ${e.gebeurtenis}${e.reden ? ` [${e.reden}]` : ''} (${e.actor})${e.toelichting ? `: ${e.toelichting}` : ''}`;

/** The sample as CSV: one row per claim, its trace in one column (events separated by ` | `). */
export function sampleCsv(s: AuditSample): string {
  const header = ['rang', 'declaratie_id', 'clientnummer', 'zorgverlener_id', 'soort', 'kanaal', 'bedrag', 'ontvangen_op', 'ontvangstdatum', 'uiterste_betaaldatum', 'betaald_op', 'werkdagen', 'binnen_norm', 'betaalrun_id', 'betaling_id', 'betaling_status', 'rangsleutel', 'spoor'];
  const rows = s.trekking.map((x) => [
    x.rang, x.declaratie_id, x.clientnummer ?? '', x.zorgverlener_id, x.soort, x.kanaal, formatEuros(x.bedrag), x.ontvangen_op, x.ontvangstdatum, x.uiterste_betaaldatum, x.betaald_op,
    x.werkdagen, x.binnen_norm ? 'ja' : 'nee', x.betaalrun_id ?? '', x.betaling_id ?? '', x.betaling_status ?? '', x.rangsleutel, x.spoor.map(eventText).join(' | '),
  ]);
  return stringify([header, ...rows], { record_delimiter: '\n' });
}

/** The sample as JSON: the draw's parameters and each claim with its events as objects. */
export function sampleJson(s: AuditSample): string {
  return `${JSON.stringify(
    {
      ...s,
      trekking: s.trekking.map((x) => ({ ...x, bedrag: formatEuros(x.bedrag), bedrag_centen: x.bedrag, spoor: x.spoor.map((e) => ({ ...e, op: formatMoment(new Date(e.op)) })) })),
    },
    null,
    2,
  )}\n`;
}
