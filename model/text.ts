// Text handling shared by training and inference: normalisation, sentence segmentation,
// tokenisation. Every offset here is a UTF-16 index into the caller's original string,
// so findings can be mapped back to the page.

/** A span of the original text. `end` is exclusive. */
export interface Span {
  start: number;
  end: number;
}

export interface Sentence extends Span {
  text: string;
}

export interface Token extends Span {
  /** The token as written in the original text. */
  raw: string;
  /** NFKC, lower-cased, format characters removed: what features are built from. */
  norm: string;
}

/** Sentences longer than this are cut at a space so one run-on "sentence" cannot dominate cost. */
export const MAX_SENTENCE_CHARS = 1200;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Zero-width and other format characters (soft hyphen, ZWJ, BOM, bidi marks) hide words from matching.
const FORMAT_CHARS = /\p{Cf}/gu;
const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;

/** Replace lone surrogates with U+FFFD without changing the string's length (offsets stay valid). */
export function toWellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}

const ASCII = /^[\x20-\x7e]*$/;

/** Canonical form of one token for feature hashing. */
export function normalizeToken(raw: string): string {
  // Printable ASCII is already NFKC and has no format characters: skip the costly steps.
  if (ASCII.test(raw)) return raw.toLowerCase();
  return raw.normalize('NFKC').replace(FORMAT_CHARS, '').toLowerCase();
}

const WORD_PART = '[\\p{L}\\p{M}\\p{N}\\p{Cf}]+';
// Words (with inner apostrophes/hyphens), plus the punctuation that carries tone.
const TOKEN_PATTERN = new RegExp(`${WORD_PART}(?:['’\\-]${WORD_PART})*|[!?"“”«»„…]`, 'gu');

export function tokenize(text: string): Token[] {
  const safe = toWellFormed(text);
  const tokens: Token[] = [];
  for (const match of safe.matchAll(TOKEN_PATTERN)) {
    const norm = normalizeToken(match[0]);
    if (norm.length === 0) continue;
    const start = match.index ?? 0;
    tokens.push({ start, end: start + match[0].length, raw: match[0], norm });
  }
  return tokens;
}

const segmenters = new Map<string, Intl.Segmenter>();
function sentenceSegmenter(locale: string): Intl.Segmenter {
  let segmenter = segmenters.get(locale);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(locale, { granularity: 'sentence' });
    segmenters.set(locale, segmenter);
  }
  return segmenter;
}

/** Intl.Segmenter is fed windows of at most this many characters. */
const SEGMENT_WINDOW = 8192;

/**
 * Split text into sentences with offsets into `text`. Segments without a letter or digit are
 * dropped; over-long segments are cut at whitespace near MAX_SENTENCE_CHARS.
 */
export function segmentSentences(text: string, locale = 'en'): Sentence[] {
  const safe = toWellFormed(text);
  const sentences: Sentence[] = [];
  for (const raw of rawSegments(safe, sentenceSegmenter(locale))) {
    for (const span of splitLong(safe.slice(raw.start, raw.end), raw.start)) {
      const trimmed = trimSpan(safe, span);
      if (trimmed.end <= trimmed.start) continue;
      const sentenceText = safe.slice(trimmed.start, trimmed.end);
      if (!HAS_WORD_CHAR.test(sentenceText)) continue;
      sentences.push({ ...trimmed, text: sentenceText });
    }
  }
  return sentences;
}

// V8's segmenter slows down quadratically on very long strings (500 kB took 5 s), so the
// text is segmented window by window; each window's last, possibly cut, segment is redone.
function* rawSegments(text: string, segmenter: Intl.Segmenter): Generator<Span> {
  let start = 0;
  while (start < text.length) {
    const end = Math.min(text.length, start + SEGMENT_WINDOW);
    const window = text.slice(start, end);
    let last: Span | undefined;
    for (const part of segmenter.segment(window)) {
      if (last) yield last;
      last = { start: start + part.index, end: start + part.index + part.segment.length };
    }
    if (!last) break;
    if (end === text.length) {
      yield last;
      break;
    }
    if (last.start > start) {
      start = last.start;
      continue;
    }
    // A whole window without a sentence break: cut it at a space (or at least between characters).
    const cut = cutPoint(text, start, end);
    yield { start, end: cut };
    start = cut;
  }
}

/** Where to end a piece of text[start, end): after the last space in its second half, never inside a surrogate pair. */
function cutPoint(text: string, start: number, end: number): number {
  const space = text.lastIndexOf(' ', end - 1);
  if (space > start + (end - start) / 2) return space + 1;
  return isHighSurrogate(text.charCodeAt(end - 1)) ? end - 1 : end;
}

function splitLong(segment: string, offset: number): Span[] {
  if (segment.length <= MAX_SENTENCE_CHARS) return [{ start: offset, end: offset + segment.length }];
  const spans: Span[] = [];
  let start = 0;
  while (start < segment.length) {
    const end = start + MAX_SENTENCE_CHARS >= segment.length ? segment.length : cutPoint(segment, start, start + MAX_SENTENCE_CHARS);
    spans.push({ start: offset + start, end: offset + end });
    start = end;
  }
  return spans;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

const SPACE = /[\s\p{Cf}]/u;
function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && SPACE.test(text[start])) start++;
  while (end > start && SPACE.test(text[end - 1])) end--;
  return { start, end };
}
