// @vitest-environment happy-dom
// highlight.ts, locate.ts: findings marked on the page (drawn by overlay.ts), without touching its text.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FLASH_MS, Highlights } from '../../../extension/content/highlight';
import { createUiHost } from '../../../extension/content/host';
import { isInsideEditable } from '../../../extension/content/elements';
import { locateAnalysis, locateFindings } from '../../../extension/content/locate';
import { markName } from '../../../extension/content/marks';
import { createOverlayPainter } from '../../../extension/content/overlay';
import { CLAIM_COLOUR } from '../../../extension/content/style';
import type { ClaimSentence } from '../../../model/types';
import { captureShadowRoots, drawnBoxes, extracted, findingOn, fixture, loadPage, stubRects } from './helpers';

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

const COST = 'The repairs cost 3.8\u00a0million dollars, slightly less than the council had budgeted for the work.';
const OFFICIALS = "Officials said the bridge would be inspected again next year as part of a regular safety programme for the city's larger structures.";
const REOPENED = 'The harbour bridge reopened to traffic on Monday morning after eleven weeks of repairs to its steel deck.';

function claimOn(text: string, sentence: string, claim = 'The bridge repairs cost ten times the budget.'): ClaimSentence {
  const start = text.indexOf(sentence.replace(/\u00a0/g, ' '));
  const at = start >= 0 ? start : text.indexOf(sentence);
  if (at < 0) throw new Error(`"${sentence}" is not in the text`);
  return { sentence: { start: at, end: at + sentence.length, text: text.slice(at, at + sentence.length) }, matches: [{ claim, verdict: 'false', source: 'AVeriTeC', url: 'https://example.org/check', similarity: 0.7 }] };
}

/** The article with a finding, a claim over that finding, a claim alone, and a clickbait headline whose spoiler is a body sentence. */
async function contextPage() {
  const { document, page, findings } = await articlePage();
  const text = page.map.text;
  const alone = claimOn(text, COST);
  const over = claimOn(text, findings[0].sentence.text, 'Engineers never replaced any beams.');
  const spoiler = claimOn(text, REOPENED).sentence;
  const headline = { ...findings[3], suggestion: { ...findings[3].suggestion, spoiler: { sentence: spoiler, headline: 'Harbour bridge reopens after eleven weeks', confidence: 0.8 } } };
  const officials = claimOn(text, OFFICIALS);
  const gone = { ...officials, sentence: { ...officials.sentence, text: 'Not what the page says.' } };
  const analysis = { findings: [findings[0], findings[1], headline], claims: [alone, over, gone] };
  return { document, page, analysis, alone, over, located: locateAnalysis(analysis, page) };
}

describe('locating claim sentences and the spoiler', () => {
  it('locates a claim sentence that is no finding as a mark of its own', async () => {
    const { located, alone } = await contextPage();
    expect(located.claims).toHaveLength(1);
    expect(located.claims[0].id).toBe(`claim:${alone.sentence.start}-${alone.sentence.end}`);
    expect(located.claims[0].claim).toBe(alone);
    expect(located.claims[0].range.toString().replace(/\s+/g, ' ')).toBe(COST.replace(/\u00a0/g, ' '));
  });

  it("attaches a claim sentence over a finding to that finding, and drops one whose text is not on the page", async () => {
    const { located, over } = await contextPage();
    expect(located.findings[0].claims).toEqual([over]);
    expect(located.findings[1].claims).toBeUndefined();
    expect(located.claims.map((c) => c.claim.sentence.text)).not.toContain('Not what the page says.');
  });

  it("anchors the headline's card at its spoiler sentence in the body", async () => {
    const { located } = await contextPage();
    expect(located.spoiler?.finding.isHeadline).toBe(true);
    expect(located.spoiler?.range.toString()).toBe(REOPENED);
    expect(located.spoiler?.range.startContainer.parentElement!.localName).toBe('p');
  });

  it('locates nothing for an analysis without claims, or with junk in them', async () => {
    const { page, findings } = await articlePage();
    const junk = [null, { sentence: { start: 0, end: 10, text: 'x' }, matches: [] }, { sentence: { start: -1, end: 5, text: 'x' }, matches: [{ claim: 'c', verdict: 'false', source: 's', url: '', similarity: 1 }] }] as never;
    expect(locateAnalysis({ findings }, page).claims).toEqual([]);
    expect(locateAnalysis({ findings, claims: junk }, page).claims).toEqual([]);
    expect(locateAnalysis({ findings, claims: junk }, page).spoiler).toBeNull();
  });
});

/** Highlights drawn by the overlay painter on Unspin's real host; the test sees the boxes in its closed root. */
function marked(document: Document) {
  stubRects(document);
  const roots = captureShadowRoots(document);
  const highlights = new Highlights(createOverlayPainter(document, () => createUiHost(document)));
  return { highlights, boxes: () => drawnBoxes(roots) };
}

const textOf = (ranges: readonly Range[] | undefined) => (ranges ?? []).map(String).join('').replace(/\s+/g, ' ');

