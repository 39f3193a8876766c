/**
 * A report as data: its columns (with what kind of value each holds), its rows, notes that say
 * what it counts and what it cannot count yet, and the chart that goes with it. The CSV, Excel,
 * SVG, HTML and JSON outputs are all made from this one shape.
 */
import type { PlainDate } from '../../../kernel/dates.ts';

/** text; int (a count); euro (cents); percent (whole percent); date (`YYYY-MM-DD`) */
export type ColumnKind = 'text' | 'int' | 'euro' | 'percent' | 'date';

export interface Column {
  /** the CSV header and JSON field */
  key: string;
  /** the Dutch header on screen and in Excel */
  header: string;
  kind: ColumnKind;
}

export type Cell = string | number | null;
export type Row = Record<string, Cell>;

/** An ECharts option object (plain data, rendered by render/svg.ts). */
export type ChartOption = Record<string, unknown>;

export interface ReportTable {
  naam: string;
  titel: string;
  /** the seed table or graph it reproduces */
  bron: string;
  van: PlainDate;
  tot: PlainDate;
  peildatum: PlainDate;
  /** the funder it is limited to, or null for all */
  verstrekker: string | null;
  kolommen: Column[];
  rijen: Row[];
  toelichting: string[];
  grafiek: ChartOption | null;
}

export function col(key: string, header: string, kind: ColumnKind): Column {
  return { key, header, kind };
}
