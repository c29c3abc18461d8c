// Background entry (Chrome service worker / Firefox event page). Every listener is registered
// synchronously at top level, so an event that wakes the worker finds its listener.
// No top-level await and no import() anywhere below: either stops a service worker registering.
import browser from 'webextension-polyfill';
import { showBadge } from './badge';
import { TabStateCache } from './cache';
import { ChunkAssembler } from './chunks';
import { forwardToTab } from './forward';
import { handleMessage, type HandlerDeps } from './messages';
import { analyzePage, getAnalyzer } from './model';
import { Scans } from './scan';

const cache = new TabStateCache(browser.storage.session);
const scans = new Scans({
  cache,
  assembler: new ChunkAssembler(),
  analyze: analyzePage,
  showBadge,
  warmUp: () => void getAnalyzer().catch(() => undefined),
});
const deps: HandlerDeps = { extensionId: browser.runtime.id, extensionUrl: browser.runtime.getURL(''), scans, cache, forward: forwardToTab };

browser.runtime.onMessage.addListener((message: unknown, sender) => handleMessage(message, sender, deps));

browser.tabs.onRemoved.addListener((tabId) => void scans.forget(tabId));
// A prerendered page swapped in: the old tab id is gone.
browser.tabs.onReplaced.addListener((_added, removed) => void scans.forget(removed));
browser.tabs.onUpdated.addListener((tabId, change) => {
  if (change.url !== undefined) void navigated(tabId);
});

async function navigated(tabId: number): Promise<void> {
  await scans.forget(tabId);
  await showBadge(tabId, await cache.get(tabId));
}
