// The card shown for a finding (hover or FocusFinding): what was detected, why it matters, the
// question to ask, the words that weighed, a suggested correction. It lives in Unspin's closed
// shadow root; every text goes in through textContent, never as markup.
import type { Finding } from '../../model/types';
import { describeLabel, type LabelText, type Severity } from '../ui/labels';
import type { UiHost } from './host';
import type { LocatedFinding } from './locate';
import { BAND_COLOURS, styled } from './style';

export interface CardContent {
  name: string;
  signal: string;
  what: string;
  why: string;
  ask: string;
  example: string;
  evidence: string[];
  correction: string;
}

const SIGNAL: Record<Severity, string> = { low: 'Weak signal', medium: 'Moderate signal', high: 'Strong signal' };
const UNKNOWN_LABEL: LabelText = { name: 'Possible manipulation', what: 'The model flagged this sentence.', why: 'Flagged wording can steer your judgement.', ask: 'What is the claim, and what supports it?', example: '', restatement: '[Claim], supported by [evidence].' };
const MAX_EVIDENCE = 5;

function evidenceWords(finding: Finding): string[] {
  const words = [...(Array.isArray(finding.evidence) ? finding.evidence : [])]
    .filter((item) => typeof item?.text === 'string' && item.text.trim() !== '')
    .sort((a, b) => b.weight - a.weight)
    .map((item) => item.text.trim());
  return [...new Set(words)].slice(0, MAX_EVIDENCE);
}

export function cardContent(located: Pick<LocatedFinding, 'finding' | 'band'>): CardContent {
  const text = describeLabel(located.finding.label) ?? UNKNOWN_LABEL;
  // Until sentence rewordings land, the correction is the technique's neutral restatement template.
  return { name: text.name, signal: SIGNAL[located.band], what: text.what, why: text.why, ask: text.ask, example: text.example, evidence: evidenceWords(located.finding), correction: text.restatement };
}

interface Palette {
  background: string;
  text: string;
  muted: string;
  border: string;
}
const LIGHT: Palette = { background: '#ffffff', text: '#1f2328', muted: '#59636e', border: '#d0d7de' };
const DARK: Palette = { background: '#22272e', text: '#e6edf3', muted: '#9198a1', border: '#444c56' };

function paletteFor(view: Window | null): Palette {
  return view?.matchMedia?.('(prefers-color-scheme: dark)').matches ? DARK : LIGHT;
}

function section(document: Document, palette: Palette, heading: string, text: string): HTMLElement {
  const paragraph = styled(document, 'p', { margin: '8px 0 0', padding: 0 });
  paragraph.append(styled(document, 'strong', { 'font-weight': 600, color: palette.text }, `${heading} `), document.createTextNode(text));
  return paragraph;
}

/** The card's DOM. `onClose` runs when its close button is pressed. */
export function renderCard(document: Document, content: CardContent, band: Severity, onClose: () => void): HTMLElement {
  const palette = paletteFor(document.defaultView);
  const card = styled(document, 'div', {
    position: 'fixed', 'box-sizing': 'border-box', width: 'min(340px, calc(100vw - 16px))', 'max-height': '60vh', overflow: 'auto', margin: 0, padding: '10px 14px 12px',
    background: palette.background, color: palette.text, border: `1px solid ${palette.border}`, 'border-left': `4px solid ${BAND_COLOURS[band]}`, 'border-radius': '8px',
    'box-shadow': '0 4px 16px rgba(0, 0, 0, 0.18)', font: '13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif', 'text-align': 'left', 'pointer-events': 'auto',
  });
  card.setAttribute('role', 'dialog');
  card.setAttribute('aria-label', `Unspin: ${content.name}`);
  card.tabIndex = -1;
  const header = styled(document, 'div', { display: 'flex', 'align-items': 'baseline', gap: '8px' });
  const title = styled(document, 'strong', { flex: '1', 'font-size': '14px', 'font-weight': 600 }, content.name);
  const close = styled(document, 'button', { all: 'unset', cursor: 'pointer', padding: '0 4px', color: palette.muted, 'font-size': '16px', 'line-height': 1 }, '×');
  close.type = 'button';
  close.setAttribute('aria-label', 'Close');
  close.addEventListener('click', onClose);
  header.append(title, close);
  card.append(header, styled(document, 'div', { color: palette.muted, 'font-size': '12px' }, content.signal), styled(document, 'p', { margin: '8px 0 0', padding: 0 }, content.what));
  card.append(section(document, palette, 'Why it matters:', content.why), section(document, palette, 'Ask:', content.ask));
  if (content.evidence.length > 0) card.append(section(document, palette, 'Words that weighed:', content.evidence.map((word) => `“${word}”`).join(', ')));
  card.append(section(document, palette, 'Neutral version:', content.correction));
  if (content.example) card.append(section(document, palette, 'Example of the technique:', content.example));
  return card;
}

/** Where the card goes: under the anchor's line, or above it when there is no room below. */
function place(card: HTMLElement, anchor: DOMRect, view: Window): void {
  const margin = 8;
  const gap = 6;
  const { offsetWidth: width, offsetHeight: height } = card;
  let top = anchor.bottom + gap;
  if (top + height > view.innerHeight - margin && anchor.top - gap - height >= margin) top = anchor.top - gap - height;
  const left = Math.max(margin, Math.min(anchor.left, view.innerWidth - width - margin));
  card.style.setProperty('top', `${Math.round(top)}px`, 'important');
  card.style.setProperty('left', `${Math.round(left)}px`, 'important');
}

/** The line of the anchor to place the card against: its first visible line box. */
function anchorRect(anchor: Range): DOMRect {
  return Array.from(anchor.getClientRects()).find((rect) => rect.width > 0 && rect.height > 0) ?? anchor.getBoundingClientRect();
}

function isOnScreen(rect: DOMRect, view: Window): boolean {
  return rect.bottom > 0 && rect.top < view.innerHeight && rect.right > 0 && rect.left < view.innerWidth;
}

export class Card {
  private element: HTMLElement | null = null;
  private shownFor: LocatedFinding | null = null;
  private anchor: Range | null = null;

  constructor(private readonly document: Document, private readonly host: () => UiHost) {}

  get current(): LocatedFinding | null {
    return this.shownFor;
  }

  /** Shows the card for `located` next to `anchor` (the line hovered, or the sentence). */
  show(located: LocatedFinding, anchor: Range, options: { focus: boolean }): void {
    if (this.shownFor !== located) {
      this.hide();
      const ui = this.host();
      ui.attach();
      this.element = renderCard(this.document, cardContent(located), located.band, () => this.hide());
      ui.cards.append(this.element);
      this.shownFor = located;
    }
    this.anchor = anchor;
    this.reposition();
    if (options.focus) this.element?.focus({ preventScroll: true });
  }

  /** Follows the anchor after scrolling; hides the card once its sentence is off screen. */
  reposition(): void {
    if (!this.element || !this.anchor) return;
    const view = this.document.defaultView ?? window;
    const rect = anchorRect(this.anchor);
    if (!isOnScreen(rect, view)) this.hide();
    else place(this.element, rect, view);
  }

  hide(): void {
    this.element?.remove();
    this.element = null;
    this.shownFor = null;
    this.anchor = null;
  }
}
