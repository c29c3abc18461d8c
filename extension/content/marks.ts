// What a painter marks: the severity bands of findings, and the quieter mark of sentences that
// only resemble a debunked claim (context, not a finding). Extends paint.ts's band painter.
import type { Severity } from '../ui/labels';
import { BANDS, type Painter } from './paint';

export type MarkName = Severity | 'claim';

/** Ranges to mark, per band or 'claim'. */
export type MarkRanges = ReadonlyMap<MarkName, readonly Range[]>;

export const MARKS: readonly MarkName[] = [...BANDS, 'claim'];

export interface MarkPainter extends Painter {
  /** Replaces every mark with these. */
  paint(marks: MarkRanges): void;
}
