/**
 * Mijn PGB and the provider's portal beyond the journey, in Chromium on the demo world: the
 * holder's own claim, refused by the check before sending and then sent; a provider's claim the
 * holder rejects with a reason, which the provider then reads. axe on every page visited.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkA11y, heading, PHONE, screenshot, startPortal, type Portal } from './support/portal.ts';
import { login } from './steps/common.ts';

let portal: Portal;
before(async () => {
  portal = await startPortal();
});
after(async () => {
  await portal?.close();
});

/** A day of care in the current month or the one before, not in the future, for ZOK-001 (from 1 January). */
function careDay(back: number): string {
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(new Date());
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - back);
  const s = d.toISOString().slice(0, 10);
  return s.slice(0, 4) === today.slice(0, 4) ? s : today;
}

test("the holder's own claim: the check says what is wrong before sending; then it is sent and approved", async () => {
  const { page } = await portal.newPage();
  await login(page, 'jansen');
  await page.goto('/mijn-pgb/declaraties/nieuw');
  await heading(page, 'Nieuwe declaratie');
  // two approved agreements (ZOK-001 with Thuishulp De Linde, ZOK-007 with the employed carer): none is chosen for the holder
  assert.equal(await page.getByLabel('Zorgovereenkomst').inputValue(), '');
  await page.getByLabel('Zorgovereenkomst').selectOption('ZOK-001');
  // choosing one fills in its rate
  assert.equal(await page.getByLabel('Tarief in euro').inputValue(), '28,50');
  await page.getByLabel('Datum van de zorg').fill(careDay(1));
  await page.getByLabel(/^Aantal/).fill('2,5');
  await page.getByLabel('Tarief in euro').fill('31,00');
  await page.getByText('Zo wordt de declaratie afgekeurd: Het tarief wijkt af van de zorgovereenkomst').waitFor();
  await checkA11y(page, 'Mijn PGB: declaratie met een afwijkend tarief');
  await page.getByRole('button', { name: 'Declaratie versturen' }).click();
  const refused = page.getByRole('alert').filter({ hasText: 'De declaratie is niet verstuurd' });
  await refused.waitFor();
  assert.match(await refused.innerText(), /hoger dan het afgesproken tarief € 28,50/);
  // an amount that cannot be read is named next to its field
  await page.getByLabel(/^Aantal/).fill('twee');
  await page.locator('#regels-0-eenheden-fout').waitFor();
  await page.getByLabel(/^Aantal/).fill('2,5');
  await page.getByLabel('Tarief in euro').fill('28,50');
  await page.getByText('De controle vindt niets').waitFor();
  await screenshot(page, 'budgethouder-declaratie-indienen');
  await page.getByRole('button', { name: 'Declaratie versturen' }).click();
  await page.getByText(/Declaratie .* is ontvangen/).waitFor();
  await page.locator('.utrecht-status-badge', { hasText: 'Goedgekeurd, wordt betaald' }).waitFor();
  await checkA11y(page, 'Mijn PGB: verstuurde declaratie');
});

test("the holder rejects a provider's claim with a reason; the provider reads it", async () => {
  const provider = (await portal.newPage(PHONE)).page;
  await login(provider, 'thuishulp-de-linde');
  await provider.goto('/zorgverlener/declaraties/nieuw');
  await heading(provider, 'Nieuwe declaratie');
  await provider.getByLabel('Zorgovereenkomst').selectOption('ZOK-001');
  await provider.getByLabel('Datum van de zorg').fill(careDay(3));
  await provider.getByLabel(/^Aantal/).fill('4');
  await provider.getByText('De controle vindt niets').waitFor();
  await checkA11y(provider, 'zorgverlener: nieuwe declaratie (telefoon)');
  await provider.getByRole('button', { name: 'Declaratie versturen naar de budgethouder' }).click();
  await provider.getByText('staat nu bij de budgethouder ter goedkeuring').waitFor();
  const id = (await provider.getByRole('heading', { level: 1 }).innerText()).replace('Declaratie ', '').trim();

  const holder = (await portal.newPage(PHONE)).page;
  await login(holder, 'jansen');
  await holder.getByRole('link', { name: 'Taken', exact: true }).click();
  await heading(holder, 'Taken en berichten');
  await holder.getByRole('button', { name: `Declaratie ${id} afwijzen` }).click();
  await holder.getByRole('button', { name: 'Afwijzen', exact: true }).click();
  await holder.getByText('Schrijf waarom u de declaratie afwijst').waitFor();
  await checkA11y(holder, 'Mijn PGB: afwijzen zonder reden (telefoon)');
  await screenshot(holder, 'budgethouder-afwijzen-telefoon');
  await holder.getByLabel('Waarom wijst u de declaratie af?').fill('Op die dag was er geen zorg; ik was in het ziekenhuis.');
  await holder.getByRole('button', { name: 'Afwijzen', exact: true }).click();
  await holder.getByText(`Declaratie ${id} is afgewezen`).waitFor();

  await provider.goto('/zorgverlener');
  await provider.getByText('Reden van de budgethouder').filter({ hasText: 'ik was in het ziekenhuis' }).waitFor();
  await checkA11y(provider, 'zorgverlener: overzicht met een afgewezen declaratie (telefoon)');
  await screenshot(provider, 'zorgverlener-overzicht-telefoon');
});
