// Where the content script runs. Pages are read automatically only on sites the user allowed
// (optional host permissions, see extension/access.ts) and only while "check pages as they load"
// is on; otherwise the script goes into one tab when the user asks (toolbar button, menu,
// shortcut: activeTab), never before.
//
// Automatic pages get the script once they have loaded (tabs.onUpdated "complete"), not from a
// registered content script: any content script run before the load event delays it (measured
// on a 20,000-word page in Chromium: an empty content script moves `load` from 3 to 44 ms after
// DOMContentLoaded, Unspin's from 3 to 69 ms: the isolated world and its bindings, then the
// script). A page still loading after LOAD_WAIT_MS gets it then, so slow ads can't hold it back.
import { grantedPageOrigins, type PermissionsApi } from '../access';
import type { ScanMode } from '../settings';
import { ASSETS } from './assets';
import { markInjectedOnRequest } from '../content/injection';

/** How long a loading page may take before it is read anyway (the script then waits for document_idle). */
export const LOAD_WAIT_MS = 3000;

/** The part of browser.scripting used here. */
export interface ScriptingApi {
  executeScript(injection: { target: { tabId: number; frameIds?: number[] }; files?: string[]; func?: () => void }): Promise<unknown>;
}

export interface AccessApis {
  permissions: Pick<PermissionsApi, 'getAll'>;
  scripting: ScriptingApi;
}

interface Timers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
}

export class ContentScriptAccess {
  private readonly waiting = new Map<number, unknown>();

  constructor(
    private readonly apis: AccessApis,
    private readonly scanMode: () => Promise<ScanMode>,
    private readonly timers: Timers = { setTimeout: (run, ms) => setTimeout(run, ms), clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>) },
  ) {}

  /**
   * True while "check pages as they load" is on and at least one site is allowed. Asked each
   * time (two calls per page load): grants change outside Unspin, and right after install the
   * browser grants them after the worker's first events.
   */
  async isAutomatic(): Promise<boolean> {
    try {
      return (await this.scanMode()) === 'auto' && (await grantedPageOrigins(this.apis.permissions)).length > 0;
    } catch {
      return false;
    }
  }

  /** tabs.onUpdated: a tab's top frame started loading a page, or finished. */
  tabUpdated(tabId: number, status: string | undefined): void {
    if (status !== 'loading' && status !== 'complete') return;
    this.forget(tabId);
    if (status === 'complete') void this.readPage(tabId);
    else this.waiting.set(tabId, this.timers.setTimeout(() => void this.readPage(tabId), LOAD_WAIT_MS));
  }

  /** tabs.onRemoved. */
  forget(tabId: number): void {
    if (!this.waiting.has(tabId)) return;
    this.timers.clearTimeout(this.waiting.get(tabId));
    this.waiting.delete(tabId);
  }

  /**
   * Puts the content script into one tab's top frame because the user asked: it then waits for
   * the worker's request instead of reading the page by itself (it starts once however often it
   * is injected). Needs activeTab (a click on the toolbar button, the menu or the shortcut) or
   * the site's permission.
   */
  async inject(tabId: number): Promise<void> {
    const target = { tabId, frameIds: [0] };
    await this.apis.scripting.executeScript({ target, func: markInjectedOnRequest });
    await this.apis.scripting.executeScript({ target, files: [ASSETS.contentScript] });
  }

  /** The content script for a page read as it loads: it scans by itself (settings permitting). */
  private async readPage(tabId: number): Promise<void> {
    this.waiting.delete(tabId);
    if (!(await this.isAutomatic())) return;
    try {
      await this.apis.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [ASSETS.contentScript] });
    } catch {
      // A site the user did not allow, a browser page, a closed tab: nothing to read there.
    }
  }
}
