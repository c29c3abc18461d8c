// End to end in Chromium: least privilege. As installed, Unspin may read no page: a page opened
// is not read, the settings page opens at "Site access", and without the user's click (activeTab)
// the worker can't even put its script into a tab. Once every site is allowed (the harness's
// granted copy, scripts/lib/site-access.ts), pages are read once loaded; with "only when I click",
// the script goes into a tab only on request.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPTIONS_STRINGS } from '../../extension/options/strings';
import { CANNOT_READ_MESSAGE } from '../../extension/background/forward';
import { CHROMIUM, type ChromeApi, doneState, highlightedTexts, launchWithExtension, serveFixtures, storedStates, useSettings, waitFor, type ExtensionBrowser, type FixtureServer } from './browser';
import { distDir, ensureBuilt, OUT_DIR } from './build';
import { worldOf } from './isolated';
import { EXTRACT_MEASURE, MEASURES_KEY, type StepMeasure } from '../../extension/content/measures';

/** How long a content script would need to report a scan (its first chunk is sent ~100 ms after idle). */
const NOT_READ_WAIT_MS = 2500;

declare const chrome: ChromeApi & { tabs: { query(query: object): Promise<{ id?: number }[]> } };

/** The id of `page`'s tab, asked of the worker (no "tabs" permission: by activating it). */
async function tabIdOf(browser: ExtensionBrowser, page: Page): Promise<number> {
  await page.bringToFront();
  const id = await (await browser.worker()).evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
  if (typeof id !== 'number') throw new Error('no active tab');
  return id;
}

async function openPopup(browser: ExtensionBrowser, tabId: number): Promise<Page> {
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/extension/popup/index.html?tabId=${tabId}`);
  return popup;
}

/** No TabState for the page's URL after a content script would have reported one. */
async function expectNotRead(browser: ExtensionBrowser, url: string): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, NOT_READ_WAIT_MS));
  const states = Object.values(await storedStates(await browser.worker()));
  expect(states.filter((state) => state.url === url)).toEqual([]);
}

describe.skipIf(!existsSync(CHROMIUM))('site access in Chromium', () => {
  let server: FixtureServer;

  beforeAll(async () => {
    await ensureBuilt('chrome');
    server = await serveFixtures();
  }, 180_000);

  afterAll(async () => {
    await server?.close();
  });

  describe('as installed (no site allowed)', () => {
    let browser: ExtensionBrowser;
    beforeAll(async () => {
      browser = await launchWithExtension(distDir('chrome'), [], { asInstalled: true });
    }, 60_000);
    afterAll(async () => browser?.close());

    it('has no site allowed and opens the settings at "Site access"', async () => {
      const worker = await browser.worker();
      expect(await worker.evaluate(() => chrome.permissions.getAll())).toMatchObject({ origins: [] });
      const settings = await waitFor(async () => browser.context.pages().find((p) => p.url().endsWith('/extension/options/index.html#site-access-heading')), 20_000, 'the settings page');
      const note = settings.locator('.access-missing[role="alert"]');
      await note.waitFor();
      expect(await note.textContent()).toContain(OPTIONS_STRINGS.accessMissing);
      expect(await settings.locator('button.access-allow').textContent()).toBe(OPTIONS_STRINGS.accessAllow);
      await settings.setViewportSize({ width: 760, height: 420 });
      mkdirSync(join(OUT_DIR, 'screenshots'), { recursive: true });
      await settings.screenshot({ path: join(OUT_DIR, 'screenshots', 'site-access.png') });
    });

    it('does not read a page, and cannot put its script into one without the user\'s click', async () => {
      const url = `${server.origin}/article.html`;
      const page = await browser.context.newPage();
      await page.goto(url);
      await expectNotRead(browser, url);
      const popup = await openPopup(browser, await tabIdOf(browser, page));
      // The popup offers both: this page now, or every page as it opens.
      await popup.locator('button.allow-every-page').waitFor();
      expect(await popup.locator('.state .hint').first().textContent()).toBe(OPTIONS_STRINGS.accessMissing);
      // A test can't click the toolbar button (which grants activeTab): the browser refuses the script.
      await popup.locator('button.check').click();
      await popup.getByText(CANNOT_READ_MESSAGE).waitFor({ timeout: 10_000 });
      expect(await highlightedTexts(page)).toEqual([]);
      await popup.close();
      await page.close();
    });
  });

  describe('every site allowed', () => {
    let browser: ExtensionBrowser;
    beforeAll(async () => {
      browser = await launchWithExtension(distDir('chrome'));
    }, 60_000);
    afterAll(async () => browser?.close());

    it('reads a page once it has loaded, without delaying its load event, and opens no settings page', async () => {
      expect(browser.context.pages().filter((p) => p.url().includes('/extension/options/'))).toEqual([]);
      const url = `${server.origin}/article.html?loaded`;
      const page = await browser.context.newPage();
      await page.goto(url);
      await doneState(browser, url);
      // The script went in after the load event: its first step (reading the page, timed in its own world) starts after loadEventEnd.
      const load = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd);
      const steps = await waitFor(async () => {
        const found = await (await worldOf(page)).evaluate<StepMeasure[]>(`globalThis[Symbol.for(${JSON.stringify(MEASURES_KEY.description)})] ?? []`);
        return found?.some((m) => m.name === EXTRACT_MEASURE) ? found : undefined;
      }, 10_000, 'the content script\'s steps');
      expect(load).toBeGreaterThan(0);
      expect(steps.find((m) => m.name === EXTRACT_MEASURE)!.start).toBeGreaterThan(load);
      await page.close();
    });

    it('"only when I click": pages are not read; "Check this page" puts the script into that tab, which is read', async () => {
      const worker = await browser.worker();
      await useSettings(worker, { scanMode: 'click', sensitivity: 'balanced' });
      const url = `${server.origin}/article.html`;
      const page = await browser.context.newPage();
      await page.goto(url);
      await expectNotRead(browser, url);
      const popup = await openPopup(browser, await tabIdOf(browser, page));
      await popup.locator('button.check').click();
      const [, state] = await doneState(browser, url);
      expect(state.analysis!.findings.length).toBeGreaterThan(0);
      await waitFor(async () => ((await highlightedTexts(page)).length > 0 ? true : undefined), 10_000, 'highlights');
      await useSettings(worker, { scanMode: 'auto' });
      await popup.close();
      await page.close();
    });

    it('sent no request anywhere but the fixture server and the extension itself', () => {
      const outside = browser.requests.filter((r) => !r.url.startsWith(server.origin) && !r.url.startsWith(`chrome-extension://${browser.extensionId}/`));
      expect(outside).toEqual([]);
    });
  });
});
