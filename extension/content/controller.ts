// The content script's life on one page: scan (on load, on Rescan, after a single-page-app
// navigation), show the findings, answer the background, and run the hover card.
import type { BackgroundRequest, Reply } from '../messages';
import { BackgroundMessage } from '../messages';
import { Card } from './card';
import { SelectionCard } from './selection';
import { extractPage } from './extract';
import { Highlights } from './highlight';
import { createUiHost, type UiHost } from './host';
import { hitTest, watchPointer } from './hover';
import type { Finding } from '../../model/types';
import { GrowthWatcher, type GrowthPost } from './growth';
import type { ExtractedPage } from './extract';
import type { PageAnalysis } from '../../model/types';
import { locateAnalysis, locateFindings, type LocatedAnalysis, type LocatedFinding, type LocatedMark } from './locate';
import { listenToBackground, newScanId, reportUnreadable, requestAnalysis, requestPostAnalysis, sendToBackground, type RequestHandler, type Send } from './messaging';
import { waitForQuiet, watchLocation } from './navigation';
import { revealRange } from './reveal';
import { createOverlayPainter } from './overlay';
import { PAINTED_KEY } from './marks';
import { ANALYSIS_MEASURE, EXTRACT_MEASURE, HIGHLIGHTS_MEASURE, measureStep } from './measures';
import { slicing, type Slicing } from './schedule';
import { pagePolicy, storageSettings, type PagePolicy, type SettingsSource } from './settings';
import { ContentFeedback, storageFeedback, type FeedbackReader } from './feedback';
import { OPTIONS_STRINGS } from '../options/strings';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import { t } from '../ui/i18n';
import { applyContentLanguage } from './language';

/**
 * The first scan waits for the page to be quiet this long (at most FIRST_SCAN_MAX_WAIT_MS): short,
 * because what a page renders later is read as it appears (growth.ts), and every ms here is a ms
 * before the first highlight.
 */
const FIRST_SCAN_QUIET_MS = 100;
/**
 * The same wait on a page that has finished loading (the worker puts the script into pages once
 * they have loaded, background/access.ts): its DOM has had its load event's worth of settling.
 */
const LOADED_QUIET_MS = 20;
const FIRST_SCAN_MAX_WAIT_MS = 2000;

export interface ContentScriptOptions {
  document?: Document;
  send?: Send;
  listen?: (handle: RequestHandler) => () => void;
  slicing?: (signal: AbortSignal) => Slicing;
  /** Scan once the page is quiet (default true) when the settings allow; tests call scan() themselves. */
  autoScan?: boolean;
  /** The user's settings (default: storage.sync, followed live). */
  settings?: SettingsSource;
  /** The reader's verdicts on flags (default: storage.local, followed live). */
  feedback?: FeedbackReader;
}

const NOT_ON_PAGE = t('content_not_on_page');
/** Marks of a growing page's posts kept (the latest); the scan's own are always kept. */
const MAX_POST_MARKS = 2000;

export class ContentScript {
  readonly highlights: Highlights;
  readonly card: Card;
  /** The result of "Check with Unspin" on a selection (selection.ts). */
  readonly selection: SelectionCard;
  /** Flags dismissed as not manipulative stay hidden; the card's verdict buttons (feedback.ts). */
  readonly feedback: ContentFeedback;
  private readonly document: Document;
  private readonly send: Send;
  private readonly slicing: (signal: AbortSignal) => Slicing;
  private readonly stops: (() => void)[] = [];
  private ui: UiHost | null = null;
  private current: AbortController | null = null;
  /** A card opened by FocusFinding stays until closed; a hover card follows the pointer. */
  private pinned = false;
  private navigations = 0;
  private stopped = false;
  private settings: Settings = { ...DEFAULT_SETTINGS };
  /** This page was read (or is being read): on load, or because the user asked. */
  private scanned = false;
  /** Resolves once the settings are read and the first scan (if any) is under way. */
  readonly ready: Promise<void>;
  /** The scan's located analysis, then the marks of the posts the page grew (growth.ts). */
  private located: LocatedAnalysis | null = null;
  /** Since the scan: the findings of each analysed post with any, by post id (a post shown again is marked again). */
  private postFindings = new Map<string, Finding[]>();
  /** The current scan's growth watcher (for tests and the e2e hook). */
  growth: GrowthWatcher | null = null;
  /** A scan whose first answer was partial, waiting for its AnalysisComplete. */
  private awaiting: { scanId: string; page: ExtractedPage; signal: AbortSignal; release: () => void } | null = null;
  /** An AnalysisComplete that overtook its scan's first reply (both are messages; their order is not guaranteed). */
  private early: { scanId: string; analysis: PageAnalysis } | null = null;

