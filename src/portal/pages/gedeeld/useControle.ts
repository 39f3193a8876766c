import { useEffect, useRef, useState } from 'react';
import { api } from '../../api.ts';

/**
 * Asks a check route (…/controle) about a form's content while the person types: at most one
 * request at a time, 500 ms after the last change; an answer to older content is thrown away.
 */
export function useControle<B, R>(pad: string, body: B | null): { uitkomst: R | null; bezig: boolean } {
  const [uitkomst, setUitkomst] = useState<R | null>(null);
  const [bezig, setBezig] = useState(false);
  const teller = useRef(0);
  const json = body === null ? null : JSON.stringify(body);
  useEffect(() => {
    if (json === null) {
      setUitkomst(null);
      return;
    }
    const n = ++teller.current;
    const ac = new AbortController();
    const t = setTimeout(() => {
      setBezig(true);
      api.post<R>(pad, JSON.parse(json), { signal: ac.signal }).then(
        (r) => {
          if (n !== teller.current) return;
          setUitkomst(r);
          setBezig(false);
        },
        () => {
          if (n !== teller.current) return;
          setUitkomst(null);
          setBezig(false);
        },
      );
    }, 500);
    return () => {
      clearTimeout(t);
      ac.abort();
    };
  }, [pad, json]);
  return { uitkomst, bezig };
}
