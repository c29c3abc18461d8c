// The history and insights page. Pure: summaries in, callbacks out (tests run it on fake data).
import { useEffect, useRef, useState } from 'preact/hooks';
import { searchSummaries, type HistoryEntry, type HistorySummary } from '../../history';
import { describeLabel as guidanceFor } from '../../ui/labels';
import { LABELS, type Label } from '../../../model/labels';
import { Export } from '../../popup/components/Export';
import { Report } from '../../popup/components/Report';
import { STRINGS } from '../../ui/strings';
import { HS } from '../strings';
import { Insights } from './Insights';
import { FeedbackTools, type FeedbackToolsApi } from '../../popup/components/FeedbackTools';
import { uiLanguage } from '../../ui/i18n';

export type HistoryTab = 'history' | 'insights';

export interface HistoryPageProps {
  /** null while loading. */
  entries: HistorySummary[] | null;
  load: (id: string) => Promise<HistoryEntry | null>;
  onDelete: (id: string) => Promise<void>;
  onClearAll: () => Promise<void>;
  now?: number;
  initialTab?: HistoryTab;
  /** "Export feedback (JSONL)" and "Clear feedback" (feedback/client.ts); absent in tests of the history alone. */
  feedback?: FeedbackToolsApi;
}

const isLabel = (name: string): name is Label => (LABELS as readonly string[]).includes(name);
const when = (time: number) => new Date(time).toLocaleString(uiLanguage(), { dateStyle: 'medium', timeStyle: 'short' });
const titleOf = (e: { title: string; url: string }) => e.title.trim() || e.url || HS.untitled;

function Tabs({ tab, onChange }: { tab: HistoryTab; onChange: (tab: HistoryTab) => void }) {
  const tabs: [HistoryTab, string][] = [
    ['history', HS.tabHistory],
    ['insights', HS.tabInsights],
  ];
  const onKey = (event: KeyboardEvent) => {
    const i = tabs.findIndex(([t]) => t === tab);
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const [target] = tabs[(next + tabs.length) % tabs.length];
    onChange(target);
    (event.currentTarget as HTMLElement).parentElement?.querySelector<HTMLElement>(`#tab-${target}`)?.focus();
  };
  return (
    <div role="tablist" aria-label={HS.tabsLabel} class="tabs">
      {tabs.map(([id, name]) => (
        <button key={id} type="button" role="tab" id={`tab-${id}`} aria-selected={tab === id ? 'true' : 'false'} aria-controls={`panel-${id}`} tabIndex={tab === id ? 0 : -1} onClick={() => onChange(id)} onKeyDown={onKey}>
          {name}
        </button>
      ))}
    </div>
  );
}

function Entry({ entry, onOpen, onDelete }: { entry: HistorySummary; onOpen: () => void; onDelete: () => void }) {
  const title = titleOf(entry);
  return (
    <li class={`history-entry${entry.level ? ` level-${entry.level}` : ''}`}>
      <div class="entry-main">
        <button type="button" class="entry-open" onClick={onOpen} aria-label={HS.openLabel(title)}>
          {title}
        </button>
        <span class="entry-url">{entry.url}</span>
        <span class="entry-meta">
          <time dateTime={new Date(entry.time).toISOString()}>{when(entry.time)}</time>
          {' · '}
          <span class="entry-risk">{entry.risk === null || entry.level === null ? HS.notScored : HS.risk(entry.risk, STRINGS.level[entry.level])}</span>
          {entry.topLabels.length > 0 && ` · ${entry.topLabels.map((l) => (isLabel(l) ? guidanceFor(l).name : l)).join(', ')}`}
        </span>
      </div>
      <button type="button" class="entry-delete" onClick={onDelete} aria-label={HS.deleteLabel(title)}>
        {HS.delete}
      </button>
    </li>
  );
}

