// @vitest-environment happy-dom
// overlay.ts, clip.ts, relayout.ts: marks drawn as boxes in Unspin's closed shadow root, following
// the text when an inner box scrolls or the page changes, and never drawn where the text can't be seen.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createUiHost } from '../../../extension/content/host';
import { markName, type MarkName } from '../../../extension/content/marks';
import { createOverlayPainter } from '../../../extension/content/overlay';
import { BAND_BACKGROUNDS, CLAIM_COLOUR, FOCUS_COLOUR } from '../../../extension/content/style';
import { captureShadowRoots, domRect, drawnBoxes, loadPage } from './helpers';

type Rect = { left: number; top: number; width: number; height: number };

const PAGE = `<body><article>
<p id="first">The council wasted money again, said nobody in particular.</p>
<div id="inner"><p id="scrolled">Crooks and liars run this town, the flyer said.</p></div>
<p id="quiet">The library opens at nine.</p>
</article><aside id="elsewhere"><p>Weather: sunny.</p></aside></body>`;

/** A page, a painter on Unspin's real host, and line boxes per text node that the test can move. */
function setup() {
  const document = loadPage(PAGE);
  const view = document.defaultView!;
  for (const [size, value] of [['scrollHeight', 4000], ['scrollWidth', 1024], ['clientHeight', 768], ['clientWidth', 1024]] as const) Object.defineProperty(document.documentElement, size, { value, configurable: true });
  const rects = new Map<Node, Rect[]>();
  const RangeClass = (view as unknown as { Range: typeof Range }).Range;
  const getClientRects = vi.spyOn(RangeClass.prototype, 'getClientRects').mockImplementation(function (this: Range) {
    return (rects.get(this.startContainer) ?? []).map(domRect) as unknown as DOMRectList;
  });
  const roots = captureShadowRoots(document);
  const painter = createOverlayPainter(document, () => (host ??= createUiHost(document)));
  let host: ReturnType<typeof createUiHost> | undefined;
  const textOf = (id: string) => document.getElementById(id)!.firstChild!;
  const rangeOf = (id: string) => {
    const range = document.createRange();
    range.selectNodeContents(textOf(id));
    return range;
  };
  const boxes = (kind?: string) => drawnBoxes(roots).filter((box) => !kind || box.dataset.mark === kind);
  const place = (box: HTMLElement) => ({ left: parseFloat(box.style.left), top: parseFloat(box.style.top), width: parseFloat(box.style.width), height: parseFloat(box.style.height) });
  const nextFrame = () => new Promise((resolve) => view.requestAnimationFrame(resolve));
  const trusted = <E extends Event>(event: E) => Object.defineProperty(event, 'isTrusted', { value: true });
  return { document, view, rects, getClientRects, painter, textOf, rangeOf, boxes, place, nextFrame, trusted };
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('the overlay painter', () => {
  it('draws a box under each line of each mark, in its closed shadow root, and lists the ranges', () => {
    const { document, rects, painter, textOf, rangeOf, boxes, place } = setup();
    rects.set(textOf('first'), [{ left: 10, top: 20, width: 300, height: 18 }, { left: 10, top: 40, width: 120, height: 18 }]);
    const before = document.body.innerHTML;
    const first = rangeOf('first');
    painter.paint(new Map([['high', [first]]]));
    expect(boxes('high').map(place)).toEqual([
      { left: 10, top: 36, width: 300, height: 0 },
      { left: 10, top: 56, width: 120, height: 0 },
    ]);
    expect(boxes()[0].style.getPropertyValue('pointer-events')).toBe('none');
    expect(boxes()[0].style.getPropertyValue('border-bottom-style')).toBe('solid');
    expect([...painter.painted]).toEqual([[markName('high'), [first]]]);
    expect(painter.boxes).toBe(2);
    // The page's own DOM is untouched; its host (with a closed root) is all the page can see.
    expect(document.body.innerHTML).toBe(before);
    const host = Array.from(document.documentElement.children).find((element) => element.localName === 'div')!;
    expect(host.shadowRoot).toBeNull();
    expect(document.querySelectorAll('style')).toHaveLength(0);
  });

  it('draws each band and claims apart, as underlines or backgrounds', () => {
    const { rects, painter, textOf, rangeOf, boxes } = setup();
    for (const id of ['first', 'scrolled', 'quiet']) rects.set(textOf(id), [{ left: 0, top: 0, width: 100, height: 18 }]);
    const marks = new Map<MarkName, Range[]>([['low', [rangeOf('first')]], ['medium', [rangeOf('scrolled')]], ['claim', [rangeOf('quiet')]]]);
    painter.paint(marks);
    const line = (kind: string) => [boxes(kind)[0].style.getPropertyValue('border-bottom-style'), boxes(kind)[0].style.getPropertyValue('border-bottom-color')];
    expect(line('low')[0]).toBe('dotted');
    expect(line('medium')[0]).toBe('solid');
    expect(line('claim')).toEqual(['dotted', CLAIM_COLOUR]);

    painter.setStyle('background');
    expect(boxes()).toHaveLength(3);
    expect(boxes('medium')[0].style.getPropertyValue('background')).toBe(BAND_BACKGROUNDS.medium.replace(/,(?! )/g, ', '));
    expect(boxes('medium')[0].style.getPropertyValue('height')).toBe('18px');
    expect(boxes('claim')[0].style.getPropertyValue('border-bottom-style')).toBe('');
  });

  it('flashes a focused range above the marks for a while, even with no marks', () => {
    vi.useFakeTimers();
    const { rects, painter, textOf, rangeOf, boxes } = setup();
    rects.set(textOf('first'), [{ left: 0, top: 0, width: 100, height: 18 }]);
    rects.set(textOf('quiet'), [{ left: 0, top: 50, width: 100, height: 18 }]);
    painter.paint(new Map([['high', [rangeOf('first')]]]));
    painter.flash([rangeOf('quiet')], 1000);
    expect(boxes().map((box) => box.dataset.mark)).toEqual(['high', 'focus']);
    expect(boxes('focus')[0].style.getPropertyValue('background')).toBe(FOCUS_COLOUR.replace(/,(?! )/g, ', '));
    expect(painter.painted.has(markName('focus'))).toBe(true);
    // Clearing the marks leaves the flash; its time up, it goes.
    painter.clear();
    expect(boxes().map((box) => box.dataset.mark)).toEqual(['focus']);
    vi.advanceTimersByTime(1000);
    expect(boxes()).toEqual([]);
    expect(painter.painted.size).toBe(0);
  });

  it('clear() removes every box and stops following the layout', async () => {
    const { document, view, rects, getClientRects, painter, textOf, rangeOf, boxes, nextFrame } = setup();
    rects.set(textOf('first'), [{ left: 0, top: 0, width: 100, height: 18 }]);
    painter.paint(new Map([['high', [rangeOf('first')]]]));
    painter.clear();
    expect(boxes()).toEqual([]);
    expect(painter.painted.size).toBe(0);
    const reads = getClientRects.mock.calls.length;
    view.dispatchEvent(new view.Event('resize'));
    document.getElementById('first')!.append(' More.');
    await nextFrame();
    expect(getClientRects.mock.calls.length).toBe(reads);
  });
});

describe('following the layout', () => {
  it('redraws when an inner box holding a mark scrolls, not when the page or another box does', async () => {
    const { document, view, rects, getClientRects, painter, textOf, rangeOf, boxes, place, nextFrame, trusted } = setup();
    rects.set(textOf('scrolled'), [{ left: 10, top: 200, width: 300, height: 18 }]);
    painter.paint(new Map([['high', [rangeOf('scrolled')]]]));
    expect(place(boxes()[0]).top).toBe(216);

    // The text moves up by 150 px as its box scrolls.
    rects.set(textOf('scrolled'), [{ left: 10, top: 50, width: 300, height: 18 }]);
    document.getElementById('elsewhere')!.dispatchEvent(trusted(new view.Event('scroll')));
    document.dispatchEvent(trusted(new view.Event('scroll')));
    await nextFrame();
    expect(place(boxes()[0]).top).toBe(216);
    // A made-up scroll event is not the page scrolling.
    document.getElementById('inner')!.dispatchEvent(new view.Event('scroll'));
    await nextFrame();
    expect(place(boxes()[0]).top).toBe(216);

    const reads = getClientRects.mock.calls.length;
    const inner = document.getElementById('inner')!;
    for (let i = 0; i < 5; i++) inner.dispatchEvent(trusted(new view.Event('scroll')));
    await nextFrame();
    expect(place(boxes()[0]).top).toBe(66);
    // Five scroll events in a frame: one redraw.
    expect(getClientRects.mock.calls.length).toBe(reads + 1);
    expect(boxes()).toHaveLength(1);
  });

  it('redraws on a window resize and on DOM changes near the marks, not far from them', async () => {
    const { document, view, rects, painter, textOf, rangeOf, boxes, place, nextFrame } = setup();
    rects.set(textOf('quiet'), [{ left: 10, top: 300, width: 300, height: 18 }]);
    painter.paint(new Map([['low', [rangeOf('quiet')]]]));
    rects.set(textOf('quiet'), [{ left: 10, top: 340, width: 300, height: 18 }]);

    document.querySelector('#elsewhere p')!.textContent = 'Weather: rain.';
    await nextFrame();
    await nextFrame();
    expect(place(boxes()[0]).top).toBe(316);

    // A paragraph added above, in the same article: the mark moved.
    document.getElementById('first')!.before(document.createElement('p'));
    await vi.waitFor(() => expect(place(boxes()[0]).top).toBe(356));

    rects.set(textOf('quiet'), [{ left: 10, top: 100, width: 300, height: 18 }]);
    view.dispatchEvent(new view.Event('resize'));
    await vi.waitFor(() => expect(place(boxes()[0]).top).toBe(116));
  });
  it('redraws a page that keeps changing at most every 100 ms, the last change included', async () => {
    const { document, rects, getClientRects, painter, textOf, rangeOf, boxes, place, nextFrame } = setup();
    rects.set(textOf('quiet'), [{ left: 10, top: 300, width: 300, height: 18 }]);
    painter.paint(new Map([['low', [rangeOf('quiet')]]]));
    const article = document.querySelector('article')!;
    const reads = getClientRects.mock.calls.length;
    const started = performance.now();
    for (let i = 0; i < 20; i++) {
      rects.set(textOf('quiet'), [{ left: 10, top: 300 + i, width: 300, height: 18 }]);
      article.append(document.createElement('span'));
      await new Promise((resolve) => setTimeout(resolve, 10));
      await nextFrame();
    }
    await vi.waitFor(() => expect(place(boxes()[0]).top).toBe(300 + 19 + 16));
    const redraws = getClientRects.mock.calls.length - reads;
    const bursts = Math.ceil((performance.now() - started) / 100);
    expect(redraws).toBeGreaterThanOrEqual(2);
    expect(redraws).toBeLessThanOrEqual(bursts + 1);
  });
});

describe('with very many marks', () => {
  it('draws only the boxes within a viewport and a half of the viewport, and redraws after a viewport of page scroll', async () => {
    const { document, view, painter, boxes, nextFrame, trusted } = setup();
    const article = document.querySelector('article')!;
    const ranges: Range[] = [];
    for (let i = 0; i < 500; i++) {
      const p = article.appendChild(document.createElement('p'));
      p.textContent = `Sentence ${i}.`;
      const range = document.createRange();
      range.selectNodeContents(p.firstChild!);
      ranges.push(range);
    }
    // Line i at y = 40 i in the document (20,000 px tall), wherever the page is scrolled; the layer's origin scrolls with it.
    let scrollY = 0;
    Object.defineProperty(view, 'scrollY', { get: () => scrollY, configurable: true });
    Object.defineProperty(document.documentElement, 'scrollHeight', { value: 20_000, configurable: true });
    const ElementClass = (view as unknown as { HTMLElement: typeof HTMLElement }).HTMLElement;
    vi.spyOn(ElementClass.prototype, 'getBoundingClientRect').mockImplementation(() => domRect({ left: 0, top: -scrollY, width: 0, height: 0 }));
    const RangeClass = (view as unknown as { Range: typeof Range }).Range;
    vi.spyOn(RangeClass.prototype, 'getClientRects').mockImplementation(function (this: Range) {
      const i = ranges.indexOf(this);
      return (i < 0 ? [] : [domRect({ left: 10, top: i * 40 - scrollY, width: 200, height: 18 })]) as unknown as DOMRectList;
    });
    painter.paint(new Map([['medium', ranges]]));
    // The viewport is 768 px tall: lines from -1152 to 1920 px are drawn.
    const shown = () => boxes().map((box) => Math.round((parseFloat(box.style.top) + 2 - 18) / 40));
    expect(shown()).toEqual(Array.from({ length: 49 }, (_, i) => i));
    expect(painter.painted.get(markName('medium'))).toHaveLength(500);

    scrollY = 700;
    document.dispatchEvent(trusted(new view.Event('scroll')));
    await nextFrame();
    expect(shown()).toHaveLength(49);
    scrollY = 4000;
    document.dispatchEvent(trusted(new view.Event('scroll')));
    await nextFrame();
    expect(shown()[0]).toBe(Math.ceil((4000 - 1152 - 18) / 40));
    expect(shown().at(-1)).toBe(Math.floor((4000 + 1920) / 40));
  });
});

describe('where the text is out of sight', () => {
  it('draws only the part of a line inside its scrolling box', () => {
    const { document, view, rects, painter, textOf, rangeOf, boxes, place } = setup();
    const inner = document.getElementById('inner')!;
    // The inner box: overflow auto, 100 px tall at y = 100, 200 px wide (happy-dom computes no overflow or boxes).
    const computed = view.getComputedStyle.bind(view);
    vi.spyOn(view, 'getComputedStyle').mockImplementation((element: Element) => {
      const style = computed(element);
      return element === inner ? ({ ...style, display: 'block', position: 'static', contain: 'none', overflowX: 'auto', overflowY: 'auto' } as CSSStyleDeclaration) : style;
    });
    vi.spyOn(inner, 'getBoundingClientRect').mockReturnValue(domRect({ left: 0, top: 100, width: 210, height: 110 }));
    for (const [size, value] of [['clientLeft', 5], ['clientTop', 5], ['clientWidth', 200], ['clientHeight', 100]] as const) Object.defineProperty(inner, size, { value, configurable: true });
    const line = (top: number) => ({ left: 50, top, width: 300, height: 18 });
    rects.set(textOf('scrolled'), [line(80), line(150), line(198), line(400)]);
    painter.paint(new Map([['high', [rangeOf('scrolled')]]]));
    painter.setStyle('background');
    // Above the box: hidden; inside: cut at its right edge (5 + 200); across its bottom: cut; below: hidden.
    expect(boxes().map(place)).toEqual([
      { left: 50, top: 150, width: 155, height: 18 },
      { left: 50, top: 198, width: 155, height: 7 },
    ]);
  });

  it('never draws past the end of the document (the page would scroll further)', () => {
    const { document, rects, painter, textOf, rangeOf, boxes, place } = setup();
    Object.defineProperty(document.documentElement, 'scrollHeight', { value: 500, configurable: true });
    rects.set(textOf('quiet'), [{ left: 10, top: 490, width: 300, height: 18 }]);
    painter.paint(new Map([['claim', [rangeOf('quiet')]]]));
    const [underline] = boxes();
    // The underline ends at the document's end, not 8 px below it.
    expect(place(underline).top + parseFloat(underline.style.getPropertyValue('border-bottom-width'))).toBe(500);
  });

  it('draws nothing for text that has no line box (hidden) or left the page', () => {
    const { document, rects, painter, textOf, rangeOf, boxes } = setup();
    rects.set(textOf('first'), []);
    const gone = rangeOf('quiet');
    rects.set(textOf('quiet'), [{ left: 10, top: 10, width: 100, height: 18 }]);
    document.getElementById('quiet')!.remove();
    painter.paint(new Map([['high', [rangeOf('first'), gone]]]));
    expect(boxes()).toEqual([]);
    expect(painter.painted.get(markName('high'))).toHaveLength(2);
  });
});
