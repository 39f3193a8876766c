/**
 * The log scan of `npm test` (issue #7: BSN and IBAN never appear in logs). scripts/test.sh
 * collects the log output of every suite — the server's log (PGB_LOG_FILE, see
 * src/server/logger.ts) and what the test runner printed — and runs this file over it at the end:
 *
 *   node test/support/log-scan.ts FILE...
 *
 * It fails (exit 1) on any nine-digit number that passes the elfproef (every BSN of the fixtures,
 * the demo and the generated country does: src/kernel/synthetic.ts) and on any IBAN with a valid
 * check number (mod 97), and prints where, with the value masked. Masked values (`*****1234`,
 * `NL91**********4300`) are what the logger writes instead, and are not found.
 */
import { readFileSync } from 'node:fs';
import { isValidBsn, maskBsn, maskIban, normalizeIban } from '../../src/kernel/identifiers.ts';

export interface Finding {
  file: string;
  line: number;
  kind: 'BSN' | 'IBAN';
  /** the value, masked */
  value: string;
}

const NINE_DIGITS = /(?<![\d.])\d{9}(?![\d.]?\d)/g;
// electronic or printed in groups of four
const IBAN = /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?(?![A-Za-z0-9])/g;

/** Every BSN and IBAN in a text, by line. */
export function findSensitive(file: string, text: string): Finding[] {
  const out: Finding[] = [];
  text.split('\n').forEach((l, i) => {
    for (const m of l.matchAll(NINE_DIGITS)) if (isValidBsn(m[0])) out.push({ file, line: i + 1, kind: 'BSN', value: maskBsn(m[0]) });
    for (const m of l.matchAll(IBAN)) {
      const iban = normalizeIban(m[0]);
      if (iban) out.push({ file, line: i + 1, kind: 'IBAN', value: maskIban(iban) });
    }
  });
  return out;
}

if (import.meta.main) {
  const files = process.argv.slice(2);
  const findings = files.flatMap((f) => findSensitive(f, readFileSync(f, 'utf8')));
  const bytes = files.reduce((n, f) => n + readFileSync(f).length, 0);
  if (findings.length > 0) {
    for (const f of findings.slice(0, 50)) console.error(`${f.file}:${f.line}: ${f.kind} ${f.value}`);
    console.error(`log scan: ${findings.length} BSN(s)/IBAN(s) in the log output of the tests (${files.length} files); none may be there`);
    process.exit(1);
  }
  console.log(`log scan: no BSN or IBAN in ${files.length} log files (${(bytes / 1024 / 1024).toFixed(1)} MB)`);
}
