/**
 * A change (*mutatie*) that a holder or representative reports: a new address, account number,
 * representative, provider, a death, or something else. The back office handles it by hand; the
 * platform keeps the report, who made it, and how it was handled.
 */
import type { InputProblem } from '../../../kernel/errors.ts';
import { parseDate, type PlainDate } from '../../../kernel/dates.ts';

export const MUTATIE_SOORTEN = ['adres', 'iban', 'vertegenwoordiger', 'overlijden', 'zorgverlener', 'overig'] as const;
export type MutatieSoort = (typeof MUTATIE_SOORTEN)[number];

export interface MutatieInput {
  soort: string;
  omschrijving: string;
  ingangsdatum?: string | null;
}

export interface Mutatie {
  soort: MutatieSoort;
  omschrijving: string;
  ingangsdatum: PlainDate | null;
}

export const OMSCHRIJVING_MIN = 3;
export const OMSCHRIJVING_MAX = 2000;

/** Checks a report; every problem is named, as for a file line (`verzoek:1: column: message`). */
export function validateMutatie(input: MutatieInput, today: PlainDate): { mutatie: Mutatie } | { problems: InputProblem[] } {
  const problems: InputProblem[] = [];
  const problem = (column: string, message: string) => problems.push({ file: 'verzoek', line: 1, column, message });
  const soort = input.soort.trim();
  if (!(MUTATIE_SOORTEN as readonly string[]).includes(soort)) problem('soort', `'${soort}' is geen soort wijziging; kies uit ${MUTATIE_SOORTEN.join(', ')}`);
  const omschrijving = input.omschrijving.trim();
  if (omschrijving.length < OMSCHRIJVING_MIN) problem('omschrijving', 'beschrijf de wijziging (minstens 3 tekens)');
  else if (omschrijving.length > OMSCHRIJVING_MAX) problem('omschrijving', `te lang: hooguit ${OMSCHRIJVING_MAX} tekens`);
  const rawDate = input.ingangsdatum?.trim() || null;
  let ingangsdatum: PlainDate | null = null;
  if (rawDate !== null) {
    const d = parseDate(rawDate);
    if (!d) problem('ingangsdatum', `'${rawDate}' is geen geldige datum (JJJJ-MM-DD)`);
    else ingangsdatum = d;
  }
  if (soort === 'overlijden') {
    if (rawDate === null) problem('ingangsdatum', 'geef de datum van overlijden op');
    else if (ingangsdatum !== null && ingangsdatum > today) problem('ingangsdatum', 'een datum van overlijden kan niet in de toekomst liggen');
  }
  if (problems.length > 0) return { problems };
  return { mutatie: { soort: soort as MutatieSoort, omschrijving, ingangsdatum } };
}
