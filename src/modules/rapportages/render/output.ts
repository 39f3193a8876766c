/**
 * A report table out to the world: CSV (machine-friendly: the column keys as header, euros with
 * two decimals and a point), Excel (Dutch headers, euros as numbers formatted `€ #,##0.00`, real
 * dates, a sheet with the notes), SVG (the chart, rendered by ECharts on the server), an HTML page
 * (chart and table, for the portals and a browser) and JSON (cents and euro text side by side).
 */
import { stringify } from 'csv-stringify/sync';
import { formatEuros, formatEurosNl } from '../../../kernel/money.ts';
import { dateName } from '../core/periods.ts';
import type { ChartOption, Column, ReportTable, Row } from '../core/table.ts';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export const FORMATS = ['csv', 'xlsx', 'svg', 'html', 'json'] as const;
export type Format = (typeof FORMATS)[number];

export const CONTENT_TYPES: Record<Format, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  svg: 'image/svg+xml; charset=utf-8',
  html: 'text/html; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

function csvCell(c: Column, v: Row[string]): string {
  if (v === null || v === undefined) return '';
  return c.kind === 'euro' ? formatEuros(Number(v)) : String(v);
}

export function toCsv(t: ReportTable): string {
  return stringify([t.kolommen.map((c) => c.key), ...t.rijen.map((r) => t.kolommen.map((c) => csvCell(c, r[c.key] ?? null)))], { record_delimiter: '\n' });
}

/** Rows for JSON: euro columns as `<key>_centen` (integer) and `<key>` (euro text). */
export function toJson(t: ReportTable): Record<string, unknown> {
  return {
    naam: t.naam,
    titel: t.titel,
    bron: t.bron,
    van: t.van,
    tot: t.tot,
    peildatum: t.peildatum,
    verstrekker: t.verstrekker,
    kolommen: t.kolommen,
    rijen: t.rijen.map((r) => {
      const out: Record<string, unknown> = {};
      for (const c of t.kolommen) {
        const v = r[c.key] ?? null;
        if (c.kind === 'euro') {
          out[`${c.key}_centen`] = v === null ? null : Number(v);
          out[c.key] = v === null ? null : formatEuros(Number(v));
        } else out[c.key] = v;
      }
      return out;
    }),
    toelichting: t.toelichting,
  };
}

const EXCEL_FORMATS: Partial<Record<Column['kind'], string>> = { euro: '€ #,##0.00', date: 'dd-mm-yyyy', percent: '0"%"' };

function excelValue(c: Column, v: Row[string]): unknown {
  if (v === null || v === undefined) return null;
  switch (c.kind) {
    case 'euro':
      return Number(v) / 100;
    case 'int':
    case 'percent':
      return Number(v);
    case 'date': {
      const s = String(v);
      return new Date(Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10))));
    }
    case 'text':
      return String(v);
  }
}

