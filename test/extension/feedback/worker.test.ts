// The worker's feedback messages (background/messages.ts + feedback/worker.ts): validated, the
// finding read from the tab's own state (never from the sender), one store behind both senders.
import { describe, expect, it } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import { TabStateCache } from '../../../extension/background/cache';
import { ChunkAssembler } from '../../../extension/background/chunks';
import { handleMessage, type HandlerDeps } from '../../../extension/background/messages';
import { Scans } from '../../../extension/background/scan';
import { FEEDBACK_PREFIX, FeedbackStore } from '../../../extension/feedback';
import { FeedbackService, NO_FINDING } from '../../../extension/feedback/worker';
import { ContentMessage, PopupMessage, parseContentRequest, parsePopupRequest } from '../../../extension/messages';
import { analysis } from '../background/fakes';
import { findingOn } from '../content/helpers';
import { FakeLocal } from './fakes';

const ID = 'abcdefghijklmnop';
const BASE = `chrome-extension://${ID}/`;
const content: Runtime.MessageSender = { id: ID, url: 'https://news.example/a', frameId: 0, tab: { id: 9, index: 0, highlighted: false, active: true, pinned: false, incognito: false } };
const popup: Runtime.MessageSender = { id: ID, url: `${BASE}extension/popup/index.html` };
const TEXT = 'One calm sentence. They are traitors to the nation! Another calm one.';
const SENTENCE = 'They are traitors to the nation!';

async function setup(withFeedback = true) {
  const session = new FakeLocal();
  const local = new FakeLocal();
  const cache = new TabStateCache(session);
  const scans = new Scans({ cache, assembler: new ChunkAssembler(), analyze: async () => analysis(), showBadge: async () => undefined });
  const finding = findingOn(TEXT, SENTENCE, { label: 'Name_Calling-Labeling' });
  await cache.update(9, () => ({ status: 'done', highlights: true, url: 'https://news.example/a#c', analysis: analysis({ findings: [finding] }) }));
  const store = new FeedbackStore(local);
  const deps: HandlerDeps = { extensionId: ID, extensionUrl: BASE, scans, cache, forward: async () => undefined, analyzeText: async () => analysis(), ...(withFeedback ? { feedback: new FeedbackService({ store, state: (tabId) => cache.get(tabId), now: () => 5 }) } : {}) };
  return { deps, local, store, finding };
}

describe('feedback messages', () => {
  it('validate their fields', () => {
    expect(() => parseContentRequest({ type: ContentMessage.SetFeedback, findingId: 's1-2', verdict: 'maybe' })).toThrow(/verdict/);
    expect(() => parseContentRequest({ type: ContentMessage.SetFeedback, findingId: 's1-2', verdict: 'correct', text: 'injected' })).toThrow(/text: not a field/);
    expect(() => parsePopupRequest({ type: PopupMessage.SetFeedback, findingId: 's1-2', verdict: 'correct' })).toThrow(/tabId/);
    expect(parsePopupRequest({ type: PopupMessage.ExportFeedback })).toEqual({ type: PopupMessage.ExportFeedback });
  });

  it('record a verdict from the card (content script) with the sentence, label and language of the tab’s own result', async () => {
    const { deps, store, finding } = await setup();
    const reply = await handleMessage({ type: ContentMessage.SetFeedback, findingId: finding.id, verdict: 'not_manipulative' }, content, deps);
    expect(reply).toEqual({ ok: true, value: { verdicts: { [finding.id]: 'not_manipulative' }, stored: 1 } });
    expect(await store.list()).toEqual([{ version: 1, text: SENTENCE, label: 'Name_Calling-Labeling', verdict: 'not_manipulative', url: 'https://news.example/a', findingId: finding.id, at: 5, lang: 'en' }]);
  });

  it('let the popup read, set, take back, export and clear', async () => {
    const { deps, local, finding } = await setup();
    expect(await handleMessage({ type: PopupMessage.GetFeedback, tabId: 9 }, popup, deps)).toEqual({ ok: true, value: { verdicts: {}, stored: 0 } });
    expect(await handleMessage({ type: PopupMessage.SetFeedback, tabId: 9, findingId: finding.id, verdict: 'correct' }, popup, deps)).toEqual({ ok: true, value: { verdicts: { [finding.id]: 'correct' }, stored: 1 } });
    expect(await handleMessage({ type: PopupMessage.ExportFeedback }, popup, deps)).toEqual({ ok: true, value: { jsonl: `${JSON.stringify({ text: SENTENCE, label: 'Name_Calling-Labeling', verdict: 'correct', lang: 'en' })}\n`, count: 1 } });
    expect(await handleMessage({ type: PopupMessage.SetFeedback, tabId: 9, findingId: finding.id, verdict: 'none' }, popup, deps)).toEqual({ ok: true, value: { verdicts: {}, stored: 0 } });
    await handleMessage({ type: PopupMessage.SetFeedback, tabId: 9, findingId: finding.id, verdict: 'not_manipulative' }, popup, deps);
    expect(await handleMessage({ type: PopupMessage.ClearFeedback }, popup, deps)).toEqual({ ok: true, value: undefined });
    expect(local.keys(FEEDBACK_PREFIX)).toEqual([]);
  });

  it('refuse a finding the tab does not have, export/clear from a content script, and a worker without a store', async () => {
    const { deps, local } = await setup();
    expect(await handleMessage({ type: ContentMessage.SetFeedback, findingId: 's999-1000', verdict: 'correct' }, content, deps)).toEqual({ ok: false, error: NO_FINDING });
    expect(await handleMessage({ type: PopupMessage.ClearFeedback }, content, deps)).toMatchObject({ ok: false });
    expect(local.keys(FEEDBACK_PREFIX)).toEqual([]);
    const bare = await setup(false);
    expect(await handleMessage({ type: PopupMessage.ExportFeedback }, popup, bare.deps)).toMatchObject({ ok: false, error: expect.stringContaining('feedback') });
  });
});
