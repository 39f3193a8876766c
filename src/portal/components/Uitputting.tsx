/**
 * The depletion of one budget over its period as a chart: per month of care the amount spent so
 * far (bars) against what was granted (a line), drawn as SVG by React (no inline styles, so the
 * portal's CSP holds). The chart is a picture for the eye; the same figures follow in a table,
 * which is what a screen reader reads (the figure says so).
 */
import './aanvullingen.css';
import { euro } from '../format.ts';
import { Table } from './Table.tsx';

export interface UitputtingsMaand {
  maand: string;
  besteed_centen: number;
  cumulatief_centen: number;
  resterend_centen: number;
}

const MAAND = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
const maandKort = (m: string) => `${MAAND[Number(m.slice(5, 7)) - 1]} ${m.slice(2, 4)}`;
const MAAND_LANG = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const maandLang = (m: string) => `${MAAND_LANG[Number(m.slice(5, 7)) - 1]} ${m.slice(0, 4)}`;

/** Round euros for an axis: "€ 12.000". */
function asLabel(cents: number): string {
  return `€ ${Math.round(cents / 100).toLocaleString('nl-NL')}`;
}

export function Uitputting({ id, titel, toegekend, maanden, tot }: { id: string; titel: string; toegekend: number; maanden: readonly UitputtingsMaand[]; tot?: string }) {
  const shown = tot ? maanden.filter((m) => m.maand <= tot) : maanden;
  const W = 640;
  const H = 260;
  const L = 78;
  const R = 12;
  const T = 16;
  const B = 40;
  const max = Math.max(toegekend, ...shown.map((m) => m.cumulatief_centen), 1);
  const y = (c: number) => T + (H - T - B) * (1 - c / max);
  const n = Math.max(maanden.length, 1);
  const slot = (W - L - R) / n;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => Math.round(max * f));
  const beschrijving = `Besteed tot en met elke maand, tegen het toegekende bedrag van ${euro(toegekend)}. De cijfers staan ook in de tabel onder de grafiek (De cijfers van de grafiek).`;
  return (
    <figure className="pgb-uitputting" aria-labelledby={`${id}-titel`}>
      <figcaption id={`${id}-titel`} className="utrecht-paragraph pgb-uitputting__titel">
        {titel}
      </figcaption>
      <div className="pgb-uitputting__schuif" tabIndex={0} role="region" aria-label={`${titel} (schuif opzij op een smal scherm)`}>
      <svg viewBox={`0 0 ${W} ${H}`} className="pgb-uitputting__svg" role="img" aria-labelledby={`${id}-svgtitel ${id}-svgdesc`} focusable="false">
        <title id={`${id}-svgtitel`}>{titel}</title>
        <desc id={`${id}-svgdesc`}>{beschrijving}</desc>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={L} x2={W - R} y1={y(t)} y2={y(t)} className="pgb-uitputting__raster" />
            <text x={L - 6} y={y(t) + 4} textAnchor="end" className="pgb-uitputting__as">
              {asLabel(t)}
            </text>
          </g>
        ))}
        {maanden.map((m, i) => {
          const has = shown.includes(m);
          const x = L + i * slot + slot * 0.15;
          const h = has ? H - B - y(m.cumulatief_centen) : 0;
          return (
            <g key={m.maand}>
              {has && <rect x={x} y={y(m.cumulatief_centen)} width={slot * 0.7} height={Math.max(h, 0)} className="pgb-uitputting__staaf" />}
              {(n <= 12 || i % 2 === 0) && (
                <text x={x + slot * 0.35} y={H - B + 16} textAnchor="middle" className="pgb-uitputting__as">
                  {maandKort(m.maand)}
                </text>
              )}
            </g>
          );
        })}
        <line x1={L} x2={W - R} y1={y(toegekend)} y2={y(toegekend)} className="pgb-uitputting__grens" />
        <text x={W - R} y={y(toegekend) - 5} textAnchor="end" className="pgb-uitputting__label">
          toegekend {euro(toegekend)}
        </text>
        <line x1={L} x2={W - R} y1={H - B} y2={H - B} className="pgb-uitputting__nul" />
      </svg>
      </div>
      <div className="pgb-uitputting__legenda utrecht-paragraph utrecht-paragraph--small" aria-hidden="true">
        <span className="pgb-uitputting__sleutel pgb-uitputting__sleutel--staaf" /> besteed tot en met de maand{' '}
        <span className="pgb-uitputting__sleutel pgb-uitputting__sleutel--grens" /> toegekend
      </div>
      <details className="pgb-uitputting__cijfers">
        <summary>De cijfers van de grafiek</summary>
      <Table
        caption={`${titel}: de cijfers`}
        columns={[
          { key: 'maand', header: 'Maand', cell: (m: UitputtingsMaand) => maandLang(m.maand) },
          { key: 'besteed', header: 'Besteed in de maand', numeric: true, cell: (m) => euro(m.besteed_centen) },
          { key: 'cumulatief', header: 'Besteed tot en met de maand', numeric: true, cell: (m) => euro(m.cumulatief_centen) },
          { key: 'resterend', header: 'Resterend', numeric: true, cell: (m) => euro(m.resterend_centen) },
        ]}
        rows={shown}
        rowKey={(m) => m.maand}
      />
      </details>
    </figure>
  );
}
