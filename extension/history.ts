// The pages the user checked, kept only on this device (storage.local), bounded, searchable and
// clearable. Pure store logic over a storage-area interface (a fake in tests).
//
// Storage format (version 1), every key prefixed `history:`:
// - `history:index`: { version: 1, entries: HistorySummary[] }, newest first. What the list,
//   the search and the insights read: small (a few hundred bytes per page).
// - `history:entry:<id>`: HistoryEntry, the full PageAnalysis with the text's SHA-256, to re-open
//   the report. Only the newest entries keep one: see HISTORY_LIMITS.
// - `history:quarantine:<id>`: an entry written by a newer version of Unspin, set aside untouched
//   (not shown) so a downgrade does not destroy it; "clear all" removes it too.
// A corrupt summary or entry (wrong types, truncated JSON) is dropped on its own with a console
// warning; a corrupt index is rebuilt from the entries. Never the whole history for one bad item.
import type { CategoryId, PageAnalysis, RiskLevel } from '../model/types';
import type { TabState } from './messages';

export const HISTORY_VERSION = 1;
export const HISTORY_PREFIX = 'history:';
export const INDEX_KEY = 'history:index';
export const ENTRY_PREFIX = 'history:entry:';
export const QUARANTINE_PREFIX = 'history:quarantine:';

export const HISTORY_LIMITS = {
  /** Pages listed. */
  maxEntries: 200,
  /** Bytes of all history keys (index + stored reports), well under storage.local's 10 MB default quota. */
  maxBytes: 4 * 1024 * 1024,
  /** A single report larger than this is not stored (its summary is). */
  maxEntryBytes: 1024 * 1024,
  /** Entries set aside from newer versions: at most this many, each at most quarantineBytes (else dropped). */
  maxQuarantined: 8,
  quarantineBytes: 256 * 1024,
  /** A new analysis of the same address within this time (or of the same text) replaces the older entry. */
  sameVisitMs: 30 * 60 * 1000,
} as const;

export type HistoryLimits = { -readonly [K in keyof typeof HISTORY_LIMITS]: number };

/** What the list, search and insights need about one checked page. */
export interface HistorySummary {
  id: string;
  url: string;
  title: string;
  /** When the analysis finished, ms since the epoch. */
  time: number;
  /** null for pages in a language the model was not trained on (nothing scored). */
  risk: number | null;
  level: RiskLevel | null;
  /** The strongest finding labels, most frequent first (at most 3). */
  topLabels: string[];
  /** Findings per primary label. */
  labelCounts: Record<string, number>;
  /** Flagged count per category with any. */
  categories: Partial<Record<CategoryId, number>>;
  /** The registrable domain the source lists were looked up under (null without a rating lookup). */
  domain: string | null;
  /** What the source lists said, one line per list. */
  ratings: string[];
  textSha256: string | null;
  /** Bytes of the stored report; 0 when it is not (or no longer) stored. */
  bytes: number;
}

/** The stored report of one page. */
export interface HistoryEntry {
  version: typeof HISTORY_VERSION;
  id: string;
  url: string;
  title: string;
  time: number;
  analysis: PageAnalysis;
  textSha256: string | null;
  textLength: number | null;
}

interface StoredIndex {
  version: typeof HISTORY_VERSION;
  entries: HistorySummary[];
}

