/**
 * The backoffice portal: its pages, registered here (see rollen/portaal.ts and docs/portals.md).
 * Placeholder start page until its pages are built.
 */
import { Heading, Paragraph } from '../components/index.ts';
import type { Portaal } from './portaal.ts';

function Start() {
  return (
    <>
      <Heading level={1}>Backoffice</Heading>
      <Paragraph>Dit portaal wordt nog gebouwd. Hier komen: werkvoorraden naar reden en leeftijd, papieren declaraties, geparkeerde declaraties beoordelen, betaalruns en bankafschriften, het spoor van elke declaratie.</Paragraph>
    </>
  );
}

export const backoffice: Portaal = {
  naam: 'Backoffice',
  basis: '/backoffice',
  rollen: ['backoffice'],
  paginas: [{ pad: '', titel: 'Start', menu: 'Start', Component: Start }],
};