export async function toXlsx(t: ReportTable): Promise<Buffer> {
  // loaded on first use: exceljs takes most of a second to load
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'PGB-platform';
  wb.title = t.titel;
  const ws = wb.addWorksheet('Rapport', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = t.kolommen.map((c) => ({
    header: c.header,
    key: c.key,
    width: Math.max(12, Math.min(40, c.header.length + 2)),
    ...(EXCEL_FORMATS[c.kind] ? { style: { numFmt: EXCEL_FORMATS[c.kind]! } } : {}),
  }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).alignment = { wrapText: true, vertical: 'top' };
  for (const r of t.rijen) {
    const row = ws.addRow(t.kolommen.map((c) => excelValue(c, r[c.key] ?? null)));
    const first = String(r[t.kolommen[0]!.key] ?? '');
    if (first === 'totaal' || first.startsWith('subtotaal')) row.font = { bold: true };
  }
  if (t.rijen.length > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: t.kolommen.length } };
  const notes = wb.addWorksheet('Toelichting');
  notes.columns = [{ header: t.titel, key: 'tekst', width: 120 }];
  notes.getRow(1).font = { bold: true, size: 13 };
  for (const line of [`Periode: ${dateName(t.van)} t/m ${dateName(t.tot)}; peildatum ${dateName(t.peildatum)}`, `Verstrekker: ${t.verstrekker ?? 'alle'}`, `Bron: ${t.bron}`, '', ...t.toelichting]) {
    notes.addRow([line]).alignment = { wrapText: true };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

let measured = false;

/** Widths (in em) of DejaVu Sans, the widest of the usual sans-serif fonts: generous on purpose. */
function charWidth(c: string): number {
  if (' .,:;\'|!ijlI()[]ft'.includes(c)) return 0.34;
  if ('mwMW@%'.includes(c)) return 0.95;
  if (/[A-Z]/.test(c)) return 0.74;
  if (/[0-9€]/.test(c)) return 0.64;
  return 0.61;
}

export function textWidth(text: string, font = '12px sans-serif'): number {
  const size = Number(/(\d+(?:\.\d+)?)px/.exec(font)?.[1] ?? 12);
  const bold = /bold|[6-9]00/.test(font) ? 1.08 : 1;
  let em = 0;
  for (const c of text) em += charWidth(c);
  return em * size * bold;
}

/**
 * The chart as SVG, with a `<title>` and a `<desc>` that says in words what it shows (every series
 * and its values), and `role="img"`, so that a screen reader can read it out.
 */
export async function renderSvg(chart: ChartOption, size: { width: number; height: number } = { width: 960, height: 520 }): Promise<string> {
  const echarts = await import('echarts');
  if (!measured) {
    // no canvas on the server: ECharts measures text with a rough table that is too narrow for
    // the fonts a viewer really has, and legend entries run into each other
    echarts.setPlatformAPI({ measureText: (text: string, font?: string) => ({ width: textWidth(text, font) }) });
    measured = true;
  }
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  let svg: string;
  try {
    instance.setOption(chart);
    svg = instance.renderToSVGString();
  } finally {
    instance.dispose();
  }
  const { title, desc } = describeChart(chart);
  return svg.replace(/^<svg /, `<svg role="img" aria-label="${escapeHtml(title)}" `).replace(/^(<svg [^>]*>)/, `$1\n<title>${escapeHtml(title)}</title>\n<desc>${escapeHtml(desc)}</desc>`);
}

/** The chart in words: its title and subtitle, then per series its values per category. */
export function describeChart(chart: ChartOption): { title: string; desc: string } {
  const t = chart.title as { text?: string; subtext?: string } | undefined;
  const title = [t?.text, t?.subtext].filter(Boolean).join(', ');
  const axes = [chart.xAxis, chart.yAxis].flat() as ({ type?: string; data?: string[] } | undefined)[];
  const categories = axes.find((a) => a?.type === 'category')?.data ?? [];
  const series = (chart.series as { name: string; data: (number | null)[] }[] | undefined) ?? [];
  const desc = series
    .map((s) => `${s.name}: ${s.data.map((v, i) => `${categories[i] ?? i + 1} ${v ?? 'geen'}`).join(', ')}`)
    .join('. ');
  return { title, desc: desc ? `${desc}.` : 'geen gegevens' };
}

function htmlCell(c: Column, v: Row[string]): string {
  if (v === null || v === undefined) return '';
  if (c.kind === 'euro') return formatEurosNl(Number(v));
  if (c.kind === 'percent') return `${v}%`;
  if (c.kind === 'int') return Number(v).toLocaleString('nl-NL');
  return String(v);
}

/** A page with the chart and the table, in Dutch, readable without the chart. */
export async function toHtml(t: ReportTable): Promise<string> {
  const svg = t.grafiek ? await renderSvg(t.grafiek) : '';
  const numeric = (c: Column) => c.kind !== 'text' && c.kind !== 'date';
  return `<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><title>${escapeHtml(t.titel)}</title>
<style>
body{font-family:system-ui,sans-serif;margin:2rem;color:#1a1a1a}
table{border-collapse:collapse;margin-top:1rem}th,td{border:1px solid #bbb;padding:.3rem .5rem}
th{background:#eef2f6;text-align:left;vertical-align:bottom}td.n{text-align:right;font-variant-numeric:tabular-nums}
tr.totaal td{font-weight:bold}figure{margin:1rem 0}.bron{color:#555}
</style></head>
<body>
<h1>${escapeHtml(t.titel)}</h1>
<p>Periode ${escapeHtml(dateName(t.van))} t/m ${escapeHtml(dateName(t.tot))}; peildatum ${escapeHtml(dateName(t.peildatum))}; verstrekker: ${escapeHtml(t.verstrekker ?? 'alle')}.</p>
<p class="bron">Bron: ${escapeHtml(t.bron)}</p>
${svg ? `<figure role="img" aria-label="${escapeHtml(t.titel)}">${svg}<figcaption>De grafiek toont de cijfers van de tabel hieronder.</figcaption></figure>` : ''}
<table>
<thead><tr>${t.kolommen.map((c) => `<th scope="col">${escapeHtml(c.header)}</th>`).join('')}</tr></thead>
<tbody>
${t.rijen
  .map((r) => {
    const first = String(r[t.kolommen[0]!.key] ?? '');
    const cls = first === 'totaal' || first.startsWith('subtotaal') ? ' class="totaal"' : '';
    return `<tr${cls}>${t.kolommen.map((c) => `<td${numeric(c) ? ' class="n"' : ''}>${escapeHtml(htmlCell(c, r[c.key] ?? null))}</td>`).join('')}</tr>`;
  })
  .join('\n')}
</tbody></table>
<h2>Toelichting</h2>
<ul>${t.toelichting.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>
</body></html>
`;
}

/** The report in one of the formats: text or bytes, and its content type. */
export async function renderReport(t: ReportTable, format: Format): Promise<{ data: string | Buffer; contentType: string }> {
  switch (format) {
    case 'csv':
      return { data: toCsv(t), contentType: CONTENT_TYPES.csv };
    case 'xlsx':
      return { data: await toXlsx(t), contentType: CONTENT_TYPES.xlsx };
    case 'svg':
      return { data: t.grafiek ? await renderSvg(t.grafiek) : '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>', contentType: CONTENT_TYPES.svg };
    case 'html':
      return { data: await toHtml(t), contentType: CONTENT_TYPES.html };
    case 'json':
      return { data: `${JSON.stringify(toJson(t), null, 2)}\n`, contentType: CONTENT_TYPES.json };
  }
}
