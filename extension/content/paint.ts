// What draws highlights: the CSS Custom Highlight API where there is one, else overlay boxes.
import type { Severity } from '../ui/labels';

/** Ranges to mark, per severity band. */
export type BandRanges = ReadonlyMap<Severity, readonly Range[]>;

export interface Painter {
  /** Replaces every band mark with these. */
  paint(bands: BandRanges): void;
  /** Marks these ranges strongly for `ms` milliseconds (FocusFinding), independently of the bands. */
  flash(ranges: readonly Range[], ms: number): void;
  /** Removes the band marks. */
  clear(): void;
}

export const BANDS: readonly Severity[] = ['low', 'medium', 'high'];
