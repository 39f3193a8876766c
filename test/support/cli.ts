/** Runs the `pgb` command line in-process and captures what it prints. */
import { main } from '../../src/cli/main.ts';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export async function pgb(target: string, ...args: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['--db', target, '--actor', 'test', ...args], { out: (l) => out.push(l), err: (l) => err.push(l) }, { ...process.env, DATABASE_URL: '', PGB_DEBITEUR_IBAN: 'NL91ABNA0417164300', PGB_DEBITEUR_NAAM: 'Test Betaalbureau' });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
