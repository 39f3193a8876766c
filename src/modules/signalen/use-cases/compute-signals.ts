/**
 * `pgb signalen`: computes every signal from the platform's data, stores them (a signal seen
 * before is updated, not repeated) and queues the e-mails of the new ones in the same transaction.
 *
 * Budgets are judged on `peildatum` (default today); the misuse rules look at care in a window
 * (default: from the first day of the month two months back up to `peildatum`), the jump rule
 * also at the three months before it.
 */
import type { Db } from '../../../db/connection.ts';
import { dateInNetherlands, type PlainDate } from '../../../kernel/dates.ts';
import { writeAudit } from '../../audit/index.ts';
import { enqueueMessages } from '../../berichten/index.ts';
import { signalMessages } from '../core/messages.ts';
import {
  afterDeathSignals, budgetSignals, DEFAULT_RULES, defaultWindow, hoursJumpSignals, hoursPerDaySignals, jumpLookback, manyHoldersSignals, sameHoursSignals,
  SIGNAL_KINDS, type MisuseRules, type Signal, type SignalKind,
} from '../core/rules.ts';
import { addresses, loadAfterDeathLines, loadBudgetFacts, loadHourLines, loadProviderMonths, upsertSignals } from '../repo.ts';

export interface ComputeSignalsOptions {
  actor: string;
  now?: Date;
  peildatum?: PlainDate;
  van?: PlainDate;
  tot?: PlainDate;
  /** the share (whole percent) below which a budget signals */
  restantProcent: number;
  rules?: MisuseRules;
}

export interface ComputeSignalsResult {
  peildatum: PlainDate;
  van: PlainDate;
  tot: PlainDate;
  /** signals found now, per kind */
  gevonden: Record<SignalKind, number>;
  /** of which new */
  nieuw: Record<SignalKind, number>;
  berichten: number;
  /** recipients without an e-mail address (the signal is in the portal all the same) */
  zonderAdres: number;
}

function monthsOf(van: PlainDate, tot: PlainDate): string[] {
  const out: string[] = [];
  for (let m = van.slice(0, 7); m <= tot.slice(0, 7); ) {
    out.push(m);
    const [y, mo] = [Number(m.slice(0, 4)), Number(m.slice(5, 7))];
    m = mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
  }
  return out;
}

const count = (signals: readonly Signal[]) => Object.fromEntries(SIGNAL_KINDS.map((k) => [k, signals.filter((s) => s.soort === k).length])) as Record<SignalKind, number>;

export async function computeSignals(db: Db, opts: ComputeSignalsOptions): Promise<ComputeSignalsResult> {
  const now = opts.now ?? new Date();
  const peildatum = opts.peildatum ?? dateInNetherlands(now);
  const window = defaultWindow(peildatum);
  const van = opts.van ?? window.van;
  const tot = opts.tot ?? window.tot;
  const rules = opts.rules ?? DEFAULT_RULES;
  const months = monthsOf(van, tot);

  const [budgets, hourLines, deathLines, providerMonths] = await Promise.all([
    loadBudgetFacts(db, peildatum),
    loadHourLines(db, van, tot, rules.maxQuartersPerDay),
    loadAfterDeathLines(db, van, tot),
    loadProviderMonths(db, jumpLookback(months[0]!), tot),
  ]);
  const signals: Signal[] = [
    ...budgetSignals(budgets, { vandaag: peildatum, restantProcent: opts.restantProcent }),
    ...hoursPerDaySignals(hourLines, rules),
    ...sameHoursSignals(hourLines, rules),
    ...afterDeathSignals(deathLines),
    ...manyHoldersSignals(providerMonths, months, rules),
    ...hoursJumpSignals(providerMonths, months, rules),
  ];

  return db.transaction(async (tx) => {
    const fresh = await upsertSignals(tx, signals, now);
    const to = await addresses(tx, [...new Set(fresh.map((s) => s.budgethouder_id).filter((x): x is number => x !== null))], [...new Set(fresh.flatMap((s) => s.verstrekkers))]);
    const { messages, zonderAdres } = signalMessages(fresh, to);
    const queued = await enqueueMessages(tx, messages, now);
    const result: ComputeSignalsResult = { peildatum, van, tot, gevonden: count(signals), nieuw: count(fresh), berichten: queued, zonderAdres };
    await writeAudit(tx, { actor: opts.actor, action: 'signalen.bereken', subject: `signalen:${peildatum}`, reason: `signalen op ${peildatum}, zorg ${van} t/m ${tot}`, details: result, at: now });
    return result;
  });
}
