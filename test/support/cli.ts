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
  const code = await main(['--db', target, '--actor', 'test', ...args], { out: (l) => out.push(l), err: (l) => err.push(l) }, { ...process.env, DATABASE_URL: '' });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
