// End to end in Chromium: the built extension loaded unpacked, a fixture article served from
// 127.0.0.1, the real content script, service worker and model.
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { PopupMessage, type Reply, type TabState } from '../../extension/messages';
import { LEVEL_COLORS } from '../../extension/background/badge';
import { CLAIM_INDEX_MEASURE, CONTEXT_LOAD_MEASURE, CONTEXT_LOOKUP_MEASURE, MODEL_LOAD_MEASURE } from '../../extension/background/assets';
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
    server = await serveFixtures({ pages: { '/big.html': bigArticle() } });
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
    const claimIndex = await measured(CLAIM_INDEX_MEASURE);
    log(`cold worker, navigation -> cached result: ${total} ms (first chunk -> result ${state.elapsedMs} ms; model load in the worker ${modelLoad.join(', ')} ms, sources + rewording ${contextLoad.join(', ')} ms, claim index after the first answer ${claimIndex.join(', ')} ms, claim+source lookup ${lookup.join(', ')} ms)`);
    // The claim index is built once, for the complete analysis, not before the first answer.
    expect(claimIndex).toHaveLength(1);

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
    // No such tab: nothing to put the content script into.
    expect(await send({ type: PopupMessage.Rescan, tabId: 999_999 })).toMatchObject({ ok: false, error: expect.stringMatching(/can't read this page/) });
    expect(await send({ type: PopupMessage.SetHighlights, tabId: 999_999, enabled: true })).toMatchObject({ ok: false, error: expect.stringMatching(/not running/) });
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

  it('survives its worker being killed mid-analysis: nothing stored is corrupted and the next request succeeds', async () => {
    // Another tab's finished result, which the kill must leave alone.
    const other = await browser.context.newPage();
    const otherUrl = `${server.origin}/article.html?bystander`;
    await other.goto(otherUrl);
    const [otherTab, otherState] = await waitFor(async () => {
      const found = await stateFor(await browser.worker(), otherUrl);
      return found && finished(found[1]) ? found : undefined;
    }, 30_000, 'the bystander analysis');

    const url = `${server.origin}/big.html`;
    // Watch storage from an extension page: the busy worker would answer only after the analysis.
    const watcher = await browser.context.newPage();
    await watcher.goto(`chrome-extension://${browser.extensionId}/extension/popup/index.html?tabId=0`);
    const page = await browser.context.newPage();
    await page.goto(url);
    // Kill the worker while the big page is being analysed (its first chunk is in, the model is running).
    const caught = await waitFor(async () => {
      const entries = (await watcher.evaluate(() => chrome.storage.session.get(null))) as Record<string, TabState>;
      const found = Object.entries(entries).find(([key, s]) => key.startsWith('tab:') && s.url === url);
      return found && found[1].status === 'scanning' ? ([Number(found[0].slice(4)), found[1]] as [number, TabState]) : undefined;
    }, 60_000, 'the big page scanning');
    await stopWorkers(page);
    log(`killed the worker mid-analysis of a ${Math.round(bigArticle().length / 1024)} kB page (tab ${caught[0]})`);
    await watcher.close();

    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/extension/popup/index.html?tabId=${caught[0]}`);
    const send = async <T>(request: unknown) => (await popup.evaluate((r) => chrome.runtime.sendMessage(r), request)) as Reply<T>;
    const after = await send<TabState>({ type: PopupMessage.GetTabState, tabId: caught[0] });
    // Either the kill landed mid-analysis (reported as interrupted) or the analysis had just finished.
    expect(after.ok).toBe(true);
    if (after.ok) expect(['error', 'done']).toContain(after.value.status);
    if (after.ok && after.value.status === 'error') expect(after.value.message).toMatch(/interrupted/);
    // Storage still parses and the bystander's result is exactly as it was.
    const states = await storedStates(await browser.worker());
    expect(states[otherTab]).toEqual(otherState);

    // The next request succeeds: a rescan of the killed tab finishes.
    const start = performance.now();
    expect(await send({ type: PopupMessage.Rescan, tabId: caught[0] })).toMatchObject({ ok: true });
    const [, done] = await waitFor(async () => {
      const found = await stateFor(await browser.worker(), url);
      return found && found[1].status === 'done' ? found : undefined;
    }, 60_000, 'the rescan after the kill');
    log(`rescan after the kill -> done in ${Math.round(performance.now() - start)} ms (${done.analysis?.sentenceCount} sentences)`);
    expect(done.analysis?.findings.length).toBeGreaterThan(0);
    await Promise.all([popup.close(), page.close(), other.close()]);
  }, 120_000);

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

/** A long article (~1.2 MB: the analysis runs for about a second) from the fixture's sentences, numbered so that no paragraph repeats. */
function bigArticle(): string {
  const sentences = [
    'The city council approved the annual budget on Tuesday evening after a three-hour meeting.',
    'These corrupt, power-hungry bureaucrats have once again betrayed every hardworking family in this city.',
    'Council member Ana Ortiz said the plan had been discussed at four public hearings since March.',
    'If we do not stop them now, our children will inherit a wasteland of crime and ruin.',
  ];
  const paragraphs = Array.from({ length: 4000 }, (_, i) => `<p>Item ${i + 1}. ${sentences[i % 4]} ${sentences[(i + 1) % 4]} ${sentences[(i + 2) % 4]}</p>`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A very long council report</title></head><body><article><h1>A very long council report</h1>${paragraphs.join('')}</article></body></html>`;
}

function rgbHex([r, g, b]: number[]): string {
  return `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}
