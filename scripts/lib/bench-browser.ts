// The built extension in real Chromium: worker cold start, page load -> highlights, the content
// script's long tasks, the worker's memory, and two ratios measured in the same run (analysis ÷
// extraction; page load with ÷ without the extension), so that they hold on a noisy machine. The
// content script's own timings and marks are read in its isolated world (scripts/lib/isolated.ts):
// it keeps them out of the page's reach.
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { CONTEXT_LOAD_MEASURE, MODEL_LOAD_MEASURE } from '../../extension/background/assets';
import { markName, PAINTED_KEY } from '../../extension/content/marks';
import { ANALYSIS_MEASURE, EXTRACT_MEASURE, HIGHLIGHTS_MEASURE, MEASURES_KEY, type StepMeasure } from '../../extension/content/measures';
import { CHROMIUM, launchWithExtension, serveFixtures, storedStates, useSettings, type ExtensionBrowser, type FixtureServer } from '../../test/e2e/browser';
import type { ArticleId, GeneratedArticle } from './bench-corpus';
import { median } from './bench-report';
import type { Recorder } from './bench-node';
import { IsolatedWorld } from './isolated';

/** Everything under dir, in bytes: what the unpacked extension ships. */
export function directoryBytes(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).reduce((sum, name) => {
    const stat = statSync(join(dir, name));
    return stat.isFile() ? sum + stat.size : sum;
  }, 0);
}

/** What the unpacked extension ships, by part: ONNX Runtime's WASM, the model and data, translations, the rest (code, pages). */
export function packageParts(dir: string): Record<'wasm' | 'model' | 'locales' | 'code', number> {
  const part = (sub: string) => (existsSync(join(dir, sub)) ? directoryBytes(join(dir, sub)) : 0);
  const wasm = part('ort');
  const model = part('model');
  const locales = part('_locales');
  return { wasm, model, locales, code: directoryBytes(dir) - wasm - model - locales };
}

/** Chromium switches of the extension's browser (test/e2e/browser.ts), minus the extension. */
const PLAIN_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** After the highlights, long tasks of the paint that follows are still to come. */
const SETTLE_MS = 400;
const MB = 1024 * 1024;

interface LongTask {
  start: number;
  duration: number;
}

interface Visit {
  /** loadEventEnd, ms after navigation start. */
  load: number;
  domContentLoaded: number;
  firstContentfulPaint: number;
  longTasks: LongTask[];
  /** The content script's steps (absent without the extension). */
  extract?: Step;
  analysis?: Step;
  highlights?: Step;
  /** Ranges marked when the visit was read (after SETTLE_MS: the complete analysis's claim marks included). */
  marks: number;
}

interface Step {
  start: number;
  duration: number;
  /** The highlights step's synchronous pieces (locating, drawing), where the content script records them. */
  locateMs?: number;
  drawMs?: number;
}

// The scripts below run in the page. They are strings, not functions: tsx's transform would
// add helpers (__name) to a function's source that the page does not have.

/** Installed before the page's own scripts: long tasks on the page's main thread, where the content script runs. */
const OBSERVE_LONG_TASKS = `(() => {
  const seen = [];
  globalThis.benchLongTasks = seen;
  new PerformanceObserver((list) => list.getEntries().forEach((e) => seen.push({ start: e.startTime, duration: e.duration }))).observe({ type: 'longtask', buffered: true });
})()`;

/** In the page's main world: its own timings and long tasks. */
const READ_PAGE = `(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  return {
    load: nav.loadEventEnd,
    domContentLoaded: nav.domContentLoadedEventEnd,
    firstContentfulPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    longTasks: globalThis.benchLongTasks ?? [],
  };
})()`;

/**
 * In the content script's isolated world: its steps (extension/content/measures.ts) and the ranges
 * it marks now (extension/content/marks.ts), kept there and not on the page's performance timeline
 * or in CSS.highlights, which the page could read.
 */
const READ_CONTENT = `(() => {
  let marks = 0;
  for (const [name, ranges] of globalThis[Symbol.for(${JSON.stringify(PAINTED_KEY.description)})] ?? []) if (name !== ${JSON.stringify(markName('focus'))}) marks += ranges.length;
  return { steps: globalThis[Symbol.for(${JSON.stringify(MEASURES_KEY.description)})] ?? [], marks };
})()`;

/** The latest of each step, once the highlights step is there. */
function stepsOf(content: { steps: StepMeasure[]; marks: number } | undefined): Pick<Visit, 'extract' | 'analysis' | 'highlights' | 'marks'> | undefined {
  const last = (name: string) => content?.steps.findLast((m) => m.name === name);
  const highlights = last(HIGHLIGHTS_MEASURE);
  if (!content || !highlights) return undefined;
  const step = (m: StepMeasure | undefined): Step | undefined => m && { start: m.start, duration: m.duration };
  const pieces = { locateMs: highlights.locateMs, drawMs: highlights.drawMs };
  return { extract: step(last(EXTRACT_MEASURE)), analysis: step(last(ANALYSIS_MEASURE)), highlights: { ...step(highlights)!, ...pieces }, marks: content.marks };
}

