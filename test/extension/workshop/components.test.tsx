// @vitest-environment happy-dom
// Workshop components with a fake connection: marking, the reveal with the author's key and
// Unspin's flags, the score, the presenter's keyboard navigation and the paste box.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { guidanceFor } from '../../../model/guidance';
import { ARTICLES, type Article } from '../../../extension/workshop/articles';
import { ArticleRound } from '../../../extension/workshop/components/ArticleRound';
import { PasteBox } from '../../../extension/workshop/components/PasteBox';
import { Presenter } from '../../../extension/workshop/components/Presenter';
import { Reveal } from '../../../extension/workshop/components/Reveal';
import { Score } from '../../../extension/workshop/components/Score';
import { SentenceMarker } from '../../../extension/workshop/components/SentenceMarker';
import { Workshop } from '../../../extension/workshop/components/Workshop';
import type { AnalysisState } from '../../../extension/workshop/components/state';
import type { Analyze } from '../../../extension/workshop/connection';
import { articleItems, findingsByItem, joinSentences } from '../../../extension/workshop/mapping';
import { EMPTY_SESSION, scoreRound } from '../../../extension/workshop/scoring';
import { WS } from '../../../extension/workshop/strings';
import { analysisOf, finding, flagSentences } from './fixtures';

const ARTICLE: Article = {
  id: 'test',
  title: 'Test article',
  headline: 'You will never guess this',
  headlineKey: ['clickbait'],
  sentences: [
    { text: 'The council met on Monday.', key: [] },
    { text: 'These crooks ruined everything.', key: ['Name_Calling-Labeling'] },
    { text: 'Either we act now or we perish.', key: ['False_Dilemma-No_Choice'] },
    { text: 'The report is online.', key: [] },
  ],
};
const JOINED = joinSentences(ARTICLE.sentences.map((s) => s.text));
/** Unspin flags the headline, the name calling and (wrongly) the last neutral sentence; misses the dilemma. */
const ANALYSIS = flagSentences(JOINED.text, [['These crooks ruined everything.', 'Name_Calling-Labeling'], ['The report is online.', 'Doubt']], ARTICLE.headline, 'clickbait');
const READY: AnalysisState = { status: 'ready', analysis: ANALYSIS, findings: findingsByItem(articleItems(ARTICLE), ANALYSIS, JOINED.offsets) };

let root: HTMLElement;
async function show(ui: preact.ComponentChild): Promise<HTMLElement> {
  root = document.createElement('div');
  document.body.append(root);
  await act(() => render(ui, root));
  return root;
}
afterEach(() => {
  render(null, root);
  root.remove();
});
const click = (el: Element | null) => act(() => (el as HTMLElement).click());
const key = (k: string) => act(() => void window.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true })));
const flush = () => act(() => new Promise((resolve) => setTimeout(resolve, 0)));
const buttonByText = (el: HTMLElement, text: string) => [...el.querySelectorAll('button')].find((b) => b.textContent?.includes(text)) ?? null;

describe('SentenceMarker', () => {
  it('is a toggle button with aria-pressed', async () => {
    const onToggle = vi.fn();
    const el = await show(<SentenceMarker label="Sentence 1" text="Hello." marked={true} onToggle={onToggle} />);
    const button = el.querySelector('button')!;
    expect(button.getAttribute('aria-pressed')).toBe('true');
    expect(button.getAttribute('aria-label')).toContain('Hello.');
    await click(button);
    expect(onToggle).toHaveBeenCalledOnce();
  });
});

