/**
 * The funder's portal (gemeente, zorgkantoor): agreements to approve with the maximum tariff,
 * grants and withdrawals, providers by KvK or BSN, budgets and their depletion, signals, the
 * reports of issue #5 and Excel downloads. Everything scoped by the API to the funder's own
 * holders and laws. See docs/portals.md.
 */
import type { Portaal } from './portaal.ts';
import { Overzicht } from '../pages/verstrekker/Overzicht.tsx';
import { Beoordelen, TeBeoordelen } from '../pages/verstrekker/Zorgovereenkomsten.tsx';
import { ToekenningenPagina } from '../pages/verstrekker/Toekenningen.tsx';
import { ZorgverlenerZoeken } from '../pages/verstrekker/Zorgverleners.tsx';
import { BudgethouderPagina, BudgettenPagina, DownloadsPagina } from '../pages/verstrekker/Budgetten.tsx';
import { SignalenPagina } from '../pages/gedeeld/Signalen.tsx';
import { RapportLijst, RapportPagina } from '../pages/gedeeld/Rapporten.tsx';

const Signalen = () => <SignalenPagina uitleg="Budgetten die opraken, en mogelijk misbruik om te beoordelen: het platform signaleert alleen, elk signaal met zijn bewijs. Geen signaal houdt zelf een betaling tegen." />;
const Rapporten = () => <RapportLijst basis="/verstrekker" />;
const Rapport = () => <RapportPagina basis="/verstrekker" />;
const Downloads = () => <DownloadsPagina />;

export const verstrekker: Portaal = {
  naam: 'Portaal verstrekker',
  basis: '/verstrekker',
  rollen: ['verstrekker'],
  paginas: [
    { pad: '', titel: 'Overzicht', menu: 'Overzicht', Component: Overzicht },
    { pad: 'zorgovereenkomsten', titel: 'Zorgovereenkomsten te beoordelen', menu: 'Te beoordelen', Component: TeBeoordelen },
    { pad: 'zorgovereenkomsten/:id', titel: 'Zorgovereenkomst beoordelen', Component: Beoordelen },
    { pad: 'toekenningen', titel: 'Toekenningen', menu: 'Toekenningen', Component: ToekenningenPagina },
    { pad: 'zorgverleners', titel: 'Zorgverlener zoeken', menu: 'Zorgverleners', Component: () => <ZorgverlenerZoeken /> },
    { pad: 'budgetten', titel: 'Budgetten', menu: 'Budgetten', Component: BudgettenPagina },
    { pad: 'budgethouders/:id', titel: 'Budgethouder', Component: BudgethouderPagina },
    { pad: 'signalen', titel: 'Signalen', menu: 'Signalen', Component: Signalen },
    { pad: 'rapporten', titel: 'Rapporten', menu: 'Rapporten', Component: Rapporten },
    { pad: 'rapporten/:naam', titel: 'Rapport', Component: Rapport },
    { pad: 'downloads', titel: 'Downloads', menu: 'Downloads', Component: Downloads },
  ],
};
