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
  void page;
  void input;
  throw new Error('nog niet gebouwd');
}

export interface ApproveAgreementInput {
  zorgovereenkomstId: string;
  /** the maximum tariff the funder sets, euros with a point, e.g. '45.00' */
  maximumtarief: string;
}

/** The funder approves a signed agreement from its queue, setting the maximum tariff. */
export async function approveAgreement(page: Page, input: ApproveAgreementInput): Promise<void> {
  void page;
  void input;
  throw new Error('nog niet gebouwd');
}
