// Single-page-app navigations. A content script runs in an isolated world: wrapping the page's
// history.pushState would not see the page's own calls, so the address is polled (a string
// comparison per second) and checked at once on popstate.
export const URL_POLL_MS = 1000;

/** The address without its #fragment: jumping to an anchor is not a new page. */
function pageAddress(href: string): string {
  const hash = href.indexOf('#');
  return hash < 0 ? href : href.slice(0, hash);
}

export function watchLocation(view: Window, onChange: (href: string) => void, intervalMs = URL_POLL_MS): () => void {
  let last = pageAddress(view.location.href);
  const check = () => {
    const current = pageAddress(view.location.href);
    if (current === last) return;
    last = current;
    onChange(view.location.href);
  };
  const timer = setInterval(check, intervalMs);
  view.addEventListener('popstate', check);
  return () => {
    clearInterval(timer);
    view.removeEventListener('popstate', check);
  };
}

/**
 * Resolves once the page has stopped changing for `quietMs` (an app renders the new page after
 * the address changes), or after `maxMs` for pages that never stop (tickers, ads).
 */
export function waitForQuiet(document: Document, quietMs = 500, maxMs = 3000): Promise<void> {
  return new Promise((resolve) => {
    let quietTimer: ReturnType<typeof setTimeout> | undefined;
    const done = () => {
      observer.disconnect();
      clearTimeout(quietTimer);
      clearTimeout(maxTimer);
      resolve();
    };
    const restart = () => {
      clearTimeout(quietTimer);
      quietTimer = setTimeout(done, quietMs);
    };
    const observer = new MutationObserver(restart);
    observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
    const maxTimer = setTimeout(done, maxMs);
    restart();
  });
}
