// @vitest-environment happy-dom
// schedule.ts and the sliced extraction: the page is never blocked for long.
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as article from '../../../extension/content/article';
import { extractPage } from '../../../extension/content/extract';
import { ScanCancelled, runSliced, slicing, yieldToHost } from '../../../extension/content/schedule';
import { segmentSentences } from '../../../model/text';
import { bigArticleHtml } from './bigpage';
import { loadPage, withoutSpace } from './helpers';

// Times Readability's parse, the one step that cannot be sliced.
const readabilityRuns: { start: number; end: number }[] = [];
vi.mock('../../../extension/content/article', async (importOriginal) => {
  const original = await importOriginal<typeof article>();
  return {
    ...original,
    readArticle: (walk: Parameters<typeof original.readArticle>[0]) => {
      const start = performance.now();
      try {
        return original.readArticle(walk);
      } finally {
        readabilityRuns.push({ start, end: performance.now() });
      }
    },
  };
});

function* steps(count: number, clock: { time: number }, msPerStep: number): Generator<void, string> {
  for (let i = 0; i < count; i++) {
    clock.time += msPerStep;
    yield;
  }
  return 'done';
}

describe('runSliced', () => {
  it('hands control back whenever a slice has used its budget (fake clock)', async () => {
    const clock = { time: 0 };
    const yieldsAt: number[] = [];
    const result = await runSliced(steps(100, clock, 1), slicing({ budgetMs: 8, now: () => clock.time, yieldToHost: async () => void yieldsAt.push(clock.time) }));
    expect(result).toBe('done');
    expect(yieldsAt).toEqual([8, 16, 24, 32, 40, 48, 56, 64, 72, 80, 88, 96]);
  });

  it('does not yield for work that fits in one slice', async () => {
    const clock = { time: 0 };
    const yieldToHost = vi.fn(async () => undefined);
    await runSliced(steps(7, clock, 1), slicing({ budgetMs: 8, now: () => clock.time, yieldToHost }));
    expect(yieldToHost).not.toHaveBeenCalled();
  });

  it('stops at the next slice boundary once its signal is aborted', async () => {
    const clock = { time: 0 };
    const controller = new AbortController();
    let yields = 0;
    const work = runSliced(steps(1000, clock, 1), slicing({ budgetMs: 8, now: () => clock.time, signal: controller.signal, yieldToHost: async () => void (++yields === 3 && controller.abort()) }));
    await expect(work).rejects.toBeInstanceOf(ScanCancelled);
    expect(clock.time).toBe(24);
  });
});

describe('yieldToHost', () => {
  afterEach(() => {
    delete (globalThis as { scheduler?: unknown }).scheduler;
  });

  it('uses scheduler.yield() when the browser has it', async () => {
    const schedulerYield = vi.fn(() => Promise.resolve());
    (globalThis as { scheduler?: unknown }).scheduler = { yield: schedulerYield };
    await yieldToHost();
    expect(schedulerYield).toHaveBeenCalledOnce();
  });

  it('else resolves after a message through a MessageChannel (a new task)', async () => {
    let resolved = false;
    const pending = yieldToHost().then(() => (resolved = true));
    await Promise.resolve();
    expect(resolved).toBe(false);
    await pending;
    expect(resolved).toBe(true);
  });
});

describe('a 10,000-word page', () => {
  it('is read in slices: no stretch of work over 50 ms but Readability, which gets a task of its own', async () => {
    const document = loadPage(bigArticleHtml(500));
    const slices: { start: number; end: number }[] = [];
    let resumed = performance.now();
    const recording = slicing({
      yieldToHost: async () => {
        slices.push({ start: resumed, end: performance.now() });
        await new Promise((resolve) => setTimeout(resolve, 0));
        resumed = performance.now();
      },
    });
    readabilityRuns.length = 0;
    const result = await extractPage(document, recording);
    slices.push({ start: resumed, end: performance.now() });

    if (!result.readable) throw new Error(result.reason);
    expect(result.page.kind).toBe('article');
    const words = result.page.map.text.split(/\s+/).length;
    expect(words).toBeGreaterThanOrEqual(10_000);
    expect(slices.length).toBeGreaterThan(20);

    const [readability] = readabilityRuns;
    const ownSlice = slices.filter((slice) => slice.start <= readability.start && slice.end >= readability.end);
    expect(ownSlice).toHaveLength(1);
    // The slice holding Readability holds nothing else of note (the yields are right around it).
    expect(ownSlice[0].end - ownSlice[0].start - (readability.end - readability.start)).toBeLessThan(5);
    const others = slices.filter((slice) => slice !== ownSlice[0]).map((slice) => slice.end - slice.start);
    expect(Math.max(...others)).toBeLessThan(50);
    console.info(`10,000-word page: ${slices.length} slices, longest other than Readability ${Math.max(...others).toFixed(1)} ms; Readability (happy-dom) ${(readability.end - readability.start).toFixed(0)} ms`);

    // And the text maps back: a sample of its sentences.
    const sentences = segmentSentences(result.page.map.text);
    for (const sentence of sentences.filter((_, i) => i % 50 === 0)) {
      expect(withoutSpace(result.page.map.rangeOf(sentence.start, sentence.end)!.toString())).toBe(withoutSpace(sentence.text));
    }
  }, 30_000);
});
