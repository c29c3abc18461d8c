// Workshop mode end to end in Chromium: the page opens from the popup's footer, a participant
// marks two sentences and reveals Unspin's flags, explanations and the score; the presenter view
// moves with the arrow keys; a pasted text is analysed. Nothing is fetched from the network: every
// request is recorded and must go to the extension itself. Screenshots go to dist/screenshots/.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTICLES } from '../../extension/workshop/articles';
import { WS } from '../../extension/workshop/strings';
import { CHROMIUM, launchWithExtension, type ExtensionBrowser } from './browser';
import { distDir, ensureBuilt } from './build';

const SCREENSHOTS = join(__dirname, '..', '..', 'dist', 'screenshots');
const log = (line: string) => console.log(`[e2e] ${line}`);
const ARTICLE = ARTICLES[0];

describe.skipIf(!existsSync(CHROMIUM))('workshop mode, in Chromium', () => {
  let browser: ExtensionBrowser;
  let pageUrl: string;

  beforeAll(async () => {
    await ensureBuilt('chrome');
    browser = await launchWithExtension(distDir('chrome'));
    pageUrl = `chrome-extension://${browser.extensionId}/extension/workshop/index.html`;
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('opens from the popup footer', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/extension/popup/index.html`);
    const opened = browser.context.waitForEvent('page', { timeout: 10_000 });
    await popup.getByRole('link', { name: WS.popupLink }).click();
    const page = await opened;
    await page.waitForLoadState();
    expect(page.url()).toBe(pageUrl);
    await page.waitForSelector('.article-button');
    await page.close();
    await popup.close();
  }, 60_000);

  it('runs a round: mark two sentences, reveal Unspin’s flags with explanations and the score', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1000, height: 900 });
    await page.goto(pageUrl);
    await page.screenshot({ path: join(SCREENSHOTS, 'workshop-list.png') });
    const started = performance.now();
    await page.click(`[data-article="${ARTICLE.id}"]`);
    await page.waitForSelector('.reveal-button:not([disabled])', { timeout: 60_000 });
    log(`workshop: article opened -> analysis ready ${Math.round(performance.now() - started)} ms`);

    const markers = page.locator('.marker');
    expect(await markers.count()).toBe(ARTICLE.sentences.length + 1);
    // Sentence 3 (name calling, keyed) and sentence 5 (neutral): one right, one wrong.
    await markers.nth(3).click();
    await markers.nth(5).focus();
    await page.keyboard.press('Space');
    expect(await markers.nth(3).getAttribute('aria-pressed')).toBe('true');
    expect(await markers.nth(5).getAttribute('aria-pressed')).toBe('true');
    await page.screenshot({ path: join(SCREENSHOTS, 'workshop-marking.png'), fullPage: true });

    await page.click('.reveal-button');
    await page.waitForSelector('.score');
    const score = await page.textContent('.score-main');
    log(`workshop: ${score}`);
    expect(score).toMatch(/^\d+ of 8 sentences match the author’s key$/);
    const rows = page.locator('.reveal-item');
    expect(await rows.count()).toBe(8);
    expect(await rows.nth(3).locator('.column-you dd').textContent()).toBe(WS.yes);
    expect(await rows.nth(3).getAttribute('class')).toContain('agree');
    expect(await rows.nth(5).getAttribute('class')).toContain('disagree');
    // Unspin flags something, with its explanation and what to ask.
    const flagged = page.locator('.reveal-item.flagged');
    expect(await flagged.count()).toBeGreaterThan(0);
    expect(await flagged.first().locator('.card-name').count()).toBeGreaterThan(0);
    expect(await flagged.first().locator('.explanation').textContent()).toContain(WS.askYourself);
    expect(await page.textContent('.score-session')).toContain('across 1 round');
    await page.screenshot({ path: join(SCREENSHOTS, 'workshop.png'), fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: join(SCREENSHOTS, 'workshop-dark.png') });
    await page.emulateMedia({ colorScheme: 'light' });

    // Presenter view: one sentence at a time, → moves, R reveals.
    await page.click(`button:has-text("${WS.presenter}")`);
    await page.waitForSelector('.presenter');
    expect(await page.textContent('.presenter-text')).toBe(ARTICLE.headline);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await page.textContent('.presenter-text')).toBe(ARTICLE.sentences[2].text);
    await page.keyboard.press('ArrowLeft');
    expect(await page.textContent('.presenter-text')).toBe(ARTICLE.sentences[1].text);
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('.presenter-reveal').count()).toBe(0);
    await page.keyboard.press('r');
    await page.waitForSelector('.presenter-reveal .column-key');
    expect(await page.textContent('.presenter-reveal .column-key dd')).not.toBe(WS.none);
    await page.screenshot({ path: join(SCREENSHOTS, 'workshop-presenter.png') });
    await page.keyboard.press('Escape');
    await page.waitForSelector('.round');

    // Analyse your own text.
    await page.click(`button:has-text("${WS.pasteTab}")`);
    await page.fill('#paste-text', 'The library opens at nine on weekdays. These clueless, arrogant officials have betrayed every family in town! <img src=x onerror=alert(1)> It will rain on Sunday.');
    await page.click(".paste button[type=submit]");
    await page.waitForSelector('.paste-summary', { timeout: 30_000 });
    const summary = await page.textContent('.paste-summary');
    log(`workshop paste: ${summary}`);
    expect(summary).toMatch(/^[1-9]\d* of \d+ sentences flagged$/);
    expect(await page.locator('.reveal-item.flagged .reveal-text').first().textContent()).toContain('officials');
    // Pasted markup stays text.
    expect(await page.locator('.paste img').count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'workshop-paste.png'), fullPage: true });
    await page.close();

    const outside = browser.requests.filter((r) => !r.url.startsWith(`chrome-extension://${browser.extensionId}/`));
    log(`workshop: ${browser.requests.length} requests, all to the extension: ${outside.length === 0}`);
    expect(outside).toEqual([]);
  }, 120_000);
});