/** The part of a storage area the store uses (browser.storage.local, or a fake). */
export interface HistoryArea {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

/** Bytes a value takes in storage.local's quota: its key plus its JSON, as UTF-8. */
export function storedBytes(key: string, value: unknown): number {
  return new TextEncoder().encode(key + JSON.stringify(value)).length;
}

const warn = (...args: unknown[]) => console.warn('unspin history:', ...args);

// ---- Validation --------------------------------------------------------------------------------

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const LEVELS: readonly string[] = ['low', 'some', 'high'];

/** A stored value: an object, or a JSON string of one (older or hand-made data); else undefined. */
function parseStored(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

function isRange(v: unknown): boolean {
  return isObject(v) && isFiniteNumber(v.start) && isFiniteNumber(v.end) && isString(v.text);
}

/** Enough of a PageAnalysis's shape for the report views and builders to read it safely. */
export function isPageAnalysis(v: unknown): v is PageAnalysis {
  if (!isObject(v) || v.schema !== 1 || typeof v.supported !== 'boolean' || !isFiniteNumber(v.risk) || !LEVELS.includes(v.level as string)) return false;
  if (!isObject(v.model) || !isString(v.model.name) || !isString(v.model.version) || !isObject(v.language) || !isString(v.language.code)) return false;
  if (!isFiniteNumber(v.sentenceCount) || !Array.isArray(v.categories) || !Array.isArray(v.findings)) return false;
  if (!v.categories.every((c) => isObject(c) && isString(c.id) && isFiniteNumber(c.score) && isFiniteNumber(c.flagged))) return false;
  const findingOk = (f: unknown) =>
    isObject(f) &&
    isString(f.id) &&
    isString(f.label) &&
    isFiniteNumber(f.score) &&
    isFiniteNumber(f.severity) &&
    typeof f.isHeadline === 'boolean' &&
    isRange(f.sentence) &&
    Array.isArray(f.labels) &&
    f.labels.every((l) => isObject(l) && isString(l.label) && isFiniteNumber(l.score)) &&
    Array.isArray(f.evidence) &&
    f.evidence.every((e) => isObject(e) && isString(e.text)) &&
    isObject(f.suggestion) &&
    isString(f.suggestion.question) &&
    isString(f.suggestion.restatement);
  if (!v.findings.every(findingOk)) return false;
  if (v.claims !== undefined && !(Array.isArray(v.claims) && v.claims.every((c) => isObject(c) && isRange(c.sentence) && Array.isArray(c.matches)))) return false;
  if (v.source !== undefined && v.source !== null && !(isObject(v.source) && isString(v.source.domain) && Array.isArray(v.source.ratings))) return false;
  return true;
}

type Checked<T> = { ok: T } | { future: true } | { bad: string };

function checkEntry(raw: unknown, id: string): Checked<HistoryEntry> {
  const v = parseStored(raw);
  if (!isObject(v)) return { bad: 'not an object (or truncated JSON)' };
  if (isFiniteNumber(v.version) && v.version > HISTORY_VERSION) return { future: true };
  if (v.version !== HISTORY_VERSION) return { bad: `version ${String(v.version)}` };
  if (v.id !== id || !isString(v.url) || !isString(v.title) || !isFiniteNumber(v.time)) return { bad: 'id, url, title or time' };
  if (!(v.textSha256 === null || isString(v.textSha256)) || !(v.textLength === null || isFiniteNumber(v.textLength))) return { bad: 'textSha256 or textLength' };
  if (!isPageAnalysis(v.analysis)) return { bad: 'analysis' };
  return { ok: v as unknown as HistoryEntry };
}

function isSummary(v: unknown): v is HistorySummary {
  return (
    isObject(v) &&
    isString(v.id) &&
    v.id !== '' &&
    isString(v.url) &&
    isString(v.title) &&
    isFiniteNumber(v.time) &&
    (v.risk === null || isFiniteNumber(v.risk)) &&
    (v.level === null || LEVELS.includes(v.level as string)) &&
    Array.isArray(v.topLabels) &&
    v.topLabels.every(isString) &&
    isObject(v.labelCounts) &&
    Object.values(v.labelCounts).every(isFiniteNumber) &&
    isObject(v.categories) &&
    Object.values(v.categories).every(isFiniteNumber) &&
    (v.domain === null || isString(v.domain)) &&
    Array.isArray(v.ratings) &&
    v.ratings.every(isString) &&
    (v.textSha256 === null || isString(v.textSha256)) &&
    isFiniteNumber(v.bytes)
  );
}

// ---- Summaries ---------------------------------------------------------------------------------

export function summarize(entry: HistoryEntry, bytes: number): HistorySummary {
  const { analysis } = entry;
  const labelCounts: Record<string, number> = {};
  for (const f of analysis.findings) labelCounts[f.label] = (labelCounts[f.label] ?? 0) + 1;
  const topLabels = Object.entries(labelCounts)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 3)
    .map(([label]) => label);
  const categories: Partial<Record<CategoryId, number>> = {};
  for (const c of analysis.categories) if (c.flagged > 0) categories[c.id] = c.flagged;
  return {
    id: entry.id,
    url: entry.url,
    title: entry.title,
    time: entry.time,
    risk: analysis.supported ? analysis.risk : null,
    level: analysis.supported ? analysis.level : null,
    topLabels,
    labelCounts,
    categories,
    domain: analysis.source?.domain ?? hostOf(entry.url),
    ratings: (analysis.source?.ratings ?? []).map((r) => r.says).filter((s) => isString(s) && s !== ''),
    textSha256: entry.textSha256,
    bytes,
  };
}

/**
 * Host name → registrable domain. The worker installs the Public Suffix List lookup
 * (model/sources.ts siteOf) at start; pages that only read the history keep the bare host, so the
 * history page does not ship a second copy of the PSL (~250 kB).
 */
let domainOf: (host: string) => string | undefined = () => undefined;

export function setDomainResolver(resolve: (host: string) => string | undefined): void {
  domainOf = resolve;
}

/** The registrable domain (as the source lists use it), else the bare host (IPs, localhost), else null. */
function hostOf(url: string): string | null {
  try {
    const host = new URL(url).hostname;
    if (host === '') return null;
    return domainOf(host) ?? host.replace(/^www\./, '');
  } catch {
    return null;
  }
}

/** Case-insensitive substring search over address and title; an empty query matches all. */
export function searchSummaries(entries: readonly HistorySummary[], query: string): HistorySummary[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [...entries];
  return entries.filter((e) => e.url.toLowerCase().includes(q) || e.title.toLowerCase().includes(q));
}

/** A new entry's id: time-ordered and unique enough for one profile. */
export function newId(time: number, random: () => number = Math.random): string {
  return `${Math.max(0, Math.floor(time)).toString(36)}-${Math.floor(random() * 36 ** 6).toString(36).padStart(6, '0')}`;
}

const entryKey = (id: string) => `${ENTRY_PREFIX}${id}`;

// ---- The store ---------------------------------------------------------------------------------

export interface RecordInput {
  url: string;
  title: string;
  time: number;
  analysis: PageAnalysis;
  textSha256?: string | null;
  textLength?: number | null;
}

export class HistoryStore {
  private readonly limits: HistoryLimits;
  /** Serialises this context's read-modify-write cycles. */
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly area: HistoryArea,
    limits: Partial<HistoryLimits> = {},
    private readonly random: () => number = Math.random,
  ) {
    this.limits = { ...HISTORY_LIMITS, ...limits };
  }

