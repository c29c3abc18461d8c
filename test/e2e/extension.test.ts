// End to end in Chromium: the built extension loaded unpacked, a fixture article served from
// 127.0.0.1, the real content script, service worker and model.
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { PopupMessage, type Reply, type TabState } from '../../extension/messages';
import { LEVEL_COLORS } from '../../extension/background/badge';
import { CONTEXT_LOAD_MEASURE, CONTEXT_LOOKUP_MEASURE, MODEL_LOAD_MEASURE } from '../../extension/background/assets';
import { CHROMIUM, launchWithExtension, serveFixtures, storedStates, waitFor, type ChromeApi, type ExtensionBrowser, type FixtureServer } from './browser';
import { distDir, ensureBuilt } from './build';

declare const chrome: ChromeApi;

const hasChromium = existsSync(CHROMIUM);
const log = (line: string) => console.log(`[e2e] ${line}`);

async function stateFor(worker: Worker, url: string): Promise<[number, TabState] | undefined> {
  const entry = Object.entries(await storedStates(worker)).find(([, s]) => s.url === url);
  return entry && [Number(entry[0]), entry[1]];
}

const finished = (state: TabState) => state.status === 'done' || state.status === 'error' || state.status === 'unreadable';

describe.skipIf(!hasChromium)('extension in Chromium', () => {
  let server: FixtureServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    const buildMs = await ensureBuilt('chrome');
    if (buildMs) log(`built dist/chrome in ${buildMs} ms`);
    server = await serveFixtures();
    const start = performance.now();
    browser = await launchWithExtension(distDir('chrome'));
    log(`browser up, service worker registered, in ${Math.round(performance.now() - start)} ms`);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('analyses an article through the content script, caches the result and sets the badge, offline', async () => {
    const worker = await browser.worker();
    const url = `${server.origin}/article.html`;
    const page = await browser.context.newPage();
    const start = performance.now();
    await page.goto(url);
    const [tabId, state] = await waitFor(async () => {
      const found = await stateFor(worker, url);
      return found && finished(found[1]) ? found : undefined;
    }, 30_000, 'the article\'s analysis');
    const total = Math.round(performance.now() - start);
    const measured = (name: string) => worker.evaluate((n) => performance.getEntriesByName(n).map((e) => Math.round(e.duration)), name);
    const modelLoad = await measured(MODEL_LOAD_MEASURE);
    const contextLoad = await measured(CONTEXT_LOAD_MEASURE);
    const lookup = await measured(CONTEXT_LOOKUP_MEASURE);
    log(`cold worker, navigation -> cached result: ${total} ms (first chunk -> result ${state.elapsedMs} ms; model load in the worker ${modelLoad.join(', ')} ms, context indexes ${contextLoad.join(', ')} ms, claim+source lookup ${lookup.join(', ')} ms)`);

    expect(state.status).toBe('done');
    expect(state.analysis?.supported).toBe(true);
    expect(state.analysis?.findings.length).toBeGreaterThan(0);
    expect(modelLoad).toHaveLength(1);

    const badge = await worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    expect(badge).toBe(String(state.analysis!.findings.length));
    const color = await worker.evaluate((id) => chrome.action.getBadgeBackgroundColor({ tabId: id }), tabId);
    expect(rgbHex(color)).toBe(LEVEL_COLORS[state.analysis!.level]);

    // The worker fetched its model from the package; nothing went anywhere else.
    const fromWorker = browser.requests.filter((r) => r.fromServiceWorker).map((r) => r.url);
    expect(fromWorker.some((u) => u.endsWith('/model/manifest.json'))).toBe(true);
    expect(fromWorker.filter((u) => !u.startsWith(`chrome-extension://${browser.extensionId}/`))).toEqual([]);
    const fromPages = browser.requests.filter((r) => !r.fromServiceWorker).map((r) => r.url);
    expect(fromPages.filter((u) => !u.startsWith(server.origin) && !u.startsWith(`chrome-extension://${browser.extensionId}/`))).toEqual([]);
    await page.close();
  });

  it('answers the popup from the cache after a worker restart, without loading the model again', async () => {
    const url = `${server.origin}/article.html?restart`;
    const page = await browser.context.newPage();
    await page.goto(url);
    const [tabId] = await waitFor(async () => {
      const found = await stateFor(await browser.worker(), url);
      return found && finished(found[1]) ? found : undefined;
    }, 30_000, 'the analysis');

    await stopWorkers(page);
    const popup = await browser.context.newPage();
    const start = performance.now();
    await popup.goto(`chrome-extension://${browser.extensionId}/extension/popup/index.html?tabId=${tabId}`);
    const reply = (await popup.evaluate((request) => chrome.runtime.sendMessage(request), { type: PopupMessage.GetTabState, tabId })) as Reply<TabState>;
    log(`restarted worker -> popup's tab state: ${Math.round(performance.now() - start)} ms`);
    expect(reply.ok && reply.value.status).toBe('done');
    const worker = await browser.worker();
    expect(await worker.evaluate((name) => performance.getEntriesByName(name).length, MODEL_LOAD_MEASURE)).toBe(0);
    await popup.close();
    await page.close();
  });

  it('forwards the popup\'s actions to the page\'s content script', async () => {
    const url = `${server.origin}/article.html?actions`;
    const page = await browser.context.newPage();
    await page.goto(url);
    const [tabId, state] = await waitFor(async () => {
      const found = await stateFor(await browser.worker(), url);
      return found && finished(found[1]) ? found : undefined;
    }, 30_000, 'the analysis');
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/extension/popup/index.html?tabId=${tabId}`);
    const send = async (request: unknown) => (await popup.evaluate((r) => chrome.runtime.sendMessage(r), request)) as Reply<unknown>;
    expect(await send({ type: PopupMessage.SetHighlights, tabId, enabled: false })).toMatchObject({ ok: true });
    expect(await send({ type: PopupMessage.GetTabState, tabId })).toMatchObject({ ok: true, value: { highlights: false } });
    expect(await send({ type: PopupMessage.FocusFinding, tabId, findingId: state.analysis!.findings[0].id })).toMatchObject({ ok: true });
    expect(await send({ type: PopupMessage.FocusFinding, tabId, findingId: 'no-such-finding' })).toMatchObject({ ok: false });
    expect(await send({ type: PopupMessage.GetTabState, tabId: 999_999 })).toEqual({ ok: true, value: { status: 'idle', highlights: true } });
    expect(await send({ type: PopupMessage.Rescan, tabId: 999_999 })).toMatchObject({ ok: false, error: expect.stringMatching(/not running/) });
    await popup.close();
    await page.close();
  });

  it('wakes a stopped worker for a new page and analyses it', async () => {
    const page = await browser.context.newPage();
    await stopWorkers(page);
    const url = `${server.origin}/article.html?cold`;
    const start = performance.now();
    await page.goto(url);
    const [, state] = await waitFor(async () => {
      const found = await stateFor(await browser.worker(), url);
      return found && finished(found[1]) ? found : undefined;
    }, 30_000, 'the analysis');
    const worker = await browser.worker();
    const modelLoad = await worker.evaluate((name) => performance.getEntriesByName(name).map((e) => Math.round(e.duration)), MODEL_LOAD_MEASURE);
    log(`stopped worker, navigation -> cached result: ${Math.round(performance.now() - start)} ms (first chunk -> result ${state.elapsedMs} ms; model load ${modelLoad.join(', ')} ms)`);
    expect(state.status).toBe('done');
    expect(modelLoad).toHaveLength(1);
    await page.close();
  });

  it('forgets a tab\'s result when the tab leaves the page', async () => {
    const url = `${server.origin}/article.html?leave`;
    const page = await browser.context.newPage();
    await page.goto(url);
    const [tabId] = await waitFor(async () => {
      const found = await stateFor(await browser.worker(), url);
      return found && finished(found[1]) ? found : undefined;
    }, 30_000, 'the analysis');
    await page.goto('about:blank');
    const worker = await browser.worker();
    await waitFor(async () => ((await storedStates(worker))[tabId] ? undefined : true), 5_000, 'the cache to be cleared');
    expect(await worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toBe('');
    await page.close();
  });

  it('keeps the result on a #fragment jump and reads the new page after a history navigation', async () => {
    const url = `${server.origin}/article.html?spa`;
    const page = await browser.context.newPage();
    await page.goto(url);
    const worker = await browser.worker();
    const [tabId] = await waitFor(async () => {
      const found = await stateFor(worker, url);
      return found && finished(found[1]) ? found : undefined;
    }, 30_000, 'the analysis');
    await page.evaluate(() => (location.hash = '#budget'));
    await page.waitForTimeout(500);
    expect((await storedStates(worker))[tabId]?.status).toBe('done');

    // A single-page app shows another article at another address.
    await page.evaluate(() => {
      history.pushState({}, '', '/feed-view');
      document.querySelector('article')!.innerHTML = '<h1>Local team wins the final</h1><p>The local team won the regional final on Sunday by two goals.</p><p>Fans celebrated in the main square until late in the evening.</p>';
    });
    const next = `${server.origin}/feed-view`;
    const state = await waitFor(async () => {
      const current = (await storedStates(worker))[tabId];
      return current?.url === next && finished(current) ? current : undefined;
    }, 15_000, 'the rescan after pushState');
    expect(state.status).toBe('done');
    await page.close();
  });

  it('sent no request anywhere but the fixture server and the extension itself', () => {
    const allowed = (url: string) => url.startsWith(`${server.origin}/`) || url.startsWith(`chrome-extension://${browser.extensionId}/`) || url === 'about:blank';
    expect(browser.requests.length).toBeGreaterThan(0);
    expect(browser.requests.filter((r) => !allowed(r.url))).toEqual([]);
    expect(browser.requests.filter((r) => r.fromServiceWorker && !r.url.startsWith(`chrome-extension://${browser.extensionId}/`))).toEqual([]);
  });

  it('refuses popup requests that do not follow the protocol', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/extension/popup/index.html?tabId=1`);
    const reply = (await popup.evaluate((request) => chrome.runtime.sendMessage(request), { type: PopupMessage.GetTabState, tabId: 'x' })) as Reply<TabState>;
    expect(reply).toEqual({ ok: false, error: expect.stringContaining('tabId') });
    await popup.close();
  });
});

/** Stops the extension's service worker, as Chrome does after 30 s idle. */
async function stopWorkers(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

function rgbHex([r, g, b]: number[]): string {
  return `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}
