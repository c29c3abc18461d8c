// The in-page cards' language: the browser's (chrome.i18n), or the one chosen in the settings,
// whose table the worker sends (a content script can't fetch the package's _locales without
// web_accessible_resources, which would let pages detect Unspin). The controller applies it with
// the rest of the settings, on load and when it changes.
import { ContentMessage } from '../messages';
import { setMessages, type MessageTable } from '../ui/i18n';
import { chosenLocale } from '../ui/page-language';
import type { Send } from './messaging';

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
