import type { PlainDate } from '../../../kernel/dates.ts';
import type { Cents } from '../../../kernel/money.ts';

/** An advance (paid urgent request) that no claim has settled yet. */
export interface OpenAdvance {
  readonly id: string;
  readonly budgethouderId: string;
  readonly zorgverlenerId: string;
  readonly van: PlainDate;
  readonly tot: PlainDate;
  readonly bedrag: Cents;
}

/** A claim (declaratie) that may settle against an advance. */
export interface ClaimForMatch {
  readonly id: string;
  readonly budgethouderId: string;
  readonly zorgverlenerId: string;
  readonly van: PlainDate;
  readonly tot: PlainDate;
  readonly bedrag: Cents;
}

/** A claim matches an advance when holder and provider are equal and the claim's period lies within the advance's period. */
export function isCandidate(advance: OpenAdvance, claim: ClaimForMatch): boolean {
  return (
    advance.budgethouderId === claim.budgethouderId &&
    advance.zorgverlenerId === claim.zorgverlenerId &&
    advance.van <= claim.van &&
    claim.tot <= advance.tot
  );
}

export type MatchProposal =
  | { readonly kind: 'automatisch'; readonly advanceId: string; readonly claimId: string }
  | { readonly kind: 'handmatig'; readonly advanceIds: readonly string[]; readonly claimIds: readonly string[] };

/**
 * One-to-one matching of claims to open advances. A pair is matched automatically only when it is
 * unambiguous: the advance has exactly one candidate claim and that claim has exactly one candidate
 * advance. Every other connected group of candidates goes to a person (the matching queue) with all
 * its advances and claims. Claims without any candidate are not mentioned.
 */
export function proposeMatches(advances: readonly OpenAdvance[], claims: readonly ClaimForMatch[]): MatchProposal[] {
  const claimsOf = new Map<string, string[]>();
  const advancesOf = new Map<string, string[]>();
  for (const a of advances) {
    for (const c of claims) {
      if (!isCandidate(a, c)) continue;
      (claimsOf.get(a.id) ?? claimsOf.set(a.id, []).get(a.id)!).push(c.id);
      (advancesOf.get(c.id) ?? advancesOf.set(c.id, []).get(c.id)!).push(a.id);
    }
  }
  const seen = new Set<string>();
  const proposals: MatchProposal[] = [];
  for (const a of advances) {
    if (!claimsOf.has(a.id) || seen.has('a:' + a.id)) continue;
    // Collect the connected group of advances and claims around this advance.
    const groupA: string[] = [];
    const groupC: string[] = [];
    const stack: string[] = ['a:' + a.id];
    seen.add('a:' + a.id);
    while (stack.length > 0) {
      const node = stack.pop()!;
      const id = node.slice(2);
      const next = node.startsWith('a:') ? (claimsOf.get(id) ?? []).map((c) => 'c:' + c) : (advancesOf.get(id) ?? []).map((x) => 'a:' + x);
      (node.startsWith('a:') ? groupA : groupC).push(id);
      for (const n of next) {
        if (!seen.has(n)) {
          seen.add(n);
          stack.push(n);
        }
      }
    }
    groupA.sort();
    groupC.sort();
    if (groupA.length === 1 && groupC.length === 1) {
      proposals.push({ kind: 'automatisch', advanceId: groupA[0]!, claimId: groupC[0]! });
    } else {
      proposals.push({ kind: 'handmatig', advanceIds: groupA, claimIds: groupC });
    }
  }
  return proposals;
}
