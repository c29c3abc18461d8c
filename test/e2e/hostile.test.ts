// Issue 6, "Hostile and odd pages", end to end in Chromium: a 5 MB page, thousands of tiny text
// nodes, thousands of nesting levels, iframes, shadow DOM, editors, hostile CSS, a page that breaks
// the built-ins, a page that forges Unspin's messages and events and spies on its UI, right-to-left
// and CJK text, invisible characters inside flagged sentences, and a page that churns while it is
// read. For every page: the page keeps working (its heartbeat ticks, it sees no error from us), the
// extension finishes in bounded time and still answers a later page, the results are right (the
// known manipulative sentences are marked where they are, the neutral ones are not) and the page can
// neither read nor forge them. Each fixture's timings are logged ([hostile] lines and a table).
//
// The page is read through CDP, not page.evaluate: a page that replaces JSON or Array.prototype
// would break Playwright's own main-world serialisation. The content script's isolated world is
// reached the same way (Runtime.evaluate in its execution context): that is where the located
// findings and the card are checked, with the isolated world's untouched built-ins.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TabState } from '../../extension/messages';
import type { SelectionListeners } from '../../extension/background/selection';
import { CHROMIUM, launchWithExtension, serveFixtures, storedStates, useSettings, waitFor, type ExtensionBrowser, type FixtureServer } from './browser';
import { distDir, ensureBuilt, OUT_DIR } from './build';
import { IsolatedWorld } from './isolated';

declare const unspinTestHooks: SelectionListeners;

const SCREENSHOTS = join(OUT_DIR, 'screenshots');
const log = (line: string) => console.log(`[hostile] ${line}`);

const M1 = 'These corrupt, power-hungry bureaucrats have once again betrayed every hardworking family in this city.';
const M2 = 'If we do not stop them now, our children will inherit a wasteland of crime and ruin.';
const M3 = 'Either you stand with the taxpayers or you stand with the radical elites who despise them.';
const NEUTRAL = [
  'The city council approved the annual budget on Tuesday evening after a three-hour meeting.',
  'Council member Ana Ortiz said the plan had been discussed at four public hearings since March.',
  'The budget allocates 4.2 million dollars to road maintenance and 1.1 million dollars to the public library.',
  'The new budget takes effect on the first of July.',
];

/** No single task on the page's thread after its load event may take longer (a hang fails; > 50 ms is only logged). */
const LONG_TASK_BOUND_MS = 1000;
const DONE_TIMEOUT_MS = 90_000;

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

// ---------------------------------------------------------------------------------------------
// The page-side probe: a heartbeat, long tasks, errors, and what the page looked like when parsed.
// Runs before any page script (addInitScript) and keeps the natives it needs, so a page that breaks
// the built-ins later does not break the probe.

interface PageProbe {
  beats: number;
  maxGap: number;
  maxGapAfterLoad: number;
  loadAt: number;
  longTasks: [number, number][];
  errors: string[];
  editors: { id: string; html: string; value: string | null }[];
}

function installPageProbe(): void {
  const now = performance.now.bind(performance);
  const probe = { beats: 0, last: now(), maxGap: 0, maxGapAfterLoad: 0, loadAt: -1, longTasks: [] as number[][], errors: [] as string[], editors: [] as unknown[] };
  const store = <T,>(list: T[], value: T) => {
    list[list.length] = value;
  };
  Object.defineProperty(window, '__hostileProbe', { value: probe });
  setInterval(() => {
    const t = now();
    const gap = t - probe.last;
    probe.last = t;
    probe.beats += 1;
    if (gap > probe.maxGap) probe.maxGap = gap;
    if (probe.loadAt >= 0 && gap > probe.maxGapAfterLoad) probe.maxGapAfterLoad = gap;
  }, 20);
  addEventListener('load', () => {
    probe.loadAt = now();
  });
  addEventListener('error', (event) => store(probe.errors, `error: ${event.message}`));
  addEventListener('unhandledrejection', (event) => store(probe.errors, `unhandled rejection: ${String(event.reason)}`));
  new PerformanceObserver((list) => {
    const entries = list.getEntries();
    for (let i = 0; i < entries.length; i++) store(probe.longTasks, [Math.round(entries[i].startTime), Math.round(entries[i].duration)]);
  }).observe({ type: 'longtask', buffered: true });
  // Editors as parsed, before Unspin's content script (document_idle) could touch them.
  const qsa = Document.prototype.querySelectorAll;
  const innerHTML = Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML')!.get!;
  addEventListener('DOMContentLoaded', () => {
    const editors = Reflect.apply(qsa, document, ['[contenteditable], textarea, input, [role="textbox"]']) as NodeListOf<HTMLElement>;
    for (let i = 0; i < editors.length; i++) {
      const element = editors[i] as HTMLElement & { value?: string };
      store(probe.editors, { id: element.id, html: Reflect.apply(innerHTML, element, []) as string, value: typeof element.value === 'string' ? element.value : null });
    }
  });
}

// ---------------------------------------------------------------------------------------------
// CDP access to the page's main world and to Unspin's isolated world.

interface ExecutionContext {
  id: number;
  name: string;
  origin: string;
  auxData?: { isDefault?: boolean; type?: string; frameId?: string };
}

class Worlds {
  readonly contexts = new Map<number, ExecutionContext>();
  /** Uncaught exceptions, per world ('main', 'unspin' or 'other'). */
  readonly exceptions: { world: string; text: string }[] = [];
  /** console.warn/error from Unspin's isolated world (the content script reports failures there). */
  readonly unspinConsole: string[] = [];
  private mainFrameId = '';

  private constructor(private readonly cdp: CDPSession, private readonly extensionId: string) {}

  static async attach(page: Page, extensionId: string): Promise<Worlds> {
    const cdp = await page.context().newCDPSession(page);
    const worlds = new Worlds(cdp, extensionId);
    cdp.on('Runtime.executionContextCreated', ({ context }) => worlds.contexts.set(context.id, context as ExecutionContext));
    cdp.on('Runtime.executionContextDestroyed', ({ executionContextId }) => worlds.contexts.delete(executionContextId));
    cdp.on('Runtime.executionContextsCleared', () => worlds.contexts.clear());
    cdp.on('Runtime.exceptionThrown', ({ exceptionDetails }) => {
      const text = `${exceptionDetails.text} ${exceptionDetails.exception?.description ?? ''}`.trim();
      worlds.exceptions.push({ world: worlds.worldOf(exceptionDetails.executionContextId), text });
    });
    cdp.on('Runtime.consoleAPICalled', ({ type, args, executionContextId }) => {
      if ((type === 'warning' || type === 'error') && worlds.worldOf(executionContextId) === 'unspin') worlds.unspinConsole.push(args.map((a) => a.value ?? a.description ?? '').join(' '));
    });
    await cdp.send('Runtime.enable');
    const { frameTree } = await cdp.send('Page.getFrameTree');
    worlds.mainFrameId = frameTree.frame.id;
    return worlds;
  }

