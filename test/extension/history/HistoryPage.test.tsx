// @vitest-environment happy-dom
// The history and insights page on fake data: tabs by keyboard, search, re-opening a report with
// its export, delete, clear all with confirmation, and the insights charts with table alternatives.
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HistoryStore, type HistoryArea, type HistorySummary } from '../../../extension/history';
import { HistoryPage } from '../../../extension/history/components/HistoryPage';
import { techniqueAnchor } from '../../../extension/history/components/Insights';
import { insightsOf } from '../../../extension/history/insights';
import { EXPORT_STRINGS, HS } from '../../../extension/history/strings';
import { MOCK_ANALYSIS } from '../../../extension/popup/mock';
import { guidanceFor } from '../../../model/guidance';

class Area implements HistoryArea {
  data = new Map<string, unknown>();
  async get(keys: string | string[] | null) {
    const wanted = keys === null ? [...this.data.keys()] : typeof keys === 'string' ? [keys] : keys;
    return Object.fromEntries(wanted.filter((k) => this.data.has(k)).map((k) => [k, structuredClone(this.data.get(k))]));
  }
  async set(items: Record<string, unknown>) {
    for (const [k, v] of Object.entries(items)) this.data.set(k, structuredClone(v));
  }
  async remove(keys: string | string[]) {
    for (const k of typeof keys === 'string' ? [keys] : keys) this.data.delete(k);
  }
}

const NOW = Date.UTC(2025, 5, 30, 12);
const DAY = 24 * 3600 * 1000;
let root: HTMLElement;
let area: Area;
let store: HistoryStore;
let entries: HistorySummary[];

async function show(initialTab?: 'history' | 'insights') {
  entries = await store.list();
  const rerender = async () => {
    entries = await store.list();
    draw();
  };
  const draw = () =>
    render(
      <HistoryPage
        entries={entries}
        now={NOW}
        initialTab={initialTab}
        load={(id) => store.get(id)}
        onDelete={async (id) => {
          await store.delete(id);
          await rerender();
        }}
        onClearAll={async () => {
          await store.clear();
          await rerender();
        }}
      />,
      root,
    );
  draw();
}

