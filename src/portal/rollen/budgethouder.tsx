/**
 * Mijn PGB: the portal of the budget holder and of a representative (who switches between the
 * holders they act for in the page header), with the payslips of carers the holder employs. Its pages are in pages/budgethouder/.
 */
import type { Portaal } from './portaal.ts';
import { HouderKeuzeKop, HouderOmgeving } from '../pages/budgethouder/houder.tsx';
import { Overzicht } from '../pages/budgethouder/Overzicht.tsx';
import { Taken } from '../pages/budgethouder/Taken.tsx';
import { DeclaratieDetail, DeclaratieNieuw, Declaraties } from '../pages/budgethouder/Declaraties.tsx';
import { ZorgovereenkomstDetail, Zorgovereenkomsten } from '../pages/budgethouder/Zorgovereenkomsten.tsx';
import { ZorgovereenkomstNieuw } from '../pages/budgethouder/ZorgovereenkomstNieuw.tsx';
import { EigenBedragen } from '../pages/budgethouder/EigenBedragen.tsx';
import { Loonstroken } from '../pages/budgethouder/Loonstroken.tsx';

export const budgethouder: Portaal = {
  naam: 'Mijn PGB',
  basis: '/mijn-pgb',
  rollen: ['budgethouder', 'vertegenwoordiger'],
  Omgeving: HouderOmgeving,
  Kop: HouderKeuzeKop,
  paginas: [
    { pad: '', titel: 'Overzicht', menu: 'Mijn budget', Component: Overzicht },
    { pad: 'taken', titel: 'Taken en berichten', menu: 'Taken', Component: Taken },
    { pad: 'zorgovereenkomsten', titel: 'Zorgovereenkomsten', menu: 'Zorgovereenkomsten', Component: Zorgovereenkomsten },
    { pad: 'zorgovereenkomsten/nieuw', titel: 'Nieuwe zorgovereenkomst', Component: ZorgovereenkomstNieuw },
    { pad: 'zorgovereenkomsten/:id', titel: 'Zorgovereenkomst', Component: ZorgovereenkomstDetail },
    { pad: 'declaraties', titel: 'Declaraties', menu: 'Declaraties', Component: Declaraties },
    { pad: 'declaraties/nieuw', titel: 'Nieuwe declaratie', Component: DeclaratieNieuw },
    { pad: 'declaraties/:id', titel: 'Declaratie', Component: DeclaratieDetail },
    { pad: 'eigen-bedragen', titel: 'Eigen bedragen', menu: 'Eigen bedragen', Component: EigenBedragen },
    { pad: 'loonstroken', titel: 'Loonstroken', menu: 'Loonstroken', Component: Loonstroken },
  ],
};