  /** Every summary, newest first; repairs the index if parts of it are corrupt. */
  list(): Promise<HistorySummary[]> {
    return this.serial(async () => (await this.readIndex()).entries);
  }

  async search(query: string): Promise<HistorySummary[]> {
    return searchSummaries(await this.list(), query);
  }

  /** The stored report of an entry, or null (evicted, deleted, corrupt: then its summary loses `bytes`). */
  get(id: string): Promise<HistoryEntry | null> {
    return this.serial(async () => {
      const { entry, setAside } = await this.readEntry(id);
      if (setAside) {
        const index = await this.readIndex();
        await this.writeIndex({ ...index, entries: index.entries.map((e) => (e.id === id ? { ...e, bytes: 0 } : e)) });
      }
      return entry;
    });
  }

  /** Records a finished analysis; returns its summary. */
  add(input: RecordInput): Promise<HistorySummary> {
    return this.serial(async () => {
      const index = await this.readIndex();
      const previous = index.entries.find((e) => e.url === input.url);
      const replaces = previous && ((input.textSha256 && previous.textSha256 === input.textSha256) || Math.abs(input.time - previous.time) < this.limits.sameVisitMs) ? previous : undefined;
      const id = newId(input.time, this.random);
      const entry: HistoryEntry = {
        version: HISTORY_VERSION,
        id,
        url: input.url,
        title: input.title,
        time: input.time,
        analysis: input.analysis,
        textSha256: input.textSha256 ?? null,
        textLength: input.textLength ?? null,
      };
      let bytes = storedBytes(entryKey(id), entry);
      const keep = bytes <= this.limits.maxEntryBytes;
      if (!keep) {
        warn(`report of ${input.url} not stored: ${bytes} bytes`);
        bytes = 0;
      }
      const summary = summarize(entry, bytes);
      const entries = [summary, ...index.entries.filter((e) => e !== replaces)];
      const removed: string[] = replaces ? [entryKey(replaces.id)] : [];
      const bounded = this.bound(entries, removed);
      if (keep) await this.area.set({ [entryKey(id)]: entry });
      await this.writeIndex({ version: HISTORY_VERSION, entries: bounded });
      if (removed.length > 0) await this.area.remove(removed);
      return summary;
    });
  }

