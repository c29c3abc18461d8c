// End to end in Chromium, as a reader sees it: the manipulative sentences of a news article are
// underlined (boxes drawn in Unspin's closed shadow root, over the text) and the neutral ones are
// not, the popup (opened as an extension page for the tab) lists the passages, a feed's posts, a
// very long article and an article in a scrolling box of its own are handled. Screenshots of the
// highlighted article with its card and of the popup go to <UNSPIN_OUT_DIR>/screenshots/.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CHROMIUM, doneState, highlightedTexts, launchWithExtension, pointAt, serveFixtures, useSettings, waitFor, type ExtensionBrowser, type FixtureServer } from './browser';
import { distDir, ensureBuilt, OUT_DIR } from './build';
import { drawnBoxes, worldOf, type DrawnBox } from './isolated';

const SCREENSHOTS = join(OUT_DIR, 'screenshots');
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

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The line boxes of the paragraph holding `sentence` (read in the page: these fixtures are benign). */
function lineRects(page: Page, sentence: string): Promise<Rect[]> {
  return page.evaluate((wanted) => {
    const p = [...document.querySelectorAll('p')].find((el) => el.textContent!.includes(wanted.slice(0, 40)))!;
    const range = document.createRange();
    range.selectNodeContents(p);
    return [...range.getClientRects()].filter((r) => r.width >= 1).map((r) => ({ x: r.x, y: r.y, width: r.width, height: r.height }));
  }, sentence);
}

/** Lines of `lines` with an underline box drawn across them (same left and right edges, at the line's bottom). */
function underlined(lines: readonly Rect[], boxes: readonly DrawnBox[]): Rect[] {
  return lines.filter((line) => boxes.some((box) => Math.abs(box.x - line.x) <= 1 && Math.abs(box.x + box.width - (line.x + line.width)) <= 1 && box.y >= line.y && box.y + box.height <= line.y + line.height + 0.5));
}

/** The page's scroll size, then again with Unspin's host hidden: they must be the same. */
async function scrollSizes(page: Page): Promise<[number[], number[]]> {
  return page.evaluate(() => {
    const size = () => [document.documentElement.scrollWidth, document.documentElement.scrollHeight];
    const host = [...document.documentElement.children].find((el) => el.localName === 'div') as HTMLElement;
    const withHost = size();
    const style = host.getAttribute('style');
    host.style.setProperty('display', 'none', 'important');
    const without = size();
    host.setAttribute('style', style ?? '');
    return [withHost, without];
  });
}

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
    // The page's own DOM text is untouched by the highlights, and the page sees no trace of them.
    expect(await page.evaluate(() => document.querySelectorAll('mark, [data-unspin], style').length)).toBe(0);
    expect(await page.evaluate(() => [...CSS.highlights.keys()])).toEqual([]);
    // Drawn, not only listed: an underline under every line of each flagged sentence, none under a neutral one.
    const boxes = await drawnBoxes(page);
    for (const sentence of MANIPULATIVE) {
      const lines = await lineRects(page, sentence);
      expect(underlined(lines, boxes), sentence).toEqual(lines);
    }
    expect(underlined(await lineRects(page, NEUTRAL[0]), boxes)).toEqual([]);
    const [withHost, without] = await scrollSizes(page);
    expect(withHost).toEqual(without);

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
  it('follows the text in a scrolling box of its own, and draws nothing where the box hides it', async () => {
    const url = `${server.origin}/highlights-scroll.html`;
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 900, height: 700 });
    await page.goto(url);
    await waitFor(async () => {
      const texts = await highlightedTexts(page);
      return MANIPULATIVE.every((sentence) => texts.includes(sentence)) ? true : undefined;
    }, 60_000, 'both flagged sentences marked');
    // The complete analysis repaints once more: let it, so that only the scrolling below can move the boxes.
    await doneState(browser, url);
    await page.waitForTimeout(500);
    // The reader box's visible inside (padding box), where every box must stay.
    const inside = () => page.evaluate(() => {
      const reader = document.getElementById('reader')!;
      const r = reader.getBoundingClientRect();
      return { left: r.left + reader.clientLeft, top: r.top + reader.clientTop, right: r.left + reader.clientLeft + reader.clientWidth, bottom: r.top + reader.clientTop + reader.clientHeight };
    });
    const within = (boxes: DrawnBox[], box: { left: number; top: number; right: number; bottom: number }) => boxes.filter((b) => b.x < box.left - 0.5 || b.y < box.top - 0.5 || b.x + b.width > box.right + 0.5 || b.y + b.height > box.bottom + 0.5);

    // At first the upper sentence shows, the lower one is scrolled out of the box: only the first is drawn.
    let boxes = await drawnBoxes(page);
    const top = await lineRects(page, MANIPULATIVE[0]);
    expect(underlined(top, boxes)).toEqual(top);
    expect(underlined(await lineRects(page, MANIPULATIVE[1]), boxes)).toEqual([]);
    expect(within(boxes, await inside())).toEqual([]);
    // The hidden sentence's boxes would lie far below the page's end: the page must not grow by them.
    const [withHost, without] = await scrollSizes(page);
    expect(withHost).toEqual(without);
    expect(withHost[1]).toBe(700);

    // Scroll the box: the boxes follow the text (redrawn on the box's scroll event, within a frame or two).
    await page.evaluate(() => {
      const deep = document.getElementById('deep')!;
      document.getElementById('reader')!.scrollTop = deep.offsetTop - 120;
    });
    const deep = await lineRects(page, MANIPULATIVE[1]);
    boxes = await waitFor(async () => {
      const now = await drawnBoxes(page);
      return underlined(deep, now).length === deep.length ? now : undefined;
    }, 5_000, 'the boxes to follow the scrolled text');
    expect(underlined(await lineRects(page, MANIPULATIVE[0]), boxes)).toEqual([]);
    expect(within(boxes, await inside())).toEqual([]);
    expect(boxes.every((box) => box.mark === 'high' || box.mark === 'medium' || box.mark === 'low')).toBe(true);

    // The card opens on the scrolled sentence (hit-testing uses the text, not the boxes).
    await page.mouse.move(deep[0].x + 30, deep[0].y + deep[0].height / 2);
    const world = await worldOf(page);
    await waitFor(async () => ((await world.evaluate<string | null>(`globalThis[Symbol.for('unspin.content-script')].card.current?.finding?.sentence.text ?? null`)) === MANIPULATIVE[1] ? true : undefined), 5_000, 'the card on the scrolled sentence');
    await page.close();
  }, 90_000);
});
