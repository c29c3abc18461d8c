// performance.measure() names of a page scan's steps, read by the benchmark (scripts/bench.ts).
// The entries land on the page's own performance timeline (the content script's isolated world
// shares it), so they are visible to the page too: names and durations only, never text.

/** Reading the page: walk, Readability, text map (extract.ts). */
export const EXTRACT_MEASURE = 'unspin:extract';
/** Sending the text to the worker until its analysis comes back (chunks, worker analysis, reply). */
export const ANALYSIS_MEASURE = 'unspin:analysis';
/** Mapping the findings onto the page and showing the highlights. */
export const HIGHLIGHTS_MEASURE = 'unspin:highlights';

/** Records one step; timing must never break a scan. */
export function measureStep(name: string, start: number, end: number): void {
  try {
    performance.measure(name, { start, end });
  } catch {
    // No user timing here (an old engine, a test document): nothing to record.
  }
}
