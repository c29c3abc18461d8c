// Which part of a piece of text the reader can see: its line boxes cut by every scrolling or
// clipping box around it, and by the end of the document. Overlay boxes are drawn only there, so a
// mark never shows outside an inner scroll box and never makes the page's scrollable area larger
// than the text it marks already does.

/** A rectangle in viewport coordinates (edges; infinite on an unclipped side). */
export interface Edges {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export const UNBOUNDED: Edges = { left: -Infinity, top: -Infinity, right: Infinity, bottom: Infinity };

export function intersect(a: Edges, b: Edges): Edges | null {
  const left = Math.max(a.left, b.left);
  const top = Math.max(a.top, b.top);
  const right = Math.min(a.right, b.right);
  const bottom = Math.min(a.bottom, b.bottom);
  return right - left >= 1 && bottom - top >= 1 ? { left, top, right, bottom } : null;
}

/** What an element's ancestors (and itself) do to its content. */
interface Chain {
  /** The visible part of the viewport-aligned area its content may show in; null: nothing shows. */
  clip: Edges | null;
  /** Inside a fixed or sticky box: its text moves when the page scrolls, unlike document coordinates. */
  pinned: boolean;
}

const CLIPPING = new Set(['hidden', 'auto', 'scroll', 'clip', 'overlay']);
const isScrolling = (value: string) => CLIPPING.has(value);

/** The next box up: a shadow root's host stands in for the root's missing parent element. */
function parentOf(element: Element): Element | null {
  if (element.parentElement) return element.parentElement;
  const parent = element.parentNode;
  return parent && 'host' in parent ? (parent as ShadowRoot).host : null;
}

/**
 * Clips for one redraw: computed styles and boxes are read once per element and kept until the
 * next redraw (layout may have changed by then). Read-only: it never writes to the page.
 */
export class ClipReader {
  private readonly chains = new Map<Element, Chain>();
  private readonly root: Element;
  /** The root's overflow applies to the viewport; the body's too, unless the root sets one. */
  private readonly bodyClips: boolean;
  private readonly base: Chain;

  constructor(private readonly document: Document) {
    const view = document.defaultView!;
    this.root = document.documentElement;
    const rootStyle = view.getComputedStyle(this.root);
    this.bodyClips = isScrolling(rootStyle.overflowX) || isScrolling(rootStyle.overflowY);
    this.base = { clip: documentEdges(document, rootStyle.direction === 'rtl'), pinned: false };
  }

  /** The visible part of each of `rects`, in viewport coordinates. */
  visible(rects: Iterable<DOMRect>, container: Element): { boxes: Edges[]; pinned: boolean } {
    const chain = this.chainOf(container);
    const boxes: Edges[] = [];
    if (!chain.clip) return { boxes, pinned: chain.pinned };
    for (const rect of rects) {
      const box = intersect({ left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom }, chain.clip);
      if (box) boxes.push(box);
    }
    return { boxes, pinned: chain.pinned };
  }

  private chainOf(element: Element): Chain {
    // Walk up to the first known ancestor, then work down: pages nest thousands deep, recursion could overflow.
    const pending: Element[] = [];
    let above: Chain | undefined;
    for (let at: Element | null = element; at; at = parentOf(at)) {
      above = at === this.root ? this.base : this.chains.get(at);
      if (above) break;
      pending.push(at);
    }
    let chain = above ?? this.base;
    for (let i = pending.length - 1; i >= 0; i--) {
      chain = this.own(pending[i], chain);
      this.chains.set(pending[i], chain);
    }
    return chain;
  }

  private clipAround(element: Element): Edges | null {
    const parent = (element as HTMLElement).offsetParent;
    return parent && parent !== this.root ? this.chainOf(parent).clip : this.base.clip;
  }

  private own(element: Element, above: Chain): Chain {
    const style = this.document.defaultView!.getComputedStyle(element);
    const fixed = style.position === 'fixed';
    const pinned = above.pinned || fixed || style.position === 'sticky';
    // A fixed box escapes its ancestors' clips (the document's end included): the viewport clips it.
    // An absolutely positioned one escapes those below its containing block (about its offsetParent).
    const outer = fixed ? UNBOUNDED : style.position === 'absolute' ? this.clipAround(element) : above.clip;
    if (!outer) return { clip: null, pinned };
    // contain: paint (or strict, or content, which include it) clips like overflow: clip.
    const paintContained = /\bpaint\b|strict|content/.test(style.contain);
    const clipX = paintContained || isScrolling(style.overflowX);
    const clipY = paintContained || isScrolling(style.overflowY);
    // Overflow does nothing on inline boxes or on display: contents (no box); body's may be the viewport's.
    const boxless = style.display === 'inline' || style.display === 'contents' || style.display === 'none';
    if ((!clipX && !clipY) || boxless || (element === this.document.body && !this.bodyClips)) return { clip: outer, pinned };
    const rect = element.getBoundingClientRect();
    // The padding box, without borders or scroll bars.
    const left = rect.left + element.clientLeft;
    const top = rect.top + element.clientTop;
    const own: Edges = {
      left: clipX ? left : -Infinity,
      top: clipY ? top : -Infinity,
      right: clipX ? left + element.clientWidth : Infinity,
      bottom: clipY ? top + element.clientHeight : Infinity,
    };
    return { clip: intersect(outer, own), pinned };
  }
}

/**
 * The document's scrollable area in viewport coordinates, on the block axis and the inline end:
 * a box past it would make the page scroll further than its own content does.
 */
function documentEdges(document: Document, rtl: boolean): Edges {
  const scroller = document.scrollingElement ?? document.documentElement;
  const bottom = scroller.scrollHeight - scroller.scrollTop;
  if (rtl) {
    // Right to left, the document grows leftwards from its right edge (scrollLeft is 0 or negative).
    const right = scroller.clientWidth - scroller.scrollLeft;
    return { left: right - scroller.scrollWidth, top: -Infinity, right: Infinity, bottom };
  }
  return { left: -Infinity, top: -Infinity, right: scroller.scrollWidth - scroller.scrollLeft, bottom };
}
