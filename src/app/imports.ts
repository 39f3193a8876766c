/**
 * The seven CSV imports of formats-csv.md by their file name, in one place for the command line,
 * the HTTP upload and the generated-country loader.
 */
import type { ImportHandler } from '../modules/import/run-import.ts';
import { budgethoudersImport, verstrekkersImport, zorgverlenersImport } from '../modules/partijen/index.ts';
import { toekenningenImport } from '../modules/toekenningen/index.ts';
import { accorderingenImport, zorgovereenkomstenImport } from '../modules/zorgovereenkomsten/index.ts';
import { declaratiesImport } from '../modules/declaraties/index.ts';

export const CSV_IMPORTS = {
  verstrekkers: verstrekkersImport,
  budgethouders: budgethoudersImport,
  zorgverleners: zorgverlenersImport,
  toekenningen: toekenningenImport,
  zorgovereenkomsten: zorgovereenkomstenImport,
  accorderingen: accorderingenImport,
  declaraties: declaratiesImport,
} as const satisfies Record<string, ImportHandler<any>>;

export type ImportKind = keyof typeof CSV_IMPORTS;

/** The same handlers with their row types erased, for callers that pick one by name. */
export const IMPORTS: Record<string, ImportHandler<never>> = CSV_IMPORTS as unknown as Record<string, ImportHandler<never>>;
