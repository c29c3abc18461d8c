// Popup entry: shows the active tab's analysis, polling while the page is being read.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { TabState } from '../messages';
import { Popup } from './components/Popup';
import { currentTabId, focusFinding, getTabState, setHighlights } from './connection';
import { MOCK_STATES } from './mock';

const POLL_MS = 400;

function LivePopup() {
  const [tabId, setTabId] = useState<number>();
  const [state, setState] = useState<TabState>({ status: 'scanning', highlights: true });

  useEffect(() => {
    currentTabId().then(setTabId, (e: Error) => setState({ status: 'error', message: e.message, highlights: true }));
  }, []);

  useEffect(() => {
    if (tabId === undefined) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = () =>
      getTabState(tabId).then(
        (next) => {
          setState(next);
          if (next.status === 'scanning') timer = setTimeout(refresh, POLL_MS);
        },
        (e: Error) => setState({ status: 'error', message: e.message, highlights: true }),
      );
    refresh();
    return () => clearTimeout(timer);
  }, [tabId]);

  const onToggleHighlights = (enabled: boolean) => {
    if (tabId === undefined) return;
    setState((s) => ({ ...s, highlights: enabled }));
    setHighlights(tabId, enabled).catch(() => setState((s) => ({ ...s, highlights: !enabled })));
  };
  const onShowFinding = (findingId: string) => {
    if (tabId !== undefined) void focusFinding(tabId, findingId).catch(() => undefined);
  };
  return <Popup state={state} onToggleHighlights={onToggleHighlights} onShowFinding={onShowFinding} />;
}

const mock = new URLSearchParams(location.search).get('mock');
const root = document.getElementById('app')!;
if (mock && MOCK_STATES[mock]) render(<Popup state={MOCK_STATES[mock]} />, root);
else render(<LivePopup />, root);
