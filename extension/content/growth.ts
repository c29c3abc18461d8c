// Pages that grow after their scan (feeds, comment threads, live blogs, single-page apps): a
// MutationObserver collects what the page adds, and after a quiet moment the added text blocks
// that were never seen before are handed over in batches. Every block is known by a hash of its
// text, so a post the page re-renders, or a virtualised list scrolling back, is never sent again.
// A page that mutates without end gets ever fewer batches, and a page has a budget of posts.
import { LIMITS } from '../messages';
import { isBlock, isChrome, isEditable, readingRole } from './elements';
import { isOwn } from './own';
import { runSliced, runToEnd, type Slicing } from './schedule';
import { buildTextMap, type TextMap } from './textmap';
import { walkPage, type FlowItem } from './walk';

/** A text block that appeared on the page; `id` is the hash of its text. */
export interface GrowthPost {
  id: string;
  /** The block's text as read (the map's text), cut to what the protocol takes. */
  text: string;
  map: TextMap;
}

export interface GrowthOptions {
  document: Document;
  /**
   * New blocks (`fresh`) and blocks seen before that the page added again (`again`: a re-render,
   * a virtualised list): the watcher waits for the returned promise before its next batch.
   */
  onPosts: (fresh: GrowthPost[], again: GrowthPost[]) => Promise<void>;
  slicing: (signal: AbortSignal) => Slicing;
  limits?: Partial<GrowthLimits>;
}

export interface GrowthLimits {
  /** A batch starts this long after the last mutation... */
  quietMs: number;
  /** ...or this long after the first one, on a page that never stops changing. */
  maxWaitMs: number;
  /** Each batch that had to be forced by maxWaitMs doubles the next wait, up to this. */
  maxBackoffMs: number;
  /** Fresh posts per batch (the rest wait for the next batch). */
  postsPerBatch: number;
  /** Fresh posts per page (per scan): then the watcher stops. */
  postsPerPage: number;
  /** Added nodes remembered between batches; more are dropped (a hostile page). */
  pendingNodes: number;
  /** Nodes walked per batch. */
  nodesPerBatch: number;
  /** Text hashes remembered (the oldest are forgotten). */
  seen: number;
  /** A block needs this many characters and words to be a post (not a name, a date, a button). */
  minChars: number;
  minWords: number;
}

export const GROWTH_LIMITS: GrowthLimits = {
  quietMs: 400,
  maxWaitMs: 2000,
  maxBackoffMs: 60_000,
  postsPerBatch: 4 * LIMITS.posts,
  postsPerPage: 5000,
  pendingNodes: 2000,
  nodesPerBatch: 20_000,
  seen: 20_000,
  minChars: 8,
  minWords: 2,
};

export interface GrowthStats {
  batches: number;
  fresh: number;
  again: number;
  /** Batches forced by maxWaitMs in a row (the back-off exponent). */
  backoff: number;
  stopped: boolean;
}

const WHITESPACE = /\s+/g;
const WORD = /\p{L}{2,}/gu;

/** Whitespace collapsed and trimmed: what makes two blocks "the same text". */
export function normalise(text: string): string {
  return text.replace(WHITESPACE, ' ').trim();
}

