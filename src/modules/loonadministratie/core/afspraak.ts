/**
 * Which agreements go through the payroll, as a pure rule (issue #9):
 * - an employment contract (arbeidsovereenkomst) of 4 or more days a week: payroll is required;
 * - an employment contract of fewer days: the holder chooses gross payment or payroll (net);
 * - a contract for services (opdracht), a family agreement (familie) or an institution: never.
 * The loonheffingskorting is the carer's choice and only exists within the payroll.
 */
import type { ZokSoort } from '../../../kernel/wet.ts';

export interface Loonafspraak {
  readonly dagenPerWeek: number;
  readonly loonadministratie: boolean;
  readonly heffingskorting: boolean;
  /** Written contract for an indefinite period, not on call (AWf low rate). */
  readonly vastContract: boolean;
}

export interface AfspraakProbleem {
  readonly veld: 'dagen_per_week' | 'loonadministratie' | 'heffingskorting';
  readonly melding: string;
}

export const LOONADMINISTRATIE_VERPLICHT_VANAF_DAGEN = 4;

export function controleerLoonafspraak(soort: ZokSoort, a: Loonafspraak): AfspraakProbleem[] {
  const problemen: AfspraakProbleem[] = [];
  if (!Number.isInteger(a.dagenPerWeek) || a.dagenPerWeek < 1 || a.dagenPerWeek > 7) {
    problemen.push({ veld: 'dagen_per_week', melding: `moet een geheel getal van 1 t/m 7 zijn (${a.dagenPerWeek})` });
    return problemen;
  }
  if (soort !== 'arbeidsovereenkomst') {
    if (a.loonadministratie) {
      problemen.push({ veld: 'loonadministratie', melding: `een ${soort === 'opdracht' ? 'overeenkomst van opdracht' : soort === 'familie' ? 'familieovereenkomst' : 'overeenkomst met een instelling'} gaat nooit via de loonadministratie; alleen een arbeidsovereenkomst` });
    }
  } else if (a.dagenPerWeek >= LOONADMINISTRATIE_VERPLICHT_VANAF_DAGEN && !a.loonadministratie) {
    problemen.push({ veld: 'loonadministratie', melding: `verplicht bij een arbeidsovereenkomst van ${LOONADMINISTRATIE_VERPLICHT_VANAF_DAGEN} of meer dagen per week (hier ${a.dagenPerWeek})` });
  }
  if (a.heffingskorting && !a.loonadministratie) {
    problemen.push({ veld: 'heffingskorting', melding: 'de loonheffingskorting kan alleen worden toegepast als het loon via de loonadministratie loopt' });
  }
  return problemen;
}

/** Whether the holder may choose (gross or net) for this agreement. */
export function keuzeMogelijk(soort: ZokSoort, dagenPerWeek: number): boolean {
  return soort === 'arbeidsovereenkomst' && dagenPerWeek < LOONADMINISTRATIE_VERPLICHT_VANAF_DAGEN;
}
