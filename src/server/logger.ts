/**
 * The server's log (pino, JSON lines). BSNs and IBANs never reach it: fields named bsn or iban
 * (and secrets: passwords, cookies, authorisation headers) are redacted by path, and, as the last
 * line, every string of every log line is scanned just before it is written: a nine-digit number
 * (a BSN or anything like one) and an IBAN are masked wherever they occur, e.g. in a URL with
 * `?bsn=…` or in a database error message.
 */
import { pino, type DestinationStream, type Logger } from 'pino';
import { maskBsn, maskIban } from '../kernel/identifiers.ts';

const NINE_DIGITS = /(?<!\d)\d{9}(?!\d)/g;
// an IBAN, electronic or printed in groups of four: two letters, two check digits, 11 to 30 more
const IBAN = /\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?\b/g;

/** `text` with every BSN-like number and IBAN masked (`*****1234`, `NL91**********4300`). */
export function maskSensitive(text: string): string {
  return text.replace(IBAN, (m) => maskIban(m.replaceAll(' ', ''))).replace(NINE_DIGITS, (m) => maskBsn(m));
}

function maskDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskSensitive(value);
  if (depth > 20 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[maskSensitive(k)] = maskDeep(v, depth + 1);
  return out;
}

/** A log line as pino wrote it, with every string in it masked. */
export function maskLogLine(line: string): string {
  try {
    return `${JSON.stringify(maskDeep(JSON.parse(line)))}\n`;
  } catch {
    return maskSensitive(line);
  }
}

export const REDACTED_PATHS = [
  'bsn', 'iban', '*.bsn', '*.iban', '*.*.bsn', '*.*.iban', '*[*].bsn', '*[*].iban',
  'wachtwoord', '*.wachtwoord', 'secret', '*.secret', 'token', '*.token',
  'req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]',
];

/**
 * The server's logger. With `PGB_LOG_FILE` set (the test command sets it), every line also goes to
 * that file (appended), so that the log output of all test suites can be scanned for BSNs and
 * IBANs at the end (test/support/log-scan.ts).
 */
export function createLogger(opts: { level?: string; destination?: DestinationStream } = {}): Logger {
  const destination = opts.destination ?? pino.destination(1);
  const file = process.env.PGB_LOG_FILE;
  return pino(
    {
      level: opts.level ?? 'info',
      redact: { paths: REDACTED_PATHS, censor: '[verborgen]' },
      hooks: { streamWrite: maskLogLine },
    },
    file
      ? pino.multistream([
          { level: 'trace', stream: destination },
          { level: 'trace', stream: pino.destination({ dest: file, append: true, sync: true, mkdir: true }) },
        ])
      : destination,
  );
}
