import { describe, expect, it, vi } from 'vitest';
import { IDLE_STATE, TabStateCache } from '../../../extension/background/cache';
import { FakeArea } from './fakes';

describe('TabStateCache', () => {
  it('answers idle for an unknown tab', async () => {
    expect(await new TabStateCache(new FakeArea()).get(3)).toEqual(IDLE_STATE);
  });

  it('persists updates in the session area, where a restarted worker finds them', async () => {
    const area = new FakeArea();
    await new TabStateCache(area).update(3, (s) => ({ ...s, status: 'done', url: 'https://a.example/' }));
    const restarted = new TabStateCache(area);
    expect(await restarted.get(3)).toMatchObject({ status: 'done', url: 'https://a.example/', highlights: true });
  });

  it('never interleaves the read-modify-write updates of one tab', async () => {
    const cache = new TabStateCache(new FakeArea());
    await Promise.all(Array.from({ length: 20 }, (_, i) => cache.update(1, (s) => ({ ...s, elapsedMs: (s.elapsedMs ?? 0) + i }))));
    expect((await cache.get(1)).elapsedMs).toBe(190);
  });

  it('clears a tab from memory and from the session area', async () => {
    const area = new FakeArea();
    const cache = new TabStateCache(area);
    await cache.update(5, (s) => ({ ...s, status: 'scanning' }));
    await cache.clear(5);
    expect(area.data.size).toBe(0);
    expect(await cache.get(5)).toEqual(IDLE_STATE);
  });

  it('keeps answering from memory when the session area is full', async () => {
    const area = new FakeArea();
    area.failSets = true;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const cache = new TabStateCache(area);
    await cache.update(2, (s) => ({ ...s, status: 'done' }));
    expect((await cache.get(2)).status).toBe('done');
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });
});
