/**
 * The texts of the trace events that several paths write the same way (a claim file read by
 * `pgb import`, by the API's file upload and by the synchronous import registry). Pure.
 */
import { formatMoment, type PlainDate } from '../../../kernel/dates.ts';

export interface ReceivedClaim {
  kanaal: string;
  ontvangenOp: Date;
  lines: readonly unknown[];
  uitersteBetaaldatum: PlainDate | string;
}

/** "Ontvangen via post op …; geregistreerd uit FILE (IMPORT), N regel(s). Uiterste betaaldatum …." */
export function receivedNote(d: ReceivedClaim, file: string, importId: string): string {
  return `Ontvangen via ${d.kanaal} op ${formatMoment(d.ontvangenOp)}; geregistreerd uit ${file} (${importId}), ${d.lines.length} regel(s). Uiterste betaaldatum ${d.uitersteBetaaldatum}.`;
}