/**
 * Opens url in a new tab of context; with the extension, waits for its highlights. `whileOpen`
 * runs before the tab closes (closing it makes the worker forget the tab's result).
 */
async function visit(context: BrowserContext, url: string, withExtension: boolean, whileOpen?: () => Promise<void>): Promise<Visit> {
  const page = await context.newPage();
  // Attached on both sides, so the DevTools session's own cost is in both loads of a ratio.
  const attached = await IsolatedWorld.attach(page);
  const world = withExtension ? attached : undefined;
  try {
    await page.addInitScript(OBSERVE_LONG_TASKS);
    await page.goto(url, { waitUntil: 'load' });
    const readSteps = async () => (world ? stepsOf(await world.evaluate<{ steps: StepMeasure[]; marks: number }>(READ_CONTENT)) : undefined);
    if (world) await waitForSteps(readSteps);
    await page.waitForTimeout(SETTLE_MS);
    const result: Visit = { ...((await page.evaluate(READ_PAGE)) as Omit<Visit, 'marks'>), marks: 0, ...(await readSteps()) };
    await whileOpen?.();
    return result;
  } finally {
    await attached.detach();
    await page.close();
  }
}

/** Polls the content script's world until its highlights step is recorded. */
async function waitForSteps(read: () => Promise<unknown>, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await read())) {
    if (Date.now() > deadline) throw new Error(`no ${HIGHLIGHTS_MEASURE} step after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Long tasks are tasks over 50 ms. */
export const LONG_TASK_MS = 50;

/**
 * The content script's long tasks in one scan: the Long Tasks API's entries from the scan's start
 * to a little after its highlights, plus the highlights step's longest synchronous piece when it
 * passes 50 ms: Chromium's observer often misses tasks that run an extension message's reply (seen:
 * 116-224 ms steps with no entry), so the content script's own measure stands in for them. The step
 * itself is not one task: between locating the findings and drawing them it waits for the reader's
 * verdicts in storage; where the content script records its pieces (locateMs, drawMs), the longer
 * of the two counts, else the whole step.
 */
export function scanLongTasks(visit: Pick<Visit, 'longTasks' | 'extract' | 'highlights'>, settleMs = SETTLE_MS): LongTask[] {
  if (!visit.extract || !visit.highlights) return [];
  const from = visit.extract.start;
  const to = visit.highlights.start + visit.highlights.duration + settleMs;
  const observed = visit.longTasks.filter((task) => task.start + task.duration > from && task.start < to);
  const step = visit.highlights;
  const split = step.locateMs !== undefined || step.drawMs !== undefined;
  const paint: LongTask = split ? { start: step.start, duration: Math.max(step.locateMs ?? 0, step.drawMs ?? 0) } : step;
  const paintSeen = observed.some((task) => task.start <= step.start + 1 && task.start + task.duration >= step.start + paint.duration - 1);
  return paint.duration > LONG_TASK_MS && !paintSeen ? [...observed, paint] : observed;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * The DevTools protocol inside the extension's service worker. Playwright's CDP sessions are for
 * pages only, so a browser-level session attaches to the worker's target and relays messages.
 */
class WorkerDevTools {
  private next = 0;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

  private constructor(private readonly browserSession: CDPSession, private readonly sessionId: string) {
    browserSession.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
      if (event.sessionId !== this.sessionId) return;
      const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
      const waiting = message.id === undefined ? undefined : this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id!);
      if (message.error) waiting.reject(new Error(message.error.message));
      else waiting.resolve(message.result);
    });
  }

  static async attach(browserSession: CDPSession, extensionId: string): Promise<WorkerDevTools> {
    const { targetInfos } = await browserSession.send('Target.getTargets');
    const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`));
    if (!target) throw new Error('the extension\'s service worker is not running');
    const { sessionId } = await browserSession.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
    return new WorkerDevTools(browserSession, sessionId);
  }

  call<T>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = ++this.next;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.browserSession.send('Target.sendMessageToTarget', { sessionId: this.sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
    });
  }

  async detach(): Promise<void> {
    await this.browserSession.send('Target.detachFromTarget', { sessionId: this.sessionId }).catch(() => undefined);
  }
}

interface HeapUsage {
  usedSize: number;
  totalSize: number;
  embedderHeapUsedSize?: number;
  backingStorageSize?: number;
}

/**
 * Stops the extension's service worker, as Chrome does after 30 s idle. Returns the tab used, to
 * be closed later: closing it now would wake the worker (tabs.onRemoved) before the measure.
 */