  private worldOf(contextId: number | undefined): string {
    const context = contextId === undefined ? undefined : this.contexts.get(contextId);
    if (!context || context.auxData?.frameId !== this.mainFrameId) return 'other';
    if (context.auxData?.isDefault) return 'main';
    return context.origin.startsWith(`chrome-extension://${this.extensionId}`) || context.name === 'Unspin' ? 'unspin' : 'other';
  }

  private contextOf(world: 'main' | 'unspin'): number | undefined {
    for (const context of this.contexts.values()) if (this.worldOf(context.id) === world) return context.id;
    return undefined;
  }

  async evaluate<T>(world: 'main' | 'unspin', expression: string): Promise<T> {
    const contextId = this.contextOf(world);
    if (contextId === undefined) throw new Error(`no ${world} world in the page (yet)`);
    const result = await this.cdp.send('Runtime.evaluate', { expression, contextId, returnByValue: true, awaitPromise: true });
    if (result.exceptionDetails) throw new Error(`${world} world: ${result.exceptionDetails.exception?.description ?? result.exceptionDetails.text}`);
    return result.result.value as T;
  }

  main<T>(expression: string): Promise<T> {
    return this.evaluate<T>('main', expression);
  }

  unspin<T>(expression: string): Promise<T> {
    return this.evaluate<T>('unspin', expression);
  }

  async detach(): Promise<void> {
    await this.cdp.detach().catch(() => undefined);
  }
}

/** What Unspin shows, read in its isolated world (its content script's instance, its painted marks, the card). */
interface Marks {
  /** Ranges painted as unspin-low/medium/high. */
  painted: string[];
  paintedAllConnected: boolean;
  claims: string[];
  located: { sentence: string; text: string; pieces: number; connected: boolean; painted: boolean; inEditable: boolean }[];
  card: string | null;
  cardRect: { x: number; y: number; width: number; height: number } | null;
  closeRect: { x: number; y: number; width: number; height: number } | null;
}

const READ_MARKS = `(() => {
  const cs = globalThis[Symbol.for('unspin.content-script')];
  if (!cs) return null;
  const painted = [];
  const claims = [];
  for (const [name, ranges] of globalThis[Symbol.for('unspin.marks')] ?? []) {
    if (name === 'unspin-claim') for (const range of ranges) claims.push(range.toString());
    if (/^unspin-(low|medium|high)$/.test(name)) for (const range of ranges) painted.push(range);
  }
  const editable = (node) => {
    for (let n = node; n; n = n.parentNode) if (n.nodeType === 1 && (n.isContentEditable || n.localName === 'textarea' || n.localName === 'input' || n.getAttribute('role') === 'textbox')) return true;
    return false;
  };
  const located = cs.highlights.findings.map((l) => ({
    sentence: l.finding.sentence.text,
    text: l.pieces.map((p) => p.toString()).join(''),
    pieces: l.pieces.length,
    connected: l.pieces.every((p) => p.startContainer.isConnected && p.endContainer.isConnected),
    painted: l.pieces.every((p) => painted.includes(p)),
    inEditable: l.pieces.some((p) => editable(p.startContainer) || editable(p.endContainer)),
  }));
  const rect = (el) => { if (!el) return null; const r = el.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; };
  const current = cs.card.current;
  const element = cs.card.element ?? null;
  return {
    painted: painted.map((r) => r.toString()),
    paintedAllConnected: painted.every((r) => r.startContainer.isConnected && !r.collapsed),
    claims,
    located,
    card: current ? ('finding' in current ? current.finding.sentence.text : 'claim') : null,
    cardRect: rect(element),
    closeRect: rect(element && element.querySelector('button[aria-label="Close"]')),
  };
})()`;

// ---------------------------------------------------------------------------------------------
// Generated pages.

const NEUTRAL_TEMPLATES = [
  (i: number) => `On day ${i % 28 + 1}, the committee reviewed report number ${i} and filed it with the county clerk.`,
  (i: number) => `The library extended its opening hours on weekday ${i % 5 + 1} to serve ${i % 90 + 10} more visitors.`,
  (i: number) => `Road crews repaired ${i % 400 + 20} metres of pavement on Street ${i} during the week.`,
  (i: number) => `The school board met in room ${i % 30 + 1} and approved the minutes of meeting ${i}.`,
  (i: number) => `A spokesperson said the timetable for bus route ${i} would change in the autumn.`,
];

/** About 5 MB of article text: the known sentences near the top, then thousands of neutral paragraphs. */
function bigPage(targetChars = 5 * 1024 * 1024): string {
  const parts = ['<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Council records for the year | Archive Herald</title></head><body><article><h1>Council records for the year</h1>'];
  parts.push(`<p>${NEUTRAL[0]} ${NEUTRAL[1]}</p><p>${M1}</p><p>${NEUTRAL[2]}</p><p>${M2}</p><p>${NEUTRAL[3]}</p>`);
  let chars = 0;
  for (let i = 0; chars < targetChars; i++) {
    const paragraph = Array.from({ length: 5 }, (_, k) => NEUTRAL_TEMPLATES[k]((i * 5 + k) * 7919 % 100_003)).join(' ');
    chars += paragraph.length;
    parts.push(`<p>${paragraph}</p>`);
  }
  parts.push('</article></body></html>');
  return parts.join('\n');
}

