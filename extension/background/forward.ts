// Messages from the worker to a tab's content script: popup actions it carries out (highlights,
// scrolling, rescans) and questions it answers (the selection). What the user asked for may put
// the content script into the tab first, where none runs yet (background/access.ts).
import type { BackgroundRequest } from '../messages';
import { t } from '../ui/i18n';

export type Forward = (tabId: number, message: BackgroundRequest) => Promise<void>;
/** Like Forward, resolving with the content script's reply value. */
export type Ask = (tabId: number, message: BackgroundRequest) => Promise<unknown>;
/** Puts the content script into a tab's top frame (access.ts ContentScriptAccess.inject). */
export type Inject = (tabId: number) => Promise<void>;

/** The part of browser.tabs used here. */
export interface TabMessenger {
  sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown>;
}

export const NOT_RUNNING_MESSAGE = t('bg_not_running');
export const CANNOT_READ_MESSAGE = t('bg_cannot_read_page');

/** The content script's `{ ok: false, error }`, if that is what it answered. */
function refusal(reply: unknown): string | undefined {
  const { ok, error } = (reply ?? {}) as { ok?: unknown; error?: unknown };
  return ok === false && typeof error === 'string' ? error : undefined;
}

/**
 * The content script's raw reply. Where none receives the message, throws NOT_RUNNING_MESSAGE, or
 * with `inject` puts one in and sends again (browsers refuse their own pages and extension
 * stores: then CANNOT_READ_MESSAGE).
 */
function sendVia(tabs: TabMessenger, inject?: Inject): (tabId: number, message: BackgroundRequest) => Promise<unknown> {
  // Only the top frame runs the content script.
  const send = async (tabId: number, message: BackgroundRequest) => {
    try {
      return await tabs.sendMessage(tabId, message, { frameId: 0 });
    } catch {
      throw new Error(NOT_RUNNING_MESSAGE);
    }
  };
  if (!inject) return send;
  return async (tabId, message) => {
    try {
      return await send(tabId, message);
    } catch {
      try {
        await inject(tabId);
      } catch {
        throw new Error(CANNOT_READ_MESSAGE);
      }
      return send(tabId, message);
    }
  };
}

/** Sends to the tab's content script; throws its refusal. `inject`: see sendVia. */
export function forwardVia(tabs: TabMessenger, inject?: Inject): Forward {
  const send = sendVia(tabs, inject);
  return async (tabId, message) => {
    const error = refusal(await send(tabId, message));
    if (error !== undefined) throw new Error(error);
  };
}

/** The value of the content script's Reply; throws its error, or when it gave none. `inject`: see sendVia. */
export function askVia(tabs: TabMessenger, inject?: Inject): Ask {
  const send = sendVia(tabs, inject);
  return async (tabId, message) => {
    const { ok, value, error } = ((await send(tabId, message)) ?? {}) as { ok?: unknown; value?: unknown; error?: unknown };
    if (ok !== true) throw new Error(typeof error === 'string' ? error : 'no answer from the page');
    return value;
  };
}
