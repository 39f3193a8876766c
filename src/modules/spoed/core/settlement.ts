import type { Cents } from '../../../kernel/money.ts';

/**
 * Settling a claim against its matched advance (voorschot). The claim is not paid again up to the
 * advance's amount: a larger claim pays only the difference; a smaller claim leaves a remainder of
 * the advance that becomes a recovery (vordering) on the provider, because the advance was paid to
 * the provider for care that the claim shows was not delivered (choice documented in
 * docs/urgent-payments-recoveries.md).
 */
export interface AdvanceSettlement {
  /** Part of the claim covered by the advance (not paid again). */
  readonly verrekend: Cents;
  /** Part of the claim still to pay in the regular payment run. */
  readonly teBetalen: Cents;
  /** Part of the advance the claim did not cover: a recovery on the provider. */
  readonly terugTeVorderen: Cents;
}

export function settleAgainstAdvance(claimBedrag: Cents, voorschot: Cents): AdvanceSettlement {
  if (!Number.isSafeInteger(claimBedrag) || claimBedrag < 0) throw new RangeError(`ongeldig declaratiebedrag ${claimBedrag}`);
  if (!Number.isSafeInteger(voorschot) || voorschot < 0) throw new RangeError(`ongeldig voorschot ${voorschot}`);
  const verrekend = Math.min(claimBedrag, voorschot) as Cents;
  return {
    verrekend,
    teBetalen: (claimBedrag - verrekend) as Cents,
    terugTeVorderen: (voorschot - verrekend) as Cents,
  };
}

/** An open recovery (vordering) on a party, oldest first by `vastgesteld`. */
export interface OpenRecovery {
  readonly id: string;
  readonly vastgesteld: string;
  readonly open: Cents;
}

export interface SetOffResult {
  readonly bruto: Cents;
  readonly verrekend: Cents;
  readonly netto: Cents;
  /** Per recovery the amount set off in this payment. */
  readonly perVordering: readonly { readonly vorderingId: string; readonly bedrag: Cents }[];
}

/**
 * Set-off (verrekening) of open recoveries against a gross payment to the same party: the oldest
 * recovery first (then by id), never more than the gross amount, never more than what is open.
 */
export function setOff(bruto: Cents, recoveries: readonly OpenRecovery[]): SetOffResult {
  if (!Number.isSafeInteger(bruto) || bruto < 0) throw new RangeError(`ongeldig brutobedrag ${bruto}`);
  const ordered = [...recoveries].sort((a, b) =>
    a.vastgesteld < b.vastgesteld ? -1 : a.vastgesteld > b.vastgesteld ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
  let left = bruto as number;
  const perVordering: { vorderingId: string; bedrag: Cents }[] = [];
  for (const r of ordered) {
    if (left === 0) break;
    if (!Number.isSafeInteger(r.open) || r.open < 0) throw new RangeError(`ongeldig openstaand bedrag ${r.open} van ${r.id}`);
    const take = Math.min(left, r.open);
    if (take > 0) {
      perVordering.push({ vorderingId: r.id, bedrag: take as Cents });
      left -= take;
    }
  }
  return { bruto, verrekend: (bruto - left) as Cents, netto: left as Cents, perVordering };
}
