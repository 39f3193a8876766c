/**
 * The funder's portal in Chromium, on the demo world, signed in as Gemeente Amsterdam (GM0363):
 * every page visited and checked with axe (WCAG 2.0/2.1 A and AA), screenshots of the main pages,
 * and the main actions with their effect in the database: grant and withdraw a budget, search a
 * provider by KvK and BSN, approve an agreement with a maximum tariff (which releases a claim
 * parked for want of it), reject one with a reason, a report with its chart and downloads, the
 * signals with their evidence, a holder's depletion chart.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { checkA11y, DEMO_PASSWORD, heading, PHONE, screenshot, startPortal, type Portal } from './support/portal.ts';
import { agreementAwaitingFunder } from './support/verzoeken.ts';
import { login } from './steps/common.ts';
import { approveAgreement, grantBudget, openAgreementFromQueue, rejectAgreement, waitForOutcome } from './steps/verstrekker.ts';
import { createUser } from '../../src/modules/toegang/index.ts';
import { syntheticBsn } from '../../src/kernel/synthetic.ts';
import { dateInNetherlands } from '../../src/kernel/dates.ts';

const JANSEN = syntheticBsn(1);
const SMIT = syntheticBsn(6);
const PIETERSEN = syntheticBsn(4);
const year = dateInNetherlands(new Date()).slice(0, 4);

let portal: Portal;
before(async () => {
  portal = await startPortal();
  // the provider Coaching Op Weg (ZV-ZZP-2) and holder R. Smit get an account, to sign and draft agreements
  await createUser(portal.db, { gebruikersnaam: 'coaching-op-weg', naam: 'Coaching Op Weg', rol: 'zorgverlener', zorgverlener: 'ZV-ZZP-2', wachtwoord: DEMO_PASSWORD, actor: 'browser-test' });
  await createUser(portal.db, { gebruikersnaam: 'smit', naam: 'R. Smit', rol: 'budgethouder', budgethouders: [SMIT], wachtwoord: DEMO_PASSWORD, actor: 'browser-test' });
});
after(async () => {
  await portal?.close();
});

const one = async <T>(sql: string, params: unknown[]) => (await portal.db.query<T>(sql, params)).rows[0];

test('every page of the funder’s portal: accessible, on a desktop and a phone', async () => {
  const { page } = await portal.newPage();
  await login(page, 'gemeente-amsterdam');
  const holder = await one<{ id: number }>(`SELECT id FROM budgethouders WHERE bsn = $1`, [PIETERSEN]);
  const pages: [string, string | RegExp, string | null][] = [
    ['/verstrekker', /Overzicht verstrekker GM0363/, 'verstrekker-overzicht'],
    ['/verstrekker/zorgovereenkomsten', 'Zorgovereenkomsten te beoordelen', 'verstrekker-te-beoordelen'],
    ['/verstrekker/toekenningen', 'Toekenningen', 'verstrekker-toekenningen'],
    ['/verstrekker/zorgverleners', 'Zorgverlener zoeken', null],
    ['/verstrekker/budgetten', 'Budgetten', 'verstrekker-budgetten'],
    [`/verstrekker/budgethouders/${holder!.id}`, 'Pietersen, J.', 'verstrekker-uitputting'],
    ['/verstrekker/signalen', 'Signalen', 'verstrekker-signalen'],
    ['/verstrekker/rapporten', 'Rapporten', null],
    ['/verstrekker/downloads', 'Downloads', null],
  ];
  for (const [path, title, shot] of pages) {
    await page.goto(path);
    await heading(page, title);
    await page.getByRole('status').filter({ hasText: 'Bezig met laden' }).waitFor({ state: 'detached' });
    await checkA11y(page, path);
    if (shot) await screenshot(page, shot);
  }
  // the overview counts what waits: the demo's budget signal for J. Pietersen
  await page.goto('/verstrekker');
  await page.getByRole('list', { name: 'Wacht op u' }).getByText('signalen: budget raakt op').waitFor();

  const phone = await portal.newPage(PHONE);
  await login(phone.page, 'gemeente-amsterdam');
  for (const [path, title, shot] of [['/verstrekker', /Overzicht/, 'verstrekker-overzicht-telefoon'], [`/verstrekker/budgethouders/${holder!.id}`, 'Pietersen, J.', 'verstrekker-uitputting-telefoon']] as const) {
    await phone.page.goto(path);
    await heading(phone.page, title);
    await phone.page.getByRole('status').filter({ hasText: 'Bezig met laden' }).waitFor({ state: 'detached' });
    await checkA11y(phone.page, `${path} (telefoon)`);
    await screenshot(phone.page, shot);
  }
});

test('grant a budget, see it, withdraw it: each in the database with the funder as actor', async () => {
  const { page } = await portal.newPage();
  await login(page, 'gemeente-amsterdam');
  // the checks before sending say what to fix, next to each field
  await page.goto('/verstrekker/toekenningen');
  const form = page.getByRole('form', { name: 'Budget toekennen' });
  await form.getByRole('button', { name: 'Budget toekennen' }).click();
  await form.getByText('Vul het BSN in: negen cijfers.').waitFor();
  assert.equal(await form.getByLabel('BSN van de budgethouder').getAttribute('aria-invalid'), 'true');
  await checkA11y(page, 'toekenning met fouten');

  await grantBudget(page, { toekenningId: 'TKB-BROWSER-1', bsn: SMIT, wet: 'WMO_BG', ingangsdatum: `${year}-01-01`, einddatum: `${year}-12-31`, bedrag: '2400.00' });
  const stored = await one<{ bedrag: number; verstrekker: string }>(`SELECT bedrag, verstrekker FROM toekenningen WHERE toekenning_id = 'TKB-BROWSER-1'`, []);
  assert.deepEqual({ ...stored, bedrag: Number(stored!.bedrag) }, { bedrag: 240000, verstrekker: 'GM0363' });
  const row = page.getByRole('row').filter({ hasText: 'TKB-BROWSER-1' });
  await row.getByText('€ 2.400,00').waitFor();
  await screenshot(page, 'verstrekker-toekenning');

  await row.getByRole('button', { name: 'Toekenning TKB-BROWSER-1 intrekken' }).click();
  await page.getByLabel('Nummer van de intrekking').fill('TKB-BROWSER-1-IN');
  await page.getByRole('button', { name: 'Intrekking vastleggen' }).click();
  await waitForOutcome(page, page.getByRole('status').filter({ hasText: 'Toekenning TKB-BROWSER-1 is ingetrokken' }));
  const withdrawn = await one<{ bedrag: number; vervangt: string }>(`SELECT bedrag, vervangt FROM toekenningen WHERE toekenning_id = 'TKB-BROWSER-1-IN'`, []);
  assert.deepEqual({ bedrag: Number(withdrawn!.bedrag), vervangt: withdrawn!.vervangt }, { bedrag: 0, vervangt: 'TKB-BROWSER-1' });
  await page.getByRole('row').filter({ hasText: 'TKB-BROWSER-1-IN' }).getByText('ingetrokken').waitFor();
  const audit = await one<{ actor: string }>(`SELECT actor FROM audit_log WHERE actie LIKE 'import.toekenningen%' ORDER BY id DESC LIMIT 1`, []);
  assert.match(audit!.actor, /\(verstrekker\)$/);
});

test('search a provider by KvK number and by BSN: its agreements with this funder’s holders only', async () => {
  const { page } = await portal.newPage();
  await login(page, 'gemeente-amsterdam');
  await page.goto('/verstrekker/zorgverleners');
  await page.getByLabel('KvK-nummer').fill('81234567');
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await heading(page, 'Zorgverlener zoeken');
  const table = page.getByRole('table', { name: 'Zorgovereenkomsten van Thuishulp De Linde' });
  await table.waitFor();
  const ids = (await table.locator('tbody tr th').allInnerTexts()).map((t) => t.trim()).sort();
  assert.deepEqual(ids, ['ZOK-001', 'ZOK-006'], 'the agreements with M. Jansen and R. Smit, both funded by GM0363');
  await checkA11y(page, 'zorgverlener gevonden');
  await screenshot(page, 'verstrekker-zorgverlener');

  // Anna Bakker (a private provider) works only for P. de Vries, whom the zorgkantoor funds: not found here
  await page.getByLabel('Zoeken op').selectOption('bsn');
  await page.getByLabel('BSN', { exact: true }).fill(syntheticBsn(201));
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await page.getByText('geen zorgverlener met dit BSN gevonden').waitFor();
  // and a number that cannot be one is explained before anything is sent
  await page.getByLabel('BSN', { exact: true }).fill('1234');
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await page.getByText('Een BSN heeft negen cijfers.').waitFor();

  // the zorgkantoor does find her, with the BSN masked
  const zk = await portal.newPage();
  await login(zk.page, 'zorgkantoor-zuid-holland');
  await zk.page.goto('/verstrekker/zorgverleners');
  await zk.page.getByLabel('Zoeken op').selectOption('bsn');
  await zk.page.getByLabel('BSN', { exact: true }).fill(syntheticBsn(201));
  await zk.page.getByRole('button', { name: 'Zoeken' }).click();
  await zk.page.getByRole('table', { name: 'Zorgovereenkomsten van Anna Bakker' }).waitFor();
  const text = await zk.page.locator('main').innerText();
  assert.ok(!text.includes(syntheticBsn(201)), 'the BSN is masked');
  assert.match(text, new RegExp(`BSN •+${syntheticBsn(201).slice(-4)}`));
});

test('approve an agreement with a maximum tariff: the claim parked for want of it is paid-ready at once', async () => {
  const id = await agreementAwaitingFunder(portal, { holder: 'jansen', provider: 'coaching-op-weg', zorgverlenerId: 'ZV-ZZP-2', wet: 'WMO_HH', tarief: '40.00', ingangsdatum: `${year}-01-01` });
  assert.equal((await one<{ status: string }>(`SELECT status FROM declaraties WHERE declaratie_id = 'DCL-1007'`, []))!.status, 'geparkeerd');
  const { page } = await portal.newPage();
  await login(page, 'gemeente-amsterdam');
  await openAgreementFromQueue(page, id);
  await checkA11y(page, 'zorgovereenkomst te beoordelen');
  // approving without a tariff is explained; a tariff below the agreed rate warns (the holder pays the difference)
  await page.getByLabel('Accorderen met een maximumtarief').check();
  await page.getByLabel(/^Maximumtarief per/).fill('');
  await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
  await page.getByText('Vul het maximumtarief in euro’s in').waitFor();
  await page.getByLabel(/^Maximumtarief per/).fill('35,00');
  await page.getByText('het verschil betaalt de budgethouder uit eigen middelen').waitFor();
  await checkA11y(page, 'besluit met waarschuwing');
  await screenshot(page, 'verstrekker-beoordelen');

  await approveAgreement(page, { zorgovereenkomstId: id, maximumtarief: '45.00' });
  await page.getByText(/Wachtende declaraties opnieuw gecontroleerd: 1 goedgekeurd/).waitFor();
  const a = await one<{ status: string; maximumtarief: number }>(`SELECT status, maximumtarief FROM zorgovereenkomsten WHERE zorgovereenkomst_id = $1`, [id]);
  assert.deepEqual({ status: a!.status, maximumtarief: Number(a!.maximumtarief) }, { status: 'geaccordeerd', maximumtarief: 4500 });
  assert.equal((await one<{ status: string }>(`SELECT status FROM declaraties WHERE declaratie_id = 'DCL-1007'`, []))!.status, 'goedgekeurd');
  await page.goto('/verstrekker/zorgovereenkomsten');
  await page.getByText('Er wachten geen zorgovereenkomsten op uw besluit.').waitFor();
});

test('reject an agreement: the reason is required and recorded', async () => {
  const id = await agreementAwaitingFunder(portal, { holder: 'smit', provider: 'coaching-op-weg', zorgverlenerId: 'ZV-ZZP-2', wet: 'WMO_HH', tarief: '30.00', ingangsdatum: `${year}-01-01` });
  const { page } = await portal.newPage();
  await login(page, 'gemeente-amsterdam');
  await openAgreementFromQueue(page, id);
  await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
  await page.getByText('Kies: accorderen of afkeuren.').waitFor();
  await page.getByLabel('Afkeuren', { exact: true }).check();
  await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
  await page.getByText('Schrijf waarom u afkeurt').waitFor();
  assert.equal(await page.getByLabel('Reden van afkeuren').getAttribute('aria-invalid'), 'true');
  await checkA11y(page, 'afkeuren zonder reden');
  assert.equal((await one<{ status: string }>(`SELECT status FROM zorgovereenkomsten WHERE zorgovereenkomst_id = $1`, [id]))!.status, 'ingediend', 'nothing sent');

  await rejectAgreement(page, { zorgovereenkomstId: id, reden: 'Geen indicatie voor huishoudelijke hulp door deze zorgverlener' });
  const v = await one<{ status: string; reden: string }>(`SELECT status, reden FROM zorgovereenkomst_versies WHERE zorgovereenkomst_id = $1 ORDER BY versie DESC LIMIT 1`, [id]);
  assert.deepEqual(v, { status: 'afgekeurd', reden: 'Geen indicatie voor huishoudelijke hulp door deze zorgverlener' });
  await page.getByRole('row').filter({ hasText: 'Geen indicatie voor huishoudelijke hulp' }).waitFor();
});

test('a report on screen with its chart, and as Excel and CSV; the Excel downloads', async () => {
  const { page } = await portal.newPage();
  await login(page, 'gemeente-amsterdam');
  await page.goto('/verstrekker/rapporten');
  await page.getByRole('link', { name: 'Gedeclareerde en betaalde bedragen per wet per zorgmaand' }).click();
  await heading(page, 'Gedeclareerde en betaalde bedragen per wet per zorgmaand');
  const chart = page.getByRole('img', { name: /^Grafiek: / });
  await chart.waitFor();
  // the chart image has loaded (an SVG from the API): a broken image has no natural width
  await page.waitForFunction("(() => { const i = document.querySelector('img.pgb-rapportfiguur__beeld'); return i !== null && i.complete && i.naturalWidth > 0; })()");
  await page.getByRole('table', { name: 'Gedeclareerde en betaalde bedragen per wet per zorgmaand' }).waitFor();
  assert.match(await page.locator('main').innerText(), /verstrekker GM0363/);
  await checkA11y(page, 'rapport');
  await screenshot(page, 'verstrekker-rapport');

  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Excel (.xlsx)' }).click()]);
  assert.match(xlsx.suggestedFilename(), /^bedragen-per-wet-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.xlsx$/);
  assert.equal(readFileSync((await xlsx.path())!).subarray(0, 2).toString(), 'PK', 'an Excel file (zip)');
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'CSV' }).click()]);
  assert.match(readFileSync((await csv.path())!, 'utf8'), /^maand,gedeclareerd_WLZ/);
  // a period the wrong way round is explained, not sent
  await page.getByLabel('Van', { exact: true }).fill(`${year}-12-01`);
  await page.getByLabel('Tot en met', { exact: true }).fill(`${year}-01-01`);
  await page.getByRole('button', { name: 'Toon' }).click();
  await page.getByText('De begindatum ligt na de einddatum.').waitFor();

  await page.goto('/verstrekker/downloads');
  const [budgets] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Budgetten (Excel)' }).click()]);
  assert.match(budgets.suggestedFilename(), /^budgetten-\d{4}-\d{2}-\d{2}\.xlsx$/);
});

test('signals with their evidence, and a holder’s depletion chart with the expected run-out date', async () => {
  const { page } = await portal.newPage();
  await login(page, 'gemeente-amsterdam');
  await page.goto('/verstrekker/signalen');
  const signal = page.getByRole('region', { name: 'Budget raakt op' }).first();
  await signal.waitFor();
  assert.match(await signal.innerText(), /cliënt 1000004/);
  await signal.getByText('Bewijs').click();
  await signal.getByText('Procent resterend').waitFor();
  await checkA11y(page, 'signaal met bewijs open');

  const holder = await one<{ id: number }>(`SELECT id FROM budgethouders WHERE bsn = $1`, [PIETERSEN]);
  await page.goto(`/verstrekker/budgethouders/${holder!.id}`);
  await page.getByText(/In dit tempo is het budget op \d+ \w+ \d{4}/).waitFor();
  const svg = page.getByRole('img', { name: /Uitputting Wmo begeleiding en ondersteuning/ });
  await svg.waitFor();
  assert.ok((await svg.locator('rect').count()) > 0, 'bars of what was spent');
  await page.getByText('De cijfers van de grafiek', { exact: true }).click();
  await page.getByRole('table', { name: /de cijfers$/ }).getByText('€ 1.320,00').first().waitFor();
  // another funder's holder is not found
  const other = await one<{ id: number }>(`SELECT id FROM budgethouders WHERE bsn = $1`, [syntheticBsn(2)]);
  await page.goto(`/verstrekker/budgethouders/${other!.id}`);
  await page.getByRole('alert').getByText('Dit kon niet worden geladen').waitFor();
  void JANSEN;
});
