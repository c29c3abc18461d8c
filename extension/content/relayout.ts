// When the page's layout may have moved marked text away from its overlay boxes: an inner box
// that holds marks scrolled, the window resized, the document or body changed size, fonts loaded,
// or the DOM changed around the marks. Page scrolls move document-positioned boxes with the text,
// so they only matter to the caller for text in fixed or sticky boxes.
import { isOwn } from './own';

export interface LayoutEvents {
  /** Something that may move the marks happened (the caller coalesces calls into one redraw a frame). */
  changed(): void;
  /** Whether `node` holds marked text (is an ancestor of a mark). */
  holds(node: Node): boolean;
  /** The document itself scrolled. */
  pageScrolled(): void;
}

/** Attributes whose change can move or hide what follows. */
const LAYOUT_ATTRIBUTES = ['class', 'style', 'hidden', 'open'];
/**
 * DOM changes, size changes and font loads report at most this often (first and last of a burst):
 * a page that rewrites itself many times a second would otherwise cost a redraw every frame.
 * Scrolling and resizing the window report at once: the boxes must keep up with the text.
 */
const SETTLE_MS = 100;

/** `report` at once, then at most every `ms`, the last call of a burst always reported. */
function throttled(report: () => void, ms: number): { call: () => void; cancel: () => void } {
  let quietUntil = 0;
  let trailing: ReturnType<typeof setTimeout> | undefined;
  const fire = () => {
    trailing = undefined;
    quietUntil = performance.now() + ms;
    report();
  };
  return {
    call: () => {
      const wait = quietUntil - performance.now();
      if (wait <= 0) fire();
      else trailing ??= setTimeout(fire, wait);
    },
    cancel: () => clearTimeout(trailing),
  };
}

type Stops = (() => void)[];

function listen(stops: Stops, target: EventTarget, type: string, handler: (event: Event) => void, capture = false): void {
  target.addEventListener(type, handler, { capture, passive: true });
  stops.push(() => target.removeEventListener(type, handler, { capture }));
}

/** Scroll events don't bubble, but they pass the document in the capture phase; the page's own made-up ones are ignored. */
function watchScrolls(document: Document, events: LayoutEvents, stops: Stops): void {
  listen(
    stops,
    document,
    'scroll',
    (event) => {
      if (!event.isTrusted) return;
      if (event.target === document) events.pageScrolled();
      else if (event.target && events.holds(event.target as Node)) events.changed();
    },
    true,
  );
}

function watchSizes(document: Document, changed: () => void, stops: Stops): void {
  const view = document.defaultView ?? window;
  if (typeof view.ResizeObserver !== 'function') return;
  // The first notification only reports the sizes as they are when observing starts.
  let first = true;
  const sizes = new view.ResizeObserver(() => {
    if (first) first = false;
    else changed();
  });
  sizes.observe(document.documentElement);
  if (document.body) sizes.observe(document.body);
  stops.push(() => sizes.disconnect());
}

function watchFonts(document: Document, changed: () => void, stops: Stops): void {
  const fonts = (document as Document & { fonts?: FontFaceSet }).fonts;
  if (!fonts) return;
  listen(stops, fonts, 'loadingdone', changed);
  if (fonts.status === 'loading') void fonts.ready.then(changed);
}

/** DOM changes in or right beside a box that holds marks (one that moves the marks elsewhere resizes the body). */
function watchMutations(document: Document, events: LayoutEvents, changed: () => void, stops: Stops): void {
  const view = document.defaultView ?? window;
  if (typeof view.MutationObserver !== 'function') return;
  const near = (record: MutationRecord) => {
    // Unspin adding its own host is no change to the page (the page removing it is: it is put back).
    if (record.type === 'childList' && record.removedNodes.length === 0 && [...record.addedNodes].every(isOwn)) return false;
    const target = record.target;
    return events.holds(target) || (target.parentNode !== null && events.holds(target.parentNode));
  };
  const mutations = new view.MutationObserver((records) => {
    if (records.some(near)) changed();
  });
  mutations.observe(document.documentElement, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: LAYOUT_ATTRIBUTES });
  stops.push(() => mutations.disconnect());
}

/** Reports to `events` until the returned function is called. */
export function watchLayout(document: Document, events: LayoutEvents): () => void {
  const view = document.defaultView ?? window;
  const stops: Stops = [];
  let stopped = false;
  // A font promise or a late timer may report after stop(): nothing is watched any more then.
  const settled = throttled(() => {
    if (!stopped) events.changed();
  }, SETTLE_MS);
  stops.push(() => {
    stopped = true;
    settled.cancel();
  });
  watchScrolls(document, events, stops);
  listen(stops, view, 'resize', () => events.changed());
  watchSizes(document, settled.call, stops);
  watchFonts(document, settled.call, stops);
  watchMutations(document, events, settled.call, stops);
  return () => {
    for (const stop of stops.splice(0)) stop();
  };
}
