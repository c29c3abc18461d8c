// Opening the history page from the popup, in a new tab (tabs.create needs no permission).
export const HISTORY_PAGE = 'extension/history/index.html';

export function openHistory(event: Event): void {
  event.preventDefault();
  // Loaded on click: the popup's components stay free of extension APIs (they run on mock data in tests).
  void import('webextension-polyfill').then(({ default: browser }) => browser.tabs.create({ url: browser.runtime.getURL(HISTORY_PAGE) })).catch(() => window.open(`../../${HISTORY_PAGE}`, '_blank'));
}
