/**
 * The back office's work queues (*werkvoorraad*): every open claim (awaiting the holder, received,
 * parked, approved and not yet in a payment run) counted by status, reason and age in Dutch working
 * days since receipt (0–5, 6–10, more than 10), with the oldest claims of each queue. Counted in SQL
 * per day of receipt; the few distinct days are turned into working-day ages here.
 */
import type { Queryable } from '../../../db/connection.ts';
import { workingDaysBetween, type PlainDate } from '../../../kernel/dates.ts';
import { openClaimsByDay, oldestPerQueue, OPEN_STATUSES, type QueueClaimRow } from '../queries.ts';

export const AGE_BANDS = ['0-5', '6-10', '>10'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export function ageBand(workingDays: number): AgeBand {
  return workingDays <= 5 ? '0-5' : workingDays <= 10 ? '6-10' : '>10';
}

export interface WorkQueue {
  status: string;
  reden: string | null;
  aantal: number;
  bedrag: number;
  per_leeftijd: Record<AgeBand, number>;
  oudste: (QueueClaimRow & { werkdagen: number })[];
}

export async function workQueues(db: Queryable, opts: { today: PlainDate; oldest?: number }): Promise<{ peildatum: PlainDate; totaal: number; wachtrijen: WorkQueue[] }> {
  const [days, oldest] = await Promise.all([openClaimsByDay(db), oldestPerQueue(db, opts.oldest ?? 50)]);
  const age = new Map<string, number>();
  const ageOf = (d: PlainDate): number => {
    let n = age.get(d);
    if (n === undefined) {
      n = d >= opts.today ? 0 : workingDaysBetween(d, opts.today);
      age.set(d, n);
    }
    return n;
  };
  const queues = new Map<string, WorkQueue>();
  const queue = (status: string, reden: string | null): WorkQueue => {
    const key = `${status}|${reden ?? ''}`;
    let q = queues.get(key);
    if (!q) {
      q = { status, reden, aantal: 0, bedrag: 0, per_leeftijd: { '0-5': 0, '6-10': 0, '>10': 0 }, oudste: [] };
      queues.set(key, q);
    }
    return q;
  };
  let totaal = 0;
  for (const row of days) {
    const q = queue(row.status, row.reden);
    q.aantal += row.aantal;
    q.bedrag += Number(row.bedrag);
    q.per_leeftijd[ageBand(ageOf(row.ontvangstdatum))] += row.aantal;
    totaal += row.aantal;
  }
  for (const c of oldest) queue(c.status, c.reden).oudste.push({ ...c, werkdagen: ageOf(c.ontvangstdatum) });
  const order = new Map<string, number>(OPEN_STATUSES.map((s, i) => [s, i]));
  const wachtrijen = [...queues.values()].sort((a, b) => order.get(a.status)! - order.get(b.status)! || (a.reden ?? '').localeCompare(b.reden ?? ''));
  return { peildatum: opts.today, totaal, wachtrijen };
}
