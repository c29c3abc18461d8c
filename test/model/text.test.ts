// model/text.ts: sentence segmentation and tokenisation must give UTF-16 offsets that map
// straight back into the caller's string, whatever the string contains.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SENTENCE_CHARS, normalizeToken, segmentSentences, toWellFormed, tokenize, type Sentence, type Span } from '../../model/text';

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;
/** No lone surrogates (String.prototype.isWellFormed, written out for the ES2023 lib). */
function isWellFormed(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isHigh(c) && isLow(text.charCodeAt(i + 1))) i++;
    else if (isHigh(c) || isLow(c)) return false;
  }
  return true;
}

/** Offsets in bounds, text === slice, no overlap, in order. */
function expectValidSentences(original: string, sentences: Sentence[]): void {
  const safe = toWellFormed(original);
  let previousEnd = 0;
  for (const s of sentences) {
    expect(Number.isInteger(s.start) && Number.isInteger(s.end)).toBe(true);
    expect(s.start).toBeGreaterThanOrEqual(previousEnd);
    expect(s.end).toBeGreaterThan(s.start);
    expect(s.end).toBeLessThanOrEqual(original.length);
    expect(s.text).toBe(safe.slice(s.start, s.end));
    expect(s.end - s.start).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
    // Trimmed, and with something to read.
    expect(s.text).toBe(s.text.trim());
    expect(s.text).toMatch(/[\p{L}\p{N}]/u);
    previousEnd = s.end;
  }
}

function expectValidTokens(original: string, tokens: ReturnType<typeof tokenize>): void {
  const safe = toWellFormed(original);
  let previousEnd = 0;
  for (const t of tokens) {
    expect(t.start).toBeGreaterThanOrEqual(previousEnd);
    expect(t.end).toBeGreaterThan(t.start);
    expect(t.end).toBeLessThanOrEqual(original.length);
    expect(t.raw).toBe(safe.slice(t.start, t.end));
    expect(t.norm.length).toBeGreaterThan(0);
    expect(t.norm).toBe(normalizeToken(t.raw));
    previousEnd = t.end;
  }
}

/** Pieces that stress the segmenter and tokenizer: controls, format characters, RTL, CJK, emoji, entities, lone surrogates. */
const TRICKY = [
  '\u200b', '\u200c', '\u200d', '\u00ad', '\ufeff', '\u202e', '\u2066', '\u0000', '\u0007', '\u001f', '\t', '\n', '\r\n', ' ', '  ',
  '.', '. ', '!', '?', '…', '!!!', '?!', '"', '“', '”', '«', '»', '„', "'", '’', '-', '—',
  'Mr.', 'e.g.', 'U.S.', '3.14', 'word', 'Hello', 'WORLD', 'café', 'Straße', 'ﬁ', 'ＨＥＬＬＯ',
  'مرحبا بالعالم', 'שלום', '中文句子。', '日本語の文です。', '한국어', 'Привет, мир.',
  '😀', '👍🏽', '👨‍👩‍👧', '🇫🇷', '𠀀', '𝐀', '&amp;', '&lt;b&gt;', '&#8217;', '<p>', '\ud800', '\udc00', '\udbff', 'x\ud83d',
];
const trickyString = fc.array(fc.oneof(fc.constantFrom(...TRICKY), fc.string({ unit: 'grapheme', maxLength: 8 })), { maxLength: 40 }).map((parts) => parts.join(''));
/** Any UTF-16 code unit sequence, lone surrogates included. */
const anyUtf16 = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 200 });
const anyCodePoints = fc.string({ unit: 'binary', maxLength: 200 });
const anyText = fc.oneof(trickyString, anyUtf16, anyCodePoints, fc.string({ unit: 'grapheme', maxLength: 200 }));

describe('toWellFormed', () => {
  it('replaces only lone surrogates and keeps the length', () => {
    expect(toWellFormed('a\ud800b')).toBe('a\ufffdb');
    expect(toWellFormed('a\udc00b')).toBe('a\ufffdb');
    expect(toWellFormed('\udc00\ud800')).toBe('\ufffd\ufffd');
    expect(toWellFormed('ok 😀')).toBe('ok 😀');
    fc.assert(
      fc.property(anyUtf16, (text) => {
        const safe = toWellFormed(text);
        expect(safe.length).toBe(text.length);
        expect(isWellFormed(safe)).toBe(true);
        if (isWellFormed(text)) expect(safe).toBe(text);
      }),
    );
  });
});

