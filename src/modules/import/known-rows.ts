/** Splits parsed rows into new ones and ones already stored with the same content (skipped). */
import type { ApplyContext, ParsedRow } from './run-import.ts';

export function newRows<R>(rows: ParsedRow<R>[], stored: Map<string, string>, ctx: ApplyContext, idColumn: string): ParsedRow<R>[] {
  const fresh: ParsedRow<R>[] = [];
  for (const r of rows) {
    const existing = stored.get(r.id);
    if (existing === undefined) fresh.push(r);
    else if (existing !== r.content) {
      ctx.problems.push({
        file: ctx.file,
        line: r.line,
        column: idColumn,
        message: `'${r.id}' bestaat al met andere inhoud; een wijziging krijgt een nieuw id (overschrijven kan niet)`,
      });
    }
  }
  return fresh;
}

/** The canonical content of a row: its fields in a fixed order. */
export function contentOf(values: readonly (string | number | null | undefined)[]): string {
  return JSON.stringify(values.map((v) => (v === undefined ? null : v)));
}
