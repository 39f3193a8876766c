/**
 * The back office's steps of the journey (test/browser/journey.test.ts), through the back-office
 * pages (src/portal/rollen/backoffice.tsx). The page is signed in as the back office
 * (login(page, 'backoffice')) before each step. Keep these signatures stable: they are the
 * contract between the portals' tests.
 */
import type { Page } from 'playwright-core';

export interface RunPaymentInput {
  /** the requested execution date of the run, YYYY-MM-DD */
  datum: string;
}

/** The back office starts a payment run through the portal and waits until the run is shown. */
export async function runPayment(page: Page, input: RunPaymentInput): Promise<void> {
  void page;
  void input;
  throw new Error('nog niet gebouwd');
}
