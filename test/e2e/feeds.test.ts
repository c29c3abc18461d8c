// End to end in Chromium: a feed that grows after it was scanned. The posts it appends are
// analysed as they appear and the manipulative ones marked, a post shown twice is analysed once,
// the page keeps working and the watcher causes no long task. Logs post appended -> marked.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TabState } from '../../extension/messages';
import { CHROMIUM, highlightedTexts, launchWithExtension, serveFixtures, storedStates, waitFor, type ExtensionBrowser, type FixtureServer } from './browser';
import { distDir, ensureBuilt, OUT_DIR } from './build';

const SCREENSHOTS = join(OUT_DIR, 'screenshots');

const log = (line: string) => console.log(`[e2e] ${line}`);

// As in test/fixtures/growing-feed.html.
const MANIPULATIVE = [
  'These spineless traitors in parliament are destroying everything our grandparents built!',
  'Wake up, people! The corrupt elites are poisoning your children and laughing about it.',
  'You will not believe what this senator did next, the shocking truth they tried to hide!',
  'Shut up, you pathetic idiots, nobody cares about your stupid opinions.',
];
const NEUTRAL = [
  'Road works on Elm Street should be done by Friday according to the council.',
  'Reminder: recycling collection moves to Thursday this week.',
  'The swimming pool reopens on Monday after its annual maintenance.',
  'The farmers market now also opens on Wednesday afternoons.',
];
const APPENDED = 10;

interface PageProbe {
  longTasks: { start: number; duration: number }[];
}
declare global {
  interface Window {
    unspinProbe: PageProbe;
    appended: number;
    appendPost(text: string, author: string): HTMLElement;
    startFeed(): void;
  }
}

/** Runs in the page before its scripts: its long tasks. */
function installProbe(): void {
  const probe: PageProbe = { longTasks: [] };
  window.unspinProbe = probe;
  new PerformanceObserver((list) => list.getEntries().forEach((e) => probe.longTasks.push({ start: Math.round(e.startTime), duration: Math.round(e.duration) }))).observe({ type: 'longtask', buffered: true });
}

/**
 * Polls Unspin's painted marks (in its isolated world: the page can't see them) and records, for
 * each post body, how long after the post was appended it was first marked (ms, ±50 ms polling).
 */