describe('ArticleRound', () => {
  it('waits for the analysis before the reveal', async () => {
    const el = await show(<ArticleRound article={ARTICLE} state={{ status: 'loading' }} session={EMPTY_SESSION} />);
    expect(el.querySelector<HTMLButtonElement>('.reveal-button')!.disabled).toBe(true);
    expect(el.textContent).toContain(WS.revealWaiting);
  });

  it('marks sentences, reveals the key and Unspin’s flags with explanations, and scores the round', async () => {
    const onScored = vi.fn();
    const el = await show(<ArticleRound article={ARTICLE} state={READY} session={EMPTY_SESSION} onScored={onScored} />);
    const markers = [...el.querySelectorAll('.marker')];
    expect(markers).toHaveLength(5);
    await click(markers[2]); // the name calling
    await click(markers[4]); // a neutral sentence
    expect(markers[2].getAttribute('aria-pressed')).toBe('true');
    await click(el.querySelector('.reveal-button'));

    // headline (keyed, not marked): wrong; s0 right; s1 right; s2 (keyed, not marked) wrong; s3 (neutral, marked) wrong.
    expect(onScored).toHaveBeenCalledWith('test', expect.objectContaining({ correct: 2, total: 5, found: 1, keyed: 3, falseMarks: 1, unspinCorrect: 3 }));
    expect(el.querySelector('.score-main')!.textContent).toBe(WS.roundScore(2, 5));
    const rows = [...el.querySelectorAll('.reveal-item')];
    expect(rows.map((r) => r.classList.contains('agree'))).toEqual([false, true, true, false, false]);
    const name = guidanceFor('Name_Calling-Labeling');
    expect(rows[2].querySelector('.column-key dd')!.textContent).toBe(name.name);
    expect(rows[2].querySelector('.column-unspin dd')!.textContent).toBe(name.name);
    expect(rows[2].textContent).toContain(name.what);
    expect(rows[2].textContent).toContain(name.example);
    // Unspin missed the dilemma: the author's technique is still explained.
    expect(rows[3].querySelector('.column-unspin dd')!.textContent).toBe(WS.nothingFlagged);
    expect(rows[3].textContent).toContain(WS.missedByUnspin);
    expect(rows[3].textContent).toContain(guidanceFor('False_Dilemma-No_Choice').what);
    // A neutral sentence Unspin flagged: the key says nothing.
    expect(rows[4].querySelector('.column-key dd')!.textContent).toBe(WS.none);
    expect(rows[4].querySelector('.column-you dd')!.textContent).toBe(WS.yes);
  });
});

describe('Reveal', () => {
  it('shows a rewording diff and a headline spoiler from the finding’s suggestion', async () => {
    const text = 'The senator slammed the reckless plan.';
    const loaded = finding({ start: 0, end: text.length }, text, 'loaded_language', {
      suggestion: { question: 'q?', restatement: 'r', rewording: { text: 'The senator criticised the plan.', changes: [{ start: 12, end: 19, from: 'slammed', to: 'criticised' }, { start: 24, end: 33, from: 'reckless ', to: '' }] } },
    });
    const headline = finding({ start: 0, end: 9 }, 'You wont!', 'clickbait', {
      isHeadline: true,
      suggestion: { question: 'q?', restatement: 'r', spoiler: { sentence: { start: 0, end: text.length, text }, headline: 'Senator criticises plan', confidence: 0.7 } },
    });
    const items = [
      { id: 'headline', text: 'You wont!', isHeadline: true },
      { id: 's0', text, isHeadline: false },
    ];
    const el = await show(<Reveal items={items} findings={{ headline: [headline], s0: [loaded] }} />);
    expect(el.querySelector('.diff del')!.textContent).toBe('slammed');
    expect(el.querySelector('.diff ins')!.textContent).toBe('criticised');
    expect(el.querySelector('.spoiler-headline')!.textContent).toBe('Senator criticises plan');
    // No key and no marks: only Unspin's column.
    expect(el.querySelector('.column-key')).toBeNull();
    expect(el.querySelector('.column-you')).toBeNull();
  });
});

describe('Score', () => {
  it('states the round, Unspin’s agreement and the session plainly', async () => {
    const round = scoreRound([{ marked: true, keyed: true, flagged: false }, { marked: false, keyed: false, flagged: false }]);
    const onReset = vi.fn();
    const el = await show(<Score round={round} session={{ rounds: 3, correct: 12, total: 20, articles: [] }} onResetSession={onReset} />);
    expect(el.textContent).toContain(WS.roundScore(2, 2));
    expect(el.textContent).toContain(WS.unspinScore(1, 2));
    expect(el.textContent).toContain(WS.sessionScore(12, 20, 3));
    await click(buttonByText(el, WS.resetSession));
    expect(onReset).toHaveBeenCalled();
  });
});

