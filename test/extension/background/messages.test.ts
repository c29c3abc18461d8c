import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import { TabStateCache } from '../../../extension/background/cache';
import { ChunkAssembler } from '../../../extension/background/chunks';
import { handleMessage, senderKind, type HandlerDeps } from '../../../extension/background/messages';
import { INTERRUPTED_MESSAGE, Scans } from '../../../extension/background/scan';
import { BackgroundMessage, ContentMessage, PopupMessage } from '../../../extension/messages';
import { FakeArea, analysis, chunk } from './fakes';

const ID = 'abcdefghijklmnop';
const BASE = `chrome-extension://${ID}/`;
const contentSender: Runtime.MessageSender = { id: ID, url: 'https://news.example/a', frameId: 0, tab: { id: 9, index: 0, highlighted: false, active: true, pinned: false, incognito: false } };
const popupSender: Runtime.MessageSender = { id: ID, url: `${BASE}extension/popup/index.html` };

function setup(forward: HandlerDeps['forward'] = vi.fn(async () => undefined)) {
  const area = new FakeArea();
  const cache = new TabStateCache(area);
  const scans = new Scans({ cache, assembler: new ChunkAssembler(), analyze: async () => analysis(), showBadge: async () => undefined });
  const analyzeText = vi.fn(async () => analysis());
  const deps: HandlerDeps = { extensionId: ID, extensionUrl: BASE, scans, cache, forward, analyzeText };
  return { deps, cache, area, forward, analyzeText };
}

describe('senderKind', () => {
  const deps = { extensionId: ID, extensionUrl: BASE };
  it('tells content scripts, extension pages and strangers apart', () => {
    expect(senderKind(contentSender, deps)).toBe('content');
    expect(senderKind(popupSender, deps)).toBe('extension-page');
    // An extension page open in a tab is still an extension page.
    expect(senderKind({ ...popupSender, tab: contentSender.tab, frameId: 0 }, deps)).toBe('extension-page');
    expect(senderKind({ ...contentSender, id: 'another-extension' }, deps)).toBe('unknown');
    expect(senderKind({ ...contentSender, frameId: 3 }, deps)).toBe('unknown');
    expect(senderKind({ ...contentSender, tab: undefined }, deps)).toBe('unknown');
    expect(senderKind({ id: ID, url: `chrome-extension://${'z'.repeat(16)}/x.html` }, deps)).toBe('unknown');
  });
});

