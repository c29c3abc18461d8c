// The message protocol: valid messages pass, every malformed one is refused with a clear error.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BackgroundMessage,
  ContentMessage,
  LIMITS,
  PopupMessage,
  ProtocolError,
  chunkText,
  parseBackgroundRequest,
  parseContentRequest,
  parsePopupRequest,
} from '../../extension/messages';

const chunk = { type: ContentMessage.AnalyzeChunk, scanId: 'a1', url: 'https://news.example/x', title: 'T', kind: 'article', index: 0, count: 1, text: 'Hello.' };

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ProtocolError);
    return (error as Error).message;
  }
  throw new Error('expected a ProtocolError');
}

describe('parseContentRequest', () => {
  it('accepts a well-formed chunk and an unreadable notice', () => {
    expect(parseContentRequest(chunk)).toEqual(chunk);
    const unreadable = { type: ContentMessage.PageUnreadable, url: 'file:///x.pdf', reason: 'PDF' };
    expect(parseContentRequest(unreadable)).toEqual(unreadable);
  });

  it('accepts a request for a shipped locale\'s messages, nothing else', () => {
    expect(parseContentRequest({ type: ContentMessage.GetMessages, locale: 'uk' })).toEqual({ type: ContentMessage.GetMessages, locale: 'uk' });
    expect(errorOf(() => parseContentRequest({ type: ContentMessage.GetMessages, locale: '../../manifest' }))).toBe('locale: expected one of en, fr, de, pl, uk, es');
    expect(errorOf(() => parseContentRequest({ type: ContentMessage.GetMessages }))).toContain('locale');
  });

  it.each([
    [null, 'message: expected an object'],
    [[], 'message: expected an object'],
    ['hello', 'message: expected an object'],
    [{ type: 'nope' }, 'type: expected one of'],
    [{ ...chunk, type: PopupMessage.GetTabState }, 'type: expected one of'],
    [{ ...chunk, text: 42 }, 'text: expected a string'],
    [{ ...chunk, text: 'x'.repeat(LIMITS.chunkChars + 1) }, `text: expected at most ${LIMITS.chunkChars} characters`],
    [{ ...chunk, kind: 'video' }, 'kind: expected one of article, feed'],
    [{ ...chunk, index: 1.5 }, 'index: expected an integer'],
    [{ ...chunk, index: 2, count: 2 }, 'index: expected less than count'],
    [{ ...chunk, count: LIMITS.chunks + 1 }, 'count: expected an integer'],
    [{ ...chunk, extra: true }, 'extra: not a field of'],
    [{ ...chunk, constructor: 1 }, 'constructor: not a field of'],
    [{ ...chunk, scanId: undefined }, 'scanId: expected a string'],
  ])('refuses %j with "%s"', (message, expected) => {
    expect(errorOf(() => parseContentRequest(message))).toContain(expected);
  });

  it('refuses any random value with a ProtocolError, never another exception', () => {
    fc.assert(
      fc.property(fc.anything({ withObjectString: true, withNullPrototype: true, withMap: true, withTypedArray: true }), (value) => {
        try {
          parseContentRequest(value);
        } catch (error) {
          expect(error).toBeInstanceOf(ProtocolError);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses random shapes that look almost right', () => {
    const nearChunk = fc.record({ type: fc.constant(ContentMessage.AnalyzeChunk), scanId: fc.anything(), url: fc.anything(), title: fc.string(), kind: fc.constantFrom('article', 'feed', 'x'), index: fc.anything(), count: fc.anything(), text: fc.anything() });
    fc.assert(
      fc.property(nearChunk, (value) => {
        let parsed: unknown;
        try {
          parsed = parseContentRequest(value);
        } catch (error) {
          expect(error).toBeInstanceOf(ProtocolError);
          return;
        }
        // Whatever passes is well typed.
        const p = parsed as typeof chunk;
        expect(typeof p.scanId === 'string' && typeof p.text === 'string' && Number.isInteger(p.index) && p.index < p.count).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

const posts = { type: ContentMessage.AnalyzePosts, scanId: 'a1', url: 'https://feed.example/', posts: [{ id: 'k3x9', text: 'Lost cat near the park.' }, { id: 'q7', text: 'Bus 12 is late.' }] };

describe('AnalyzePosts', () => {
  it('accepts a well-formed batch of posts', () => {
    expect(parseContentRequest(posts)).toEqual(posts);
    const full = { ...posts, posts: Array.from({ length: LIMITS.posts }, (_, i) => ({ id: `p${i}`, text: 'x'.repeat(Math.floor(LIMITS.postsChars / LIMITS.posts)) })) };
    expect(parseContentRequest(full)).toEqual(full);
  });

  it.each([
    [{ ...posts, posts: [] }, `posts: expected a list of 1 to ${LIMITS.posts} items`],
    [{ ...posts, posts: 'Lost cat' }, 'posts: expected a list'],
    [{ ...posts, posts: Array.from({ length: LIMITS.posts + 1 }, (_, i) => ({ id: `p${i}`, text: 'Hi.' })) }, 'posts: expected a list'],
    [{ ...posts, posts: [null] }, 'posts[0]: expected an object'],
    [{ ...posts, posts: [['k', 'text']] }, 'posts[0]: expected an object'],
    [{ ...posts, posts: [{ id: 'k', text: 'Hi.', html: '<b>' }] }, 'posts[0].html: expected no such field'],
    [{ ...posts, posts: [{ id: 'k' }] }, 'posts[0].text: expected a string'],
    [{ ...posts, posts: [{ id: 7, text: 'Hi.' }] }, 'posts[0].id: expected a string'],
    [{ ...posts, posts: [{ id: 'x'.repeat(65), text: 'Hi.' }] }, 'posts[0].id: expected at most 64 characters'],
    [{ ...posts, posts: [{ id: 'a b', text: 'Hi.' }] }, 'posts: expected ids of letters'],
    [{ ...posts, posts: [{ id: '', text: 'Hi.' }] }, 'posts: expected ids of letters'],
    [{ ...posts, posts: [{ id: 'k', text: 'Hi.' }, { id: 'k', text: 'Hello.' }] }, 'posts: id k is repeated'],
    [{ ...posts, posts: [{ id: 'k', text: 'x'.repeat(LIMITS.postChars + 1) }] }, `posts[0].text: expected at most ${LIMITS.postChars} characters`],
    [{ ...posts, posts: Array.from({ length: 20 }, (_, i) => ({ id: `p${i}`, text: 'x'.repeat(LIMITS.postChars) })) }, `posts: expected at most ${LIMITS.postsChars} characters in all`],
    [{ ...posts, scanId: undefined }, 'scanId: expected a string'],
    [{ ...posts, url: 'x'.repeat(LIMITS.urlChars + 1) }, 'url: expected at most'],
    [{ ...posts, title: 'T' }, 'title: not a field of'],
  ])('refuses %#: "%s"', (message, expected) => {
    expect(errorOf(() => parseContentRequest(message))).toContain(expected);
  });

  it('refuses any random batch with a ProtocolError, never another exception', () => {
    fc.assert(
      fc.property(fc.array(fc.anything({ withNullPrototype: true }), { maxLength: 5 }), (items) => {
        try {
          parseContentRequest({ ...posts, posts: items });
        } catch (error) {
          expect(error).toBeInstanceOf(ProtocolError);
        }
      }),
    );
  });
});

describe('parsePopupRequest and parseBackgroundRequest', () => {
  it('accept their own types only', () => {
    expect(parsePopupRequest({ type: PopupMessage.GetTabState, tabId: 3 })).toEqual({ type: PopupMessage.GetTabState, tabId: 3 });
    expect(errorOf(() => parsePopupRequest({ type: PopupMessage.GetTabState, tabId: -1 }))).toContain('tabId');
    expect(errorOf(() => parsePopupRequest({ type: BackgroundMessage.Rescan }))).toContain('type');
    expect(parseBackgroundRequest({ type: BackgroundMessage.SetHighlights, enabled: false })).toEqual({ type: BackgroundMessage.SetHighlights, enabled: false });
    expect(errorOf(() => parseBackgroundRequest({ type: BackgroundMessage.SetHighlights, enabled: 'no' }))).toContain('enabled: expected true or false');
    expect(errorOf(() => parseBackgroundRequest({ type: BackgroundMessage.FocusFinding, findingId: 'x'.repeat(LIMITS.idChars + 1) }))).toContain('findingId');
  });

  it('validate the selection messages (check what I selected)', () => {
    expect(parsePopupRequest({ type: PopupMessage.ClearSelection, tabId: 4 })).toEqual({ type: PopupMessage.ClearSelection, tabId: 4 });
    expect(errorOf(() => parsePopupRequest({ type: PopupMessage.ClearSelection }))).toContain('tabId');
    expect(errorOf(() => parsePopupRequest({ type: PopupMessage.ClearSelection, tabId: 4, text: 'x' }))).toContain('text: not a field of');
    expect(parseBackgroundRequest({ type: BackgroundMessage.GetSelection })).toEqual({ type: BackgroundMessage.GetSelection });
    expect(errorOf(() => parseBackgroundRequest({ type: BackgroundMessage.GetSelection, text: 'x' }))).toContain('text: not a field of');
    const analysis = { findings: [], risk: 0 };
    expect(parseBackgroundRequest({ type: BackgroundMessage.ShowSelection, analysis })).toEqual({ type: BackgroundMessage.ShowSelection, analysis });
    expect(parseBackgroundRequest({ type: BackgroundMessage.ShowSelection, message: 'Nothing is selected.' })).toEqual({ type: BackgroundMessage.ShowSelection, message: 'Nothing is selected.' });
    for (const bad of [null, [], 'text', {}, { findings: 'none' }]) expect(errorOf(() => parseBackgroundRequest({ type: BackgroundMessage.ShowSelection, analysis: bad }))).toContain('analysis: expected an analysis');
    expect(errorOf(() => parseBackgroundRequest({ type: BackgroundMessage.ShowSelection }))).toContain('not both or neither');
    expect(errorOf(() => parseBackgroundRequest({ type: BackgroundMessage.ShowSelection, analysis, message: 'x' }))).toContain('not both or neither');
    expect(errorOf(() => parseBackgroundRequest({ type: BackgroundMessage.ShowSelection, message: 'x'.repeat(LIMITS.reasonChars + 1) }))).toContain('message');
    // The selection messages go one way only.
    expect(errorOf(() => parsePopupRequest({ type: BackgroundMessage.GetSelection }))).toContain('type');
    expect(errorOf(() => parseContentRequest({ type: BackgroundMessage.ShowSelection, message: 'x' }))).toContain('type');
    expect(errorOf(() => parseBackgroundRequest({ type: PopupMessage.ClearSelection, tabId: 1 }))).toContain('type');
  });
});

describe('chunkText', () => {
  it('splits into protocol-sized chunks that join back to the text, never inside a surrogate pair', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.integer({ min: 2, max: 17 }), (text, size) => {
        const chunks = chunkText(text, size);
        expect(chunks.join('')).toBe(text);
        for (const c of chunks) {
          expect(c.length).toBeLessThanOrEqual(size);
          expect(/^[\uDC00-\uDFFF]/.test(c)).toBe(false);
        }
      }),
    );
    expect(chunkText('')).toEqual(['']);
  });
});
