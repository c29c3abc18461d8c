// @vitest-environment happy-dom
// highlight.ts, overlay.ts, locate.ts: findings marked on the page, without touching its text.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FLASH_MS, Highlights, createPainter, highlightName, nativeHighlightApi } from '../../../extension/content/highlight';
import { createUiHost, type UiHost } from '../../../extension/content/host';
import { isInsideEditable } from '../../../extension/content/elements';
import { locateFindings } from '../../../extension/content/locate';
import { createOverlayPainter } from '../../../extension/content/overlay';
import { extracted, fakeHighlightScope, findingOn, fixture, loadPage, stubRects } from './helpers';

async function articlePage() {
  const document = loadPage(fixture('content/article-with-chrome.html'));
  const page = await extracted(document);
  const findings = [
    findingOn(page.map.text, 'Engineers replaced forty-two corroded beams and resurfaced the entire carriageway, the city\'s transport office said.', { severity: 0.9 }),
    findingOn(page.map.text, 'Commuters had faced detours of up to forty minutes while the bridge was closed, and local shops reported a drop in visitors.', { severity: 0.3 }),
    findingOn(page.map.text, 'It is expected to take six weeks.', { severity: 0.05 }),
    findingOn(page.title, 'Harbour bridge reopens after repairs', { isHeadline: true, label: 'clickbait', severity: 0.7 }),
  ];
  return { document, page, findings, located: locateFindings(findings, page) };
}

/** A UiHost whose layers the test can look into (the real one's shadow root is closed). */
function openHost(document: Document): UiHost {
  const overlay = document.createElement('div');
  const cards = document.createElement('div');
  document.body.append(overlay, cards);
  return { element: overlay, overlay, cards, attach: () => undefined, remove: () => undefined };
}


/** Overlay boxes: the children of the painter's layers. */
const boxesIn = (host: UiHost) => Array.from(host.overlay.children).flatMap((layer) => Array.from(layer.children)) as HTMLElement[];

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('locating findings', () => {
  it('finds every sentence, and the headline in its heading', async () => {
    const { located } = await articlePage();
    expect(located.map((l) => [l.band, l.range.toString().replace(/\s+/g, ' ')])).toEqual([
      ['high', "Engineers replaced forty-two corroded beams and resurfaced the entire carriageway, the city's transport office said."],
      ['medium', 'Commuters had faced detours of up to forty minutes while the bridge was closed, and local shops reported a drop in visitors.'],
      ['low', 'It is expected to take six weeks.'],
      ['high', 'Harbour bridge reopens after repairs'],
    ]);
    expect(located[3].range.startContainer.parentElement!.localName).toBe('h1');
  });

  it('drops findings whose text is no longer on the page, or has become editable', async () => {
    const { document, page, findings } = await articlePage();
    document.querySelector('b')!.textContent = 'many';
    const quote = Array.from(document.querySelectorAll('article p')).find((p) => p.textContent!.startsWith('"We are relieved'))!;
    quote.setAttribute('contenteditable', 'true');
    const typed = findingOn(page.map.text, '"We are relieved & grateful," said Maria Lopez, who runs a café near the northern ramp.');
    expect(locateFindings([findings[0], typed, findings[1]], page).map((l) => l.finding.id)).toEqual([findings[1].id]);
  });

  it('ignores findings with offsets it cannot use', async () => {
    const { page, findings } = await articlePage();
    const broken = [
      { ...findings[0], sentence: { start: -5, end: 10, text: 'x' } },
      { ...findings[0], sentence: { start: 0, end: 1e9, text: 'x' } },
      { ...findings[0], sentence: null as never },
      { ...findings[0], sentence: { ...findings[0].sentence, text: 'Something else entirely.' } },
    ];
    expect(locateFindings(broken, page)).toEqual([]);
  });
});

