// Popup actions that the page's content script carries out (highlights, scrolling, rescans).
import browser from 'webextension-polyfill';
import { BackgroundMessage, type BackgroundRequest } from '../messages';

export type Forward = (tabId: number, message: BackgroundRequest) => Promise<void>;

export const forwardToTab: Forward = async (tabId, message) => {
  try {
    // Only the top frame runs the content script.
    await browser.tabs.sendMessage(tabId, message, { frameId: 0 });
  } catch {
    throw new Error('Unspin is not running in this tab yet: reload the page.');
  }
};

export const setHighlightsMessage = (enabled: boolean): BackgroundRequest => ({ type: BackgroundMessage.SetHighlights, enabled });
export const focusFindingMessage = (findingId: string): BackgroundRequest => ({ type: BackgroundMessage.FocusFinding, findingId });
export const rescanMessage = (): BackgroundRequest => ({ type: BackgroundMessage.Rescan });
