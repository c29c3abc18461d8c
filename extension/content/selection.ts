// "Check what I selected", in the page: reads the selection for the keyboard command
// (GetSelection) and shows a checked selection's result (ShowSelection) as a card next to it.
// The card lives in Unspin's closed shadow root; every text goes in through textContent.
import { LIMITS, BackgroundMessage, type GetSelectionPayload, type Reply, type ShowSelectionPayload } from '../messages';
import { MAX_CARD_FINDINGS, SELECTION_STRINGS, selectionView, type SelectionItem, type SelectionView } from '../ui/selection';
import { colon, quoted, STRINGS } from '../ui/strings';
import { cardFrame, diffParagraph, paletteFor, section, type Palette } from './card';
import type { UiHost } from './host';
import { truncate } from './messaging';
import { BAND_COLOURS, styled } from './style';

const TEXT_FIELD_TYPES = new Set(['', 'text', 'search', 'url', 'tel', 'email', 'password']);

/** A text field's selected text (the page's getSelection() does not include it). */
function fieldSelection(element: Element | null): string | null {
  if (!element || !(element.tagName === 'TEXTAREA' || (element.tagName === 'INPUT' && TEXT_FIELD_TYPES.has((element as HTMLInputElement).type)))) return null;
  // A password is not checked.
  if ((element as HTMLInputElement).type === 'password') return '';
  try {
    const field = element as HTMLTextAreaElement;
    const { selectionStart: start, selectionEnd: end, value } = field;
    return start !== null && end !== null && end > start ? value.slice(start, end) : null;
  } catch {
    return null;
  }
}

/** What the user selected, editors and text fields included (they may check what they are writing); at most LIMITS.textChars. */
export function readSelection(document: Document): string {
  const field = fieldSelection(document.activeElement);
  const text = field ?? document.getSelection()?.toString() ?? '';
  return truncate(text, LIMITS.textChars);
}

/** Where the selection is on screen (viewport coordinates), or null when there is none to anchor to. */
export function selectionRect(document: Document): DOMRect | null {
  const active = document.activeElement;
  if (active && fieldSelection(active) !== null) return active.getBoundingClientRect();
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const rect = selection.getRangeAt(0).getBoundingClientRect();
  return rect.width > 0 || rect.height > 0 ? rect : null;
}

function findingBlock(document: Document, palette: Palette, item: SelectionItem, quoteSentence: boolean): HTMLElement {
  const block = styled(document, 'div', { margin: '10px 0 0', padding: '2px 0 0 10px', 'border-left': `3px solid ${BAND_COLOURS[item.band === 'low' ? 'low' : item.band]}` });
  block.className = 'unspin-selection-finding';
  block.append(styled(document, 'strong', { display: 'block', 'font-weight': 600, 'font-size': '13px' }, item.name));
  if (quoteSentence) block.append(styled(document, 'p', { margin: '4px 0 0', padding: 0, color: palette.muted, 'font-style': 'italic', 'overflow-wrap': 'anywhere' }, quoted(item.sentence)));
  block.append(styled(document, 'p', { margin: '4px 0 0', padding: 0 }, item.what));
  block.append(section(document, palette, SELECTION_STRINGS.ask, item.ask));
  const { rewording } = item;
  if (rewording && rewording.segments.length > 0) block.append(diffParagraph(document, palette, rewording.segments));
  if (rewording?.note) block.append(section(document, palette, colon(STRINGS.quotedWords), rewording.note));
  return block;
}

