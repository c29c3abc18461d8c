// End to end in Chromium, as a reader sees it: the manipulative sentences of a news article are
// underlined and the neutral ones are not, the popup (opened as an extension page for the tab)
// lists the passages, a feed's posts and a very long article are handled. Screenshots of the
// highlighted article with its card and of the popup go to dist/screenshots/.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, doneState, highlightedTexts, launchWithExtension, pointAt, serveFixtures, useSettings, waitFor, type ExtensionBrowser, type FixtureServer } from './browser';
import { distDir, ensureBuilt } from './build';

const SCREENSHOTS = join(__dirname, '..', '..', 'dist', 'screenshots');
const log = (line: string) => console.log(`[e2e] ${line}`);

const MANIPULATIVE = [
  'These corrupt, power-hungry bureaucrats have once again betrayed every hardworking family in this city.',
  'If we do not stop them now, our children will inherit a wasteland of crime and ruin.',
];
const NEUTRAL = [
  'The city council approved the annual budget on Tuesday evening after a three-hour meeting.',
  'Council member Ana Ortiz said the plan had been discussed at four public hearings since March.',
  'The new budget takes effect on the first of July.',
];

describe.skipIf(!existsSync(CHROMIUM))('what a reader sees, in Chromium', () => {
  let server: FixtureServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    await ensureBuilt('chrome');
    server = await serveFixtures();
    browser = await launchWithExtension(distDir('chrome'));
    // These expectations are the model's validation-tuned thresholds; the extension's default is 'cautious'.
    await useSettings(await browser.worker(), { sensitivity: 'balanced' });
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('underlines the manipulative sentences of an article, not the neutral ones, and the popup lists them', async () => {
    const url = `${server.origin}/article.html`;
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 900, height: 700 });
    const started = performance.now();
    await page.goto(url);
    const texts = await waitFor(async () => {
      const found = await highlightedTexts(page);
      return found.length > 0 ? found : undefined;
    }, 60_000, 'highlights');
    log(`article: page load -> highlights ${Math.round(performance.now() - started)} ms`);
    for (const sentence of MANIPULATIVE) expect(texts).toContain(sentence);
    for (const sentence of NEUTRAL) expect(texts).not.toContain(sentence);
    // The page's own DOM text is untouched by the highlights.
    expect(await page.evaluate(() => document.querySelectorAll('mark, [data-unspin]').length)).toBe(0);

    // Hover the first flagged sentence: the card shows (in a closed shadow root, so only a screenshot sees it).
    const box = await pointAt(page, MANIPULATIVE[0]);
    expect(box).not.toBeNull();
    await page.mouse.move(box!.x, box!.y);
    await page.waitForTimeout(600);
    await page.screenshot({ path: join(SCREENSHOTS, 'article.png') });

    const [tabId, state] = await doneState(browser, url);
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 400, height: 760 });
    await popup.goto(`chrome-extension://${browser.extensionId}/extension/popup/index.html?tabId=${tabId}`);
    await popup.waitForSelector('.finding');
    const quotes = await popup.$$eval('.finding-quote', (nodes) => nodes.map((n) => n.textContent));
    expect(quotes).toEqual(state.analysis!.findings.map((f) => f.sentence.text));
    for (const sentence of MANIPULATIVE) expect(quotes).toContain(sentence);
    expect(await popup.getAttribute('.gauge', 'aria-valuenow')).toBe(String(state.analysis!.risk));
    await popup.screenshot({ path: join(SCREENSHOTS, 'popup.png'), fullPage: true });

    // "Show in page" from the popup reaches the page (it scrolls to and flashes the passage).
    await popup.click('button.show');
    await waitFor(async () => ((await highlightedTexts(page)).length > 0 ? true : undefined), 5_000, 'highlights after focus');
    await popup.close();
    await page.close();
  }, 120_000);

  it('flags the angry post of a feed and leaves the friendly ones alone', async () => {
    const url = `${server.origin}/feed.html`;
    const page = await browser.context.newPage();
    await page.goto(url);
    const [, state] = await doneState(browser, url);
    const texts = await waitFor(async () => {
      const found = await highlightedTexts(page);
      return found.length > 0 ? found : undefined;
    }, 30_000, 'feed highlights');
    expect(texts).toContain('These crooks in city hall are robbing us blind!');
    expect(texts).not.toContain('Our bakery opens at 7 tomorrow.');
    expect(state.analysis!.findings.some((f) => f.sentence.text.includes('crooks'))).toBe(true);
    await page.close();
  }, 60_000);

  it('highlights a 10,000-word article', async () => {
    const url = `${server.origin}/long-article.html`;
    const page = await browser.context.newPage();
    // Long tasks on the page's main thread, where the content script runs too.
    await page.addInitScript(() => {
      const seen: number[] = [];
      (globalThis as unknown as { unspinLongTasks: number[] }).unspinLongTasks = seen;
      new PerformanceObserver((list) => list.getEntries().forEach((e) => seen.push(Math.round(e.duration)))).observe({ type: 'longtask', buffered: true });
    });
    const started = performance.now();
    await page.goto(url);
    const texts = await waitFor(async () => {
      const found = await highlightedTexts(page);
      return found.length > 0 ? found : undefined;
    }, 60_000, 'long-article highlights');
    log(`10,000-word article: page load -> highlights ${Math.round(performance.now() - started)} ms`);
    const longTasks = await page.evaluate(() => (globalThis as unknown as { unspinLongTasks: number[] }).unspinLongTasks);
    log(`10,000-word article: long tasks on the page's thread ${JSON.stringify(longTasks)} ms`);
    const [, state] = await doneState(browser, url);
    expect(state.analysis!.sentenceCount).toBeGreaterThan(600);
    expect(texts).toContain(MANIPULATIVE[1]);
    // The neutral reporting that makes up most of the page is not underlined wholesale.
    expect(texts.length).toBeLessThan(state.analysis!.sentenceCount / 4);
    await page.close();
  }, 90_000);
});
