import { useCallback, useEffect, useState } from 'react';
import { foutmelding } from '../api.ts';
import { Alert } from './Alert.tsx';
import { Button } from './Button.tsx';

export interface Data<T> {
  data: T | undefined;
  fout: unknown;
  laden: boolean;
  /** load again (after an action changed what is shown) */
  opnieuw: () => void;
}

/** Loads data for a page; loads again when a dependency changes. */
export function useData<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[]): Data<T> {
  const [data, setData] = useState<T>();
  const [fout, setFout] = useState<unknown>(null);
  const [laden, setLaden] = useState(true);
  const [teller, setTeller] = useState(0);
  const opnieuw = useCallback(() => setTeller((n) => n + 1), []);
  useEffect(() => {
    const ac = new AbortController();
    setLaden(true);
    load(ac.signal).then(
      (d) => {
        if (ac.signal.aborted) return;
        setData(d);
        setFout(null);
        setLaden(false);
      },
      (e: unknown) => {
        if (ac.signal.aborted) return;
        setFout(e);
        setLaden(false);
      },
    );
    return () => ac.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, teller]);
  return { data, fout, laden, opnieuw };
}

export function Laden({ wat = 'gegevens' }: { wat?: string }) {
  return (
    <p className="utrecht-paragraph pgb-laden" role="status">
      Bezig met laden van {wat}…
    </p>
  );
}

export function Fout({ fout, opnieuw }: { fout: unknown; opnieuw?: () => void }) {
  return (
    <Alert type="error" titel="Dit kon niet worden geladen">
      <p className="utrecht-paragraph">{foutmelding(fout)}</p>
      {opnieuw && <Button onClick={opnieuw}>Opnieuw proberen</Button>}
    </Alert>
  );
}
