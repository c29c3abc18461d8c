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

describe('parsePopupRequest and parseBackgroundRequest', () => {
  it('accept their own types only', () => {
    expect(parsePopupRequest({ type: PopupMessage.GetTabState, tabId: 3 })).toEqual({ type: PopupMessage.GetTabState, tabId: 3 });
    expect(errorOf(() => parsePopupRequest({ type: PopupMessage.GetTabState, tabId: -1 }))).toContain('tabId');
    expect(errorOf(() => parsePopupRequest({ type: BackgroundMessage.Rescan }))).toContain('type');
    expect(parseBackgroundRequest({ type: BackgroundMessage.SetHighlights, enabled: false })).toEqual({ type: BackgroundMessage.SetHighlights, enabled: false });
    expect(errorOf(() => parseBackgroundRequest({ type: BackgroundMessage.SetHighlights, enabled: 'no' }))).toContain('enabled: expected true or false');
    expect(errorOf(() => parseBackgroundRequest({ type: BackgroundMessage.FocusFinding, findingId: 'x'.repeat(LIMITS.idChars + 1) }))).toContain('findingId');
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
