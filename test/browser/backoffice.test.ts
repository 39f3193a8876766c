/**
 * The back office's and the auditor's portals in Chromium, on the demo world: every page visited
 * and checked with axe (WCAG 2.0/2.1 A and AA), screenshots of the main pages, and the main
 * actions with their effect in the database: a paper claim registered on behalf of a holder (the
 * channel and the day of receipt recorded), a parked claim decided, a payment run and its SEPA
 * file downloaded, bank statements uploaded (a confirmation, then a returned transfer that blocks
 * the IBAN, lifted by a new IBAN), a claim's trace with an audited view of the whole BSN; the
 * auditor's sample and audit trail, read only.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkA11y, heading, PHONE, screenshot, startPortal, type Portal } from './support/portal.ts';
import { login } from './steps/common.ts';
import { startPaymentRun } from './steps/backoffice.ts';
import { waitForOutcome } from './steps/verstrekker.ts';
import { syntheticBsn, syntheticIban } from '../../src/kernel/synthetic.ts';
import { addDays, dateInNetherlands, type PlainDate } from '../../src/kernel/dates.ts';
import type { Cents } from '../../src/kernel/money.ts';
import { buildCamt053 } from '../../src/modules/bank/index.ts';

const JANSEN = syntheticBsn(1);
const DEBTOR_IBAN = 'NL91ABNA0417164300';
const today = dateInNetherlands(new Date());
const yesterday = addDays(today, -1);
const careDay = addDays(today, -7);

let portal: Portal;
let files: string;
before(async () => {
  portal = await startPortal();
  files = mkdtempSync(join(tmpdir(), 'pgb-afschriften-'));
});
after(async () => {
  await portal?.close();
  rmSync(files, { recursive: true, force: true });
});

const one = async <T>(sql: string, params: unknown[] = []) => (await portal.db.query<T>(sql, params)).rows[0];
const loaded = (page: import('playwright-core').Page) => page.getByRole('status').filter({ hasText: 'Bezig met laden' }).waitFor({ state: 'detached' });

test('every page of the back office: accessible, on a desktop and a phone', async () => {
  const { page } = await portal.newPage();
  await login(page, 'backoffice');
  const pages: [string, string, string | null][] = [
    ['/backoffice', 'Werkvoorraad', 'backoffice-werkvoorraad'],
    ['/backoffice/papier', 'Papieren declaratie invoeren', 'backoffice-papieren-declaratie'],
    ['/backoffice/geparkeerd', 'Geparkeerde declaraties', 'backoffice-geparkeerd'],
    ['/backoffice/declaraties', 'Declaratie opzoeken', null],
    ['/backoffice/declaraties/DCL-1007', 'Declaratie DCL-1007', null],
    ['/backoffice/betaalruns', 'Betaalruns', null],
    ['/backoffice/bank', 'Bankafschriften', null],
    ['/backoffice/iban', 'IBAN-blokkades', null],
    ['/backoffice/spoed', 'Spoedbetalingen', null],
    ['/backoffice/zorgverleners', 'Zorgverlener zoeken', null],
    ['/backoffice/signalen', 'Signalen', null],
    ['/backoffice/rapporten', 'Rapporten', null],
    ['/backoffice/rapporten/tijdigheid', 'Binnen 10 werkdagen betaald, naar week van ontvangst', 'backoffice-rapport-tijdigheid'],
    ['/backoffice/controle', 'Controle van het grootboek', 'backoffice-controle'],
    ['/backoffice/downloads', 'Downloads', null],
  ];
  for (const [path, title, shot] of pages) {
    await page.goto(path);
    await page.getByRole('heading', { level: 1, name: title }).first().waitFor();
    await loaded(page);
    await checkA11y(page, path);
    if (shot) await screenshot(page, shot);
  }
  // the work queue shows the demo's parked claim by reason and age, linked to its trace
  await page.goto('/backoffice');
  await page.getByRole('link', { name: 'Geparkeerd: Geen zorgovereenkomst' }).waitFor();
  await page.getByRole('link', { name: 'DCL-1007' }).click();
  await heading(page, 'Declaratie DCL-1007');
  // the ledger check passes
  await page.goto('/backoffice/controle');
  await page.getByRole('status').filter({ hasText: 'Het grootboek klopt' }).waitFor();

  const phone = await portal.newPage(PHONE);
  await login(phone.page, 'backoffice');
  for (const [path, title, shot] of [['/backoffice', 'Werkvoorraad', 'backoffice-werkvoorraad-telefoon'], ['/backoffice/papier', 'Papieren declaratie invoeren', 'backoffice-papieren-declaratie-telefoon']] as const) {
    await phone.page.goto(path);
    await heading(phone.page, title);
    await loaded(phone.page);
    await checkA11y(phone.page, `${path} (telefoon)`);
    await screenshot(phone.page, shot);
  }
});

test('a paper claim on behalf of a holder: checked like any claim, channel and day of receipt recorded', async () => {
  const { page } = await portal.newPage();
  await login(page, 'backoffice');
  await page.goto('/backoffice/papier');
  await heading(page, 'Papieren declaratie invoeren');
  // what is wrong is said before anything is sent
  await page.getByRole('button', { name: 'Declaratie vastleggen' }).click();
  await page.getByRole('alert').filter({ hasText: 'De declaratie is niet vastgelegd' }).waitFor();
  await page.getByText('Vul het BSN in: negen cijfers.').waitFor();
  await page.getByText('Vul het aantal eenheden in').waitFor();
  await checkA11y(page, 'papieren declaratie met fouten');

  await page.getByLabel('Kanaal').selectOption('post');
  await page.getByLabel('Ontvangen op').fill(yesterday);
  await page.getByLabel('Declaratienummer').fill('PAP-BROWSER-1');
  await page.getByLabel('BSN van de budgethouder').fill(JANSEN);
  await page.getByLabel('Zorgverlenernummer').fill('ZV-ZZP-1');
  await page.getByLabel('Datum van de zorg').fill(careDay);
  await page.getByLabel('Eenheden').fill('2');
  await page.getByLabel('Tarief (€)').fill('28,50');
  await page.getByLabel('Omschrijving').fill('huishoudelijke hulp (papieren formulier)');
  await page.getByText('Totaal: € 57,00').waitFor();
  await page.getByRole('button', { name: 'Declaratie vastleggen' }).click();
  await waitForOutcome(page, page.getByRole('status').filter({ hasText: 'Declaratie PAP-BROWSER-1: Goedgekeurd' }));
  await checkA11y(page, 'papieren declaratie vastgelegd');
  await screenshot(page, 'backoffice-papieren-declaratie-vastgelegd');
  const c = await one<{ status: string; kanaal: string; ingediend_door: string; bedrag: number; ontvangen: string; zorgovereenkomst_id: string }>(
    `SELECT status, kanaal, ingediend_door, bedrag, to_char(ontvangen_op AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD') AS ontvangen, zorgovereenkomst_id FROM declaraties WHERE declaratie_id = 'PAP-BROWSER-1'`,
  );
  assert.deepEqual({ ...c, bedrag: Number(c!.bedrag) }, { status: 'goedgekeurd', kanaal: 'post', ingediend_door: 'backoffice', bedrag: 5700, ontvangen: yesterday, zorgovereenkomst_id: 'ZOK-001' });

  // the trace, with the whole BSN only on request with a reason, and that view audited
  await page.getByRole('link', { name: 'Bekijk het spoor' }).click();
  await heading(page, 'Declaratie PAP-BROWSER-1');
  const main = page.locator('main');
  await page.getByText('Post (papier), ingediend door backoffice').waitFor();
  assert.ok(!(await main.innerText()).includes(JANSEN), 'the BSN is masked');
  await page.getByRole('button', { name: 'Toon het hele BSN' }).click();
  await page.getByRole('button', { name: 'Toon BSN' }).click();
  await page.getByText('Geef op waarom u het hele BSN nodig hebt.').waitFor();
  await page.getByLabel('Waarom hebt u het hele BSN nodig?').fill('papieren formulier controleren');
  await page.getByRole('button', { name: 'Toon BSN' }).click();
  await page.getByText(JANSEN).waitFor();
  const holder = await one<{ id: number }>(`SELECT id FROM budgethouders WHERE bsn = $1`, [JANSEN]);
  const audit = await one<{ actor: string; reden: string }>(`SELECT actor, reden FROM audit_log WHERE actie = 'bsn.inzage' AND onderwerp = $1`, [`budgethouder:${holder!.id}`]);
  assert.equal(audit?.reden, 'papieren formulier controleren');
  assert.match(audit!.actor, /\(backoffice\)$/);
  await checkA11y(page, 'spoor met BSN');
  await screenshot(page, 'backoffice-spoor');
});

test('decide a parked claim: the decision and its reason are required, then recorded in the trace', async () => {
  const { page } = await portal.newPage();
  await login(page, 'backoffice');
  await page.goto('/backoffice/geparkeerd');
  const card = page.getByRole('region', { name: /DCL-1007/ });
  await card.waitFor();
  await card.getByRole('button', { name: 'Besluit vastleggen' }).click();
  await card.getByText('Kies een besluit.').waitFor();
  await checkA11y(page, 'besluit zonder keuze');
  await card.getByLabel('Wat gebeurt er met deze declaratie?').selectOption('afkeuren');
  await card.getByLabel('Reden').fill('Geen zorgovereenkomst met Coaching Op Weg; de budgethouder is per brief geïnformeerd');
  await card.getByRole('button', { name: 'Besluit vastleggen' }).click();
  await waitForOutcome(page, page.getByRole('status').filter({ hasText: 'Declaratie DCL-1007: Afgekeurd' }));
  const c = await one<{ status: string }>(`SELECT status FROM declaraties WHERE declaratie_id = 'DCL-1007'`);
  assert.equal(c!.status, 'afgekeurd');
  await card.waitFor({ state: 'detached' });
  await page.goto('/backoffice/declaraties/DCL-1007');
  await page.getByRole('cell', { name: /per brief geïnformeerd/ }).waitFor();
  await checkA11y(page, 'spoor van een afgekeurde declaratie');
});

test('a payment run and its SEPA file; bank statements: a confirmation, a return that blocks the IBAN, a new IBAN', async () => {
  const { page } = await portal.newPage();
  await login(page, 'backoffice');
  // something approved to pay: a paper claim for Thuishulp De Linde
  await page.goto('/backoffice/papier');
  await page.getByLabel('BSN van de budgethouder').fill(JANSEN);
  await page.getByLabel('Zorgverlenernummer').fill('ZV-ZZP-1');
  await page.getByLabel('Datum van de zorg').fill(addDays(careDay, -1));
  await page.getByLabel('Eenheden').fill('1,5');
  await page.getByLabel('Tarief (€)').fill('28,50');
  await page.getByRole('button', { name: 'Declaratie vastleggen' }).click();
  await waitForOutcome(page, page.getByRole('status').filter({ hasText: 'Goedgekeurd' }));

  const runId = await startPaymentRun(page, { datum: today });
  const payments = await portal.db.query<{ betaling_id: string; bedrag: number; iban: string; zorgverlener_id: string }>(`SELECT betaling_id, bedrag, iban, zorgverlener_id FROM betalingen WHERE betaalrun_id = $1`, [runId]);
  assert.ok(payments.rows.length >= 1);
  await page.getByRole('row').filter({ hasText: runId }).waitFor();
  await checkA11y(page, 'betaalrun gemaakt');
  await screenshot(page, 'backoffice-betaalruns');
  const [sepa] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: `Download het SEPA-bestand van ${runId}` }).click()]);
  assert.equal(sepa.suggestedFilename(), `${runId}.xml`);
  const xml = readFileSync((await sepa.path())!, 'utf8');
  assert.match(xml, /urn:iso:std:iso:20022:tech:xsd:pain\.001\.001\.09/);
  const stored = await one<{ pain001: string }>(`SELECT pain001 FROM betaalruns WHERE betaalrun_id = $1`, [runId]);
  assert.equal(xml, stored!.pain001, 'the file exactly as stored');

  // statement 1: the bank confirms every payment of the run, and a credit nobody can place
  const zzp1 = payments.rows.find((p) => p.zorgverlener_id === 'ZV-ZZP-1')!;
  const statement = (id: string, entries: Parameters<typeof buildCamt053>[0]['statements'][number]['entries']) =>
    buildCamt053({ messageId: id, createdAt: new Date(), statements: [{ statementId: id, account: DEBTOR_IBAN, openingBalance: 10_000_000 as Cents, entries }] });
  const first = join(files, 'afschrift-1.xml');
  writeFileSync(
    first,
    statement('BROWSER-AFSCHRIFT-1', [
      { entryRef: 'B1', direction: 'DBIT', bookingDate: today as PlainDate, transactions: payments.rows.map((p) => ({ amount: Number(p.bedrag) as Cents, endToEndId: p.betaling_id, counterpartyIban: p.iban })) },
      { entryRef: 'B2', direction: 'CRDT', bookingDate: today as PlainDate, transactions: [{ amount: 1_234 as Cents, counterpartyName: 'Onbekende afzender', counterpartyIban: syntheticIban(9701), remittance: 'waarvoor is dit' }] },
    ]),
  );
  await page.goto('/backoffice/bank');
  await heading(page, 'Bankafschriften');
  await page.getByRole('button', { name: 'Afschrift inlezen' }).click();
  await page.getByText('Kies het bestand met het afschrift.').waitFor();
  await page.getByLabel('Afschrift (XML-bestand)').setInputFiles(first);
  await page.getByRole('button', { name: 'Afschrift inlezen' }).click();
  await waitForOutcome(page, page.getByRole('status').filter({ hasText: 'Afschrift ingelezen' }));
  await page.getByText(`${payments.rows.length} bevestigde betalingen`, { exact: false }).waitFor();
  await page.getByRole('row').filter({ hasText: 'waarvoor is dit' }).waitFor();
  await checkA11y(page, 'afschrift ingelezen');
  await screenshot(page, 'backoffice-bank');
  const confirmed = await one<{ n: number }>(`SELECT count(*)::int AS n FROM betalingen WHERE betaalrun_id = $1 AND status = 'bevestigd'`, [runId]);
  assert.equal(confirmed!.n, payments.rows.length);
  // the same file again books nothing
  await page.getByLabel('Afschrift (XML-bestand)').setInputFiles(first);
  await page.getByRole('button', { name: 'Afschrift inlezen' }).click();
  await page.getByText('was al eerder ingelezen').waitFor();
  // a file that is not a statement is refused with the reason, and changes nothing
  const bad = join(files, 'geen-afschrift.xml');
  writeFileSync(bad, '<Document><iets/></Document>');
  await page.getByLabel('Afschrift (XML-bestand)').setInputFiles(bad);
  await page.getByRole('button', { name: 'Afschrift inlezen' }).click();
  await page.getByRole('alert').filter({ hasText: 'Het afschrift is niet ingelezen' }).waitFor();
  await checkA11y(page, 'afschrift geweigerd');

  // statement 2: the transfer to Thuishulp De Linde comes back (account closed): its IBAN is blocked
  const second = join(files, 'afschrift-2.xml');
  writeFileSync(second, statement('BROWSER-AFSCHRIFT-2', [{ entryRef: 'R1', direction: 'CRDT', bookingDate: today as PlainDate, transactions: [{ amount: Number(zzp1.bedrag) as Cents, originalEndToEndId: zzp1.betaling_id, counterpartyIban: zzp1.iban, returnReason: 'AC04' }] }]));
  await page.getByLabel('Afschrift (XML-bestand)').setInputFiles(second);
  await page.getByRole('button', { name: 'Afschrift inlezen' }).click();
  await page.getByText('1 teruggeboekte betalingen', { exact: false }).waitFor();

  await page.goto('/backoffice/iban');
  const block = page.getByRole('region', { name: /Thuishulp De Linde/ });
  await block.waitFor();
  assert.match(await block.innerText(), /AC04/);
  assert.ok(!(await block.innerText()).includes(zzp1.iban), 'the IBAN is masked');
  await checkA11y(page, 'iban-blokkade');
  await screenshot(page, 'backoffice-iban-blokkade');
  await block.getByRole('button', { name: 'IBAN vastleggen' }).click();
  await block.getByText('Vul het nieuwe IBAN in.').waitFor();
  const nieuw = syntheticIban(9702);
  await block.getByLabel('Nieuw IBAN', { exact: true }).fill(nieuw);
  await block.getByLabel('Reden', { exact: true }).fill('nieuw rekeningnummer per brief van de zorgverlener');
  await block.getByRole('button', { name: 'IBAN vastleggen' }).click();
  await waitForOutcome(page, page.getByRole('status').filter({ hasText: 'de blokkade is opgeheven' }));
  await page.getByText('Er zijn geen geblokkeerde IBANs.').waitFor();
  const zv = await one<{ iban: string; iban_geblokkeerd: string | null }>(`SELECT iban, iban_geblokkeerd FROM zorgverleners WHERE zorgverlener_id = 'ZV-ZZP-1'`);
  assert.deepEqual(zv, { iban: nieuw, iban_geblokkeerd: null });
});

test('the auditor: the sample with its traces, the audit trail, the ledger check; read only', async () => {
  const { page } = await portal.newPage();
  await login(page, 'auditor');
  await heading(page, 'Steekproef');
  await checkA11y(page, 'steekproef (leeg)');
  await page.getByLabel('Aantal').fill('3');
  await page.getByLabel('Zaad').fill('controle-browser');
  await page.getByRole('button', { name: 'Trekken' }).click();
  const table = page.getByRole('table', { name: 'Getrokken declaraties' });
  await table.waitFor();
  const first = await table.locator('tbody tr').allInnerTexts();
  assert.ok(first.length >= 1 && first.length <= 3, `${first.length} rijen`);
  await table.locator('details').first().locator('summary').click();
  await checkA11y(page, 'steekproef');
  await screenshot(page, 'auditor-steekproef');
  // the same seed gives the same sample
  await page.reload();
  await page.getByLabel('Aantal').fill('3');
  await page.getByLabel('Zaad').fill('controle-browser');
  await page.getByRole('button', { name: 'Trekken' }).click();
  await table.waitFor();
  assert.deepEqual(await table.locator('tbody tr th').allInnerTexts(), first.map((r) => r.split('\t')[0]!.trim()));
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download als CSV' }).click()]);
  assert.equal(csv.suggestedFilename(), 'steekproef-controle-browser.csv');

  await page.getByRole('link', { name: 'Audittrail' }).click();
  await heading(page, 'Audittrail');
  await page.getByLabel('Actie').fill('betaalrun');
  await page.getByRole('button', { name: 'Filteren' }).click();
  const rows = page.getByRole('table', { name: 'Audittrail' }).locator('tbody tr');
  await rows.first().waitFor();
  for (const r of await rows.allInnerTexts()) assert.match(r, /betaalrun\./);
  await checkA11y(page, 'audittrail');
  await screenshot(page, 'auditor-audittrail');

  await page.getByRole('link', { name: 'Controle' }).click();
  await page.getByRole('status').filter({ hasText: 'Het grootboek klopt' }).waitFor();
  await checkA11y(page, 'controle (auditor)');
  // nothing to change here: no form posts, and the back office's pages are not the auditor's
  await page.goto('/backoffice/betaalruns');
  await page.waitForURL((u) => u.pathname.startsWith('/auditor'));
});
