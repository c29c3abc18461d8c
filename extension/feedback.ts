// The reader's verdicts on flags ("not manipulative" / "this is right"), kept only on this device
// (storage.local), bounded, exportable as JSONL for retraining (`npm run train -- --feedback FILE`).
// Pure store logic over a storage-area interface (a fake in tests); nothing is ever sent anywhere.
//
// Storage format (version 1), every key prefixed `feedback:`:
// - `feedback:entry:<id>`: FeedbackEntry. <id> is "<page hash>-<sentence hash>": the page's address
//   without its #fragment and the flagged sentence's text (spaces collapsed), so a rescan of the
//   same page finds its verdicts and the same sentence on another page is not affected. One verdict
//   per sentence and page: a new one replaces it, "undo" removes it.
// - `feedback:index`: { version: 1, ids: string[] }, least recently set first: the eviction order
//   (at most FEEDBACK_LIMITS.maxEntries; the oldest go first). Rebuilt from the entries if corrupt.
// - `feedback:quarantine:<id>`: an entry that failed validation (or came from a newer Unspin), set
//   aside untouched with a console warning, never exported; "clear" removes it too.
// Only the worker writes (background/messages.ts), so one serial queue orders every change; the
// content script only reads (lookupVerdicts) and follows storage.onChanged.
import type { HistoryArea } from './history';

export const FEEDBACK_VERSION = 1;
export const FEEDBACK_PREFIX = 'feedback:';
export const FEEDBACK_INDEX_KEY = 'feedback:index';
export const FEEDBACK_ENTRY_PREFIX = 'feedback:entry:';
export const FEEDBACK_QUARANTINE_PREFIX = 'feedback:quarantine:';

export const FEEDBACK_LIMITS = {
  /**
   * Verdicts kept; the least recently set go first. An entry takes ~0.4 kB typically and at most
   * ~2 kB (the caps below): 2,000 stay under 4 MB, beside history's 4 MB, within storage.local's 10 MB.
   */
  maxEntries: 2000,
  /** The flagged sentence is stored (and exported) cut to this many characters. */
  textChars: 600,
  /** The page's address (without #fragment) is stored cut to this many characters (the key hashes all of it). */
  urlChars: 1024,
  /** Entries set aside: at most this many (the oldest go), each at most quarantineBytes (else dropped). */
  maxQuarantined: 16,
  quarantineBytes: 16 * 1024,
} as const;

export type FeedbackLimits = { -readonly [K in keyof typeof FEEDBACK_LIMITS]: number };

export const VERDICTS = ['not_manipulative', 'correct'] as const;
export type Verdict = (typeof VERDICTS)[number];

export interface FeedbackEntry {
  version: typeof FEEDBACK_VERSION;
  /** The flagged sentence (at most FEEDBACK_LIMITS.textChars). */
  text: string;
  /** The finding's label (model/labels.ts). */
  label: string;
  verdict: Verdict;
  /** The page's address without its #fragment. */
  url: string;
  /** The finding's id in the analysis it was given on (for reference; ids change between texts). */
  findingId: string;
  /** When it was set, ms since the epoch. */
  at: number;
  /** The analysis's language code, when known. */
  lang?: string;
}

export type FeedbackArea = HistoryArea;

export interface FeedbackInput {
  url: string;
  text: string;
  label: string;
  findingId: string;
  lang?: string;
  /** null removes the verdict (undo). */
  verdict: Verdict | null;
  at: number;
}

const warn = (...args: unknown[]) => console.warn('unspin feedback:', ...args);

// ---- Keys ---------------------------------------------------------------------------------------

/** The page's address as verdicts are keyed: without its #fragment. */
export function pageAddress(url: string): string {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

/** 64-bit FNV-1a (two 32-bit lanes), hex: a key, not a secret. */
export function textHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x9e3779b9;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x01000193) ^ (b >>> 13);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/** The id of a verdict on `text` on the page at `url`. */
export function feedbackId(url: string, text: string): string {
  return `${textHash(pageAddress(url))}-${textHash(normalise(text))}`;
}

export const feedbackKey = (id: string) => `${FEEDBACK_ENTRY_PREFIX}${id}`;

// ---- Validation ---------------------------------------------------------------------------------

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';

type Checked = { ok: FeedbackEntry } | { future: true } | { bad: string };

