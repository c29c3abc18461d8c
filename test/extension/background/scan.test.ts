import { describe, expect, it, vi } from 'vitest';
import type { AnalysisInput } from '../../../model/analyze';
import type { PageAnalysis } from '../../../model/types';
import { TabStateCache } from '../../../extension/background/cache';
import { ChunkAssembler } from '../../../extension/background/chunks';
import { INTERRUPTED_MESSAGE, NAVIGATION_GRACE_MS, Scans } from '../../../extension/background/scan';
import { BackgroundMessage, ContentMessage, type BackgroundRequest, type TabState } from '../../../extension/messages';
import { FakeArea, analysis, chunk } from './fakes';

function setup(analyze: (input: AnalysisInput) => Promise<PageAnalysis> = async () => analysis()) {
  let now = 1000;
  const clock = { advance: (ms: number) => (now += ms) };
  const area = new FakeArea();
  const cache = new TabStateCache(area);
  const badges: [number, TabState][] = [];
  const warmUp = vi.fn();
  const scans = new Scans({ cache, assembler: new ChunkAssembler(), analyze, showBadge: async (tabId, state) => void badges.push([tabId, state]), warmUp, now: () => now });
  return { scans, cache, area, badges, warmUp, clock };
}

describe('Scans', () => {
  it('marks the tab scanning at the first chunk and done with the analysis at the last', async () => {
    const analyze = vi.fn(async () => analysis());
    const { scans, cache, badges, warmUp } = setup(analyze);
    expect(await scans.receiveChunk(4, chunk({ index: 0, count: 2, text: 'Hello ' }))).toBeNull();
    expect((await cache.get(4)).status).toBe('scanning');
    expect(warmUp).toHaveBeenCalledTimes(1);
    const result = await scans.receiveChunk(4, chunk({ index: 1, count: 2, text: 'world.' }));
    expect(result).toEqual(analysis());
    // A first, fast analysis; this one came back complete (not partial), so it is the result.
    expect(analyze).toHaveBeenCalledWith({ text: 'Hello world.', title: 'A title', url: 'https://news.example/a', kind: 'article', detail: 'fast' });
    expect(analyze).toHaveBeenCalledTimes(1);
    expect(await cache.get(4)).toMatchObject({ status: 'done', url: 'https://news.example/a', title: 'A title', analysis: analysis(), highlights: true });
    expect(badges.map(([, s]) => s.status)).toEqual(['scanning', 'done']);
  });

  it('answers with the fast analysis first, then completes it: partial, then done, and tells the content script', async () => {
    const fast = analysis({ partial: true, risk: 30 });
    const full = analysis({ risk: 45 });
    const analyze = vi.fn(async (input: AnalysisInput) => (input.detail === 'fast' ? fast : full));
    const forward = vi.fn(async () => undefined);
    const area = new FakeArea();
    const cache = new TabStateCache(area);
    const badges: string[] = [];
    const scans = new Scans({ cache, assembler: new ChunkAssembler(), analyze, showBadge: async (_tabId, state) => void badges.push(state.status), forward });
    const message = chunk();
    expect(await scans.receiveChunk(4, message)).toEqual(fast);
    // The reply goes first; the partial state is stored right after it, then the full analysis runs.
    expect((await cache.get(4)).status).toBe('scanning');
    expect(scans.isStale(4, await cache.get(4))).toBe(false);
    await vi.waitFor(async () => expect((await cache.get(4)).status).not.toBe('scanning'));
    expect(scans.isStale(4, await cache.get(4))).toBe(false);
    await vi.waitFor(async () => expect((await cache.get(4)).status).toBe('done'));
    expect(await cache.get(4)).toMatchObject({ status: 'done', analysis: full, textSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(analyze.mock.calls.map(([input]) => input.detail)).toEqual(['fast', 'full']);
    expect(forward).toHaveBeenCalledWith(4, { type: BackgroundMessage.AnalysisComplete, scanId: message.scanId, analysis: full });
    expect(badges).toEqual(['scanning', 'partial', 'done']);
  });

  it('never stores a first answer after a newer scan of the tab has begun', async () => {
    const analyze = vi.fn(async (input: AnalysisInput) => analysis({ ...(input.detail === 'fast' ? { partial: true as const } : {}), risk: input.text.startsWith('Old') ? 10 : 90 }));
    const cache = new TabStateCache(new FakeArea());
    const stored: TabState[] = [];
    const scans = new Scans({ cache, assembler: new ChunkAssembler(), analyze, showBadge: async (_tabId, state) => void stored.push(state), forward: vi.fn(async () => undefined) });
    expect((await scans.receiveChunk(4, chunk({ scanId: 'old', text: 'Old text.' })))!.risk).toBe(10);
    // The old scan's reply has gone; the page rescans before its partial state is stored.
    const newer = scans.receiveChunk(4, chunk({ scanId: 'new', text: 'New text.' }));
    await newer;
    await vi.waitFor(async () => expect((await cache.get(4)).status).toBe('done'));
    expect(await cache.get(4)).toMatchObject({ status: 'done', scanId: 'new', analysis: { risk: 90 } });
    expect(stored.filter((state) => state.scanId === 'old')).toEqual([]);
  });

  it('drops a completion that a newer scan of the tab overtook, and calls a partial left by a dead worker stale', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const analyze = vi.fn(async (input: AnalysisInput) => {
      if (input.detail === 'full' && input.text.startsWith('Old')) await gate;
      return analysis({ ...(input.detail === 'fast' ? { partial: true as const } : {}), risk: input.text.startsWith('Old') ? 10 : 90 });
    });
    const forward = vi.fn(async (_tabId: number, _message: BackgroundRequest) => undefined);
    const cache = new TabStateCache(new FakeArea());
    const scans = new Scans({ cache, assembler: new ChunkAssembler(), analyze, showBadge: async () => undefined, forward });
    await scans.receiveChunk(4, chunk({ scanId: 'old', text: 'Old page.' }));
    await new Promise((resolve) => setTimeout(resolve, 5));
    await scans.receiveChunk(4, chunk({ scanId: 'new', text: 'New page.' }));
    await vi.waitFor(async () => expect(await cache.get(4)).toMatchObject({ status: 'done', analysis: { risk: 90 } }));
    release();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await cache.get(4)).toMatchObject({ status: 'done', analysis: { risk: 90 }, scanId: 'new' });
    expect(forward.mock.calls.map(([, m]) => (m as { scanId: string }).scanId)).toEqual(['new']);
    // A restarted worker has no scan in progress: its predecessor's 'partial' will never complete.
    const restarted = new Scans({ cache, assembler: new ChunkAssembler(), analyze, showBadge: async () => undefined });
    expect(restarted.isStale(4, { status: 'partial', highlights: true })).toBe(true);
  });

  it('keeps the tab\'s highlight preference across scans', async () => {
    const { scans, cache } = setup();
    await cache.update(4, (s) => ({ ...s, highlights: false }));
    await scans.receiveChunk(4, chunk());
    expect((await cache.get(4)).highlights).toBe(false);
  });

  it('records a failed analysis as an error the popup can show, and tells the sender', async () => {
    const { scans, cache } = setup(async () => Promise.reject(new Error('wasm failed')));
    await expect(scans.receiveChunk(4, chunk())).rejects.toThrow('wasm failed');
    expect(await cache.get(4)).toMatchObject({ status: 'error', message: expect.stringContaining('wasm failed') });
  });

  it('does not let a superseded scan overwrite the newer one', async () => {
    let release!: () => void;
    const slow = new Promise<void>((resolve) => (release = resolve));
    const { scans, cache } = setup(async (input) => (input.text === 'old' ? slow.then(() => analysis({ risk: 1 })) : analysis({ risk: 2 })));
    const old = scans.receiveChunk(4, chunk({ scanId: 'old', text: 'old' }));
    await scans.receiveChunk(4, chunk({ scanId: 'new', text: 'new' }));
    release();
    await expect(old).rejects.toThrow(/superseded/);
    expect((await cache.get(4)).analysis?.risk).toBe(2);
  });

  it('records unreadable pages with their reason', async () => {
    const { scans, cache, badges } = setup();
    await scans.unreadable(4, { type: ContentMessage.PageUnreadable, url: 'https://a.example/x.pdf', reason: 'This is a PDF.' });
    expect(await cache.get(4)).toMatchObject({ status: 'unreadable', message: 'This is a PDF.' });
    expect(badges).toHaveLength(1);
  });

  it('forgets a tab that left its page, keeps it on fragment and history changes', async () => {
    const { scans, area, clock } = setup();
    await scans.receiveChunk(4, chunk());
    clock.advance(5000);
    await scans.navigated(4, async () => false);
    expect(area.data.size).toBe(1);
    await scans.navigated(4, async () => true);
    expect(area.data.size).toBe(0);
  });

  it('keeps a scan that began just before the navigation event (its message overtook it)', async () => {
    const { scans, clock } = setup();
    await scans.receiveChunk(4, chunk({ scanId: 'next', index: 0, count: 2 }));
    clock.advance(NAVIGATION_GRACE_MS / 2);
    await scans.navigated(4, async () => true);
    expect(await scans.receiveChunk(4, chunk({ scanId: 'next', index: 1, count: 2 }))).not.toBeNull();
    // An older scan of a page the tab left is dropped.
    await scans.receiveChunk(4, chunk({ scanId: 'later', index: 0, count: 2 }));
    clock.advance(NAVIGATION_GRACE_MS * 2);
    await scans.navigated(4, async () => true);
    await expect(scans.receiveChunk(4, chunk({ scanId: 'later', index: 1, count: 2 }))).rejects.toThrow(/closed/);
  });

  it('keeps a new page\'s "cannot read" that came just before the navigation event (a never-check site)', async () => {
    const { scans, cache, clock } = setup();
    await scans.unreadable(4, { type: ContentMessage.PageUnreadable, url: 'https://never.example/', reason: 'You chose never to check this site.' });
    clock.advance(NAVIGATION_GRACE_MS / 2);
    await scans.navigated(4, async () => true);
    expect(await cache.get(4)).toMatchObject({ status: 'unreadable', message: 'You chose never to check this site.' });
    clock.advance(NAVIGATION_GRACE_MS * 2);
    await scans.navigated(4, async () => true);
    expect((await cache.get(4)).status).toBe('idle');
  });

  it('reports a scan that a worker restart interrupted', async () => {
    const { scans, area } = setup();
    await scans.receiveChunk(4, chunk({ index: 0, count: 2 }));
    const restarted = new Scans({ cache: new TabStateCache(area), assembler: new ChunkAssembler(), analyze: async () => analysis(), showBadge: async () => undefined });
    const state = await new TabStateCache(area).get(4);
    expect(scans.isStale(4, state)).toBe(false);
    expect(restarted.isStale(4, state)).toBe(true);
    expect(INTERRUPTED_MESSAGE).toMatch(/Reload/);
  });
});
