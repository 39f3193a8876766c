/** Own amounts in the payment run, as pure data: one transfer per holder to the holder's IBAN. */
import type { PayableOwnAmount } from '../repo.ts';
/** SEPA's unstructured remittance information: at most 140 characters. */
const REMITTANCE_MAX = 140;

export interface HolderTransfer {
  holderId: number;
  naam: string;
  iban: string;
  amount: number;
  items: string[];
  remittance: string;
}

const SHORT: Record<string, string> = { verantwoordingsvrij: 'VVB', reiskosten: 'reiskosten', administratiekosten: 'administratiekosten', teruggave_storting: 'teruggave storting' };

/** `PGB 1000001 VVB 2025, teruggave storting 2025` (never a BSN; at most 140 characters). */
export function planHolderTransfers(items: readonly PayableOwnAmount[]): HolderTransfer[] {
  const byHolder = new Map<number, PayableOwnAmount[]>();
  for (const i of items) byHolder.set(i.holderId, [...(byHolder.get(i.holderId) ?? []), i]);
  return [...byHolder.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([holderId, list]) => {
      const parts = [...new Set(list.map((i) => `${SHORT[i.soort] ?? i.soort} ${i.jaar}`))];
      const text = `PGB ${list[0]!.clientnummer} ${parts.join(', ')}`;
      return {
        holderId,
        naam: list[0]!.naam,
        iban: list[0]!.iban,
        amount: list.reduce((s, i) => s + i.bedrag, 0),
        items: list.map((i) => i.aanvraagId),
        remittance: text.length <= REMITTANCE_MAX ? text : `${text.slice(0, REMITTANCE_MAX - 5)} e.a.`,
      };
    });
}
