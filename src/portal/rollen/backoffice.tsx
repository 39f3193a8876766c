/**
 * The back office's portal (the operator): work queues by reason and age, paper claims, parked
 * claims to decide, payment runs with their SEPA files, the payroll run and summary, bank statements,
 * IBAN blocks, recoveries, urgent payments, any claim's
 * trace, the reports, the ledger check and Excel downloads. See docs/portals.md.
 */
import type { Portaal } from './portaal.ts';
import { WerkvoorraadPagina } from '../pages/backoffice/Werkvoorraad.tsx';
import { PapierenDeclaratie } from '../pages/backoffice/PapierenDeclaratie.tsx';
import { GeparkeerdPagina } from '../pages/backoffice/Geparkeerd.tsx';
import { BetaalrunsPagina } from '../pages/backoffice/Betaalruns.tsx';
import { LoonadministratiePagina } from '../pages/backoffice/Loonadministratie.tsx';
import { BankPagina } from '../pages/backoffice/Bank.tsx';
import { IbanBlokkadesPagina } from '../pages/backoffice/IbanBlokkades.tsx';
import { VorderingDetail, VorderingenPagina } from '../pages/backoffice/Vorderingen.tsx';
import { SpoedbetalingenPagina } from '../pages/backoffice/Spoedbetalingen.tsx';
import { DeclaratieZoeken, Spoor } from '../pages/backoffice/Spoor.tsx';
import { ZorgverlenerZoeken } from '../pages/verstrekker/Zorgverleners.tsx';
import { DownloadsPagina } from '../pages/verstrekker/Budgetten.tsx';
import { SignalenPagina } from '../pages/gedeeld/Signalen.tsx';
import { RapportLijst, RapportPagina } from '../pages/gedeeld/Rapporten.tsx';
import { ControlePagina } from '../pages/gedeeld/Controle.tsx';

export const backoffice: Portaal = {
  naam: 'Backoffice',
  basis: '/backoffice',
  rollen: ['backoffice'],
  paginas: [
    { pad: '', titel: 'Werkvoorraad', menu: 'Werkvoorraad', Component: WerkvoorraadPagina },
    { pad: 'papier', titel: 'Papieren declaratie invoeren', menu: 'Papieren declaratie', Component: PapierenDeclaratie },
    { pad: 'geparkeerd', titel: 'Geparkeerde declaraties', menu: 'Geparkeerd', Component: GeparkeerdPagina },
    { pad: 'declaraties', titel: 'Declaratie opzoeken', menu: 'Declaratie opzoeken', Component: DeclaratieZoeken },
    { pad: 'declaraties/:id', titel: 'Spoor van een declaratie', Component: Spoor },
    { pad: 'betaalruns', titel: 'Betaalruns', menu: 'Betaalruns', Component: BetaalrunsPagina },
    { pad: 'loonadministratie', titel: 'Loonadministratie', menu: 'Loonadministratie', Component: LoonadministratiePagina },
    { pad: 'bank', titel: 'Bankafschriften', menu: 'Bankafschriften', Component: BankPagina },
    { pad: 'iban', titel: 'IBAN-blokkades', menu: 'IBAN-blokkades', Component: IbanBlokkadesPagina },
    { pad: 'vorderingen', titel: 'Vorderingen', menu: 'Vorderingen', Component: VorderingenPagina },
    { pad: 'vorderingen/:id', titel: 'Vordering', Component: VorderingDetail },
    { pad: 'spoed', titel: 'Spoedbetalingen', menu: 'Spoedbetalingen', Component: SpoedbetalingenPagina },
    { pad: 'zorgverleners', titel: 'Zorgverlener zoeken', menu: 'Zorgverleners', Component: () => <ZorgverlenerZoeken basis="/backoffice" /> },
    { pad: 'signalen', titel: 'Signalen', menu: 'Signalen', Component: () => <SignalenPagina uitleg="Alle signalen: budgetten die opraken en mogelijk misbruik, met hun bewijs. De verstrekker beoordeelt; het platform signaleert alleen." /> },
    { pad: 'rapporten', titel: 'Rapporten', menu: 'Rapporten', Component: () => <RapportLijst basis="/backoffice" /> },
    { pad: 'rapporten/:naam', titel: 'Rapport', Component: () => <RapportPagina basis="/backoffice" /> },
    { pad: 'controle', titel: 'Controle van het grootboek', menu: 'Controle', Component: ControlePagina },
    { pad: 'downloads', titel: 'Downloads', menu: 'Downloads', Component: () => <DownloadsPagina backoffice /> },
  ],
};
