// @vitest-environment happy-dom
// controller.ts: scanning, answering the background, hover and navigation on one page.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContentScript } from '../../../extension/content/controller';
import { BackgroundMessage, ContentMessage, parseContentRequest, type AnalyzeChunkPayload, type ContentRequest } from '../../../extension/messages';
import type { Finding } from '../../../model/types';
import { analysisWith, findingOn, fixture, instantSlicing, loadPage, stubRects } from './helpers';

vi.mock('webextension-polyfill', () => ({ default: { runtime: { id: 'unspin-test', sendMessage: vi.fn(), onMessage: { addListener: vi.fn(), removeListener: vi.fn() } } } }));

const SENTENCE = "Engineers replaced forty-two corroded beams and resurfaced the entire carriageway, the city's transport office said.";

/** A background that analyses by finding SENTENCE in the text it is sent. */
function fakeBackground(findingsFor: (text: string, scanId: string) => Finding[] = (text) => (text.includes(SENTENCE) ? [findingOn(text, SENTENCE)] : [])) {
  const sent: ContentRequest[] = [];
  const send = vi.fn(async (message: ContentRequest) => {
    sent.push(parseContentRequest(message));
    if (message.type !== ContentMessage.AnalyzeChunk || message.index < message.count - 1) return { ok: true, value: null };
    return { ok: true, value: analysisWith(findingsFor(message.text, message.scanId)) };
  });
  return { sent, send };
}

function start(document: Document, send: ReturnType<typeof fakeBackground>['send'], options: { autoScan?: boolean } = {}) {
  const script = new ContentScript({ document, send, listen: () => () => undefined, slicing: (signal) => instantSlicing({ signal }), autoScan: options.autoScan ?? false });
  scripts.push(script);
  return { script, registry: script.highlights.painted };
}

