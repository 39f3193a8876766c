/**
 * The care provider's portal: agreements to complete and sign, claims as digital invoices,
 * payment status per claim. Its pages are in pages/zorgverlener/.
 */
import { Heading, Paragraph } from '../components/index.ts';
import type { Portaal } from './portaal.ts';

function Start() {
  return (
    <>
      <Heading level={1}>Portaal zorgverlener</Heading>
      <Paragraph>Zorgovereenkomsten, declaraties en betalingen.</Paragraph>
    </>
  );
}

export const zorgverlener: Portaal = {
  naam: 'Portaal zorgverlener',
  basis: '/zorgverlener',
  rollen: ['zorgverlener'],
  paginas: [{ pad: '', titel: 'Overzicht', menu: 'Overzicht', Component: Start }],
};