/** cyrb53: a fast 53-bit string hash (a collision among 20,000 blocks is ~1 in 45 million). */
export function hashText(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

export class GrowthWatcher {
  private readonly limits: GrowthLimits;
  private readonly document: Document;
  private readonly observer: MutationObserver;
  private readonly abort = new AbortController();
  private readonly pending = new Set<Node>();
  /** Hash -> nothing: insertion order is age. */
  private readonly seen = new Set<string>();
  private released = false;
  private running = false;
  private quietTimer: ReturnType<typeof setTimeout> | undefined;
  private maxTimer: ReturnType<typeof setTimeout> | undefined;
  readonly stats: GrowthStats = { batches: 0, fresh: 0, again: 0, backoff: 0, stopped: false };

  /** Starts observing at once (what the page adds while it is being scanned counts); batches wait for release(). */
  constructor(private readonly options: GrowthOptions) {
    this.limits = { ...GROWTH_LIMITS, ...options.limits };
    this.document = options.document;
    const view = this.document.defaultView as (Window & typeof globalThis) | null;
    const Observer = view?.MutationObserver ?? MutationObserver;
    this.observer = new Observer((records) => this.collect(records));
    this.observer.observe(this.document.documentElement, { childList: true, subtree: true });
  }

  /** The scan's text: its blocks are known already. Then batches may start. */
  release(scannedText: string): void {
    if (this.stats.stopped) return;
    for (const block of scannedText.split('\n\n')) this.remember(hashText(normalise(block)));
    this.released = true;
    if (this.pending.size > 0) this.schedule();
  }

  stop(): void {
    if (this.stats.stopped) return;
    this.stats.stopped = true;
    this.abort.abort();
    this.observer.disconnect();
    clearTimeout(this.quietTimer);
    clearTimeout(this.maxTimer);
    this.pending.clear();
  }

  /** The observer's callback: only remembers nodes (the page's own task stays short). */
  private collect(records: MutationRecord[]): void {
    if (this.stats.stopped) return;
    for (const record of records) {
      for (const node of Array.from(record.addedNodes)) {
        if (this.pending.size >= this.limits.pendingNodes) break;
        if (node.nodeType === TEXT_NODE || (node.nodeType === ELEMENT_NODE && !isOwn(node))) this.pending.add(node);
      }
    }
    if (this.pending.size > 0) this.schedule();
  }

  private schedule(): void {
    if (!this.released || this.stats.stopped) return;
    clearTimeout(this.quietTimer);
    this.quietTimer = setTimeout(() => this.fire(false), this.limits.quietMs);
    if (this.maxTimer === undefined) {
      const wait = Math.min(this.limits.maxBackoffMs, this.limits.maxWaitMs * 2 ** this.stats.backoff);
      this.maxTimer = setTimeout(() => this.fire(true), wait);
    }
  }

  private fire(forced: boolean): void {
    clearTimeout(this.quietTimer);
    clearTimeout(this.maxTimer);
    this.quietTimer = undefined;
    this.maxTimer = undefined;
    // A page that is never quiet for quietMs gets batches ever further apart.
    this.stats.backoff = forced ? Math.min(this.stats.backoff + 1, 30) : 0;
    if (this.running) return;
    void this.runBatch();
  }

  private async runBatch(): Promise<void> {
    this.running = true;
    try {
      const nodes = [...this.pending];
      this.pending.clear();
      const { fresh, again, rest } = await this.read(nodes);
      if (this.abort.signal.aborted) return;
      for (const node of rest) if (this.pending.size < this.limits.pendingNodes) this.pending.add(node);
      this.stats.batches += 1;
      this.stats.fresh += fresh.length;
      this.stats.again += again.length;
      if (fresh.length > 0 || again.length > 0) await this.options.onPosts(fresh, again);
      if (this.stats.fresh >= this.limits.postsPerPage) this.stop();
    } catch (error) {
      if (!this.abort.signal.aborted) console.warn('Unspin could not read the new posts:', error);
    } finally {
      this.running = false;
      if (this.pending.size > 0) this.schedule();
    }
  }

  /** The blocks under the added nodes: fresh ones (remembered now), ones seen before, and nodes left for the next batch. */
  private async read(nodes: Node[]): Promise<{ fresh: GrowthPost[]; again: GrowthPost[]; rest: Node[] }> {
    const slicing = this.options.slicing(this.abort.signal);
    const roots = this.rootsOf(nodes);
    const fresh: GrowthPost[] = [];
    const again: GrowthPost[] = [];
    const room = () => Math.min(this.limits.postsPerBatch, this.limits.postsPerPage - this.stats.fresh) - fresh.length;
    let walked = 0;
    let index = 0;
    for (; index < roots.length && room() > 0 && walked < this.limits.nodesPerBatch; index++) {
      const root = roots[index];
      if (!root.isConnected) continue;
      const { flow } = await runSliced(walkPage(root), slicing);
      walked += flow.length;
      for (const items of blocksOf(flow)) {
        const map = runToEnd(buildTextMap(items, (item) => !item.chrome));
        if (!this.isPost(map.text)) continue;
        const id = hashText(normalise(map.text));
        const post = { id, text: cut(map.text, LIMITS.postChars), map };
        if (this.seen.has(id)) {
          again.push(post);
        } else if (room() > 0) {
          this.remember(id);
          fresh.push(post);
        }
      }
    }
    return { fresh, again, rest: roots.slice(index) };
  }

  private isPost(text: string): boolean {
    if (text.length < this.limits.minChars) return false;
    let words = 0;
    for (const _ of text.matchAll(WORD)) if (++words >= this.limits.minWords) return true;
    return false;
  }

  /**
   * The readable blocks that hold the added nodes: each node's nearest block (an added word
   * belongs to its paragraph), never one inside another, never Unspin's own, an editor, a form
   * control, the page's chrome or hidden.
   */
  private rootsOf(nodes: Node[]): Element[] {
    const body = this.document.body;
    const candidates = new Set<Element>();
    for (const node of nodes) {
      if (!node.isConnected) continue;
      const added = node.nodeType === ELEMENT_NODE ? (node as Element) : null;
      let element = added ?? node.parentElement;
      while (element && element !== body && element.parentElement && !isBlock(element)) element = element.parentElement;
      // Never the whole page again for a word added to it: an element added to <body> is walked on its own.
      if (element === body || element === this.document.documentElement) element = added;
      if (element) candidates.add(element);
    }
    const roots: Element[] = [];
    for (const root of candidates) {
      if (this.excluded(root, candidates)) continue;
      // checkVisibility covers the ancestors too (a post added inside a hidden panel).
      if (readingRole(root) !== 'read') continue;
      roots.push(root);
    }
    return roots;
  }

  /** An ancestor is a root already, or makes the root's text no reading matter. */
  private excluded(root: Element, roots: Set<Element>): boolean {
    if (isOwn(root) || isEditable(root)) return true;
    for (let up = root.parentElement; up; up = up.parentElement) {
      if (roots.has(up) || isOwn(up) || isEditable(up) || isChrome(up) || up.hasAttribute('hidden')) return true;
      const tag = up.localName;
      if (tag === 'template' || tag === 'noscript' || tag === 'textarea' || tag === 'select' || tag === 'button' || tag === 'svg') return true;
    }
    return false;
  }

  private remember(id: string): void {
    this.seen.delete(id);
    this.seen.add(id);
    if (this.seen.size > this.limits.seen) this.seen.delete(this.seen.values().next().value!);
  }
}

/** The flow cut at block edges: each block's items (a <br> stays inside its block). */
function* blocksOf(flow: readonly FlowItem[]): Generator<FlowItem[]> {
  let items: FlowItem[] = [];
  for (const item of flow) {
    if (item.kind === 'break' && !item.line) {
      if (items.length > 0) yield items;
      items = [];
    } else {
      items.push(item);
    }
  }
  if (items.length > 0) yield items;
}

/** At most `max` UTF-16 units, never inside a surrogate pair. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}