beforeEach(async () => {
  area = new Area();
  store = new HistoryStore(area);
  await store.add({ url: 'https://news.example/a', title: 'Council budget <img src=x onerror=alert(1)>', time: NOW - 2 * DAY, analysis: MOCK_ANALYSIS, textSha256: 'b'.repeat(64), textLength: 900 });
  await store.add({ url: 'https://other.example/b', title: 'Weather report', time: NOW - DAY, analysis: { ...MOCK_ANALYSIS, findings: [], source: null, risk: 3, level: 'low' }, textSha256: 'c'.repeat(64), textLength: 400 });
  await store.add({ url: 'https://old.example/c', title: 'Old story', time: NOW - 45 * DAY, analysis: MOCK_ANALYSIS, textSha256: 'd'.repeat(64), textLength: 100 });
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const byText = <T extends Element>(selector: string, text: string) => [...root.querySelectorAll<T>(selector)].find((el) => el.textContent === text)!;
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('History tab', () => {
  it('lists the pages newest first, with page text as text', async () => {
    await show();
    const titles = [...root.querySelectorAll('.entry-open')].map((b) => b.textContent);
    expect(titles).toEqual(['Weather report', 'Council budget <img src=x onerror=alert(1)>', 'Old story']);
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('.history-entry .entry-risk')!.textContent).toBe(HS.risk(3, 'Low'));
  });

  it('searches by address or title', async () => {
    await show();
    const input = root.querySelector<HTMLInputElement>('#history-search')!;
    expect(root.querySelector('label[for="history-search"]')!.textContent).toBe(HS.searchLabel);
    input.value = 'OTHER.example';
    input.dispatchEvent(new Event('input'));
    await settle();
    expect([...root.querySelectorAll('.entry-open')].map((b) => b.textContent)).toEqual(['Weather report']);
    input.value = 'zzz';
    input.dispatchEvent(new Event('input'));
    await settle();
    expect(root.querySelectorAll('.history-entry')).toHaveLength(0);
    expect(root.textContent).toContain(HS.noMatch('zzz'));
  });

  it('re-opens a report with its hash, export buttons and passages, and goes back', async () => {
    await show();
    byText<HTMLButtonElement>('.entry-open', 'Old story').click();
    await vi.waitFor(() => expect(root.querySelector('.finding')).not.toBeNull());
    expect(root.querySelector('#report-heading')!.textContent).toBe('Old story');
    expect(root.querySelector('.hash')!.textContent).toBe('d'.repeat(64));
    expect(byText('button', EXPORT_STRINGS.downloadJson)).toBeTruthy();
    expect(root.querySelectorAll('.finding')).toHaveLength(MOCK_ANALYSIS.findings.length);
    // No "Show in page" on the history page: the tab is gone.
    expect(root.querySelector('button.show')).toBeNull();
    byText<HTMLButtonElement>('button', HS.back).click();
    await settle();
    expect(root.querySelectorAll('.history-entry')).toHaveLength(3);
  });

  it('says when the report is no longer stored', async () => {
    await show();
    for (const key of [...area.data.keys()]) if (key.startsWith('history:entry:')) area.data.delete(key);
    byText<HTMLButtonElement>('.entry-open', 'Weather report').click();
    await vi.waitFor(() => expect(root.textContent).toContain(HS.reportGone));
  });

  it('deletes one entry', async () => {
    await show();
    root.querySelector<HTMLButtonElement>(`[aria-label="${HS.deleteLabel('Weather report')}"]`)!.click();
    await vi.waitFor(() => expect(root.querySelectorAll('.history-entry')).toHaveLength(2));
    expect((await store.list()).map((e) => e.title)).not.toContain('Weather report');
  });

  it('clears all only after confirmation, and storage is empty of history keys', async () => {
    await area.set({ 'setting:other': 1 });
    await show();
    byText<HTMLButtonElement>('button', HS.clearAll).click();
    await settle();
    expect(root.querySelector('[role="alertdialog"]')!.textContent).toContain(HS.clearConfirm);
    await vi.waitFor(() => expect(document.activeElement?.textContent).toBe(HS.clearNo));
    byText<HTMLButtonElement>('button', HS.clearNo).click();
    await settle();
    expect(await store.list()).toHaveLength(3);
    byText<HTMLButtonElement>('button', HS.clearAll).click();
    await settle();
    byText<HTMLButtonElement>('button', HS.clearYes).click();
    await vi.waitFor(() => expect(root.textContent).toContain(HS.empty));
    expect([...area.data.keys()]).toEqual(['setting:other']);
  });
});

describe('tabs', () => {
  it('switch with the arrow keys, with tab roles and selection state', async () => {
    await show();
    const tab = root.querySelector<HTMLButtonElement>('#tab-history')!;
    expect(tab.getAttribute('role')).toBe('tab');
    expect(tab.getAttribute('aria-selected')).toBe('true');
    tab.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    await settle();
    expect(root.querySelector('#tab-insights')!.getAttribute('aria-selected')).toBe('true');
    expect(root.querySelector('[role="tabpanel"]')!.getAttribute('aria-labelledby')).toBe('tab-insights');
    expect(root.querySelector('.insights')).not.toBeNull();
  });
});

describe('Insights tab', () => {
  it('counts the last 30 days only', async () => {
    const data = insightsOf(await store.list(), NOW);
    expect(data.pages).toBe(2);
    const labels = MOCK_ANALYSIS.findings.map((f) => f.label);
    expect(data.techniques.reduce((n, t) => n + t.count, 0)).toBe(labels.length);
    expect(data.sites.map((s) => s.key).sort()).toEqual(['news.example', 'other.example']);
    expect(data.sites.find((s) => s.key === 'news.example')!.ratings.length).toBe(MOCK_ANALYSIS.source!.ratings.length);
  });

  it('draws each chart as an SVG with an aria-label and a table alternative', async () => {
    await show('insights');
    const charts = [...root.querySelectorAll('.chart')];
    expect(charts.map((c) => c.id)).toEqual(['chart-techniques', 'chart-categories', 'chart-sources']);
    for (const chart of charts) {
      const svg = chart.querySelector('svg')!;
      expect(svg.getAttribute('role')).toBe('img');
      expect(svg.getAttribute('aria-label')!.length).toBeGreaterThan(20);
      expect(chart.querySelectorAll('rect').length).toBe(chart.querySelectorAll('tbody tr').length);
    }
    expect(root.querySelector('#chart-sources tbody')!.textContent).toContain(MOCK_ANALYSIS.source!.ratings[0].says);
    expect(root.querySelector('#chart-sources tbody')!.textContent).toContain(HS.notRated);
  });

  it('links each technique to its explanation, which opens', async () => {
    await show('insights');
    const label = MOCK_ANALYSIS.findings[1].label;
    const details = root.querySelector<HTMLDetailsElement>(`#${techniqueAnchor(label)}`)!;
    expect(details.textContent).toContain(guidanceFor(label).why);
    expect(details.open).toBe(false);
    byText<HTMLAnchorElement>('.technique-links a', HS.explainLink(guidanceFor(label).name)).click();
    expect(details.open).toBe(true);
  });

  it('says so when nothing was checked recently', async () => {
    await store.clear();
    await show('insights');
    expect(root.textContent).toContain(HS.insightsEmpty);
  });
});
