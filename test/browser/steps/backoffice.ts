/**
 * The back office's steps of the journey (test/browser/journey.test.ts), through the back-office
 * pages (src/portal/rollen/backoffice.tsx). The page is signed in as the back office
 * (login(page, 'backoffice')) before each step. Keep these signatures stable: they are the
 * contract between the portals' tests.
 */
import type { Page } from 'playwright-core';
import { waitForOutcome } from './verstrekker.ts';

export interface RunPaymentInput {
  /** the requested execution date of the run, YYYY-MM-DD */
  datum: string;
}

/** The back office starts a payment run through the portal and waits until the run is shown; fails when there was nothing to pay. */
export async function runPayment(page: Page, input: RunPaymentInput): Promise<void> {
  await startPaymentRun(page, input);
}

/** runPayment, returning the new run's id (betaalrun_id). */
export async function startPaymentRun(page: Page, input: RunPaymentInput): Promise<string> {
  await page.goto('/backoffice/betaalruns');
  await page.getByRole('heading', { level: 1, name: 'Betaalruns' }).waitFor();
  await page.getByLabel('Uitvoeringsdatum').fill(input.datum);
  await page.getByRole('button', { name: 'Betaalrun starten' }).click();
  const made = page.getByRole('status').filter({ hasText: /Betaalrun \S+ gemaakt|Er was niets te betalen/ });
  await waitForOutcome(page, made);
  const text = await made.innerText();
  const m = /Betaalrun (\S+) gemaakt/.exec(text);
  if (!m) throw new Error(`geen betaalrun gemaakt: ${text}`);
  return m[1]!;
}
