/**
 * Mijn PGB: the portal of the budget holder and of a representative (who switches between the
 * holders they act for). Its pages are in pages/budgethouder/.
 */
import { Heading, Paragraph } from '../components/index.ts';
import type { Portaal } from './portaal.ts';

function Start() {
  return (
    <>
      <Heading level={1}>Mijn PGB</Heading>
      <Paragraph>Uw budget, zorgovereenkomsten en declaraties.</Paragraph>
    </>
  );
}

export const budgethouder: Portaal = {
  naam: 'Mijn PGB',
  basis: '/mijn-pgb',
  rollen: ['budgethouder', 'vertegenwoordiger'],
  paginas: [{ pad: '', titel: 'Overzicht', menu: 'Overzicht', Component: Start }],
};
