// End to end in Chromium: the settings page changes what an open tab shows, without a reload.
// Categories and highlight style repaint the page at once; a new sensitivity makes the tab rescan
// (its stored analysis carries the new level); a site added to "never check" is dropped at once
// and not read after a reload, and the popup says why, with a way to check once.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPTIONS_STRINGS } from '../../extension/options/strings';
import { CHROMIUM, highlightedTexts, launchWithExtension, serveFixtures, storedStates, tabState, useSettings, waitFor, type ExtensionBrowser, type FixtureServer } from './browser';
import { distDir, ensureBuilt } from './build';
import { drawnBoxes } from './isolated';

const SCREENSHOTS = join(__dirname, '..', '..', 'dist', 'screenshots');

const log = (line: string) => console.log(`[e2e settings] ${line}`);

/** How Unspin's marks are drawn: the inline styles of its boxes, in its closed shadow root (read through DevTools). */
const highlightCss = async (page: Page) => (await drawnBoxes(page)).map((box) => box.style).join('\n');

const timed = async <T>(what: string, task: () => Promise<T>): Promise<T> => {
  const start = performance.now();
  const result = await task();
  log(`${what}: ${Math.round(performance.now() - start)} ms`);
  return result;
};

describe.skipIf(!existsSync(CHROMIUM))('settings, live in open tabs, in Chromium', () => {
  let server: FixtureServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    const buildMs = await ensureBuilt('chrome');
    if (buildMs) log(`built in ${buildMs} ms`);
    server = await serveFixtures();
    browser = await launchWithExtension(distDir('chrome'));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('applies categories, highlight style, sensitivity and never-check to an open tab without reloading it', async () => {
    // Start from 'balanced' so the fixture has several marks to hide; the default is 'cautious'.
    await useSettings(await browser.worker(), { sensitivity: 'balanced' });
    const url = `${server.origin}/article.html`;
    const article = await browser.context.newPage();
    await article.goto(url);
    const all = await timed('article load -> highlights', () => waitFor(async () => ((await highlightedTexts(article)).length > 0 ? highlightedTexts(article) : undefined), 60_000, 'highlights'));
    const [tabId, first] = await tabState(browser, url, (s) => s.status === 'done', 'the analysis');
    expect(first.analysis?.sensitivity).toBe('balanced');
    // A marker in the page's own world: a reload would wipe it.
    await article.evaluate(() => ((window as unknown as { unspinMarker: number }).unspinMarker = 42));

    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/extension/options/index.html`);
    await options.locator('#sensitivity-balanced:checked').waitFor();
    await options.setViewportSize({ width: 760, height: 900 });
    mkdirSync(SCREENSHOTS, { recursive: true });
    await options.screenshot({ path: join(SCREENSHOTS, 'options.png'), fullPage: true });
    const saved = () => options.getByRole('status').filter({ hasText: OPTIONS_STRINGS.saved }).waitFor();

    // Categories: switching every category of what the page shows off clears its marks; back on, they return.
    for (const id of ['persuasion', 'loaded_language', 'clickbait', 'insult', 'claims']) await options.locator(`#category-${id}`).uncheck();
    await saved();
    await timed('categories off -> marks gone', () => waitFor(async () => ((await highlightedTexts(article)).length === 0 ? true : undefined), 10_000, 'marks to go'));
    for (const id of ['persuasion', 'loaded_language', 'clickbait', 'insult', 'claims']) await options.locator(`#category-${id}`).check();
    await waitFor(async () => ((await highlightedTexts(article)).length === all.length ? true : undefined), 10_000, 'marks to return');

    // Highlight style: none clears the marks, background brings them back as coloured backgrounds.
    await options.locator('#highlight-none').check();
    await timed('style none -> marks gone', () => waitFor(async () => ((await highlightedTexts(article)).length === 0 ? true : undefined), 10_000, 'marks to go'));
    await options.locator('#highlight-background').check();
    await waitFor(async () => ((await highlightedTexts(article)).length === all.length ? true : undefined), 10_000, 'marks to return');
    expect(await highlightCss(article)).toContain('background:');
    expect(await highlightCss(article)).not.toContain('border-bottom');

    // Sensitivity: the open tab is read again at the new level.
    await options.locator('#sensitivity-sensitive').check();
    const [, rescanned] = await timed('sensitivity -> tab rescanned', () => tabState(browser, url, (s) => s.status === 'done' && s.analysis?.sensitivity === 'sensitive', 'the rescan at the new sensitivity'));
    expect(rescanned.analysis!.findings.length).toBeGreaterThanOrEqual(first.analysis!.findings.length);
    await waitFor(async () => ((await highlightedTexts(article)).length > 0 ? true : undefined), 10_000, 'marks after the rescan');

    // Never check this site: the open tab drops its marks at once, and the popup says why.
    await options.locator('#never-scan-input').fill(url);
    await options.locator('#never-scan-input ~ button[type=submit]').click();
    await expect.poll(() => options.locator('#never-scan-heading ~ .sites .site-name').allTextContents()).toEqual(['127.0.0.1']);
    await timed('never-check -> marks gone', () => waitFor(async () => ((await highlightedTexts(article)).length === 0 ? true : undefined), 10_000, 'marks to go'));
    await tabState(browser, url, (s) => s.status === 'unreadable' && s.message === OPTIONS_STRINGS.neverScanReason, 'the never-check state', 10_000);
    expect(await article.evaluate(() => (window as unknown as { unspinMarker?: number }).unspinMarker)).toBe(42);

    // After a reload the page is not read at all.
    await article.reload();
    await article.waitForTimeout(3000);
    expect(await highlightedTexts(article)).toEqual([]);
    const states = await storedStates(await browser.worker());
    expect(states[tabId]).toMatchObject({ status: 'unreadable', message: OPTIONS_STRINGS.neverScanReason });

    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/extension/popup/index.html?tabId=${tabId}`);
    await popup.getByText(OPTIONS_STRINGS.neverScanTitle).waitFor();
    // "Check this page once" reads it after all.
    await popup.getByRole('button', { name: OPTIONS_STRINGS.checkOnce }).click();
    await timed('check once -> analysis', () => tabState(browser, url, (s) => s.status === 'done', 'the one-off check', 60_000));
    await waitFor(async () => ((await highlightedTexts(article)).length > 0 ? true : undefined), 10_000, 'marks after checking once');
  }, 240_000);
});
