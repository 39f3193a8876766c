/**
 * The payroll in the portals (issue #9), in Chromium on the demo world, where M. Jansen employs
 * Lotte Mulder (ZOK-007) and the demo's payroll run made her payslip for the care month:
 * - the holder (Mijn PGB → Loonstroken) and the carer (Portaal zorgverlener → Loonstroken) see the
 *   payslip's figures, open its PDF and the annual statement's PDF; a provider without payroll sees
 *   that there is none;
 * - the holder sends a late claim for the care month; the back office runs the payroll
 *   (Loonadministratie, by keyboard) and gets a correction payslip (version 2), which the holder and
 *   the carer then see marked as a correction; the payroll summary on screen and as Excel and CSV.
 * axe on every page, at desktop and phone width.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { checkA11y, heading, PHONE, screenshot, startPortal, type Portal } from './support/portal.ts';
import { login } from './steps/common.ts';
import { waitForOutcome } from './steps/verstrekker.ts';
import { demoDates } from '../../src/cli/demo.ts';
import { dateInNetherlands } from '../../src/kernel/dates.ts';

const d = demoDates(dateInNetherlands(new Date()));
const MAANDEN = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const careMonthName = `${MAANDEN[Number(d.careMonth.slice(5, 7)) - 1]} ${d.careMonth.slice(0, 4)}`;

let portal: Portal;
before(async () => {
  portal = await startPortal();
});
after(async () => {
  await portal?.close();
});

const loaded = (page: Page) => page.getByRole('status').filter({ hasText: 'Bezig met laden' }).waitFor({ state: 'detached' });

/** Follows a link's address with the page's session and checks that it is a PDF. */
async function opensPdf(page: Page, link: ReturnType<Page['getByRole']>): Promise<void> {
  const href = await link.getAttribute('href');
  assert.ok(href, 'de link heeft een adres');
  const r = await page.request.get(href);
  assert.equal(r.status(), 200, `${href}: ${await r.text().catch(() => '')}`);
  assert.equal(r.headers()['content-type'], 'application/pdf');
  assert.equal((await r.body()).subarray(0, 5).toString('latin1'), '%PDF-');
}

