/**
 * Errors as `application/problem+json` (RFC 9457), mapped in this one place: the platform's
 * `AppError` codes, `NotFoundError` from route handlers, request validation (zod), the HTTP
 * layer's own refusals (`HttpProblem`) and anything unexpected. Every problem has a stable `code`
 * and a Dutch `detail` that says what to do.
 */
import { z } from 'zod';
import { AppError, type ErrorCode } from '../kernel/errors.ts';
import { NotFoundError } from './route.ts';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/** The codes of the HTTP layer, beside the platform's own (`ErrorCode`). */
export type HttpCode =
  | 'NIET_INGELOGD'
  | 'INLOGGEN_MISLUKT'
  | 'CSRF_ONGELDIG'
  | 'TE_VEEL_POGINGEN'
  | 'IDEMPOTENTIE_ANDERE_INHOUD'
  | 'IDEMPOTENTIE_IN_BEHANDELING'
  | 'TE_GROOT'
  | 'MEDIATYPE_ONBEKEND'
  | 'VERZOEK_ONGELDIG'
  | 'INTERNE_FOUT';

export type ProblemCode = ErrorCode | HttpCode;

/** Per code: the HTTP status, a short title and what the caller should do. */
export const PROBLEM_CODES: Record<ProblemCode, { status: number; title: string; advice: string }> = {
  INVOER_ONGELDIG: { status: 400, title: 'Ongeldige invoer', advice: 'Herstel de genoemde onderdelen en stuur het verzoek opnieuw; er is niets opgeslagen.' },
  NIET_GEVONDEN: { status: 404, title: 'Niet gevonden', advice: 'Controleer het adres en de gegevens; u ziet alleen wat u aangaat.' },
  CONFLICT: { status: 409, title: 'Conflict', advice: 'Bekijk de huidige stand en stuur het verzoek zo nodig opnieuw met een nieuwe id.' },
  CONFIGURATIE: { status: 500, title: 'Instelling ontbreekt', advice: 'Een instelling van de server ontbreekt of klopt niet; neem contact op met de beheerder.' },
  NIET_INGELOGD: { status: 401, title: 'Niet ingelogd', advice: 'Log in (POST /api/sessie, of via /api/oidc/login) of stuur een geldige API-sleutel mee, en probeer het opnieuw.' },
  INLOGGEN_MISLUKT: { status: 401, title: 'Inloggen mislukt', advice: 'Controleer uw gegevens en probeer het opnieuw; na 5 mislukte pogingen moet u 15 minuten wachten.' },
  CSRF_ONGELDIG: { status: 403, title: 'CSRF-token ontbreekt of klopt niet', advice: 'Stuur de kop X-CSRF-Token mee met de waarde csrfToken uit GET /api/sessie.' },
  TE_VEEL_POGINGEN: { status: 429, title: 'Te veel pogingen', advice: 'Wacht het aantal seconden van Retry-After en probeer het dan opnieuw.' },
  IDEMPOTENTIE_ANDERE_INHOUD: { status: 422, title: 'Idempotency-Key al gebruikt', advice: 'Gebruik voor een ander verzoek een nieuwe Idempotency-Key.' },
  IDEMPOTENTIE_IN_BEHANDELING: { status: 409, title: 'Verzoek nog in behandeling', advice: 'Wacht even en stuur hetzelfde verzoek met dezelfde Idempotency-Key opnieuw.' },
  TE_GROOT: { status: 413, title: 'Verzoek te groot', advice: 'Verstuur minder gegevens per verzoek (CSV en XML tot 50 MB, JSON tot 1 MB).' },
  MEDIATYPE_ONBEKEND: { status: 415, title: 'Onbekend mediatype', advice: 'Stuur de inhoud met het Content-Type dat deze route verwacht (zie /api/docs).' },
  VERZOEK_ONGELDIG: { status: 400, title: 'Ongeldig verzoek', advice: 'Controleer het verzoek aan de hand van /api/docs en stuur het opnieuw.' },
  INTERNE_FOUT: { status: 500, title: 'Interne fout', advice: 'Er ging iets mis aan onze kant; probeer het later opnieuw of neem contact op met de beheerder.' },
};

