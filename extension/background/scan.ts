// One page scan of a tab, from its first chunk to the cached result and the badge.
import type { AnalysisInput } from '../../model/analyze';
import type { Sensitivity } from '../../model/manifest';
import { sha256Hex } from '../../model/report';
import type { PageAnalysis } from '../../model/types';
import { BackgroundMessage, type AnalyzeChunkPayload, type PageKind, type PageUnreadablePayload, type TabState } from '../messages';
import type { Forward } from './forward';
import type { AssembledPage, ChunkAssembler } from './chunks';
import type { TabStateCache } from './cache';
import { t } from '../ui/i18n';

export interface ScanDeps {
  cache: TabStateCache;
  assembler: ChunkAssembler;
  analyze: (input: AnalysisInput) => Promise<PageAnalysis>;
  showBadge: (tabId: number, state: TabState) => Promise<void>;
  /** Starts loading the model while the chunks are still arriving. */
  warmUp?: () => void;
  /** A tab's analysis completed (the history records it); runs after the reply, failures only warn. */
  record?: (tabId: number, state: TabState) => Promise<void>;
  /** The user's sensitivity setting (the analysis's own default when absent). */
  sensitivity?: () => Promise<Sensitivity>;
  /** Sends the content script a scan's complete analysis after its partial first answer. */
  forward?: Forward;
  now?: () => number;
}

/** How long before a navigation event a scan may begin and still be the new page's. */
export const NAVIGATION_GRACE_MS = 1000;

export const INTERRUPTED_MESSAGE = t('bg_interrupted');

/** A feed's text is analysed like an article's: 'post' is for a single short teaser. */
const analysisKind = (_kind: PageKind): AnalysisInput['kind'] => 'article';

export class Scans {
  /** The scan each tab is working on in this worker's life, and when it began. */
  private readonly inProgress = new Map<number, { scanId: string; startedAt: number }>();
  /** When each tab last reported its page unreadable (kept like a scan's start for navigation events). */
  private readonly reportedAt = new Map<number, number>();
  private readonly now: () => number;

