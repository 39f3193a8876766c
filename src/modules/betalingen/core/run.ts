/**
 * A payment run as pure data: every approved, unpaid claim of a provider goes into one transfer to
 * that provider's IBAN. The remittance text names the holders' client numbers and the periods of
 * the care, never a BSN; the end-to-end id is the payment id, which traces to every claim in it.
 */
import type { Cents } from '../../../kernel/money.ts';
import { dateInNetherlands, parseDate, type PlainDate } from '../../../kernel/dates.ts';
import { AppError } from '../../../kernel/errors.ts';

export interface PayableClaim {
  declaratieId: string;
  zorgverlenerId: string;
  bedrag: Cents;
  clientnummer: number;
  /** first and last month (YYYY-MM) of the care claimed */
  vanMaand: string;
  totMaand: string;
}

export interface Provider {
  id: string;
  naam: string;
  iban: string;
}

export interface PlannedTransfer {
  provider: Provider;
  amount: Cents;
  claims: PayableClaim[];
  remittance: string;
}

export const REMITTANCE_MAX = 140;

/** `PGB 1000001 2026-03, 1000002 2026-02/2026-03` (cut with `e.a.` when longer than 140). */
export function remittanceText(claims: PayableClaim[], max = REMITTANCE_MAX): string {
  const perHolder = new Map<number, { from: string; to: string }>();
  for (const c of claims) {
    const p = perHolder.get(c.clientnummer);
    if (!p) perHolder.set(c.clientnummer, { from: c.vanMaand, to: c.totMaand });
    else {
      if (c.vanMaand < p.from) p.from = c.vanMaand;
      if (c.totMaand > p.to) p.to = c.totMaand;
    }
  }
  const parts = [...perHolder.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([client, p]) => `${client} ${p.from === p.to ? p.from : `${p.from}/${p.to}`}`);
  const full = `PGB ${parts.join(', ')}`;
  if (full.length <= max) return full;
  let text = 'PGB';
  for (let i = 0; i < parts.length; i++) {
    const next = `${text}${i === 0 ? ' ' : ', '}${parts[i]}`;
    if (next.length + ' e.a.'.length > max) break;
    text = next;
  }
  return `${text} e.a.`;
}

export function planTransfers(claims: PayableClaim[], providers: Map<string, Provider>): PlannedTransfer[] {
  const byProvider = new Map<string, PayableClaim[]>();
  for (const c of claims) {
    const list = byProvider.get(c.zorgverlenerId) ?? [];
    list.push(c);
    byProvider.set(c.zorgverlenerId, list);
  }
  const transfers: PlannedTransfer[] = [];
  for (const [providerId, list] of [...byProvider.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const provider = providers.get(providerId);
    if (!provider) throw new Error(`zorgverlener ${providerId} ontbreekt`);
    const amount = list.reduce((s, c) => s + c.bedrag, 0) as Cents;
    transfers.push({ provider, amount, claims: list, remittance: remittanceText(list) });
  }
  return transfers;
}

/**
 * The execution date of a run (regular or urgent) from what the operator typed: a real date, and
 * not before today in the Netherlands (a bank executes no payment on an earlier day).
 */
export function executionDate(text: string, now: Date): PlainDate {
  const date = parseDate(text);
  if (!date) throw new AppError('INVOER_ONGELDIG', `--datum '${text}' is geen geldige datum (JJJJ-MM-DD)`);
  if (date < dateInNetherlands(now)) throw new AppError('INVOER_ONGELDIG', `--datum ${date} ligt in het verleden; een bank voert geen betaling uit op een eerdere datum`);
  return date;
}
