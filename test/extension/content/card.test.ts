// @vitest-environment happy-dom
// card.ts and hover.ts: the card for a finding, and finding the finding under the pointer.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Card, cardContent, MAX_CORRECTION, renderCard } from '../../../extension/content/card';
import { ContentScript } from '../../../extension/content/controller';
import type { UiHost } from '../../../extension/content/host';
import { caretAt, hitTest, watchPointer } from '../../../extension/content/hover';
import { locateAnalysis, locateFindings, type LocatedClaim } from '../../../extension/content/locate';
import { CLAIM_COLOUR } from '../../../extension/content/style';
import { describeLabel } from '../../../extension/ui/labels';
import { STRINGS } from '../../../extension/ui/strings';
import { BackgroundMessage, ContentMessage, type ContentRequest } from '../../../extension/messages';
import type { ClaimMatch } from '../../../model/claims';
import { QUOTATION_NOTE } from '../../../model/rewording';
import type { ClaimSentence, Finding } from '../../../model/types';
import { analysisWith, extracted, findingOn, fixture, instantSlicing, loadPage, stubRects } from './helpers';

vi.mock('webextension-polyfill', () => ({ default: { runtime: { id: 'unspin-test', sendMessage: vi.fn(), onMessage: { addListener: vi.fn(), removeListener: vi.fn() } } } }));

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

// ---------------------------------------------------------------------------------------------
// Suggestions and context: rewording diffs, quotation notes, spoilers, debunked-claim matches.

const MAYOR = 'The mayor said the new transit plan would cut commute times.';

function claimSentence(text: string, sentence: string, match: Partial<ClaimMatch> = {}): ClaimSentence {
  const start = text.indexOf(sentence);
  if (start < 0) throw new Error(`"${sentence}" is not in the text`);
  return { sentence: { start, end: start + sentence.length, text: sentence }, matches: [{ claim: 'The transit plan doubles commute times.', verdict: 'false', source: 'PolitiFact (LIAR)', url: 'https://www.politifact.com/factchecks/1', similarity: 0.7, ...match }] };
}

/** What a sighted reader sees: the text without the screen-reader-only labels. */
function visible(element: Element): string {
  const copy = element.cloneNode(true) as Element;
  for (const span of copy.querySelectorAll('.unspin-sr-only')) span.remove();
  return copy.textContent ?? '';
}

describe('a rewording in the card', () => {
  function reworded(rewording: NonNullable<Finding['suggestion']['rewording']>, sentence = ATTACK) {
    return async () => {
      const document = loadPage(fixture('content/inline.html'));
      const page = await extracted(document);
      const finding = findingOn(page.map.text, sentence, { label: 'Loaded_Language', severity: 0.7, suggestion: { question: 'q', restatement: '[Who] [did what].', rewording } });
      const [located] = locateFindings([finding], page);
      return { document, located, card: renderCard(document, cardContent(located), located.band, () => undefined) };
    };
  }

  it('shows the sentence as a diff, as text, instead of the restatement template', async () => {
    const attack = ATTACK.indexOf('<img');
    const tag = '<img src=x onerror=alert(1)> ';
    const { card, located } = await reworded({ text: ATTACK.replace(tag, '').replace('clicked', 'chose'), changes: [{ start: attack, end: attack + tag.length, from: tag, to: '' }, { start: ATTACK.indexOf('clicked'), end: ATTACK.indexOf('clicked') + 7, from: 'clicked', to: 'chose' }] })();
    expect(cardContent(located).rewording?.segments).toEqual([
      { kind: 'same', text: 'The headline was ' },
      { kind: 'del', text: tag },
      { kind: 'same', text: 'and people ' },
      { kind: 'del', text: 'clicked' },
      { kind: 'ins', text: 'chose' },
      { kind: 'same', text: ' it.' },
    ]);
    expect(card.querySelector('img')).toBeNull();
    expect(card.textContent).toContain(`${STRINGS.suggestedWording}: `);
    expect(card.textContent).not.toContain('Neutral version:');
    expect([...card.querySelectorAll('del')].map((d) => d.textContent)).toEqual([tag, 'clicked']);
    expect([...card.querySelectorAll('ins')].map((d) => d.textContent)).toEqual(['chose']);
    expect(card.querySelector('del')!.style.getPropertyValue('text-decoration')).toBe('line-through');
    expect(visible(card.querySelector('.unspin-diff')!)).toBe(`The headline was ${tag}and people clickedchose it.`);
    // Read aloud, the changes say what they are.
    expect(card.querySelector('.unspin-diff')!.textContent).toContain(`${STRINGS.removed} ${tag}`);
    expect(card.querySelector('.unspin-diff')!.textContent).toContain(`${STRINGS.added} chose`);
  });

  it('shows the quotation note instead of a rewrite when the loaded words are quoted', async () => {
    const { card } = await reworded({ text: ATTACK, changes: [], note: QUOTATION_NOTE })();
    expect(card.textContent).toContain(`${STRINGS.quotedWords}: ${QUOTATION_NOTE}`);
    expect(card.querySelectorAll('del, ins')).toHaveLength(0);
    expect(card.textContent).not.toContain(STRINGS.suggestedWording);
    expect(card.textContent).not.toContain('Neutral version:');
  });

  it('keeps the restatement template when no change fits the sentence', async () => {
    const { card } = await reworded({ text: 'x', changes: [{ start: 0, end: 999, from: 'x', to: 'y' }] })();
    expect(card.textContent).toContain(`Neutral version: ${describeLabel('Loaded_Language').restatement}`);
    expect(card.querySelectorAll('del, ins')).toHaveLength(0);
  });
});