/** Every word (or every three characters) its own text node, and a tag cloud of ~1,800 tiny nodes. */
function manyNodesPage(): string {
  const byWord = (sentence: string, tags = ['span', 'em', 'b']) => sentence.split(' ').map((word, i) => `<${tags[i % tags.length]}>${word}</${tags[i % tags.length]}>`).join(' ');
  const byThree = (sentence: string) => sentence.match(/.{1,3}/gs)!.map((piece, i) => (i % 2 ? `<span>${piece}</span>` : `<i>${piece}</i>`)).join('');
  const tags = Array.from({ length: 1800 }, (_, i) => `<a href="#t${i}">t${i}</a>`).join(' ');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Council approves new budget | Fragment Herald</title></head><body>
<article><h1>Council approves new budget</h1>
<p>${byWord(NEUTRAL[0])}</p>
<p>${byWord(M1)}</p>
<p>${NEUTRAL[1]}</p>
<p>${byThree(M2)}</p>
<p>${byWord(NEUTRAL[2], ['span'])}</p>
<p>${byThree(NEUTRAL[3])}</p>
</article>
<div class="tags">${tags}</div>
</body></html>`;
}

/** Known manipulative sentences with emoji, zero-width, format and control characters inside. */
const INVISIBLE_VARIANTS = [
  `These corrupt \u{1F92C}, power-hungry bureaucrats have once again betrayed every hardworking family in this city.`,
  `If we do not stop them now,\u200B our children will\u200D inherit a wasteland of crime and ruin.`,
  `These cor\u00ADrupt, power-hun\u00ADgry bureau\u00ADcrats have once again be\u00ADtrayed every hard\u00ADworking family in this city.`,
  `If\u00A0we do not stop them now\u202F, our children\u2060 will inherit a wasteland of crime and ruin.`,
  `\uFEFFThese corrupt, power-hungry bureaucrats\u0007 have once again betrayed every hardworking family in this city.`,
  `If we do not stop them now\u200E, our children will inherit a wasteland of crime and ruin\u200F.`,
];

function invisiblePage(): string {
  const paragraphs = [
    `${NEUTRAL[0]} \u{1F389}\u{1F468}\u200D\u{1F469}\u200D\u{1F467}`,
    `\u{1F621}\u{1F621} ${INVISIBLE_VARIANTS[0]} \u{1F525}\u{1F468}\u200D\u{1F469}\u200D\u{1F467}`,
    NEUTRAL[1],
    INVISIBLE_VARIANTS[1],
    `\u{1D413}\u{1D421}\u{1D41E} new budget takes effect on the first of July \u2764\uFE0F.`,
    INVISIBLE_VARIANTS[2],
    NEUTRAL[2],
    INVISIBLE_VARIANTS[3],
    `${INVISIBLE_VARIANTS[4]}\u0001`,
    `${INVISIBLE_VARIANTS[5]} \u2764\uFE0F`,
    'Road crews will start work on the northern bridge in the second week of August.',
  ];
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Council approves new budget | Emoji Herald</title></head><body><article><h1>Council approves new budget</h1>
${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
</article></body></html>`;
}

// ---------------------------------------------------------------------------------------------

interface Row {
  fixture: string;
  status: string;
  loadToDoneMs: number;
  longestTaskMs: number;
  tasksOver50: number;
  maxGapMs: number;
  result: 'pass' | 'FAIL';
}

const finished = (state: TabState | undefined) => state !== undefined && (state.status === 'done' || state.status === 'unreadable' || state.status === 'error');

