// extension/history.ts over a fake storage.local: bounds by count and bytes, search, delete and
// clear all, and corrupt items dropped (or set aside) one by one, never a valid entry with them.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ENTRY_PREFIX, HISTORY_LIMITS, HistoryStore, INDEX_KEY, QUARANTINE_PREFIX, recordOf, searchSummaries, storedBytes, type HistoryArea, type RecordInput } from '../../extension/history';
import { setDomainResolver } from '../../extension/history';
import { siteOf } from '../../model/sources';
import { MOCK_ANALYSIS, MOCK_STATES } from '../../extension/popup/mock';
import type { PageAnalysis } from '../../model/types';

/** storage.local's semantics: values copied in and out, keys, arrays and null in get/remove, a byte quota. */
class FakeLocal implements HistoryArea {
  readonly data = new Map<string, unknown>();
  private readonly sizes = new Map<string, number>();
  constructor(private readonly quota = 10 * 1024 * 1024) {}
  async get(keys: string | string[] | null): Promise<Record<string, unknown>> {
    const wanted = keys === null ? [...this.data.keys()] : typeof keys === 'string' ? [keys] : keys;
    return Object.fromEntries(wanted.filter((k) => this.data.has(k)).map((k) => [k, structuredClone(this.data.get(k))]));
  }
  async set(items: Record<string, unknown>): Promise<void> {
    const sizes = Object.entries(items).map(([k, v]) => [k, storedBytes(k, v)] as const);
    const after = this.bytes() + sizes.reduce((sum, [k, n]) => sum + n - (this.sizes.get(k) ?? 0), 0);
    if (after > this.quota) throw new Error('QUOTA_BYTES quota exceeded');
    for (const [k, v] of Object.entries(items)) this.data.set(k, JSON.parse(JSON.stringify(v)));
    for (const [k, n] of sizes) this.sizes.set(k, n);
  }
  async remove(keys: string | string[]): Promise<void> {
    for (const k of typeof keys === 'string' ? [keys] : keys) {
      this.data.delete(k);
      this.sizes.delete(k);
    }
  }
  bytes(): number {
    let sum = 0;
    for (const [k, v] of this.data) sum += this.sizes.get(k) ?? storedBytes(k, v);
    return sum;
  }
}

const DAY = 24 * 3600 * 1000;
let seq = 0;
const record = (n: number, overrides: Partial<RecordInput> = {}): RecordInput => ({
  url: `https://site${n % 7}.example/article/${n}`,
  title: `Article number ${n}`,
  time: Date.UTC(2025, 0, 1) + n * DAY,
  analysis: MOCK_ANALYSIS,
  textSha256: n.toString(16).padStart(64, '0'),
  textLength: 1000 + n,
  ...overrides,
});

let warn: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => warn.mockRestore());

function store(area = new FakeLocal(), limits = {}) {
  return { area, history: new HistoryStore(area, limits, () => (seq++ % 1000) / 1000) };
}

