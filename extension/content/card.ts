// The card shown for a finding (hover or FocusFinding): what was detected, why it matters, the
// question to ask, the words that weighed, a suggested correction (the sentence reworded, as a
// diff, where the analysis has one), what a clickbait headline holds back, and any debunked claim
// the sentence resembles. Sentences that only resemble a debunked claim get a card of their own.
// It lives in Unspin's closed shadow root; every text goes in through textContent, never as markup,
// and the only link is a fact-check URL checked to be http(s).
import type { ClaimSentence, Finding } from '../../model/types';
import { bestMatch, clip, safeHttpUrl, spoilerOf } from '../ui/context';
import { rewordingView, type DiffSegment, type RewordingView } from '../ui/diff';
import { describeLabel, type LabelText, type Severity } from '../ui/labels';
import { t } from '../ui/i18n';
import { colon, listOf, quoted, STRINGS } from '../ui/strings';
import type { UiHost } from './host';
import { isLocatedFinding, type LocatedFinding, type LocatedMark } from './locate';
import { BAND_COLOURS, CLAIM_COLOUR, focusRing, styled } from './style';

/** A debunked claim a sentence resembles: its best match. */
export interface ClaimContent {
  claim: string;
  verdict: string;
  correction?: string;
  source: string;
  /** The fact-check, only when it is an http(s) URL. */
  url: string | null;
  disclaimer: string;
  /** Other matches of the same sentence, not shown. */
  others: number;
}

export interface CardContent {
  name: string;
  signal: string;
  what: string;
  why: string;
  ask: string;
  example: string;
  evidence: string[];
  /** The label's neutral restatement template: shown when there is no rewording. */
  correction: string;
  /** Loaded language: the sentence reworded neutrally (a diff), or why not (a quotation). */
  rewording?: RewordingView;
  /** A clickbait headline: the body sentence it holds back, and a more informative headline. */
  spoiler?: { sentence: string; headline: string };
  /** Debunked claims the sentence resembles. */
  claims?: ClaimContent[];
}

/** The card's accent: a severity band, or the quiet colour of a claim resemblance. */
export type CardTone = Severity | 'claim';

const signal = (band: Severity) => t(`card_signal_${band}`);
const unknownLabel = (): LabelText => ({ name: t('card_unknown_name'), what: t('card_unknown_what'), why: t('card_unknown_why'), ask: t('card_unknown_ask'), example: '', restatement: t('card_unknown_restatement') });
const MAX_EVIDENCE = 5;
/** Longer fact-check texts are cut here, with a "more" button. */
export const MAX_CORRECTION = 240;

function evidenceWords(finding: Finding): string[] {
  const words = [...(Array.isArray(finding.evidence) ? finding.evidence : [])]
    .filter((item) => typeof item?.text === 'string' && item.text.trim() !== '')
    .sort((a, b) => b.weight - a.weight)
    .map((item) => item.text.trim());
  return [...new Set(words)].slice(0, MAX_EVIDENCE);
}

function claimContent(claim: ClaimSentence): ClaimContent | null {
  const match = bestMatch(claim.matches);
  if (!match) return null;
  const correction = typeof match.correction === 'string' && match.correction.trim() !== '' ? match.correction.trim() : undefined;
  const usable = claim.matches.filter((m) => typeof m?.claim === 'string').length;
  return { claim: match.claim, verdict: match.verdict, ...(correction ? { correction } : {}), source: match.source, url: safeHttpUrl(match.url), disclaimer: STRINGS.claimDisclaimer(match.source), others: Math.max(0, usable - 1) };
}

function claimContents(claims: readonly ClaimSentence[] | undefined): ClaimContent[] | undefined {
  const contents = (claims ?? []).map(claimContent).filter((content): content is ClaimContent => content !== null);
  return contents.length > 0 ? contents : undefined;
}

type FindingLike = Pick<LocatedFinding, 'finding' | 'band'> & { claims?: ClaimSentence[] };

export function cardContent(located: FindingLike | LocatedMark): CardContent {
  if (!('finding' in located)) {
    return { name: STRINGS.claimCardName, signal: STRINGS.claimCardSignal, what: STRINGS.claimCardWhat, why: STRINGS.claimCardWhy, ask: STRINGS.claimCardAsk, example: '', evidence: [], correction: '', claims: claimContents([located.claim]) };
  }
  const { finding } = located;
  const text = describeLabel(finding.label) ?? unknownLabel();
  const content: CardContent = { name: text.name, signal: signal(located.band), what: text.what, why: text.why, ask: text.ask, example: text.example, evidence: evidenceWords(finding), correction: text.restatement };
  const rewording = typeof finding.sentence?.text === 'string' ? rewordingView(finding.sentence.text, finding.suggestion?.rewording) : null;
  if (rewording) content.rewording = rewording;
  const spoiler = spoilerOf(finding);
  if (spoiler) content.spoiler = { sentence: spoiler.sentence.text, headline: spoiler.headline };
  const claims = claimContents(located.claims);
  if (claims) content.claims = claims;
  return content;
}

