/**
 * Search a care provider by KvK number or BSN and see all its agreements with the holders this
 * funder funds (for the laws it funds them for); nothing of other funders' holders.
 */
import { useState } from 'react';
import { api, ApiFout, foutmelding, query } from '../../api.ts';
import { datum, euro } from '../../format.ts';
import { Alert, Button, Form, Heading, Link, Paragraph, SelectField, Table, TextField } from '../../components/index.ts';
import { bsnGemaskeerd, SOORT_ZOK, statusNaam, wetNaam } from '../gedeeld/namen.ts';

interface Overeenkomst {
  zorgovereenkomst_id: string;
  clientnummer: number;
  budgethouder: string;
  wet: string;
  soort: string;
  ingangsdatum: string;
  einddatum: string | null;
  eenheid: string;
  tarief_centen: number;
  maximumtarief_centen: number | null;
  status: string;
}

interface Zorgverlener {
  zorgverlener_id: string;
  soort: string;
  naam: string;
  kvk: string | null;
  agb: string | null;
  bsn: string | null;
  iban: string;
  zorgovereenkomsten: Overeenkomst[];
}

export function ZorgverlenerZoeken({ basis = '/verstrekker' }: { basis?: string }) {
  const [op, setOp] = useState<'kvk' | 'bsn'>('kvk');
  const [nummer, setNummer] = useState('');
  const [fout, setFout] = useState<string | null>(null);
  const [geenResultaat, setGeenResultaat] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);
  const [items, setItems] = useState<Zorgverlener[] | null>(null);
  return (
    <>
      <Heading level={1}>Zorgverlener zoeken</Heading>
      <Paragraph lead>Zoek een zorgverlener op KvK-nummer of, voor een particuliere zorgverlener, op BSN. U ziet alle zorgovereenkomsten met budgethouders aan wie u een budget toekende.</Paragraph>
      <Form
        aria-label="Zorgverlener zoeken"
        role="search"
        onSubmit={async (e) => {
          e.preventDefault();
          const n = nummer.replace(/\s/g, '');
          if (op === 'kvk' && !/^\d{8}$/.test(n)) return setFout('Een KvK-nummer heeft acht cijfers.');
          if (op === 'bsn' && !/^\d{9}$/.test(n)) return setFout('Een BSN heeft negen cijfers.');
          setFout(null);
          setGeenResultaat(null);
          setBezig(true);
          try {
            const r = await api.get<{ items: Zorgverlener[] }>(`/api/zorgverleners${query({ [op]: n })}`);
            setItems(r.items);
          } catch (err) {
            setItems(null);
            if (err instanceof ApiFout && err.status === 404) setGeenResultaat(err.probleem.detail);
            else setFout(foutmelding(err));
          } finally {
            setBezig(false);
          }
        }}
      >
        <div className="pgb-inline">
          <SelectField id="zoek-op" label="Zoeken op" required value={op} onChange={(v) => setOp(v as 'kvk' | 'bsn')} options={[{ value: 'kvk', label: 'KvK-nummer' }, { value: 'bsn', label: 'BSN' }]} />
          <TextField id="zoek-nummer" label={op === 'kvk' ? 'KvK-nummer' : 'BSN'} inputMode="numeric" autoComplete="off" required value={nummer} onChange={setNummer} error={fout} />
          <Button type="submit" appearance="primary-action" busy={bezig}>
            Zoeken
          </Button>
        </div>
      </Form>
      {geenResultaat && <Alert type="info">{geenResultaat}</Alert>}
      {items?.map((z) => (
        <section key={z.zorgverlener_id} aria-labelledby={`zv-${z.zorgverlener_id}`}>
          <Heading level={2} id={`zv-${z.zorgverlener_id}`}>
            {z.naam}
          </Heading>
          <Paragraph>
            Zorgverlener {z.zorgverlener_id} ({z.soort}){z.kvk ? ` · KvK ${z.kvk}` : ''}
            {z.agb ? ` · AGB ${z.agb}` : ''}
            {z.bsn ? ` · BSN ${bsnGemaskeerd(z.bsn)}` : ''}
          </Paragraph>
          <Table
            caption={`Zorgovereenkomsten van ${z.naam}`}
            empty="Geen zorgovereenkomsten met uw budgethouders."
            columns={[
              { key: 'id', header: 'Zorgovereenkomst', cell: (a: Overeenkomst) => (a.status === 'ingediend' && basis === '/verstrekker' ? <Link to={`/verstrekker/zorgovereenkomsten/${encodeURIComponent(a.zorgovereenkomst_id)}`}>{a.zorgovereenkomst_id}</Link> : a.zorgovereenkomst_id) },
              { key: 'bh', header: 'Budgethouder', cell: (a) => `${a.budgethouder} (cliënt ${a.clientnummer})` },
              { key: 'wet', header: 'Wet', cell: (a) => wetNaam(a.wet) },
              { key: 'soort', header: 'Soort', cell: (a) => SOORT_ZOK[a.soort] ?? a.soort },
              { key: 'looptijd', header: 'Looptijd', cell: (a) => `${datum(a.ingangsdatum)} – ${a.einddatum ? datum(a.einddatum) : 'onbepaald'}` },
              { key: 'tarief', header: 'Tarief', numeric: true, cell: (a) => `${euro(a.tarief_centen)} per ${a.eenheid}` },
              { key: 'max', header: 'Maximumtarief', numeric: true, cell: (a) => (a.maximumtarief_centen === null ? '—' : euro(a.maximumtarief_centen)) },
              { key: 'status', header: 'Status', cell: (a) => statusNaam(a.status) },
            ]}
            rows={z.zorgovereenkomsten}
            rowKey={(a) => a.zorgovereenkomst_id}
          />
        </section>
      ))}
    </>
  );
}
