/**
 * The payslip of one carer for one month: gross wage, wage tax, net wage, the employer's premiums
 * charged to the budget on top of the gross wage, and the payable to the tax authority.
 *
 * Choices, each explained where it is made:
 * - The agreed wage includes 8% holiday pay: the gross is split into wage (100/108) and holiday
 *   pay (8/108, rounded to cents); the wage part is taxed with the white monthly table, the
 *   holiday-pay part with the special rate (bijzonder tarief).
 * - Zvw: the employer levy (werkgeversheffing), not the withheld contribution. The withheld
 *   contribution (4.85% in 2026) is for the cases where the employer does not owe the levy; for a
 *   carer employed by the budget holder the employer owes the levy. It is charged to the budget and
 *   never reduces the net wage.
 * - Aof: the low rate. It is for "small employers" (a wage bill under the threshold of the
 *   Regeling premiepercentages); a household paying one or a few carers is far below it.
 *   `aofHoog` exists for the exception.
 * - Ufo: only government employers pay it; a budget holder is not one, so it is nil unless
 *   `overheidswerkgever` is set.
 * - Whk: the employer's own rate comes from its Whk decision; without one the national average is
 *   used and footnoted.
 * - AWf: the low rate for a written contract for an indefinite period (not on call), otherwise
 *   the high rate.
 * - Carers working fewer than 4 days a week for the household (Regeling dienstverlening aan huis):
 *   before 2026 no employee-insurance premiums (AWf, Aof, Wko, Whk, Ufo); the Zvw levy stays. From
 *   2026 they are insured like other employees (parameter `kortewekeVerzekerd`).
 * - Premiums are capped at the maximum premium wage per month (per period, not cumulatively).
 */
import type { Cents, Quarters } from '../../../kernel/money.ts';
import { divRound, formatEurosNl, formatQuantity, lineAmount } from '../../../kernel/money.ts';
import type { PlainDate } from '../../../kernel/dates.ts';
import { compareDates, daysInMonth, monthNameNl, parseMonth } from '../../../kernel/dates.ts';
import { centenMaal, floorDiv, procentNl, veilig, type Percentage } from './breuk.ts';
import { bijzonderTariefLoonheffing, witteTabelLoonheffing, type BijzonderTariefUitkomst, type WitteTabelUitkomst } from './loonheffing.ts';
import { controleerMinimumloon, type MinimumloonControle } from './minimumloon.ts';
import { parametersFor } from './parameters.ts';

export class LoonstrookFout extends Error {}

/** The agreed wage for the month, always INCLUDING 8% holiday pay. */
export type LoonGrondslag =
  | {
      readonly soort: 'maandbedrag';
      readonly bedrag: Cents;
      /** Hours worked in the month, for the minimum-wage check (optional for a monthly amount). */
      readonly uren?: Quarters;
    }
  | { readonly soort: 'uren'; readonly uren: Quarters; readonly uurloon: Cents };

export interface LoonstrookInvoer {
  /** The pay month, `YYYY-MM`. */
  readonly maand: string;
  readonly loon: LoonGrondslag;
  readonly geboortedatum: PlainDate;
  /** Whether the carer chose the loonheffingskorting with this employer. */
  readonly heffingskorting: boolean;
  /** Days a week the carer works for this household (1–7). */
  readonly dagenPerWeek: number;
  /** Written contract for an indefinite period, not on call: AWf low rate. */
  readonly schriftelijkVastContract: boolean;
  /** Last calendar year's wage with this employer (selects the special-rate row). */
  readonly jaarloonVorigJaar?: Cents;
  /** Aof high rate (only for an employer above the small-employer threshold). */
  readonly aofHoog?: boolean;
  /** The employer's own Whk rate from its Whk decision; default the national average. */
  readonly whk?: Percentage;
  /** Government employer: pays Ufo. Default false. */
  readonly overheidswerkgever?: boolean;
}

export type RegelSoort = 'bruto' | 'informatief' | 'inhouding' | 'netto' | 'werkgever' | 'afdracht';

export interface LoonstrookRegel {
  readonly code: string;
  readonly omschrijving: string;
  readonly bedrag: Cents;
  readonly soort: RegelSoort;
}

export interface Werkgeverspremies {
  readonly awf: Cents;
  readonly aof: Cents;
  readonly wko: Cents;
  readonly ufo: Cents;
  readonly whk: Cents;
  readonly zvw: Cents;
}

