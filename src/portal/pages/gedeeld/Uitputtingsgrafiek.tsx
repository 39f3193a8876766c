/**
 * A budget's depletion over its period as a chart (ECharts, SVG renderer, so the chart is crisp,
 * scales and needs no inline style) with the same numbers as a table beside it for anyone who
 * cannot see the chart. Amounts are whole cents throughout; the axis writes them as euros.
 *
 * The lines: what is left at the end of each month so far, and from this month on what would be
 * left at the pace so far (the API's `tempo_per_maand`), down to zero at most.
 */
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, MarkLineComponent, AriaComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { datum, euro } from '../../format.ts';
import type { Budget } from './types.ts';
import { punten } from './uitputting.ts';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, MarkLineComponent, AriaComponent, SVGRenderer]);

const MAAND = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
const MAAND_LANG = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const kort = (m: string) => `${MAAND[Number(m.slice(5, 7)) - 1]} ${m.slice(2, 4)}`;
export const maandNaam = (m: string) => `${MAAND_LANG[Number(m.slice(5, 7)) - 1]} ${m.slice(0, 4)}`;

export function Uitputtingsgrafiek({ budget, vandaag }: { budget: Budget; vandaag: string }) {
  const el = useRef<HTMLDivElement>(null);
  const huidig = vandaag.slice(0, 7);
  const data = punten(budget, huidig);
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current, null, { renderer: 'svg', locale: 'EN' });
    chart.setOption({
      animation: false,
      aria: { enabled: false },
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      legend: { top: 0, textStyle: { color: '#1a1a1a', fontSize: 14 } },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? euro(v) : '—') },
      xAxis: { type: 'category', data: data.map((p) => kort(p.maand)), axisLabel: { color: '#1a1a1a' } },
      yAxis: { type: 'value', min: 0, max: budget.toegekend_centen, axisLabel: { color: '#1a1a1a', formatter: (v: number) => euro(Math.round(v)).replace(/,00$/, '') } },
      series: [
        { name: 'Over (werkelijk)', type: 'line', data: data.map((p) => p.werkelijk), color: '#01689b', lineStyle: { width: 3 }, symbolSize: 6 },
        { name: 'Over bij dit tempo', type: 'line', data: data.map((p) => p.verwacht), color: '#8a4b00', lineStyle: { width: 3, type: 'dashed' }, symbol: 'none' },
      ],
    });
    const opnieuw = () => chart.resize();
    window.addEventListener('resize', opnieuw);
    return () => {
      window.removeEventListener('resize', opnieuw);
      chart.dispose();
    };
  }, [budget, huidig]);
  const u = budget.uitputting;
  const samenvatting = budget.toegekend_centen === 0 && u.besteed_centen === 0
    ? 'Er is niets toegekend: de toekenning is ingetrokken of op nul gezet.'
    : u.uitgeput
    ? 'Het budget is op.'
    : u.verwachte_uitputting
      ? `Bij het huidige tempo is het budget op ${datum(u.verwachte_uitputting)} op, vóór het einde op ${datum(budget.einddatum)}.`
      : u.toereikend === false
        ? 'Bij het huidige tempo raakt het budget op vóór het einde van de periode.'
        : u.tempo_per_maand_centen === null
          ? 'De periode van dit budget is nog niet begonnen.'
          : `Bij het huidige tempo is het budget toereikend tot het einde op ${datum(budget.einddatum)}.`;
  const id = `grafiek-${budget.budget_id}`;
  return (
    <figure className="pgb-figuur" aria-labelledby={`${id}-titel`}>
      <figcaption id={`${id}-titel`} className="utrecht-paragraph">
        <strong>Verloop van budget {budget.budget_id}.</strong> {samenvatting}
      </figcaption>
      <div ref={el} className="pgb-grafiek" aria-hidden="true" />
      <details className="pgb-details">
        <summary>Bekijk de cijfers per maand als tabel</summary>
        <div className="utrecht-table-container pgb-tabel" tabIndex={0} role="region" aria-label={`Cijfers per maand van budget ${budget.budget_id}`}>
          <table className="utrecht-table utrecht-table--html-table">
            <caption className="utrecht-table__caption">Besteed en over per maand, budget {budget.budget_id}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">Maand</th>
                <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">Besteed</th>
                <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">Over</th>
                <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">Over bij dit tempo</th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {u.maanden.map((m, i) => (
                <tr key={m.maand} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__header-cell pgb-rijkop">{maandNaam(m.maand)}</th>
                  <td className="utrecht-table__cell utrecht-table__cell--numeric-data">{m.maand <= huidig ? euro(m.besteed_centen) : '—'}</td>
                  <td className="utrecht-table__cell utrecht-table__cell--numeric-data">{data[i]!.werkelijk !== null ? euro(data[i]!.werkelijk!) : '—'}</td>
                  <td className="utrecht-table__cell utrecht-table__cell--numeric-data">{data[i]!.verwacht !== null ? euro(data[i]!.verwacht!) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
