// Fallback highlights for browsers without the Highlight API: thin boxes under each line of a
// sentence, drawn in Unspin's own shadow root from range.getClientRects(). The page's DOM is
// not touched. Boxes are placed in document coordinates and redrawn when the layout changes.
import type { UiHost } from './host';
import { MARKS, type MarkName, type MarkPainter, type MarkRanges } from './marks';
import { BAND_BACKGROUNDS, BAND_COLOURS, CLAIM_BACKGROUND, CLAIM_COLOUR, FOCUS_COLOUR, styled, type MarkStyle, type StyleMap } from './style';

const REDRAW_DELAY_MS = 150;
const UNDERLINE_PX = 2;

/** The underline of each mark: bands as in highlight.ts, claims thinner, dotted and lower. */
function lineOf(mark: MarkName): { line: string; px: number; offset: number } {
  if (mark === 'claim') return { line: `${UNDERLINE_PX}px dotted ${CLAIM_COLOUR}`, px: UNDERLINE_PX, offset: 2 };
  return { line: `${UNDERLINE_PX}px ${mark === 'low' ? 'dotted' : 'solid'} ${BAND_COLOURS[mark]}`, px: UNDERLINE_PX, offset: 0 };
}

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

function boxesOf(ranges: readonly Range[], view: Window): Box[] {
  const boxes: Box[] = [];
  for (const range of ranges) {
    for (const rect of Array.from(range.getClientRects())) {
      if (rect.width < 1 || rect.height < 1) continue;
      boxes.push({ left: rect.left + view.scrollX, top: rect.top + view.scrollY, width: rect.width, height: rect.height });
    }
  }
  return boxes;
}

function drawBoxes(document: Document, layer: HTMLElement, boxes: Box[], style: (box: Box) => StyleMap): void {
  for (const box of boxes) layer.append(styled(document, 'div', { position: 'absolute', left: `${box.left}px`, width: `${box.width}px`, 'pointer-events': 'none', ...style(box) }));
}

export function createOverlayPainter(document: Document, host: () => UiHost): MarkPainter & { setStyle(style: MarkStyle): void } {
  const view = document.defaultView ?? window;
  let bands: MarkRanges = new Map();
  let bandLayer: HTMLElement | null = null;
  let redrawTimer: ReturnType<typeof setTimeout> | undefined;
  let watching = false;
  let markStyle: MarkStyle = 'underline';

  const layer = (): HTMLElement => {
    const ui = host();
    ui.attach();
    const element = styled(document, 'div', { position: 'absolute', top: 0, left: 0 });
    ui.overlay.append(element);
    return element;
  };

  const draw = () => {
    bandLayer?.remove();
    bandLayer = null;
    if (bands.size === 0) return;
    // Read every rectangle first, then write: one layout, not one per box.
    const measured = MARKS.map((mark) => [mark, boxesOf(bands.get(mark) ?? [], view)] as const);
    bandLayer = layer();
    for (const [mark, boxes] of measured) {
      if (markStyle === 'background') {
        const background = mark === 'claim' ? CLAIM_BACKGROUND : BAND_BACKGROUNDS[mark];
        drawBoxes(document, bandLayer, boxes, (box) => ({ top: `${box.top}px`, height: `${box.height}px`, background }));
        continue;
      }
      const { line, px, offset } = lineOf(mark);
      drawBoxes(document, bandLayer, boxes, (box) => ({ top: `${box.top + box.height - px + offset}px`, height: 0, 'border-bottom': line }));
    }
  };

  const scheduleRedraw = () => {
    clearTimeout(redrawTimer);
    redrawTimer = setTimeout(draw, REDRAW_DELAY_MS);
  };

  const watchLayout = () => {
    if (watching) return;
    watching = true;
    view.addEventListener('resize', scheduleRedraw, { passive: true });
    if (typeof ResizeObserver === 'function' && document.body) new ResizeObserver(scheduleRedraw).observe(document.body);
  };

  return {
    setStyle(next) {
      markStyle = next;
      draw();
    },
    paint(next) {
      bands = next;
      watchLayout();
      draw();
    },
    flash(ranges, ms) {
      const flashLayer = layer();
      drawBoxes(document, flashLayer, boxesOf(ranges, view), (box) => ({ top: `${box.top}px`, height: `${box.height}px`, background: FOCUS_COLOUR }));
      setTimeout(() => flashLayer.remove(), ms);
    },
    clear() {
      bands = new Map();
      draw();
    },
  };
}