describe('handleMessage', () => {
  it('answers the last chunk of a content script with the analysis', async () => {
    const { deps } = setup();
    expect(await handleMessage(chunk({ index: 0, count: 2 }), contentSender, deps)).toEqual({ ok: true, value: null });
    expect(await handleMessage(chunk({ index: 1, count: 2 }), contentSender, deps)).toEqual({ ok: true, value: analysis() });
  });

  it('answers the popup with the cached tab state', async () => {
    const { deps } = setup();
    await handleMessage(chunk(), contentSender, deps);
    const reply = await handleMessage({ type: PopupMessage.GetTabState, tabId: 9 }, popupSender, deps);
    expect(reply).toMatchObject({ ok: true, value: { status: 'done', analysis: analysis() } });
    expect(await handleMessage({ type: PopupMessage.GetTabState, tabId: 10 }, popupSender, deps)).toEqual({ ok: true, value: { status: 'idle', highlights: true } });
  });

  it('analyses a text on its own for an extension page, never for a content script', async () => {
    const { deps, analyzeText } = setup();
    const reply = await handleMessage({ type: PopupMessage.AnalyzeText, text: 'Check this quote.', purpose: 'selection' }, popupSender, deps);
    expect(reply).toEqual({ ok: true, value: analysis() });
    expect(analyzeText).toHaveBeenLastCalledWith({ text: 'Check this quote.', kind: 'selection' });
    await handleMessage({ type: PopupMessage.AnalyzeText, text: 'Body.', title: 'Headline', purpose: 'workshop' }, popupSender, deps);
    expect(analyzeText).toHaveBeenLastCalledWith({ text: 'Body.', title: 'Headline', kind: 'article' });
    // An extension page may ask for a sensitivity level (workshop rounds use 'balanced').
    await handleMessage({ type: PopupMessage.AnalyzeText, text: 'Body.', purpose: 'workshop', sensitivity: 'balanced' }, popupSender, deps);
    expect(analyzeText).toHaveBeenLastCalledWith({ text: 'Body.', sensitivity: 'balanced', kind: 'article' });
    expect(await handleMessage({ type: PopupMessage.AnalyzeText, text: 'x', purpose: 'paste', sensitivity: 'max' }, popupSender, deps)).toEqual({ ok: false, error: 'sensitivity: expected one of cautious, balanced, sensitive' });
    // A page's content script may not use it (it would bypass the per-tab scan).
    expect(await handleMessage({ type: PopupMessage.AnalyzeText, text: 'x', purpose: 'paste' }, contentSender, deps)).toMatchObject({ ok: false });
    expect(await handleMessage({ type: PopupMessage.AnalyzeText, text: 'x', purpose: 'mine' }, popupSender, deps)).toEqual({ ok: false, error: 'purpose: expected one of selection, paste, workshop' });
    expect(await handleMessage({ type: PopupMessage.AnalyzeText, text: 'x'.repeat(200_001), purpose: 'paste' }, popupSender, deps)).toEqual({ ok: false, error: 'text: expected at most 200000 characters' });
    expect(analyzeText).toHaveBeenCalledTimes(3);
  });

  it('reports a scan interrupted by a worker restart', async () => {
    const { deps, area } = setup();
    await handleMessage(chunk({ index: 0, count: 2 }), contentSender, deps);
    const restarted = setup().deps;
    restarted.cache = new TabStateCache(area);
    const reply = await handleMessage({ type: PopupMessage.GetTabState, tabId: 9 }, popupSender, restarted);
    expect(reply).toMatchObject({ ok: true, value: { status: 'error', message: INTERRUPTED_MESSAGE } });
  });

  it('forwards popup actions to the tab\'s content script', async () => {
    const { deps, forward, cache } = setup();
    await expect(handleMessage({ type: PopupMessage.SetHighlights, tabId: 9, enabled: false }, popupSender, deps)).resolves.toEqual({ ok: true, value: undefined });
    await handleMessage({ type: PopupMessage.FocusFinding, tabId: 9, findingId: 's0-10' }, popupSender, deps);
    await handleMessage({ type: PopupMessage.Rescan, tabId: 9 }, popupSender, deps);
    expect(vi.mocked(forward).mock.calls).toEqual([
      [9, { type: BackgroundMessage.SetHighlights, enabled: false }],
      [9, { type: BackgroundMessage.FocusFinding, findingId: 's0-10' }],
      [9, { type: BackgroundMessage.Rescan }],
    ]);
    expect((await cache.get(9)).highlights).toBe(false);
  });

  it('keeps the highlight preference when the content script cannot be reached', async () => {
    const { deps, cache } = setup(async () => Promise.reject(new Error('not running')));
    expect(await handleMessage({ type: PopupMessage.SetHighlights, tabId: 9, enabled: false }, popupSender, deps)).toEqual({ ok: false, error: 'not running' });
    expect((await cache.get(9)).highlights).toBe(true);
  });

  it('answers malformed or misdirected messages with an error, never by throwing', async () => {
    const { deps } = setup();
    const cases: [unknown, Runtime.MessageSender][] = [
      [null, contentSender],
      ['text', popupSender],
      [{ type: 'unknown' }, contentSender],
      [{ ...chunk(), extra: 1 }, contentSender],
      [chunk({ index: 2, count: 2 }), contentSender],
      [{ type: PopupMessage.GetTabState, tabId: -1 }, popupSender],
      // Each side may only send its own messages.
      [{ type: PopupMessage.GetTabState, tabId: 9 }, contentSender],
      [chunk(), popupSender],
      [{ type: BackgroundMessage.Rescan }, popupSender],
      [{ type: PopupMessage.GetTabState, tabId: 9 }, { id: 'other', url: 'chrome-extension://other/popup.html' }],
    ];
    for (const [message, sender] of cases) {
      const reply = await handleMessage(message, sender, deps);
      expect(reply.ok, JSON.stringify(message)).toBe(false);
      expect(reply.ok === false && reply.error.length).toBeGreaterThan(0);
    }
  });

  it('records an unreadable page', async () => {
    const { deps, cache } = setup();
    expect(await handleMessage({ type: ContentMessage.PageUnreadable, url: 'https://a.example/', reason: 'No text.' }, contentSender, deps)).toEqual({ ok: true, value: null });
    expect((await cache.get(9)).status).toBe('unreadable');
  });
});

describe('the worker boundary under fuzzing', () => {
  const TYPES = [...Object.values(ContentMessage), ...Object.values(PopupMessage), ...Object.values(BackgroundMessage)];
  const FIELDS = ['tabId', 'text', 'title', 'url', 'scanId', 'index', 'count', 'kind', 'reason', 'findingId', 'enabled', 'purpose', 'sensitivity', 'verdict', 'posts', 'locale', 'analysis', 'message'];
  const hostile = fc.oneof(
    fc.anything({ withNullPrototype: true, withTypedArray: true, withMap: true }),
    fc.string({ maxLength: 40 }),
    fc.integer(),
    fc.constantFrom(-1, 2 ** 53, Number.NaN, Infinity, '', 'x'.repeat(300_000), '__proto__'),
    fc.array(fc.record({ id: fc.string({ maxLength: 70 }), text: fc.string({ maxLength: 50 }) }), { maxLength: 60 }),
  );
  const message = fc.oneof(
    fc.anything(),
    fc.record({ type: fc.constantFrom(...TYPES) }, { requiredKeys: ['type'] }).chain((base) => fc.dictionary(fc.constantFrom(...FIELDS), hostile, { maxKeys: 6 }).map((fields) => ({ ...fields, ...base }))),
  );

  it('answers every message, from any sender, with a result or a clear error, and keeps serving', async () => {
    const { deps } = setup();
    const senders = [contentSender, popupSender, { id: 'stranger' }, { id: ID }];
    await fc.assert(
      fc.asyncProperty(message, fc.constantFrom(...senders), async (msg, sender) => {
        const reply = await handleMessage(msg, sender as Runtime.MessageSender, deps);
        expect(typeof reply).toBe('object');
        if (!reply.ok) expect(reply.error).toMatch(/\S/);
      }),
      { numRuns: 400 },
    );
    // Still serving: a well-formed request after the storm.
    expect(await handleMessage({ type: PopupMessage.GetTabState, tabId: 10 }, popupSender, deps)).toEqual({ ok: true, value: { status: 'idle', highlights: true } });
  }, 60_000);
});