async function stopWorkers(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
  return page;
}

const end = (step: { start: number; duration: number } | undefined) => (step ? step.start + step.duration : Number.NaN);

export interface BrowserBenchOptions {
  extensionDir: string;
  articles: Record<ArticleId, GeneratedArticle>;
  runs: number;
  record: Recorder;
  log: (line: string) => void;
}

export async function benchBrowser({ extensionDir, articles, runs, record, log }: BrowserBenchOptions): Promise<void> {
  const pages = Object.fromEntries(Object.entries(articles).map(([id, article]) => [`/bench/${id}.html`, article.html]));
  let server: FixtureServer | undefined;
  let extension: ExtensionBrowser | undefined;
  let plain: BrowserContext | undefined;
  let plainProfile: string | undefined;
  let devtools: Browser | undefined;
  try {
    server = await serveFixtures({ pages });
    const port = await freePort();
    extension = await launchWithExtension(extensionDir, [`--remote-debugging-port=${port}`]);
    // The same browser, profile kind and switches, without the extension.
    plainProfile = mkdtempSync(join(tmpdir(), 'unspin-bench-plain-'));
    plain = await chromium.launchPersistentContext(plainProfile, { executablePath: CHROMIUM, headless: true, args: PLAIN_ARGS });
    const plainContext = plain;
    // The model's validation-tuned thresholds, so the articles have highlights (the default is 'cautious').
    await useSettings(await extension.worker(), { sensitivity: 'balanced' });
    const urlOf = (id: ArticleId, tag: string) => `${server!.origin}/bench/${id}.html?${tag}`;

    // Cold: the worker stopped, the model never loaded in this browser; the first page wakes it.
    const stopper = await stopWorkers(extension.context);
    const cold = await visit(extension.context, urlOf('2k_words', 'cold'), true);
    await stopper.close();
    const worker = await extension.worker();
    const measured = (name: string) => worker.evaluate((n) => performance.getEntriesByName(n).map((e) => e.duration), name);
    record('worker_cold_start_ms', cold.analysis?.duration ?? Number.NaN, 'ms');
    record('worker_cold_highlights_ms_2k_words', end(cold.highlights), 'ms');
    record('worker_model_load_ms', (await measured(MODEL_LOAD_MEASURE))[0] ?? Number.NaN, 'ms');
    record('worker_context_load_ms', (await measured(CONTEXT_LOAD_MEASURE))[0] ?? Number.NaN, 'ms');
    log(`cold: page -> highlights ${Math.round(end(cold.highlights))} ms, ${cold.marks} marks`);

    // Warm: N rounds, each page with the extension and without it, alternating which goes first.
    const visits: Record<ArticleId, { ext: Visit[]; plain: Visit[]; workerMs: number[] }> = { '2k_words': { ext: [], plain: [], workerMs: [] }, '20k_words': { ext: [], plain: [], workerMs: [] } };
    for (let run = 0; run < runs; run++) {
      for (const id of Object.keys(articles) as ArticleId[]) {
        const url = urlOf(id, `run${run}`);
        const order = run % 2 === 0 ? [true, false] : [false, true];
        let workerMs: number | undefined;
        // The worker's own time, first chunk -> analysis (TabState.elapsedMs), read while the tab is open.
        const readWorkerMs = async () => {
          workerMs = Object.values(await storedStates(await extension!.worker())).find((s) => s.url === url && s.status === 'done')?.elapsedMs;
        };
        for (const withExtension of order) {
          const result = await visit(withExtension ? extension.context : plainContext, url, withExtension, withExtension ? readWorkerMs : undefined);
          (withExtension ? visits[id].ext : visits[id].plain).push(result);
        }
        if (workerMs !== undefined) visits[id].workerMs.push(workerMs);
        const last = visits[id].ext.at(-1)!;
        const tasks = scanLongTasks(last).map((t) => Math.round(t.duration));
        log(`run ${run + 1}/${runs} ${id}: load ${Math.round(last.load)} ms (without ${Math.round(visits[id].plain.at(-1)!.load)} ms), scan at ${Math.round(last.extract?.start ?? NaN)} ms: extract ${Math.round(last.extract?.duration ?? NaN)} ms, analysis ${Math.round(last.analysis?.duration ?? NaN)} ms (worker ${workerMs} ms), paint ${Math.round(last.highlights?.duration ?? NaN)} ms (locate ${Math.round(last.highlights?.locateMs ?? NaN)}, draw ${Math.round(last.highlights?.drawMs ?? NaN)}), highlights at ${Math.round(end(last.highlights))} ms, ${last.marks} marks; long tasks during the scan ${JSON.stringify(tasks)} ms, on the page ${JSON.stringify(last.longTasks.map((t) => Math.round(t.duration)))} ms`);
      }
    }

    for (const id of Object.keys(articles) as ArticleId[]) {
      const { ext, plain: without, workerMs } = visits[id];
      const med = (pick: (v: Visit) => number, list = ext) => median(list.map(pick));
      record(`highlights_ms_${id}`, med((v) => end(v.highlights)), 'ms');
      record(`scan_to_highlights_ms_${id}`, med((v) => end(v.highlights) - (v.extract?.start ?? Number.NaN)), 'ms');
      record(`scan_start_ms_${id}`, med((v) => v.extract?.start ?? Number.NaN), 'ms');
      record(`extract_ms_${id}`, med((v) => v.extract?.duration ?? Number.NaN), 'ms');
      record(`analysis_ms_${id}`, med((v) => v.analysis?.duration ?? Number.NaN), 'ms');
      record(`worker_analysis_ms_${id}`, median(workerMs), 'ms');
      record(`paint_ms_${id}`, med((v) => v.highlights?.duration ?? Number.NaN), 'ms');
      record(`locate_ms_${id}`, med((v) => v.highlights?.locateMs ?? Number.NaN), 'ms');
      record(`draw_ms_${id}`, med((v) => v.highlights?.drawMs ?? Number.NaN), 'ms');
      record(`marks_${id}`, med((v) => v.marks), 'marks');
      // Ratios of medians, both sides measured in the same rounds.
      const ratio = med((v) => v.analysis?.duration ?? Number.NaN) / med((v) => v.extract?.duration ?? Number.NaN);
      const loadRatio = med((v) => v.load) / med((v) => v.load, without);
      const paintRatio = med((v) => v.firstContentfulPaint) / med((v) => v.firstContentfulPaint, without);
      record(id === '20k_words' ? 'analysis_to_extraction_ratio' : `analysis_to_extraction_ratio_${id}`, ratio, '×');
      record(id === '20k_words' ? 'page_load_ratio' : `page_load_ratio_${id}`, loadRatio, '×');
      record(`first_paint_ratio_${id}`, paintRatio, '×');
      // Parsing (DOMContentLoaded) and the load event apart: the content script is injected between them.
      record(`dom_content_loaded_ratio_${id}`, med((v) => v.domContentLoaded) / med((v) => v.domContentLoaded, without), '×');
      record(`dcl_to_load_ms_${id}`, med((v) => v.load - v.domContentLoaded), 'ms');
      record(`dcl_to_load_without_extension_ms_${id}`, med((v) => v.load - v.domContentLoaded, without), 'ms');
      record(`page_load_ms_${id}`, med((v) => v.load), 'ms');
      record(`page_load_without_extension_ms_${id}`, med((v) => v.load, without), 'ms');
    }

    // Long tasks during any scan (cold included): the worst run counts, since the target is "none".
    const all = [cold, ...visits['2k_words'].ext, ...visits['20k_words'].ext];
    const perScan = all.map((v) => scanLongTasks(v));
    record('content_long_tasks', Math.max(...perScan.map((tasks) => tasks.length)), 'tasks');
    record('content_longest_task_ms', Math.max(0, ...perScan.flat().map((t) => t.duration)), 'ms');
    const baseline = [...visits['2k_words'].plain, ...visits['20k_words'].plain].map((v) => v.longTasks);
    record('page_longest_task_without_extension_ms', Math.max(0, ...baseline.flat().map((t) => t.duration)), 'ms');

    // The worker's memory after analysing the 20,000-word article (DevTools Runtime.getHeapUsage
    // in the worker): JS heap + Blink objects + ArrayBuffer and WASM backing stores; again after a GC.
    devtools = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
    const browserSession = await devtools.newBrowserCDPSession();
    await visit(extension.context, urlOf('20k_words', 'memory'), true);
    const tools = await WorkerDevTools.attach(browserSession, extension.extensionId);
    const total = (heap: HeapUsage) => heap.usedSize + (heap.embedderHeapUsedSize ?? 0) + (heap.backingStorageSize ?? 0);
    const heap = await tools.call<HeapUsage>('Runtime.getHeapUsage');
    record('worker_memory_mb', total(heap) / MB, 'MB');
    record('worker_js_heap_mb', heap.usedSize / MB, 'MB');
    record('worker_buffers_mb', (heap.backingStorageSize ?? 0) / MB, 'MB');
    await tools.call('HeapProfiler.collectGarbage');
    record('worker_memory_after_gc_mb', total(await tools.call<HeapUsage>('Runtime.getHeapUsage')) / MB, 'MB');
    await tools.detach();
  } finally {
    await devtools?.close().catch(() => undefined);
    await plain?.close().catch(() => undefined);
    if (plainProfile) rmSync(plainProfile, { recursive: true, force: true });
    await extension?.close().catch(() => undefined);
    await server?.close();
  }
}
