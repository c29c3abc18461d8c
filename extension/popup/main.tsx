// Popup entry: shows the active tab's analysis, polling while the page is being read.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { PopupMessage, type TabState } from '../messages';
import { storageSettings } from '../content/settings';
import type { Settings } from '../settings';
import { Popup } from './components/Popup';
import { clearSelection, currentTabId, focusFinding, getTabState, setHighlights } from './connection';
import { MOCK_STATES } from './mock';
import { usePopupFeedback } from '../feedback/client';
import { applyPageLanguage } from '../ui/page-language';
import { browserLookup } from '../ui/i18n';
import { useSiteAccess } from '../ui/site-access';

const POLL_MS = 400;
/** After "Check this page": how long to wait for the page's scan to begin. */
const CHECK_WAIT_MS = 15_000;

function LivePopup() {
  const [tabId, setTabId] = useState<number>();
  const [state, setState] = useState<TabState>({ status: 'scanning', highlights: true });
  const [settings, setSettings] = useState<Settings>();
  /** When the user last asked to check the page (0: never). */
  const [checkAt, setCheckAt] = useState(0);

  useEffect(() => {
    const source = storageSettings();
    let watched = false;
    const stop = source.watch((next) => {
      watched = true;
      setSettings(next);
    });
    void source.load().then((loaded) => !watched && setSettings(loaded));
    return stop;
  }, []);

  useEffect(() => {
    currentTabId().then(setTabId, (e: Error) => setState({ status: 'error', message: e.message, highlights: true }));
  }, []);

  useEffect(() => {
    if (tabId === undefined) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Asked to check: the old state stands until the content script's first chunk arrives.
    let awaiting = checkAt > 0;
    const refresh = () =>
      getTabState(tabId).then(
        (next) => {
          const begun = next.status === 'scanning' || next.status === 'partial' || next.status === 'done' || next.status === 'error' || (next.status === 'unreadable' && next.message !== browserLookup('options_never_scan_reason'));
          if (begun || Date.now() - checkAt > CHECK_WAIT_MS) awaiting = false;
          setState(awaiting ? { ...next, status: 'scanning' } : next);
          if (awaiting || next.status === 'scanning' || next.status === 'partial') timer = setTimeout(refresh, POLL_MS);
        },
        (e: Error) => setState({ status: 'error', message: e.message, highlights: true }),
      );
    refresh();
    return () => clearTimeout(timer);
  }, [tabId, checkAt]);

  const onToggleHighlights = (enabled: boolean) => {
    if (tabId === undefined) return;
    setState((s) => ({ ...s, highlights: enabled }));
    setHighlights(tabId, enabled).catch(() => setState((s) => ({ ...s, highlights: !enabled })));
  };
  const onShowFinding = (findingId: string) => {
    if (tabId !== undefined) void focusFinding(tabId, findingId).catch(() => undefined);
  };
  const onClearSelection = () => {
    if (tabId !== undefined) void clearSelection(tabId).then(setState, () => undefined);
  };
  const onCheck = () => {
    if (tabId === undefined) return;
    const failed = (message: string) => setState({ status: 'error', message, highlights: true });
    browser.runtime.sendMessage({ type: PopupMessage.Rescan, tabId }).then((reply) => {
      const { ok, error } = (reply ?? {}) as { ok?: boolean; error?: string };
      if (ok) setCheckAt(Date.now());
      else failed(error ?? 'no answer from the extension');
    }, (e: Error) => failed(e.message));
  };
  const onOpenSettings = () => void browser.runtime.openOptionsPage().then(() => window.close());
  const feedback = usePopupFeedback(tabId, state);
  const access = useSiteAccess();
  return <Popup state={state} settings={settings} feedback={feedback} access={access} onCheck={onCheck} onOpenSettings={onOpenSettings} onToggleHighlights={onToggleHighlights} onShowFinding={onShowFinding} onClearSelection={onClearSelection} />;
}

const mock = new URLSearchParams(location.search).get('mock');
const root = document.getElementById('app')!;
void applyPageLanguage('app_name').then(() => {
  if (mock && MOCK_STATES[mock]) render(<Popup state={MOCK_STATES[mock]} />, root);
  else render(<LivePopup />, root);
});
