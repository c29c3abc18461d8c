// FocusFinding: bring a sentence into view, gently, and say when the scrolling is over.
const SCROLL_SETTLE_MS = 800;

function firstLine(range: Range): DOMRect {
  return Array.from(range.getClientRects()).find((rect) => rect.height > 0) ?? range.getBoundingClientRect();
}

function isInView(rect: DOMRect, view: Window): boolean {
  return rect.height > 0 && rect.top >= 0 && rect.bottom <= view.innerHeight;
}

/** Resolves on the first scrollend (anywhere in the page) or after a while, whichever is first. */
function scrollEnded(document: Document): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      document.removeEventListener('scrollend', done, { capture: true });
      resolve();
    };
    const timer = setTimeout(done, SCROLL_SETTLE_MS);
    document.addEventListener('scrollend', done, { capture: true });
  });
}

export function revealRange(range: Range, document: Document): Promise<void> {
  const view = document.defaultView ?? window;
  const rect = firstLine(range);
  if (isInView(rect, view)) return Promise.resolve();
  const behavior: ScrollBehavior = view.matchMedia?.('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
  const container = range.startContainer.nodeType === 1 ? (range.startContainer as Element) : range.startContainer.parentElement;
  // scrollIntoView also scrolls inner scrolling boxes; a block taller than the window would
  // be centred on its middle, far from the sentence, so the window scrolls to the line instead.
  if (container && container.getBoundingClientRect().height < view.innerHeight * 0.8) container.scrollIntoView({ block: 'center', behavior });
  else view.scrollBy({ top: rect.top - view.innerHeight / 3, behavior });
  return scrollEnded(document);
}
