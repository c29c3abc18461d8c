// Timings of a page scan's steps, read by the benchmark (scripts/bench.ts) through DevTools in the
// content script's isolated world. Not performance.measure(): its entries land on the page's own
// timeline, where any page script could read them and so learn that Unspin is installed.

/** Reading the page: walk, Readability, text map (extract.ts). */
export const EXTRACT_MEASURE = 'unspin:extract';
/** Sending the text to the worker until its analysis comes back (chunks, worker analysis, reply). */
export const ANALYSIS_MEASURE = 'unspin:analysis';
/** Mapping the findings onto the page and showing the highlights. */
export const HIGHLIGHTS_MEASURE = 'unspin:highlights';

/** Where the isolated world keeps its StepMeasures (the page's main world has another global object). */
export const MEASURES_KEY = Symbol.for('unspin.measures');

export interface StepMeasure {
  name: string;
  /** performance.now() at the step's start: ms since navigation start, as the page's own timings. */
  start: number;
  duration: number;
  /** Ranges marked once the step was over (the highlights step). */
  marks?: number;
  /**
   * The highlights step's synchronous pieces, ms: locating the findings, and drawing them. The step
   * also waits for the reader's verdicts (storage), so its duration is not one task.
   */
  locateMs?: number;
  drawMs?: number;
}

/** The latest steps are kept, not every scan of a long-lived page. */
const KEPT = 60;

/** Records one step, in this isolated world only. */
export function measureStep(name: string, start: number, end: number, extra: Pick<StepMeasure, 'marks' | 'locateMs' | 'drawMs'> = {}): void {
  const world = globalThis as Record<symbol, StepMeasure[] | undefined>;
  const steps = (world[MEASURES_KEY] ??= []);
  steps.push({ name, start, duration: end - start, ...extra });
  if (steps.length > KEPT) steps.splice(0, steps.length - KEPT);
}
