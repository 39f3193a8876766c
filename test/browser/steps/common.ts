/**
 * Steps every portal's browser test shares. The contract between the tests of the portals: keep
 * these signatures stable.
 */
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../support/portal.ts';

/**
 * Signs in on the sign-in page as a demo account (src/modules/toegang/use-cases/create-demo-accounts.ts:
 * jansen, vertegenwoordiger, thuishulp-de-linde, verzorgende-mulder, gemeente-amsterdam, zorgkantoor-zuid-holland,
 * backoffice, auditor) and waits for the start page of that account's portal.
 */
export async function login(page: Page, username: string, password: string = DEMO_PASSWORD): Promise<void> {
  await page.goto('/inloggen');
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/inloggen'));
  await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
}

/** Signs out through the header's button and waits for the sign-in page. */
export async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await page.waitForURL((u) => u.pathname.startsWith('/inloggen'));
}
