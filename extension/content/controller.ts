// The content script's life on one page: scan (on load, on Rescan, after a single-page-app
// navigation), show the findings, answer the background, and run the hover card.
import type { BackgroundRequest, Reply } from '../messages';
import { BackgroundMessage } from '../messages';
import { Card } from './card';
import { extractPage } from './extract';
import { createPainter, Highlights, type HighlightApi, nativeHighlightApi } from './highlight';
import { createUiHost, type UiHost } from './host';
import { hitTest, watchPointer } from './hover';
import { locateAnalysis, type LocatedMark } from './locate';
import { listenToBackground, reportUnreadable, requestAnalysis, sendToBackground, type RequestHandler, type Send } from './messaging';
import { waitForQuiet, watchLocation } from './navigation';
import { revealRange } from './reveal';
import { slicing, type Slicing } from './schedule';

export interface ContentScriptOptions {
  document?: Document;
  send?: Send;
  listen?: (handle: RequestHandler) => () => void;
  highlightApi?: HighlightApi | null;
  slicing?: (signal: AbortSignal) => Slicing;
  /** Scan once the page is quiet (default true); tests call scan() themselves. */
  autoScan?: boolean;
}

const NOT_ON_PAGE = 'That finding is no longer on the page: rescan it.';

export class ContentScript {
  readonly highlights: Highlights;
  readonly card: Card;
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

  constructor(options: ContentScriptOptions = {}) {
    this.document = options.document ?? document;
    this.send = options.send ?? sendToBackground;
    this.slicing = options.slicing ?? ((signal) => slicing({ signal }));
    const host = () => (this.ui ??= createUiHost(this.document));
    this.highlights = new Highlights(createPainter(this.document, host, options.highlightApi === undefined ? nativeHighlightApi() : options.highlightApi));
    this.card = new Card(this.document, host);
    this.stops.push((options.listen ?? listenToBackground)((request) => this.handle(request)));
    this.watchPage();
    if (options.autoScan ?? true) void waitForQuiet(this.document, 300, 2000).then(() => this.scan());
  }

  /** Reads the page, has it analysed and marks the findings. A newer scan cancels this one. */
  async scan(): Promise<void> {
    if (this.stopped) return;
    this.current?.abort();
    const scan = new AbortController();
    this.current = scan;
    this.hideCard();
    this.highlights.clear();
    try {
      const extraction = await extractPage(this.document, this.slicing(scan.signal));
      if (scan.signal.aborted) return;
      if (!extraction.readable) return await reportUnreadable(this.send, this.document.URL, extraction.reason);
      const { page } = extraction;
      const analysis = await requestAnalysis(this.send, { url: this.document.URL, title: page.title, kind: page.kind, text: page.map.text }, scan.signal);
      if (!scan.signal.aborted) this.highlights.showAnalysis(locateAnalysis(analysis, page));
    } catch (error) {
      // The background shows its own errors in the popup; a cancelled scan is no error.
      if (!scan.signal.aborted) console.warn('Unspin could not scan this page:', error);
    }
  }

  handle(request: BackgroundRequest): Reply<null> {
    switch (request.type) {
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
    this.ui?.remove();
  }

  private hideCard(): void {
    this.card.hide();
    this.pinned = false;
  }

  private onPointer(x: number, y: number, target: EventTarget | null): void {
    // Over the card itself (events from a shadow root are retargeted to its host).
    if (this.ui && target === this.ui.element) return;
    const hit = this.highlights.enabled ? hitTest(this.highlights.marks, this.document, x, y) : null;
    if (hit) {
      this.card.show(hit.located, hit.anchor, { focus: false });
      this.pinned = false;
    } else if (!this.pinned) {
      this.card.hide();
    }
  }

  private onNavigation(): void {
    const navigation = ++this.navigations;
    this.current?.abort();
    this.hideCard();
    this.highlights.clear();
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

export function startContentScript(options?: ContentScriptOptions): ContentScript {
  return new ContentScript(options);
}