test("the holder's and the carer's payslips: figures per month, the payslip and the annual statement as PDFs", async () => {
  const { page } = await portal.newPage();
  await login(page, 'jansen');
  // by keyboard: the navigation's link
  await page.getByRole('link', { name: 'Loonstroken' }).focus();
  await page.keyboard.press('Enter');
  await heading(page, 'Loonstroken');
  await loaded(page);
  const section = page.getByRole('region', { name: 'Lotte Mulder (zorgverlener ZV-PART-3)' });
  const row = section.getByRole('row').filter({ hasText: careMonthName });
  await row.waitFor();
  // 12 days × 7 hours × 18.50 (see test/db/demo-flow.test.ts for the hand calculation)
  assert.deepEqual((await row.getByRole('cell').allInnerTexts()).map((t) => t.trim()).slice(0, 5), ['1', '€ 1.554,00', '€ 40,04', '€ 1.513,96', '€ 266,20']);
  await opensPdf(page, row.getByRole('link', { name: `Loonstrook ${careMonthName} openen (PDF, nieuw venster)` }));
  await opensPdf(page, section.getByRole('link', { name: `Jaaropgave ${d.careMonth.slice(0, 4)} (PDF, nieuw venster)` }));
  await checkA11y(page, 'Mijn PGB: loonstroken');

  const carer = (await portal.newPage(PHONE)).page;
  await login(carer, 'verzorgende-mulder');
  await carer.goto('/zorgverlener/loonstroken');
  await heading(carer, 'Loonstroken');
  await loaded(carer);
  const employer = carer.getByRole('region', { name: /^Werkgever M\. Jansen \(cliëntnummer \d+\)$/ });
  const own = employer.getByRole('row').filter({ hasText: careMonthName });
  await own.waitFor();
  assert.match(await own.innerText(), /€ 1\.513,96/);
  await opensPdf(carer, own.getByRole('link', { name: /^Loonstrook .* openen \(PDF/ }));
  await opensPdf(carer, employer.getByRole('link', { name: /^Jaaropgave \d{4}/ }));
  await checkA11y(carer, 'Portaal zorgverlener: loonstroken (telefoon)');
  await screenshot(carer, 'zorgverlener-loonstroken-telefoon');

  // a provider without an employment contract has none, and is told why
  const zzp = (await portal.newPage()).page;
  await login(zzp, 'thuishulp-de-linde');
  await zzp.goto('/zorgverlener/loonstroken');
  await heading(zzp, 'Loonstroken');
  await zzp.getByText('Er zijn geen loonstroken voor u.').waitFor();
  await checkA11y(zzp, 'Portaal zorgverlener: geen loonstroken');
});

test('a late claim for the care month: the back office runs the payroll, a correction payslip follows; the payroll summary as Excel and CSV', async () => {
  // the holder sends a claim for one more day of the care month on the employment agreement
  const holder = (await portal.newPage()).page;
  await login(holder, 'jansen');
  await holder.goto('/mijn-pgb/declaraties/nieuw');
  await heading(holder, 'Nieuwe declaratie');
  await holder.getByLabel('Zorgovereenkomst').selectOption('ZOK-007');
  await holder.getByLabel('Datum van de zorg').fill(d.day(26));
  await holder.getByLabel(/^Aantal/).fill('7');
  await holder.getByLabel('Tarief in euro').fill('18,50');
  await holder.getByText('De controle vindt niets').waitFor();
  await holder.getByRole('button', { name: 'Declaratie versturen' }).click();
  await holder.getByText(/Declaratie .* is ontvangen/).waitFor();

  // the back office runs the payroll for the care month, by keyboard
  const { page } = await portal.newPage();
  await login(page, 'backoffice');
  await page.goto('/backoffice/loonadministratie');
  await heading(page, 'Loonadministratie');
  await loaded(page);
  await checkA11y(page, 'Backoffice: loonadministratie');
  const month = page.getByLabel('Maand', { exact: true });
  await month.fill('2026-13');
  await month.press('Enter');
  await page.getByText('Vul de maand in als JJJJ-MM, bijvoorbeeld 2026-11.').waitFor();
  await month.fill(d.careMonth);
  await month.press('Enter');
  await waitForOutcome(page, page.getByRole('status').filter({ hasText: /Loonrun lrn_\w+ gemaakt/ }));
  const runRow = page.getByRole('table', { name: 'Loonstroken van deze loonrun' }).getByRole('row').filter({ hasText: `lst:ZOK-007:${d.careMonth}:2` });
  await runRow.waitFor();
  assert.match(await runRow.innerText(), new RegExp(`${careMonthName} \\(correctie, versie 2\\)`));
  // 13 days × 7 h × 18.50 = 1683.50 gross for the month now
  assert.match(await runRow.innerText(), /€ 1\.683,50/);
  const v2 = (await portal.db.query<{ brutoloon: number; verschil_bruto: number }>(`SELECT brutoloon, verschil_bruto FROM loonstroken WHERE loonstrook_id = $1`, [`lst:ZOK-007:${d.careMonth}:2`])).rows[0];
  assert.deepEqual({ ...v2 }, { brutoloon: 168350, verschil_bruto: 12950 });
  // the summary of the month lists the payslip (its latest version) and the total
  const summary = page.getByRole('table', { name: `Loonoverzicht ${careMonthName}` });
  await summary.getByRole('row').filter({ hasText: 'ZOK-007' }).filter({ hasText: '€ 1.683,50' }).waitFor();
  await summary.getByRole('row').filter({ hasText: 'Totaal' }).waitFor();
  await checkA11y(page, 'Backoffice: loonrun gedaan');
  await screenshot(page, 'backoffice-loonadministratie');
  for (const [name, type] of [[`Loonoverzicht ${careMonthName} als Excel (.xlsx)`, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'], ['als CSV', 'text/csv']] as const) {
    const href = await page.getByRole('link', { name }).getAttribute('href');
    const r = await page.request.get(href!);
    assert.equal(r.status(), 200);
    assert.match(r.headers()['content-type'] ?? '', new RegExp(`^${type.replace(/\./g, '\\.')}`));
    if (type === 'text/csv') assert.match(await r.text(), new RegExp(`ZOK-007,ZV-PART-3,${d.careMonth},2,tijdvak,1683\\.50`));
  }
  // a second run finds nothing new
  await page.getByRole('button', { name: 'Loonrun starten' }).click();
  await page.getByText('Geen nieuwe loonstroken', { exact: true }).waitFor();

  // the holder sees the correction, marked, on a desktop and on a phone
  await holder.goto('/mijn-pgb/loonstroken');
  await heading(holder, 'Loonstroken');
  const section = holder.getByRole('region', { name: 'Lotte Mulder (zorgverlener ZV-PART-3)' });
  const correction = section.getByRole('row').filter({ hasText: 'Correctie, versie 2' });
  await correction.waitFor();
  assert.match(await correction.innerText(), /verschil: bruto \+€ 129,50/);
  await opensPdf(holder, correction.getByRole('link', { name: `Loonstrook ${careMonthName} versie 2 openen (PDF, nieuw venster)` }));
  await checkA11y(holder, 'Mijn PGB: loonstroken met een correctie');
  await screenshot(holder, 'budgethouder-loonstroken');
  await holder.setViewportSize(PHONE);
  await checkA11y(holder, 'Mijn PGB: loonstroken (telefoon)');
});
