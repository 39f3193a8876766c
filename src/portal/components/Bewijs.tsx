/**
 * The evidence of a signal (or any plain JSON of facts) as people read it: an object as a data
 * list, a list of objects as a table, amounts in cents as euros (fields the platform names in
 * cents), dates in Dutch. Generic, so that a new kind of signal shows its evidence without a change here.
 */
import type { ReactNode } from 'react';
import { datum, euro } from '../format.ts';
import { DataList } from './DataList.tsx';
import { Table } from './Table.tsx';

/** Fields of the evidence that hold whole cents. */
const CENTEN = new Set(['toegekend', 'besteed', 'resterend', 'tempo_per_maand', 'bedrag', 'betaald', 'gedeclareerd', 'tarief']);

const kop = (k: string) => k.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());

function waarde(k: string, v: unknown): ReactNode {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'number' && CENTEN.has(k) && Number.isInteger(v)) return euro(v);
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return datum(v);
  if (typeof v === 'boolean') return v ? 'ja' : 'nee';
  if (Array.isArray(v)) {
    if (v.length === 0) return '—';
    if (v.every((x) => x !== null && typeof x === 'object' && !Array.isArray(x))) {
      const keys = [...new Set(v.flatMap((x) => Object.keys(x as object)))];
      const rows = v as Record<string, unknown>[];
      return (
        <Table
          caption={kop(k)}
          columns={keys.map((c) => ({ key: c, header: kop(c), cell: (r: Record<string, unknown>) => waarde(c, r[c]), numeric: CENTEN.has(c) }))}
          rows={rows}
          rowKey={(r) => String(rows.indexOf(r))}
        />
      );
    }
    return v.map((x) => String(x)).join(', ');
  }
  if (typeof v === 'object') return <Bewijs bewijs={v as Record<string, unknown>} />;
  return String(v);
}

export function Bewijs({ bewijs }: { bewijs: Record<string, unknown> }) {
  return <DataList className="pgb-feiten" items={Object.entries(bewijs).map(([k, v]) => ({ key: kop(k), value: waarde(k, v) }))} />;
}
