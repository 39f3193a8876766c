/** An agreement as both sides see it: a table of agreements, its facts, its history. */
import { DataList, Heading, Link, StatusBadge, Table } from '../../components/index.ts';
import { datum, euro, moment } from '../../format.ts';
import { EENHEDEN, wetNaam, ZOK_SOORTEN, ZOK_STATUS } from './labels.ts';
import type { Zorgovereenkomst, ZorgovereenkomstDetail as ZokDetail } from './types.ts';

export function ZokTabel({ items, basis, tegenpartij }: { items: Zorgovereenkomst[]; basis: string; tegenpartij: 'zorgverlener' | 'budgethouder' }) {
  return (
    <Table
      caption={`Zorgovereenkomsten (${items.length})`}
      rowKey={(z) => z.zorgovereenkomst_id}
      rows={items}
      empty="Er zijn geen zorgovereenkomsten."
      columns={[
        { key: 'id', header: 'Zorgovereenkomst', cell: (z) => <Link to={`${basis}/${encodeURIComponent(z.zorgovereenkomst_id)}`}>{z.zorgovereenkomst_id}</Link> },
        { key: 'wie', header: tegenpartij === 'zorgverlener' ? 'Zorgverlener' : 'Budgethouder', cell: (z) => (tegenpartij === 'zorgverlener' ? z.zorgverlener : `${z.budgethouder} (${z.clientnummer})`) },
        { key: 'wet', header: 'Wet', cell: (z) => wetNaam(z.wet) },
        { key: 'tarief', header: 'Tarief', cell: (z) => `${euro(z.tarief)} ${EENHEDEN.find((e) => e.value === z.eenheid)?.label ?? z.eenheid}`, numeric: true },
        { key: 'status', header: 'Status', cell: (z) => <StatusBadge status={ZOK_STATUS[z.status].kind}>{ZOK_STATUS[z.status].label}</StatusBadge> },
      ]}
    />
  );
}

/** The facts of an agreement, for both sides. */
export function ZokGegevens({ z }: { z: Zorgovereenkomst }) {
  return (
    <DataList
      items={[
        { key: 'Status', value: <StatusBadge status={ZOK_STATUS[z.status].kind}>{ZOK_STATUS[z.status].label}</StatusBadge> },
        { key: 'Budgethouder', value: `${z.budgethouder} (cliëntnummer ${z.clientnummer})` },
        { key: 'Zorgverlener', value: z.zorgverlener },
        { key: 'Wet', value: wetNaam(z.wet) },
        { key: 'Soort overeenkomst', value: ZOK_SOORTEN.find((s) => s.value === z.soort)?.label ?? z.soort },
        { key: 'Looptijd', value: `${datum(z.ingangsdatum)} tot ${z.einddatum ? `en met ${datum(z.einddatum)}` : 'onbepaalde tijd'}` },
        { key: 'Tarief', value: `${euro(z.tarief)} ${EENHEDEN.find((e) => e.value === z.eenheid)?.label ?? z.eenheid}` },
        ...(z.maandbedrag !== null ? [{ key: 'Maandbedrag', value: euro(z.maandbedrag) }] : []),
        { key: 'Maximumtarief', value: z.maximumtarief !== null ? euro(z.maximumtarief) : 'wordt vastgesteld door de verstrekker bij accordering' },
      ]}
    />
  );
}

export function ZokVersies({ z }: { z: ZokDetail }) {
  return (
    <>
      <Heading level={2}>Geschiedenis</Heading>
      <ol className="pgb-spoor">
        {z.versies.map((v) => (
          <li key={v.versie} className="pgb-spoor__stap">
            <p className="utrecht-paragraph">
              <strong>Versie {v.versie}: {ZOK_STATUS[v.status as keyof typeof ZOK_STATUS]?.label ?? v.status}</strong> <span className="pgb-spoor__tijd">{v.op ? moment(v.op) : datum(v.datum)}</span>
            </p>
            {v.reden && <p className="utrecht-paragraph utrecht-paragraph--small">{v.reden}</p>}
          </li>
        ))}
      </ol>
    </>
  );
}

