/**
 * The money flows beside the regular claim, in Chromium on the demo world (issue #8): a holder's
 * own amount requested in Mijn PGB (refused above the yearly maximum with why, then granted and
 * booked), and a recovery established by the back office on a paid claim, followed on its page and
 * written off with a reason. axe on every page; screenshots of both.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkA11y, heading, screenshot, startPortal, type Portal } from './support/portal.ts';
import { login } from './steps/common.ts';

let portal: Portal;
before(async () => {
  portal = await startPortal();
});
after(async () => {
  await portal?.close();
});

const one = async <T>(sql: string, params: unknown[] = []) => (await portal.db.query<T>(sql, params)).rows[0];

test('a representative requests the Wlz verantwoordingsvrij bedrag for the holder: above the maximum refused with why, within it granted', async () => {
  const { page } = await portal.newPage();
  await login(page, 'vertegenwoordiger');
  await page.getByRole('link', { name: 'Eigen bedragen' }).click();
  await heading(page, 'Eigen bedragen');
  // the Wlz rule of the law (1.5% of what was spent, at least 250 and at most 1,250 a year)
  await page.getByText(/Maximum: 1,5% van wat in het jaar uit het budget is besteed, ten minste € 250,00 en ten hoogste € 1\.250,00 per jaar/).waitFor();
  // and what is left this year, from the server's own computation (GET /api/eigen-bedragen/ruimte)
  await page.getByText(/Voor 2026 is dat € 250,00 \(besteed: € [\d.]+,\d\d\); al aangevraagd € 0,00\. U kunt nog € 250,00 aanvragen\./).waitFor();
  await checkA11y(page, 'eigen bedragen');

  await page.getByLabel('Bedrag in euro').fill('2000,00');
  await page.getByRole('button', { name: 'Aanvragen' }).click();
  const refusal = page.getByRole('alert').or(page.locator('.utrecht-alert')).filter({ hasText: 'afgewezen' });
  await refusal.first().waitFor();
  assert.equal((await one<{ n: number }>(`SELECT count(*)::int AS n FROM eigen_bedragen`))!.n, 0, 'a refused request writes nothing');
  await checkA11y(page, 'eigen bedrag afgewezen');

  await page.getByLabel('Bedrag in euro').fill('250,00');
  await page.getByLabel('Omschrijving').fill('verantwoordingsvrij bedrag 2026');
  await page.getByRole('button', { name: 'Aanvragen' }).click();
  await page.getByText(/Aangevraagd: € 250,00/).waitFor();
  await page.getByRole('cell', { name: 'Wordt betaald in de volgende betaalrun' }).waitFor();
  await page.getByText(/al aangevraagd € 250,00\. U kunt nog € 0,00 aanvragen\./).waitFor();
  const row = await one<{ bedrag: string; status: string }>(`SELECT bedrag::text AS bedrag, status FROM eigen_bedragen`);
  assert.deepEqual(row, { bedrag: '25000', status: 'goedgekeurd' });
  await checkA11y(page, 'eigen bedrag aangevraagd');
  await screenshot(page, 'budgethouder-eigen-bedragen');
});

test('the back office establishes a recovery on a paid claim, reads its history and writes it off with a reason', async () => {
  const { page } = await portal.newPage();
  await login(page, 'backoffice');
  await page.getByRole('link', { name: 'Vorderingen' }).click();
  await heading(page, 'Vorderingen');
  await page.getByText('Er zijn geen vorderingen om te tonen.').waitFor();
  await checkA11y(page, 'vorderingen');

  // without amount and reason: said at the fields, nothing written
  await page.getByRole('button', { name: 'Vordering vastleggen' }).click();
  await page.getByText('Noem de betaalde declaratie').waitFor();
  assert.equal((await one<{ n: number }>(`SELECT count(*)::int AS n FROM vorderingen`))!.n, 0);

  await page.getByLabel('Betaalde declaratie').fill('DCL-1001');
  await page.getByLabel('Reden', { exact: true }).selectOption('ONJUIST_BEDRAG');
  await page.getByLabel('Bedrag in euro').fill('28,50');
  await page.getByLabel('Toelichting').fill('Op 20 november is een uur te veel gedeclareerd.');
  await page.getByRole('button', { name: 'Vordering vastleggen' }).click();
  await page.getByText(/Vordering V-1 van € 28,50 op zorgverlener ZV-ZZP-1 is vastgelegd/).waitFor();
  await page.getByText('Samen staat € 28,50 open.').waitFor();
  await checkA11y(page, 'vordering vastgelegd');
  await screenshot(page, 'backoffice-vorderingen');

  await page.getByRole('link', { name: 'V-1' }).click();
  await heading(page, 'Vordering V-1');
  await page.getByText('VORDERING V-1', { exact: true }).waitFor();
  await checkA11y(page, 'vordering V-1');
  await page.getByRole('button', { name: 'Openstaand bedrag kwijtschelden' }).click();
  await page.getByText('Schrijf waarom het openstaande bedrag wordt kwijtgescholden').waitFor();
  await page.getByLabel('Reden').fill('Zorgverlener failliet; niet te innen.');
  await page.getByRole('button', { name: 'Openstaand bedrag kwijtschelden' }).click();
  await page.getByText('Kwijtgescholden', { exact: true }).first().waitFor();
  const v = await one<{ status: string; openstaand: string }>(`SELECT status, openstaand::text AS openstaand FROM vorderingen WHERE vordering_id = 'V-1'`);
  assert.deepEqual(v, { status: 'kwijtgescholden', openstaand: '0' });
  await screenshot(page, 'backoffice-vordering');
});
