/**
 * The closed list of error codes. Each is thrown in one kind of situation and tells the caller what
 * to do; the CLI prints the message, the API maps the code to a status in one place.
 */
export const ERROR_CODES = {
  INVOER_ONGELDIG: 'The input (a file, a request) breaks its format; nothing was written. Fix the lines named and send it again.',
  NIET_GEVONDEN: 'What was asked for does not exist, or the caller may not see it.',
  CONFLICT: 'The same id arrived before with other content, or the state changed meanwhile. Check and send again with a new id.',
  CONFIGURATIE: 'A setting is missing or invalid. Fix the configuration and start again.',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** One problem in an input: `file:line: column: what is wrong`. */
export interface InputProblem {
  file: string;
  line: number;
  column: string;
  message: string;
}

export function formatProblem(p: InputProblem): string {
  return `${p.file}:${p.line}: ${p.column}: ${p.message}`;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly problems: readonly InputProblem[];
  constructor(code: ErrorCode, message: string, problems: readonly InputProblem[] = []) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.problems = problems;
  }
}

export class InputError extends AppError {
  constructor(problems: readonly InputProblem[], message = `${problems.length} fout(en) in de invoer; er is niets opgeslagen`) {
    super('INVOER_ONGELDIG', message, problems);
  }
}
