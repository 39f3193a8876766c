/**
 * The issue's "Done when", in Chromium through the portals' pages, on the demo world: the funder
 * grants a budget, the holder drafts an agreement and shares it, the provider completes and signs
 * it, the funder approves it with a maximum tariff, the provider submits a claim, the holder
 * approves it in one action, the back office runs the payment, and the holder sees it paid in the
 * trace; plus a claim rejected by the checks (the provider sent the same day twice) that shows the
 * holder why and what to do. axe runs on every page visited; screenshots of the main pages go to
 * docs/screenshots/.
 *
 * Every step goes through the pages: the funder's and the back office's are the page steps of
 * steps/verstrekker.ts and steps/backoffice.ts.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { checkA11y, heading, PHONE, screenshot, startPortal, type Portal } from './support/portal.ts';
import { login, logout } from './steps/common.ts';
import { approveAgreement, grantBudget } from './steps/verstrekker.ts';
import { runPayment } from './steps/backoffice.ts';

let portal: Portal;
before(async () => {
  portal = await startPortal();
});
after(async () => {
  await portal?.close();
});

/** Today in the Netherlands, and a day of care two days back (in the same year). */
function dates() {
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(new Date());
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 2);
  const care = d.toISOString().slice(0, 10);
  const year = today.slice(0, 4);
  return { today, year, care: care.startsWith(year) ? care : today };
}

async function h1Id(page: Page, prefix: string): Promise<string> {
  const text = await page.getByRole('heading', { level: 1 }).innerText();
  const m = new RegExp(`^${prefix} (\\S+)$`).exec(text.trim());
  assert.ok(m, `kop: ${text}`);
  return m[1]!;
}

