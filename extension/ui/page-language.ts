// The language of Unspin's own pages (popup, settings, workshop, history). With the setting on
// "Same as my browser" the texts come from chrome.i18n (the browser's UI language); with a chosen
// language the page loads that locale's messages.json from the package before it renders (its own
// origin: no web_accessible_resources), and reloads when the setting changes. The in-page cards get
// the table from the worker (content/language.ts); the toolbar title and menu entry follow the browser.
import browser from 'webextension-polyfill';
import { SETTING_KEY_PREFIX } from '../settings';
import { LOCALES, setMessages, t, uiLanguage, type Locale, type MessageTable } from './i18n';

const LANGUAGE_KEY = `${SETTING_KEY_PREFIX}uiLanguage`;

/** The locale the settings ask for, or null for the browser's. */
export function chosenLocale(stored: unknown): Locale | null {
  return typeof stored === 'string' && (LOCALES as readonly string[]).includes(stored) ? (stored as Locale) : null;
}

/** Loads the chosen language (if any), sets <html lang> and the title; call before rendering. */
export async function applyPageLanguage(titleKey?: string): Promise<void> {
  try {
    const locale = chosenLocale((await browser.storage.sync.get(LANGUAGE_KEY))[LANGUAGE_KEY]);
    if (locale) {
      const response = await fetch(browser.runtime.getURL(`_locales/${locale}/messages.json`));
      if (response.ok) setMessages((await response.json()) as MessageTable);
    }
  } catch (error) {
    console.warn('Unspin: could not load the chosen language; using the browser’s', error);
  }
  document.documentElement.lang = uiLanguage();
  if (titleKey) document.title = t(titleKey);
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'sync' && LANGUAGE_KEY in changes) location.reload();
  });
}
