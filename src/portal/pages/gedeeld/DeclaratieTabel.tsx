/** The claims page and table of the holder and the provider: each claim with its state and payment. */
import { houderNaam } from './namen.ts';
import { useState } from 'react';
import { api, query } from '../../api.ts';
import { ButtonLink, Fout, Heading, Laden, Link, Paragraph, SelectField, StatusBadge, Table, useData } from '../../components/index.ts';
import { datum, euro, moment } from '../../format.ts';
import { DECLARATIE_STATUS, redenUitleg } from './labels.ts';
import type { Declaratie, DeclaratieStatus, Lijst } from './types.ts';

/** When the claim was or will be paid: the payment date, or the deadline while it is on its way. */
function betaling(c: Declaratie): string {
  if (c.betaald_op) return `betaald op ${datum(c.betaald_op)}`;
  if (c.uiterste_betaaldatum && (c.status === 'goedgekeurd' || c.status === 'ontvangen')) return `uiterlijk ${datum(c.uiterste_betaaldatum)}`;
  return '—';
}

export function DeclaratieTabel({ items, basis, tegenpartij }: { items: Declaratie[]; basis: string; tegenpartij: 'zorgverlener' | 'budgethouder' }) {
  return (
    <Table
      caption={`Declaraties (${items.length})`}
      rowKey={(c) => c.declaratie_id}
      rows={items}
      empty="Er zijn geen declaraties om te tonen."
      columns={[
        { key: 'id', header: 'Declaratie', cell: (c) => <Link to={`${basis}/${encodeURIComponent(c.declaratie_id)}`}>{c.declaratie_id}</Link> },
        { key: 'wie', header: tegenpartij === 'zorgverlener' ? 'Zorgverlener' : 'Budgethouder', cell: (c) => (tegenpartij === 'zorgverlener' ? c.zorgverlener_naam : houderNaam(c, '')) },
        { key: 'ontvangen', header: 'Ontvangen', cell: (c) => moment(c.ontvangen_op) },
        { key: 'bedrag', header: 'Bedrag', cell: (c) => euro(c.bedrag_centen), numeric: true },
        {
          key: 'status',
          header: 'Status',
          cell: (c) => (
            <>
              <StatusBadge status={DECLARATIE_STATUS[c.status as DeclaratieStatus].kind}>{DECLARATIE_STATUS[c.status as DeclaratieStatus].label}</StatusBadge>
              {c.reden && <span className="pgb-reden"> {redenUitleg(c.reden)}</span>}
            </>
          ),
        },
        { key: 'betaling', header: 'Betaling', cell: betaling },
      ]}
    />
  );
}

/**
 * The claims page: a button to a new claim, a filter by state, and the table. The holder's list is
 * of the holder acted for (`budgethouder_id`); the provider's of their own claims (the API's scope).
 */
export function DeclaratieLijst({ titel, intro, nieuw, basis, tegenpartij, budgethouderId }: {
  titel: string;
  intro?: string;
  nieuw: { tekst: string };
  basis: string;
  tegenpartij: 'zorgverlener' | 'budgethouder';
  budgethouderId?: number;
}) {
  const [status, setStatus] = useState('');
  const d = useData((signal) => api.get<Lijst<Declaratie>>(`/api/declaraties${query({ budgethouder_id: budgethouderId, status, limit: 200 })}`, { signal }), [budgethouderId, status]);
  return (
    <>
      <Heading level={1}>{titel}</Heading>
      {intro && <Paragraph>{intro}</Paragraph>}
      <Paragraph>
        <ButtonLink to={`${basis}/nieuw`} appearance="primary-action">
          {nieuw.tekst}
        </ButtonLink>
      </Paragraph>
      <SelectField
        id="status-filter"
        label="Toon"
        value={status}
        onChange={setStatus}
        placeholder="Alle declaraties"
        options={Object.entries(DECLARATIE_STATUS).map(([value, s]) => ({ value, label: s.label }))}
      />
      {d.laden && !d.data && <Laden wat="de declaraties" />}
      {d.fout !== null && <Fout fout={d.fout} opnieuw={d.opnieuw} />}
      {d.data && <DeclaratieTabel items={d.data.items} basis={basis} tegenpartij={tegenpartij} />}
    </>
  );
}