  delete(id: string): Promise<void> {
    return this.serial(async () => {
      const index = await this.readIndex();
      await this.writeIndex({ ...index, entries: index.entries.filter((e) => e.id !== id) });
      await this.area.remove(entryKey(id));
    });
  }

  /** Removes every history key (index, reports, quarantined entries, anything prefixed history:). */
  clear(): Promise<void> {
    return this.serial(async () => {
      const keys = Object.keys(await this.area.get(null)).filter((k) => k.startsWith(HISTORY_PREFIX));
      if (keys.length > 0) await this.area.remove(keys);
    });
  }

  /** Bytes of every history key, as storage.local counts them. */
  async usage(): Promise<number> {
    const all = await this.area.get(null);
    return Object.entries(all)
      .filter(([k]) => k.startsWith(HISTORY_PREFIX))
      .reduce((sum, [k, v]) => sum + storedBytes(k, v), 0);
  }

  /** Keeps at most maxEntries summaries, and stored reports (newest first) within maxBytes. */
  private bound(entries: HistorySummary[], removed: string[]): HistorySummary[] {
    const kept = entries.slice(0, this.limits.maxEntries);
    for (const e of entries.slice(this.limits.maxEntries)) if (e.bytes > 0) removed.push(entryKey(e.id));
    // Room for the index itself: its size when every summary stays.
    let budget = this.limits.maxBytes - storedBytes(INDEX_KEY, { version: HISTORY_VERSION, entries: kept });
    return kept.map((e) => {
      if (e.bytes === 0) return e;
      if (e.bytes <= budget) {
        budget -= e.bytes;
        return e;
      }
      removed.push(entryKey(e.id));
      return { ...e, bytes: 0 };
    });
  }

