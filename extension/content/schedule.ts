// Cooperative scheduling: long page work runs as generators, resumed in slices of a few
// milliseconds with the page's own tasks (input, rendering) in between.

/** Work per slice. Far under the 50 ms long-task mark, so one slow step still fits. */
export const SLICE_BUDGET_MS = 8;

export interface Slicing {
  budgetMs: number;
  now: () => number;
  /** Resolves after the browser has had a chance to run other tasks. */
  yieldToHost: () => Promise<void>;
  /** Aborting cancels the work at its next slice boundary (a newer scan started). */
  signal?: AbortSignal;
}

export class ScanCancelled extends Error {
  constructor() {
    super('scan cancelled');
    this.name = 'ScanCancelled';
  }
}

interface SchedulerWithYield {
  yield(): Promise<void>;
}

/** scheduler.yield() keeps this work's priority; MessageChannel avoids setTimeout's 4 ms clamp. */
export function yieldToHost(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<SchedulerWithYield> }).scheduler;
  if (scheduler && typeof scheduler.yield === 'function') return scheduler.yield();
  if (typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export function slicing(overrides: Partial<Slicing> = {}): Slicing {
  return { budgetMs: SLICE_BUDGET_MS, now: () => performance.now(), yieldToHost, ...overrides };
}

function checkCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ScanCancelled();
}

/** Yields to the host once (a slice boundary), then checks for cancellation. */
export async function pause(options: Slicing): Promise<void> {
  checkCancelled(options.signal);
  await options.yieldToHost();
  checkCancelled(options.signal);
}

/**
 * Runs a generator to completion, one `yield` per small step, handing control back to the
 * browser whenever a slice has used its budget. Returns the generator's return value.
 */
export async function runSliced<T>(work: Iterator<unknown, T>, options: Slicing): Promise<T> {
  checkCancelled(options.signal);
  let sliceStart = options.now();
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
    if (options.now() - sliceStart < options.budgetMs) continue;
    await pause(options);
    sliceStart = options.now();
  }
}

/** Runs a generator synchronously (tests, and small inputs such as a headline). */
export function runToEnd<T>(work: Iterator<unknown, T>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}
