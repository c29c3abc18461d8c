// @vitest-environment happy-dom
// card.ts and hover.ts: the card for a finding, and finding the finding under the pointer.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Card, cardContent, renderCard } from '../../../extension/content/card';
import type { UiHost } from '../../../extension/content/host';
import { caretAt, hitTest, watchPointer } from '../../../extension/content/hover';
import { locateFindings } from '../../../extension/content/locate';
import { describeLabel } from '../../../extension/ui/labels';
import { extracted, findingOn, fixture, loadPage, stubRects } from './helpers';

const ATTACK = 'The headline was <img src=x onerror=alert(1)> and people clicked it.';

async function inlinePage() {
  const document = loadPage(fixture('content/inline.html'));
  const page = await extracted(document);
  const finding = findingOn(page.map.text, ATTACK, {
    label: 'Name_Calling-Labeling',
    severity: 0.8,
    evidence: [
      { start: 0, end: 1, text: '<img src=x onerror=alert(1)>', weight: 2 },
      { start: 0, end: 1, text: 'clicked', weight: 0.5 },
      { start: 0, end: 1, text: 'people', weight: 1 },
      { start: 0, end: 1, text: 'clicked', weight: 0.4 },
    ],
  });
  const mayor = findingOn(page.map.text, 'The mayor said the new transit plan would cut commute times.', { severity: 0.1 });
  const located = locateFindings([finding, mayor], page);
  return { document, page, located };
}

function openHost(document: Document): UiHost {
  const cards = document.createElement('div');
  document.body.append(cards);
  return { element: cards, overlay: cards, cards, attach: () => undefined, remove: () => undefined };
}

const trusted = (event: Event) => Object.defineProperty(event, 'isTrusted', { value: true });

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('the card content', () => {
  it("says what was detected, why it matters and what to ask, in the label's plain words", async () => {
    const { located } = await inlinePage();
    const content = cardContent(located[0]);
    const text = describeLabel('Name_Calling-Labeling');
    expect(content).toEqual({
      name: text.name,
      signal: 'Strong signal',
      what: text.what,
      why: text.why,
      ask: text.ask,
      example: text.example,
      // Strongest first, each word once.
      evidence: ['<img src=x onerror=alert(1)>', 'people', 'clicked'],
      correction: text.restatement,
    });
  });

  it('falls back to general words for a label it does not know', async () => {
    const { located } = await inlinePage();
    const content = cardContent({ ...located[1], finding: { ...located[1].finding, label: 'not_a_label' as never } });
    expect(content.name).toBe('Possible manipulation');
    expect(content.signal).toBe('Weak signal');
  });

  it('shows page and model text as text, never as markup', async () => {
    const { document, located } = await inlinePage();
    const card = renderCard(document, cardContent(located[0]), 'high', () => undefined);
    expect(card.querySelector('img')).toBeNull();
    expect(card.textContent).toContain('“<img src=x onerror=alert(1)>”');
    expect(card.textContent).toContain(describeLabel('Name_Calling-Labeling').why);
    expect(card.textContent).toContain(`Neutral version: ${describeLabel('Name_Calling-Labeling').restatement}`);
    expect(card.textContent).toContain(describeLabel('Name_Calling-Labeling').example);
    expect(card.getAttribute('role')).toBe('dialog');
  });
});

describe('the card on the page', () => {
  it('opens next to its anchor, closes with its button, and is put back for the next finding', async () => {
    const { document, located } = await inlinePage();
    stubRects(document, [{ left: 40, top: 100, width: 300, height: 20 }]);
    const host = openHost(document);
    const card = new Card(document, () => host);
    card.show(located[0], located[0].range, { focus: false });
    const element = host.cards.firstElementChild as HTMLElement;
    expect(card.current).toBe(located[0]);
    expect(element.style.getPropertyValue('top')).toBe('126px');
    expect(element.style.getPropertyValue('left')).toBe('40px');
    element.querySelector('button')!.click();
    expect(card.current).toBeNull();
    expect(host.cards.children).toHaveLength(0);
    card.show(located[1], located[1].range, { focus: true });
    expect(host.cards.children).toHaveLength(1);
    expect(host.cards.textContent).toContain(describeLabel('Loaded_Language').name);
  });

  it('hides once its sentence has scrolled out of view', async () => {
    const { document, located } = await inlinePage();
    stubRects(document, [{ left: 40, top: -500, width: 300, height: 20 }]);
    const card = new Card(document, () => openHost(document));
    card.show(located[0], located[0].range, { focus: false });
    expect(card.current).toBeNull();
  });
});

describe('the finding under the pointer', () => {
  function pointAt(document: Document, node: Node, offset: number) {
    (document as unknown as { caretPositionFromPoint: unknown }).caretPositionFromPoint = () => ({ offsetNode: node, offset });
  }

  it('reads the character under the pointer with caretPositionFromPoint, or caretRangeFromPoint', () => {
    const document = loadPage('<body><p>Hello</p></body>');
    const text = document.querySelector('p')!.firstChild!;
    expect(caretAt(document, 1, 1)).toBeNull();
    const range = document.createRange();
    range.setStart(text, 2);
    (document as unknown as { caretRangeFromPoint: unknown }).caretRangeFromPoint = () => range;
    expect(caretAt(document, 1, 1)).toEqual({ node: text, offset: 2 });
    pointAt(document, text, 4);
    expect(caretAt(document, 1, 1)).toEqual({ node: text, offset: 4 });
  });

  it('is the finding whose text holds that character and whose line box holds the pointer', async () => {
    const { document, located } = await inlinePage();
    stubRects(document, [{ left: 10, top: 20, width: 200, height: 18 }]);
    const attackText = located[0].pieces[0].startContainer;
    pointAt(document, attackText, 5);
    const hit = hitTest(located, document, 50, 30);
    expect(hit?.located).toBe(located[0]);
    expect(hit?.anchor).toBe(located[0].pieces[0]);
    // The caret snaps to the nearest character even far beside the line: no hit there.
    expect(hitTest(located, document, 500, 30)).toBeNull();
    // A character outside every finding.
    pointAt(document, document.getElementById('entities')!.firstChild!, 2);
    expect(hitTest(located, document, 50, 30)).toBeNull();
  });

  it('follows trusted pointer moves only, at most once per throttle period', async () => {
    vi.useFakeTimers();
    const document = loadPage('<body><p>Text</p></body>');
    const seen: [number, number][] = [];
    const stop = watchPointer(document, (x, y) => seen.push([x, y]), 60);
    const View = document.defaultView as unknown as { MouseEvent: typeof MouseEvent };
    // A page script can make up events; they drive nothing.
    document.dispatchEvent(new View.MouseEvent('mousemove', { clientX: 1, clientY: 1 }));
    expect(seen).toEqual([]);
    for (let x = 10; x <= 50; x += 10) document.dispatchEvent(trusted(new View.MouseEvent('mousemove', { clientX: x, clientY: 5 })));
    expect(seen).toEqual([[10, 5]]);
    vi.advanceTimersByTime(60);
    expect(seen).toEqual([[10, 5], [50, 5]]);
    stop();
    document.dispatchEvent(trusted(new View.MouseEvent('mousemove', { clientX: 99, clientY: 5 })));
    vi.advanceTimersByTime(200);
    expect(seen).toHaveLength(2);
  });
});