describe('a clickbait headline in the card', () => {
  it('shows what the headline holds back and a more informative headline, as text', async () => {
    const document = loadPage(fixture('content/inline.html'));
    const page = await extracted(document);
    const spoiler = { sentence: { ...claimSentence(page.map.text, ATTACK).sentence }, headline: 'People clicked a <b>headline</b>', confidence: 0.8 };
    const headline = findingOn(page.title, 'Inline markup', { isHeadline: true, label: 'clickbait', kind: 'clickbait', severity: 0.7, suggestion: { question: 'q', restatement: 'r', spoiler } });
    const card = renderCard(document, cardContent({ finding: headline, band: 'high' }), 'high', () => undefined);
    expect(card.querySelector('img, b')).toBeNull();
    expect(card.textContent).toContain(`${STRINGS.spoilerHeading}: ${ATTACK}`);
    expect(card.textContent).toContain(`${STRINGS.betterHeadline}: People clicked a <b>headline</b>`);
  });
});

describe('a debunked claim in the card', () => {
  async function claimPage(match: Partial<ClaimMatch> = {}) {
    const document = loadPage(fixture('content/inline.html'));
    const page = await extracted(document);
    const finding = findingOn(page.map.text, ATTACK, { severity: 0.8 });
    const over = claimSentence(page.map.text, ATTACK, { claim: 'People click <img src=x onerror=alert(1)> headlines.', correction: '<script>alert(1)</script>', ...match });
    const alone = claimSentence(page.map.text, MAYOR, match);
    const located = locateAnalysis({ findings: [finding], claims: [over, alone] }, page);
    return { document, page, located, over, alone };
  }

  it("shows a claim-only sentence's match with its verdict, link and disclaimer", async () => {
    const { document, located, alone } = await claimPage();
    const [mark] = located.claims;
    const content = cardContent(mark);
    expect(content.name).toBe(STRINGS.claimCardName);
    expect(content.claims).toEqual([{ claim: alone.matches[0].claim, verdict: 'false', source: 'PolitiFact (LIAR)', url: 'https://www.politifact.com/factchecks/1', disclaimer: 'A resemblance to a claim debunked by PolitiFact (LIAR), not a verdict on this page.', others: 0 }]);
    const card = renderCard(document, content, 'claim', () => undefined);
    expect(card.style.getPropertyValue('border-left')).toContain(CLAIM_COLOUR);
    expect(card.textContent).toContain(`${STRINGS.claimChecked}: “${alone.matches[0].claim}”`);
    expect(card.textContent).toContain(`${STRINGS.verdict}: false`);
    expect(card.textContent).toContain('A resemblance to a claim debunked by PolitiFact (LIAR), not a verdict on this page.');
    const link = card.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://www.politifact.com/factchecks/1');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(visible(link)).toBe(STRINGS.factCheckBy('PolitiFact (LIAR)'));
    expect(card.textContent).not.toContain('Neutral version:');
  });

  it("shows the claim block in a finding's card when its sentence is both, as text only", async () => {
    const { document, located } = await claimPage();
    const card = renderCard(document, cardContent(located.findings[0]), 'high', () => undefined);
    const block = card.querySelector('.unspin-claim')!;
    expect(card.querySelector('img, script')).toBeNull();
    expect(block.textContent).toContain(STRINGS.claimCardName);
    expect(block.textContent).toContain('“People click <img src=x onerror=alert(1)> headlines.”');
    expect(block.textContent).toContain(`${STRINGS.correction}: <script>alert(1)</script>`);
    expect(block.textContent).toContain(STRINGS.claimDisclaimer('PolitiFact (LIAR)'));
    // The finding's own content is still there.
    expect(card.textContent).toContain(describeLabel('Loaded_Language').why);
  });

  it.each(['javascript:alert(1)', 'data:text/html,<b>x</b>', '//evil.example/'])('links to no %s URL', async (url) => {
    const { document, located } = await claimPage({ url });
    const card = renderCard(document, cardContent(located.claims[0]), 'claim', () => undefined);
    expect(card.querySelector('a')).toBeNull();
    expect(card.textContent).toContain(STRINGS.checkedBy('PolitiFact (LIAR)'));
    expect(card.textContent).toContain(STRINGS.claimDisclaimer('PolitiFact (LIAR)'));
  });

  it('cuts a long fact-check text, with a "more" button that shows all of it', async () => {
    const long = `${'The claim is false because the figures were misread. '.repeat(10)}END`;
    const { document, located } = await claimPage({ correction: long });
    const card = renderCard(document, cardContent(located.claims[0]), 'claim', () => undefined);
    expect(card.textContent).not.toContain('END');
    const more = [...card.querySelectorAll('button')].find((b) => b.textContent === STRINGS.more)!;
    expect(more.getAttribute('aria-expanded')).toBe('false');
    more.click();
    expect(card.textContent).toContain(long);
    expect(more.textContent).toBe(STRINGS.less);
    expect(more.getAttribute('aria-expanded')).toBe('true');
    more.click();
    expect(card.textContent).not.toContain('END');
    expect(long.length).toBeGreaterThan(MAX_CORRECTION);
  });

  it('opens on hover over a claim-only sentence', async () => {
    const { document, located } = await claimPage();
    stubRects(document, [{ left: 10, top: 20, width: 200, height: 18 }]);
    const marks = [...located.findings, ...located.claims];
    const mayor = located.claims[0].pieces[0].startContainer;
    (document as unknown as { caretPositionFromPoint: unknown }).caretPositionFromPoint = () => ({ offsetNode: mayor, offset: 2 });
    const hit = hitTest(marks, document, 50, 30);
    expect(hit?.located).toBe(located.claims[0]);
    const host = openHost(document);
    const card = new Card(document, () => host);
    card.show(hit!.located, hit!.anchor, { focus: false });
    expect((card.current as LocatedClaim).id).toBe(located.claims[0].id);
    expect(host.cards.textContent).toContain(STRINGS.claimDisclaimer('PolitiFact (LIAR)'));
  });
});