export function checkFeedbackEntry(raw: unknown): Checked {
  let v = raw;
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v);
    } catch {
      return { bad: 'truncated JSON' };
    }
  }
  if (!isObject(v)) return { bad: 'not an object' };
  if (typeof v.version === 'number' && v.version > FEEDBACK_VERSION) return { future: true };
  if (v.version !== FEEDBACK_VERSION) return { bad: `version ${String(v.version)}` };
  if (!isString(v.text) || v.text.trim() === '' || v.text.length > FEEDBACK_LIMITS.textChars) return { bad: 'text' };
  if (!isString(v.label) || v.label === '' || !isString(v.url) || !isString(v.findingId)) return { bad: 'label, url or findingId' };
  if (!(VERDICTS as readonly unknown[]).includes(v.verdict)) return { bad: 'verdict' };
  if (typeof v.at !== 'number' || !Number.isFinite(v.at)) return { bad: 'at' };
  if (v.lang !== undefined && !isString(v.lang)) return { bad: 'lang' };
  return { ok: v as unknown as FeedbackEntry };
}

/** Bytes a value takes in storage.local's quota: its key plus its JSON, as UTF-8. */
const storedBytes = (key: string, value: unknown) => new TextEncoder().encode(key + JSON.stringify(value)).length;

/**
 * The verdicts on `texts` on the page at `url`, by text, read without writing anything (the
 * content script's path): entries that do not validate are skipped here and set aside by the worker.
 */
export async function lookupVerdicts(area: Pick<FeedbackArea, 'get'>, url: string, texts: readonly string[]): Promise<Map<string, Verdict>> {
  const keys = new Map(texts.map((text) => [feedbackKey(feedbackId(url, text)), text]));
  const verdicts = new Map<string, Verdict>();
  if (keys.size === 0) return verdicts;
  const stored = await area.get([...keys.keys()]);
  for (const [key, text] of keys) {
    const checked = key in stored ? checkFeedbackEntry(stored[key]) : null;
    if (checked && 'ok' in checked && checked.ok.url === pageAddress(url).slice(0, FEEDBACK_LIMITS.urlChars)) verdicts.set(text, checked.ok.verdict);
  }
  return verdicts;
}

/** One JSONL line per verdict: {"text","label","verdict"} and "lang" where known (what `npm run train -- --feedback` reads). */
export function feedbackJsonl(entries: readonly FeedbackEntry[]): string {
  return entries.map((e) => `${JSON.stringify({ text: e.text, label: e.label, verdict: e.verdict, ...(e.lang ? { lang: e.lang } : {}) })}\n`).join('');
}

export function feedbackFileName(now: Date): string {
  return `unspin-feedback-${now.toISOString().slice(0, 10)}.jsonl`;
}

// ---- The store ----------------------------------------------------------------------------------

interface StoredIndex {
  version: typeof FEEDBACK_VERSION;
  ids: string[];
}

