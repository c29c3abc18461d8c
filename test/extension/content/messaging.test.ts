// @vitest-environment happy-dom
// messaging.ts: the content script's side of the protocol in extension/messages.ts.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BackgroundMessage, ContentMessage, LIMITS, parseContentRequest, type AnalyzeChunkPayload, type ContentRequest } from '../../../extension/messages';
import { listenToBackground, reportUnreadable, requestAnalysis, truncate } from '../../../extension/content/messaging';
import { analysisWith } from './helpers';

const runtime = vi.hoisted(() => ({
  id: 'unspin-test',
  listeners: [] as ((message: unknown, sender: unknown) => unknown)[],
  sendMessage: vi.fn(),
}));
vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: {
      get id() {
        return runtime.id;
      },
      sendMessage: runtime.sendMessage,
      onMessage: {
        addListener: (listener: (message: unknown, sender: unknown) => unknown) => runtime.listeners.push(listener),
        removeListener: (listener: (message: unknown, sender: unknown) => unknown) => runtime.listeners.splice(runtime.listeners.indexOf(listener), 1),
      },
    },
  },
}));

const PAGE = { url: 'https://news.example/a', title: 'A title', kind: 'article' as const, text: 'Some text.' };

/** A background that checks every message with the protocol's own parser. */
function background(reply: (message: ContentRequest) => unknown = () => ({ ok: true, value: null })) {
  const sent: ContentRequest[] = [];
  const send = vi.fn(async (message: ContentRequest) => {
    sent.push(parseContentRequest(message));
    return reply(message);
  });
  return { sent, send };
}

beforeEach(() => {
  runtime.listeners.length = 0;
});

describe('requestAnalysis', () => {
  it('sends a short page as one chunk and resolves with the analysis', async () => {
    const analysis = analysisWith([]);
    const { sent, send } = background(() => ({ ok: true, value: analysis }));
    await expect(requestAnalysis(send, PAGE)).resolves.toBe(analysis);
    expect(sent).toEqual([{ type: ContentMessage.AnalyzeChunk, scanId: expect.stringMatching(/^[0-9a-f]{32}$/), url: PAGE.url, title: PAGE.title, kind: 'article', index: 0, count: 1, text: 'Some text.' }]);
  });

  it('sends a long page in protocol-sized chunks of one scan, in order', async () => {
    const text = 'word '.repeat(120_000); // 600,000 characters
    const analysis = analysisWith([]);
    const { sent, send } = background((message) => ({ ok: true, value: (message as AnalyzeChunkPayload).index === 2 ? analysis : null }));
    await expect(requestAnalysis(send, { ...PAGE, text })).resolves.toBe(analysis);
    const chunks = sent as AnalyzeChunkPayload[];
    expect(chunks.map((c) => [c.index, c.count])).toEqual([[0, 3], [1, 3], [2, 3]]);
    expect(new Set(chunks.map((c) => c.scanId)).size).toBe(1);
    expect(chunks.map((c) => c.text).join('')).toBe(text);
  });

  it('gives each scan a new id', async () => {
    const { sent, send } = background(() => ({ ok: true, value: analysisWith([]) }));
    await requestAnalysis(send, PAGE);
    await requestAnalysis(send, PAGE);
    expect((sent[0] as AnalyzeChunkPayload).scanId).not.toBe((sent[1] as AnalyzeChunkPayload).scanId);
  });

  it('cuts what is over the protocol limits, never inside a surrogate pair', async () => {
    const { sent, send } = background(() => ({ ok: true, value: analysisWith([]) }));
    await requestAnalysis(send, { ...PAGE, url: `https://x.example/${'a'.repeat(10_000)}`, title: `${'t'.repeat(LIMITS.titleChars - 1)}😀` });
    const [chunk] = sent as AnalyzeChunkPayload[];
    expect(chunk.url).toHaveLength(LIMITS.urlChars);
    expect(chunk.title).toBe('t'.repeat(LIMITS.titleChars - 1));
    expect(truncate('ab😀', 3)).toBe('ab');
  });

  it('fails with the error the background replies, or when the reply is not a Reply', async () => {
    await expect(requestAnalysis(background(() => ({ ok: false, error: 'The model is not loaded.' })).send, PAGE)).rejects.toThrow('The model is not loaded.');
    await expect(requestAnalysis(background(() => undefined).send, PAGE)).rejects.toThrow(/no valid reply/);
    await expect(requestAnalysis(background(() => ({ ok: true, value: { findings: 'many' } })).send, PAGE)).rejects.toThrow(/no analysis/);
  });

  it('stops between chunks once cancelled', async () => {
    const controller = new AbortController();
    const { sent, send } = background(() => {
      controller.abort();
      return { ok: true, value: null };
    });
    await expect(requestAnalysis(send, { ...PAGE, text: 'x'.repeat(600_000) }, controller.signal)).rejects.toThrow();
    expect(sent).toHaveLength(1);
  });
});

describe('reportUnreadable', () => {
  it('sends a valid PageUnreadable message', async () => {
    const { sent, send } = background();
    await reportUnreadable(send, 'file:///x.html', 'Not a web page.');
    expect(sent).toEqual([{ type: ContentMessage.PageUnreadable, url: 'file:///x.html', reason: 'Not a web page.' }]);
  });
});

describe('listenToBackground', () => {
  const EXTENSION = { id: 'unspin-test' };

  it('answers valid requests from the extension', async () => {
    const handle = vi.fn(() => ({ ok: true as const, value: null }));
    listenToBackground(handle);
    const [listener] = runtime.listeners;
    await expect(listener({ type: BackgroundMessage.SetHighlights, enabled: false }, EXTENSION)).resolves.toEqual({ ok: true, value: null });
    expect(handle).toHaveBeenCalledWith({ type: BackgroundMessage.SetHighlights, enabled: false });
  });

  it.each([
    ['an unknown type', { type: 'unspin:background/delete-everything' }, EXTENSION],
    ['a missing field', { type: BackgroundMessage.FocusFinding }, EXTENSION],
    ['a field of the wrong type', { type: BackgroundMessage.SetHighlights, enabled: 'yes' }, EXTENSION],
    ['an extra field', { type: BackgroundMessage.Rescan, script: 'alert(1)' }, EXTENSION],
    ['not an object', 'rescan', EXTENSION],
    ['another extension', { type: BackgroundMessage.Rescan }, { id: 'someone-else' }],
  ])('ignores %s', (_name, message, sender) => {
    const handle = vi.fn();
    const stop = listenToBackground(handle);
    expect(runtime.listeners[0](message, sender)).toBeUndefined();
    expect(handle).not.toHaveBeenCalled();
    stop();
    expect(runtime.listeners).toHaveLength(0);
  });
});
