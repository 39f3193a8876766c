/**
 * Setting the scene for a browser test through the real API, as the people who would do it (a
 * holder drafts and shares an agreement, a provider signs it), so that a page has something to
 * show: plain HTTP with a session cookie and the CSRF token, as the portal itself sends.
 */
import assert from 'node:assert/strict';
import { DEMO_PASSWORD, type Portal } from './portal.ts';

export interface Caller {
  get<T = any>(path: string): Promise<T>;
  post<T = any>(path: string, body: unknown): Promise<T>;
}

export async function signedIn(portal: Portal, gebruikersnaam: string, wachtwoord = DEMO_PASSWORD): Promise<Caller> {
  const r = await fetch(`${portal.baseUrl}/api/sessie`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ gebruikersnaam, wachtwoord }) });
  assert.equal(r.status, 200, `inloggen als ${gebruikersnaam}: ${await r.clone().text()}`);
  const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await r.json()) as { csrfToken: string };
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${portal.baseUrl}${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    assert.ok(res.ok, `${method} ${path} als ${gebruikersnaam}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  return { get: (p) => call('GET', p), post: (p, b) => call('POST', p, b) };
}

/**
 * An agreement awaiting the funder (status `ingediend`): drafted and shared by the holder, signed
 * by the provider, each through the API with their own session.
 */
export async function agreementAwaitingFunder(
  portal: Portal,
  o: { holder: string; provider: string; zorgverlenerId: string; wet: string; tarief: string; ingangsdatum: string; soort?: string },
): Promise<string> {
  const holder = await signedIn(portal, o.holder);
  const draft = await holder.post<{ zorgovereenkomst_id: string }>('/api/zorgovereenkomsten', {
    zorgverlener_id: o.zorgverlenerId,
    wet: o.wet,
    soort: o.soort ?? 'opdracht',
    ingangsdatum: o.ingangsdatum,
    eenheid: 'uur',
    tarief: o.tarief,
  });
  await holder.post(`/api/zorgovereenkomsten/${draft.zorgovereenkomst_id}/delen`, {});
  const provider = await signedIn(portal, o.provider);
  await provider.post(`/api/zorgovereenkomsten/${draft.zorgovereenkomst_id}/ondertekenen`, {});
  return draft.zorgovereenkomst_id;
}