  constructor(options: ContentScriptOptions = {}) {
    this.document = options.document ?? document;
    this.send = options.send ?? sendToBackground;
    this.slicing = options.slicing ?? ((signal) => slicing({ signal }));
    const host = () => (this.ui ??= createUiHost(this.document));
    this.highlights = new Highlights(createOverlayPainter(this.document, host));
    // For the end-to-end tests and the benchmark (DevTools), in this isolated world only.
    (globalThis as Record<symbol, unknown>)[PAINTED_KEY] = this.highlights.painted;
    this.card = new Card(this.document, host, (located, element) => this.feedback.decorate(located, element, () => this.hideCard()));
    this.feedback = new ContentFeedback({ document: this.document, reader: options.feedback ?? storageFeedback(), send: this.send, current: () => this.located, paint: (visible) => this.highlights.showAnalysis(visible) });
    this.stops.push(() => this.feedback.stop());
    this.selection = new SelectionCard(this.document, host);
    this.stops.push((options.listen ?? listenToBackground)((request) => this.handle(request)));
    this.watchPage();
    const source = options.settings ?? storageSettings();
    let changedFirst = false;
    this.stops.push(
      source.watch((next, changed) => {
        changedFirst = true;
        this.applySettings(next, changed);
      }),
    );
    this.ready = source.load().then((loaded) => {
      if (!changedFirst) this.applySettings(loaded, []);
      const policy = this.policy();
      // Injected because the user asked (autoScan false): the worker's Rescan follows, whatever the policy.
      if (!(options.autoScan ?? true)) return;
      if (policy === 'never') void this.reportNeverScan();
      else if (policy === 'auto')
        void waitForQuiet(this.document, this.document.readyState === 'complete' ? LOADED_QUIET_MS : FIRST_SCAN_QUIET_MS, FIRST_SCAN_MAX_WAIT_MS).then(() => {
          if (!this.scanned && this.policy() === 'auto') void this.scan();
        });
    });
  }

  /** What the settings say about this page: read it on load, only when asked, or never. */
  policy(): PagePolicy {
    return pagePolicy(this.settings, this.document.URL);
  }

  /**
   * A settings change, live: marks restyled or filtered at once; a site added to "never check"
   * is dropped (marks cleared, the popup told); a page that may now be read on load is read.
   * A new sensitivity reaches the page as a Rescan from the worker (background/settings.ts).
   */
  private applySettings(next: Settings, changed: (keyof Settings)[]): void {
    const before = this.policy();
    this.settings = next;
    if (changed.length === 0 || changed.includes('uiLanguage')) void applyContentLanguage(next.uiLanguage, this.send);
    this.highlights.setStyle(next.highlightStyle);
    this.highlights.setCategories(next.categories);
    if (changed.includes('categories') || (changed.includes('highlightStyle') && !this.highlights.visible && !this.pinned)) this.hideCard();
    const after = this.policy();
    if (changed.length === 0 || before === after) return;
    if (after === 'never') {
      this.current?.abort();
      this.scanned = false;
      this.hideCard();
      this.highlights.clear();
      void this.reportNeverScan();
    } else if (after === 'auto' && (before === 'never' || !this.scanned)) {
      void this.scan();
    }
  }

  private async reportNeverScan(): Promise<void> {
    try {
      await reportUnreadable(this.send, this.document.URL, OPTIONS_STRINGS.neverScanReason);
    } catch (error) {
      console.warn('Unspin could not reach its background:', error);
    }
  }