describe('the content script with claims and a spoiler', () => {
  it('marks claim-only sentences, opens their card on hover, and focuses them and the spoiler by id', async () => {
    const document = loadPage(fixture('content/article-with-chrome.html'));
    stubRects(document, [{ left: 10, top: 200, width: 400, height: 18 }]);
    const reopened = 'The harbour bridge reopened to traffic on Monday morning after eleven weeks of repairs to its steel deck.';
    const officials = "Officials said the bridge would be inspected again next year as part of a regular safety programme for the city's larger structures.";
    const send = vi.fn(async (message: ContentRequest) => {
      if (message.type !== ContentMessage.AnalyzeChunk) return { ok: true, value: null };
      const text = message.text;
      const headline = findingOn(message.title, 'Harbour bridge reopens after repairs', { isHeadline: true, label: 'clickbait', severity: 0.7 });
      const spoiler = { sentence: claimSentence(text, reopened).sentence, headline: 'Harbour bridge reopens after eleven weeks', confidence: 0.8 };
      return { ok: true, value: { ...analysisWith([{ ...headline, suggestion: { ...headline.suggestion, spoiler } }]), claims: [claimSentence(text, officials)] } };
    });
    const script = new ContentScript({ document, send, listen: () => () => undefined, slicing: (signal) => instantSlicing({ signal }), autoScan: false });
    const registry = script.highlights.painted;
    try {
      await script.scan();
      expect([...registry.get('unspin-claim')!].map(String).join('')).toBe(officials);
      const [mark] = script.highlights.claims;
      // Hover.
      (document as unknown as { caretPositionFromPoint: unknown }).caretPositionFromPoint = () => ({ offsetNode: mark.pieces[0].startContainer, offset: 4 });
      const View = document.defaultView as unknown as { MouseEvent: typeof MouseEvent };
      document.dispatchEvent(Object.defineProperty(new View.MouseEvent('mousemove', { clientX: 50, clientY: 205 }), 'isTrusted', { value: true }));
      expect(script.card.current).toBe(mark);
      // "Show in page" from the popup.
      expect(script.handle({ type: BackgroundMessage.FocusFinding, findingId: mark.id })).toEqual({ ok: true, value: null });
      expect(registry.has('unspin-focus')).toBe(true);
      expect(script.handle({ type: BackgroundMessage.FocusFinding, findingId: 'spoiler' })).toEqual({ ok: true, value: null });
      await vi.waitFor(() => expect((script.card.current as { finding?: Finding } | null)?.finding?.isHeadline).toBe(true));
      expect([...registry.get('unspin-focus')!].map(String).join('')).toBe(reopened);
      expect(script.handle({ type: BackgroundMessage.FocusFinding, findingId: 'claim:0-1' })).toEqual({ ok: false, error: expect.any(String) });
    } finally {
      script.stop();
    }
  });
});