describe('with the CSS Custom Highlight API', () => {
  it('registers one highlight per severity band over the sentences, leaving the page unchanged', async () => {
    const { document, located } = await articlePage();
    const before = document.body.innerHTML;
    const { registry, scope } = fakeHighlightScope();
    const highlights = new Highlights(createPainter(document, () => createUiHost(document), nativeHighlightApi(scope)));
    highlights.show(located);
    expect([...registry.keys()].sort()).toEqual(['unspin-high', 'unspin-low', 'unspin-medium']);
    expect([...registry.get('unspin-high')!].map(String).join('|')).toContain('Harbour bridge reopens after repairs');
    expect([...registry.get('unspin-low')!].map(String).join('')).toBe('It is expected to take six weeks.');
    // Marks only: the page's DOM and text are as they were (the <style> goes in <head>).
    expect(document.body.innerHTML).toBe(before);
  });

  it('adds its ::highlight styles once, coloured per band', async () => {
    const { document, located } = await articlePage();
    const { scope } = fakeHighlightScope();
    const highlights = new Highlights(createPainter(document, () => createUiHost(document), nativeHighlightApi(scope)));
    highlights.show(located);
    highlights.show(located);
    highlights.setEnabled(false);
    highlights.setEnabled(true);
    const styles = Array.from(document.head.querySelectorAll('style')).filter((style) => style.textContent!.includes('::highlight(unspin-'));
    expect(styles).toHaveLength(1);
    for (const name of ['low', 'medium', 'high', 'focus']) expect(styles[0].textContent).toContain(`::highlight(${highlightName(name as 'low')})`);
  });

  it('removes the marks when switched off, and puts them back when switched on', async () => {
    const { document, located } = await articlePage();
    const { registry, scope } = fakeHighlightScope();
    const highlights = new Highlights(createPainter(document, () => createUiHost(document), nativeHighlightApi(scope)));
    highlights.show(located);
    highlights.setEnabled(false);
    expect(registry.size).toBe(0);
    expect(highlights.enabled).toBe(false);
    highlights.show(located); // a rescan while off stays off
    expect(registry.size).toBe(0);
    highlights.setEnabled(true);
    expect(registry.size).toBe(3);
    highlights.clear();
    expect(registry.size).toBe(0);
  });

  it('flashes a focused finding above the others, then lets it go', async () => {
    vi.useFakeTimers();
    const { document, located } = await articlePage();
    const { registry, scope } = fakeHighlightScope();
    const highlights = new Highlights(createPainter(document, () => createUiHost(document), nativeHighlightApi(scope)));
    highlights.setEnabled(false);
    highlights.flash(located[1]);
    const focus = registry.get('unspin-focus')!;
    expect(focus.priority).toBeGreaterThan(0);
    expect([...focus].map(String).join('').replace(/\s+/g, ' ')).toContain('Commuters had faced detours');
    vi.advanceTimersByTime(FLASH_MS);
    expect(registry.has('unspin-focus')).toBe(false);
  });

  it('never marks anything inside an editable region or a form control', async () => {
    const document = loadPage(fixture('content/editor.html'));
    const page = await extracted(document);
    const sentences = ['Your note: will be kept for later use by the editor.', 'Main Street will be closed between the station and the market square from Tuesday to Thursday.'];
    const { registry, scope } = fakeHighlightScope();
    const highlights = new Highlights(createPainter(document, () => createUiHost(document), nativeHighlightApi(scope)));
    highlights.show(locateFindings(sentences.map((s) => findingOn(page.map.text, s)), page));
    const ranges = [...registry.values()].flatMap((highlight) => [...highlight]);
    expect(ranges.length).toBeGreaterThan(1);
    for (const range of ranges) {
      expect(isInsideEditable(range.startContainer)).toBe(false);
      expect(range.toString()).not.toContain('INLINE EDITABLE');
    }
  });
});

describe('without the Highlight API', () => {
  it('is detected as missing', () => {
    expect(nativeHighlightApi({})).toBeNull();
    expect(nativeHighlightApi({ CSS: {} })).toBeNull();
  });

  it('draws underline boxes in its own layer from the ranges\' line boxes, leaving the page unchanged', async () => {
    const { document, located } = await articlePage();
    const before = document.querySelector('article')!.innerHTML;
    stubRects(document);
    const host = openHost(document);
    const highlights = new Highlights(createOverlayPainter(document, () => host));
    highlights.show(located);
    const boxes = boxesIn(host);
    const pieces = located.reduce((sum, l) => sum + l.pieces.length, 0);
    expect(boxes).toHaveLength(pieces);
    expect(boxes[0].style.getPropertyValue('position')).toBe('absolute');
    expect(boxes.some((box) => box.style.getPropertyValue('border-bottom').includes('dotted'))).toBe(true);
    expect(document.querySelector('article')!.innerHTML).toBe(before);

    highlights.setEnabled(false);
    expect(boxesIn(host)).toHaveLength(0);
  });

  it('chooses the overlay painter when the API is missing, and flashes with a box over the sentence', async () => {
    vi.useFakeTimers();
    const { document, located } = await articlePage();
    stubRects(document);
    const host = openHost(document);
    const highlights = new Highlights(createPainter(document, () => host, null));
    highlights.flash(located[0]);
    expect(boxesIn(host).length).toBeGreaterThan(0);
    vi.advanceTimersByTime(FLASH_MS);
    expect(boxesIn(host)).toHaveLength(0);
  });
});

describe("Unspin's host element", () => {
  it('keeps its contents in a closed shadow root, styled to resist the page', () => {
    const document = loadPage('<body><p>Text</p></body>');
    const host = createUiHost(document);
    expect(host.element.parentNode).toBe(document.documentElement);
    expect(host.element.shadowRoot).toBeNull();
    expect(host.element.style.getPropertyValue('all')).toBe('initial');
    expect(host.element.style.getPropertyPriority('z-index')).toBe('important');
    host.remove();
    host.attach();
    expect(host.element.isConnected).toBe(true);
  });
});