describe('segmentSentences', () => {
  it('splits plain sentences with offsets that slice back to the text', () => {
    const text = 'The meeting started at 9 a.m. on Monday. Was it late? No!  It was on time.';
    const sentences = segmentSentences(text);
    expectValidSentences(text, sentences);
    expect(sentences.map((s) => s.text)).toEqual(['The meeting started at 9 a.m. on Monday.', 'Was it late?', 'No!', 'It was on time.']);
  });

  it('trims surrounding whitespace and zero-width characters from each sentence', () => {
    const text = '  \u200bHi there.\u200b  Second one!  ';
    const sentences = segmentSentences(text);
    expect(sentences).toEqual([
      { start: 3, end: 12, text: 'Hi there.' },
      { start: 15, end: 26, text: 'Second one!' },
    ]);
  });

  it('drops segments with no letter or digit', () => {
    expect(segmentSentences('')).toEqual([]);
    expect(segmentSentences('   \n\t ')).toEqual([]);
    expect(segmentSentences('!!! ??? ... — …')).toEqual([]);
    expect(segmentSentences('😀😀. 🔥!')).toEqual([]);
    const text = 'First point.\n\n* * *\n\n— — —\n\nSecond point.';
    const sentences = segmentSentences(text);
    expectValidSentences(text, sentences);
    expect(sentences.map((s) => s.text)).toEqual(['First point.', 'Second point.']);
  });

  it('keeps paragraphs apart', () => {
    const text = 'A headline without a full stop\n\nThe body starts here. It goes on.';
    const sentences = segmentSentences(text);
    expectValidSentences(text, sentences);
    expect(sentences[0].text).toBe('A headline without a full stop');
  });

  it('segments CJK and RTL text with the right locale', () => {
    const zh = '今天天气很好。我们去公园吧！你觉得呢？';
    const zhSentences = segmentSentences(zh, 'zh');
    expectValidSentences(zh, zhSentences);
    expect(zhSentences.map((s) => s.text)).toEqual(['今天天气很好。', '我们去公园吧！', '你觉得呢？']);
    const ar = 'مرحبا بالعالم. كيف حالك؟';
    const arSentences = segmentSentences(ar, 'ar');
    expectValidSentences(ar, arSentences);
    expect(arSentences).toHaveLength(2);
  });

  it('cuts a 20,000-character run-on sentence into pieces at most MAX_SENTENCE_CHARS long, at spaces', () => {
    const words = Array.from({ length: 3000 }, (_, i) => `word${i % 97}`);
    const text = words.join(' ');
    expect(text.length).toBeGreaterThan(20_000);
    const sentences = segmentSentences(text);
    expectValidSentences(text, sentences);
    expect(sentences.length).toBeGreaterThanOrEqual(Math.ceil(text.length / MAX_SENTENCE_CHARS));
    // Cut at spaces: no word is split, so re-joining the pieces gives back the words.
    expect(sentences.map((s) => s.text).join(' ')).toBe(text);
    // Nothing but whitespace is lost between pieces.
    for (let i = 1; i < sentences.length; i++) expect(text.slice(sentences[i - 1].end, sentences[i].start).trim()).toBe('');
  });

  it.each([
    ['supplementary letters only', '𠀀'.repeat(10_000)],
    ['supplementary letters after one ASCII letter (odd offsets)', `x${'𠀀'.repeat(9_999)}`],
    ['mathematical letters after a short word', `ab ${'𝐀'.repeat(10_000)}`],
  ])('cuts a 20,000-character run-on without spaces without splitting a surrogate pair: %s', (_, text) => {
    const sentences = segmentSentences(text);
    expectValidSentences(text, sentences);
    // Every character is a letter, so the pieces cover the whole text.
    expect(sentences.reduce((n, s) => n + s.end - s.start, 0)).toBe(text.length);
    const splitPairs = sentences.filter((s) => isLow(text.charCodeAt(s.start)) || isHigh(text.charCodeAt(s.end - 1))).map((s) => `${s.start}-${s.end}`);
    expect(splitPairs, 'sentences that start or end inside a surrogate pair').toEqual([]);
    for (const s of sentences) expect(isWellFormed(s.text)).toBe(true);
  });

  it('finds every sentence of a long text, including around internal window boundaries', () => {
    // ~60k characters of distinct sentences: any sentence cut or merged at a boundary shows up.
    const expected = Array.from({ length: 1500 }, (_, i) => `Sentence number ${i} says ${'very '.repeat(i % 9)}little.`);
    const text = expected.join(' ');
    const sentences = segmentSentences(text);
    expectValidSentences(text, sentences);
    expect(sentences.map((s) => s.text)).toEqual(expected);
  });

  it('does not throw on lone surrogates and keeps offsets into the original', () => {
    const text = 'Bad \ud800 char here. Another \udc00 one.';
    const sentences = segmentSentences(text);
    expectValidSentences(text, sentences);
    expect(sentences.map((s) => s.text)).toEqual(['Bad \ufffd char here.', 'Another \ufffd one.']);
  });

  it('segments 5 MB in bounded time', () => {
    const sentences = ['The council approved the budget on Tuesday.', 'These officials are destroying our nation!', 'The report has forty pages.'];
    const text = Array.from({ length: Math.ceil(5_000_000 / 40) }, (_, i) => sentences[i % 3]).join(' ');
    const started = performance.now();
    const result = segmentSentences(text);
    const elapsed = performance.now() - started;
    console.log(`segmentSentences: ${(text.length / 1e6).toFixed(1)} M chars -> ${result.length} sentences in ${elapsed.toFixed(0)} ms`);
    expect(result.length).toBeGreaterThan(100_000);
    expect(elapsed).toBeLessThan(15_000);
  });

  it('property: never throws; offsets in bounds, ordered, non-overlapping, text === slice', () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom('en', 'fr', 'ru', 'zh', 'ar', 'ja'), (text, locale) => {
        expectValidSentences(text, segmentSentences(text, locale));
      }),
      { numRuns: 400 },
    );
  });

  it('property: long texts (beyond the segmenter window) keep valid offsets', () => {
    const longText = fc.array(fc.constantFrom(...TRICKY, 'plain words here', 'x'.repeat(50)), { minLength: 2_000, maxLength: 5_000 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(longText, (text) => {
        expectValidSentences(text, segmentSentences(text));
      }),
      { numRuns: 15 },
    );
  });

  it('property: every letter or digit of the text is inside some sentence', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const safe = toWellFormed(text);
        const sentences = segmentSentences(text);
        const covered = (i: number) => sentences.some((s) => s.start <= i && i < s.end);
        for (const m of safe.matchAll(/[\p{L}\p{N}]/gu)) expect(covered(m.index), `character ${m.index} (${JSON.stringify(m[0])})`).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('tokenize', () => {
  it('finds words, inner apostrophes and hyphens, and tone punctuation, with offsets into the raw text', () => {
    const text = "Don't   panic — it's a well-known trick!!";
    const tokens = tokenize(text);
    expectValidTokens(text, tokens);
    expect(tokens.map((t) => t.raw)).toEqual(["Don't", 'panic', "it's", 'a', 'well-known', 'trick', '!', '!']);
    expect(tokens.map((t) => t.norm)).toEqual(["don't", 'panic', "it's", 'a', 'well-known', 'trick', '!', '!']);
  });

  it('removes zero-width characters inside a word from norm, while the offsets cover the raw word', () => {
    const text = 'a wo\u200brd and so\u00adft';
    const tokens = tokenize(text);
    expectValidTokens(text, tokens);
    const word = tokens[1];
    expect(word).toEqual({ start: 2, end: 7, raw: 'wo\u200brd', norm: 'word' });
    expect(tokens[3]).toEqual({ start: 12, end: 17, raw: 'so\u00adft', norm: 'soft' });
  });

  it('normalises width and case (NFKC, lower case)', () => {
    expect(tokenize('ＨＥＬＬＯ')[0].norm).toBe('hello');
    expect(tokenize('HeLLo')[0].norm).toBe('hello');
    expect(tokenize('ﬁne')[0].norm).toBe('fine');
    expect(tokenize('Café')[0].norm).toBe(tokenize('Cafe\u0301')[0].norm);
  });

  it('keeps offsets valid around emoji, CJK and RTL text', () => {
    const text = '😀 Hello 中文 مرحبا 𠀀x 🇫🇷!';
    const tokens = tokenize(text);
    expectValidTokens(text, tokens);
    expect(tokens.map((t) => t.raw)).toEqual(['Hello', '中文', 'مرحبا', '𠀀x', '!']);
  });

  it('does not throw on lone surrogates and keeps the length', () => {
    const text = 'ab\ud800cd \udc00 ef';
    const tokens = tokenize(text);
    expectValidTokens(text, tokens);
    expect(tokens.map((t) => t.raw)).toEqual(['ab', 'cd', 'ef']);
  });

  it('drops tokens made only of format characters', () => {
    expect(tokenize('\u200b \u200d\u200c \ufeff')).toEqual([]);
  });

  it('property: never throws; raw === slice of the original, ordered, norm non-empty', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expectValidTokens(text, tokenize(text));
      }),
      { numRuns: 500 },
    );
  });

  it('property: tokens inside a sentence are the sentence-level tokens shifted by its start', () => {
    fc.assert(
      fc.property(trickyString, (text) => {
        for (const sentence of segmentSentences(text)) {
          for (const token of tokenize(sentence.text)) {
            const span: Span = { start: sentence.start + token.start, end: sentence.start + token.end };
            expect(toWellFormed(text).slice(span.start, span.end)).toBe(token.raw);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
