/**
 * The auditor portal: its pages, registered here (see rollen/portaal.ts and docs/portals.md).
 * Placeholder start page until its pages are built.
 */
import { Heading, Paragraph } from '../components/index.ts';
import type { Portaal } from './portaal.ts';

function Start() {
  return (
    <>
      <Heading level={1}>Auditdienst</Heading>
      <Paragraph>Dit portaal wordt nog gebouwd. Hier komen: de steekproef, het controleverslag van het grootboek en het auditspoor.</Paragraph>
    </>
  );
}

export const auditor: Portaal = {
  naam: 'Auditdienst',
  basis: '/auditor',
  rollen: ['auditor'],
  paginas: [{ pad: '', titel: 'Start', menu: 'Start', Component: Start }],
};
