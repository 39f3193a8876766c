/**
 * The verstrekker portal: its pages, registered here (see rollen/portaal.ts and docs/portals.md).
 * Placeholder start page until its pages are built.
 */
import { Heading, Paragraph } from '../components/index.ts';
import type { Portaal } from './portaal.ts';

function Start() {
  return (
    <>
      <Heading level={1}>Portaal verstrekker</Heading>
      <Paragraph>Dit portaal wordt nog gebouwd. Hier komen: de wachtrij met zorgovereenkomsten om te beoordelen, zorgverleners zoeken, budgetten en uitputting, signalen en downloads.</Paragraph>
    </>
  );
}

export const verstrekker: Portaal = {
  naam: 'Portaal verstrekker',
  basis: '/verstrekker',
  rollen: ['verstrekker'],
  paginas: [{ pad: '', titel: 'Start', menu: 'Start', Component: Start }],
};