export interface Palette {
  background: string;
  text: string;
  muted: string;
  border: string;
  link: string;
  deleted: string;
  inserted: string;
}
// Text on every background here meets WCAG AA (4.5:1), links and muted text included.
const LIGHT: Palette = { background: '#ffffff', text: '#1f2328', muted: '#59636e', border: '#d0d7de', link: '#0550ae', deleted: '#ffebe9', inserted: '#dafbe1' };
const DARK: Palette = { background: '#22272e', text: '#e6edf3', muted: '#9198a1', border: '#444c56', link: '#6cb6ff', deleted: '#5d1f22', inserted: '#1c4428' };

export function paletteFor(view: Window | null): Palette {
  return view?.matchMedia?.('(prefers-color-scheme: dark)').matches ? DARK : LIGHT;
}

export function section(document: Document, palette: Palette, heading: string, text: string): HTMLElement {
  const paragraph = styled(document, 'p', { margin: '8px 0 0', padding: 0 });
  paragraph.append(styled(document, 'strong', { 'font-weight': 600, color: palette.text }, `${heading} `), document.createTextNode(text));
  return paragraph;
}

/** Read by screen readers, not shown: says which words a diff removes and adds. */
function screenReaderOnly(document: Document, text: string): HTMLElement {
  const span = styled(document, 'span', { position: 'absolute', width: '1px', height: '1px', margin: '-1px', padding: 0, overflow: 'hidden', clip: 'rect(0 0 0 0)', 'white-space': 'nowrap', border: 0 }, text);
  span.className = 'unspin-sr-only';
  return span;
}

export function diffParagraph(document: Document, palette: Palette, segments: readonly DiffSegment[]): HTMLElement {
  const paragraph = styled(document, 'p', { margin: '8px 0 0', padding: 0 });
  paragraph.append(styled(document, 'strong', { 'font-weight': 600, color: palette.text }, `${colon(STRINGS.suggestedWording)} `));
  const quote = styled(document, 'span', { 'overflow-wrap': 'anywhere' });
  quote.className = 'unspin-diff';
  for (const segment of segments) {
    if (segment.kind === 'same') {
      quote.append(document.createTextNode(segment.text));
    } else if (segment.kind === 'del') {
      quote.append(screenReaderOnly(document, ` ${STRINGS.removed} `));
      quote.append(styled(document, 'del', { 'text-decoration': 'line-through', color: palette.text, background: palette.deleted, 'border-radius': '2px', padding: '0 2px' }, segment.text));
    } else {
      quote.append(screenReaderOnly(document, ` ${STRINGS.added} `));
      quote.append(styled(document, 'ins', { 'text-decoration': 'none', color: palette.text, background: palette.inserted, 'font-weight': 600, 'border-radius': '2px', padding: '0 2px' }, segment.text));
    }
  }
  paragraph.append(quote);
  return paragraph;
}

function textButton(document: Document, palette: Palette, label: string): HTMLButtonElement {
  const button = styled(document, 'button', { font: 'inherit', 'font-size': '12px', color: palette.link, background: 'none', border: 'none', padding: '0 2px', margin: '0 0 0 4px', cursor: 'pointer', 'text-decoration': 'underline' }, label);
  button.type = 'button';
  focusRing(button, palette.link);
  return button;
}

/** A long text cut short, with a button that shows all of it (and cuts it again). */
function expandable(document: Document, palette: Palette, heading: string, text: string): HTMLElement {
  const paragraph = section(document, palette, heading, '');
  const body = styled(document, 'span', {}, clip(text, MAX_CORRECTION));
  paragraph.append(body);
  if (text.length > MAX_CORRECTION) {
    const toggle = textButton(document, palette, STRINGS.more);
    toggle.setAttribute('aria-expanded', 'false');
    toggle.addEventListener('click', () => {
      const open = toggle.getAttribute('aria-expanded') !== 'true';
      body.textContent = open ? text : clip(text, MAX_CORRECTION);
      toggle.textContent = open ? STRINGS.less : STRINGS.more;
      toggle.setAttribute('aria-expanded', String(open));
    });
    paragraph.append(toggle);
  }
  return paragraph;
}

function claimBlock(document: Document, palette: Palette, claim: ClaimContent, titled: boolean): HTMLElement {
  const block = styled(document, 'div', { margin: '10px 0 0', padding: '6px 10px 8px', border: `1px solid ${palette.border}`, 'border-left': `3px solid ${CLAIM_COLOUR}`, 'border-radius': '6px' });
  block.className = 'unspin-claim';
  if (titled) block.append(styled(document, 'strong', { display: 'block', 'font-weight': 600 }, STRINGS.claimCardName));
  block.append(section(document, palette, colon(STRINGS.claimChecked), quoted(claim.claim)), section(document, palette, colon(STRINGS.verdict), claim.verdict));
  if (claim.correction) block.append(expandable(document, palette, colon(STRINGS.correction), claim.correction));
  const by = styled(document, 'p', { margin: '8px 0 0', padding: 0 });
  if (claim.url) {
    const link = styled(document, 'a', { color: palette.link, 'text-decoration': 'underline', cursor: 'pointer' }, STRINGS.factCheckBy(claim.source));
    link.href = claim.url;
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    link.append(screenReaderOnly(document, ` ${STRINGS.opensInNewTab}`));
    by.append(link);
  } else {
    by.textContent = STRINGS.checkedBy(claim.source);
  }
  block.append(by);
  if (claim.others > 0) block.append(styled(document, 'p', { margin: '4px 0 0', padding: 0, color: palette.muted, 'font-size': '12px' }, STRINGS.otherMatches(claim.others)));
  block.append(styled(document, 'p', { margin: '8px 0 0', padding: 0, 'font-weight': 600 }, claim.disclaimer));
  return block;
}

