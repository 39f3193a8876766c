/**
 * For whom the person in Mijn PGB acts: a holder acts for themselves; a representative
 * (vertegenwoordiger) acts for one or more holders and switches between them in the page header.
 * The choice is kept in this tab (sessionStorage) and every page of Mijn PGB asks the API for the
 * chosen holder (`budgethouder_id`).
 */
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api } from '../../api.ts';
import { usePrincipal } from '../../sessie.tsx';
import { FormField, Laden, Select } from '../../components/index.ts';
import type { Budgethouder } from '../gedeeld/types.ts';

interface HouderKeuze {
  /** the chosen holder's id */
  id: number;
  naam: string | null;
  clientnummer: number | null;
  /** every holder the person acts for, with names once loaded */
  houders: { id: number; naam: string | null; clientnummer: number | null }[];
  kies: (id: number) => void;
  /** true for a representative (who then speaks of "the holder", not "you") */
  vertegenwoordiger: boolean;
}

const Ctx = createContext<HouderKeuze | null>(null);
const KEUZE = 'pgb-budgethouder';

export function HouderOmgeving({ children }: { children: ReactNode }) {
  const p = usePrincipal();
  const ids = p.budgethouders;
  const [gekozen, setGekozen] = useState<number>(() => {
    const bewaard = Number(sessionStorage.getItem(KEUZE));
    return ids.includes(bewaard) ? bewaard : ids[0]!;
  });
  const [namen, setNamen] = useState<Record<number, { naam: string; clientnummer: number }>>({});
  useEffect(() => {
    let actief = true;
    Promise.all(ids.map((id) => api.get<Budgethouder>(`/api/budgethouders/${id}`).then((h) => [id, { naam: h.naam, clientnummer: h.clientnummer }] as const))).then(
      (rows) => actief && setNamen(Object.fromEntries(rows)),
      () => {},
    );
    return () => {
      actief = false;
    };
  }, [ids.join(',')]);
  const value = useMemo<HouderKeuze>(
    () => ({
      id: gekozen,
      naam: namen[gekozen]?.naam ?? null,
      clientnummer: namen[gekozen]?.clientnummer ?? null,
      houders: ids.map((id) => ({ id, naam: namen[id]?.naam ?? null, clientnummer: namen[id]?.clientnummer ?? null })),
      kies: (id: number) => {
        sessionStorage.setItem(KEUZE, String(id));
        setGekozen(id);
      },
      vertegenwoordiger: p.rol === 'vertegenwoordiger',
    }),
    [gekozen, namen, ids.join(','), p.rol],
  );
  if (ids.length === 0) return <p className="utrecht-paragraph">Aan dit account is geen budgethouder gekoppeld. Neem contact op met het betaalbureau.</p>;
  // the pages filter by the holder's client number: wait until it is known
  if (!namen[gekozen]) return <Laden wat="de gegevens van de budgethouder" />;
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useHouder(): HouderKeuze {
  const c = useContext(Ctx);
  if (!c) throw new Error('useHouder buiten HouderOmgeving');
  return c;
}

/** In the page header: for whom one acts; a representative chooses here. */
export function HouderKeuzeKop() {
  const h = useHouder();
  if (!h.vertegenwoordiger && h.houders.length <= 1) return null;
  return (
    <div className="pgb-kop__keuze">
      <FormField id="houder-keuze" label="U handelt voor" required className="pgb-houderkeuze">
        {(aria) => (
          <Select
            {...aria}
            value={String(h.id)}
            onChange={(e) => h.kies(Number(e.target.value))}
            options={h.houders.map((x) => ({ value: String(x.id), label: x.naam ? `${x.naam} (cliëntnummer ${x.clientnummer})` : `budgethouder ${x.id}` }))}
          />
        )}
      </FormField>
    </div>
  );
}

/** "uw" for a holder, "het … van <naam>" for a representative. */
export function wie(h: HouderKeuze): { bezit: string; naam: string } {
  return h.vertegenwoordiger ? { bezit: `van ${h.naam ?? 'de budgethouder'}`, naam: h.naam ?? 'de budgethouder' } : { bezit: 'van u', naam: 'u' };
}
