// Site access: which pages Unspin may read on its own. Nothing is granted at install; the user
// allows "every page" (or the browser's per-site controls narrow it) and can take it back at any
// time in the browser's extension settings. Shared by the worker, the popup and the settings page.

/** Web pages (the manifest's optional_host_permissions): never file:, never the browser's own pages. */
export const PAGE_ORIGINS: readonly string[] = ['http://*/*', 'https://*/*'];

/** The part of browser.permissions used here. */
export interface PermissionsApi {
  contains(permissions: { origins: string[] }): Promise<boolean>;
  request(permissions: { origins: string[] }): Promise<boolean>;
  getAll(): Promise<{ origins?: string[] }>;
}

/** Granted origin patterns that are web pages (the browser may list others, e.g. granted by policy). */
export async function grantedPageOrigins(permissions: Pick<PermissionsApi, 'getAll'>): Promise<string[]> {
  const { origins = [] } = await permissions.getAll();
  return origins.filter((origin) => /^(?:\*|https?):\/\//.test(origin) || origin === '<all_urls>').map((origin) => (origin === '<all_urls>' ? '*://*/*' : origin));
}

/** True when Unspin may read every web page as it loads. */
export function hasEveryPage(permissions: Pick<PermissionsApi, 'contains'>): Promise<boolean> {
  return permissions.contains({ origins: [...PAGE_ORIGINS] });
}

/**
 * Asks the browser's permission prompt for every web page. Must run in the click (or key press)
 * handler itself: browsers only show the prompt during a user gesture.
 */
export function requestEveryPage(permissions: Pick<PermissionsApi, 'request'>): Promise<boolean> {
  return permissions.request({ origins: [...PAGE_ORIGINS] });
}
