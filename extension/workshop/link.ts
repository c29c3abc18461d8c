// Opening workshop mode from the popup, in a new tab (tabs.create needs no permission).
export const WORKSHOP_PAGE = 'extension/workshop/index.html';

export function openWorkshop(event: Event): void {
  event.preventDefault();
  // Loaded on click: the popup's components stay free of extension APIs (they run on mock data in tests).
  void import('webextension-polyfill').then(({ default: browser }) => browser.tabs.create({ url: browser.runtime.getURL(WORKSHOP_PAGE) })).catch(() => window.open(`../../${WORKSHOP_PAGE}`, '_blank'));
}