describe('claim marks', () => {
  it('get a mark of their own, drawn apart from the severity bands', async () => {
    const { document, located } = await contextPage();
    const { highlights, boxes } = marked(document);
    highlights.showAnalysis(located);
    expect(textOf(highlights.painted.get(markName('claim')))).toBe(COST.replace(/\u00a0/g, ' '));
    // The claim over a finding is marked as the finding.
    expect(highlights.painted.get(markName('high'))!.map(String).join('|')).toContain('Engineers replaced');
    const claimBoxes = boxes().filter((box) => box.dataset.mark === 'claim');
    expect(claimBoxes).toHaveLength(located.claims[0].pieces.length);
    for (const box of claimBoxes) expect([box.style.getPropertyValue('border-bottom-style'), box.style.getPropertyValue('border-bottom-color')]).toEqual(['dotted', CLAIM_COLOUR]);
    highlights.setEnabled(false);
    expect(highlights.painted.size).toBe(0);
    expect(boxes()).toEqual([]);
    highlights.setEnabled(true);
    expect(highlights.painted.has(markName('claim'))).toBe(true);
  });

  it('are marked even when no sentence is a finding', async () => {
    const { document, page } = await articlePage();
    const { highlights } = marked(document);
    highlights.showAnalysis(locateAnalysis({ findings: [], claims: [claimOn(page.map.text, COST)] }, page));
    expect([...highlights.painted.keys()]).toEqual(['unspin-claim']);
    expect(highlights.paintedCount).toBe(1);
  });

  it('are found for FocusFinding by "claim:<start>-<end>", as is the spoiler by "spoiler"', async () => {
    const { document, located, alone, over } = await contextPage();
    const { highlights } = marked(document);
    highlights.showAnalysis(located);
    expect(highlights.find(`claim:${alone.sentence.start}-${alone.sentence.end}`)).toBe(located.claims[0]);
    // A claim over a finding: its finding.
    expect(highlights.find(`claim:${over.sentence.start}-${over.sentence.end}`)).toBe(located.findings[0]);
    expect(highlights.find('spoiler')).toBe(located.spoiler);
    expect(highlights.find(located.findings[0].finding.id)).toBe(located.findings[0]);
    expect(highlights.find('claim:0-1')).toBeUndefined();
    expect(highlights.marks).toEqual([...located.findings, ...located.claims]);
    highlights.clear();
    expect(highlights.find('spoiler')).toBeUndefined();
  });
});

describe('marking findings', () => {
  it('marks each sentence under its severity band, leaving the page unchanged', async () => {
    const { document, located } = await articlePage();
    const before = document.body.innerHTML;
    const head = document.head.innerHTML;
    const { highlights, boxes } = marked(document);
    highlights.show(located);
    expect([...highlights.painted.keys()].sort()).toEqual(['unspin-high', 'unspin-low', 'unspin-medium']);
    expect(highlights.painted.get('unspin-high')!.map(String).join('|')).toContain('Harbour bridge reopens after repairs');
    expect(textOf(highlights.painted.get('unspin-low'))).toBe('It is expected to take six weeks.');
    expect(boxes()).toHaveLength(located.reduce((sum, l) => sum + l.pieces.length, 0));
    // Marks only: the page's DOM and text are as they were, no <style> added, nothing in CSS.highlights.
    expect(document.body.innerHTML).toBe(before);
    expect(document.head.innerHTML).toBe(head);
  });

  it('removes the marks when switched off, and puts them back when switched on', async () => {
    const { document, located } = await articlePage();
    const { highlights, boxes } = marked(document);
    highlights.show(located);
    highlights.setEnabled(false);
    expect(highlights.painted.size).toBe(0);
    expect(highlights.enabled).toBe(false);
    highlights.show(located); // a rescan while off stays off
    expect(highlights.painted.size).toBe(0);
    expect(boxes()).toEqual([]);
    highlights.setEnabled(true);
    expect(highlights.painted.size).toBe(3);
    expect(boxes().length).toBeGreaterThan(0);
    highlights.clear();
    expect(highlights.painted.size).toBe(0);
    expect(boxes()).toEqual([]);
  });

  it('flashes a focused finding above the others, then lets it go', async () => {
    vi.useFakeTimers();
    const { document, located } = await articlePage();
    const { highlights, boxes } = marked(document);
    highlights.setEnabled(false);
    highlights.flash(located[1]);
    expect(textOf(highlights.painted.get('unspin-focus'))).toContain('Commuters had faced detours');
    expect(boxes().map((box) => box.dataset.mark)).toEqual(located[1].pieces.map(() => 'focus'));
    expect(highlights.paintedCount).toBe(0);
    vi.advanceTimersByTime(FLASH_MS);
    expect(highlights.painted.has('unspin-focus')).toBe(false);
    expect(boxes()).toEqual([]);
  });

  it('never marks anything inside an editable region or a form control', async () => {
    const document = loadPage(fixture('content/editor.html'));
    const page = await extracted(document);
    const sentences = ['Your note: will be kept for later use by the editor.', 'Main Street will be closed between the station and the market square from Tuesday to Thursday.'];
    const { highlights } = marked(document);
    highlights.show(locateFindings(sentences.map((s) => findingOn(page.map.text, s)), page));
    const ranges = [...highlights.painted.values()].flat();
    expect(ranges.length).toBeGreaterThan(1);
    for (const range of ranges) {
      expect(isInsideEditable(range.startContainer)).toBe(false);
      expect(range.toString()).not.toContain('INLINE EDITABLE');
    }
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
    // The page can reach the host element itself: what it does to its styles is undone.
    const own = host.element.style.cssText;
    host.element.style.setProperty('display', 'none', 'important');
    host.attach();
    expect(host.element.style.cssText).toBe(own);
    expect(host.element.style.getPropertyValue('display')).toBe('block');
  });
});
