// The in-page cards' language: the browser's (chrome.i18n), or the one chosen in the settings,
// whose table the worker sends (a content script can't fetch the package's _locales without
// web_accessible_resources, which would let pages detect Unspin). Applies live when it changes.
import browser from 'webextension-polyfill';
import { ContentMessage } from '../messages';
import { SETTING_KEY_PREFIX } from '../settings';
import { setMessages, type MessageTable } from '../ui/i18n';
import { chosenLocale } from '../ui/page-language';
import type { Send } from './messaging';

const LANGUAGE_KEY = `${SETTING_KEY_PREFIX}uiLanguage`;

function isTable(value: unknown): value is MessageTable {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Sets the chosen language's table (or none: the browser's language) for the given stored setting. */
export async function applyContentLanguage(stored: unknown, send: Send): Promise<void> {
  const locale = chosenLocale(stored);
  if (!locale) {
    setMessages(null);
    return;
  }
  try {
    const reply = (await send({ type: ContentMessage.GetMessages, locale })) as { ok?: boolean; value?: unknown } | undefined;
    if (reply?.ok && isTable(reply.value)) setMessages(reply.value);
  } catch (error) {
    // Keep the browser's language rather than show nothing.
    console.warn('Unspin: could not load the chosen language for the page', error);
  }
}

/** Applies the setting now and whenever it changes; returns a stop function. */
export function followContentLanguage(send: Send): () => void {
  void browser.storage.sync.get(LANGUAGE_KEY).then((items) => applyContentLanguage(items[LANGUAGE_KEY], send), () => undefined);
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'sync' && LANGUAGE_KEY in changes) void applyContentLanguage(changes[LANGUAGE_KEY].newValue, send);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
