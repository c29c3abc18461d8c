// Background entry (Chrome service worker / Firefox event page). Every listener is registered
// synchronously at top level, so an event that wakes the worker finds its listener.
// No top-level await and no import() anywhere below: either stops a service worker registering.
import browser, { type Runtime } from 'webextension-polyfill';
import { leftMarkedPage, showBadge } from './badge';
import { TabStateCache } from './cache';
import { ChunkAssembler } from './chunks';
import { forwardVia } from './forward';
import { handleMessage, type HandlerDeps } from './messages';
import { analyzePage, getAnalyzer } from './model';
import { Scans } from './scan';
import type { TabState } from '../messages';

const cache = new TabStateCache(browser.storage.session);
const badge = (tabId: number, state: TabState) => showBadge(browser.action, tabId, state);
const scans = new Scans({
  cache,
  assembler: new ChunkAssembler(),
  analyze: analyzePage,
  showBadge: badge,
  warmUp: () => void getAnalyzer().catch(() => undefined),
});
const deps: HandlerDeps = { extensionId: browser.runtime.id, extensionUrl: browser.runtime.getURL(''), scans, cache, forward: forwardVia(browser.tabs), analyzeText: analyzePage };

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => handleMessage(message, sender, deps));

browser.tabs.onRemoved.addListener((tabId) => void scans.forget(tabId));
// A prerendered page swapped in: the old tab id is gone.
browser.tabs.onReplaced.addListener((_added, removed) => void scans.forget(removed));
// Without the "tabs" permission changeInfo.url is withheld (Chrome), so the event only says that
// the top frame navigated; badge.ts tells a new document from a #fragment or history change.
// Firefox resets the tab's action values between 'loading' and 'complete': check at both.
browser.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status === 'loading' || change.status === 'complete') void scans.navigated(tabId, () => leftMarkedPage(browser.action, tabId));
});
