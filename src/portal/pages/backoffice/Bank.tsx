/**
 * Reading a bank statement (camt.053, 001.02 or 001.08): choose the file, the platform books
 * confirmations, returned transfers (which block the IBAN) and deposits, and says what it could
 * not place; those lines wait here for a person. Reading the same statement twice changes nothing.
 */
import { useRef, useState } from 'react';
import { api, ApiFout, foutmelding } from '../../api.ts';
import { verstuurBestand } from '../../bestand.ts';
import { datum, euro } from '../../format.ts';
import { Alert, Button, Fout, Form, FormField, Heading, Laden, Paragraph, Table, UnorderedList, ListItem, useData } from '../../components/index.ts';

interface Afschriftuitkomst {
  afschriften: { afschrift_id: string; al_ingelezen: boolean; posten: number; verwerking: Record<string, number> }[];
  declaraties: Record<string, unknown>;
}

interface OpenPost {
  id: number;
  afschrift_id: string;
  post_ref: string;
  richting: string;
  bedrag_centen: number;
  boekdatum: string | null;
  tegen_naam: string | null;
  omschrijving: string | null;
  toelichting: string | null;
}

const SOORT: Record<string, string> = {
  bevestiging: 'bevestigde betalingen',
  terugboeking: 'teruggeboekte betalingen (IBAN geblokkeerd)',
  storting_budgethouder: 'stortingen van budgethouders',
  storting_verstrekker: 'stortingen van verstrekkers',
  open: 'posten die op een mens wachten',
};

export function BankPagina() {
  const bestand = useRef<HTMLInputElement>(null);
  const [fout, setFout] = useState<string | null>(null);
  const [geweigerd, setGeweigerd] = useState<string | null>(null);
  const [details, setDetails] = useState<string[]>([]);
  const [bezig, setBezig] = useState(false);
  const [uitkomst, setUitkomst] = useState<Afschriftuitkomst | null>(null);
  const open = useData((signal) => api.get<{ items: OpenPost[] }>('/api/bankafschriften/open', { signal }), []);
  return (
    <>
      <Heading level={1}>Bankafschriften</Heading>
      <Paragraph lead>Lees een dagafschrift van de bank in (camt.053). Bevestigingen, terugboekingen en stortingen worden geboekt; wat niet te plaatsen is, wacht hieronder.</Paragraph>
      <Form
        aria-label="Bankafschrift inlezen"
        onSubmit={async (e) => {
          e.preventDefault();
          const f = bestand.current?.files?.[0];
          setDetails([]);
          setGeweigerd(null);
          setUitkomst(null);
          if (!f) return setFout('Kies het bestand met het afschrift.');
          setFout(null);
          setBezig(true);
          try {
            const r = await verstuurBestand<Afschriftuitkomst>(`/api/bankafschriften?bestand=${encodeURIComponent(f.name)}`, await f.text(), 'application/xml');
            setUitkomst(r);
            open.opnieuw();
          } catch (err) {
            setGeweigerd(foutmelding(err));
            if (err instanceof ApiFout) setDetails((err.probleem.problems ?? []).map((p) => (p.line ? `${p.file ?? f.name}, regel ${p.line}${p.column ? `, ${p.column}` : ''}: ${p.message}` : p.message)));
          } finally {
            setBezig(false);
          }
        }}
      >
        {geweigerd && (
          <Alert type="error" titel="Het afschrift is niet ingelezen">
            <Paragraph>{geweigerd}</Paragraph>
            {details.length > 0 && (
              <UnorderedList>
                {details.map((d) => (
                  <ListItem key={d}>{d}</ListItem>
                ))}
              </UnorderedList>
            )}
          </Alert>
        )}
        <FormField id="afschrift" label="Afschrift (XML-bestand)" required error={fout}>
          {(aria) => <input {...aria} ref={bestand} type="file" name="afschrift" accept=".xml,application/xml,text/xml" className="utrecht-textbox utrecht-textbox--html-input" />}
        </FormField>
        <Button type="submit" appearance="primary-action" busy={bezig}>
          Afschrift inlezen
        </Button>
      </Form>
      {uitkomst && (
        <Alert type="ok" titel="Afschrift ingelezen">
          {uitkomst.afschriften.map((a) => (
            <Paragraph key={a.afschrift_id}>
              {a.afschrift_id}: {a.al_ingelezen ? 'was al eerder ingelezen; er is niets opnieuw geboekt.' : `${a.posten} post(en): ${Object.entries(a.verwerking).map(([k, n]) => `${n} ${SOORT[k] ?? k}`).join(', ')}.`}
            </Paragraph>
          ))}
        </Alert>
      )}
      <Heading level={2}>Wacht op een mens</Heading>
      {open.laden && <Laden wat="de open posten" />}
      {open.fout != null && <Fout fout={open.fout} opnieuw={open.opnieuw} />}
      {open.data && (
        <Table
          caption="Bankposten die niet automatisch konden worden verwerkt"
          captionHidden
          empty="Er wachten geen bankposten."
          columns={[
            { key: 'ref', header: 'Post', cell: (p: OpenPost) => `${p.afschrift_id} / ${p.post_ref}` },
            { key: 'datum', header: 'Boekdatum', cell: (p) => datum(p.boekdatum) },
            { key: 'richting', header: 'Richting', cell: (p) => (p.richting === 'CRDT' ? 'bij' : 'af') },
            { key: 'bedrag', header: 'Bedrag', numeric: true, cell: (p) => euro(p.bedrag_centen) },
            { key: 'tegen', header: 'Tegenpartij', cell: (p) => p.tegen_naam ?? '—' },
            { key: 'oms', header: 'Omschrijving', cell: (p) => p.omschrijving ?? '—' },
            { key: 'toel', header: 'Waarom', cell: (p) => p.toelichting ?? '—' },
          ]}
          rows={open.data.items}
          rowKey={(p) => String(p.id)}
        />
      )}
    </>
  );
}
