// The text sent for a workshop article and the mapping of findings back to its sentences.
import { describe, expect, it } from 'vitest';
import { ARTICLES } from '../../../extension/workshop/articles';
import { articleItems, findingsByItem, flaggedLabels, joinSentences, mapFindings } from '../../../extension/workshop/mapping';
import { analysisOf, finding } from './fixtures';

const SENTENCES = ['First sentence here.', 'Second one, loaded!', 'Third: Dr. Smith spoke.', 'Fourth.'];

describe('joinSentences', () => {
  it('joins with one space and keeps each sentence’s offsets', () => {
    const { text, offsets } = joinSentences(SENTENCES);
    expect(text).toBe(SENTENCES.join(' '));
    offsets.forEach((range, i) => expect(text.slice(range.start, range.end)).toBe(SENTENCES[i]));
    expect(joinSentences([])).toEqual({ text: '', offsets: [] });
  });
});

describe('mapFindings', () => {
  const { text, offsets } = joinSentences(SENTENCES);
  const at = (i: number) => offsets[i];

  it('puts a finding on the sentence it covers', () => {
    const f = finding(at(1), SENTENCES[1], 'Loaded_Language');
    const mapped = mapFindings([f], offsets);
    expect(mapped.sentences.map((list) => list.length)).toEqual([0, 1, 0, 0]);
    expect(mapped.sentences[1][0]).toBe(f);
  });

  it('flags both sentences when the segmenter merged them into one finding', () => {
    const merged = { start: at(2).start, end: at(3).end };
    const mapped = mapFindings([finding(merged, text.slice(merged.start, merged.end), 'Doubt')], offsets);
    expect(mapped.sentences.map((list) => list.length)).toEqual([0, 0, 1, 1]);
  });

  it('puts both halves on one sentence when the segmenter split it', () => {
    const split = text.indexOf('Smith');
    const halves = [finding({ start: at(2).start, end: split - 1 }, 'Third: Dr.', 'Doubt'), finding({ start: split, end: at(2).end }, 'Smith spoke.', 'Slogans')];
    const mapped = mapFindings(halves, offsets);
    expect(mapped.sentences[2]).toEqual(halves);
    expect(mapped.sentences.filter((list) => list.length > 0)).toHaveLength(1);
  });

  it('ignores the joining space and sends headline findings apart', () => {
    // A finding that only touches the space between two sentences flags neither.
    const space = { start: at(0).end, end: at(1).start };
    const headline = finding({ start: 0, end: 5 }, 'Title', 'clickbait', { isHeadline: true });
    const mapped = mapFindings([finding(space, ' ', 'Doubt'), headline], offsets);
    expect(mapped.sentences.every((list) => list.length === 0)).toBe(true);
    expect(mapped.headline).toEqual([headline]);
  });

  it('maps an article’s findings to item ids, headline first', () => {
    const article = ARTICLES[0];
    const joined = joinSentences(article.sentences.map((s) => s.text));
    const items = articleItems(article);
    const third = joined.offsets[2];
    const byItem = findingsByItem(items, analysisOf([finding(third, article.sentences[2].text, 'Name_Calling-Labeling'), finding({ start: 0, end: article.headline.length }, article.headline, 'clickbait', { isHeadline: true })]), joined.offsets);
    expect(Object.keys(byItem)).toEqual(items.map((i) => i.id));
    expect(byItem.headline).toHaveLength(1);
    expect(byItem.s2).toHaveLength(1);
    expect(byItem.s0).toHaveLength(0);
  });
});

describe('flaggedLabels', () => {
  it('lists every label once, strongest first per finding', () => {
    const a = finding({ start: 0, end: 3 }, 'abc', 'Doubt', { labels: [{ label: 'Doubt', score: 0.9, threshold: 0.3 }, { label: 'loaded_language', score: 0.5, threshold: 0.3 }] });
    const b = finding({ start: 4, end: 6 }, 'de', 'loaded_language');
    expect(flaggedLabels([a, b])).toEqual(['Doubt', 'loaded_language']);
  });
});
