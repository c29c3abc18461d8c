// Launches Debian's Chromium with the unpacked extension and serves fixture pages on 127.0.0.1.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Request, type Worker } from 'playwright-core';
import type { TabState } from '../../extension/messages';
import { itemsFor, type Settings } from '../../extension/settings';
import { ROOT } from './build';
import { withSiteAccessGranted } from '../../scripts/lib/site-access';

/** The few chrome.* calls the tests evaluate inside the extension (no @types/chrome here). */
export interface ChromeApi {
  storage: { session: { get(keys: null): Promise<Record<string, unknown>> }; sync: { set(items: Record<string, unknown>): Promise<void> } };
  action: { getBadgeText(details: { tabId: number }): Promise<string>; getBadgeBackgroundColor(details: { tabId: number }): Promise<number[]> };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  permissions: { getAll(): Promise<{ origins?: string[]; permissions?: string[] }> };
}
declare const chrome: ChromeApi;

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface FixtureServer {
  origin: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** Pages made by the test (too big or too generated for a file), by path ("/hostile/big.html"): served before the files. */
  pages?: Record<string, string | Buffer>;
}

/**
 * Serves test/fixtures/<name> at /<name> (and test/fixtures/<dir>/<name> at /<dir>/<name>, one level
 * deep); `options.pages` adds generated pages; any other path gets a small article page.
 */
export async function serveFixtures(options: ServeOptions = {}): Promise<FixtureServer> {
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split(/[?#]/)[0];
    const name = path.slice(1);
    let body: Buffer;
    try {
      const generated = options.pages && Object.hasOwn(options.pages, path) ? options.pages[path] : undefined;
      if (generated !== undefined) body = Buffer.isBuffer(generated) ? generated : Buffer.from(generated);
      else body = /^(?:[\w-]+\/)?[\w.-]+\.html$/.test(name) ? readFileSync(join(ROOT, 'test', 'fixtures', name)) : Buffer.from('<!doctype html><title>Other page</title><p>Another page.</p>');
    } catch {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** Every request seen, with the context it came from. */
  requests: { url: string; fromServiceWorker: boolean; frameUrl?: string }[];
  worker(): Promise<Worker>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /**
   * Load the package as built, with no site allowed (default false: a copy with "every site"
   * granted, as after the user's click on Allow; scripts/lib/site-access.ts).
   */
  asInstalled?: boolean;
}

/** `extraArgs`: more Chromium switches, e.g. `--host-resolver-rules` to serve a fixture under a real site's name. */
export async function launchWithExtension(builtDir: string, extraArgs: string[] = [], options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'unspin-e2e-'));
  const granted = options.asInstalled ? undefined : withSiteAccessGranted(builtDir);
  const extensionDir = granted?.dir ?? builtDir;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    // Playwright's headless is Chromium's new headless mode, the one that runs extensions.
    headless: true,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
  const requests: ExtensionBrowser['requests'] = [];
  const record = (request: Request) => {
    let frameUrl: string | undefined;
    try {
      frameUrl = request.frame().url();
    } catch {
      // Service-worker requests have no frame.
    }
    requests.push({ url: request.url(), fromServiceWorker: request.serviceWorker() !== null, frameUrl });
  };
  context.on('request', record);
  const worker = async () => context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ?? context.waitForEvent('serviceworker', { timeout: 20_000 });
  const extensionId = new URL((await worker()).url()).host;
  // The worker's target appears before its script has run: a tab event dispatched before its
  // listeners exist is lost on the first run after install (there are no remembered listeners yet).
  await (await worker()).evaluate(() => true);
  return {
    context,
    extensionId,
    requests,
    worker,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      granted?.remove();
    },
  };
}

/**
 * Stores settings in storage.sync from the worker, as the settings page would (extension/settings.ts).
 * Tests written for the model's 'balanced' thresholds pin them with { sensitivity: 'balanced' }.
 */
export async function useSettings(worker: Worker, change: Partial<Settings>): Promise<void> {
  await worker.evaluate((items) => chrome.storage.sync.set(items), itemsFor(change));
}

/** All TabStates in storage.session, by tab id, read from the service worker. */
export async function storedStates(worker: Worker): Promise<Record<number, TabState>> {
  const entries = await worker.evaluate(() => chrome.storage.session.get(null));
  return Object.fromEntries(Object.entries(entries).filter(([key]) => key.startsWith('tab:')).map(([key, value]) => [Number(key.slice(4)), value as TabState]));
}

/** Polls until `find` returns a value; errors (a worker stopping meanwhile) count as "not yet". */
export async function waitFor<T>(find: () => Promise<T | undefined>, timeoutMs = 30_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await find();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${lastError ? ` (last error: ${String(lastError)})` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Viewport point over the ninth character of the first text node holding `sentence`'s start (to hover it), or null. */
export function pointAt(page: Page, sentence: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate((wanted) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(wanted.slice(0, 30));
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at + 8);
      range.setEnd(node, at + 9);
      const rect = range.getBoundingClientRect();
      return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
    }
    return null;
  }, sentence);
}

/** The tab whose stored state is for `url` and passes `accept`, once there is one. */
export function tabState(browser: ExtensionBrowser, url: string, accept: (state: TabState) => boolean, what: string, timeoutMs = 60_000): Promise<[number, TabState]> {
  return waitFor(async () => {
    const entry = Object.entries(await storedStates(await browser.worker())).find(([, s]) => s.url === url && accept(s));
    return entry && ([Number(entry[0]), entry[1]] as [number, TabState]);
  }, timeoutMs, what);
}

/** The tab and its complete analysis of `url`. */
export function doneState(browser: ExtensionBrowser, url: string, what = `the analysis of ${url}`, timeoutMs = 60_000): Promise<[number, TabState]> {
  return tabState(browser, url, (s) => s.status === 'done', what, timeoutMs);
}

/**
 * The text of every range Unspin marks (except those of the marks named in `except`, e.g.
 * 'unspin-focus'), read in the content script's isolated world: the page itself can't see them.
 */
export async function highlightedTexts(page: Page, except: readonly string[] = []): Promise<string[]> {
  // Imported here so that this helper's change stays within it (browser.ts is shared).
  const { paintedMarks } = await import('./isolated');
  return (await paintedMarks(page)).filter(([name]) => !except.includes(name)).map(([, text]) => text);
}
