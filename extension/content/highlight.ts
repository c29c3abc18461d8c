// Highlights through the CSS Custom Highlight API: the page's DOM and text are never changed;
// the browser paints ::highlight(unspin-*) over live Ranges. Falls back to overlay.ts.
import { claimTarget, SPOILER_TARGET } from '../ui/context';
import type { Severity } from '../ui/labels';
import type { UiHost } from './host';
import type { LocatedAnalysis, LocatedClaim, LocatedFinding, LocatedMark } from './locate';
import { MARKS, type MarkName, type MarkPainter, type MarkRanges } from './marks';
import { createOverlayPainter } from './overlay';
import { markOwn } from './own';
import { BANDS } from './paint';
import { BAND_BACKGROUNDS, BAND_COLOURS, CLAIM_BACKGROUND, CLAIM_COLOUR, FOCUS_COLOUR, type MarkStyle } from './style';
import type { CategoryId } from '../../model/types';
import { isFindingShown, type HighlightStyle } from '../settings';

export const FLASH_MS = 1600;

/** The parts of the Highlight API used here (a test can supply its own). */
export interface HighlightApi {
  registry: { set(name: string, highlight: unknown): unknown; delete(name: string): boolean };
  create(ranges: readonly Range[], priority: number): unknown;
}

export function nativeHighlightApi(scope: object = globalThis): HighlightApi | null {
  const { CSS: css, Highlight: HighlightClass } = scope as { CSS?: { highlights?: HighlightApi['registry'] }; Highlight?: new () => { priority: number; add(range: Range): unknown } };
  if (!css?.highlights || typeof HighlightClass !== 'function') return null;
  return {
    registry: css.highlights,
    create: (ranges, priority) => {
      const highlight = new HighlightClass();
      for (const range of ranges) highlight.add(range);
      highlight.priority = priority;
      return highlight;
    },
  };
}

export const highlightName = (band: MarkName | 'focus') => `unspin-${band}`;

const DECORATION: Record<Severity, string> = { low: 'dotted', medium: 'solid', high: 'solid' };

export function highlightCss(style: MarkStyle = 'underline'): string {
  const bands =
    style === 'background'
      ? BANDS.map((band) => `::highlight(${highlightName(band)}) { background-color: ${BAND_BACKGROUNDS[band]}; }`)
      : BANDS.map((band) => `::highlight(${highlightName(band)}) { text-decoration: underline ${DECORATION[band]} 2px ${BAND_COLOURS[band]}; text-underline-offset: 3px; }`);
  // A claim resemblance is context, not a finding: thinner, dotted, lower, in its own colour.
  const claim =
    style === 'background'
      ? `::highlight(${highlightName('claim')}) { background-color: ${CLAIM_BACKGROUND}; }`
      : `::highlight(${highlightName('claim')}) { text-decoration: underline dotted 1.5px ${CLAIM_COLOUR}; text-underline-offset: 4px; }`;
  return [...bands, claim, `::highlight(${highlightName('focus')}) { background-color: ${FOCUS_COLOUR}; }`].join('\n');
}

const styleElements = new WeakMap<Document, HTMLStyleElement>();
const adoptedSheets = new WeakMap<Document, CSSStyleSheet>();

/** ::highlight() rules must live in a document style sheet; added once, put back if the page drops it, rewritten when the style changes. */
function ensureStyles(document: Document, css: string): void {
  let style = styleElements.get(document);
  if (!style) {
    style = document.createElement('style');
    markOwn(style);
    styleElements.set(document, style);
  }
  if (style.textContent !== css) style.textContent = css;
  adoptedSheets.get(document)?.replaceSync(css);
  if (style.isConnected) return;
  (document.head ?? document.documentElement).append(style);
  // A page CSP without 'unsafe-inline' styles blocks the <style>: constructed sheets are exempt.
  if (!style.sheet && !adoptedSheets.has(document)) adoptSheet(document, css);
}

function adoptSheet(document: Document, css: string): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    adoptedSheets.set(document, sheet);
  } catch {
    // Nothing more to try: the marks stay invisible, the card still works.
  }
}

/** A painter that can also change how its marks look (the highlight-style setting). */
export interface StyledPainter extends MarkPainter {
  setStyle?(style: MarkStyle): void;
}

export function createHighlightPainter(document: Document, api: HighlightApi): StyledPainter {
  let flashTimer: ReturnType<typeof setTimeout> | undefined;
  let style: MarkStyle = 'underline';
  return {
    setStyle(next) {
      style = next;
      if (styleElements.has(document)) ensureStyles(document, highlightCss(style));
    },
    paint(marks: MarkRanges) {
      ensureStyles(document, highlightCss(style));
      for (const mark of MARKS) {
        const ranges = marks.get(mark) ?? [];
        if (ranges.length > 0) api.registry.set(highlightName(mark), api.create(ranges, 0));
        else api.registry.delete(highlightName(mark));
      }
    },
    flash(ranges, ms) {
      ensureStyles(document, highlightCss(style));
      clearTimeout(flashTimer);
      api.registry.set(highlightName('focus'), api.create(ranges, 1));
      flashTimer = setTimeout(() => api.registry.delete(highlightName('focus')), ms);
    },
    clear() {
      for (const mark of MARKS) api.registry.delete(highlightName(mark));
    },
  };
}

