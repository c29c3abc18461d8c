// diff.ts: a rewording's changes as segments of its sentence.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changesSomething, diffSegments, rewordingView } from '../../../extension/ui/diff';
import type { RewordingChange } from '../../../model/rewording';

function change(sentence: string, from: string, to: string): RewordingChange {
  const start = sentence.indexOf(from);
  if (start < 0) throw new Error(`${from} not in ${sentence}`);
  return { start, end: start + from.length, from, to };
}

/** The original sentence back from segments: plain and removed text. */
const original = (segments: { kind: string; text: string }[]) => segments.filter((s) => s.kind !== 'ins').map((s) => s.text).join('');
/** The rewording from segments: plain and inserted text. */
const rewritten = (segments: { kind: string; text: string }[]) => segments.filter((s) => s.kind !== 'del').map((s) => s.text).join('');

describe('diff segments', () => {
  it('shows a dropped word as a removal only', () => {
    const s = 'A shocking plan was approved.';
    expect(diffSegments(s, [change(s, 'shocking ', '')])).toEqual([
      { kind: 'same', text: 'A ' },
      { kind: 'del', text: 'shocking ' },
      { kind: 'same', text: 'plan was approved.' },
    ]);
  });

  it('shows a replacement as a removal then an insertion', () => {
    const s = 'The regime announced it.';
    expect(diffSegments(s, [change(s, 'regime', 'government')])).toEqual([
      { kind: 'same', text: 'The ' },
      { kind: 'del', text: 'regime' },
      { kind: 'ins', text: 'government' },
      { kind: 'same', text: ' announced it.' },
    ]);
  });

  it('merges adjacent changes: removals first, then insertions', () => {
    const s = 'These vile thugs won.';
    const segments = diffSegments(s, [change(s, 'vile ', ''), change(s, 'thugs', 'men')]);
    expect(segments).toEqual([
      { kind: 'same', text: 'These ' },
      { kind: 'del', text: 'vile thugs' },
      { kind: 'ins', text: 'men' },
      { kind: 'same', text: ' won.' },
    ]);
    const t = 'a b c';
    expect(diffSegments(t, [{ start: 0, end: 1, from: 'a', to: 'A' }, { start: 1, end: 2, from: ' ', to: '_' }])).toEqual([
      { kind: 'del', text: 'a ' },
      { kind: 'ins', text: 'A_' },
      { kind: 'same', text: 'b c' },
    ]);
  });

  it('takes changes in order of their offsets whatever order they come in', () => {
    const s = 'one two three';
    expect(rewritten(diffSegments(s, [change(s, 'three', '3'), change(s, 'one', '1')]))).toBe('1 two 3');
  });

  it('skips out-of-range, overlapping, malformed and mismatched changes safely', () => {
    const s = 'The corrupt mayor lied.';
    const good = change(s, 'corrupt ', '');
    const bad = [
      { start: -1, end: 3, from: 'The', to: 'A' },
      { start: 10, end: 999, from: 'x', to: 'y' },
      { start: 5, end: 2, from: '', to: 'y' },
      { start: 1.5, end: 3, from: 'he', to: 'y' },
      { start: good.start + 2, end: good.end + 3, from: s.slice(good.start + 2, good.end + 3), to: 'x' }, // overlaps `good`
      { start: 0, end: 3, from: 'Not', to: 'A' }, // `from` is not what is there
      { start: 4, end: 4, from: '', to: '' }, // changes nothing
      { start: 0, end: 3, from: 'The', to: 42 as unknown as string },
      null as unknown as RewordingChange,
      'junk' as unknown as RewordingChange,
    ];
    const segments = diffSegments(s, [good, ...bad]);
    expect(segments).toEqual([
      { kind: 'same', text: 'The ' },
      { kind: 'del', text: 'corrupt ' },
      { kind: 'same', text: 'mayor lied.' },
    ]);
    expect(diffSegments(s, null)).toEqual([{ kind: 'same', text: s }]);
    expect(diffSegments(s, 'nope' as never)).toEqual([{ kind: 'same', text: s }]);
    expect(diffSegments(undefined as never, [good])).toEqual([]);
  });

  it('keeps astral characters whole, and skips a change that would split one', () => {
    const s = 'Le 🤡 régime a menti 😡.';
    const clown = s.indexOf('🤡');
    expect(diffSegments(s, [change(s, 'régime', 'gouvernement')])).toEqual([
      { kind: 'same', text: 'Le 🤡 ' },
      { kind: 'del', text: 'régime' },
      { kind: 'ins', text: 'gouvernement' },
      { kind: 'same', text: ' a menti 😡.' },
    ]);
    // Offsets between the two halves of 🤡.
    expect(diffSegments(s, [{ start: clown + 1, end: clown + 3, from: s.slice(clown + 1, clown + 3), to: '' }])).toEqual([{ kind: 'same', text: s }]);
    expect(diffSegments(s, [{ start: clown, end: clown + 1, from: s.slice(clown, clown + 1), to: '' }])).toEqual([{ kind: 'same', text: s }]);
    expect(diffSegments(s, [change(s, '🤡 ', '')])).toEqual([{ kind: 'same', text: 'Le ' }, { kind: 'del', text: '🤡 ' }, { kind: 'same', text: 'régime a menti 😡.' }]);
  });

  it('always gives back the original and the rewording, whatever the changes', () => {
    const arbitrary = fc.string({ unit: 'grapheme', maxLength: 30 }).chain((s) =>
      fc.tuple(fc.constant(s), fc.array(fc.record({ start: fc.integer({ min: -2, max: s.length + 2 }), end: fc.integer({ min: -2, max: s.length + 2 }), to: fc.string({ maxLength: 4 }) }), { maxLength: 6 })),
    );
    fc.assert(
      fc.property(arbitrary, ([s, raw]) => {
        const changes = raw.map((c) => ({ ...c, from: s.slice(c.start, c.end) }));
        const segments = diffSegments(s, changes);
        expect(original(segments)).toBe(s);
        for (const segment of segments) expect(segment.text).not.toBe('');
        for (let i = 1; i < segments.length; i++) expect(segments[i].kind).not.toBe(segments[i - 1].kind);
      }),
    );
  });
});

describe('a rewording view', () => {
  const s = 'A vile plan, “a vile plan,” he said.';
  it('is the diff when something changes, with the note when there is one', () => {
    const rewording = { text: 'A plan, “a vile plan,” he said.', changes: [change(s, 'vile ', '')] };
    expect(rewordingView(s, rewording)?.segments.map((x) => x.kind)).toEqual(['same', 'del', 'same']);
    expect(rewordingView(s, { ...rewording, note: 'Quoted.' })?.note).toBe('Quoted.');
    expect(changesSomething(rewordingView(s, rewording)!.segments)).toBe(true);
  });

  it('is the note alone when the loaded words are quoted', () => {
    expect(rewordingView(s, { text: s, changes: [], note: 'These words are a quotation.' })).toEqual({ segments: [], note: 'These words are a quotation.' });
  });

  it('is nothing when there is no usable change and no note (the template is shown)', () => {
    expect(rewordingView(s, undefined)).toBeNull();
    expect(rewordingView(s, { text: s, changes: [] })).toBeNull();
    expect(rewordingView(s, { text: s, changes: [{ start: 0, end: 500, from: 'x', to: 'y' }], note: '  ' })).toBeNull();
  });
});
