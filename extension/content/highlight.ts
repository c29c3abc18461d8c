// Highlights through the CSS Custom Highlight API: the page's DOM and text are never changed;
// the browser paints ::highlight(unspin-*) over live Ranges. Falls back to overlay.ts.
import type { Severity } from '../ui/labels';
import type { UiHost } from './host';
import type { LocatedFinding } from './locate';
import { createOverlayPainter } from './overlay';
import { markOwn } from './own';
import { BANDS, type BandRanges, type Painter } from './paint';
import { BAND_COLOURS, FOCUS_COLOUR } from './style';

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

export const highlightName = (band: Severity | 'focus') => `unspin-${band}`;

const DECORATION: Record<Severity, string> = { low: 'dotted', medium: 'solid', high: 'solid' };

export function highlightCss(): string {
  const bands = BANDS.map((band) => `::highlight(${highlightName(band)}) { text-decoration: underline ${DECORATION[band]} 2px ${BAND_COLOURS[band]}; text-underline-offset: 3px; }`);
  return [...bands, `::highlight(${highlightName('focus')}) { background-color: ${FOCUS_COLOUR}; }`].join('\n');
}

const styleElements = new WeakMap<Document, HTMLStyleElement>();

/** ::highlight() rules must live in a document style sheet; added once, put back if the page drops it. */
function ensureStyles(document: Document): void {
  let style = styleElements.get(document);
  if (!style) {
    style = document.createElement('style');
    markOwn(style);
    style.textContent = highlightCss();
    styleElements.set(document, style);
  }
  if (style.isConnected) return;
  (document.head ?? document.documentElement).append(style);
  // A page CSP without 'unsafe-inline' styles blocks the <style>: constructed sheets are exempt.
  if (!style.sheet) adoptSheet(document);
}

function adoptSheet(document: Document): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(highlightCss());
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  } catch {
    // Nothing more to try: the marks stay invisible, the card still works.
  }
}

export function createHighlightPainter(document: Document, api: HighlightApi): Painter {
  let flashTimer: ReturnType<typeof setTimeout> | undefined;
  return {
    paint(bands: BandRanges) {
      ensureStyles(document);
      for (const band of BANDS) {
        const ranges = bands.get(band) ?? [];
        if (ranges.length > 0) api.registry.set(highlightName(band), api.create(ranges, 0));
        else api.registry.delete(highlightName(band));
      }
    },
    flash(ranges, ms) {
      ensureStyles(document);
      clearTimeout(flashTimer);
      api.registry.set(highlightName('focus'), api.create(ranges, 1));
      flashTimer = setTimeout(() => api.registry.delete(highlightName('focus')), ms);
    },
    clear() {
      for (const band of BANDS) api.registry.delete(highlightName(band));
    },
  };
}

/** The Highlight API painter when the browser has the API, else overlay boxes. */
export function createPainter(document: Document, host: () => UiHost, api: HighlightApi | null = nativeHighlightApi()): Painter {
  return api ? createHighlightPainter(document, api) : createOverlayPainter(document, host);
}

function byBand(found: readonly LocatedFinding[]): BandRanges {
  const bands = new Map<Severity, Range[]>();
  for (const located of found) {
    const ranges = bands.get(located.band) ?? [];
    ranges.push(...located.pieces);
    bands.set(located.band, ranges);
  }
  return bands;
}

/** The findings shown on the page, and whether the user wants them marked. */
export class Highlights {
  private found: readonly LocatedFinding[] = [];
  private on = true;

  constructor(private readonly painter: Painter) {}

  get enabled(): boolean {
    return this.on;
  }

  get findings(): readonly LocatedFinding[] {
    return this.found;
  }

  show(found: readonly LocatedFinding[]): void {
    this.found = found;
    this.repaint();
  }

  setEnabled(on: boolean): void {
    this.on = on;
    this.repaint();
  }

  /** A finding the user asked to see: flashed even when the marks are off. */
  flash(located: LocatedFinding): void {
    this.painter.flash(located.pieces, FLASH_MS);
  }

  find(id: string): LocatedFinding | undefined {
    return this.found.find((located) => located.finding.id === id);
  }

  clear(): void {
    this.show([]);
  }

  private repaint(): void {
    if (this.on && this.found.length > 0) this.painter.paint(byBand(this.found));
    else this.painter.clear();
  }
}