function ReportView({ summary, load, onBack }: { summary: HistorySummary; load: HistoryPageProps['load']; onBack: () => void }) {
  const [entry, setEntry] = useState<HistoryEntry | null | undefined>(undefined);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    let live = true;
    load(summary.id).then(
      (e) => live && setEntry(e),
      () => live && setEntry(null),
    );
    heading.current?.focus();
    return () => void (live = false);
  }, [summary.id]);
  return (
    <section class="report-view" aria-labelledby="report-heading">
      <button type="button" class="back" onClick={onBack}>
        {HS.back}
      </button>
      <h2 id="report-heading" tabIndex={-1} ref={heading}>
        {titleOf(summary)}
      </h2>
      <p class="entry-url">{summary.url}</p>
      <p class="hint">{HS.checkedAt(when(summary.time))}</p>
      {summary.textSha256 && (
        <p class="hint">
          {HS.hashLabel}: <code class="hash">{summary.textSha256}</code>
        </p>
      )}
      {entry === undefined && <p role="status">{HS.loading}</p>}
      {entry === null && <p class="state">{HS.reportGone}</p>}
      {entry && (
        <>
          <Export headingLevel={3} source={{ analysis: entry.analysis, url: entry.url, title: entry.title, textSha256: entry.textSha256, textLength: entry.textLength, analysedAt: entry.time }} />
          <div class="report-body">
            <Report analysis={entry.analysis} />
          </div>
        </>
      )}
    </section>
  );
}

function ClearAll({ onClear }: { onClear: () => Promise<void> }) {
  const [asking, setAsking] = useState(false);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) cancel.current?.focus();
  }, [asking]);
  if (!asking)
    return (
      <button type="button" class="clear-all danger" onClick={() => setAsking(true)}>
        {HS.clearAll}
      </button>
    );
  return (
    <div class="confirm" role="alertdialog" aria-labelledby="confirm-text">
      <p id="confirm-text">{HS.clearConfirm}</p>
      <button type="button" class="confirm-yes danger" onClick={() => void onClear().finally(() => setAsking(false))}>
        {HS.clearYes}
      </button>{' '}
      <button type="button" class="confirm-no" ref={cancel} onClick={() => setAsking(false)}>
        {HS.clearNo}
      </button>
    </div>
  );
}

function HistoryPanel({ entries, load, onDelete, onClearAll, onStatus }: HistoryPageProps & { onStatus: (s: string) => void }) {
  const [query, setQuery] = useState('');
  const [openId, setOpenId] = useState<string | null>(null);
  if (entries === null) return <p role="status">{HS.loading}</p>;
  const opened = openId ? entries.find((e) => e.id === openId) : undefined;
  if (opened) return <ReportView summary={opened} load={load} onBack={() => setOpenId(null)} />;
  const shown = searchSummaries(entries, query);
  return (
    <>
      <div class="search">
        <label for="history-search">{HS.searchLabel}</label>
        <input id="history-search" type="search" value={query} placeholder={HS.searchPlaceholder} onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)} />
      </div>
      <p class="hint" role="status" aria-live="polite">
        {entries.length === 0 ? HS.empty : shown.length === 0 ? HS.noMatch(query) : HS.count(shown.length, entries.length)}
      </p>
      <ul class="history-list">
        {shown.map((e) => (
          <Entry
            key={e.id}
            entry={e}
            onOpen={() => setOpenId(e.id)}
            onDelete={() =>
              void onDelete(e.id).then(
                () => onStatus(HS.deleted),
                () => undefined,
              )
            }
          />
        ))}
      </ul>
      {entries.length > 0 && <ClearAll onClear={() => onClearAll().then(() => onStatus(HS.cleared))} />}
    </>
  );
}

export function HistoryPage(props: HistoryPageProps) {
  const [tab, setTab] = useState<HistoryTab>(props.initialTab ?? 'history');
  const [status, setStatus] = useState('');
  return (
    <main class="history">
      <header>
        <h1>{HS.pageTitle}</h1>
      </header>
      <p class="hint">{HS.privacy}</p>
      <Tabs tab={tab} onChange={setTab} />
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} tabIndex={0} class="panel">
        {tab === 'history' ? <HistoryPanel {...props} onStatus={setStatus} /> : props.entries === null ? <p role="status">{HS.loading}</p> : <Insights entries={props.entries} now={props.now ?? Date.now()} />}
      </div>
      {props.feedback && <FeedbackTools api={props.feedback} />}
      <p class="sr-only" role="status" aria-live="polite">
        {status}
      </p>
    </main>
  );
}
