/**
 * Who is signed in, for the whole app: loaded once from GET /api/sessie, set by signing in
 * (POST /api/sessie), cleared by signing out (DELETE /api/sessie) or when the API says the
 * session has expired (api.ts `opSessieVerlopen`), after which the sign-in page says so.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiFout, opSessieVerlopen, zetSessie, type Principal, type Sessie } from './api.ts';

interface SessieContext {
  /** undefined while loading, null when nobody is signed in */
  sessie: Sessie | null | undefined;
  /** true when the last session ended because it expired (not by signing out) */
  verlopen: boolean;
  /** true right after signing out in this tab */
  uitgelogd: boolean;
  inloggen: (gebruikersnaam: string, wachtwoord: string) => Promise<Sessie>;
  uitloggen: () => Promise<void>;
}

const Ctx = createContext<SessieContext | null>(null);

/** Remembered in this tab, so that a reload after the session expired says so. */
const WAS_INGELOGD = 'pgb-ingelogd';
function onthoud(ingelogd: boolean): void {
  try {
    if (ingelogd) sessionStorage.setItem(WAS_INGELOGD, '1');
    else sessionStorage.removeItem(WAS_INGELOGD);
  } catch {
    // storage may be unavailable; the message after a reload is then the plain sign-in page
  }
}
function wasIngelogd(): boolean {
  try {
    return sessionStorage.getItem(WAS_INGELOGD) === '1';
  } catch {
    return false;
  }
}

export function SessieProvider({ children }: { children: ReactNode }) {
  const [sessie, setSessie] = useState<Sessie | null | undefined>(undefined);
  const [verlopen, setVerlopen] = useState(false);
  const [uitgelogd, setUitgelogd] = useState(false);

  const zet = useCallback((s: Sessie | null) => {
    zetSessie(s);
    setSessie(s);
  }, []);

  useEffect(() => {
    let actief = true;
    api.get<Sessie>('/api/sessie').then(
      (s) => actief && zet(s),
      (e: unknown) => {
        if (!actief) return;
        if (!(e instanceof ApiFout) || (e.status !== 401 && e.status !== 404)) console.error(e);
        if (wasIngelogd()) setVerlopen(true);
        onthoud(false);
        zet(null);
      },
    );
    return () => {
      actief = false;
    };
  }, [zet]);

  useEffect(
    () =>
      opSessieVerlopen(() => {
        setVerlopen(true);
        onthoud(false);
        zet(null);
      }),
    [zet],
  );

  const inloggen = useCallback(
    async (gebruikersnaam: string, wachtwoord: string) => {
      const s = await api.post<Sessie>('/api/sessie', { gebruikersnaam, wachtwoord });
      setVerlopen(false);
      setUitgelogd(false);
      onthoud(true);
      zet(s);
      return s;
    },
    [zet],
  );

  const uitloggen = useCallback(async () => {
    try {
      await api.delete('/api/sessie');
    } finally {
      setVerlopen(false);
      setUitgelogd(true);
      onthoud(false);
      zet(null);
    }
  }, [zet]);

  const value = useMemo(() => ({ sessie, verlopen, uitgelogd, inloggen, uitloggen }), [sessie, verlopen, uitgelogd, inloggen, uitloggen]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useSessie(): SessieContext {
  const c = useContext(Ctx);
  if (!c) throw new Error('useSessie buiten SessieProvider');
  return c;
}

/** The signed-in principal, in a page behind the sign-in guard. */
export function usePrincipal(): Principal {
  const { sessie } = useSessie();
  if (!sessie) throw new Error('usePrincipal zonder sessie: de pagina staat niet achter de inlogbewaking');
  return sessie.principal;
}
