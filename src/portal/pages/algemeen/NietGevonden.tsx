import { Heading, Link, Paragraph } from '../../components/index.ts';

export function NietGevonden() {
  return (
    <>
      <Heading level={1}>Pagina niet gevonden</Heading>
      <Paragraph>Deze pagina bestaat niet, of u mag haar niet zien.</Paragraph>
      <Paragraph>
        <Link to="/">Naar de startpagina</Link>
      </Paragraph>
    </>
  );
}
