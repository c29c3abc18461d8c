// Unspin's own piece of the page: one host element with a CLOSED shadow root, so page scripts
// can't reach into it and page CSS can't restyle it. It holds the highlights' boxes (overlay.ts,
// document coordinates) and the card (viewport coordinates).
import { markOwn } from './own';
import { applyStyle, styled } from './style';

export interface UiHost {
  /** The element in the page (events from inside the shadow root are retargeted to it). */
  readonly element: HTMLElement;
  /** Absolutely positioned at the document's origin: overlay boxes go here. */
  readonly overlay: HTMLElement;
  /** Cards go here (position: fixed children). */
  readonly cards: HTMLElement;
  /** Puts the host back if the page removed it (single-page apps re-render whole trees), with its own styles. */
  attach(): void;
  remove(): void;
}

export function createUiHost(document: Document): UiHost {
  // A plain <div>: a custom element name could be defined (and run) by the page.
  const element = document.createElement('div');
  markOwn(element);
  // `all: initial` first, so nothing is inherited from the page; the rest override it.
  applyStyle(element, { all: 'initial', display: 'block', position: 'absolute', top: 0, left: 0, width: 0, height: 0, overflow: 'visible', 'z-index': 2147483647, 'pointer-events': 'none' });
  // What the page can reach of Unspin is this element: whatever it does to its styles is undone on
  // attach(). Compared as serialized after one round trip, so that an unchanged style never differs.
  element.style.cssText = element.style.cssText;
  const ownStyle = element.style.cssText;
  const shadow = element.attachShadow({ mode: 'closed' });
  const overlay = styled(document, 'div', { position: 'absolute', top: 0, left: 0, width: 0, height: 0, 'pointer-events': 'none' });
  const cards = styled(document, 'div', { position: 'absolute', top: 0, left: 0, width: 0, height: 0 });
  shadow.append(overlay, cards);
  const attach = () => {
    if (element.style.cssText !== ownStyle) element.style.cssText = ownStyle;
    if (!element.isConnected) document.documentElement.append(element);
  };
  attach();
  return { element, overlay, cards, attach, remove: () => element.remove() };
}
