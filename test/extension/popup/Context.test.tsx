// @vitest-environment happy-dom
// The popup's suggestions and context on the mock analysis: rewording diffs, the quotation note,
// the clickbait spoiler, sentences that resemble debunked claims, what source lists say, and the
// context category bars. Page and model text stays text; links are http(s) only.
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { Popup } from '../../../extension/popup/components/Popup';
import { MOCK_ANALYSIS, MOCK_STATES } from '../../../extension/popup/mock';
import { STRINGS } from '../../../extension/ui/strings';
import { QUOTATION_NOTE } from '../../../model/rewording';
import type { PageAnalysis } from '../../../model/types';
import { show } from '../../support/render';


const done = (analysis: PageAnalysis) => ({ ...MOCK_STATES.done, analysis });
/** What a sighted reader sees: the text without the screen-reader-only labels. */
function visible(element: Element): string {
  const copy = element.cloneNode(true) as Element;
  for (const hidden of copy.querySelectorAll('.sr-only')) hidden.remove();
  return copy.textContent ?? '';
}
const findingItem = (el: HTMLElement, id: string) => {
  const index = MOCK_ANALYSIS.findings.findIndex((f) => f.id === id);
  return el.querySelectorAll('.finding')[index] as HTMLElement;
};
const mockFinding = (text: string) => MOCK_ANALYSIS.findings.find((f) => f.sentence.text.includes(text))!;

describe('a rewording', () => {
  it('shows the sentence as a diff: removed words struck, replacements inserted, the rest plain', () => {
    const el = show(<Popup state={MOCK_STATES.done} />);
    const item = findingItem(el, mockFinding('power-hungry').id);
    const diff = item.querySelector('.rewording .diff')!;
    expect(item.querySelector('.rewording')!.textContent).toContain(`${STRINGS.suggestedWording}:`);
    // The dropped words and the replaced word next to them read as one change.
    expect([...diff.querySelectorAll('del')].map((d) => d.textContent)).toEqual(['corrupt, power-hungry bureaucrats', 'betrayed']);
    expect([...diff.querySelectorAll('ins')].map((d) => d.textContent)).toEqual(['officials', 'disappointed']);
    // Read aloud, each change says what it is.
    expect(diff.querySelector('del')!.previousElementSibling!.textContent).toBe(` ${STRINGS.removed} `);
    expect(diff.querySelector('ins')!.previousElementSibling!.textContent).toBe(` ${STRINGS.added} `);
    expect(diff.querySelector('ins')!.previousElementSibling!.classList.contains('sr-only')).toBe(true);
    // The plain parts and the removed words make up the original sentence.
    const original = [...diff.childNodes].map((n) => (n.nodeType === 3 ? n.textContent : n.nodeName === 'DEL' ? visible(n as Element) : '')).join('');
    expect(original).toBe(mockFinding('power-hungry').sentence.text);
    // The rewording replaces the restatement template.
    expect(item.textContent).not.toContain(`${STRINGS.neutralVersion}:`);
  });

  it('keeps the restatement template for findings without a rewording', () => {
    const el = show(<Popup state={MOCK_STATES.done} />);
    const item = findingItem(el, mockFinding('wasteland').id);
    expect(item.querySelector('.rewording')).toBeNull();
    expect(item.textContent).toContain(`${STRINGS.neutralVersion}:`);
  });

  it('shows the quotation note instead of a rewrite when the loaded words are quoted', () => {
    const el = show(<Popup state={MOCK_STATES.done} />);
    const item = findingItem(el, mockFinding('daylight robbery').id);
    expect(item.querySelector('.rewording-note')!.textContent).toContain(QUOTATION_NOTE);
    expect(item.querySelector('.diff')).toBeNull();
    expect(item.querySelectorAll('del, ins')).toHaveLength(0);
  });

  it('keeps page text in a diff as text', () => {
    const hostile = 'A <img src=x onerror=alert(1)> vile plan.';
    const start = hostile.indexOf('vile ');
    const base = mockFinding('power-hungry');
    const finding = { ...base, sentence: { start: 0, end: hostile.length, text: hostile }, suggestion: { ...base.suggestion, rewording: { text: 'A <img src=x onerror=alert(1)> plan.', changes: [{ start, end: start + 5, from: 'vile ', to: '' }] } } };
    const el = show(<Popup state={done({ ...MOCK_ANALYSIS, findings: [finding], claims: [] })} />);
    expect(el.querySelector('img')).toBeNull();
    expect(visible(el.querySelector('.diff')!)).toBe(hostile);
    expect(el.querySelector('.diff del')!.textContent).toBe('vile ');
  });
});

