// Where the content script runs: into each loaded page of the allowed sites while pages are
// checked as they load, into one tab on request otherwise.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ASSETS } from '../../../extension/background/assets';
import { ContentScriptAccess, LOAD_WAIT_MS } from '../../../extension/background/access';
import { grantedPageOrigins, hasEveryPage, PAGE_ORIGINS } from '../../../extension/access';
import type { ScanMode } from '../../../extension/settings';
import { INJECTED_ON_REQUEST, markInjectedOnRequest } from '../../../extension/content/injection';

/** browser.scripting and browser.permissions, in memory; executeScript refuses sites not granted. */
function fakeBrowser(origins: string[] = []) {
  const injections: { tabId: number; files?: string[]; func?: unknown }[] = [];
  const scripting = {
    executeScript: vi.fn(async ({ target, files, func }: { target: { tabId: number; frameIds?: number[] }; files?: string[]; func?: () => void }) => {
      if (origins.length === 0) throw new Error('Cannot access contents of the page. Extension manifest must request permission to access the respective host.');
      expect(target.frameIds).toEqual([0]);
      injections.push({ tabId: target.tabId, ...(files ? { files } : { func }) });
    }),
  };
  const permissions = { getAll: async () => ({ origins: [...origins], permissions: [] }), contains: async ({ origins: asked }: { origins: string[] }) => asked.every((o) => origins.includes(o)) };
  return { scripting, permissions, injections, grant: (next: string[]) => origins.splice(0, origins.length, ...next) };
}

const flush = () => vi.advanceTimersByTimeAsync(0);

describe('pages read as they load', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('puts the content script into a page once it has loaded, not while it loads', async () => {
    const fake = fakeBrowser([...PAGE_ORIGINS]);
    const access = new ContentScriptAccess(fake, async () => 'auto');
    access.tabUpdated(4, 'loading');
    await vi.advanceTimersByTimeAsync(LOAD_WAIT_MS - 100);
    expect(fake.injections).toEqual([]);
    access.tabUpdated(4, 'complete');
    await flush();
    expect(fake.injections).toEqual([{ tabId: 4, files: [ASSETS.contentScript] }]);
    // The load-wait timer was cancelled: one injection, not two.
    await vi.advanceTimersByTimeAsync(LOAD_WAIT_MS);
    expect(fake.injections).toHaveLength(1);
  });

  it('reads a page still loading after LOAD_WAIT_MS anyway, and never a closed tab', async () => {
    const fake = fakeBrowser([...PAGE_ORIGINS]);
    const access = new ContentScriptAccess(fake, async () => 'auto');
    access.tabUpdated(5, 'loading');
    access.tabUpdated(6, 'loading');
    access.forget(6);
    await vi.advanceTimersByTimeAsync(LOAD_WAIT_MS);
    expect(fake.injections).toEqual([{ tabId: 5, files: [ASSETS.contentScript] }]);
  });

  it('reads nothing with no site allowed or in "only when I click", and follows changes at once', async () => {
    const fake = fakeBrowser([]);
    let mode: ScanMode = 'auto';
    const access = new ContentScriptAccess(fake, async () => mode);
    access.tabUpdated(1, 'complete');
    await flush();
    expect(fake.scripting.executeScript).not.toHaveBeenCalled();
    fake.grant([...PAGE_ORIGINS]);
    mode = 'click';
    access.tabUpdated(1, 'complete');
    await flush();
    expect(fake.scripting.executeScript).not.toHaveBeenCalled();
    mode = 'auto';
    expect(await access.isAutomatic()).toBe(true);
    access.tabUpdated(1, 'complete');
    await flush();
    expect(fake.injections).toHaveLength(1);
  });

  it('a refused injection (a site not allowed, a browser page) is quiet and the next page is read', async () => {
    const fake = fakeBrowser(['https://news.example/*']);
    fake.scripting.executeScript.mockRejectedValueOnce(new Error('Cannot access a chrome:// URL'));
    const access = new ContentScriptAccess(fake, async () => 'auto');
    access.tabUpdated(2, 'complete');
    access.tabUpdated(3, 'complete');
    await flush();
    expect(fake.injections).toEqual([{ tabId: 3, files: [ASSETS.contentScript] }]);
  });

  it('ignores other tab updates (title, audible…)', async () => {
    const fake = fakeBrowser([...PAGE_ORIGINS]);
    const access = new ContentScriptAccess(fake, async () => 'auto');
    access.tabUpdated(2, undefined);
    await vi.advanceTimersByTimeAsync(LOAD_WAIT_MS);
    expect(fake.injections).toEqual([]);
  });
});

describe('ContentScriptAccess.inject (on request)', () => {
  it('marks the tab as asked-for before the script runs, top frame only', async () => {
    const fake = fakeBrowser(['https://news.example/*']);
    await new ContentScriptAccess(fake, async () => 'click').inject(9);
    expect(fake.injections).toEqual([
      { tabId: 9, func: markInjectedOnRequest },
      { tabId: 9, files: [ASSETS.contentScript] },
    ]);
    // The browser serialises `func` and runs it alone in the page's isolated world: no closure, no imports.
    const world = globalThis as Record<symbol, unknown>;
    new Function(`(${markInjectedOnRequest.toString()})()`)();
    expect(world[INJECTED_ON_REQUEST]).toBe(true);
    delete world[INJECTED_ON_REQUEST];
  });

  it('passes the browser\'s refusal on (no click, no permission)', async () => {
    await expect(new ContentScriptAccess(fakeBrowser([]), async () => 'auto').inject(9)).rejects.toThrow('Cannot access');
  });
});

describe('site access helpers', () => {
  it('keeps only web-page origins, and reads <all_urls> as every web page', async () => {
    expect(await grantedPageOrigins({ getAll: async () => ({ origins: ['https://a.example/*', 'file:///*', 'chrome-extension://x/*', '<all_urls>'] }) })).toEqual(['https://a.example/*', '*://*/*']);
    expect(await grantedPageOrigins({ getAll: async () => ({}) })).toEqual([]);
  });

  it('asks for every web page at once', async () => {
    const fake = fakeBrowser(['https://*/*']);
    expect(await hasEveryPage(fake.permissions)).toBe(false);
    fake.grant([...PAGE_ORIGINS]);
    expect(await hasEveryPage(fake.permissions)).toBe(true);
  });
});
