/**
 * Sending and fetching files, beside api.ts (which speaks JSON): a bank statement (camt.053 XML)
 * goes to the API as the body with its own Content-Type, with the session's CSRF token (asked
 * from GET /api/sessie, so this file needs nothing of api.ts's insides) and an Idempotency-Key.
 * Errors come back as the same ApiFout as every other request.
 */
import { api, ApiFout, type Probleem, type Sessie } from './api.ts';

export async function verstuurBestand<T>(pad: string, inhoud: string, contentType: 'application/xml' | 'text/csv'): Promise<T> {
  const s = await api.get<Sessie>('/api/sessie');
  const res = await fetch(pad, {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      accept: 'application/json, application/problem+json',
      'content-type': contentType,
      'idempotency-key': crypto.randomUUID(),
      ...(s.csrfToken ? { 'x-csrf-token': s.csrfToken } : {}),
    },
    body: inhoud,
  });
  const type = res.headers.get('content-type') ?? '';
  if (!res.ok) {
    const p: Probleem = type.includes('json')
      ? ((await res.json()) as Probleem)
      : { type: 'about:blank', title: res.statusText, status: res.status, code: 'ONBEKEND', detail: `De server antwoordde ${res.status}. Probeer het later opnieuw.` };
    throw new ApiFout(p);
  }
  return (await res.json()) as T;
}