  /** Reads the page, has it analysed and marks the findings. A newer scan cancels this one. */
  async scan(): Promise<void> {
    if (this.stopped) return;
    this.current?.abort();
    const scan = new AbortController();
    this.current = scan;
    this.scanned = true;
    this.hideCard();
    this.highlights.clear();
    this.located = null;
    this.awaiting = null;
    this.early = null;
    const scanId = newScanId();
    // Watching starts before the page is read: posts added meanwhile are not missed.
    const growth = this.watchGrowth(scanId, scan.signal);
    try {
      const started = performance.now();
      const extraction = await extractPage(this.document, this.slicing(scan.signal));
      if (scan.signal.aborted) return;
      if (!extraction.readable) return await reportUnreadable(this.send, this.document.URL, extraction.reason);
      const { page } = extraction;
      const extracted = performance.now();
      measureStep(EXTRACT_MEASURE, started, extracted);
      const analysis = await requestAnalysis(this.send, { url: this.document.URL, title: page.title, kind: page.kind, text: page.map.text }, scan.signal, scanId);
      if (scan.signal.aborted) return;
      const analysed = performance.now();
      measureStep(ANALYSIS_MEASURE, extracted, analysed);
      this.located = locateAnalysis(analysis, page);
      const locateMs = performance.now() - analysed;
      await this.feedback.show(this.located);
      measureStep(HIGHLIGHTS_MEASURE, analysed, performance.now(), { marks: this.highlights.paintedCount, locateMs, drawMs: this.highlights.drawMs });
      // A partial first answer is completed by AnalysisComplete; posts wait for it, so that they
      // merge into the complete result.
      const release = () => growth.release(page.map.text);
      if (!analysis.partial) release();
      else {
        this.awaiting = { scanId, page, signal: scan.signal, release };
        const early = this.takeEarly(scanId);
        if (early) await this.complete(scanId, early);
      }
    } catch (error) {
      // The background shows its own errors in the popup; a cancelled scan is no error.
      if (!scan.signal.aborted) console.warn('Unspin could not scan this page:', error);
    } finally {
      if (!this.located) growth.stop();
    }
  }

  /** A watcher for what the page adds after scan `scanId`; it stops with the scan (a newer scan, a navigation, stop()). */
  private watchGrowth(scanId: string, signal: AbortSignal): GrowthWatcher {
    this.postFindings = new Map();
    const growth = new GrowthWatcher({ document: this.document, slicing: this.slicing, onPosts: (fresh, again) => this.showPosts(scanId, signal, fresh, again) });
    signal.addEventListener('abort', () => growth.stop(), { once: true });
    this.growth = growth;
    return growth;
  }

  /** New posts are analysed and marked; posts the page shows again get their known marks back. */
  private async showPosts(scanId: string, signal: AbortSignal, fresh: GrowthPost[], again: GrowthPost[]): Promise<void> {
    const added: LocatedFinding[] = [];
    for (const post of again) {
      const known = this.postFindings.get(post.id);
      if (known) added.push(...locateFindings(known, { map: post.map, headline: null }));
    }
    if (fresh.length > 0) {
      try {
        const reply = await requestPostAnalysis(this.send, scanId, this.document.URL, fresh.map(({ id, text }) => ({ id, text })), signal);
        const maps = new Map(fresh.map((post) => [post.id, post.map]));
        for (const { id, findings } of reply.posts) {
          const map = maps.get(id);
          if (!map || findings.length === 0) continue;
          this.postFindings.set(id, findings);
          added.push(...locateFindings(findings, { map, headline: null }));
        }
      } catch (error) {
        if (!signal.aborted) console.warn('Unspin could not analyse the new posts:', error);
      }
    }
    if (signal.aborted || !this.located || added.length === 0) return;
    this.located = { ...this.located, findings: withPostMarks(this.located.findings, added) };
    await this.feedback.show(this.located);
  }

  /** The complete analysis of scan `scanId` if it arrived before the scan's first reply. */
  private takeEarly(scanId: string): PageAnalysis | null {
    const early = this.early;
    this.early = null;
    return early?.scanId === scanId ? early.analysis : null;
  }

  /** The complete analysis of the current scan arrived: the same findings, now with evidence and claims. */
  private async complete(scanId: string, analysis: PageAnalysis): Promise<void> {
    const awaiting = this.awaiting;
    if (!awaiting || awaiting.scanId !== scanId) {
      // Its scan's first reply has not been handled yet: keep it for then.
      if (this.current && !this.current.signal.aborted) this.early = { scanId, analysis };
      return;
    }
    if (awaiting.signal.aborted) return;
    this.awaiting = null;
    this.early = null;
    this.located = locateAnalysis(analysis, awaiting.page);
    await this.feedback.show(this.located);
    awaiting.release();
  }

