// End to end in Chromium: a journalist exports the report of an analysed article from the popup
// (a real download), finds the page in the history, re-opens its report, and clears the history,
// which leaves no history key in storage.local. Also: `scan --report json` on the same fixture.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, doneState, launchWithExtension, serveFixtures, waitFor, type ExtensionBrowser, type FixtureServer } from './browser';
import { distDir, ensureBuilt, OUT_DIR, ROOT } from './build';

const SCREENSHOTS = join(OUT_DIR, 'screenshots');

const log = (line: string) => console.log(`[e2e] ${line}`);

interface LocalStorageApi {
  storage: { local: { get(keys: null): Promise<Record<string, unknown>>; getBytesInUse(keys: string | string[] | null): Promise<number> } };
}
declare const chrome: LocalStorageApi;

async function localStorage(browser: ExtensionBrowser): Promise<Record<string, unknown>> {
  return (await browser.worker()).evaluate(() => chrome.storage.local.get(null));
}

describe.skipIf(!existsSync(CHROMIUM))('reports and history, in Chromium', () => {
  let server: FixtureServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    const ms = await ensureBuilt('chrome');
    if (ms > 0) log(`built ${distDir('chrome')} in ${ms} ms`);
    server = await serveFixtures();
    browser = await launchWithExtension(distDir('chrome'));
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('downloads the JSON report from the popup, finds the page in the history, re-opens it and clears all', async () => {
    const url = `${server.origin}/article.html`;
    const page = await browser.context.newPage();
    await page.goto(url);
    const [tabId, state] = await doneState(browser, url);
    expect(state.textSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(state.textLength).toBeGreaterThan(100);

    // The popup, as an extension page for the tab: "Download JSON" gives a real download.
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/extension/popup/index.html?tabId=${tabId}`);
    await popup.waitForSelector('.export-json');
    const [download] = await Promise.all([popup.waitForEvent('download'), popup.click('.export-json')]);
    expect(download.suggestedFilename()).toMatch(/^unspin-report-127\.0\.0\.1-\d{4}-\d{2}-\d{2}\.json$/);
    const json = JSON.parse(readFileSync(await download.path(), 'utf8'));
    expect(json.report).toMatchObject({ format: 'unspin-report', formatVersion: 1, url, title: state.title, textSha256: state.textSha256, textLength: state.textLength, generator: { name: 'Unspin', via: 'extension' } });
    expect(json.report.model).toEqual(state.analysis!.model);
    expect(json.analysis).toEqual(state.analysis);
    const [mdDownload] = await Promise.all([popup.waitForEvent('download'), popup.click('.export-md')]);
    const md = readFileSync(await mdDownload.path(), 'utf8');
    expect(md).toContain(`\`${state.textSha256}\``);
    expect(md).toContain('## Flagged passages');
    await popup.setViewportSize({ width: 400, height: 700 });
    await popup.screenshot({ path: join(SCREENSHOTS, 'popup-export.png'), fullPage: true });
    await popup.close();

    // The worker recorded the page in the history (storage.local), with its report.
    const stored = await waitFor(async () => {
      const all = await localStorage(browser);
      const index = all['history:index'] as { entries: { id: string; url: string; bytes: number }[] } | undefined;
      const entry = index?.entries.find((e) => e.url === url);
      return entry && entry.bytes > 0 ? { all, entry } : undefined;
    }, 15_000, 'the history entry');
    const entryKey = `history:entry:${stored.entry.id}`;
    const bytesInUse = await (await browser.worker()).evaluate((key) => chrome.storage.local.getBytesInUse(key), entryKey);
    const indexBytes = await (await browser.worker()).evaluate(() => chrome.storage.local.getBytesInUse('history:index'));
    log(`history entry of article.html: report ${stored.entry.bytes} bytes (Chrome counts ${bytesInUse}), index with one summary ${indexBytes} bytes`);

    // The history page lists it; its report re-opens with the same hash; "clear all" empties storage.
    // A second page, so the history and the insights have more than one entry.
    const feed = await browser.context.newPage();
    await feed.goto(`${server.origin}/feed.html`);
    await doneState(browser, `${server.origin}/feed.html`);
    await waitFor(async () => ((await localStorage(browser))['history:index'] as { entries: unknown[] } | undefined)?.entries.length === 2 || undefined, 15_000, 'two history entries');
    await feed.close();

    const history = await browser.context.newPage();
    await history.setViewportSize({ width: 900, height: 900 });
    await history.goto(`chrome-extension://${browser.extensionId}/extension/history/index.html`);
    await history.waitForSelector('.entry-open');
    expect(await history.$$eval('.entry-url', (nodes) => nodes.map((n) => n.textContent))).toEqual([`${server.origin}/feed.html`, url]);
    await history.screenshot({ path: join(SCREENSHOTS, 'history.png'), fullPage: true });
    await history.click(`.entry-open >> nth=1`);
    await history.waitForSelector('.report-view .finding');
    await history.screenshot({ path: join(SCREENSHOTS, 'history-report.png'), fullPage: true });
    expect(await history.textContent('.report-view .hash')).toBe(state.textSha256);
    expect(await history.$$eval('.report-view .finding-quote', (nodes) => nodes.length)).toBe(state.analysis!.findings.length);
    const [again] = await Promise.all([history.waitForEvent('download'), history.click('.report-view .export-json')]);
    expect(JSON.parse(readFileSync(await again.path(), 'utf8')).report.textSha256).toBe(state.textSha256);

    // Insights: the technique chart with its table, keyboard-reachable tabs.
    await history.click('button.back');
    await history.focus('#tab-history');
    await history.keyboard.press('ArrowRight');
    await history.waitForSelector('#chart-techniques svg[role="img"]');
    expect(await history.getAttribute('#chart-techniques svg', 'aria-label')).toMatch(/Bar chart/);
    await history.click('.technique-links a >> nth=0');
    await history.screenshot({ path: join(SCREENSHOTS, 'insights.png'), fullPage: true });
    await history.emulateMedia({ colorScheme: 'dark' });
    await history.screenshot({ path: join(SCREENSHOTS, 'insights-dark.png'), fullPage: true });
    await history.emulateMedia({ colorScheme: 'light' });
    await history.focus('#tab-insights');
    await history.keyboard.press('ArrowLeft');

    await history.click('button.clear-all');
    await history.click('button.confirm-yes');
    await history.waitForSelector('.history-entry', { state: 'detached' });
    const left = Object.keys(await localStorage(browser)).filter((key) => key.startsWith('history:'));
    expect(left).toEqual([]);
    await history.close();
    await page.close();
  }, 120_000);

  it('scan --report json on the same fixture gives a well-formed report', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'scan.ts'), join(ROOT, 'test', 'fixtures', 'article.html'), '--report', 'json'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(result.status, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.report).toMatchObject({ format: 'unspin-report', formatVersion: 1, generator: { via: 'scan' } });
    expect(json.report.textSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(json.analysis.schema).toBe(1);
    expect(json.analysis.findings.length).toBeGreaterThan(0);
  }, 120_000);
});
