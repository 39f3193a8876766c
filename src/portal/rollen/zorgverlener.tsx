/**
 * The care provider's portal: agreements to complete and sign, claims as digital invoices,
 * payment status per claim, payments, and for a carer in paid employment the payslips. Its pages are in pages/zorgverlener/.
 */
import type { Portaal } from './portaal.ts';
import { Loonstroken } from '../pages/zorgverlener/Loonstroken.tsx';
import { Betalingen, Declaratie, DeclaratieNieuw, Declaraties, Overzicht, Zorgovereenkomst, Zorgovereenkomsten } from '../pages/zorgverlener/Paginas.tsx';

export const zorgverlener: Portaal = {
  naam: 'Portaal zorgverlener',
  basis: '/zorgverlener',
  rollen: ['zorgverlener'],
  paginas: [
    { pad: '', titel: 'Overzicht', menu: 'Overzicht', Component: Overzicht },
    { pad: 'zorgovereenkomsten', titel: 'Zorgovereenkomsten', menu: 'Zorgovereenkomsten', Component: Zorgovereenkomsten },
    { pad: 'zorgovereenkomsten/:id', titel: 'Zorgovereenkomst', Component: Zorgovereenkomst },
    { pad: 'declaraties', titel: 'Declaraties', menu: 'Declaraties', Component: Declaraties },
    { pad: 'declaraties/nieuw', titel: 'Nieuwe declaratie', Component: DeclaratieNieuw },
    { pad: 'declaraties/:id', titel: 'Declaratie', Component: Declaratie },
    { pad: 'betalingen', titel: 'Betalingen', menu: 'Betalingen', Component: Betalingen },
    { pad: 'loonstroken', titel: 'Loonstroken', menu: 'Loonstroken', Component: Loonstroken },
  ],
};
