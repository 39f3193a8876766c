/**
 * The budgets this funder granted: per budget granted, spent, paid, to be paid and available, and
 * per holder the depletion over the period as a chart with the expected run-out date at the pace
 * so far. Excel downloads of budgets, agreements and claims.
 */
import { useState } from 'react';
import { useParams } from 'react-router';
import { api, query } from '../../api.ts';
import { datum, euro } from '../../format.ts';
import { Uitputting } from '../../components/Uitputting.tsx';
import type { Uitputting as UitputtingCijfers } from '../gedeeld/types.ts';
import { Alert, DataList, ExternalLink, Fout, Heading, Laden, Link, Paragraph, SelectField, StatusBadge, Table, UnorderedList, ListItem, useData } from '../../components/index.ts';
import { bsnGemaskeerd, vandaag, WETTEN, wetNaam } from '../gedeeld/namen.ts';

interface Budget {
  budget_id: string;
  verstrekker: string;
  budgethouder_id: number;
  clientnummer: number;
  budgethouder: string;
  bsn: string;
  wet: string;
  ingangsdatum: string;
  einddatum: string;
  toegekend_centen: number;
  besteed_centen: number;
  betaald_centen: number;
  nog_te_betalen_centen: number;
  beschikbaar_centen: number;
}

interface BudgetMetUitputting extends Budget {
  uitputting: UitputtingCijfers;
}

interface Budgethouder {
  id: number;
  clientnummer: number;
  naam: string;
  bsn: string;
  geboortedatum: string;
  overlijdensdatum: string | null;
  budgetten: BudgetMetUitputting[];
}

const pct = (b: Budget) => (b.toegekend_centen > 0 ? Math.round((b.besteed_centen / b.toegekend_centen) * 100) : 0);

export function BudgettenPagina() {
  const [wet, setWet] = useState('');
  const d = useData((signal) => api.get<{ items: Budget[] }>(`/api/budgetten${query({ wet, limit: 1000 })}`, { signal }), [wet]);
  return (
    <>
      <Heading level={1}>Budgetten</Heading>
      <Paragraph lead>De budgetten die u toekende: wat besteed is, wat betaald is en wat nog beschikbaar is. Kies een budgethouder voor het verloop over het jaar.</Paragraph>
      <SelectField id="budget-wet" label="Wet" value={wet} onChange={setWet} placeholder="Alle wetten" options={WETTEN.map((w) => ({ value: w, label: wetNaam(w) }))} />
      {d.laden && <Laden wat="de budgetten" />}
      {d.fout != null && <Fout fout={d.fout} opnieuw={d.opnieuw} />}
      {d.data && (
        <Table
          caption="Budgetten"
          captionHidden
          empty="U heeft geen budgetten toegekend."
          columns={[
            { key: 'bh', header: 'Budgethouder', cell: (b: Budget) => <Link to={`/verstrekker/budgethouders/${b.budgethouder_id}`}>{`${b.budgethouder} (cliënt ${b.clientnummer})`}</Link> },
            { key: 'wet', header: 'Wet', cell: (b) => wetNaam(b.wet) },
            { key: 'periode', header: 'Periode', cell: (b) => `${datum(b.ingangsdatum)} – ${datum(b.einddatum)}` },
            { key: 'toegekend', header: 'Toegekend', numeric: true, cell: (b) => euro(b.toegekend_centen) },
            { key: 'besteed', header: 'Besteed', numeric: true, cell: (b) => euro(b.besteed_centen) },
            { key: 'beschikbaar', header: 'Beschikbaar', numeric: true, cell: (b) => euro(b.beschikbaar_centen) },
            { key: 'pct', header: 'Besteed %', numeric: true, cell: (b) => (pct(b) >= 90 ? <StatusBadge status="warning">{`${pct(b)}%`}</StatusBadge> : `${pct(b)}%`) },
          ]}
          rows={d.data.items}
          rowKey={(b) => b.budget_id}
        />
      )}
    </>
  );
}

