/**
 * The payroll's checks on claims, as pure functions the claim check calls:
 * - `minimumloonClaimfout`: the agreed hourly wage of an employment or family agreement is not
 *   below the minimum wage for the carer's age on the day of care (reason ONDER_MINIMUMLOON);
 * - `werkgeverslastenRaming`: the employer premiums a payroll claim will bring on top of its
 *   gross, so that the budget check can count them before the claim is approved.
 */
import type { PlainDate } from '../../../kernel/dates.ts';
import type { Cents } from '../../../kernel/money.ts';
import type { ZokSoort } from '../../../kernel/wet.ts';
import { ceilDiv, veilig, type Percentage } from './breuk.ts';
import { controleerMinimumloon } from './minimumloon.ts';
import { GeenParametersFout, parametersFor } from './parameters.ts';

/** The agreements whose hourly wage must be at least the minimum wage. */
export const MINIMUMLOON_SOORTEN: readonly ZokSoort[] = ['arbeidsovereenkomst', 'familie'];

/**
 * The first line whose hourly rate is below the minimum wage for the carer's age on its date, as a
 * Dutch message; undefined when every line is fine or the check does not apply (another kind of
 * agreement, a unit other than the hour, the birth date unknown, a date without parameters).
 */
export function minimumloonClaimfout(
  agreement: { soort: ZokSoort; eenheid: string; geboortedatum: PlainDate | null },
  lines: readonly { regelnr: number; datum: PlainDate; tarief: Cents }[],
): string | undefined {
  if (!MINIMUMLOON_SOORTEN.includes(agreement.soort) || agreement.eenheid !== 'uur' || agreement.geboortedatum === null) return undefined;
  for (const l of lines) {
    if (l.datum < agreement.geboortedatum) return `Regel ${l.regelnr}: de zorgdatum ${l.datum} ligt vóór de geboortedatum van de zorgverlener.`;
    let c;
    try {
      c = controleerMinimumloon({ uurloonInclVakantiegeld: l.tarief, geboortedatum: agreement.geboortedatum, datum: l.datum });
    } catch (e) {
      if (e instanceof GeenParametersFout) continue;
      throw e;
    }
    if (!c.ok) return `Regel ${l.regelnr} (${l.datum}): ${c.melding}`;
  }
  return undefined;
}

const omhoog = (bedrag: number, p: Percentage) => ceilDiv(veilig(bedrag * p.teller), p.noemer);

/**
 * The employer premiums on `bruto` for a payroll agreement at `datum`, each rounded UP (an
 * estimate that is never below what the payslip will charge for the same gross; the payroll run
 * charges the exact amount). 0 for a date without parameters.
 */
export function werkgeverslastenRaming(bruto: number, datum: PlainDate, loon: { dagenPerWeek: number; vastContract: boolean }): number {
  let set;
  try {
    set = parametersFor(datum);
  } catch (e) {
    if (e instanceof GeenParametersFout) return 0;
    throw e;
  }
  const pr = set.premies;
  const verzekerd = loon.dagenPerWeek >= 4 || set.kortewekeVerzekerd.waarde;
  const tarieven = [pr.zvwWerkgeversheffing, ...(verzekerd ? [loon.vastContract ? pr.awf.laag : pr.awf.hoog, pr.aof.laag, pr.wko, pr.whkGemiddeld] : [])];
  return tarieven.reduce((s, t) => s + omhoog(bruto, t), 0);
}

/**
 * The agreed hourly wage of an employment or family agreement against the minimum wage for the
 * carer's age on its start date and on `peildatum` (e.g. today, for an agreement already running),
 * as a Dutch message; undefined when fine or when the check does not apply.
 */
export function minimumloonAfspraakfout(a: { soort: ZokSoort; eenheid: string; tarief: Cents; ingangsdatum: PlainDate; geboortedatum: PlainDate | null }, peildatum?: PlainDate): string | undefined {
  const dagen = [a.ingangsdatum, ...(peildatum !== undefined && peildatum > a.ingangsdatum ? [peildatum] : [])];
  const fout = minimumloonClaimfout(a, dagen.map((datum, i) => ({ regelnr: i + 1, datum, tarief: a.tarief })));
  return fout?.replace(/^Regel \d+ \(([^)]+)\): /, 'Op $1: ');
}