describe.skipIf(!existsSync(CHROMIUM))('hostile and odd pages, in Chromium', () => {
  let server: FixtureServer;
  let browser: ExtensionBrowser;
  const rows: Row[] = [];

  beforeAll(async () => {
    const built = await ensureBuilt('chrome');
    if (built) log(`built ${distDir('chrome')} in ${built} ms`);
    server = await serveFixtures({ pages: { '/hostile/big.html': bigPage(), '/hostile/many-nodes.html': manyNodesPage(), '/hostile/invisible.html': invisiblePage() } });
    browser = await launchWithExtension(distDir('chrome'));
    // The expectations are the model's validation-tuned thresholds (the extension's default is 'cautious').
    await useSettings(await browser.worker(), { sensitivity: 'balanced' });
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 300_000);

  afterAll(async () => {
    if (rows.length > 0) {
      log('summary (load -> done; longest long task after load, and how many > 50 ms; heartbeat max gap after load):');
      for (const r of rows) log(`  ${r.fixture.padEnd(22)} ${r.result.padEnd(4)} ${r.status.padEnd(10)} load->done ${String(r.loadToDoneMs).padStart(6)} ms   longest task ${String(r.longestTaskMs).padStart(5)} ms (${r.tasksOver50} > 50 ms)   heartbeat max gap ${String(r.maxGapMs).padStart(5)} ms`);
    }
    await browser?.close();
    await server?.close();
  });

  interface Opened {
    page: Page;
    worlds: Worlds;
    url: string;
    tabId: number;
    state: TabState;
    loadToDoneMs: number;
    pageErrors: string[];
    row: Row;
  }

  /** Opens a fixture and waits until its TabState is finished (done, unreadable or error). */
  async function open(fixture: string, path: string, timeoutMs = DONE_TIMEOUT_MS): Promise<Opened> {
    const row: Row = { fixture, status: '-', loadToDoneMs: -1, longestTaskMs: -1, tasksOver50: 0, maxGapMs: -1, result: 'FAIL' };
    rows.push(row);
    const url = `${server.origin}${path}`;
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1000, height: 800 });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    await page.addInitScript(installPageProbe);
    const worlds = await Worlds.attach(page, browser.extensionId);
    const started = performance.now();
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    const [tabId, state] = await waitFor(async () => {
      const entry = Object.entries(await storedStates(await browser.worker())).find(([, s]) => s.url === url);
      return entry && finished(entry[1]) ? ([Number(entry[0]), entry[1]] as [number, TabState]) : undefined;
    }, timeoutMs, `the analysis of ${path}`).catch(async (error: unknown) => {
      // What the page and the content script were doing meanwhile.
      const probe = await worlds.main<PageProbe>('window.__hostileProbe').catch((e: unknown) => String(e));
      const state = Object.values(await storedStates(await browser.worker())).find((s) => s.url === url);
      log(`${fixture}: NOT FINISHED after ${timeoutMs} ms: state ${JSON.stringify(state ?? null).slice(0, 300)}; page probe ${JSON.stringify(probe).slice(0, 800)}; content script: ${worlds.unspinConsole.join(' | ').slice(0, 300)}; exceptions ${JSON.stringify(worlds.exceptions).slice(0, 300)}`);
      throw error;
    });
    const loadToDoneMs = Math.round(performance.now() - started);
    Object.assign(row, { status: state.status, loadToDoneMs });
    return { page, worlds, url, tabId, state, loadToDoneMs, pageErrors, row };
  }

  /** Waits until Unspin has painted at least `min` located findings (or returns what is there after the timeout when min is 0). */
  async function marks(opened: Opened, min = 1, timeoutMs = 30_000): Promise<Marks> {
    if (min === 0) {
      await opened.page.waitForTimeout(500);
      return (await opened.worlds.unspin<Marks | null>(READ_MARKS)) ?? (await waitFor(() => opened.worlds.unspin<Marks | null>(READ_MARKS).then((m) => m ?? undefined), timeoutMs, 'the content script'));
    }
    return waitFor(async () => {
      const found = await opened.worlds.unspin<Marks | null>(READ_MARKS);
      return found && found.located.length >= min ? found : undefined;
    }, timeoutMs, `${min} highlighted sentence(s)`);
  }

  /** The located findings are exactly where their sentences are: each painted, on the page, its text the sentence's. */
  function expectMarksConsistent(found: Marks): void {
    for (const located of found.located) {
      expect(collapse(located.text), 'a highlight covers exactly its sentence').toBe(collapse(located.sentence));
      expect(located.connected).toBe(true);
      expect(located.painted).toBe(true);
      expect(located.inEditable).toBe(false);
    }
    expect(found.paintedAllConnected).toBe(true);
  }

  const sentencesOf = (found: Marks) => found.located.map((l) => collapse(l.sentence));

  function expectFlagged(found: Marks, flagged: string[], neutral: string[]): void {
    const sentences = sentencesOf(found);
    for (const sentence of flagged) expect(sentences, `flagged: ${sentence}`).toContain(collapse(sentence));
    for (const sentence of neutral) expect(sentences.some((s) => s.includes(collapse(sentence))), `not flagged: ${sentence}`).toBe(false);
  }

  /**
   * The page kept working (its heartbeat ticks on, it saw no error, none was thrown in either world),
   * no task took longer than the bound, and the worker still analyses a new page. Logs the timings.
   */
  async function settle(opened: Opened, options: { longTaskBoundMs?: number; allowMainExceptions?: boolean } = {}): Promise<void> {
    const { page, worlds, row } = opened;
    const probe = await worlds.main<PageProbe>('window.__hostileProbe');
    await page.waitForTimeout(400);
    const later = await worlds.main<PageProbe>('window.__hostileProbe');
    const afterLoad = probe.longTasks.filter(([start]) => probe.loadAt >= 0 && start >= probe.loadAt);
    const longest = Math.max(0, ...afterLoad.map(([, duration]) => duration));
    const beforeLoad = Math.max(0, ...probe.longTasks.filter(([start]) => start < probe.loadAt).map(([, d]) => d));
    Object.assign(row, { longestTaskMs: longest, tasksOver50: afterLoad.filter(([, d]) => d > 50).length, maxGapMs: Math.round(probe.maxGapAfterLoad) });
    log(
      `${row.fixture}: ${opened.state.status} | load -> done ${opened.loadToDoneMs} ms | long tasks after load ${afterLoad.length ? afterLoad.map(([, d]) => d).join(', ') : 'none'} ms (longest ${longest} ms${longest > 50 ? ' > 50 ms: issue-6 target' : ''}; page's own before load: longest ${beforeLoad} ms) | heartbeat max gap after load ${Math.round(probe.maxGapAfterLoad)} ms (overall ${Math.round(probe.maxGap)} ms, ${probe.beats} beats)`,
    );
    if (worlds.unspinConsole.length) log(`${row.fixture}: content script said: ${worlds.unspinConsole.join(' | ').slice(0, 500)}`);
    expect(later.beats, 'the page heartbeat keeps ticking').toBeGreaterThan(probe.beats);
    expect(probe.errors, 'errors seen by the page').toEqual([]);
    expect(opened.pageErrors, 'pageerror events').toEqual([]);
    expect(worlds.exceptions.filter((e) => e.world === 'unspin'), 'exceptions in the content script').toEqual([]);
    if (!options.allowMainExceptions) expect(worlds.exceptions.filter((e) => e.world === 'main'), 'exceptions in the page').toEqual([]);
    expect(longest, 'longest task after load').toBeLessThan(options.longTaskBoundMs ?? LONG_TASK_BOUND_MS);
    await worlds.detach();
    await page.close();
    await expectWorkerAnswers(row.fixture);
    row.result = 'pass';
  }

  /** A plain article after the hostile one: the worker still reads and flags it. */
  async function expectWorkerAnswers(after: string): Promise<void> {
    const url = `${server.origin}/article.html?after=${encodeURIComponent(after)}`;
    const page = await browser.context.newPage();
    await page.goto(url);
    const state = await waitFor(async () => {
      const found = Object.values(await storedStates(await browser.worker())).find((s) => s.url === url);
      return finished(found) ? found : undefined;
    }, 60_000, `the article after ${after}`);
    expect(state.status).toBe('done');
    expect(state.analysis!.findings.map((f) => f.sentence.text)).toContain(M1);
    await page.close();
  }

  // ---------------------------------------------------------------------------------------------

  it('1. a 5 MB page', async () => {
    const opened = await open('5 MB text', '/hostile/big.html', 300_000);
    expect(opened.state.status).toBe('done');
    const analysis = opened.state.analysis!;
    log(`5 MB text: ${opened.state.textLength} characters read, ${analysis.sentenceCount} sentences analysed, truncated ${String((analysis as { truncated?: boolean }).truncated)}, ${analysis.findings.length} findings, worker ${opened.state.elapsedMs} ms`);
    expect(opened.state.textLength).toBeGreaterThan(5_000_000);
    const found = await marks(opened, 2, 60_000);
    expectMarksConsistent(found);
    expectFlagged(found, [M1, M2], NEUTRAL);
    await settle(opened);
  }, 480_000);

  it('2. 2,000 small text nodes', async () => {
    const opened = await open('2,000 text nodes', '/hostile/many-nodes.html');
    expect(opened.state.status).toBe('done');
    const nodes = await opened.worlds.main<number>(`(() => { let n = 0; const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT); while (w.nextNode()) n++; return n; })()`);
    log(`2,000 text nodes: ${nodes} text nodes in the page`);
    expect(nodes).toBeGreaterThan(2000);
    const found = await marks(opened, 2);
    expectMarksConsistent(found);
    expectFlagged(found, [M1, M2], NEUTRAL);
    // The marks follow the text nodes: one piece per word of M1, one per three characters of M2.
    expect(found.located.find((l) => collapse(l.sentence) === M1)!.pieces).toBeGreaterThanOrEqual(M1.split(' ').length);
    expect(found.located.find((l) => collapse(l.sentence) === M2)!.pieces).toBeGreaterThanOrEqual(Math.floor(M2.length / 3));
    await settle(opened);
  }, 180_000);

  it('3. thousands of nesting levels', async () => {
    const opened = await open('deep nesting', '/hostile/deep.html');
    expect(opened.state.status).toBe('done');
    const depth = await opened.worlds.main<number>(`(() => { const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT); let n = w.nextNode(); while (n && !n.data.startsWith('These corrupt')) n = w.nextNode(); let d = 0; for (; n; n = n.parentNode) d++; return d; })()`);
    log(`deep nesting: the flagged sentence is ${depth} levels deep`);
    expect(depth).toBeGreaterThan(5000);
    const found = await marks(opened, 2);
    expectMarksConsistent(found);
    expectFlagged(found, [M1, M2], NEUTRAL);
    await settle(opened);
  }, 180_000);

  it('4. iframes, same-origin and cross-origin: only the top frame is read', async () => {
    const opened = await open('iframes', '/hostile/iframes.html');
    const { page, state } = opened;
    expect(state.status).toBe('done');
    const found = await marks(opened, 1);
    expectMarksConsistent(found);
    // M2 and M3 are only inside frames.
    expectFlagged(found, [M1], [...NEUTRAL, M2, M3]);
    expect(state.analysis!.findings.map((f) => f.sentence.text).filter((t) => t.includes(M2) || t.includes(M3))).toEqual([]);
    // No frame got a TabState, a content script, a highlight or a host of its own.
    const states = Object.values(await storedStates(await browser.worker()));
    expect(states.filter((s) => s.url?.includes('frame.html'))).toEqual([]);
    await page.waitForTimeout(1500);
    const frames = page.frames().filter((f) => f !== page.mainFrame());
    log(`iframes: ${frames.length} frames: ${frames.map((f) => f.url()).join(', ')}`);
    expect(frames.some((f) => f.url().startsWith('http://localhost:'))).toBe(true);
    for (const frame of frames) {
      const inside = await frame.evaluate(() => ({ highlights: CSS.highlights.size, divs: document.querySelectorAll('div').length, beats: (window as { frameBeats?: number }).frameBeats ?? null })).catch((error: unknown) => ({ error: String(error) }));
      if ('error' in inside) {
        log(`iframes: ${frame.url()} not readable now (${inside.error.slice(0, 80)}): a reloading frame`);
        continue;
      }
      expect(inside.highlights, frame.url()).toBe(0);
      expect(inside.divs, frame.url()).toBe(0);
      if (frame.url().includes('frame.html') && !frame.url().includes('reload') && !frame.url().includes('sandboxed')) expect(inside.beats, `heartbeat of ${frame.url()}`).toBeGreaterThan(5);
    }
    await settle(opened);
  }, 180_000);

  it('5. open and closed shadow roots', async () => {
    const opened = await open('shadow DOM', '/hostile/shadow.html');
    expect(opened.state.status).toBe('done');
    const found = await marks(opened, 2);
    expectMarksConsistent(found);
    // M1 is light DOM slotted into an open root; M3 is light DOM that no slot shows (not rendered).
    expectFlagged(found, [M1, M2], [...NEUTRAL, M3]);
    const inShadow = 'These lying traitors want to destroy everything you love, and only fools still believe them.';
    const readShadow = opened.state.analysis!.findings.some((f) => f.sentence.text.includes('lying traitors'));
    log(`shadow DOM: text inside shadow roots (open or closed) ${readShadow ? 'IS' : 'is NOT'} analysed ("${inShadow.slice(0, 40)}…")`);
    // The page's own roots are as it made them: Unspin added nothing inside them.
    const roots = await opened.worlds.main<string[]>(`[document.getElementById('open-inner').shadowRoot.innerHTML, window.closedRoots[0].innerHTML, document.getElementById('open-slotted').shadowRoot.innerHTML]`);
    expect(roots[0]).toContain(inShadow);
    expect(roots[1]).toContain(inShadow);
    expect(roots.join('')).not.toMatch(/unspin|z-index/i);
    await settle(opened);
  }, 180_000);

  it('6. editors and text boxes are never read, marked or changed', async () => {
    const opened = await open('editors', '/hostile/editors.html');
    const { page, worlds, state } = opened;
    expect(state.status).toBe('done');
    const found = await marks(opened, 1);
    expectMarksConsistent(found);
    expectFlagged(found, [M1], [...NEUTRAL, M2, M3]);
    expect(state.analysis!.findings.map((f) => f.sentence.text).filter((t) => t.includes('wasteland') || t.includes('radical elites'))).toEqual([]);

    // The user is writing: focus and selection in the textarea stay where they are, the editors' content as parsed.
    await page.click('#ta');
    await worlds.main(`document.getElementById('ta').setSelectionRange(10, 20)`);
    await page.click('#ce p');
    await page.keyboard.press('End');
    await page.keyboard.type(' These corrupt crooks betrayed us all again.');
    await page.waitForTimeout(2500);
    const after = await worlds.main<{ active: string; editors: PageProbe['editors']; taSelection: number[]; ceText: string; }>(`(() => {
      const probe = window.__hostileProbe;
      const now = probe.editors.map((e) => { const el = document.getElementById(e.id); return { id: e.id, html: el.innerHTML, value: typeof el.value === 'string' ? el.value : null }; });
      const ta = document.getElementById('ta');
      return { active: document.activeElement.id, editors: now, taSelection: [ta.selectionStart, ta.selectionEnd], ceText: document.getElementById('ce').textContent };
    })()`);
    const before = (await worlds.main<PageProbe>('window.__hostileProbe')).editors;
    expect(before.length).toBe(7);
    expect(after.active).toBe('ce');
    expect(after.taSelection).toEqual([10, 20]);
    expect(after.ceText).toContain('These corrupt crooks betrayed us all again.');
    for (const editor of after.editors) {
      if (editor.id === 'ce') continue;
      expect(editor, `editor #${editor.id} unchanged`).toEqual(before.find((b) => b.id === editor.id));
    }
    // What was typed is not analysed as a new post either.
    const again = (await storedStates(await browser.worker()))[opened.tabId];
    expect(again.posts?.analysed ?? 0).toBe(0);
    const afterTyping = await marks(opened, 1);
    expectMarksConsistent(afterTyping);
    expect(afterTyping.located.length).toBe(found.located.length);
    await settle(opened);
  }, 180_000);

  it('6b. a page in designMode is not read', async () => {
    const opened = await open('designMode', '/hostile/design-mode.html');
    expect(opened.state.status).toBe('unreadable');
    expect(opened.state.message).toMatch(/editing/);
    expect((await marks(opened, 0)).located).toEqual([]);
    await settle(opened);
  }, 120_000);

  it('7. hostile CSS around the card', async () => {
    const opened = await open('hostile CSS', '/hostile/css.html');
    const { page, worlds } = opened;
    expect(opened.state.status).toBe('done');
    const found = await marks(opened, 2);
    expectMarksConsistent(found);
    expectFlagged(found, [M1, M2], NEUTRAL);
    // A real pointer over the sentence opens the card; it is the topmost thing where it is drawn.
    const box = await worlds.main<{ x: number; y: number }>(`(() => { const p = [...document.querySelectorAll('p')].find((p) => p.textContent.startsWith('These corrupt')); const r = document.createRange(); r.setStart(p.firstChild, 8); r.setEnd(p.firstChild, 9); const b = r.getBoundingClientRect(); return { x: b.x + b.width / 2, y: b.y + b.height / 2 }; })()`);
    await page.mouse.move(box.x, box.y);
    const shown = await waitFor(async () => {
      const m = await worlds.unspin<Marks>(READ_MARKS);
      return m.card && m.cardRect && m.cardRect.width > 0 ? m : undefined;
    }, 10_000, 'the card');
    expect(collapse(shown.card!)).toBe(M1);
    const rect = shown.cardRect!;
    const topmost = await worlds.main<string>(`(() => { const el = document.elementFromPoint(${rect.x + rect.width / 2}, ${rect.y + Math.min(rect.height / 2, 40)}); return el === [...document.documentElement.children].find((e) => e.localName === 'div') ? 'unspin-host' : el && el.localName + '#' + el.id; })()`);
    expect(topmost).toBe('unspin-host');
    await page.screenshot({ path: join(SCREENSHOTS, 'hostile-css.png') });
    // Unspin's host (made for the card) keeps its own styles against `* { all: unset !important }` and selectors aimed at it.
    const host = await worlds.main<Record<string, string>>(`(() => {
      const host = [...document.documentElement.children].find((el) => el.localName === 'div');
      const s = getComputedStyle(host);
      return { display: s.display, position: s.position, zIndex: s.zIndex, pointerEvents: s.pointerEvents, width: s.width, visibility: s.visibility, opacity: s.opacity, transform: s.transform, shadowRoot: String(host.shadowRoot) };
    })()`);
    expect(host).toEqual({ display: 'block', position: 'absolute', zIndex: '2147483647', pointerEvents: 'none', width: '0px', visibility: 'visible', opacity: '1', transform: 'none', shadowRoot: 'null' });
    // Its close button still takes a real click.
    const close = shown.closeRect!;
    await page.mouse.click(close.x + close.width / 2, close.y + close.height / 2);
    await waitFor(async () => ((await worlds.unspin<Marks>(READ_MARKS)).card === null ? true : undefined), 5_000, 'the card to close');
    await settle(opened);
  }, 180_000);

  it('8. a page that breaks the built-ins (Array, JSON, Node, attachShadow, getSelection, MutationObserver…)', async () => {
    const opened = await open('broken built-ins', '/hostile/prototypes.html');
    const { page, worlds } = opened;
    expect(opened.state.status).toBe('done');
    const found = await marks(opened, 2);
    expectMarksConsistent(found);
    expectFlagged(found, [M1, M2], NEUTRAL);
    // "Check with Unspin" by keyboard asks the content script for the selection: the real one, not the page's getSelection().
    // The paragraph's box, read in Unspin's world: the page's getBoundingClientRect lies.
    const paragraph = await worlds.unspin<{ x: number; y: number; height: number }>(`(() => { const b = document.querySelectorAll('p')[1].getBoundingClientRect(); return { x: b.x, y: b.y, height: b.height }; })()`);
    await page.mouse.click(paragraph.x + 20, paragraph.y + paragraph.height / 2, { clickCount: 3 });
    const outcome = await (await browser.worker()).evaluate((tab) => unspinTestHooks.onCommand('check-selection', { id: tab }), opened.tabId);
    const selection = (await storedStates(await browser.worker()))[opened.tabId]?.selection;
    log(`broken built-ins: selection check ${outcome?.status}: "${selection?.text?.slice(0, 60)}"`);
    expect(outcome?.status).toBe('checked');
    expect(collapse(selection!.text)).toBe(M1);
    // The page's own timer keeps beating (polled: a fast scan can be over within ten beats).
    const probe = await waitFor(async () => {
      const read = await worlds.main<{ calls: number; beats: number }>(`({ calls: window.hostileCalls, beats: window.pageBeats })`);
      return read.beats > 10 ? read : undefined;
    }, 10_000, 'the page\'s heartbeat');
    log(`broken built-ins: the page's broken functions were called ${probe.calls} times; its own heartbeat ${probe.beats}`);
    expect(probe.calls).toBe(0);
    await settle(opened);
  }, 180_000);

  it('9. forged messages and events, and a page spying on Unspin', async () => {
    const opened = await open('forgery', '/hostile/forgery.html');
    const { page, worlds, tabId } = opened;
    expect(opened.state.status).toBe('done');
    const found = await marks(opened, 2);
    expectMarksConsistent(found);
    expectFlagged(found, [M1, M2], NEUTRAL);
    const before = (await storedStates(await browser.worker()))[tabId];

    // Forged events over the flagged sentence: no card. A real pointer: the card.
    const m1 = await worlds.main<{ x: number; y: number }>(`(() => { const t = document.getElementById('m1').firstChild; const r = document.createRange(); r.setStart(t, 8); r.setEnd(t, 9); const b = r.getBoundingClientRect(); return { x: b.x + b.width / 2, y: b.y + b.height / 2 }; })()`);
    await worlds.main(`(() => {
      const target = document.getElementById('m1');
      const at = { clientX: ${m1.x}, clientY: ${m1.y}, bubbles: true, composed: true, view: window };
      for (const type of ['pointerover', 'pointermove', 'mouseover', 'mouseenter', 'mousemove']) target.dispatchEvent(type.startsWith('pointer') ? new PointerEvent(type, at) : new MouseEvent(type, at));
      document.dispatchEvent(new MouseEvent('mousemove', at));
      target.dispatchEvent(new FocusEvent('focus'));
      target.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
      window.forgeAll();
    })()`);
    await page.waitForTimeout(600);
    expect((await worlds.unspin<Marks>(READ_MARKS)).card, 'forged mouse events open no card').toBeNull();
    await page.mouse.move(m1.x, m1.y);
    await waitFor(async () => ((await worlds.unspin<Marks>(READ_MARKS)).card ? true : undefined), 10_000, 'the card on a real hover');
    // A forged Escape or scroll leaves it; the real Escape closes it.
    await worlds.main(`(() => { document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })); document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })); document.dispatchEvent(new Event('scroll')); window.dispatchEvent(new PopStateEvent('popstate')); })()`);
    await page.waitForTimeout(400);
    expect((await worlds.unspin<Marks>(READ_MARKS)).card, 'a forged Escape does not close the card').not.toBeNull();
    await page.keyboard.press('Escape');
    await waitFor(async () => ((await worlds.unspin<Marks>(READ_MARKS)).card === null ? true : undefined), 5_000, 'the card to close on a real Escape');

    // Forged highlights over a neutral sentence get no card (hit-testing uses Unspin's own marks).
    await worlds.main(`(() => { const t = document.getElementById('n2').firstChild; const r = document.createRange(); r.setStart(t, 0); r.setEnd(t, t.data.length); CSS.highlights.set('unspin-forged', new Highlight(r)); })()`);
    const n2 = await worlds.main<{ x: number; y: number }>(`(() => { const b = document.getElementById('n2').getBoundingClientRect(); return { x: b.x + 30, y: b.y + b.height / 2 }; })()`);
    await page.mouse.move(n2.x, n2.y);
    await page.waitForTimeout(500);
    expect((await worlds.unspin<Marks>(READ_MARKS)).card).toBeNull();
    await worlds.main(`CSS.highlights.delete('unspin-forged')`);

    // Two more seconds of forged messages: the tab's result is as it was.
    await worlds.main(`(() => { window.forgeBurst2 = setInterval(window.forgeAll, 50); setTimeout(() => clearInterval(window.forgeBurst2), 2000); })()`);
    await page.waitForTimeout(2500);
    const afterState = (await storedStates(await browser.worker()))[tabId];
    expect(afterState).toEqual(before);
    const still = await marks(opened, 2);
    expect(sentencesOf(still)).toEqual(sentencesOf(found));

    // What the page can see of Unspin: its host (closed root), no runtime, nothing captured.
    const spy = await worlds.main<Record<string, unknown>>('window.spyOnUnspin()');
    log(`forgery: the page sees ${JSON.stringify(spy)}`);
    expect(spy.chromeRuntime === 'absent' || spy.chromeRuntime === 'undefined').toBe(true);
    expect(spy.chromeRuntimeId).toBe('absent');
    expect(spy.browserGlobal).toBe('undefined');
    expect(spy.capturedModes).toEqual([]);
    expect(spy.openRoots).toEqual([]);
    expect(spy.lastElement).toEqual({ tag: 'div', shadowRoot: null, children: 0, html: '' });
    // The sentence text appears once in the page (its paragraph): Unspin copied nothing into the DOM.
    expect(spy.unspinText).toBe(1);
    const added = await worlds.main<{ tag: string; parent: string; css: string }[]>(`(() => {
      const ours = [...document.querySelectorAll('*')].filter((el) => el.localName === 'style' || (el.parentNode === document.documentElement && el.localName === 'div'));
      return ours.map((el) => ({ tag: el.localName, parent: el.parentNode.localName, css: el.localName === 'style' ? el.textContent : '' }));
    })()`);
    log(`forgery: elements Unspin added that the page can reach: ${added.map((a) => `<${a.tag}> in <${a.parent}>`).join(', ')}`);
    // Its host only: no <style> (the marks are drawn inside the closed shadow root).
    expect(added.map((a) => a.tag)).toEqual(['div']);
    await settle(opened);
  }, 180_000);

  // The marks are boxes in Unspin's closed shadow root (overlay.ts), not CSS.highlights, which belongs
  // to the document: the page cannot list which of its sentences were flagged, nor remove the marks.
  it('9b. the page can neither read which sentences were flagged nor remove the marks', async () => {
    const opened = await open('private marks', '/hostile/forgery.html?registry');
    const { page, worlds } = opened;
    expect(opened.state.status).toBe('done');
    const found = await marks(opened, 2);
    expectMarksConsistent(found);
    const pieces = found.located.reduce((sum, l) => sum + l.pieces, 0);
    const world = await IsolatedWorld.attach(page, browser.extensionId);
    const drawn = () => world.boxes().then((boxes) => boxes.filter((box) => box.mark !== 'focus' && box.width > 0));
    const before = await drawn();
    expect(before.length, 'an underline per line of each flagged sentence').toBeGreaterThanOrEqual(pieces);

    // What the page sees: no highlight names, no timings, a host with no reachable root, no boxes.
    const seen = await worlds.main<{ highlights: string[]; entries: string[]; shadowRoot: string; marked: number; styles: number }>(`(() => {
      const host = [...document.documentElement.children].find((el) => el.localName === 'div');
      return {
        highlights: [...CSS.highlights.keys()],
        entries: performance.getEntries().map((e) => e.name).filter((name) => /unspin/i.test(name)),
        shadowRoot: String(host.shadowRoot),
        marked: document.querySelectorAll('[data-mark]').length,
        styles: document.querySelectorAll('style').length,
      };
    })()`);
    log(`private marks: the page sees ${JSON.stringify(seen)}`);
    expect(seen).toEqual({ highlights: [], entries: [], shadowRoot: 'null', marked: 0, styles: 0 });

    // What the page can do: clear the registry and its timeline, hide and remove Unspin's host.
    await worlds.main(`(() => {
      CSS.highlights.clear();
      performance.clearMeasures();
      performance.clearMarks();
      const host = [...document.documentElement.children].find((el) => el.localName === 'div');
      host.style.setProperty('display', 'none', 'important');
      host.remove();
    })()`);
    const after = await waitFor(async () => {
      const boxes = await drawn();
      return boxes.length >= pieces ? boxes : undefined;
    }, 5_000, 'the marks to be drawn again');
    expect(after.map((box) => [box.mark, Math.round(box.x), Math.round(box.y)])).toEqual(before.map((box) => [box.mark, Math.round(box.x), Math.round(box.y)]));
    const host = await worlds.main<{ connected: boolean; display: string }>(`(() => { const host = [...document.documentElement.children].find((el) => el.localName === 'div'); return { connected: !!host && host.isConnected, display: host ? getComputedStyle(host).display : 'none' }; })()`);
    expect(host).toEqual({ connected: true, display: 'block' });
    await world.detach();
    await settle(opened);
  }, 180_000);

  for (const [name, path, code] of [
    ['Arabic', '/hostile/arabic.html', 'ar'],
    ['Hebrew', '/hostile/hebrew.html', 'he'],
    ['Chinese and Japanese', '/hostile/cjk.html', 'zh'],
  ] as const) {
    it(`10. ${name}: an unsupported language says so and is not scored`, async () => {
      const opened = await open(name, path);
      const { state } = opened;
      expect(state.status).toBe('done');
      const analysis = state.analysis!;
      log(`${name}: language ${JSON.stringify(analysis.language)}, supported ${analysis.supported}, findings ${analysis.findings.length}, risk ${analysis.risk}`);
      expect(analysis.supported).toBe(false);
      expect(analysis.language.code).not.toMatch(/^(en|fr|de|it|pl|ru|es)$/);
      if (code !== 'zh') expect(analysis.language.code).toBe(code);
      expect(analysis.findings).toEqual([]);
      const found = await marks(opened, 0);
      expect(found.located).toEqual([]);
      expect(found.painted).toEqual([]);
      // The toolbar says the language is not supported instead of showing a reassuring "0".
      const worker = await browser.worker();
      const badge = await worker.evaluate((tabId) => (globalThis as unknown as { chrome: { action: { getBadgeText(d: { tabId: number }): Promise<string>; getTitle(d: { tabId: number }): Promise<string> } } }).chrome.action.getBadgeText({ tabId }), opened.tabId);
      const title = await worker.evaluate((tabId) => (globalThis as unknown as { chrome: { action: { getTitle(d: { tabId: number }): Promise<string> } } }).chrome.action.getTitle({ tabId }), opened.tabId);
      log(`${name}: badge "${badge}", title "${title}"`);
      expect(badge).toBe('');
      expect(title).toMatch(/not supported/);
      await settle(opened);
    }, 120_000);
  }

  it('10b. English in a right-to-left page with Arabic, Hebrew and CJK paragraphs', async () => {
    const opened = await open('mixed RTL', '/hostile/mixed-rtl.html');
    expect(opened.state.status).toBe('done');
    log(`mixed RTL: language ${JSON.stringify(opened.state.analysis!.language)}`);
    const found = await marks(opened, 2);
    expectMarksConsistent(found);
    const sentences = sentencesOf(found);
    expect(sentences).toContain(M1);
    expect(sentences.some((s) => s.includes(M2))).toBe(true);
    for (const sentence of NEUTRAL.slice(0, 3)) expect(sentences.some((s) => s.includes(sentence))).toBe(false);
    await settle(opened);
  }, 120_000);

  it('11. emoji, zero-width and control characters inside manipulative sentences', async () => {
    const opened = await open('invisible characters', '/hostile/invisible.html');
    expect(opened.state.status).toBe('done');
    const found = await marks(opened, 2);
    expectMarksConsistent(found);
    const flagged = found.located.map((l) => collapse(l.sentence));
    // The textmap reads every Unicode space (NBSP, U+202F, U+FEFF) as whitespace: compare with spaces collapsed.
    const missed = INVISIBLE_VARIANTS.filter((variant) => !flagged.some((s) => s.includes(collapse(variant))));
    log(`invisible characters: ${INVISIBLE_VARIANTS.length - missed.length} of ${INVISIBLE_VARIANTS.length} variants flagged; missed: ${missed.map((m) => JSON.stringify(m)).join(' ') || 'none'}`);
    log(`invisible characters: flagged sentences ${JSON.stringify(found.located.map((l) => l.sentence))}`);
    expect(missed).toEqual([]);
    // Each variant's mark is exactly its text on the page, invisible characters and all.
    for (const variant of INVISIBLE_VARIANTS) {
      const located = found.located.find((l) => collapse(l.sentence).includes(collapse(variant)))!;
      expect(collapse(located.text)).toContain(collapse(variant));
    }
    for (const sentence of NEUTRAL.slice(0, 3)) expect(flagged.some((s) => s.includes(sentence))).toBe(false);
    await settle(opened);
  }, 120_000);

  it('12. a page that rewrites its paragraphs every few ms while it is read', async () => {
    const opened = await open('mutating', '/hostile/mutating.html');
    const { page, worlds } = opened;
    log(`mutating: first state ${opened.state.status} after ${opened.loadToDoneMs} ms, ${await worlds.main<number>('window.churnRounds')} churn rounds so far`);
    await waitFor(async () => ((await worlds.main<number | false>('window.settled')) ? true : undefined), 30_000, 'the page to settle');
    // Once the page has settled, its final text is marked right (the scan, or the posts it grew).
    // Marks whose text the page removed collapse (a live Range moves to the removed node's parent,
    // still connected): the controller drops collapsed marks and the painter paints only ranges still
    // over page text. Stale marks are counted while waiting (a removal may land between two checks).
    const live = (m: Marks): Marks => ({ ...m, located: m.located.filter((l) => l.text !== '') });
    let stale = 0;
    const found = await waitFor(async () => {
      const m = await worlds.unspin<Marks | null>(READ_MARKS);
      if (!m) return undefined;
      stale = m.located.length - live(m).located.length;
      const sentences = sentencesOf(live(m));
      return sentences.includes(M1) && sentences.includes(M2) ? live(m) : undefined;
    }, 60_000, 'marks on the settled text').catch(async (error: unknown) => {
      log(`mutating: marks now ${JSON.stringify(await worlds.unspin<Marks | null>(READ_MARKS))}, state ${JSON.stringify((await storedStates(await browser.worker()))[opened.tabId]?.posts)}`);
      throw error;
    });
    expectMarksConsistent(found);
    expectFlagged(found, [M1, M2], NEUTRAL);
    const rounds = await worlds.main<number>('window.churnRounds');
    const state = (await storedStates(await browser.worker()))[opened.tabId];
    log(`mutating: ${rounds} churn rounds; scan ${state.status}, posts analysed since: ${JSON.stringify(state.posts ?? null)}; ${found.located.length} live marks, ${stale} stale (collapsed) marks kept`);
    await page.waitForTimeout(1000);
    await settle(opened);
  }, 180_000);
});
