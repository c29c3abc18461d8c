// Popup actions that the page's content script carries out (highlights, scrolling, rescans).
import type { BackgroundRequest } from '../messages';
import { t } from '../ui/i18n';

export type Forward = (tabId: number, message: BackgroundRequest) => Promise<void>;

/** The part of browser.tabs used here. */
export interface TabMessenger {
  sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown>;
}

export const NOT_RUNNING_MESSAGE = t('bg_not_running');

/** The content script's `{ ok: false, error }`, if that is what it answered. */
function refusal(reply: unknown): string | undefined {
  const { ok, error } = (reply ?? {}) as { ok?: unknown; error?: unknown };
  return ok === false && typeof error === 'string' ? error : undefined;
}

export function forwardVia(tabs: TabMessenger): Forward {
  return async (tabId, message) => {
    let reply: unknown;
    try {
      // Only the top frame runs the content script.
      reply = await tabs.sendMessage(tabId, message, { frameId: 0 });
    } catch {
      throw new Error(NOT_RUNNING_MESSAGE);
    }
    const error = refusal(reply);
    if (error !== undefined) throw new Error(error);
  };
}