const scripts: ContentScript[] = [];
afterEach(() => {
  for (const script of scripts.splice(0)) script.stop();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

const chunks = (sent: ContentRequest[]) => sent.filter((m): m is AnalyzeChunkPayload => m.type === ContentMessage.AnalyzeChunk);

describe('a scan', () => {
  it("sends the page's article text and marks the findings of the reply", async () => {
    const document = loadPage(fixture('content/article-with-chrome.html'), 'https://coastal.example/bridge');
    const { sent, send } = fakeBackground();
    const { script, registry } = start(document, send);
    await script.scan();
    const [chunk] = chunks(sent);
    expect(chunk).toMatchObject({ url: 'https://coastal.example/bridge', title: 'Harbour bridge reopens after repairs', kind: 'article', index: 0, count: 1 });
    expect(chunk.text).toContain(SENTENCE);
    expect(script.highlights.findings).toHaveLength(1);
    expect([...registry.get('unspin-high')!].map(String).join('')).toBe(SENTENCE);
  });

  it('paints a partial first answer at once, then the complete analysis of the same scan only', async () => {
    const document = loadPage(fixture('content/article-with-chrome.html'), 'https://coastal.example/bridge');
    const sent: ContentRequest[] = [];
    let complete = analysisWith([]);
    const send = vi.fn(async (message: ContentRequest) => {
      sent.push(message);
      if (message.type !== ContentMessage.AnalyzeChunk || message.index < message.count - 1) return { ok: true, value: null };
      return { ok: true, value: { ...analysisWith([]), partial: true as const } as typeof complete };
    });
    const { script, registry } = start(document, send);
    await script.scan();
    expect(script.highlights.findings).toHaveLength(0);
    const [{ scanId, text }] = chunks(sent);
    complete = analysisWith([findingOn(text, SENTENCE)]);
    // A completion of another scan is ignored; the current scan's is painted.
    expect(script.handle({ type: BackgroundMessage.AnalysisComplete, scanId: 'another-scan', analysis: complete })).toEqual({ ok: true, value: null });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(script.highlights.findings).toHaveLength(0);
    script.handle({ type: BackgroundMessage.AnalysisComplete, scanId, analysis: complete });
    await vi.waitFor(() => expect(script.highlights.findings).toHaveLength(1));
    expect([...registry.get('unspin-high')!].map(String).join('')).toBe(SENTENCE);
  });

  it('keeps a complete analysis that overtook its scan\'s first reply, and applies it with the reply', async () => {
    const document = loadPage(fixture('content/article-with-chrome.html'), 'https://coastal.example/bridge');
    let script!: ContentScript;
    const send = vi.fn(async (message: ContentRequest) => {
      if (message.type !== ContentMessage.AnalyzeChunk || message.index < message.count - 1) return { ok: true, value: null };
      // The worker's AnalysisComplete is delivered before the reply to the last chunk.
      script.handle({ type: BackgroundMessage.AnalysisComplete, scanId: message.scanId, analysis: analysisWith([findingOn(message.text, SENTENCE)]) });
      return { ok: true, value: { ...analysisWith([]), partial: true as const } as ReturnType<typeof analysisWith> };
    });
    ({ script } = start(document, send));
    await script.scan();
    await vi.waitFor(() => expect(script.highlights.findings).toHaveLength(1));
  });

  it('tells the background when the page cannot be read', async () => {
    const { sent, send } = fakeBackground();
    const { script } = start(loadPage('<body><p>Local notes.</p></body>', 'file:///home/me/notes.html'), send);
    await script.scan();
    expect(sent).toEqual([{ type: ContentMessage.PageUnreadable, url: 'file:///home/me/notes.html', reason: expect.stringContaining('file:') }]);
  });

  it('starts by itself once the page is quiet', async () => {
    vi.useFakeTimers();
    const { sent, send } = fakeBackground();
    start(loadPage(fixture('content/article-with-chrome.html')), send, { autoScan: true });
    await vi.advanceTimersByTimeAsync(2500);
    expect(chunks(sent)).toHaveLength(1);
  });

  it('drops the reply of a scan a newer one replaced', async () => {
    const document = loadPage(fixture('content/article-with-chrome.html'));
    let releaseFirst!: () => void;
    let firstScanId = '';
    // Only the first scan's analysis has a finding; it arrives after the second scan's.
    const { send } = fakeBackground((text, scanId) => (scanId === firstScanId ? [findingOn(text, SENTENCE)] : []));
    const slow = vi.fn(async (message: ContentRequest) => {
      if (slow.mock.calls.length === 1) {
        firstScanId = (message as AnalyzeChunkPayload).scanId;
        await new Promise<void>((resolve) => (releaseFirst = resolve));
      }
      return send(message);
    });
    const { script } = start(document, slow as typeof send);
    const first = script.scan();
    await vi.waitFor(() => expect(slow).toHaveBeenCalledOnce());
    await script.scan();
    expect(script.highlights.findings).toHaveLength(0);
    releaseFirst();
    await first;
    expect(script.highlights.findings).toHaveLength(0);
  });
});

describe('requests from the background', () => {
  async function scanned() {
    const document = loadPage(fixture('content/article-with-chrome.html'));
    stubRects(document, [{ left: 10, top: 200, width: 400, height: 18 }]);
    const background = fakeBackground();
    const started = start(document, background.send);
    await started.script.scan();
    return { document, ...background, ...started };
  }

  it('SetHighlights switches the marks off and on', async () => {
    const { script, registry } = await scanned();
    expect(script.handle({ type: BackgroundMessage.SetHighlights, enabled: false })).toEqual({ ok: true, value: null });
    expect(registry.size).toBe(0);
    script.handle({ type: BackgroundMessage.SetHighlights, enabled: true });
    expect(registry.has('unspin-high')).toBe(true);
  });

  it('FocusFinding flashes the finding and opens its card; an unknown id is an error', async () => {
    const { script, registry } = await scanned();
    const [located] = script.highlights.findings;
    expect(script.handle({ type: BackgroundMessage.FocusFinding, findingId: located.finding.id })).toEqual({ ok: true, value: null });
    expect(registry.has('unspin-focus')).toBe(true);
    await vi.waitFor(() => expect(script.card.current).toBe(located));
    expect(script.handle({ type: BackgroundMessage.FocusFinding, findingId: 's0-1' })).toEqual({ ok: false, error: expect.any(String) });
  });

  it('Rescan reads the page again, as a new scan', async () => {
    const { script, sent } = await scanned();
    script.handle({ type: BackgroundMessage.Rescan });
    await vi.waitFor(() => expect(chunks(sent)).toHaveLength(2));
    const [first, second] = chunks(sent);
    expect(second.scanId).not.toBe(first.scanId);
    await vi.waitFor(() => expect(script.highlights.findings).toHaveLength(1));
  });
});

describe('on the page', () => {
  it('opens the card for a trusted hover over a finding, never for a made-up event', async () => {
    const document = loadPage(fixture('content/article-with-chrome.html'));
    stubRects(document, [{ left: 10, top: 200, width: 400, height: 18 }]);
    const { send } = fakeBackground();
    const { script } = start(document, send);
    await script.scan();
    const [located] = script.highlights.findings;
    (document as unknown as { caretPositionFromPoint: unknown }).caretPositionFromPoint = () => ({ offsetNode: located.pieces[0].startContainer, offset: 3 });
    const View = document.defaultView as unknown as { MouseEvent: typeof MouseEvent };
    document.dispatchEvent(new View.MouseEvent('mousemove', { clientX: 50, clientY: 205 }));
    expect(script.card.current).toBeNull();
    const real = new View.MouseEvent('mousemove', { clientX: 50, clientY: 205 });
    Object.defineProperty(real, 'isTrusted', { value: true });
    document.dispatchEvent(real);
    expect(script.card.current).toBe(located);
    // With the marks off there is nothing to hover.
    script.handle({ type: BackgroundMessage.SetHighlights, enabled: false });
    expect(script.card.current).toBeNull();
  });

  it('scans again after a single-page-app navigation, not after a jump to an anchor', async () => {
    vi.useFakeTimers();
    const document = loadPage(fixture('content/article-with-chrome.html'), 'https://coastal.example/bridge');
    const { sent, send } = fakeBackground();
    const { script } = start(document, send);
    await script.scan();
    const view = document.defaultView!;
    view.history.pushState({}, '', '/bridge#comments');
    await vi.advanceTimersByTimeAsync(5000);
    expect(chunks(sent)).toHaveLength(1);
    view.history.pushState({}, '', '/ferry');
    document.querySelector('h1')!.textContent = 'Ferry timetable changes';
    await vi.advanceTimersByTimeAsync(5000);
    expect(chunks(sent).map((c) => c.url)).toEqual(['https://coastal.example/bridge', 'https://coastal.example/ferry']);
  });
});
