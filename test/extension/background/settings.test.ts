// background/settings.ts: the worker's settings cache, and a change applied to open tabs; plus
// scan.ts passing the sensitivity into the analysis and badge.ts warning about listed sites.
import { describe, expect, it, vi } from 'vitest';
import type { AnalysisInput } from '../../../model/analyze';
import { badgeFor, LEVEL_COLORS } from '../../../extension/background/badge';
import { TabStateCache } from '../../../extension/background/cache';
import { ChunkAssembler } from '../../../extension/background/chunks';
import { Scans } from '../../../extension/background/scan';
import { alwaysWarned, applyToTabs, WorkerSettings, type ApplyDeps } from '../../../extension/background/settings';
import type { TabState } from '../../../extension/messages';
import { DEFAULT_SETTINGS, SETTING_KEY_PREFIX, saveSettings, type Settings } from '../../../extension/settings';
import { FakeStorage, settle } from '../options/fake-storage';
import { FakeArea, analysis, chunk } from './fakes';

const settings = (change: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...change });

describe('WorkerSettings', () => {
  it('loads once, writes repairs back, and follows storage.onChanged', async () => {
    const storage = new FakeStorage();
    storage.items[`${SETTING_KEY_PREFIX}sensitivity`] = 'reckless';
    const get = vi.spyOn(storage.sync, 'get');
    const worker = new WorkerSettings(storage);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect((await worker.current()).sensitivity).toBe('cautious');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('sensitivity'));
    expect(storage.items[`${SETTING_KEY_PREFIX}sensitivity`]).toBe('cautious');
    await worker.current();
    expect(get).toHaveBeenCalledTimes(1);

    const changes: [Settings, Settings][] = [];
    worker.watch((before, after) => void changes.push([before, after]));
    await saveSettings(storage.sync, { sensitivity: 'sensitive' });
    await settle();
    expect((await worker.current()).sensitivity).toBe('sensitive');
    expect(changes.map(([b, a]) => [b.sensitivity, a.sensitivity])).toEqual([['cautious', 'sensitive']]);
    warn.mockRestore();
  });

  it('uses the defaults when storage cannot be read', async () => {
    const storage = new FakeStorage();
    storage.sync.get = async () => {
      throw new Error('no sync');
    };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await new WorkerSettings(storage).current()).toEqual(DEFAULT_SETTINGS);
    warn.mockRestore();
  });
});

describe('the worker passes the sensitivity into the analysis', () => {
  it('analyses each scan at the sensitivity current when it finishes', async () => {
    const storage = new FakeStorage();
    const worker = new WorkerSettings(storage);
    worker.watch(() => undefined);
    const analyze = vi.fn(async (input: AnalysisInput) => analysis({ sensitivity: input.sensitivity }));
    const scans = new Scans({ cache: new TabStateCache(new FakeArea()), assembler: new ChunkAssembler(), analyze, showBadge: async () => undefined, sensitivity: async () => (await worker.current()).sensitivity });
    expect((await scans.receiveChunk(1, chunk({ scanId: 'a' })))?.sensitivity).toBe('cautious');
    await saveSettings(storage.sync, { sensitivity: 'balanced' });
    await settle();
    expect((await scans.receiveChunk(1, chunk({ scanId: 'b' })))?.sensitivity).toBe('balanced');
    expect(analyze.mock.calls.map(([input]) => input.sensitivity)).toEqual(['cautious', 'balanced']);
  });
});

function tabs(states: Record<number, TabState>, failing: number[] = []) {
  const calls: string[] = [];
  const deps: ApplyDeps = {
    tabIds: async () => Object.keys(states).map(Number),
    state: async (tabId) => states[tabId],
    rescan: async (tabId) => {
      calls.push(`rescan ${tabId}`);
      if (failing.includes(tabId)) throw new Error('not running');
    },
    forget: async (tabId) => void calls.push(`forget ${tabId}`),
    showBadge: async (tabId) => void calls.push(`badge ${tabId}`),
  };
  return { deps, calls };
}

const done: TabState = { status: 'done', url: 'https://news.example/a', analysis: analysis({ level: 'low' }), highlights: true };

describe('applyToTabs', () => {
  it('rescans every tab with a result when the sensitivity changes; a tab without a content script forgets its result', async () => {
    const { deps, calls } = tabs({ 1: done, 2: { status: 'idle', highlights: true }, 3: { status: 'unreadable', highlights: true }, 4: { ...done, status: 'error' }, 5: done }, [5]);
    await applyToTabs(settings(), settings({ sensitivity: 'balanced' }), deps);
    expect(calls.sort()).toEqual(['forget 5', 'rescan 1', 'rescan 4', 'rescan 5']);
  });

  it('redraws the badges when the always-warn list changes, and does nothing for other settings', async () => {
    const { deps, calls } = tabs({ 1: done, 2: { status: 'idle', highlights: true } });
    await applyToTabs(settings(), settings({ alwaysWarn: ['news.example'] }), deps);
    expect(calls.sort()).toEqual(['badge 1', 'badge 2']);
    calls.length = 0;
    await applyToTabs(settings(), settings({ highlightStyle: 'none', scanMode: 'click', categories: { ...DEFAULT_SETTINGS.categories, insult: false } }), deps);
    expect(calls).toEqual([]);
  });
});

describe('always-warn badge', () => {
  it('shows "!" in the high colour for a listed site even when the analysis is low risk; the analysis is untouched', () => {
    expect(alwaysWarned(done, { alwaysWarn: ['other.example'] })).toBe(false);
    expect(alwaysWarned(done, { alwaysWarn: ['news.example'] })).toBe(true);
    expect(alwaysWarned({ status: 'idle', highlights: true }, { alwaysWarn: ['news.example'] })).toBe(false);
    const badge = badgeFor(done, { alwaysWarn: true });
    expect(badge.text).toBe('!');
    expect(badge.color).toBe(LEVEL_COLORS.high);
    expect(badge.title).toContain('always be warned');
    expect(badge.title).toContain('Low');
    expect(done.analysis?.level).toBe('low');
    expect(badgeFor(done).text).toBe('0');
    expect(badgeFor({ status: 'scanning', highlights: true }, { alwaysWarn: true }).text).toBe('…');
  });
});