describe('HistoryStore', () => {
  it('records a page and re-opens its full report', async () => {
    const { history } = store();
    const summary = await history.add(record(1));
    expect(summary).toMatchObject({ url: record(1).url, title: 'Article number 1', risk: MOCK_ANALYSIS.risk, level: MOCK_ANALYSIS.level, domain: MOCK_ANALYSIS.source!.domain });
    expect(summary.topLabels.length).toBeGreaterThan(0);
    expect(summary.ratings.length).toBe(MOCK_ANALYSIS.source!.ratings.length);
    expect(await history.list()).toEqual([summary]);
    const entry = await history.get(summary.id);
    expect(entry).toMatchObject({ analysis: MOCK_ANALYSIS, textSha256: record(1).textSha256, textLength: 1001 });
  });

  it('records an unsupported-language page with risk null', async () => {
    const { history } = store();
    const summary = await history.add(record(2, { analysis: { ...MOCK_ANALYSIS, supported: false, findings: [] } }));
    expect(summary).toMatchObject({ risk: null, level: null, topLabels: [] });
  });

  it('lists newest first and keeps at most maxEntries', async () => {
    const { history, area } = store(new FakeLocal(), { maxEntries: 5 });
    for (let n = 0; n < 12; n++) await history.add(record(n));
    const list = await history.list();
    expect(list.map((e) => e.title)).toEqual([11, 10, 9, 8, 7].map((n) => `Article number ${n}`));
    expect([...area.data.keys()].filter((k) => k.startsWith(ENTRY_PREFIX))).toHaveLength(5);
  });

  it('keeps stored reports within the byte budget, dropping the oldest reports first', async () => {
    const one = storedBytes(`${ENTRY_PREFIX}xxxxxxxx-xxxxxx`, { version: 1, id: 'xxxxxxxx-xxxxxx', ...record(0) });
    const budget = one * 3 + 12_000;
    const { history, area } = store(new FakeLocal(), { maxBytes: budget });
    for (let n = 0; n < 10; n++) await history.add(record(n));
    const list = await history.list();
    expect(list).toHaveLength(10);
    const stored = list.filter((e) => e.bytes > 0);
    expect(stored.length).toBeGreaterThanOrEqual(2);
    // The newest keep their report: the stored ones are the head of the list.
    expect(stored).toEqual(list.slice(0, stored.length));
    expect([...area.data.keys()].filter((k) => k.startsWith(ENTRY_PREFIX))).toHaveLength(stored.length);
    expect(area.bytes()).toBeLessThanOrEqual(budget);
    expect(await history.get(list[9].id)).toBeNull();
  });

  it('stays under the default budget with the default limits', async () => {
    const { history, area } = store();
    const big: PageAnalysis = { ...MOCK_ANALYSIS, findings: Array.from({ length: 40 }, (_, i) => ({ ...MOCK_ANALYSIS.findings[i % 5], id: `s${i}` })) };
    for (let n = 0; n < 260; n++) await history.add(record(n, { analysis: big }));
    expect((await history.list()).length).toBe(HISTORY_LIMITS.maxEntries);
    expect(area.bytes()).toBeLessThanOrEqual(HISTORY_LIMITS.maxBytes);
  });

  it('replaces the entry of the same page analysed again (same text, or within the same visit)', async () => {
    const { history } = store();
    const first = await history.add(record(1));
    await history.add(record(1, { time: first.time + 60_000, textSha256: 'f'.repeat(64) }));
    await history.add(record(1, { time: first.time + 5 * DAY, textSha256: 'f'.repeat(64) }));
    const list = await history.list();
    expect(list).toHaveLength(1);
    expect(list[0].time).toBe(first.time + 5 * DAY);
    await history.add(record(1, { time: first.time + 9 * DAY, textSha256: 'e'.repeat(64) }));
    expect(await history.list()).toHaveLength(2);
  });

  it('searches address and title, case-insensitively', async () => {
    const { history } = store();
    for (let n = 0; n < 10; n++) await history.add(record(n));
    expect((await history.search('NUMBER 3')).map((e) => e.title)).toEqual(['Article number 3']);
    expect((await history.search('site2.example')).map((e) => e.url)).toEqual([record(9).url, record(2).url]);
    expect(await history.search('  ')).toHaveLength(10);
    expect(searchSummaries(await history.list(), 'nothing like this')).toEqual([]);
  });

  it('deletes one entry and its report', async () => {
    const { history, area } = store();
    const a = await history.add(record(1));
    const b = await history.add(record(2));
    await history.delete(a.id);
    expect((await history.list()).map((e) => e.id)).toEqual([b.id]);
    expect(area.data.has(`${ENTRY_PREFIX}${a.id}`)).toBe(false);
  });

  it('"clear all" removes every history key and nothing else', async () => {
    const { history, area } = store();
    for (let n = 0; n < 5; n++) await history.add(record(n));
    await area.set({ 'history:quarantine:zzz': { version: 9 }, 'other:feature': 1 });
    await history.clear();
    expect([...area.data.keys()]).toEqual(['other:feature']);
    expect(await history.list()).toEqual([]);
    expect(await history.usage()).toBe(0);
  });

  it('drops corrupt summaries one by one, re-deriving those whose report is intact', async () => {
    const { history, area } = store();
    const kept = [];
    for (let n = 0; n < 4; n++) kept.push(await history.add(record(n)));
    const index = area.data.get(INDEX_KEY) as { version: 1; entries: unknown[] };
    // [3, 2, 1, 0]: break 2's summary (its report is fine) and 1's summary and report.
    index.entries[1] = { ...(index.entries[1] as object), risk: 'high' };
    index.entries[2] = { id: kept[1].id, url: 42 };
    index.entries.push('garbage', null, { id: 'no-such-entry' });
    area.data.set(`${ENTRY_PREFIX}${kept[1].id}`, '{"version":1,"id":"trunc');
    const list = await history.list();
    expect(list.map((e) => e.id)).toEqual([kept[3].id, kept[2].id, kept[0].id]);
    expect(list[1]).toEqual(kept[2]);
    expect(area.data.has(`${ENTRY_PREFIX}${kept[1].id}`)).toBe(false);
    expect(warn).toHaveBeenCalled();
  });

  it('rebuilds an unreadable index from the stored reports', async () => {
    const { history, area } = store();
    for (let n = 0; n < 3; n++) await history.add(record(n));
    area.data.set(INDEX_KEY, '{"version":1,"entries":[{"id"');
    expect((await history.list()).map((e) => e.title)).toEqual(['Article number 2', 'Article number 1', 'Article number 0']);
  });

  it('drops a corrupt report and sets aside a newer version’s, without touching the others', async () => {
    const { history, area } = store();
    const a = await history.add(record(1));
    const b = await history.add(record(2));
    const c = await history.add(record(3));
    area.data.set(`${ENTRY_PREFIX}${a.id}`, { ...(area.data.get(`${ENTRY_PREFIX}${a.id}`) as object), analysis: { schema: 1, findings: 'nope' } });
    const future = { version: 2, id: b.id, whatever: true };
    area.data.set(`${ENTRY_PREFIX}${b.id}`, future);
    expect(await history.get(a.id)).toBeNull();
    expect(await history.get(b.id)).toBeNull();
    expect(area.data.get(`${QUARANTINE_PREFIX}${b.id}`)).toEqual(future);
    expect(await history.get(c.id)).toMatchObject({ analysis: MOCK_ANALYSIS });
    const list = await history.list();
    expect(list.map((e) => [e.id, e.bytes > 0])).toEqual([
      [c.id, true],
      [b.id, false],
      [a.id, false],
    ]);
  });

  it('records from a finished tab state only', () => {
    expect(recordOf(MOCK_STATES.done, 5)).toMatchObject({ url: MOCK_STATES.done.url, analysis: MOCK_ANALYSIS, time: MOCK_STATES.done.analysedAt ?? 5 });
    expect(recordOf({ status: 'scanning', highlights: true }, 5)).toBeNull();
  });
});

