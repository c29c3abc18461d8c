// @vitest-environment happy-dom
// textmap.ts: the analysed text and the way back from any (start, end) to the page's DOM.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { segmentSentences } from '../../../model/text';
import { fixture, loadPage, mapOf, withoutSpace } from './helpers';

const inline = () => loadPage(fixture('content/inline.html'));

function mapById(document: Document, id: string) {
  return mapOf(document.getElementById(id)!);
}

function rangeText(map: ReturnType<typeof mapOf>, needle: string): string {
  const start = map.text.indexOf(needle);
  expect(start, `"${needle}" in "${map.text}"`).toBeGreaterThanOrEqual(0);
  return map.rangeOf(start, start + needle.length)!.toString();
}

describe('the analysed text', () => {
  it('collapses whitespace across inline elements and keeps no space at block edges', () => {
    expect(mapById(inline(), 'spans').text).toBe('The mayor said the new transit plan would cut commute times. Critics were not convinced.');
    expect(mapById(inline(), 'split').text).toBe('Words split across many spans, with code and strong text inside.');
  });

  it('holds decoded entities, and a non-breaking space as a space', () => {
    expect(mapById(inline(), 'entities').text).toBe('Fish & chips cost £5 today. Prices <will> rise "soon".');
  });

  it('writes a <br> as a line break and two as a paragraph break', () => {
    expect(mapById(inline(), 'breaks').text).toBe('First line of a poem\nSecond line of the poem\n\nA new stanza begins here.');
  });

  it('separates blocks, nested ones too, by a blank line', () => {
    expect(mapById(inline(), 'nested').text).toBe('Outer text before\n\nan inner block\n\nand outer text after.');
    expect(mapOf(inline().body).text.split('\n\n')).toContain('Emoji 😀 sit in text. Accents: café, naïve, Zürich. Done.');
  });
});

describe('mapping text back to the DOM', () => {
  it('maps a sentence that spans <b>, <a> and <em> to one Range', () => {
    const document = inline();
    const map = mapById(document, 'spans');
    const range = map.rangeOf(0, map.text.indexOf('.') + 1)!;
    expect(range.toString()).toBe('The mayor said the new transit plan would cut commute times.');
    expect(range.startContainer.parentElement!.id).toBe('spans');
    expect((range.endContainer as Text).data).toContain('commute times.');
  });

  it('maps collapsed whitespace back to the whitespace it stands for', () => {
    const map = mapById(inline(), 'spans');
    expect(rangeText(map, 'Critics were not convinced.')).toBe('Critics   were\n   not convinced.');
  });

  it('maps entities and a non-breaking space to their characters', () => {
    const map = mapById(inline(), 'entities');
    expect(rangeText(map, 'Fish & chips cost £5 today.')).toBe('Fish & chips cost £5\u00a0today.');
    expect(rangeText(map, 'Prices <will> rise "soon".')).toBe('Prices <will> rise "soon".');
  });

  it('maps the lines around a <br> separately', () => {
    const map = mapById(inline(), 'breaks');
    expect(rangeText(map, 'Second line of the poem')).toBe('Second line of the poem');
    // A range over the break itself spans both text nodes, not the <br>'s missing text.
    expect(withoutSpace(rangeText(map, 'poem\nSecond'))).toBe('poemSecond');
  });

  it('keeps surrogate pairs intact', () => {
    const map = mapById(inline(), 'unicode');
    expect(rangeText(map, 'Emoji 😀 sit')).toBe('Emoji 😀 sit');
  });

  it('gives one piece per text node, together the exact text', () => {
    const map = mapById(inline(), 'split');
    const pieces = map.piecesOf(0, map.text.length);
    expect(pieces.length).toBeGreaterThan(4);
    for (const piece of pieces) expect(piece.startContainer).toBe(piece.endContainer);
    expect(withoutSpace(pieces.map(String).join(''))).toBe(withoutSpace(map.text));
  });

  it('refuses offsets that are out of bounds, reversed or not integers', () => {
    const map = mapById(inline(), 'spans');
    for (const [start, end] of [[-1, 3], [3, 3], [5, 2], [0, map.text.length + 1], [0.5, 4], [Number.NaN, 4]]) {
      expect(map.rangeOf(start, end)).toBeNull();
      expect(map.piecesOf(start, end)).toEqual([]);
    }
  });

  it('returns null once the page has shortened the text node', () => {
    const document = inline();
    const map = mapById(document, 'entities');
    const node = document.getElementById('entities')!.firstChild as Text;
    node.data = 'x';
    expect(map.rangeOf(0, 10)).toBeNull();
  });

  it.each(['content/inline.html', 'content/article-with-chrome.html', 'content/forum.html', 'article.html', 'feed.html', 'headline-list.html'])('maps every sentence of %s back to its own text', (name) => {
    const map = mapOf(loadPage(fixture(name)).body);
    const sentences = segmentSentences(map.text);
    expect(sentences.length).toBeGreaterThan(3);
    for (const sentence of sentences) {
      expect(withoutSpace(map.rangeOf(sentence.start, sentence.end)!.toString()), sentence.text).toBe(withoutSpace(sentence.text));
      expect(withoutSpace(map.piecesOf(sentence.start, sentence.end).map(String).join(''))).toBe(withoutSpace(sentence.text));
    }
  });

  it('covers skipped content inside a sentence with the whole Range, never with its pieces', () => {
    const map = mapOf(loadPage(fixture('content/editor.html')).body);
    const sentence = segmentSentences(map.text).find((s) => s.text.startsWith('Your note:'))!;
    expect(sentence.text).toBe('Your note: will be kept for later use by the editor.');
    // The one Range runs from the first word to the last, over the editable span between them.
    expect(map.rangeOf(sentence.start, sentence.end)!.toString()).toContain('INLINE EDITABLE');
    const pieces = map.piecesOf(sentence.start, sentence.end);
    expect(pieces.map(String).join('')).toBe('Your note: will be kept for later use by the editor.');
  });
});

// Random inline markup: words, runs of whitespace (spaces, newlines, tabs, nbsp), entities,
// nested inline elements, <br> and blocks.
const word = fc.constantFrom('alpha', 'beta', 'Gamma.', 'delta!', 'x', '😀', 'café', '&amp;', '&lt;b&gt;', 'end?');
const space = fc.constantFrom(' ', '  ', '\n', '\t ', '&nbsp;', '\n\n   ');
const leaf = fc.tuple(word, space).map(([w, s]) => w + s);
const markup: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.constant('<br>'),
    fc.tuple(fc.constantFrom('b', 'a', 'em', 'span', 'p', 'div', 'li'), fc.array(tie('node'), { maxLength: 4 })).map(([tag, children]) => `<${tag}>${children.join('')}</${tag}>`),
  ),
})).node;

describe('mapping, on random markup', () => {
  it('maps every sentence and every piece back to the same text, modulo whitespace', () => {
    fc.assert(
      fc.property(fc.array(markup, { minLength: 1, maxLength: 8 }), (parts) => {
        const document = loadPage(`<body>${parts.join('')}</body>`);
        const map = mapOf(document.body);
        expect(map.text).not.toMatch(/^\s|\s$|[ \t]{2}| \n|\n |\n{3}/);
        for (const sentence of segmentSentences(map.text)) {
          expect(withoutSpace(map.rangeOf(sentence.start, sentence.end)!.toString())).toBe(withoutSpace(sentence.text));
          expect(withoutSpace(map.piecesOf(sentence.start, sentence.end).map(String).join(''))).toBe(withoutSpace(sentence.text));
        }
      }),
      { numRuns: 150 },
    );
  });
});
