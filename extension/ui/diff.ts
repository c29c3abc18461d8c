// A rewording as a diff of its sentence: unchanged text, removed words, inserted words. Pure (no
// DOM): the in-page card and the popup both draw these segments, as text only.
import type { Rewording, RewordingChange } from '../../model/rewording';

export type DiffSegment = { kind: 'same' | 'del' | 'ins'; text: string };

/** What to show for a finding's rewording: a diff, a note (the loaded words are quoted), both, or nothing. */
export interface RewordingView {
  segments: DiffSegment[];
  note?: string;
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** True when `index` falls between the two halves of a surrogate pair (an astral character). */
function splitsPair(text: string, index: number): boolean {
  return index > 0 && index < text.length && isHigh(text.charCodeAt(index - 1)) && isLow(text.charCodeAt(index));
}

function usable(change: RewordingChange | null | undefined, sentence: string): change is RewordingChange {
  if (!change || typeof change !== 'object') return false;
  const { start, end, from, to } = change;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > sentence.length || end < start) return false;
  if (typeof to !== 'string' || (start === end && to === '')) return false;
  if (splitsPair(sentence, start) || splitsPair(sentence, end)) return false;
  // `from` is what the model saw there: if it disagrees, the offsets are not into this sentence.
  return typeof from !== 'string' || from === sentence.slice(start, end);
}

function push(segments: DiffSegment[], kind: DiffSegment['kind'], text: string): void {
  if (text === '') return;
  const last = segments[segments.length - 1];
  if (last?.kind === kind) last.text += text;
  else segments.push({ kind, text });
}

/**
 * The sentence as segments, from the rewording's changes (offsets into `sentence`). Changes out of
 * range, overlapping an earlier one, splitting a surrogate pair or not matching the sentence are
 * skipped. Adjacent removals merge, as do adjacent insertions; removals come before insertions.
 */
export function diffSegments(sentence: string, changes: readonly RewordingChange[] | null | undefined): DiffSegment[] {
  if (typeof sentence !== 'string') return [];
  const valid = (Array.isArray(changes) ? changes : []).filter((change) => usable(change, sentence)).sort((a, b) => a.start - b.start || a.end - b.end);
  const segments: DiffSegment[] = [];
  let at = 0;
  for (const change of valid) {
    if (change.start < at) continue;
    push(segments, 'same', sentence.slice(at, change.start));
    const del = sentence.slice(change.start, change.end);
    const last = segments[segments.length - 1];
    // A removal right after an insertion (adjacent changes): keep removals before insertions.
    if (last?.kind === 'ins' && del !== '') {
      const ins = segments.pop()!;
      push(segments, 'del', del);
      push(segments, 'ins', ins.text + change.to);
    } else {
      push(segments, 'del', del);
      push(segments, 'ins', change.to);
    }
    at = change.end;
  }
  push(segments, 'same', sentence.slice(at));
  return segments;
}

/** Whether the segments change anything. */
export const changesSomething = (segments: readonly DiffSegment[]) => segments.some((segment) => segment.kind !== 'same');

/** What to show for `rewording` of `sentence`, or null when there is nothing usable (show the template). */
export function rewordingView(sentence: string, rewording: Rewording | null | undefined): RewordingView | null {
  if (!rewording || typeof rewording !== 'object') return null;
  const segments = diffSegments(sentence, rewording.changes);
  const note = typeof rewording.note === 'string' && rewording.note.trim() !== '' ? rewording.note : undefined;
  if (changesSomething(segments)) return note ? { segments, note } : { segments };
  return note ? { segments: [], note } : null;
}
