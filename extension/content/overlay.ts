// Highlights as boxes drawn in Unspin's CLOSED shadow root (host.ts), from each range's line boxes.
// Nothing the page can reach changes: not its DOM or text, not the document's CSS.highlights
// registry (which page scripts can list, read and edit), so a page can neither learn which of its
// sentences were flagged nor remove or forge the marks. Boxes sit in document coordinates, so a
// page scroll moves them with the text for free; scrolling an inner box that holds marks, a resize,
// a layout change, fonts loading and DOM changes near the marks redraw them, at most once a frame.
// A redraw reads every line box first, then builds one detached layer and swaps it in.
import { ClipReader, type Edges } from './clip';
import type { UiHost } from './host';
import { MARKS, markName, type MarkName, type MarkPainter, type MarkRanges, type PaintedMarks } from './marks';
import { watchLayout } from './relayout';
import { BAND_BACKGROUNDS, BAND_COLOURS, CLAIM_BACKGROUND, CLAIM_COLOUR, FOCUS_COLOUR, type MarkStyle } from './style';

const UNDERLINE_PX = 2;
const FOCUS = 'focus';
/**
 * Up to this many boxes, all are drawn and a page scroll costs nothing. Beyond (a long article with
 * hundreds of flagged sentences), only those within BAND_VIEWPORTS viewport heights of the viewport
 * are: creating a thousand elements is most of a redraw's cost, and a page scroll redraws only once
 * it has moved a viewport height since the last redraw.
 */
const DRAW_ALL_UP_TO = 400;
const BAND_VIEWPORTS = 1.5;

type BoxKind = MarkName | typeof FOCUS;

/** The inline style of one box, in layer coordinates. */
function boxCss(kind: BoxKind, style: MarkStyle, box: Edges): string {
  const place = `position:absolute;pointer-events:none;margin:0;padding:0;left:${box.left}px;width:${box.right - box.left}px;`;
  if (kind === FOCUS || style === 'background') {
    const colour = kind === FOCUS ? FOCUS_COLOUR : kind === 'claim' ? CLAIM_BACKGROUND : BAND_BACKGROUNDS[kind];
    return `${place}top:${box.top}px;height:${box.bottom - box.top}px;background:${colour};`;
  }
  // Underlines inside the text's own box (never below it: that could lengthen the page). Claims
  // are context, not findings: dotted in their own colour; weak findings dotted, the others solid.
  const line = kind === 'claim' ? `dotted ${CLAIM_COLOUR}` : `${kind === 'low' ? 'dotted' : 'solid'} ${BAND_COLOURS[kind]}`;
  const px = Math.min(UNDERLINE_PX, box.bottom - box.top);
  return `${place}top:${box.bottom - px}px;height:0;border:0;border-bottom:${px}px ${line};`;
}

/** One mark's boxes (viewport coordinates), read before anything is written: one layout for the whole redraw. */
interface Measured {
  kind: BoxKind;
  boxes: Edges[];
}

/** Every visible line box of these ranges, by kind, in viewport coordinates; and whether any is pinned. */
function measureMarks(document: Document, groups: readonly (readonly [BoxKind, readonly Range[]])[]): { measured: Measured[]; pinned: boolean } {
  const clips = new ClipReader(document);
  let pinned = false;
  const measured = groups.map(([kind, ranges]) => {
    const boxes: Edges[] = [];
    for (const range of ranges) {
      const container = range.startContainer.parentElement;
      if (!container || !range.startContainer.isConnected) continue;
      const seen = clips.visible(range.getClientRects(), container);
      pinned ||= seen.pinned && seen.boxes.length > 0;
      boxes.push(...seen.boxes);
    }
    return { kind, boxes };
  });
  return { measured, pinned };
}

interface LayerOptions {
  /** The layer's origin in viewport coordinates. */
  origin: DOMRect;
  /** Whether a mark's box is near enough to the viewport to be drawn. */
  near: (box: Edges) => boolean;
  style: MarkStyle;
}

/** A detached layer with one element per box, in layer coordinates. */
function buildLayer(document: Document, measured: readonly Measured[], { origin, near, style }: LayerOptions): HTMLElement {
  const layer = document.createElement('div');
  layer.style.cssText = 'position:absolute;top:0;left:0;width:0;height:0;pointer-events:none;';
  // Decoration only: the card says what a mark means.
  layer.setAttribute('aria-hidden', 'true');
  for (const { kind, boxes } of measured) {
    for (const box of boxes) {
      // The focus flash is always drawn whole: "Show in page" scrolls to it.
      if (kind !== FOCUS && !near(box)) continue;
      const element = document.createElement('div');
      // Inside the closed shadow root no page rule reaches these: plain inline styles, set
      // through the CSSOM (allowed under any page CSP), in one assignment each.
      element.style.cssText = boxCss(kind, style, { left: box.left - origin.left, top: box.top - origin.top, right: box.right - origin.left, bottom: box.bottom - origin.top });
      element.dataset.mark = kind;
      layer.append(element);
    }
  }
  return layer;
}

