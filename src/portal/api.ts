/**
 * The portal's one way to the API: `fetch` with the session cookie, the CSRF token on every
 * change, an Idempotency-Key on every POST (so a retry never does a thing twice), and every error
 * as an `ApiFout` carrying the server's problem+json: its Dutch `detail` and the field errors,
 * which forms show next to their fields (`veldfouten`). A 401 on a signed-in session means the
 * session has expired: the app is told (`opSessieVerlopen`) and shows the sign-in page.
 */

/** The roles of the platform (src/server/route.ts ROLES). */
export type Rol = 'budgethouder' | 'vertegenwoordiger' | 'zorgverlener' | 'verstrekker' | 'verstrekker_systeem' | 'backoffice' | 'auditor';

export interface Principal {
  kind: 'gebruiker' | 'systeem';
  id: string;
  naam: string;
  rol: Rol;
  verstrekker: string | null;
  zorgverlener: string | null;
  budgethouders: number[];
}

export interface Sessie {
  principal: Principal;
  csrfToken: string | null;
  verlooptOp: string | null;
}

/** One item of a problem's `problems`: a request field (`in` + `path`) or a file line. */
export interface ProbleemItem {
  in?: 'body' | 'query' | 'params' | 'headers';
  path?: string;
  file?: string;
  line?: number;
  column?: string;
  message: string;
}

export interface Probleem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  problems?: ProbleemItem[];
}

export class ApiFout extends Error {
  readonly status: number;
  readonly probleem: Probleem;
  constructor(p: Probleem) {
    super(p.detail);
    this.name = 'ApiFout';
    this.status = p.status;
    this.probleem = p;
  }
  get code(): string {
    return this.probleem.code;
  }
  /** Field errors by field name (the last part of the path, or the column of a file line). */
  veldfouten(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const p of this.probleem.problems ?? []) {
      const key = veldnaam(p);
      if (!key) continue;
      out[key] = out[key] ? `${out[key]}; ${p.message}` : p.message;
    }
    return out;
  }
  /** Problems that belong to no field of the form (shown above it). */
  algemeen(velden: readonly string[]): string[] {
    return (this.probleem.problems ?? []).filter((p) => !velden.includes(veldnaam(p))).map((p) => p.message);
  }
}

/** A problem's field as the forms name it: `regels.0.tarief` (the server may write `regels[0].tarief`). */
export function veldnaam(p: ProbleemItem): string {
  return (p.path || p.column || '').replace(/\[(\d+)\]/g, '.$1');
}

let csrfToken: string | null = null;
let signedIn = false;
const expiryListeners = new Set<() => void>();

/** Called by the session context after sign-in or `GET /api/sessie`. */
export function zetSessie(s: Sessie | null): void {
  csrfToken = s?.csrfToken ?? null;
  signedIn = s !== null;
}

/** The app listens here: a request was refused because the session is no longer valid. */
export function opSessieVerlopen(f: () => void): () => void {
  expiryListeners.add(f);
  return () => expiryListeners.delete(f);
}

function nieuweSleutel(): string {
  return crypto.randomUUID();
}

export interface Opties {
  /** a fixed Idempotency-Key (a form keeps one per attempt so that a double submit counts once) */
  sleutel?: string;
  signal?: AbortSignal;
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

async function request<T>(method: string, pad: string, body?: unknown, o: Opties = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (WRITES.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (method === 'POST') headers['idempotency-key'] = o.sleutel ?? nieuweSleutel();
  let res: Response;
  try {
    res = await fetch(pad, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      ...(o.signal ? { signal: o.signal } : {}),
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiFout({ type: 'urn:pgb:probleem:netwerk', title: 'Geen verbinding', status: 0, code: 'NETWERK', detail: 'De server is niet bereikbaar. Controleer uw verbinding en probeer het opnieuw.' });
  }
  const type = res.headers.get('content-type') ?? '';
  if (!res.ok) {
    let p: Probleem;
    if (type.includes('json')) p = (await res.json()) as Probleem;
    else p = { type: 'about:blank', title: res.statusText, status: res.status, code: 'ONBEKEND', detail: `De server antwoordde ${res.status}. Probeer het later opnieuw.` };
    const fout = new ApiFout(p);
    if (res.status === 401 && p.code === 'NIET_INGELOGD' && signedIn) {
      signedIn = false;
      for (const f of expiryListeners) f();
    }
    throw fout;
  }
  if (res.status === 204) return undefined as T;
  if (type.includes('json')) return (await res.json()) as T;
  return (await res.text()) as T;
}

export const api = {
  get: <T>(pad: string, o?: Opties) => request<T>('GET', pad, undefined, o),
  post: <T>(pad: string, body?: unknown, o?: Opties) => request<T>('POST', pad, body ?? {}, o),
  delete: <T>(pad: string, o?: Opties) => request<T>('DELETE', pad, undefined, o),
};

/** A query string from the defined values of an object. */
export function query(q: Record<string, string | number | boolean | null | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** A message for any error, in Dutch. */
export function foutmelding(e: unknown): string {
  if (e instanceof ApiFout) return e.probleem.detail;
  return 'Er ging iets onverwachts mis. Probeer het opnieuw.';
}
