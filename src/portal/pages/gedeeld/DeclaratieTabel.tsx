/** A table of claims with their state, for the holder and the provider. */
import { Link, StatusBadge, Table } from '../../components/index.ts';
import { euro, moment } from '../../format.ts';
import { DECLARATIE_STATUS, redenUitleg } from './labels.ts';
import type { Declaratie, DeclaratieStatus } from './types.ts';

export function DeclaratieTabel({ items, basis, tegenpartij }: { items: Declaratie[]; basis: string; tegenpartij: 'zorgverlener' | 'budgethouder' }) {
  return (
    <Table
      caption={`Declaraties (${items.length})`}
      rowKey={(c) => c.declaratie_id}
      rows={items}
      empty="Er zijn geen declaraties om te tonen."
      columns={[
        { key: 'id', header: 'Declaratie', cell: (c) => <Link to={`${basis}/${encodeURIComponent(c.declaratie_id)}`}>{c.declaratie_id}</Link> },
        { key: 'wie', header: tegenpartij === 'zorgverlener' ? 'Zorgverlener' : 'Budgethouder', cell: (c) => (tegenpartij === 'zorgverlener' ? c.zorgverlener_naam : `${c.budgethouder_naam} (${c.clientnummer})`) },
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
      ]}
    />
  );
}