export interface Loonstrook {
  readonly maand: string;
  /** The last day of the month: the date whose parameters apply. */
  readonly peildatum: PlainDate;
  readonly brutoloon: Cents;
  readonly basisloon: Cents;
  readonly vakantiegeld: Cents;
  readonly tabel: WitteTabelUitkomst;
  readonly bijzonder: BijzonderTariefUitkomst;
  readonly loonheffingTabel: Cents;
  readonly loonheffingBijzonder: Cents;
  readonly loonheffing: Cents;
  readonly nettoloon: Cents;
  readonly premieloon: Cents;
  readonly premies: Werkgeverspremies;
  readonly werkgeverspremies: Cents;
  /** Gross wage + employer premiums: what the month costs the budget. */
  readonly werkgeverslasten: Cents;
  /** Wage tax + employer premiums: the payable to the tax authority. */
  readonly afTeDragen: Cents;
  readonly verzekerdWerknemersverzekeringen: boolean;
  readonly aowLeeftijd: boolean;
  readonly minimumloon?: MinimumloonControle;
  readonly regels: readonly LoonstrookRegel[];
  readonly voetnoten: readonly string[];
  readonly waarschuwingen: readonly string[];
}

/** The date on which someone reaches `jaren` years and `maanden` months (29 Feb → 28 Feb). */
export function datumBereiken(geboortedatum: PlainDate, jaren: number, maanden: number): PlainDate {
  const totaalMaanden = Number(geboortedatum.slice(5, 7)) - 1 + maanden;
  const jaar = Number(geboortedatum.slice(0, 4)) + jaren + Math.floor(totaalMaanden / 12);
  const maand = (totaalMaanden % 12) + 1;
  const dag = Math.min(Number(geboortedatum.slice(8, 10)), daysInMonth(jaar, maand));
  return `${jaar}-${String(maand).padStart(2, '0')}-${String(dag).padStart(2, '0')}` as PlainDate;
}

const c = (n: number) => n as Cents;