describe('a clickbait headline', () => {
  it('shows what the headline holds back and a more informative headline, with "show in page" for the sentence', () => {
    const onShow = vi.fn();
    const el = show(<Popup state={MOCK_STATES.done} onShowFinding={onShow} />);
    const headline = MOCK_ANALYSIS.findings.find((f) => f.isHeadline)!;
    const spoiler = el.querySelector('.finding .spoiler')!;
    expect(spoiler.textContent).toContain(`${STRINGS.spoilerHeading}:`);
    expect(spoiler.querySelector('.spoiler-sentence')!.textContent).toBe(headline.suggestion.spoiler!.sentence.text);
    expect(spoiler.textContent).toContain(`${STRINGS.betterHeadline}:`);
    expect(spoiler.querySelector('.spoiler-headline')!.textContent).toBe(headline.suggestion.spoiler!.headline);
    spoiler.querySelector<HTMLButtonElement>('button.show')!.click();
    expect(onShow).toHaveBeenCalledWith('spoiler');
  });

  it('has no spoiler block when the headline has no spoiler', () => {
    const findings = MOCK_ANALYSIS.findings.map((f) => (f.isHeadline ? { ...f, suggestion: { question: f.suggestion.question, restatement: f.suggestion.restatement } } : f));
    const el = show(<Popup state={done({ ...MOCK_ANALYSIS, findings })} />);
    expect(el.querySelector('.spoiler')).toBeNull();
  });
});

describe('sentences that resemble debunked claims', () => {
  it('lists each with its best match, the fact-checker, a link and the disclaimer in sight', () => {
    const el = show(<Popup state={MOCK_STATES.done} />);
    const section = el.querySelector('section.claims')!;
    expect(section.querySelector('h2')!.textContent).toBe(STRINGS.claimsHeading);
    const items = [...section.querySelectorAll('.claim')];
    expect(items).toHaveLength(2);
    const [masts, water] = MOCK_ANALYSIS.claims!;
    expect(items[0].querySelector('.finding-quote')!.textContent).toBe(masts.sentence.text);
    expect(items[0].textContent).toContain(STRINGS.alsoFlagged);
    expect(items[1].textContent).not.toContain(STRINGS.alsoFlagged);
    // The best match: the most similar one.
    expect(items[1].querySelector('.claim-text')!.textContent).toBe(`“${water.matches[0].claim}”`);
    expect(items[1].querySelector('.claim-verdict')!.textContent).toBe(water.matches[0].verdict);
    expect(items[1].textContent).toContain(STRINGS.otherMatches(1));
    const link = items[1].querySelector('a')!;
    expect(link.getAttribute('href')).toBe(water.matches[0].url);
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(visible(link)).toBe(STRINGS.factCheckBy('EUvsDisinfo'));
    expect(items[1].querySelector('.claim-disclaimer')!.textContent).toBe('A resemblance to a claim debunked by EUvsDisinfo, not a verdict on this page.');
    expect(items[0].querySelector('.claim-disclaimer')!.textContent).toBe(STRINGS.claimDisclaimer('AVeriTeC'));
  });

  it('cuts a long fact-check text short, with a "more" button that shows it all', async () => {
    const el = show(<Popup state={MOCK_STATES.done} />);
    const correction = MOCK_ANALYSIS.claims![0].matches[0].correction!;
    const block = el.querySelector('section.claims .claim-correction')!;
    expect(block.textContent).not.toContain(correction);
    expect(block.textContent).toContain('…');
    const more = block.querySelector<HTMLButtonElement>('button.more')!;
    expect(more.getAttribute('aria-expanded')).toBe('false');
    await act(() => more.click());
    expect(block.textContent).toContain(correction);
    expect(more.getAttribute('aria-expanded')).toBe('true');
    expect(more.textContent).toBe(STRINGS.less);
  });

  it('points from a finding that is also a claim match to the claims section', () => {
    const el = show(<Popup state={MOCK_STATES.done} />);
    const item = findingItem(el, mockFinding('5G masts').id);
    expect(item.querySelector('.claim-pointer')!.textContent).toBe(STRINGS.claimPointer('AVeriTeC'));
    expect(item.textContent).toContain('AVeriTeC');
    // Other findings have none.
    expect(findingItem(el, mockFinding('wasteland').id).querySelector('.claim-pointer')).toBeNull();
  });

  it('asks to show a claim sentence in the page by its range', () => {
    const onShow = vi.fn();
    const el = show(<Popup state={MOCK_STATES.done} onShowFinding={onShow} />);
    const buttons = [...el.querySelectorAll<HTMLButtonElement>('section.claims button.show')];
    expect(buttons).toHaveLength(2);
    buttons[1].click();
    const { start, end } = MOCK_ANALYSIS.claims![1].sentence;
    expect(onShow).toHaveBeenCalledWith(`claim:${start}-${end}`);
  });

  it.each(['javascript:alert(1)', 'JavaScript:alert(document.cookie)', 'data:text/html,<script>alert(1)</script>', '/relative/path', 'not a url'])('links to no %s URL', (url) => {
    const claims = [{ ...MOCK_ANALYSIS.claims![1], matches: [{ ...MOCK_ANALYSIS.claims![1].matches[0], url }] }];
    const el = show(<Popup state={done({ ...MOCK_ANALYSIS, claims })} />);
    const item = el.querySelector('section.claims .claim')!;
    expect(item.querySelector('a')).toBeNull();
    expect(item.querySelector('.claim-by')!.textContent).toBe(STRINGS.checkedBy('EUvsDisinfo'));
    expect(item.querySelector('.claim-disclaimer')).not.toBeNull();
  });

  it('keeps claim and page text as text', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const claims = [{ sentence: { start: 700, end: 700 + hostile.length, text: hostile }, matches: [{ claim: hostile, verdict: hostile, correction: hostile, source: hostile, url: 'https://example.org/<b>x</b>', similarity: 0.9 }] }];
    const el = show(<Popup state={done({ ...MOCK_ANALYSIS, claims })} />);
    expect(el.querySelector('img, b')).toBeNull();
    expect(el.querySelector('section.claims .finding-quote')!.textContent).toBe(hostile);
    expect(el.querySelector('section.claims a')!.getAttribute('href')).toBe('https://example.org/%3Cb%3Ex%3C/b%3E');
  });

  it('has no section when no sentence resembles a debunked claim', () => {
    expect(show(<Popup state={done({ ...MOCK_ANALYSIS, claims: undefined })} />).querySelector('section.claims')).toBeNull();
    expect(show(<Popup state={done({ ...MOCK_ANALYSIS, claims: [{ sentence: { start: 0, end: 5, text: 'Hello' }, matches: [] }] })} />).querySelector('section.claims')).toBeNull();
  });
});

