// extension/feedback.ts over a fake storage.local: keyed by page (without #fragment) and sentence,
// bounded (oldest evicted), corrupt entries set aside one by one, clear really empties, JSONL export.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FEEDBACK_ENTRY_PREFIX, FEEDBACK_INDEX_KEY, FEEDBACK_LIMITS, FEEDBACK_PREFIX, FEEDBACK_QUARANTINE_PREFIX, FeedbackStore, feedbackFileName, feedbackId, feedbackKey, lookupVerdicts, pageAddress, type FeedbackInput } from '../../extension/feedback';
import { FakeLocal } from './feedback/fakes';

const PAGE = 'https://news.example/story?id=4';
const SENTENCE = 'These corrupt, power-hungry bureaucrats have once again betrayed every hardworking family.';
const input = (overrides: Partial<FeedbackInput> = {}): FeedbackInput => ({ url: PAGE, text: SENTENCE, label: 'Name_Calling-Labeling', findingId: 's0-90', verdict: 'not_manipulative', at: 1000, lang: 'en', ...overrides });

let warn: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());

describe('keys', () => {
  it('are the page without its #fragment and the sentence, spaces collapsed', () => {
    expect(pageAddress('https://a.example/x?q=1#part')).toBe('https://a.example/x?q=1');
    expect(feedbackId('https://a.example/x#one', 'A  sentence.\n')).toBe(feedbackId('https://a.example/x#two', 'A sentence.'));
    expect(feedbackId('https://a.example/x', 'A sentence.')).not.toBe(feedbackId('https://a.example/y', 'A sentence.'));
    expect(feedbackId('https://a.example/x', 'A sentence.')).not.toBe(feedbackId('https://a.example/x', 'Another sentence.'));
    expect(feedbackId(PAGE, SENTENCE)).toMatch(/^[0-9a-f]{16}-[0-9a-f]{16}$/);
  });
});