  private async readIndex(): Promise<StoredIndex> {
    const raw = (await this.area.get(INDEX_KEY))[INDEX_KEY];
    if (raw === undefined) return { version: HISTORY_VERSION, entries: [] };
    const value = parseStored(raw);
    if (isObject(value) && isFiniteNumber(value.version) && value.version > HISTORY_VERSION) {
      await this.setAside('index', raw, { future: true });
      return this.rebuildIndex();
    }
    if (!isObject(value) || value.version !== HISTORY_VERSION || !Array.isArray(value.entries)) {
      warn('index unreadable: rebuilding it from the stored reports');
      return this.rebuildIndex();
    }
    const seen = new Set<string>();
    const entries: HistorySummary[] = [];
    let repaired = false;
    for (const item of value.entries) {
      if (isSummary(item) && !seen.has(item.id)) {
        seen.add(item.id);
        entries.push(item);
        continue;
      }
      repaired = true;
      // A bad summary: re-derive it from its stored report if that is intact.
      const id = isObject(item) && isString(item.id) ? item.id : null;
      const entry = id && !seen.has(id) ? (await this.readEntry(id)).entry : null;
      if (entry) {
        seen.add(entry.id);
        entries.push(summarize(entry, storedBytes(entryKey(entry.id), entry)));
      } else warn('dropped a corrupt history item', item);
    }
    const index: StoredIndex = { version: HISTORY_VERSION, entries: entries.sort((a, b) => b.time - a.time) };
    if (repaired) await this.writeIndex(index);
    return index;
  }

  /** An entry by id, or null; a corrupt one is removed, a newer version's set aside (`setAside`). */
  private async readEntry(id: string): Promise<{ entry: HistoryEntry | null; setAside: boolean }> {
    const key = entryKey(id);
    const raw = (await this.area.get(key))[key];
    if (raw === undefined) return { entry: null, setAside: false };
    const checked = checkEntry(raw, id);
    if ('ok' in checked) return { entry: checked.ok, setAside: false };
    await this.setAside(id, raw, checked);
    return { entry: null, setAside: true };
  }

  private async rebuildIndex(): Promise<StoredIndex> {
    const all = await this.area.get(null);
    const entries: HistorySummary[] = [];
    for (const [key, raw] of Object.entries(all)) {
      if (!key.startsWith(ENTRY_PREFIX)) continue;
      const id = key.slice(ENTRY_PREFIX.length);
      const checked = checkEntry(raw, id);
      if ('ok' in checked) entries.push(summarize(checked.ok, storedBytes(key, checked.ok)));
      else await this.setAside(id, raw, checked);
    }
    const removed: string[] = [];
    const index: StoredIndex = { version: HISTORY_VERSION, entries: this.bound(entries.sort((a, b) => b.time - a.time), removed) };
    await this.writeIndex(index);
    if (removed.length > 0) await this.area.remove(removed);
    return index;
  }

  /** A corrupt entry is dropped; one from a newer version is moved to quarantine untouched. */
  private async setAside(id: string, raw: unknown, checked: { future: true } | { bad: string }): Promise<void> {
    const key = id === 'index' ? INDEX_KEY : entryKey(id);
    if ('future' in checked && storedBytes(key, raw) > this.limits.quarantineBytes) warn(`dropped ${key}: from a newer version of Unspin but too large to set aside`);
    else if ('future' in checked) {
      warn(`${key} is from a newer version of Unspin: set aside`);
      const all = await this.area.get(null);
      const quarantined = Object.keys(all).filter((k) => k.startsWith(QUARANTINE_PREFIX)).sort();
      const excess = quarantined.slice(0, Math.max(0, quarantined.length - this.limits.maxQuarantined + 1));
      await this.area.set({ [`${QUARANTINE_PREFIX}${id === 'index' ? `index-${Date.now().toString(36)}` : id}`]: raw });
      if (excess.length > 0) await this.area.remove(excess);
    } else warn(`dropped corrupt ${key} (${checked.bad})`);
    await this.area.remove(key);
  }

  private async writeIndex(index: StoredIndex): Promise<void> {
    await this.area.set({ [INDEX_KEY]: index });
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

/** A history record from a finished tab state, or null when there is nothing to record. */
export function recordOf(state: TabState, now: number): RecordInput | null {
  if (state.status !== 'done' || !state.analysis || !state.url) return null;
  return {
    url: state.url,
    title: state.title ?? '',
    time: state.analysedAt ?? now,
    analysis: state.analysis,
    textSha256: state.textSha256 ?? null,
    textLength: state.textLength ?? null,
  };
}