describe('who published it', () => {
  it("shows the domain, each list's words with its name and date, and the caveat", () => {
    const el = show(<Popup state={MOCK_STATES.done} />);
    const section = el.querySelector('section.source')!;
    expect(section.querySelector('h2')!.textContent).toBe(STRINGS.sourceHeading);
    expect(section.querySelector('.source-domain')!.textContent).toBe('news.example');
    const ratings = [...section.querySelectorAll('.rating')].map((r) => r.textContent);
    expect(ratings).toEqual(MOCK_ANALYSIS.source!.ratings.map((r) => r.says));
    expect(ratings[1]).toBe('MBFC via Baly et al. (2020): factual reporting low; bias right');
    expect(section.querySelector('.caveat')!.textContent).toBe('What these lists said when they were compiled; not Unspin’s verdict.');
  });

  it('names the list and date when the rating does not, and the entry when it is not the domain', () => {
    const source = { domain: 'facebook.com', matchedDomain: 'facebook.com/somepage', ratings: [{ list: 'Some list', kind: 'tags' as const, listDate: '2019', says: 'tags it: fake news', matched: 'facebook.com/somepage' }] };
    const el = show(<Popup state={done({ ...MOCK_ANALYSIS, source })} />);
    expect(el.querySelector('.rating')!.textContent).toBe('Some list, 2019: tags it: fake news (rated as facebook.com/somepage)');
  });

  it('says no list rates the site when it was looked up and is unrated, and nothing when it was not looked up', () => {
    const unrated = show(<Popup state={done({ ...MOCK_ANALYSIS, source: null })} />);
    expect(unrated.querySelector('section.source')!.textContent).toContain(STRINGS.noListRates);
    expect(unrated.querySelector('.caveat')).toBeNull();
    expect(show(<Popup state={done({ ...MOCK_ANALYSIS, source: undefined })} />).querySelector('section.source')).toBeNull();
  });

  it('keeps list text as text', () => {
    const source = { domain: '<img src=x>', matchedDomain: 'x', ratings: [{ list: 'L', kind: 'tags' as const, listDate: '1', says: '<img src=x onerror=alert(1)>', matched: '<img src=x>' }] };
    const el = show(<Popup state={done({ ...MOCK_ANALYSIS, source })} />);
    expect(el.querySelector('img')).toBeNull();
    expect(el.querySelector('.source-domain')!.textContent).toBe('<img src=x>');
  });
});

describe('the category bars', () => {
  it('put the context categories apart, after what the text does', () => {
    const el = show(<Popup state={MOCK_STATES.done} />);
    const context = el.querySelector('.categories-context')!;
    expect(context.getAttribute('aria-label')).toBe(STRINGS.contextHeading);
    expect([...context.querySelectorAll('.category-name')].map((n) => n.textContent)).toEqual(['Resembles debunked claims', 'What source lists say']);
    expect([...el.querySelectorAll('.categories:not(.categories-context) .category')]).toHaveLength(4);
  });

  it('show no context list when the analysis has no context categories', () => {
    const categories = MOCK_ANALYSIS.categories.filter((c) => c.id !== 'claims' && c.id !== 'source');
    const el = show(<Popup state={done({ ...MOCK_ANALYSIS, categories })} />);
    expect(el.querySelector('.categories-context')).toBeNull();
    expect(el.querySelectorAll('.category')).toHaveLength(4);
  });
});