describe('FeedbackStore', () => {
  it('records a verdict, finds it again on the same page (any #fragment) and not on another page', async () => {
    const area = new FakeLocal();
    const store = new FeedbackStore(area);
    const entry = await store.record(input({ url: `${PAGE}#comments` }));
    expect(entry).toEqual({ version: 1, text: SENTENCE, label: 'Name_Calling-Labeling', verdict: 'not_manipulative', url: PAGE, findingId: 's0-90', at: 1000, lang: 'en' });
    expect(area.keys()).toEqual([FEEDBACK_INDEX_KEY, feedbackKey(feedbackId(PAGE, SENTENCE))].sort());
    expect((await store.lookup(PAGE, [SENTENCE, 'Other.'])).get(SENTENCE)?.verdict).toBe('not_manipulative');
    expect((await store.lookup('https://news.example/other', [SENTENCE])).size).toBe(0);
    // The content script's read-only path sees the same.
    expect(await lookupVerdicts(area, `${PAGE}#top`, [SENTENCE])).toEqual(new Map([[SENTENCE, 'not_manipulative']]));
    expect(await lookupVerdicts(area, 'https://news.example/other', [SENTENCE])).toEqual(new Map());
  });

  it('replaces a verdict on the same sentence, and removes it on undo', async () => {
    const area = new FakeLocal();
    const store = new FeedbackStore(area);
    await store.record(input());
    await store.record(input({ verdict: 'correct', at: 2000 }));
    expect((await store.list()).map((e) => e.verdict)).toEqual(['correct']);
    expect(await store.record(input({ verdict: null }))).toBeNull();
    expect(await store.list()).toEqual([]);
    expect(area.keys(FEEDBACK_ENTRY_PREFIX)).toEqual([]);
  });

  it('caps the stored sentence and keeps at most maxEntries verdicts, evicting the oldest', async () => {
    const area = new FakeLocal();
    const store = new FeedbackStore(area, { maxEntries: 3 });
    const long = await store.record(input({ text: 'x'.repeat(5000) }));
    expect(long!.text).toHaveLength(FEEDBACK_LIMITS.textChars);
    for (let i = 1; i <= 4; i++) await store.record(input({ text: `Sentence ${i}.`, at: 1000 + i }));
    expect((await store.list()).map((e) => e.text)).toEqual(['Sentence 2.', 'Sentence 3.', 'Sentence 4.']);
    expect(area.keys(FEEDBACK_ENTRY_PREFIX)).toHaveLength(3);
    // Setting a verdict again makes it the newest.
    await store.record(input({ text: 'Sentence 2.', verdict: 'correct', at: 3000 }));
    await store.record(input({ text: 'Sentence 5.', at: 3001 }));
    expect((await store.list()).map((e) => e.text)).toEqual(['Sentence 4.', 'Sentence 2.', 'Sentence 5.']);
  });

  it('sets corrupt entries aside one by one with a warning, never a valid one', async () => {
    const area = new FakeLocal();
    const store = new FeedbackStore(area);
    for (let i = 1; i <= 3; i++) await store.record(input({ text: `Sentence ${i}.`, at: i }));
    const bad = feedbackKey(feedbackId(PAGE, 'Sentence 2.'));
    area.data.set(bad, { version: 1, text: 42 });
    const future = feedbackKey(feedbackId(PAGE, 'Sentence 3.'));
    area.data.set(future, { version: 9, anything: true });
    expect((await store.list()).map((e) => e.text)).toEqual(['Sentence 1.']);
    expect(warn).toHaveBeenCalledWith('unspin feedback:', expect.stringContaining('corrupt (text)'));
    expect(warn).toHaveBeenCalledWith('unspin feedback:', expect.stringContaining('newer version'));
    expect(area.data.has(bad)).toBe(false);
    const quarantined = area.keys(FEEDBACK_QUARANTINE_PREFIX);
    expect(quarantined).toHaveLength(2);
    expect(quarantined.map((k) => area.data.get(k))).toContainEqual({ version: 9, anything: true });
    expect((area.data.get(FEEDBACK_INDEX_KEY) as { ids: string[] }).ids).toEqual([feedbackId(PAGE, 'Sentence 1.')]);
    // Quarantined entries are never exported.
    expect((await store.exportJsonl()).count).toBe(1);
  });

  it('rebuilds a corrupt index from the entries, oldest first', async () => {
    const area = new FakeLocal();
    const store = new FeedbackStore(area);
    await store.record(input({ text: 'B.', at: 20 }));
    await store.record(input({ text: 'A.', at: 10 }));
    area.data.set(FEEDBACK_INDEX_KEY, 'garbage');
    expect((await store.list()).map((e) => e.text)).toEqual(['A.', 'B.']);
    expect(warn).toHaveBeenCalledWith('unspin feedback:', expect.stringContaining('rebuilding'));
  });

  it('clear removes every feedback key (quarantine included) and nothing else', async () => {
    const area = new FakeLocal();
    area.data.set('history:index', { version: 1, entries: [] });
    const store = new FeedbackStore(area);
    await store.record(input());
    area.data.set(`${FEEDBACK_QUARANTINE_PREFIX}x`, { version: 7 });
    await store.clear();
    expect(area.keys(FEEDBACK_PREFIX)).toEqual([]);
    expect(area.keys()).toEqual(['history:index']);
    expect(await store.count()).toBe(0);
  });

  it('exports one JSON object per line: text, label, verdict and lang where known', async () => {
    const store = new FeedbackStore(new FakeLocal());
    await store.record(input());
    await store.record(input({ text: 'Say "no" now.', label: 'Slogans', verdict: 'correct', lang: undefined, at: 2000, url: 'https://b.example/' }));
    const { jsonl, count } = await store.exportJsonl();
    expect(count).toBe(2);
    expect(jsonl.endsWith('\n')).toBe(true);
    expect(jsonl.trimEnd().split('\n').map((line) => JSON.parse(line))).toEqual([
      { text: SENTENCE, label: 'Name_Calling-Labeling', verdict: 'not_manipulative', lang: 'en' },
      { text: 'Say "no" now.', label: 'Slogans', verdict: 'correct' },
    ]);
    expect(feedbackFileName(new Date('2025-03-04T10:00:00Z'))).toBe('unspin-feedback-2025-03-04.jsonl');
  });
});
