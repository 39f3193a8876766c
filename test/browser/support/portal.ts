/**
 * What every browser test starts from: the demo world (`pgb demo`, src/cli/demo.ts) built on a
 * fresh PGlite directory, the demo accounts of every role, the real server (buildApp with ROUTES
 * and the built portal, dist/portal) on a free port of 127.0.0.1, and Debian's Chromium driven by
 * playwright-core (never a downloaded browser). `checkA11y` runs axe (WCAG 2.0/2.1 A and AA) on
 * the page as it is and fails on any violation; `screenshot` saves docs/screenshots/<name>.png.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import assert from 'node:assert/strict';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import type { FastifyInstance } from 'fastify';
import { main } from '../../../src/cli/main.ts';
import { openDb, type Db } from '../../../src/db/connection.ts';
import { migrate } from '../../../src/db/migrate.ts';
import { loadConfig } from '../../../src/config/index.ts';
import { buildApp } from '../../../src/server/app.ts';
import { ROUTES } from '../../../src/server/routes.ts';
import { DEFAULT_PORTAL_DIR } from '../../../src/server/portal.ts';
import { createDemoAccounts } from '../../../src/modules/toegang/index.ts';

export const DEMO_PASSWORD = 'browser-test-wachtwoord-2026';
export const CHROMIUM = process.env.PGB_CHROMIUM ?? '/usr/bin/chromium';
export const SCREENSHOTS = resolve(import.meta.dirname, '../../../docs/screenshots');

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };

export interface Portal {
  baseUrl: string;
  db: Db;
  app: FastifyInstance;
  browser: Browser;
  /** a new browser context (own cookies) with a page, at desktop width unless told */
  newPage(viewport?: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

export async function startPortal(): Promise<Portal> {
  if (!existsSync(join(DEFAULT_PORTAL_DIR, 'index.html'))) {
    throw new Error(`het portaal is niet gebouwd (${DEFAULT_PORTAL_DIR}): npm run build:portal`);
  }
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium ontbreekt op ${CHROMIUM}: apt-get install chromium (.ci/run doet dat)`);
  const dir = mkdtempSync(join(tmpdir(), 'pgb-browser-'));
  const target = join(dir, 'db');
  const out: string[] = [];
  const io = { out: (l: string) => void out.push(l), err: (l: string) => void out.push(l) };
  const env = { ...process.env, PGB_DEBITEUR_NAAM: 'PGB Demo Betaalbureau', PGB_DEBITEUR_IBAN: 'NL91ABNA0417164300', DATABASE_URL: '' };
  const code = await main(['--db', target, '--actor', 'demo', 'demo', '--map', join(dir, 'bestanden')], io, env);
  assert.equal(code, 0, `pgb demo mislukte:\n${out.join('\n')}`);
  const db = await openDb({ target });
  await migrate(db);
  await createDemoAccounts(db, { password: DEMO_PASSWORD, actor: 'browser-test' });
  const config = loadConfig(env, { port: 0 });
  const app = await buildApp({ db, config, routes: ROUTES });
  const baseUrl = (await app.listen({ port: 0, host: '127.0.0.1' })).replace('[::1]', '127.0.0.1');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const contexts: BrowserContext[] = [];
  return {
    baseUrl,
    db,
    app,
    browser,
    async newPage(viewport = DESKTOP) {
      const context = await browser.newContext({ baseURL: baseUrl, viewport, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      // any error the page itself reports (a CSP refusal, an exception) fails the test at the next check
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error' && !/Failed to load resource: the server responded with a status of (401|404|400|409)/.test(m.text())) problems.push(`console: ${m.text()}`);
      });
      pageProblems.set(page, problems);
      return { context, page };
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => {});
      await browser.close();
      await app.close();
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const pageProblems = new WeakMap<Page, string[]>();

/** Fails when the page reported errors (CSP refusals, exceptions) since the last check. */
export function assertNoPageErrors(page: Page): void {
  const p = pageProblems.get(page) ?? [];
  const found = p.splice(0);
  assert.deepEqual(found, [], `de pagina ${page.url()} meldde fouten`);
}

/** axe with the WCAG 2.0 and 2.1 A and AA rules on the page as it is now; fails on any violation. */
export async function checkA11y(page: Page, what: string): Promise<void> {
  assertNoPageErrors(page);
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const v = r.violations.map((x) => `${x.id} (${x.impact}): ${x.help}\n    ${x.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary?.replace(/\n/g, ' ')}`).join('\n    ')}`);
  assert.deepEqual(v, [], `toegankelijkheid van ${what} (${page.url()})`);
}

/** Saves docs/screenshots/<name>.png of the whole page. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Waits until the page shows its h1 with this text (the app has rendered the page). */
export async function heading(page: Page, text: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name: text }).waitFor();
}
