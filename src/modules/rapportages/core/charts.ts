/**
 * The charts of the reports as ECharts option objects: plain data, rendered to SVG on the server
 * (`render/svg.ts`) so that the command line writes a file and the portals embed it. Every chart
 * has a title, a legend and `aria` on (ECharts then describes the chart in the SVG's aria-label),
 * no animation, and euros on the axis in whole euros.
 */
import type { ChartOption } from './table.ts';

/** Colour-blind safe (Okabe–Ito), in a fixed order so a kind keeps its colour across charts. */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#F0E442', '#000000', '#999999'];

interface Series {
  name: string;
  type: 'bar' | 'line';
  data: (number | null)[];
  stack?: string;
  yAxisIndex?: number;
}

function base(title: string, subtitle: string): ChartOption {
  return {
    animation: false,
    color: PALETTE,
    aria: { enabled: true, decal: { show: false } },
    textStyle: { fontFamily: 'DejaVu Sans, Arial, sans-serif' },
    title: { text: title, subtext: subtitle, left: 'center', textStyle: { fontSize: 16 } },
    legend: { bottom: 0, type: 'plain', itemGap: 18 },
    tooltip: { trigger: 'axis' },
    grid: { left: 70, right: 70, top: 95, bottom: 75, containLabel: true },
  };
}

/** Bars (and lines) over categories; `second` names series drawn against a right-hand axis. */
export function categoryChart(opts: {
  title: string;
  subtitle: string;
  categories: string[];
  series: Series[];
  yName: string;
  y2Name?: string;
  horizontal?: boolean;
  yMax?: number;
  euros?: boolean;
}): ChartOption {
  const valueAxis = (name: string, max?: number) => ({
    type: 'value',
    name,
    nameLocation: 'middle',
    // euro labels ("€ 40.000") are wider than counts: keep the axis name clear of them
    nameGap: opts.horizontal ? 30 : opts.euros ? 80 : 50,
    ...(max !== undefined ? { min: 0, max } : {}),
    // counts are whole numbers: no tick at 0.5
    ...(opts.euros || max !== undefined ? {} : { minInterval: 1 }),
    axisLabel: opts.euros ? { formatter: (v: number) => `€ ${v.toLocaleString('nl-NL')}` } : {},
  });
  const categoryAxis = { type: 'category', data: opts.categories, axisLabel: { interval: 0, rotate: !opts.horizontal && opts.categories.length > 8 ? 40 : 0 } };
  const yAxes = [valueAxis(opts.yName, opts.yMax)];
  if (opts.y2Name) yAxes.push({ ...valueAxis(opts.y2Name), nameGap: opts.euros ? 80 : 45 });
  return {
    ...base(opts.title, opts.subtitle),
    xAxis: opts.horizontal ? yAxes[0] : categoryAxis,
    yAxis: opts.horizontal ? { ...categoryAxis, inverse: true } : yAxes,
    series: opts.series.map((s) => ({
      ...s,
      ...(s.type === 'line' ? { symbolSize: 7, lineStyle: { width: 3 } } : { barMaxWidth: 48 }),
      // values on single bars and on lines, but no labels saying 0
      label: (s.type === 'bar' && !s.stack) || (s.type === 'line' && opts.yMax !== undefined)
        ? { show: true, position: s.type === 'line' ? 'top' : opts.horizontal ? 'right' : 'top', formatter: (p: { value: unknown }) => (s.type === 'line' ? `${p.value}%` : !p.value ? '' : opts.euros ? `€ ${Number(p.value).toLocaleString('nl-NL')}` : String(p.value)) }
        : { show: false },
    })),
  };
}

/** Cents → whole euros for a chart axis (tables keep the cents). */
export function euros(cents: number | null): number | null {
  return cents === null ? null : Math.round(cents / 100);
}
