// Background entry (Chrome service worker / Firefox event page). Every listener is registered
// synchronously at top level, so an event that wakes the worker finds its listener.
// No top-level await and no import() anywhere below: either stops a service worker registering.
import browser, { type Runtime } from 'webextension-polyfill';
import { leftMarkedPage, showBadge } from './badge';
import { IDLE_STATE, TabStateCache } from './cache';
import { ChunkAssembler } from './chunks';
import { forwardVia } from './forward';
import { ContentScriptAccess, type AccessApis } from './access';
import { grantedPageOrigins } from '../access';
import { handleMessage, type HandlerDeps } from './messages';
import { analyzePage, getAnalyzer } from './model';
import { PostAnalyses } from './posts';
import { Scans } from './scan';
import { registerSelectionCheck } from './selection';
import { alwaysWarned, applyToTabs, WorkerSettings } from './settings';
import { BackgroundMessage, type TabState } from '../messages';
import { HistoryStore, recordOf, setDomainResolver } from '../history';
import { siteOf } from '../../model/sources';
import { FeedbackStore } from '../feedback';
import { localeLoader } from './locales';
import { FeedbackService } from '../feedback/worker';

const cache = new TabStateCache(browser.storage.session);
const settings = new WorkerSettings(browser.storage);
const badge = async (tabId: number, state: TabState) => showBadge(browser.action, tabId, state, { alwaysWarn: alwaysWarned(state, await settings.current()) });
const sensitivity = async () => (await settings.current()).sensitivity;
const scans = new Scans({
  cache,
  assembler: new ChunkAssembler(),
  analyze: analyzePage,
  showBadge: badge,
  warmUp: () => void getAnalyzer().catch(() => undefined),
  sensitivity,
  record: (tabId, state) => recordInHistory(tabId, state),
  forward: forwardVia(browser.tabs),
});
// Where the content script runs: the sites the user allowed, or the tab the user clicked (access.ts).
const access = new ContentScriptAccess({ permissions: browser.permissions, scripting: browser.scripting as unknown as AccessApis['scripting'] }, async () => (await settings.current()).scanMode);
const inject = (tabId: number) => access.inject(tabId);
// First install with no site allowed yet: the settings page opens at its "Site access" section.
browser.runtime.onInstalled.addListener(({ reason }) => {
  if (reason !== 'install') return;
  void grantedPageOrigins(browser.permissions).then((sites) => {
    if (sites.length === 0) return browser.tabs.create({ url: browser.runtime.getURL('extension/options/index.html#site-access-heading') });
  });
});

const deps: HandlerDeps = { messagesFor: localeLoader((path) => browser.runtime.getURL(path)), extensionId: browser.runtime.id, extensionUrl: browser.runtime.getURL(''), scans, cache, forward: forwardVia(browser.tabs), forwardAsked: forwardVia(browser.tabs, inject), analyzeText: async (input) => analyzePage({ ...input, sensitivity: input.sensitivity ?? (await sensitivity()) }), posts: new PostAnalyses({ cache, analyze: analyzePage, showBadge: badge, sensitivity }), feedback: new FeedbackService({ store: new FeedbackStore(browser.storage.local), state: (tabId) => cache.get(tabId) }) };

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => handleMessage(message, sender, deps));

// The pages checked, on this device only (storage.local; see extension/history.ts). Private
// windows are never recorded (tabs.get tells incognito without the "tabs" permission).
setDomainResolver((host) => siteOf(host)?.domain);
const history = new HistoryStore(browser.storage.local);
async function recordInHistory(tabId: number, state: TabState): Promise<void> {
  const record = recordOf(state, Date.now());
  if (!record || (await browser.tabs.get(tabId)).incognito) return;
  await history.add(record);
}

// "Check with Unspin" (context menu) and the check-selection command: see selection.ts.
const selection = registerSelectionCheck(
  { onInstalled: browser.runtime.onInstalled, contextMenus: browser.contextMenus, commands: browser.commands, activeTabId: async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id },
  { cache, analyze: deps.analyzeText, tabs: browser.tabs, inject, openPopup: () => Promise.resolve().then(() => browser.action.openPopup()) },
);
// Test hook: the e2e test calls the real menu and command listeners with synthetic events (a native
// menu can't be clicked from Playwright). A worker's global is reachable only from this extension.
(globalThis as { unspinTestHooks?: unknown }).unspinTestHooks = selection;

// Settings changed (options page, another device): open tabs rescan or redraw their badge (background/settings.ts).
settings.watch((before, after) =>
  applyToTabs(before, after, {
    tabIds: async () => Object.keys(await browser.storage.session.get(null)).flatMap((key) => (/^tab:\d+$/.test(key) ? [Number(key.slice(4))] : [])),
    state: (tabId) => cache.get(tabId),
    rescan: (tabId) => deps.forward(tabId, { type: BackgroundMessage.Rescan }),
    forget: async (tabId) => {
      await scans.forget(tabId);
      await badge(tabId, IDLE_STATE);
    },
    showBadge: badge,
  }),
);

browser.tabs.onRemoved.addListener((tabId) => {
  access.forget(tabId);
  void scans.forget(tabId);
});
// A prerendered page swapped in: the old tab id is gone.
browser.tabs.onReplaced.addListener((_added, removed) => void scans.forget(removed));
// Without the "tabs" permission changeInfo.url is withheld (Chrome), so the event only says that
// the top frame navigated; badge.ts tells a new document from a #fragment or history change.
// Firefox resets the tab's action values between 'loading' and 'complete': check at both.
browser.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status !== 'loading' && change.status !== 'complete') return;
  void scans.navigated(tabId, () => leftMarkedPage(browser.action, tabId));
  // Pages read as they load get the content script once loaded (access.ts).
  access.tabUpdated(tabId, change.status);
});