export interface OverlayPainter extends MarkPainter {
  /** Redraws now (tests; the layout watcher schedules its own). */
  redraw(): void;
  /** How many boxes the last redraw drew. */
  readonly boxes: number;
}

export function createOverlayPainter(document: Document, host: () => UiHost): OverlayPainter {
  const view = document.defaultView ?? window;
  const painted = new Map<string, readonly Range[]>();
  let marks: MarkRanges = new Map();
  let focus: readonly Range[] = [];
  let focusTimer: ReturnType<typeof setTimeout> | undefined;
  let markStyle: MarkStyle = 'underline';
  let layer: HTMLElement | null = null;
  let drawn = 0;
  let drawMs = 0;
  /** Some mark is in a fixed or sticky box: page scrolls move it, they redraw. */
  let pinned = false;
  /** Where the page was scrolled when only the boxes near the viewport were drawn (null: all were). */
  let bandAt: number | null = null;
  /** Everything that holds a mark: scrolling or changing one of them may move the marks. */
  let holders = new Set<Node>();
  let stopWatching: (() => void) | null = null;

  let frame = 0;
  const hasMarks = () => painted.size > 0;

  /** Draws now (a redraw already scheduled is then moot), timed. */
  const draw = () => {
    view.cancelAnimationFrame(frame);
    frame = 0;
    const started = performance.now();
    render();
    drawMs = performance.now() - started;
  };

  const render = () => {
    layer?.remove();
    layer = null;
    drawn = 0;
    pinned = false;
    bandAt = null;
    if (!hasMarks()) return;
    const ui = host();
    ui.attach();
    // Read: the layer's origin, then every visible line box. No writes until all is read.
    const origin = ui.overlay.getBoundingClientRect();
    const read = measureMarks(document, [...MARKS.map((mark) => [mark, marks.get(mark) ?? []] as const), [FOCUS, focus]]);
    pinned = read.pinned;
    const total = read.measured.reduce((sum, { boxes }) => sum + boxes.length, 0);
    const band = total > DRAW_ALL_UP_TO ? view.innerHeight * BAND_VIEWPORTS : Infinity;
    if (band !== Infinity) bandAt = view.scrollY;
    const near = (box: Edges) => box.bottom >= -band && box.top <= view.innerHeight + band;
    // Write: one detached layer, filled, then swapped in.
    layer = buildLayer(document, read.measured, { origin, near, style: markStyle });
    drawn = layer.childElementCount;
    ui.overlay.append(layer);
  };

  /** Redraws once, in the next frame, however many times the layout changed meanwhile. */
  const schedule = () => {
    frame ||= view.requestAnimationFrame(draw);
  };

  /** Only while something is painted: an idle page pays nothing. */
  const follow = () => {
    holders = holdersOf([...painted.values()]);
    if (!hasMarks()) {
      stopWatching?.();
      stopWatching = null;
      return;
    }
    stopWatching ??= watchLayout(document, {
      changed: schedule,
      holds: (node) => holders.has(node),
      pageScrolled: () => {
        if (pinned || (bandAt !== null && Math.abs(view.scrollY - bandAt) > view.innerHeight)) schedule();
      },
    });
  };

  const update = () => {
    painted.clear();
    for (const mark of MARKS) {
      const ranges = marks.get(mark) ?? [];
      if (ranges.length > 0) painted.set(markName(mark), ranges);
    }
    if (focus.length > 0) painted.set(markName(FOCUS), focus);
    follow();
    draw();
  };

  return {
    painted: painted as PaintedMarks,
    get boxes() {
      return drawn;
    },
    get drawMs() {
      return drawMs;
    },
    redraw: draw,
    setStyle(next) {
      if (next === markStyle) return;
      markStyle = next;
      if (hasMarks()) draw();
    },
    paint(next) {
      marks = next;
      update();
    },
    flash(ranges, ms) {
      clearTimeout(focusTimer);
      focus = ranges;
      update();
      focusTimer = setTimeout(() => {
        focus = [];
        update();
      }, ms);
    },
    clear() {
      marks = new Map();
      update();
    },
  };
}

/** Every element above the marked text, up to the root (through shadow roots to their hosts). */
function holdersOf(rangeLists: readonly (readonly Range[])[]): Set<Node> {
  const holders = new Set<Node>();
  for (const ranges of rangeLists) {
    for (const range of ranges) {
      for (let node: Node | null = range.startContainer.parentNode; node && !holders.has(node); node = node.parentNode ?? (node as ShadowRoot).host ?? null) holders.add(node);
    }
  }
  return holders;
}