describe('summaries', () => {
  it('name a page’s site by its registrable domain when no source list rated it (the worker installs the PSL lookup)', async () => {
    const area = new FakeLocal();
    const history = new HistoryStore(area);
    const page = record(1, { url: 'https://www.news.bbc.co.uk/story', analysis: { ...MOCK_ANALYSIS, source: null } });
    // Without the resolver (the history page) the bare host is kept.
    expect((await history.add(page)).domain).toBe('news.bbc.co.uk');
    setDomainResolver((host) => siteOf(host)?.domain);
    try {
      const summary = await history.add({ ...page, time: page.time + 1 });
      expect(summary.domain).toBe('bbc.co.uk');
      expect(summary.ratings).toEqual([]);
    } finally {
      setDomainResolver(() => undefined);
    }
  });
});

describe('the worker records a finished scan', () => {
  it('stores the text hash in the TabState and the page in the history, not the text', async () => {
    const { createHash } = await import('node:crypto');
    const { TabStateCache } = await import('../../extension/background/cache');
    const { ChunkAssembler } = await import('../../extension/background/chunks');
    const { Scans } = await import('../../extension/background/scan');
    const { FakeArea, chunk } = await import('./background/fakes');
    const session = new FakeArea();
    const cache = new TabStateCache(session);
    const local = new FakeLocal();
    const history = new HistoryStore(local);
    const scans = new Scans({ cache, assembler: new ChunkAssembler(), analyze: async () => MOCK_ANALYSIS, showBadge: async () => undefined, record: async (_tabId, state) => void (await history.add(recordOf(state, 0)!)) });
    const text = 'Héllo wörld. ';
    await scans.receiveChunk(3, chunk({ index: 0, count: 2, text }));
    await scans.receiveChunk(3, chunk({ index: 1, count: 2, text: 'Second chunk.' }));
    const state = await cache.get(3);
    const sha = createHash('sha256').update(`${text}Second chunk.`, 'utf8').digest('hex');
    expect(state).toMatchObject({ status: 'done', textSha256: sha, textLength: `${text}Second chunk.`.length });
    expect(JSON.stringify([...session.data.values()])).not.toContain('Second chunk.');
    await vi.waitFor(async () => expect(await history.list()).toHaveLength(1));
    const [summary] = await history.list();
    expect(summary).toMatchObject({ url: 'https://news.example/a', title: 'A title', textSha256: sha });
    expect(JSON.stringify([...local.data.values()])).not.toContain('Second chunk.');
  });
});