function watchMarks(page: Page, probe: { markedAfter: Record<string, number> }): () => void {
  let stopped = false;
  const poll = async () => {
    while (!stopped) {
      const texts = await highlightedTexts(page).catch(() => [] as string[]);
      const posts = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.post')].map((post) => ({ body: post.querySelector('.body')?.textContent ?? '', at: Number(post.dataset.at ?? Number.NaN), now: performance.now() }))).catch(() => []);
      for (const { body, at, now } of posts) if (body && !(body in probe.markedAfter) && texts.some((t) => t.length > 0 && body.includes(t))) probe.markedAfter[body] = Number.isNaN(at) ? 0 : Math.round(now - at);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  void poll();
  return () => {
    stopped = true;
  };
}

async function stateOf(browser: ExtensionBrowser, url: string): Promise<TabState | undefined> {
  return Object.values(await storedStates(await browser.worker())).find((s) => s.url === url && s.status === 'done');
}

describe.skipIf(!existsSync(CHROMIUM))('a growing feed, in Chromium', () => {
  let server: FixtureServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    await ensureBuilt('chrome');
    server = await serveFixtures();
    browser = await launchWithExtension(distDir('chrome'));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('marks the manipulative posts appended after the scan, analyses a repeated post once, and keeps the page responsive', async () => {
    const url = `${server.origin}/growing-feed.html`;
    const page = await browser.context.newPage();
    await page.addInitScript(installProbe);
    const started = performance.now();
    await page.goto(url);
    const markedAfter: Record<string, number> = {};
    const stopWatching = watchMarks(page, { markedAfter });
    const scanned = await waitFor(() => stateOf(browser, url), 60_000, 'the first scan');
    const scannedAt = await page.evaluate(() => performance.now());
    log(`growing feed: page load -> first scan done ${Math.round(performance.now() - started)} ms, ${await page.evaluate(() => window.appended)} of ${APPENDED} posts appended by then`);
    expect(scanned.analysis!.findings).toEqual([]);
    // The feed goes live: a post every 300 ms.
    await page.evaluate(() => window.startFeed());

    // Every manipulative post is marked, however it reached the extension (scan or growth).
    const marked = await waitFor(async () => {
      const texts = await highlightedTexts(page);
      const all = MANIPULATIVE.every((post) => texts.some((t) => t.length > 0 && post.includes(t)));
      return all && (await page.evaluate(() => window.appended)) === APPENDED ? texts : undefined;
    }, 20_000, 'marks on every manipulative post').catch(async (error) => {
      log(`marked: ${JSON.stringify(await highlightedTexts(page))}; state: ${JSON.stringify(await stateOf(browser, url)).slice(0, 3000)}`);
      throw error;
    });
    for (const post of NEUTRAL) expect(marked.some((t) => post.includes(t))).toBe(false);
    // The draft in the compose box is the reader's: never read, never marked.
    expect(marked.some((t) => t.includes('city hall'))).toBe(false);

    const grown = await waitFor(async () => {
      const state = await stateOf(browser, url);
      return state?.posts && state.posts.analysed > 0 ? state : undefined;
    }, 30_000, 'posts analysed after the scan');
    const postFindings = grown.analysis!.findings.filter((f) => f.id.startsWith('p'));
    expect(postFindings.length).toBeGreaterThan(0);
    expect(grown.analysis!.sentenceCount).toBeGreaterThan(scanned.analysis!.sentenceCount);
    // Posts after the scan: at most the appended ones (never one twice), in few messages.
    expect(grown.posts!.analysed).toBeLessThanOrEqual(APPENDED);
    expect(grown.posts!.messages).toBeLessThanOrEqual(grown.posts!.analysed);
    log(`growing feed: ${grown.posts!.analysed} posts analysed after the scan in ${grown.posts!.messages} AnalyzePosts messages; risk ${scanned.analysis!.risk} -> ${grown.analysis!.risk}`);

    // The same manipulative post again (a repost, or a list re-rendering): marked, not analysed again.
    const before = grown.posts!;
    await page.evaluate((text) => window.appendPost(text, 'reposter'), MANIPULATIVE[1]);
    await waitFor(async () => ((await highlightedTexts(page)).filter((t) => MANIPULATIVE[1].includes(t)).length >= 2 ? true : undefined), 10_000, 'the repost marked');
    await page.waitForTimeout(1500);
    expect((await stateOf(browser, url))!.posts).toEqual(before);

    // The page keeps working: its own handlers run, its text is untouched.
    await page.click('#like');
    await page.click('#like');
    expect(await page.textContent('#likes')).toBe('2');
    expect(await page.evaluate(() => document.querySelectorAll('.post').length)).toBe(2 + APPENDED + 1);
    expect(await page.evaluate(() => document.querySelectorAll('mark, [data-unspin]').length)).toBe(0);

    // The hover card opens on a post's mark (the card is in a closed shadow root: check the host is there).
    const box = await page.evaluate((sentence) => {
      const body = Array.from(document.querySelectorAll('.post .body')).find((p) => p.textContent === sentence)!;
      body.scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.setStart(body.firstChild!, 10);
      range.setEnd(body.firstChild!, 11);
      const rect = range.getBoundingClientRect();
      return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
    }, MANIPULATIVE[3]);
    await page.mouse.move(box.x, box.y);
    await page.waitForTimeout(400);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'growing-feed.png') });

    stopWatching();
    const probe = await page.evaluate(() => window.unspinProbe);
    const latencies = Object.entries(markedAfter).filter(([text]) => MANIPULATIVE.includes(text));
    log(`growing feed: post appended -> marked ${JSON.stringify(Object.fromEntries(latencies.map(([text, ms]) => [text.slice(0, 24), ms])))} ms`);
    log(`growing feed: long tasks ${JSON.stringify(probe.longTasks)}, first scan done at ${Math.round(scannedAt)} ms`);
    // Once the scan is done, what runs on the page's thread is the watcher: no task over 50 ms.
    expect(probe.longTasks.filter((task) => task.start > scannedAt)).toEqual([]);
    await page.close();
  }, 150_000);
});