  handle(request: BackgroundRequest): Reply<string | null> {
    switch (request.type) {
      case BackgroundMessage.AnalysisComplete:
        void this.complete(request.scanId, request.analysis);
        return { ok: true, value: null };
      case BackgroundMessage.SetHighlights:
        this.highlights.setEnabled(request.enabled);
        if (!request.enabled) this.hideCard();
        return { ok: true, value: null };
      case BackgroundMessage.FocusFinding: {
        const located = this.highlights.find(request.findingId);
        if (!located) return { ok: false, error: NOT_ON_PAGE };
        void this.focus(located);
        return { ok: true, value: null };
      }
      case BackgroundMessage.Rescan:
        void this.scan();
        return { ok: true, value: null };
      case BackgroundMessage.GetSelection:
      case BackgroundMessage.ShowSelection:
        return this.selection.handle(request);
    }
  }

  /** Scrolls to the finding (or claim sentence), flashes it and opens its card (the popup's keyboard route to a card). */
  async focus(located: LocatedMark): Promise<void> {
    this.highlights.flash(located);
    await revealRange(located.range, this.document);
    this.card.show(located, located.range, { focus: true });
    this.pinned = true;
  }

  stop(): void {
    this.stopped = true;
    this.current?.abort();
    for (const stop of this.stops.splice(0)) stop();
    this.highlights.clear();
    this.hideCard();
    this.selection.hide();
    this.ui?.remove();
  }

  private hideCard(): void {
    this.card.hide();
    this.pinned = false;
  }

  private onPointer(x: number, y: number, target: EventTarget | null): void {
    // Over the card itself (events from a shadow root are retargeted to its host).
    if (this.ui && target === this.ui.element) return;
    const hit = this.highlights.visible ? hitTest(this.highlights.marks, this.document, x, y) : null;
    if (hit) {
      this.card.show(hit.located, hit.anchor, { focus: false });
      this.pinned = false;
    } else if (!this.pinned) {
      this.card.hide();
    }
  }

  private onNavigation(): void {
    const navigation = ++this.navigations;
    // A page the user asked to check stays checked as the app moves on; otherwise the settings decide.
    const read = this.scanned || this.policy() === 'auto';
    this.current?.abort();
    this.scanned = false;
    this.hideCard();
    this.highlights.clear();
    if (!read) return;
    void waitForQuiet(this.document).then(() => {
      if (navigation === this.navigations) void this.scan();
    });
  }

  private watchPage(): void {
    const view = this.document.defaultView ?? window;
    this.stops.push(watchPointer(this.document, (x, y, target) => this.onPointer(x, y, target)));
    this.stops.push(watchLocation(view, () => this.onNavigation()));
    this.listen(this.document, 'keydown', (event) => {
      if ((event as KeyboardEvent).key === 'Escape') this.hideCard();
    });
    let frame = 0;
    this.listen(this.document, 'scroll', () => {
      if (frame) return;
      frame = view.requestAnimationFrame(() => {
        frame = 0;
        this.card.reposition();
        if (!this.card.current) this.pinned = false;
      });
    });
  }

  /** A capturing, passive listener for trusted events only. */
  private listen(target: EventTarget, type: string, handler: (event: Event) => void): void {
    const listener = (event: Event) => {
      if (event.isTrusted) handler(event);
    };
    target.addEventListener(type, listener, { capture: true, passive: true });
    this.stops.push(() => target.removeEventListener(type, listener, { capture: true }));
  }
}

// A removed paragraph moves its ranges up to the parent (still connected) but collapses them.
const onPage = (located: LocatedFinding) => located.pieces.every((piece) => piece.startContainer.isConnected && !piece.collapsed);
const isPostMark = (located: LocatedFinding) => located.finding.id.startsWith('p');

/** The marks with the posts' added: marks whose text left the page go, a mark already there is not doubled, the latest posts' are kept. */
export function withPostMarks(current: readonly LocatedFinding[], added: readonly LocatedFinding[]): LocatedFinding[] {
  const kept = current.filter((located) => !isPostMark(located) || onPage(located));
  const key = (located: LocatedFinding) => located.pieces[0]?.startContainer;
  const there = new Map<string, Set<unknown>>();
  for (const located of kept) there.set(located.finding.id, (there.get(located.finding.id) ?? new Set()).add(key(located)));
  const fresh = added.filter((located) => !there.get(located.finding.id)?.has(key(located)));
  const posts = [...kept.filter(isPostMark), ...fresh];
  return [...kept.filter((located) => !isPostMark(located)), ...posts.slice(Math.max(0, posts.length - MAX_POST_MARKS))];
}

export function startContentScript(options?: ContentScriptOptions): ContentScript {
  return new ContentScript(options);
}