function bodyOf(document: Document, palette: Palette, view: SelectionView): HTMLElement[] {
  const paragraph = (text: string, muted = false) => styled(document, 'p', { margin: '8px 0 0', padding: 0, ...(muted ? { color: palette.muted, 'font-size': '12px' } : {}) }, text);
  switch (view.kind) {
    case 'message':
      return [paragraph(view.message)];
    case 'unsupported':
      return [paragraph(SELECTION_STRINGS.unsupported)];
    case 'clean': {
      const title = styled(document, 'p', { margin: '8px 0 0', padding: 0, 'font-weight': 600 }, SELECTION_STRINGS.nothingFound);
      title.className = 'unspin-selection-clean';
      return [title, paragraph(SELECTION_STRINGS.nothingFoundHint, true), ...(view.claims ? [paragraph(SELECTION_STRINGS.claims)] : [])];
    }
    case 'findings': {
      // With one finding the selection is (mostly) its sentence; with more, say which sentence each is.
      const quote = view.items.length + view.more > 1;
      const blocks = view.items.map((item) => findingBlock(document, palette, item, quote));
      if (view.more > 0) blocks.push(paragraph(SELECTION_STRINGS.more(view.more), true));
      if (view.claims) blocks.push(paragraph(SELECTION_STRINGS.claims, true));
      return blocks;
    }
  }
}

/** The selection card's DOM. `onClose` runs when its close button is pressed. */
export function renderSelectionCard(document: Document, view: SelectionView, onClose: () => void): HTMLElement {
  const palette = paletteFor(document.defaultView);
  const accent = view.kind === 'findings' ? BAND_COLOURS[view.items[0]?.band ?? 'medium'] : palette.border;
  const card = cardFrame(document, palette, { title: SELECTION_STRINGS.heading, accent: { side: 'top', colour: accent }, position: 'absolute', width: 'min(360px, calc(100vw - 16px))' }, onClose);
  card.className = 'unspin-selection-card';
  card.append(...bodyOf(document, palette, view));
  return card;
}

/** Under the selection, or above it when there is no room below; in document coordinates, so it scrolls with the text. */
function place(card: HTMLElement, anchor: DOMRect | null, view: Window): void {
  const margin = 8;
  const gap = 6;
  const { offsetWidth: width, offsetHeight: height } = card;
  let top: number;
  let left: number;
  if (anchor) {
    top = anchor.bottom + gap;
    if (top + height > view.innerHeight - margin && anchor.top - gap - height >= margin) top = anchor.top - gap - height;
    left = Math.max(margin, Math.min(anchor.left, view.innerWidth - width - margin));
  } else {
    // Nothing to anchor to (the selection is gone, or inside a frame): the top right corner.
    top = margin;
    left = Math.max(margin, view.innerWidth - width - margin);
  }
  card.style.setProperty('top', `${Math.round(top + view.scrollY)}px`, 'important');
  card.style.setProperty('left', `${Math.round(left + view.scrollX)}px`, 'important');
}

export class SelectionCard {
  private element: HTMLElement | null = null;
  private stopKeys: (() => void) | null = null;

  constructor(private readonly document: Document, private readonly host: () => UiHost) {}

  get shown(): HTMLElement | null {
    return this.element;
  }

  /** Shows the result (or the message) next to the current selection, replacing any earlier card. */
  show(result: Pick<ShowSelectionPayload, 'analysis' | 'message'>): void {
    this.hide();
    const ui = this.host();
    ui.attach();
    const view = this.document.defaultView ?? window;
    const element = renderSelectionCard(this.document, selectionView(result, MAX_CARD_FINDINGS), () => this.hide());
    ui.cards.append(element);
    this.element = element;
    place(element, selectionRect(this.document), view);
    const onKey = (event: Event) => {
      if (event.isTrusted && (event as KeyboardEvent).key === 'Escape') this.hide();
    };
    this.document.addEventListener('keydown', onKey, { capture: true });
    this.stopKeys = () => this.document.removeEventListener('keydown', onKey, { capture: true });
    // Keyboard users land in the card, unless they are writing: focus stays in their text box.
    const active = this.document.activeElement as HTMLElement | null;
    if (fieldSelection(active) === null && !active?.isContentEditable) element.focus({ preventScroll: true });
  }

  hide(): void {
    this.stopKeys?.();
    this.stopKeys = null;
    this.element?.remove();
    this.element = null;
  }

  /** The content script's answer to GetSelection and ShowSelection. */
  handle(request: GetSelectionPayload | ShowSelectionPayload): Reply<string | null> {
    if (request.type === BackgroundMessage.GetSelection) return { ok: true, value: readSelection(this.document) };
    this.show(request);
    return { ok: true, value: null };
  }
}
