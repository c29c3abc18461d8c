// The popup's link to the background: which tab, its state, and the user's actions.
import browser from 'webextension-polyfill';
import { PopupMessage, type PopupRequest, type Reply, type TabState } from '../messages';

async function send<T>(request: PopupRequest): Promise<T> {
  const reply = (await browser.runtime.sendMessage(request)) as Reply<T> | undefined;
  if (!reply) throw new Error('no answer from the extension');
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

/** The tab the popup is about: ?tabId= (tests, reports) or the active tab. */
export async function currentTabId(search = location.search): Promise<number | undefined> {
  const param = new URLSearchParams(search).get('tabId');
  if (param !== null && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

export const getTabState = (tabId: number) => send<TabState>({ type: PopupMessage.GetTabState, tabId });
export const setHighlights = (tabId: number, enabled: boolean) => send<void>({ type: PopupMessage.SetHighlights, tabId, enabled });
export const focusFinding = (tabId: number, findingId: string) => send<void>({ type: PopupMessage.FocusFinding, tabId, findingId });
/** Replies with the tab's state without its selection. */
export const clearSelection = (tabId: number) => send<TabState>({ type: PopupMessage.ClearSelection, tabId });