export interface CardFrameOptions {
  title: string;
  /** The coloured edge: the card's left edge (a finding) or top edge (a selection). */
  accent: { side: 'left' | 'top'; colour: string };
  position: 'fixed' | 'absolute';
  width: string;
}

/** A card's box and header (title, close button), shared by the finding card and the selection card. */
export function cardFrame(document: Document, palette: Palette, options: CardFrameOptions, onClose: () => void): HTMLElement {
  const card = styled(document, 'div', {
    position: options.position, 'box-sizing': 'border-box', width: options.width, 'max-height': '60vh', overflow: 'auto', margin: 0, padding: '10px 14px 12px',
    background: palette.background, color: palette.text, border: `1px solid ${palette.border}`, [`border-${options.accent.side}`]: `4px solid ${options.accent.colour}`, 'border-radius': '8px',
    'box-shadow': '0 4px 16px rgba(0, 0, 0, 0.18)', font: '13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif', 'text-align': 'left', 'pointer-events': 'auto',
  });
  card.setAttribute('role', 'dialog');
  card.setAttribute('aria-label', t('card_aria_label', [options.title]));
  card.tabIndex = -1;
  const header = styled(document, 'div', { display: 'flex', 'align-items': 'baseline', gap: '8px' });
  const title = styled(document, 'strong', { flex: '1', 'font-size': '14px', 'font-weight': 600 }, options.title);
  const close = styled(document, 'button', { all: 'unset', cursor: 'pointer', padding: '0 4px', color: palette.muted, 'font-size': '16px', 'line-height': 1 }, '×');
  close.type = 'button';
  close.setAttribute('aria-label', STRINGS.close);
  focusRing(close, palette.link);
  close.addEventListener('click', onClose);
  header.append(title, close);
  card.append(header);
  return card;
}

/** The card's DOM. `onClose` runs when its close button is pressed. */
export function renderCard(document: Document, content: CardContent, band: CardTone, onClose: () => void): HTMLElement {
  const palette = paletteFor(document.defaultView);
  const accent = band === 'claim' ? CLAIM_COLOUR : BAND_COLOURS[band];
  const card = cardFrame(document, palette, { title: content.name, accent: { side: 'left', colour: accent }, position: 'fixed', width: 'min(340px, calc(100vw - 16px))' }, onClose);
  card.append(styled(document, 'div', { color: palette.muted, 'font-size': '12px' }, content.signal), styled(document, 'p', { margin: '8px 0 0', padding: 0 }, content.what));
  if (content.why) card.append(section(document, palette, colon(t('card_why_it_matters')), content.why));
  if (content.ask) card.append(section(document, palette, colon(t('card_ask')), content.ask));
  if (content.evidence.length > 0) card.append(section(document, palette, colon(t('card_evidence')), listOf(content.evidence.map(quoted))));
  if (content.spoiler) {
    card.append(section(document, palette, colon(STRINGS.spoilerHeading), content.spoiler.sentence));
    if (content.spoiler.headline.trim()) card.append(section(document, palette, colon(STRINGS.betterHeadline), content.spoiler.headline));
  }
  const { rewording } = content;
  if (rewording && rewording.segments.length > 0) card.append(diffParagraph(document, palette, rewording.segments));
  if (rewording?.note) card.append(section(document, palette, colon(STRINGS.quotedWords), rewording.note));
  if (!rewording && content.correction) card.append(section(document, palette, colon(t('card_neutral_version')), content.correction));
  const titled = band !== 'claim';
  for (const claim of content.claims ?? []) card.append(claimBlock(document, palette, claim, titled));
  if (content.example) card.append(section(document, palette, colon(t('card_example')), content.example));
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
  private shownFor: LocatedMark | null = null;
  private anchor: Range | null = null;

  /** `decorate` adds to a card as it is made (the feedback buttons: content/feedback.ts). */
  constructor(private readonly document: Document, private readonly host: () => UiHost, private readonly decorate?: (located: LocatedMark, card: HTMLElement, close: () => void) => void) {}

  get current(): LocatedMark | null {
    return this.shownFor;
  }

  /** Shows the card for `located` (a finding or a claim sentence) next to `anchor` (the line hovered, or the sentence). */
  show(located: LocatedMark, anchor: Range, options: { focus: boolean }): void {
    if (this.shownFor !== located) {
      this.hide();
      const ui = this.host();
      ui.attach();
      this.element = renderCard(this.document, cardContent(located), isLocatedFinding(located) ? located.band : 'claim', () => this.hide());
      this.decorate?.(located, this.element, () => this.hide());
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