/** One thing wrong in the input: a request field (`in` + `path`) or a file line (`file`, `line`, `column`). */
export const ProblemItemSchema = z.object({
  in: z.enum(['body', 'query', 'params', 'headers']).optional(),
  path: z.string().optional(),
  file: z.string().optional(),
  line: z.number().int().optional(),
  column: z.string().optional(),
  message: z.string(),
});

export const ProblemSchema = z.object({
  type: z.string().describe('urn:pgb:probleem:<code>'),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().describe('wat er mis is en wat u kunt doen'),
  code: z.string().describe('stabiele code, zie docs/api.md'),
  instance: z.string().optional(),
  problems: z.array(ProblemItemSchema).optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;
export type ProblemItem = z.infer<typeof ProblemItemSchema>;

/** A refusal by the HTTP layer (or a handler) with its own code, status and headers. */
export class HttpProblem extends Error {
  readonly code: ProblemCode;
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly problems: ProblemItem[] | undefined;
  constructor(code: ProblemCode, detail: string, opts: { headers?: Record<string, string>; problems?: ProblemItem[] } = {}) {
    super(detail);
    this.name = 'HttpProblem';
    this.code = code;
    this.status = PROBLEM_CODES[code].status;
    this.headers = opts.headers ?? {};
    this.problems = opts.problems;
  }
}

export function problemBody(code: ProblemCode, message: string, instance?: string, problems?: ProblemItem[]): Problem {
  const { status, title, advice } = PROBLEM_CODES[code];
  const m = message.trim();
  const detail = m ? `${m.charAt(0).toUpperCase()}${m.slice(1)}${/[.!?]$/.test(m) ? '' : '.'} ${advice}` : advice;
  return { type: `urn:pgb:probleem:${code.toLowerCase()}`, title, status, detail, code, ...(instance ? { instance } : {}), ...(problems && problems.length > 0 ? { problems } : {}) };
}

/** What the validator compiler reports per zod issue (fastify keeps it as `error.validation`). */
export interface ValidationItem {
  instancePath: string;
  message: string;
  keyword: string;
  schemaPath: string;
  params: Record<string, unknown>;
}

const CONTEXTS: Record<string, ProblemItem['in']> = { body: 'body', querystring: 'query', params: 'params', headers: 'headers' };

/** Maps any error to a problem: its status, body and extra headers. `unexpected` is true for what must be logged as an error. */
export function problemFor(err: unknown, instance: string): { body: Problem; headers: Record<string, string>; unexpected: boolean } {
  if (err instanceof HttpProblem) return { body: problemBody(err.code, err.message, instance, err.problems), headers: err.headers, unexpected: false };
  if (err instanceof NotFoundError) return { body: problemBody('NIET_GEVONDEN', err.message, instance), headers: {}, unexpected: false };
  if (err instanceof AppError) {
    const problems = err.problems.map((p) => ({ file: p.file, line: p.line, column: p.column, message: p.message }));
    return { body: problemBody(err.code, err.message, instance, problems), headers: {}, unexpected: err.code === 'CONFIGURATIE' };
  }
  const e = err as { validation?: ValidationItem[]; validationContext?: string; statusCode?: number; code?: string; message?: string };
  if (Array.isArray(e.validation)) {
    const where = CONTEXTS[e.validationContext ?? ''] ?? 'body';
    const problems = e.validation.map((v) => ({ in: where, path: v.instancePath.replace(/^\//, '').replaceAll('/', '.'), message: v.message }));
    const summary = problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; ');
    return { body: problemBody('INVOER_ONGELDIG', `het verzoek klopt niet (${where}): ${summary}`, instance, problems), headers: {}, unexpected: false };
  }
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { body: problemBody('TE_GROOT', 'de inhoud van het verzoek is te groot', instance), headers: {}, unexpected: false };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { body: problemBody('MEDIATYPE_ONBEKEND', 'dit Content-Type wordt niet ondersteund', instance), headers: {}, unexpected: false };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { body: problemBody('INVOER_ONGELDIG', 'de inhoud is geen geldige JSON', instance), headers: {}, unexpected: false };
  }
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return { body: { ...problemBody('VERZOEK_ONGELDIG', '', instance), status: e.statusCode }, headers: {}, unexpected: false };
  }
  return { body: problemBody('INTERNE_FOUT', '', instance), headers: {}, unexpected: true };
}