  constructor(private readonly deps: ScanDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** The page's analysis when this chunk completes the scan, else null. */
  async receiveChunk(tabId: number, chunk: AnalyzeChunkPayload): Promise<PageAnalysis | null> {
    const page = this.deps.assembler.add(tabId, chunk);
    if (this.inProgress.get(tabId)?.scanId !== chunk.scanId) await this.begin(tabId, chunk);
    return page ? this.finish(page) : null;
  }

  async unreadable(tabId: number, request: PageUnreadablePayload): Promise<void> {
    this.stop(tabId);
    this.reportedAt.set(tabId, this.now());
    await this.publish(tabId, (s) => ({ status: 'unreadable', url: request.url, message: request.reason, highlights: s.highlights }));
  }

  /** The tab closed or left the page: forget everything about it. */
  async forget(tabId: number): Promise<void> {
    this.stop(tabId);
    this.reportedAt.delete(tabId);
    await this.deps.cache.clear(tabId);
  }

  /**
   * The tab's top frame navigated (tabs.onUpdated status). `leftPage` tells whether it is a new
   * document (see badge.ts); if so, the old result goes. A scan that began just before the event
   * is kept: it is the new page's own, and its message overtook the event.
   */
  async navigated(tabId: number, leftPage: () => Promise<boolean>): Promise<void> {
    const eventAt = this.now();
    if (!(await leftPage())) return;
    const scan = this.inProgress.get(tabId);
    if (scan && scan.startedAt >= eventAt - NAVIGATION_GRACE_MS) return;
    // Likewise a new page's "can't read this" (a never-check site reports at once, before the event).
    if ((this.reportedAt.get(tabId) ?? -Infinity) >= eventAt - NAVIGATION_GRACE_MS) return;
    await this.forget(tabId);
  }

  /** A 'scanning' state that no scan of this worker will finish (the worker restarted mid-scan). */
  isStale(tabId: number, state: TabState): boolean {
    return (state.status === 'scanning' || state.status === 'partial') && !this.inProgress.has(tabId);
  }

  private stop(tabId: number): void {
    this.inProgress.delete(tabId);
    this.deps.assembler.dropTab(tabId);
  }

  private async begin(tabId: number, chunk: AnalyzeChunkPayload): Promise<void> {
    this.inProgress.set(tabId, { scanId: chunk.scanId, startedAt: this.now() });
    this.deps.warmUp?.();
    await this.publish(tabId, (s) => ({ status: 'scanning', url: chunk.url, title: chunk.title, highlights: s.highlights }));
  }

  /**
   * Answers in two steps: a fast analysis (findings and risk, ~10% of the time on a long page) is
   * the reply the content script paints at once; the full one (evidence, rewordings, claim
   * matches) follows as AnalysisComplete. Between the two the tab is 'partial'.
   */
  private async finish(page: AssembledPage): Promise<PageAnalysis> {
    const { tabId, scanId, url, title } = page;
    const current = () => this.inProgress.get(tabId)?.scanId === scanId;
    let completing = false;
    try {
      // The URL is the content script's own reading of location.href: it names the site for the source lists.
      const sensitivity = await this.deps.sensitivity?.();
      const input: AnalysisInput = { text: page.text, title, url, kind: analysisKind(page.kind), ...(sensitivity ? { sensitivity } : {}) };
      const first = await this.deps.analyze({ ...input, detail: 'fast' });
      if (!current()) throw new Error('superseded: a newer scan of this tab started');
      if (!first.partial) {
        await this.done(page, first);
        return first;
      }
      const elapsedMs = Math.round(this.now() - page.startedAt);
      completing = true;
      // After the reply has gone (it is sent as this returns): storing a long page's state held it
      // up by ~50 ms (measured on a 20,000-word page: first answer 97–153 ms → 61–106 ms), and the
      // full analysis must not hold it up either. The partial state is stored before the complete
      // analysis, which replaces it.
      setTimeout(() => {
        // A newer scan of the tab may have begun meanwhile: its state is not this one's to overwrite.
        if (!current()) return;
        const published = this.publish(tabId, (s) => ({ status: 'partial', url, title, analysis: first, highlights: s.highlights, elapsedMs, scanId }));
        void published.catch((error: unknown) => console.warn('unspin: partial result not stored:', error)).then(() => this.complete(page, input, current));
      }, 0);
      return first;
    } catch (error) {
      if (current()) await this.publish(tabId, (s) => ({ status: 'error', url, title, message: t('bg_analysis_failed', [messageOf(error)]), highlights: s.highlights }));
      throw error;
    } finally {
      if (current() && !completing) this.inProgress.delete(tabId);
    }
  }

  private async complete(page: AssembledPage, input: AnalysisInput, current: () => boolean): Promise<void> {
    const { tabId, scanId, url, title } = page;
    try {
      const analysis = await this.deps.analyze({ ...input, detail: 'full' });
      if (!current()) return;
      await this.done(page, analysis);
      // The content script may be gone (the tab navigated): the stored result stands regardless.
      await this.deps.forward?.(tabId, { type: BackgroundMessage.AnalysisComplete, scanId, analysis }).catch(() => undefined);
    } catch (error) {
      if (current()) await this.publish(tabId, (s) => ({ status: 'error', url, title, message: t('bg_analysis_failed', [messageOf(error)]), highlights: s.highlights }));
    } finally {
      if (current()) this.inProgress.delete(tabId);
    }
  }

  private async done(page: AssembledPage, analysis: PageAnalysis): Promise<void> {
    const { tabId, scanId, url, title } = page;
    const elapsedMs = Math.round(this.now() - page.startedAt);
    // The hash of exactly the analysed text lets a report be verified later (the text itself is not kept).
    const done = { textSha256: await sha256Hex(page.text), textLength: page.text.length, analysedAt: this.now() };
    await this.publish(tabId, (s) => ({ status: 'done', url, title, analysis, highlights: s.highlights, elapsedMs, scanId, ...done }));
    const { record } = this.deps;
    if (record) void record(tabId, { status: 'done', url, title, analysis, highlights: true, ...done }).catch((error: unknown) => console.warn('unspin: history not recorded:', error));
  }

  private async publish(tabId: number, change: (state: TabState) => TabState): Promise<void> {
    // A checked selection (selection.ts) outlives rescans of the page; leaving the page (forget) drops it.
    const state = await this.deps.cache.update(tabId, (s) => ({ ...change(s), ...(s.selection ? { selection: s.selection } : {}) }));
    await this.deps.showBadge(tabId, state);
  }
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
