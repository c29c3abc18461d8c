// Whether Unspin may read every web page as it loads, for the settings page and the popup;
// followed live (the browser's own extension settings can change it too).
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { hasEveryPage, PAGE_ORIGINS, requestEveryPage } from '../access';

export interface SiteAccess {
  /** undefined while it is being read. */
  everyPage?: boolean;
  /** Shows the browser's prompt; call it from the click handler itself (a user gesture). */
  allow(): void;
  revoke(): void;
}

export function useSiteAccess(permissions = browser.permissions): SiteAccess {
  const [everyPage, setEveryPage] = useState<boolean>();
  useEffect(() => {
    const refresh = () => void hasEveryPage(permissions).then(setEveryPage, () => setEveryPage(false));
    refresh();
    permissions.onAdded.addListener(refresh);
    permissions.onRemoved.addListener(refresh);
    return () => {
      permissions.onAdded.removeListener(refresh);
      permissions.onRemoved.removeListener(refresh);
    };
  }, [permissions]);
  return {
    everyPage,
    // The prompt only shows during a user gesture: no await may come before request().
    allow: () => void requestEveryPage(permissions).then(setEveryPage, (error: unknown) => console.warn('unspin: site access not granted:', error)),
    revoke: () => void permissions.remove({ origins: [...PAGE_ORIGINS] }).then(() => setEveryPage(false), (error: unknown) => console.warn('unspin: site access not removed:', error)),
  };
}