export function berekenLoonstrook(invoer: LoonstrookInvoer): Loonstrook {
  const maand = parseMonth(invoer.maand);
  if (!maand) throw new LoonstrookFout(`geen geldige maand: ${invoer.maand}`);
  if (!Number.isInteger(invoer.dagenPerWeek) || invoer.dagenPerWeek < 1 || invoer.dagenPerWeek > 7) {
    throw new LoonstrookFout(`dagen per week moet 1 t/m 7 zijn: ${invoer.dagenPerWeek}`);
  }
  const peildatum = maand.last;
  const set = parametersFor(peildatum);
  const voetnoten: string[] = [];
  const waarschuwingen: string[] = [];
  const noot = (tekst: string) => {
    if (!voetnoten.includes(tekst)) voetnoten.push(tekst);
  };

  // --- Gross wage, split into wage and holiday pay -------------------------------------------
  let brutoloon: Cents;
  let brutoOmschrijving: string;
  const loon = invoer.loon;
  if (loon.soort === 'uren') {
    veilig(loon.uren);
    veilig(loon.uurloon);
    if (loon.uren < 0 || loon.uurloon < 0) throw new LoonstrookFout('negatieve uren of negatief uurloon');
    brutoloon = lineAmount(loon.uren, loon.uurloon);
    brutoOmschrijving = `Brutoloon (${formatQuantity(loon.uren)} uur × ${formatEurosNl(loon.uurloon)}, inclusief vakantiegeld)`;
  } else {
    veilig(loon.bedrag);
    if (loon.bedrag < 0) throw new LoonstrookFout('negatief maandbedrag');
    brutoloon = loon.bedrag;
    brutoOmschrijving = 'Brutoloon (maandbedrag, inclusief vakantiegeld)';
  }
  const vg = set.vakantiegeld.percentage;
  // holiday pay = gross × 8/108, rounded to cents half away from zero (kernel rule)
  const vakantiegeld = c(divRound(veilig(brutoloon * vg.teller), vg.noemer + vg.teller));
  const basisloon = c(brutoloon - vakantiegeld);

  // --- State-pension age -------------------------------------------------------------------
  const aowDatum = datumBereiken(invoer.geboortedatum, set.aowLeeftijd.jaren, set.aowLeeftijd.maanden);
  // The AOW column of the tax method applies from the first day of the month in which the AOW
  // age is reached, so for the whole month if it is reached on or before the month's last day.
  const aowLeeftijd = compareDates(aowDatum, peildatum) <= 0;
  // Employee insurance ends on the day AOW age is reached. In that month the premiums are still
  // charged on the whole month (not pro rata: footnoted); from the next month they stop.
  const aowVoorDezeMaand = compareDates(aowDatum, maand.first) <= 0;
  const geborenVoor1946 = Number(invoer.geboortedatum.slice(0, 4)) <= 1945;
  if (aowLeeftijd && !aowVoorDezeMaand) {
    noot(
      'De zorgverlener bereikt deze maand de AOW-leeftijd: loonheffing met de AOW-kolom over de hele maand; premies ' +
        'werknemersverzekeringen nog over de hele maand berekend (niet naar rato tot de AOW-datum).',
    );
  }

  // --- Wage tax --------------------------------------------------------------------------------
  const tabel = witteTabelLoonheffing({
    periodeloon: basisloon,
    tijdvak: 'maand',
    datum: peildatum,
    heffingskorting: invoer.heffingskorting,
    aowLeeftijd,
    geborenVoor1946,
  });
  tabel.opmerkingen.forEach(noot);

  const jaarloon = invoer.jaarloonVorigJaar ?? c(veilig(brutoloon * 12));
  const bijzonder = bijzonderTariefLoonheffing({
    bedrag: vakantiegeld,
    jaarloon,
    datum: peildatum,
    heffingskorting: invoer.heffingskorting,
    aowLeeftijd,
    geborenVoor1946,
  });
  if (vakantiegeld > 0) {
    bijzonder.opmerkingen.forEach(noot);
    if (invoer.jaarloonVorigJaar === undefined) {
      noot(
        'Jaarloon voor het bijzonder tarief geschat als 12 × het brutoloon van deze maand (inclusief vakantiegeld), ' +
          'omdat geen jaarloon van vorig jaar is opgegeven.',
      );
    }
  }
  const loonheffing = c(tabel.loonheffing + bijzonder.loonheffing);
  const nettoloon = c(brutoloon - loonheffing);

  // --- Employer premiums -----------------------------------------------------------------------
  const pr = set.premies;
  const premieloon = c(Math.min(brutoloon, pr.maximumPremieloon.maand));
  if (brutoloon > pr.maximumPremieloon.maand) {
    noot(
      `Premies berekend over ten hoogste het maximumpremieloon van ${formatEurosNl(pr.maximumPremieloon.maand)} per maand ` +
        '(per tijdvak, niet cumulatief over het jaar).',
    );
  }
  const kortewerkweek = invoer.dagenPerWeek < 4;
  const verzekerd = (!kortewerkweek || set.kortewekeVerzekerd.waarde) && !aowVoorDezeMaand;
  if (kortewerkweek && !set.kortewekeVerzekerd.waarde) {
    noot(
      `Minder dan 4 dagen per week voor dit huishouden in ${peildatum.slice(0, 4)} (Regeling dienstverlening aan huis): ` +
        'geen premies werknemersverzekeringen; de werkgeversheffing Zvw is wel berekend.',
    );
  }
  if (kortewerkweek && set.kortewekeVerzekerd.waarde) {
    noot(
      'Minder dan 4 dagen per week: vanaf 1 januari 2026 verzekerd voor de werknemersverzekeringen (wetsvoorstel 36 744, ' +
        'Wet aanpassing Regeling dienstverlening aan huis; publicatie nog niet gevonden, zo nodig met terugwerkende kracht).',
    );
  }
  if (aowVoorDezeMaand) {
    noot('AOW-leeftijd bereikt: geen premies werknemersverzekeringen; de werkgeversheffing Zvw is wel berekend.');
  }

  const awfTarief = invoer.schriftelijkVastContract ? pr.awf.laag : pr.awf.hoog;
  const aofTarief = invoer.aofHoog ? pr.aof.hoog : pr.aof.laag;
  const whkTarief = invoer.whk ?? pr.whkGemiddeld;
  const ufoTarief = pr.ufo;
  const premie = (t: Percentage, aan: boolean) => c(aan ? centenMaal(premieloon, t) : 0);
  const premies: Werkgeverspremies = {
    awf: premie(awfTarief, verzekerd),
    aof: premie(aofTarief, verzekerd),
    wko: premie(pr.wko, verzekerd),
    ufo: premie(ufoTarief, verzekerd && invoer.overheidswerkgever === true),
    whk: premie(whkTarief, verzekerd),
    // The Zvw levy is due whether or not the carer is insured for the employee insurances.
    zvw: premie(pr.zvwWerkgeversheffing, true),
  };
  if (verzekerd && invoer.whk === undefined) {
    noot(
      `Premie Whk: landelijk gemiddelde premie van ${procentNl(pr.whkGemiddeld)} gebruikt; de eigen premie volgt uit de ` +
        'Whk-beschikking van de werkgever.',
    );
  }
  const werkgeverspremies = c(premies.awf + premies.aof + premies.wko + premies.ufo + premies.whk + premies.zvw);
  const werkgeverslasten = c(brutoloon + werkgeverspremies);
  const afTeDragen = c(loonheffing + werkgeverspremies);

  // --- Minimum wage ----------------------------------------------------------------------------
  // Checked on the month's last day: the carer's highest age in the month, i.e. the higher youth
  // minimum when a birthday falls in the month (conservative; the exact rule is per day).
  let minimumloon: MinimumloonControle | undefined;
  let uurloon: Cents | undefined;
  if (loon.soort === 'uren') uurloon = loon.uurloon;
  else if (loon.uren !== undefined && loon.uren > 0) {
    // monthly amount / hours, rounded DOWN to cents: never makes a too-low wage pass
    uurloon = c(floorDiv(veilig(loon.bedrag * 4), loon.uren));
  }
  if (uurloon !== undefined) {
    minimumloon = controleerMinimumloon({ uurloonInclVakantiegeld: uurloon, geboortedatum: invoer.geboortedatum, datum: peildatum });
    if (!minimumloon.ok) waarschuwingen.push(minimumloon.melding);
    else if (minimumloon.teBevestigen) {
      noot(`Minimumloon van ${monthNameNl(peildatum.slice(0, 7))} nog te bevestigen tegen de gepubliceerde bedragen.`);
    }
  } else {
    noot('Minimumloon niet gecontroleerd: bij een maandbedrag zonder gewerkte uren is het uurloon onbekend.');
  }

  // --- Payslip lines ---------------------------------------------------------------------------
  const regels: LoonstrookRegel[] = [];
  const regel = (code: string, omschrijving: string, bedrag: Cents, soort: RegelSoort) =>
    regels.push({ code, omschrijving, bedrag, soort });
  regel('bruto', brutoOmschrijving, brutoloon, 'bruto');
  regel('basisloon', 'waarvan loon', basisloon, 'informatief');
  regel('vakantiegeld', `waarvan vakantiegeld (${vg.teller}/${vg.noemer + vg.teller} van het brutoloon)`, vakantiegeld, 'informatief');
  regel(
    'loonheffing-tabel',
    `Loonheffing witte maandtabel${aowLeeftijd ? ' (AOW-leeftijd)' : ''} over ${formatEurosNl(basisloon)} ` +
      `(tabelloon ${formatEurosNl(tabel.tabelloon)}, ${invoer.heffingskorting ? 'met' : 'zonder'} loonheffingskorting)`,
    tabel.loonheffing,
    'inhouding',
  );
  // the credits are applied in the white-table tax: they stand right under it
  if (invoer.heffingskorting) {
    regel('ahk', 'waarvan verrekend: algemene heffingskorting', tabel.algemeneHeffingskorting, 'informatief');
    regel('ark', 'waarvan verrekend: arbeidskorting', tabel.arbeidskorting, 'informatief');
    if (aowLeeftijd) regel('ouk', 'waarvan verrekend: ouderenkorting', tabel.ouderenkorting, 'informatief');
  }
  regel(
    'loonheffing-bijzonder',
    `Loonheffing bijzonder tarief over vakantiegeld (${procentNl(bijzonder.percentage)}${bijzonder.benadering ? ', benadering' : ''})`,
    bijzonder.loonheffing,
    'inhouding',
  );
  regel('loonheffing', 'Totaal loonheffing', loonheffing, 'inhouding');
  regel('netto', 'Nettoloon', nettoloon, 'netto');
  if (verzekerd) {
    regel('awf', `Premie WW, Algemeen Werkloosheidsfonds (${invoer.schriftelijkVastContract ? 'laag' : 'hoog'} tarief ${procentNl(awfTarief)})`, premies.awf, 'werkgever');
    regel('aof', `Premie WIA, basispremie Aof (${invoer.aofHoog ? 'hoog' : 'laag'} tarief ${procentNl(aofTarief)})`, premies.aof, 'werkgever');
    regel('wko', `Werkgeversbijdrage kinderopvang, Wko (${procentNl(pr.wko)})`, premies.wko, 'werkgever');
    if (premies.ufo > 0) regel('ufo', `Premie Uitvoeringsfonds voor de overheid, Ufo (${procentNl(ufoTarief)})`, premies.ufo, 'werkgever');
    regel('whk', `Premie Werkhervattingskas, Whk (${procentNl(whkTarief)})`, premies.whk, 'werkgever');
  }
  regel('zvw', `Werkgeversheffing Zvw (${procentNl(pr.zvwWerkgeversheffing)})`, premies.zvw, 'werkgever');
  regel('werkgeverslasten', 'Werkgeverslasten ten laste van het budget (brutoloon + premies)', werkgeverslasten, 'werkgever');
  regel('afdracht', 'Af te dragen aan de Belastingdienst (loonheffing + premies)', afTeDragen, 'afdracht');

  return {
    maand: invoer.maand,
    peildatum,
    brutoloon,
    basisloon,
    vakantiegeld,
    tabel,
    bijzonder,
    loonheffingTabel: tabel.loonheffing,
    loonheffingBijzonder: bijzonder.loonheffing,
    loonheffing,
    nettoloon,
    premieloon,
    premies,
    werkgeverspremies,
    werkgeverslasten,
    afTeDragen,
    verzekerdWerknemersverzekeringen: verzekerd,
    aowLeeftijd,
    minimumloon,
    regels,
    voetnoten,
    waarschuwingen,
  };
}