/** The Highlight API painter when the browser has the API, else overlay boxes. */
export function createPainter(document: Document, host: () => UiHost, api: HighlightApi | null = nativeHighlightApi()): StyledPainter {
  return api ? createHighlightPainter(document, api) : createOverlayPainter(document, host);
}

/** A range still over page text: a page that replaces its nodes while we map leaves detached or collapsed ranges. */
const onPage = (range: Range) => range.startContainer.isConnected && !range.collapsed;

function byMark(found: readonly LocatedFinding[], claims: readonly LocatedClaim[]): MarkRanges {
  const marks = new Map<MarkName, Range[]>();
  const add = (mark: MarkName, pieces: readonly Range[]) => {
    const ranges = marks.get(mark) ?? [];
    ranges.push(...pieces.filter(onPage));
    marks.set(mark, ranges);
  };
  for (const located of found) add(located.band, located.pieces);
  for (const located of claims) add('claim', located.pieces);
  return marks;
}

/** The findings (and claim-only sentences) shown on the page, and whether the user wants them marked. */
export class Highlights {
  private found: readonly LocatedFinding[] = [];
  private claimMarks: readonly LocatedClaim[] = [];
  private spoiler: LocatedFinding | null = null;
  /** The whole analysis as shown last; found/claimMarks/spoiler are what the category settings let through. */
  private all: { found: readonly LocatedFinding[]; claims: readonly LocatedClaim[]; spoiler: LocatedFinding | null } = { found: [], claims: [], spoiler: null };
  private shownCategories: Readonly<Record<CategoryId, boolean>> | null = null;
  private style: HighlightStyle = 'underline';
  private on = true;

  constructor(private readonly painter: StyledPainter) {}

  get enabled(): boolean {
    return this.on;
  }

  /** Marks are drawn (and hovering opens cards): switched on in the popup and a style other than 'none'. */
  get visible(): boolean {
    return this.on && this.style !== 'none';
  }

  /** The highlight-style setting: how marks look, or 'none' for no marks (the popup's "show in page" still works). */
  setStyle(style: HighlightStyle): void {
    if (style === this.style) return;
    this.style = style;
    if (style !== 'none') this.painter.setStyle?.(style);
    this.repaint();
  }

  /** The categories setting: findings only of hidden categories are neither marked nor found; claims go with 'claims'. */
  setCategories(shown: Readonly<Record<CategoryId, boolean>>): void {
    this.shownCategories = shown;
    this.filter();
    this.repaint();
  }

  get findings(): readonly LocatedFinding[] {
    return this.found;
  }

  /** Sentences that resemble a debunked claim and are no finding. */
  get claims(): readonly LocatedClaim[] {
    return this.claimMarks;
  }

  /** Everything with a card, findings first (what the pointer is tested against). */
  get marks(): readonly LocatedMark[] {
    return [...this.found, ...this.claimMarks];
  }

  show(found: readonly LocatedFinding[], claims: readonly LocatedClaim[] = [], spoiler: LocatedFinding | null = null): void {
    this.all = { found, claims, spoiler };
    this.filter();
    this.repaint();
  }

  /** One analysis, as located by locateAnalysis(). */
  showAnalysis(located: LocatedAnalysis): void {
    this.show(located.findings, located.claims, located.spoiler);
  }

  setEnabled(on: boolean): void {
    this.on = on;
    this.repaint();
  }

  /** A finding the user asked to see: flashed even when the marks are off. */
  flash(located: Pick<LocatedMark, 'pieces'>): void {
    this.painter.flash(located.pieces, FLASH_MS);
  }

  /**
   * What FocusFinding names: a finding by its id, a claim sentence by "claim:<start>-<end>" (its own
   * mark, or the finding it goes with), or "spoiler" (the headline's card at its spoiler sentence).
   */
  find(id: string): LocatedMark | undefined {
    if (id === SPOILER_TARGET) return this.spoiler ?? undefined;
    const finding = this.found.find((located) => located.finding.id === id);
    if (finding || !id.startsWith('claim:')) return finding;
    return this.claimMarks.find((located) => located.id === id) ?? this.found.find((located) => located.claims?.some((claim) => claimTarget(claim.sentence) === id));
  }

  clear(): void {
    this.show([]);
  }

  private filter(): void {
    const shown = this.shownCategories;
    const { found, claims, spoiler } = this.all;
    if (!shown) {
      [this.found, this.claimMarks, this.spoiler] = [found, claims, spoiler];
      return;
    }
    const withClaims = (located: LocatedFinding): LocatedFinding => {
      if (shown.claims !== false || !located.claims) return located;
      const { claims: _hidden, ...rest } = located;
      return rest;
    };
    this.found = found.filter((located) => isFindingShown(located.finding, shown)).map(withClaims);
    this.claimMarks = shown.claims === false ? [] : claims;
    this.spoiler = spoiler && isFindingShown(spoiler.finding, shown) ? withClaims(spoiler) : null;
  }

  private repaint(): void {
    if (this.visible && (this.found.length > 0 || this.claimMarks.length > 0)) this.painter.paint(byMark(this.found, this.claimMarks));
    else this.painter.clear();
  }
}
