/**
 * The holder's own amounts (issue #8): the verantwoordingsvrij bedrag and other amounts paid to the
 * holder rather than a provider. Pure rules: the yearly allowance of a dated rule, the check of a
 * request against it, and which budgets pay it (the budget rule: the one ending first).
 */
import { divRound, formatEurosNl, type Cents } from '../../../kernel/money.ts';
import type { OwnAmountRule } from '../../tarieven/index.ts';
import { SOORT_NAMEN } from './soorten.ts';

export { SOORT_NAMEN } from './soorten.ts';

/**
 * What a holder may receive of one kind in a year: the rule's percentage of what was spent from
 * the budget that year, at least its minimum and at most its maximum (Wlz: 1.5%, € 250, € 1,250);
 * a rule without a percentage allows its maximum.
 */
export function yearlyAllowance(rule: OwnAmountRule, spent: number): Cents {
  if (rule.percentage === null) return rule.maximum;
  const share = divRound(spent * rule.percentage, 10_000);
  return Math.min(rule.maximum, Math.max(rule.minimum, share)) as Cents;
}

export type RequestCheck = { ok: true; allowance: Cents; left: Cents } | { ok: false; message: string };

/** A request fits when the rule exists and the year's earlier requests plus this one stay within the allowance. */
export function checkRequest(q: { soort: string; jaar: number; bedrag: number; rule: OwnAmountRule | undefined; spent: number; earlier: number }): RequestCheck {
  const name = SOORT_NAMEN[q.soort] ?? q.soort;
  if (!q.rule) return { ok: false, message: `Voor ${name} geldt in ${q.jaar} geen regel van uw verstrekker; dit bedrag kan niet worden uitbetaald.` };
  const allowance = yearlyAllowance(q.rule, q.spent);
  const left = Math.max(0, allowance - q.earlier) as Cents;
  if (q.bedrag > left) {
    const basis = q.rule.percentage === null ? '' : ` (${formatEurosNl(q.rule.percentage).replace('€ ', '')}% van het bestede budget ${formatEurosNl(q.spent)}, minimaal ${formatEurosNl(q.rule.minimum)} en maximaal ${formatEurosNl(q.rule.maximum)})`;
    return { ok: false, message: `U vraagt ${formatEurosNl(q.bedrag)} ${name}; voor ${q.jaar} is het maximum ${formatEurosNl(allowance)}${basis}, waarvan al ${formatEurosNl(q.earlier)} is aangevraagd. U kunt nog ${formatEurosNl(left)} aanvragen.` };
  }
  return { ok: true, allowance, left };
}

export interface PayingBudget {
  budgetId: string;
  einddatum: string;
  ingangsdatum: string;
  beschikbaar: number;
}

/** Charges an amount to the budgets (ending first, then starting first, then id); undefined when they fall short. */
export function chargeBudgets(amount: number, budgets: readonly PayingBudget[]): { budgetId: string; amount: number }[] | undefined {
  const sorted = [...budgets].sort((a, b) =>
    a.einddatum !== b.einddatum ? (a.einddatum < b.einddatum ? -1 : 1) : a.ingangsdatum !== b.ingangsdatum ? (a.ingangsdatum < b.ingangsdatum ? -1 : 1) : a.budgetId < b.budgetId ? -1 : 1,
  );
  const out: { budgetId: string; amount: number }[] = [];
  let need = amount;
  for (const b of sorted) {
    if (need === 0) break;
    const take = Math.min(b.beschikbaar, need);
    if (take <= 0) continue;
    out.push({ budgetId: b.budgetId, amount: take });
    need -= take;
  }
  return need === 0 ? out : undefined;
}
