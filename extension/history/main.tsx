// History page entry: the store over storage.local, refreshed when the worker records a page.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { HistoryStore, INDEX_KEY, type HistorySummary } from '../history';
import { HistoryPage } from './components/HistoryPage';
import { feedbackClient } from '../feedback/client';
import { applyPageLanguage } from '../ui/page-language';

const store = new HistoryStore(browser.storage.local);
const feedback = feedbackClient();

function LiveHistory() {
  const [entries, setEntries] = useState<HistorySummary[] | null>(null);
  const refresh = () => void store.list().then(setEntries, () => setEntries([]));
  useEffect(() => {
    refresh();
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && INDEX_KEY in changes) refresh();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);
  return (
    <HistoryPage
      entries={entries}
      load={(id) => store.get(id)}
      onDelete={async (id) => {
        await store.delete(id);
        refresh();
      }}
      onClearAll={async () => {
        await store.clear();
        refresh();
      }}
      initialTab={location.hash === '#insights' ? 'insights' : 'history'}
      feedback={feedback}
    />
  );
}

void applyPageLanguage('history_page_title').then(() => render(<LiveHistory />, document.getElementById('app')!));
