/**
 * The funder's steps of the journey (test/browser/journey.test.ts), through the funder's portal
 * pages (src/portal/rollen/verstrekker.tsx). The page is signed in as the funder's staff
 * (login(page, 'gemeente-amsterdam')) before each step; each step starts wherever the page is and
 * ends when the portal has confirmed the action. Keep these signatures stable: they are the
 * contract between the portals' tests.
 */
import type { Page } from 'playwright-core';

export interface GrantBudgetInput {
  /** the allocation's number (toekenning_id), e.g. 'TKB-JOURNEY-1' */
  toekenningId: string;
  /** the holder's BSN */
  bsn: string;
  /** the law: WMO_HH, WMO_BG, JW, WLZ, … (src/kernel/wet.ts) */
  wet: string;
  ingangsdatum: string;
  einddatum: string;
  /** euros with two decimals and a point, e.g. '2400.00' */
  bedrag: string;
}

/** The funder grants a budget (an allocation) to a holder through the portal. */
export async function grantBudget(page: Page, input: GrantBudgetInput): Promise<void> {
  await page.goto('/verstrekker/toekenningen');
  await page.getByRole('heading', { level: 1, name: 'Toekenningen' }).waitFor();
  const form = page.getByRole('form', { name: 'Budget toekennen' });
  await form.getByLabel('Nummer van de beschikking').fill(input.toekenningId);
  await form.getByLabel('BSN van de budgethouder').fill(input.bsn);
  await form.getByLabel('Wet').selectOption(input.wet);
  await form.getByLabel('Ingangsdatum').fill(input.ingangsdatum);
  await form.getByLabel('Einddatum').fill(input.einddatum);
  await form.getByLabel('Bedrag (€)').fill(input.bedrag);
  await form.getByRole('button', { name: 'Budget toekennen' }).click();
  await waitForOutcome(page, page.getByRole('status').filter({ hasText: `Toekenning ${input.toekenningId}` }));
}

export interface ApproveAgreementInput {
  zorgovereenkomstId: string;
  /** the maximum tariff the funder sets, euros with a point, e.g. '45.00' */
  maximumtarief: string;
}

/** The funder approves a signed agreement from its queue, setting the maximum tariff. */
export async function approveAgreement(page: Page, input: ApproveAgreementInput): Promise<void> {
  await openAgreementFromQueue(page, input.zorgovereenkomstId);
  await page.getByLabel('Accorderen met een maximumtarief').check();
  await page.getByLabel(/^Maximumtarief per/).fill(input.maximumtarief);
  await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
  await waitForOutcome(page, page.getByRole('status').filter({ hasText: `Zorgovereenkomst ${input.zorgovereenkomstId} is geaccordeerd` }));
}

export interface RejectAgreementInput {
  zorgovereenkomstId: string;
  /** why: the holder and the provider read it */
  reden: string;
}

/** The funder rejects a signed agreement from its queue, with the reason. */
export async function rejectAgreement(page: Page, input: RejectAgreementInput): Promise<void> {
  await openAgreementFromQueue(page, input.zorgovereenkomstId);
  await page.getByLabel('Afkeuren', { exact: true }).check();
  await page.getByLabel('Reden van afkeuren').fill(input.reden);
  await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
  await waitForOutcome(page, page.getByRole('status').filter({ hasText: `Zorgovereenkomst ${input.zorgovereenkomstId} is afgekeurd` }));
}

/** From the queue of agreements to approve to the one agreement's page (as a person would: by its link). */
export async function openAgreementFromQueue(page: Page, id: string): Promise<void> {
  await page.goto('/verstrekker/zorgovereenkomsten');
  await page.getByRole('heading', { level: 1, name: 'Zorgovereenkomsten te beoordelen' }).waitFor();
  await page.getByRole('link', { name: id, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: `Zorgovereenkomst ${id}` }).waitFor();
  await page.getByRole('form', { name: 'Besluit over de zorgovereenkomst' }).waitFor();
}

/** Waits for the confirmation, or fails at once with the error the page shows instead. */
export async function waitForOutcome(page: Page, ok: ReturnType<Page['getByRole']>): Promise<void> {
  const fout = page.getByRole('alert');
  await Promise.race([ok.waitFor(), fout.first().waitFor().then(async () => Promise.reject(new Error(`de pagina meldt een fout: ${await fout.first().innerText()}`)))]);
}
