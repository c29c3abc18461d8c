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

export const CANNOT_READ_MESSAGE = t('bg_cannot_read_page');

/**
 * For what the user asked for (Check this page): where no content script runs yet, puts one in
 * (background/access.ts) and sends again. Browsers refuse their own pages and extension stores.
 */
export function forwardInjecting(forward: Forward, inject: (tabId: number) => Promise<void>): Forward {
  return async (tabId, message) => {
    try {
      await forward(tabId, message);
      return;
    } catch (error) {
      if (!(error instanceof Error) || error.message !== NOT_RUNNING_MESSAGE) throw error;
    }
    try {
      await inject(tabId);
    } catch {
      throw new Error(CANNOT_READ_MESSAGE);
    }
    await forward(tabId, message);
  };
}
