/**
 * The audit service's portal, read only: the audit sample, the audit trail, the ledger check and
 * the reports. See docs/portals.md.
 */
import type { Portaal } from './portaal.ts';
import { SteekproefPagina } from '../pages/auditor/Steekproef.tsx';
import { AudittrailPagina } from '../pages/auditor/Audittrail.tsx';
import { ControlePagina } from '../pages/gedeeld/Controle.tsx';
import { RapportLijst, RapportPagina } from '../pages/gedeeld/Rapporten.tsx';

export const auditor: Portaal = {
  naam: 'Auditdienst',
  basis: '/auditor',
  rollen: ['auditor'],
  paginas: [
    { pad: '', titel: 'Steekproef', menu: 'Steekproef', Component: SteekproefPagina },
    { pad: 'audit', titel: 'Audittrail', menu: 'Audittrail', Component: AudittrailPagina },
    { pad: 'controle', titel: 'Controle van het grootboek', menu: 'Controle', Component: ControlePagina },
    { pad: 'rapporten', titel: 'Rapporten', menu: 'Rapporten', Component: () => <RapportLijst basis="/auditor" /> },
    { pad: 'rapporten/:naam', titel: 'Rapport', Component: () => <RapportPagina basis="/auditor" /> },
  ],
};