export function BudgethouderPagina() {
  const { id = '' } = useParams();
  const d = useData((signal) => api.get<Budgethouder>(`/api/budgethouders/${encodeURIComponent(id)}`, { signal }), [id]);
  const huidigeMaand = vandaag().slice(0, 7);
  return (
    <>
      <Paragraph>
        <Link to="/verstrekker/budgetten">← Alle budgetten</Link>
      </Paragraph>
      <Heading level={1}>{d.data ? d.data.naam : 'Budgethouder'}</Heading>
      {d.laden && <Laden wat="de budgethouder" />}
      {d.fout != null && <Fout fout={d.fout} opnieuw={d.opnieuw} />}
      {d.data && (
        <>
          <DataList
            className="pgb-feiten"
            items={[
              { key: 'Cliëntnummer', value: d.data.clientnummer },
              { key: 'BSN', value: bsnGemaskeerd(d.data.bsn) },
              { key: 'Geboortedatum', value: datum(d.data.geboortedatum) },
              ...(d.data.overlijdensdatum ? [{ key: 'Overleden', value: datum(d.data.overlijdensdatum) }] : []),
            ]}
          />
          {d.data.budgetten.map((b) => (
            <section key={b.budget_id} aria-labelledby={`b-${b.budget_id}`}>
              <Heading level={2} id={`b-${b.budget_id}`}>
                {wetNaam(b.wet)}: {datum(b.ingangsdatum)} – {datum(b.einddatum)}
              </Heading>
              {b.toegekend_centen === 0 && b.besteed_centen === 0 ? (
                <Alert type="info" titel="Niets toegekend">
                  <Paragraph>Deze toekenning is ingetrokken of op nul gezet; er kan niets ten laste van komen.</Paragraph>
                </Alert>
              ) : b.uitputting.uitgeput ? (
                <Alert type="error" titel="Het budget is op" />
              ) : b.uitputting.toereikend === false && b.uitputting.verwachte_uitputting ? (
                <Alert type="warning" titel={`In dit tempo is het budget op ${datum(b.uitputting.verwachte_uitputting)}`}>
                  <Paragraph>Dat is vóór het einde van de periode ({datum(b.einddatum)}).</Paragraph>
                </Alert>
              ) : null}
              <DataList
            className="pgb-feiten"
                items={[
                  { key: 'Toegekend', value: euro(b.toegekend_centen) },
                  { key: 'Besteed', value: `${euro(b.besteed_centen)}${b.uitputting.percentage_besteed !== null ? ` (${b.uitputting.percentage_besteed}%)` : ''}` },
                  { key: 'Betaald', value: euro(b.betaald_centen) },
                  { key: 'Nog te betalen', value: euro(b.nog_te_betalen_centen) },
                  { key: 'Beschikbaar', value: euro(b.beschikbaar_centen) },
                  { key: 'Tempo', value: b.uitputting.tempo_per_maand_centen === null ? '—' : `${euro(b.uitputting.tempo_per_maand_centen)} per maand` },
                  { key: 'Verwacht op', value: b.uitputting.verwachte_uitputting ? datum(b.uitputting.verwachte_uitputting) : 'niet vóór het einde van de periode' },
                ]}
              />
              {(b.toegekend_centen > 0 || b.besteed_centen > 0) && <Uitputting id={`u-${b.budget_id}`} titel={`Uitputting ${wetNaam(b.wet)}, ${b.ingangsdatum.slice(0, 4)}`} toegekend={b.toegekend_centen} maanden={b.uitputting.maanden} tot={huidigeMaand} />}
            </section>
          ))}
        </>
      )}
    </>
  );
}

export function DownloadsPagina({ backoffice = false }: { backoffice?: boolean }) {
  return (
    <>
      <Heading level={1}>Downloads</Heading>
      <Paragraph lead>{backoffice ? 'Alle budgetten, zorgovereenkomsten en declaraties' : 'Uw budgetten, zorgovereenkomsten en declaraties'} als Excel-bestand, met bedragen in euro’s.</Paragraph>
      <UnorderedList>
        <ListItem>
          <ExternalLink href="/api/export/budgetten.xlsx" download>
            Budgetten (Excel)
          </ExternalLink>
          : toegekend, besteed, betaald, nog te betalen en beschikbaar per toekenning
        </ListItem>
        <ListItem>
          <ExternalLink href="/api/export/zorgovereenkomsten.xlsx" download>
            Zorgovereenkomsten (Excel)
          </ExternalLink>
          {' · '}
          <ExternalLink href="/api/export/zorgovereenkomsten.xlsx?status=ingediend" download>
            alleen ter accordering
          </ExternalLink>
        </ListItem>
        <ListItem>
          <ExternalLink href="/api/export/declaraties.xlsx" download>
            Declaraties (Excel)
          </ExternalLink>
          : in volgorde van ontvangst
        </ListItem>
      </UnorderedList>
    </>
  );
}