export class FeedbackStore {
  private readonly limits: FeedbackLimits;
  /** Serialises this context's read-modify-write cycles. */
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly area: FeedbackArea, limits: Partial<FeedbackLimits> = {}) {
    this.limits = { ...FEEDBACK_LIMITS, ...limits };
  }

  /** Sets (or with verdict null, removes) the verdict on a sentence of a page; returns the stored entry. */
  record(input: FeedbackInput): Promise<FeedbackEntry | null> {
    return this.serial(async () => {
      const id = feedbackId(input.url, input.text);
      const index = await this.readIndex();
      const ids = index.ids.filter((other) => other !== id);
      if (input.verdict === null) {
        await this.area.remove(feedbackKey(id));
        if (ids.length !== index.ids.length) await this.writeIndex(ids);
        return null;
      }
      const entry: FeedbackEntry = {
        version: FEEDBACK_VERSION,
        text: normalise(input.text).slice(0, this.limits.textChars),
        label: input.label,
        verdict: input.verdict,
        url: pageAddress(input.url).slice(0, this.limits.urlChars),
        findingId: input.findingId,
        at: input.at,
        ...(input.lang ? { lang: input.lang } : {}),
      };
      ids.push(id);
      const evicted = ids.splice(0, Math.max(0, ids.length - this.limits.maxEntries));
      await this.area.set({ [feedbackKey(id)]: entry });
      await this.writeIndex(ids);
      if (evicted.length > 0) await this.area.remove(evicted.map(feedbackKey));
      return entry;
    });
  }

  /** The verdicts on these sentences of a page, by text (corrupt entries set aside). */
  lookup(url: string, texts: readonly string[]): Promise<Map<string, FeedbackEntry>> {
    return this.serial(async () => {
      const found = new Map<string, FeedbackEntry>();
      const keys = new Map(texts.map((text) => [feedbackKey(feedbackId(url, text)), text]));
      if (keys.size === 0) return found;
      const stored = await this.area.get([...keys.keys()]);
      for (const [key, text] of keys) {
        if (!(key in stored)) continue;
        const entry = await this.checked(key, stored[key]);
        if (entry && entry.url === pageAddress(url).slice(0, this.limits.urlChars)) found.set(text, entry);
      }
      return found;
    });
  }

  /** Every valid verdict, least recently set first; corrupt ones are set aside, one by one. */
  list(): Promise<FeedbackEntry[]> {
    return this.serial(async () => {
      const index = await this.readIndex();
      if (index.ids.length === 0) return [];
      const stored = await this.area.get(index.ids.map(feedbackKey));
      const entries: FeedbackEntry[] = [];
      const kept: string[] = [];
      for (const id of index.ids) {
        const key = feedbackKey(id);
        const entry = key in stored ? await this.checked(key, stored[key]) : null;
        if (entry) {
          entries.push(entry);
          kept.push(id);
        }
      }
      if (kept.length !== index.ids.length) await this.writeIndex(kept);
      return entries;
    });
  }

  /** Verdicts listed in the index (cheap: entries are not read; list() drops any that went corrupt). */
  count(): Promise<number> {
    return this.serial(async () => (await this.readIndex()).ids.length);
  }

  async exportJsonl(): Promise<{ jsonl: string; count: number }> {
    const entries = await this.list();
    return { jsonl: feedbackJsonl(entries), count: entries.length };
  }

  /** Removes every feedback key (index, verdicts, quarantined entries, anything prefixed feedback:). */
  clear(): Promise<void> {
    return this.serial(async () => {
      const keys = Object.keys(await this.area.get(null)).filter((k) => k.startsWith(FEEDBACK_PREFIX));
      if (keys.length > 0) await this.area.remove(keys);
    });
  }

  /** A stored entry if it validates; otherwise it is set aside (quarantined) with a warning and null returned. */
  private async checked(key: string, raw: unknown): Promise<FeedbackEntry | null> {
    const result = checkFeedbackEntry(raw);
    if ('ok' in result) return result.ok;
    await this.quarantine(key, raw, 'future' in result ? 'from a newer version of Unspin' : `corrupt (${result.bad})`);
    return null;
  }

  private async quarantine(key: string, raw: unknown, why: string): Promise<void> {
    const id = key.slice(FEEDBACK_PREFIX.length).replace(/[^\w-]/g, '_');
    const target = `${FEEDBACK_QUARANTINE_PREFIX}${id}-${Date.now().toString(36)}`;
    if (storedBytes(target, raw) > this.limits.quarantineBytes) warn(`dropped ${key}: ${why} and too large to set aside`);
    else {
      warn(`set aside ${key}: ${why}`);
      const quarantined = Object.keys(await this.area.get(null))
        .filter((k) => k.startsWith(FEEDBACK_QUARANTINE_PREFIX))
        .sort();
      const excess = quarantined.slice(0, Math.max(0, quarantined.length - this.limits.maxQuarantined + 1));
      await this.area.set({ [target]: raw });
      if (excess.length > 0) await this.area.remove(excess);
    }
    await this.area.remove(key);
  }

  private async readIndex(): Promise<StoredIndex> {
    const raw = (await this.area.get(FEEDBACK_INDEX_KEY))[FEEDBACK_INDEX_KEY];
    if (raw === undefined) return { version: FEEDBACK_VERSION, ids: [] };
    if (isObject(raw) && raw.version === FEEDBACK_VERSION && Array.isArray(raw.ids) && raw.ids.every(isString)) {
      const ids = [...new Set(raw.ids)];
      if (ids.length === raw.ids.length) return { version: FEEDBACK_VERSION, ids };
    }
    if (isObject(raw) && typeof raw.version === 'number' && raw.version > FEEDBACK_VERSION) await this.quarantine(FEEDBACK_INDEX_KEY, raw, 'from a newer version of Unspin');
    else warn('index unreadable: rebuilding it from the stored verdicts');
    return this.rebuildIndex();
  }

  /** The index from the entries themselves, oldest first (by `at`); corrupt entries set aside. */
  private async rebuildIndex(): Promise<StoredIndex> {
    const all = await this.area.get(null);
    const found: { id: string; at: number }[] = [];
    for (const [key, raw] of Object.entries(all)) {
      if (!key.startsWith(FEEDBACK_ENTRY_PREFIX)) continue;
      const entry = await this.checked(key, raw);
      if (entry) found.push({ id: key.slice(FEEDBACK_ENTRY_PREFIX.length), at: entry.at });
    }
    found.sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
    const ids = found.map((f) => f.id);
    const evicted = ids.splice(0, Math.max(0, ids.length - this.limits.maxEntries));
    await this.writeIndex(ids);
    if (evicted.length > 0) await this.area.remove(evicted.map(feedbackKey));
    return { version: FEEDBACK_VERSION, ids };
  }

  private async writeIndex(ids: string[]): Promise<void> {
    await this.area.set({ [FEEDBACK_INDEX_KEY]: { version: FEEDBACK_VERSION, ids } satisfies StoredIndex });
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