describe('Presenter', () => {
  it('shows one sentence at a time, moves with the arrow keys and reveals on R or Space', async () => {
    const onExit = vi.fn();
    const el = await show(<Presenter article={ARTICLE} state={READY} onExit={onExit} />);
    const text = () => el.querySelector('.presenter-text')!.textContent;
    expect(text()).toBe(ARTICLE.headline);
    await key('ArrowLeft');
    expect(text()).toBe(ARTICLE.headline);
    await key('ArrowRight');
    await key('ArrowRight');
    expect(text()).toBe(ARTICLE.sentences[1].text);
    expect(el.querySelector('.presenter-position')!.textContent).toContain(WS.position(3, 5));
    expect(el.querySelector('.presenter-reveal')).toBeNull();
    await key('r');
    expect(el.querySelector('.column-key dd')!.textContent).toBe(guidanceFor('Name_Calling-Labeling').name);
    expect(el.querySelector('.presenter-reveal')!.textContent).toContain(guidanceFor('Name_Calling-Labeling').what);
    await key('ArrowRight');
    expect(el.querySelector('.presenter-reveal')).toBeNull();
    await key(' ');
    expect(el.querySelector('.column-unspin dd')!.textContent).toBe(WS.nothingFlagged);
    for (let i = 0; i < 5; i++) await key('ArrowRight');
    expect(text()).toBe(ARTICLE.sentences[3].text);
    await key('ArrowLeft');
    expect(text()).toBe(ARTICLE.sentences[2].text);
    await key('Escape');
    expect(onExit).toHaveBeenCalled();
  });
});

describe('PasteBox', () => {
  it('sends the pasted text with purpose "paste" and shows the result as text only', async () => {
    const pasted = 'The mayor opened the park. These <b>crooks</b> lie to us all. It rained.';
    const analyze = vi.fn<Analyze>(async (text) => flagSentences(text, [['These <b>crooks</b> lie to us all.', 'insult']]));
    const el = await show(<PasteBox analyze={analyze} />);
    const area = el.querySelector('textarea')!;
    await act(() => {
      area.value = pasted;
      area.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(() => void el.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    await flush();
    expect(analyze).toHaveBeenCalledWith(pasted, 'paste');
    expect(el.querySelector('.paste-summary')!.textContent).toBe(WS.pasteResult(1, 3));
    expect(el.querySelectorAll('.reveal-item')).toHaveLength(3);
    expect(el.querySelector('.reveal-item.flagged .reveal-text')!.textContent).toBe('These <b>crooks</b> lie to us all.');
    expect(el.querySelector('b')).toBeNull();
  });

  it('says so when the text is empty or the analysis fails', async () => {
    const analyze = vi.fn<Analyze>(async () => {
      throw new Error('model not loaded');
    });
    const el = await show(<PasteBox analyze={analyze} />);
    await act(() => void el.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    expect(el.textContent).toContain(WS.pasteEmpty);
    const area = el.querySelector('textarea')!;
    await act(() => {
      area.value = 'Some text.';
      area.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(() => void el.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    await flush();
    expect(el.textContent).toContain(WS.analysisFailed('model not loaded'));
  });
});

describe('Workshop', () => {
  it('pre-analyses an article when it opens, then scores the round into the session', async () => {
    const article = ARTICLES[0];
    const analyze = vi.fn<Analyze>(async (text, _purpose, title) => flagSentences(text, [[article.sentences[2].text, 'Loaded_Language']], title, 'clickbait'));
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    const el = await show(<Workshop analyze={analyze} storage={storage} />);
    expect(el.querySelectorAll('.article-button')).toHaveLength(ARTICLES.length);
    await click(el.querySelector(`[data-article="${article.id}"]`));
    await flush();
    expect(analyze).toHaveBeenCalledTimes(1);
    expect(analyze).toHaveBeenCalledWith(joinSentences(article.sentences.map((s) => s.text)).text, 'workshop', article.headline);
    await click(el.querySelectorAll('.marker')[3]);
    await click(el.querySelector('.reveal-button'));
    expect(el.querySelector('.score-session')!.textContent).toMatch(new RegExp(`This session: \\d+ of ${article.sentences.length + 1} across 1 round`));
    expect(JSON.parse([...store.values()][0])).toMatchObject({ rounds: 1, total: article.sentences.length + 1, articles: [article.id] });
    // The presenter opens on the same analysis, without asking again.
    await click(buttonByText(el, WS.presenter));
    expect(el.querySelector('.presenter')).not.toBeNull();
    await key('Escape');
    expect(el.querySelector('.round')).not.toBeNull();
    expect(analyze).toHaveBeenCalledTimes(1);
  });

  it('offers a retry when the analysis fails', async () => {
    let fail = true;
    const analyze = vi.fn<Analyze>(async () => {
      if (fail) throw new Error('worker asleep');
      return analysisOf([]);
    });
    const el = await show(<Workshop analyze={analyze} />);
    await click(el.querySelector('.article-button'));
    await flush();
    expect(el.textContent).toContain(WS.analysisFailed('worker asleep'));
    fail = false;
    await click(buttonByText(el, WS.retry));
    await flush();
    expect(el.querySelector<HTMLButtonElement>('.reveal-button')!.disabled).toBe(false);
  });
});
