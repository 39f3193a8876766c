/**
 * The statutory minimum wage per hour by age, and the check that an agreed hourly wage is not
 * below it.
 *
 * The agreed wages in the care agreements INCLUDE 8% holiday pay (as in the model agreements). The
 * statutory minimum wage does not: the minimum holiday allowance of at least 8% comes on top of
 * it (Wet minimumloon en minimumvakantiebijslag, art. 15). So the part of the agreed wage that is
 * wage proper — agreed / 1.08 — must be at least the minimum; equivalently agreed ≥ minimum × 1.08.
 * The comparison is exact in integers (agreed × 100 ≥ minimum × 108): no rounding decides it.
 */
import type { Cents } from '../../../kernel/money.ts';
import { formatEurosNl } from '../../../kernel/money.ts';
import type { PlainDate } from '../../../kernel/dates.ts';
import { compareDates } from '../../../kernel/dates.ts';
import { ceilDiv, veilig } from './breuk.ts';
import { minimumloonPeriode, parametersFor, type Leeftijdsklasse } from './parameters.ts';

export class MinimumloonFout extends Error {}

function isSchrikkeljaar(jaar: number): boolean {
  return (jaar % 4 === 0 && jaar % 100 !== 0) || jaar % 400 === 0;
}

/**
 * Age in whole years on `datum`. Someone born on 29 February is taken to have their birthday on
 * 28 February in a common year (the conservative choice: the higher youth minimum applies a day
 * earlier rather than later).
 */
export function leeftijdOp(geboortedatum: PlainDate, datum: PlainDate): number {
  if (compareDates(datum, geboortedatum) < 0) throw new MinimumloonFout(`${datum} ligt vóór de geboortedatum`);
  const gj = Number(geboortedatum.slice(0, 4));
  const gm = Number(geboortedatum.slice(5, 7));
  let gd = Number(geboortedatum.slice(8, 10));
  const j = Number(datum.slice(0, 4));
  const m = Number(datum.slice(5, 7));
  const d = Number(datum.slice(8, 10));
  if (gm === 2 && gd === 29 && !isSchrikkeljaar(j)) gd = 28;
  let leeftijd = j - gj;
  if (m < gm || (m === gm && d < gd)) leeftijd--;
  return leeftijd;
}

/** The statutory minimum wage per hour (EXCLUDING holiday pay) on `datum` for an age in years. */
export function minimumUurloon(datum: PlainDate, leeftijd: number): Cents {
  if (!Number.isSafeInteger(leeftijd) || leeftijd < 15) {
    throw new MinimumloonFout(`geen wettelijk minimumloon vastgesteld voor een leeftijd van ${leeftijd} jaar`);
  }
  const klasse = Math.min(leeftijd, 21) as Leeftijdsklasse;
  return minimumloonPeriode(datum).perUur[klasse];
}

export interface MinimumloonInvoer {
  /** The agreed hourly wage, including holiday pay. */
  readonly uurloonInclVakantiegeld: Cents;
  readonly geboortedatum: PlainDate;
  /** The day on which the age and the minimum are taken (for a pay month: its last day). */
  readonly datum: PlainDate;
}

export type MinimumloonControle =
  | {
      readonly ok: true;
      readonly leeftijd: number;
      readonly minimumPerUur: Cents;
      /** The lowest agreed hourly wage including holiday pay that satisfies the minimum. */
      readonly minimumInclVakantiegeld: Cents;
      readonly teBevestigen: boolean;
    }
  | {
      readonly ok: false;
      readonly leeftijd: number;
      readonly minimumPerUur?: Cents;
      readonly minimumInclVakantiegeld?: Cents;
      readonly melding: string;
    };

/** Checks an agreed hourly wage (incl. holiday pay) against the minimum wage for the carer's age. */
export function controleerMinimumloon(invoer: MinimumloonInvoer): MinimumloonControle {
  const { uurloonInclVakantiegeld: uurloon, geboortedatum, datum } = invoer;
  veilig(uurloon);
  const leeftijd = leeftijdOp(geboortedatum, datum);
  if (leeftijd < 15) {
    return {
      ok: false,
      leeftijd,
      melding:
        `De zorgverlener is op ${datum} ${leeftijd} jaar; voor jonger dan 15 jaar is geen minimumjeugdloon ` +
        'vastgesteld. Beoordeel deze zorgovereenkomst handmatig.',
    };
  }
  const periode = minimumloonPeriode(datum);
  const minimum = minimumUurloon(datum, leeftijd);
  const vg = parametersFor(datum).vakantiegeld.percentage;
  // agreed / (1 + vg) ≥ minimum  ⇔  agreed × noemer ≥ minimum × (noemer + teller)
  const voldoet = veilig(uurloon * vg.noemer) >= veilig(minimum * (vg.noemer + vg.teller));
  const minimumIncl = ceilDiv(veilig(minimum * (vg.noemer + vg.teller)), vg.noemer) as Cents;
  if (voldoet) {
    return { ok: true, leeftijd, minimumPerUur: minimum, minimumInclVakantiegeld: minimumIncl, teBevestigen: periode.teBevestigen };
  }
  const leeftijdTekst = leeftijd >= 21 ? `${leeftijd} jaar (21 jaar of ouder)` : `${leeftijd} jaar`;
  return {
    ok: false,
    leeftijd,
    minimumPerUur: minimum,
    minimumInclVakantiegeld: minimumIncl,
    melding:
      `Het afgesproken uurloon van ${formatEurosNl(uurloon)} (inclusief ${vg.tekst}% vakantiegeld) ligt onder het ` +
      `wettelijk minimumloon: voor een zorgverlener van ${leeftijdTekst} is het minimum op ${datum} ` +
      `${formatEurosNl(minimum)} per uur exclusief vakantiegeld, dus ten minste ${formatEurosNl(minimumIncl)} ` +
      'per uur inclusief vakantiegeld.',
  };
}