test('the whole journey through the portals, and a rejected claim explained to the holder', async () => {
  const { today, year, care } = dates();
  const jansen = (await portal.db.query<{ bsn: string }>(`SELECT bsn FROM budgethouders WHERE naam = 'M. Jansen'`)).rows[0]!.bsn;
  const funder = (await portal.newPage()).page;
  const holder = (await portal.newPage()).page;
  const provider = (await portal.newPage()).page;
  const office = (await portal.newPage()).page;

  // 1. the funder grants M. Jansen a budget for Wmo support
  await login(funder, 'gemeente-amsterdam');
  const grant = { toekenningId: 'TKB-REIS-1', bsn: jansen, wet: 'WMO_BG', ingangsdatum: `${year}-01-01`, einddatum: `${year}-12-31`, bedrag: '2400.00' };
  await grantBudget(funder, grant);
  await checkA11y(funder, 'verstrekker: toekenning vastgelegd');

  // the holder sees it on the overview, with its depletion chart
  await login(holder, 'jansen');
  await heading(holder, 'Uw budget');
  await holder.getByRole('heading', { level: 2, name: 'Wmo: begeleiding en ondersteuning' }).waitFor();
  await holder.getByText('Gemeente Amsterdam kende € 2.400,00 toe').waitFor();
  await holder.locator('.pgb-grafiek svg').first().waitFor();
  await checkA11y(holder, 'Mijn PGB: overzicht');
  await screenshot(holder, 'budgethouder-overzicht');

  // 2. the holder drafts an agreement from the model forms, checked while typing, and shares it
  await holder.getByRole('link', { name: 'Zorgovereenkomsten' }).click();
  await heading(holder, 'Zorgovereenkomsten');
  await checkA11y(holder, 'Mijn PGB: zorgovereenkomsten');
  await holder.getByRole('link', { name: 'Nieuwe zorgovereenkomst opstellen' }).click();
  await heading(holder, 'Nieuwe zorgovereenkomst');
  await holder.getByLabel('Overeenkomst van opdracht').check();
  await holder.getByLabel('Code van de zorgverlener').fill('ZV-ZZP-1');
  await holder.getByLabel('Voor welk budget').selectOption('WMO_BG');
  await holder.getByLabel('Ingangsdatum').fill(`${year}-01-01`);
  // a rate that cannot be read is named next to the field while typing
  await holder.getByLabel('Tarief in euro').fill('45,0x');
  await holder.locator('#tarief-fout').waitFor();
  assert.match(await holder.locator('#tarief-fout').innerText(), /\S/);
  await checkA11y(holder, 'Mijn PGB: nieuwe zorgovereenkomst met een fout');
  await holder.getByLabel('Tarief in euro').fill('45,00');
  await holder.locator('#tarief-fout').waitFor({ state: 'detached' });
  await screenshot(holder, 'budgethouder-zorgovereenkomst-opstellen');
  await holder.getByRole('button', { name: 'Concept opslaan' }).click();
  await holder.getByText('Het concept is opgeslagen').waitFor();
  const zok = await h1Id(holder, 'Zorgovereenkomst');
  await checkA11y(holder, 'Mijn PGB: concept');
  await holder.getByRole('button', { name: 'Delen met de zorgverlener' }).click();
  await holder.getByText('Gedeeld met Thuishulp De Linde').waitFor();

  // 3. the provider completes (confirms the terms) and signs it
  await login(provider, 'thuishulp-de-linde');
  await heading(provider, /Welkom/);
  await checkA11y(provider, 'zorgverlener: overzicht');
  await screenshot(provider, 'zorgverlener-overzicht');
  await provider.getByRole('link', { name: `Zorgovereenkomst ${zok}` }).click();
  await heading(provider, `Zorgovereenkomst ${zok}`);
  await provider.getByRole('button', { name: 'Ondertekenen' }).click();
  await provider.getByText('Vink alle drie de verklaringen aan om te ondertekenen.').waitFor();
  await checkA11y(provider, 'zorgverlener: ondertekenen met een fout');
  for (const box of await provider.getByRole('checkbox').all()) await box.check();
  await screenshot(provider, 'zorgverlener-ondertekenen');
  await provider.getByRole('button', { name: 'Ondertekenen' }).click();
  await provider.getByText('Ondertekend. De zorgovereenkomst gaat nu ter accordering').waitFor();

  // 4. the funder approves it with a maximum tariff
  await approveAgreement(funder, { zorgovereenkomstId: zok, maximumtarief: '50.00' });
  await checkA11y(funder, 'verstrekker: zorgovereenkomst geaccordeerd');
  await holder.goto(`/mijn-pgb/zorgovereenkomsten/${zok}`);
  await holder.getByText('Geaccordeerd', { exact: true }).first().waitFor();
  // the maximum tariff the funder set is on the agreement
  assert.match(await holder.locator('.utrecht-data-list__item', { hasText: 'Maximumtarief' }).innerText(), /€ 50,00/);

  // 5. the provider submits a claim (a digital invoice), checked before sending; and by mistake the same day again
  const claims: string[] = [];
  for (const n of [1, 2]) {
    await provider.goto('/zorgverlener/declaraties/nieuw');
    await heading(provider, 'Nieuwe declaratie');
    await provider.getByLabel('Zorgovereenkomst').selectOption(zok);
    await provider.getByLabel('Datum van de zorg').fill(care);
    await provider.getByLabel(/^Aantal/).fill('3');
    assert.equal(await provider.getByLabel('Tarief in euro').inputValue(), '45,00');
    await provider.getByText('De controle vindt niets').waitFor();
    if (n === 1) {
      await checkA11y(provider, 'zorgverlener: nieuwe declaratie');
      await screenshot(provider, 'zorgverlener-declaratie-indienen');
    }
    await provider.getByRole('button', { name: 'Declaratie versturen naar de budgethouder' }).click();
    await provider.getByText('staat nu bij de budgethouder ter goedkeuring').waitFor();
    claims.push(await h1Id(provider, 'Declaratie'));
  }
  await checkA11y(provider, 'zorgverlener: declaratie verstuurd');
  const [paid, rejected] = claims as [string, string];

  // 6. the holder approves the first in one action; the second is refused by the checks, with the reason
  await holder.getByRole('link', { name: 'Taken', exact: true }).click();
  await heading(holder, 'Taken en berichten');
  await holder.getByRole('button', { name: `Declaratie ${paid} goedkeuren` }).waitFor();
  await checkA11y(holder, 'Mijn PGB: taken');
  await screenshot(holder, 'budgethouder-taken');
  await holder.getByRole('button', { name: `Declaratie ${paid} goedkeuren` }).click();
  await holder.getByText(`Declaratie ${paid} is goedgekeurd en wordt betaald`).waitFor();
  await holder.getByRole('button', { name: `Declaratie ${rejected} goedkeuren` }).click();
  await holder.getByText(`Declaratie ${rejected} is goedgekeurd door u, maar de controle zegt`).waitFor();

  // 7. the back office runs the payment
  await login(office, 'backoffice');
  await runPayment(office, { datum: today });
  await checkA11y(office, 'backoffice: betaalrun gestart');

  // 8. the holder sees the claim paid in its trace
  await holder.goto(`/mijn-pgb/declaraties/${paid}`);
  await heading(holder, `Declaratie ${paid}`);
  await holder.locator('.utrecht-status-badge', { hasText: 'Betaald' }).first().waitFor();
  await holder.getByText('In betaalrun', { exact: true }).waitFor();
  await checkA11y(holder, 'Mijn PGB: spoor van een betaalde declaratie');
  await screenshot(holder, 'budgethouder-declaratie-spoor');

  // 9. the rejected claim shows the holder why and what to do
  await holder.goto(`/mijn-pgb/declaraties/${rejected}`);
  await heading(holder, `Declaratie ${rejected}`);
  const why = holder.getByRole('alert').filter({ hasText: 'Waarom: Deze zorg is al gedeclareerd' });
  await why.waitFor();
  assert.match(await why.innerText(), new RegExp(`al gedeclareerd met declaratie ${paid}`));
  assert.match(await holder.getByText(/^Bij /).first().innerText(), /zorgverlener|budgethouder/);
  await checkA11y(holder, 'Mijn PGB: spoor van een afgekeurde declaratie');
  await screenshot(holder, 'budgethouder-declaratie-afgekeurd');

  // and the provider sees the payment status per claim
  await provider.goto('/zorgverlener/declaraties');
  await heading(provider, 'Declaraties en betaalstatus');
  await provider.getByRole('row', { name: new RegExp(paid) }).getByText(/betaald op/).waitFor();
  await checkA11y(provider, 'zorgverlener: declaraties');
  await provider.goto('/zorgverlener/betalingen');
  await heading(provider, 'Betalingen');
  await provider.getByRole('link', { name: paid }).waitFor();
  await checkA11y(provider, 'zorgverlener: betalingen');
  await screenshot(provider, 'zorgverlener-betalingen');

  await logout(holder);
});

test('a representative switches between the holders they act for; Mijn PGB on a phone', async () => {
  const { page } = await portal.newPage(PHONE);
  await login(page, 'vertegenwoordiger');
  await heading(page, 'Budget van P. de Vries');
  await checkA11y(page, 'Mijn PGB als vertegenwoordiger (telefoon)');
  await screenshot(page, 'vertegenwoordiger-overzicht-telefoon');
  await page.getByLabel('U handelt voor').selectOption({ label: 'A. Visser (cliëntnummer 1000005)' });
  await heading(page, 'Budget van A. Visser');
  await page.getByRole('link', { name: 'Declaraties' }).click();
  await heading(page, 'Declaraties');
  const rows = await page.getByRole('row').allInnerTexts();
  assert.ok(rows.length > 1 && rows.slice(1).every((r) => !/P\. de Vries/.test(r)), 'alleen de declaraties van A. Visser');
  await checkA11y(page, 'declaraties als vertegenwoordiger (telefoon)');
  await screenshot(page, 'vertegenwoordiger-declaraties-telefoon');
});
