// What a painter marks: the severity bands of findings, and the quieter mark of sentences that
// only resemble a debunked claim (context, not a finding); plus a brief focus flash.
import type { Severity } from '../ui/labels';
import type { MarkStyle } from './style';

export type MarkName = Severity | 'claim';

/** Ranges to mark, per band or 'claim'. */
export type MarkRanges = ReadonlyMap<MarkName, readonly Range[]>;

export const BANDS: readonly Severity[] = ['low', 'medium', 'high'];
export const MARKS: readonly MarkName[] = [...BANDS, 'claim'];

/** A mark's name where the painted ranges are listed ('unspin-high', …, 'unspin-focus' while a flash is on). */
export const markName = (mark: MarkName | 'focus') => `unspin-${mark}`;

/** The ranges painted now, by mark name; only names with ranges are present. */
export type PaintedMarks = ReadonlyMap<string, readonly Range[]>;

/**
 * Where the content script's isolated world keeps its PaintedMarks (read by the end-to-end tests and
 * the benchmark through DevTools). The page's main world has another global object and never sees it.
 */
export const PAINTED_KEY = Symbol.for('unspin.marks');

export interface MarkPainter {
  /** Replaces every mark with these. */
  paint(marks: MarkRanges): void;
  /** Marks these ranges strongly for `ms` milliseconds (FocusFinding), independently of the marks. */
  flash(ranges: readonly Range[], ms: number): void;
  /** Removes the marks (not a flash under way). */
  clear(): void;
  /** How marks look (the highlight-style setting; 'none' is the caller's: it clears instead). */
  setStyle(style: MarkStyle): void;
  /** Live: what is painted now. */
  readonly painted: PaintedMarks;
  /** How long the latest drawing took, ms (one synchronous piece of work: the benchmark's long-task figure). */
  readonly drawMs: number;
}
