// extension/settings.ts: defaults, per-setting repair, migrations, newer versions, site lists.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_SETTINGS, MAX_SITES, SETTINGS_VERSION, SETTING_KEY_PREFIX, VERSION_KEY, changedSettings, isListed, itemsFor, loadSettings, normaliseSite, readSettings, saveSettings, type Settings, type StoredItems,
  CATEGORY_IDS, addSite, categoryOfLabel, hiddenCategories, hostOf, isFindingShown, visibleAnalysis, watchSettings,
} from '../../extension/settings';
import { FakeStorage, settle } from './options/fake-storage';

const key = (name: keyof Settings) => `${SETTING_KEY_PREFIX}${name}`;
const quiet = () => vi.fn<(message: string) => void>();

class FakeSync {
  items: StoredItems = {};
  async get(): Promise<StoredItems> {
    return structuredClone(this.items);
  }
  async set(items: StoredItems): Promise<void> {
    Object.assign(this.items, structuredClone(items));
  }
}

describe('defaults', () => {
  it('are what a new user gets: few false positives, everything shown, scanning automatically', () => {
    const { settings, repaired, writeBack } = readSettings({}, undefined, undefined, quiet());
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(settings.sensitivity).toBe('cautious');
    expect(Object.values(settings.categories).every(Boolean)).toBe(true);
    expect(settings.scanMode).toBe('auto');
    expect(repaired).toEqual([]);
    expect(writeBack).toEqual({});
  });

  it('are frozen: nobody can change them by accident', () => {
    expect(Object.isFrozen(DEFAULT_SETTINGS)).toBe(true);
  });
});

describe('readSettings', () => {
  it('repairs each corrupt or out-of-range value to its default and keeps every other setting', () => {
    const warn = quiet();
    const stored: StoredItems = {
      [VERSION_KEY]: 1,
      [key('sensitivity')]: 'paranoid',
      [key('scanMode')]: 'click',
      [key('neverScan')]: ['example.com', 42],
      [key('alwaysWarn')]: ['bad.example'],
      [key('highlightStyle')]: { style: 'underline' },
      [key('uiLanguage')]: 'fr',
      [key('categories')]: { persuasion: 'yes' },
      'someone-else:key': 'kept as is',
    };
    const { settings, repaired, writeBack } = readSettings(stored, undefined, undefined, warn);
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, scanMode: 'click', alwaysWarn: ['bad.example'], uiLanguage: 'fr' });
    expect(repaired.map((r) => r.name).sort()).toEqual(['categories', 'highlightStyle', 'neverScan', 'sensitivity']);
    expect(warn).toHaveBeenCalledTimes(4);
    expect(warn.mock.calls[0][0]).toMatch(/^Unspin settings: sensitivity: stored value "paranoid" is not valid; using the default$/);
    expect(writeBack).toEqual({
      [key('sensitivity')]: 'cautious',
      [key('neverScan')]: [],
      [key('highlightStyle')]: 'underline',
      [key('categories')]: DEFAULT_SETTINGS.categories,
    });
  });

  it('normalises site lists and stores the normalised form', () => {
    const { settings, writeBack } = readSettings({ [VERSION_KEY]: 1, [key('neverScan')]: ['https://WWW.Example.com/news?x=1', 'example.com', 'sub.example.org.'] }, undefined, undefined, quiet());
    expect(settings.neverScan).toEqual(['example.com', 'sub.example.org']);
    expect(writeBack[key('neverScan')]).toEqual(['example.com', 'sub.example.org']);
  });

  it('runs the migrations from the stored version up to the current one, then validates', () => {
    const migrations = {
      1: (items: StoredItems) => ({ ...items, [key('scanMode')]: items['setting:autoScan'] === false ? 'click' : 'auto' }),
      2: (items: StoredItems) => ({ ...items, [key('sensitivity')]: ['sensitive', 'balanced', 'cautious'][items[key('sensitivity')] as number] }),
    };
    const stored = { [VERSION_KEY]: 1, 'setting:autoScan': false, [key('sensitivity')]: 0 };
    const { settings, writeBack } = readSettings(stored, migrations, 3, quiet());
    expect(settings).toMatchObject({ scanMode: 'click', sensitivity: 'sensitive' });
    expect(writeBack).toMatchObject({ [VERSION_KEY]: 3, [key('scanMode')]: 'click', [key('sensitivity')]: 'sensitive' });
    expect(() => readSettings({ [VERSION_KEY]: 1 }, {}, 2, quiet())).toThrow(/no migration from version 1/);
  });

  it('reads a newer version as far as it validates and never writes over it', () => {
    const { settings, writeBack } = readSettings({ [VERSION_KEY]: SETTINGS_VERSION + 5, [key('scanMode')]: 'click', [key('sensitivity')]: 'hyper' }, undefined, undefined, quiet());
    expect(settings.scanMode).toBe('click');
    expect(settings.sensitivity).toBe(DEFAULT_SETTINGS.sensitivity);
    expect(writeBack).toEqual({});
  });

  it('treats an unreadable version as the current one', () => {
    const warn = quiet();
    const { settings } = readSettings({ [VERSION_KEY]: 'two', [key('scanMode')]: 'click' }, undefined, undefined, warn);
    expect(settings.scanMode).toBe('click');
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/unreadable version "two"/));
  });

  it('property: any stored junk gives valid settings without throwing', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(VERSION_KEY, ...Object.keys(DEFAULT_SETTINGS).map((n) => key(n as keyof Settings)), 'other'), fc.anything()), (stored) => {
        const { settings } = readSettings(stored, undefined, undefined, () => undefined);
        // Whatever was stored, the result is a valid setting set: storing it round-trips.
        expect(readSettings(itemsFor(settings), undefined, undefined, () => undefined).settings).toEqual(settings);
      }),
      { numRuns: 300 },
    );
  });
});

describe('storage', () => {
  it('loads, writes repairs back once, and saves changes as separate items', async () => {
    const sync = new FakeSync();
    sync.items = { [key('sensitivity')]: 7, [key('scanMode')]: 'click' };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await loadSettings(sync)).toMatchObject({ sensitivity: 'cautious', scanMode: 'click' });
    expect(sync.items).toEqual({ [VERSION_KEY]: 1, [key('sensitivity')]: 'cautious', [key('scanMode')]: 'click' });
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
    await saveSettings(sync, { sensitivity: 'sensitive', neverScan: ['News.Example'] });
    expect(await loadSettings(sync)).toMatchObject({ sensitivity: 'sensitive', scanMode: 'click', neverScan: ['news.example'] });
    await expect(saveSettings(sync, { sensitivity: 'extreme' as never })).rejects.toThrow(/invalid sensitivity/);
    expect(changedSettings([key('sensitivity'), 'other'])).toEqual(['sensitivity']);
  });

  it('caps site lists', () => {
    const many = Array.from({ length: MAX_SITES + 50 }, (_, i) => `site${i}.example`);
    expect(readSettings({ [key('neverScan')]: many }, undefined, undefined, quiet()).settings.neverScan).toHaveLength(MAX_SITES);
  });
});

describe('sites', () => {
  it('normalises what people type', () => {
    expect(normaliseSite(' https://www.BBC.co.uk/news ')).toBe('bbc.co.uk');
    expect(normaliseSite('example.com:8080/x')).toBe('example.com');
    expect(normaliseSite('not a site')).toBeUndefined();
    expect(normaliseSite('')).toBeUndefined();
    expect(normaliseSite('javascript:alert(1)')).toBeUndefined();
  });

  it('matches a site and its subdomains, never a look-alike', () => {
    expect(isListed('www.reuters.com', ['reuters.com'])).toBe(true);
    expect(isListed('uk.reuters.com', ['reuters.com'])).toBe(true);
    expect(isListed('notreuters.com', ['reuters.com'])).toBe(false);
    expect(isListed('reuters.com.evil.example', ['reuters.com'])).toBe(false);
  });
});

describe('what is shown', () => {
  const finding = (label: string, others: string[] = []) => ({ label, labels: [label, ...others].map((l) => ({ label: l, score: 0.9, threshold: 0.5 })) }) as unknown as Pick<import('../../model/types').Finding, 'label' | 'labels'>;
  const shown = (off: string[]) => Object.fromEntries(CATEGORY_IDS.map((id) => [id, !off.includes(id)])) as Settings['categories'];

  it('puts each label in its category: techniques are persuasion', () => {
    expect(categoryOfLabel('Name_Calling-Labeling')).toBe('persuasion');
    expect(categoryOfLabel('any_technique')).toBe('persuasion');
    expect(categoryOfLabel('loaded_language')).toBe('loaded_language');
    expect(categoryOfLabel('loaded_word')).toBe('loaded_language');
    expect(categoryOfLabel('clickbait')).toBe('clickbait');
    expect(categoryOfLabel('insult')).toBe('insult');
  });

  it('shows a finding while any of its labels is in a shown category', () => {
    expect(isFindingShown(finding('Loaded_Language'), shown([]))).toBe(true);
    expect(isFindingShown(finding('Loaded_Language'), shown(['persuasion']))).toBe(false);
    expect(isFindingShown(finding('Loaded_Language', ['insult']), shown(['persuasion']))).toBe(true);
    expect(isFindingShown(finding('clickbait'), shown(['persuasion', 'loaded_language']))).toBe(true);
    expect(hiddenCategories(shown(['insult', 'claims']))).toEqual(['insult', 'claims']);
  });

  it('keeps the risk of an analysis whole while listing only shown categories', () => {
    const analysis = {
      risk: 70,
      level: 'high',
      categories: [{ id: 'persuasion', score: 60, flagged: 2 }, { id: 'insult', score: 10, flagged: 1 }, { id: 'claims', score: 5, flagged: 1 }, { id: 'source', score: 0, flagged: 0 }],
      findings: [finding('Doubt'), finding('insult')],
      claims: [{ sentence: { start: 0, end: 1, text: 'x' }, matches: [] }],
      source: { domain: 'example.com', ratings: [] },
    } as unknown as import('../../model/types').PageAnalysis;
    const visible = visibleAnalysis(analysis, shown(['insult', 'claims', 'source']));
    expect(visible.risk).toBe(70);
    expect(visible.level).toBe('high');
    expect(visible.categories.map((c) => c.id)).toEqual(['persuasion']);
    expect(visible.findings.map((f) => f.label)).toEqual(['Doubt']);
    expect(visible.claims).toEqual([]);
    expect(visible.source).toBeUndefined();
    expect(visibleAnalysis(analysis, shown([]))).toEqual(analysis);
  });

  it("reads a page's host from its address, http(s) only", () => {
    expect(hostOf('https://www.Example.com/a?b')).toBe('www.example.com');
    expect(hostOf('file:///home/me/a.html')).toBe('');
    expect(hostOf('not a url')).toBe('');
    expect(hostOf(undefined)).toBe('');
  });
});

describe('adding a site', () => {
  it('normalises, refuses junk and duplicates, and stops at the cap', () => {
    expect(addSite([], 'https://WWW.Example.com/news')).toEqual({ ok: true, site: 'example.com', sites: ['example.com'] });
    expect(addSite([], 'javascript:alert(1)')).toEqual({ ok: false, reason: 'invalid' });
    expect(addSite(['example.com'], 'example.com/')).toEqual({ ok: false, reason: 'duplicate', site: 'example.com' });
    const full = Array.from({ length: MAX_SITES }, (_, i) => `site${i}.example`);
    expect(addSite(full, 'one-more.example')).toMatchObject({ ok: false, reason: 'full' });
  });
});

describe('watchSettings', () => {
  it('reports the whole, validated settings and which changed; other areas and keys are ignored', async () => {
    const storage = new FakeStorage();
    const seen: [Settings, (keyof Settings)[]][] = [];
    const stop = watchSettings(storage, (settings, changed) => seen.push([settings, changed]));
    await saveSettings(storage.sync, { sensitivity: 'sensitive' });
    await settle();
    expect(seen).toHaveLength(1);
    expect(seen[0][0]).toEqual({ ...DEFAULT_SETTINGS, sensitivity: 'sensitive' });
    expect(seen[0][1]).toEqual(['sensitivity']);
    storage.fire({ [key('sensitivity')]: { newValue: 'balanced' } }, 'local');
    storage.fire({ 'tab:3': { newValue: {} } }, 'sync');
    await settle();
    expect(seen).toHaveLength(1);
    // A corrupt value arriving from another device reads as its default.
    storage.items[key('highlightStyle')] = 'sparkles';
    storage.fire({ [key('highlightStyle')]: { newValue: 'sparkles' } }, 'sync');
    await settle();
    expect(seen[1][0].highlightStyle).toBe('underline');
    stop();
    await saveSettings(storage.sync, { scanMode: 'click' });
    await settle();
    expect(seen).toHaveLength(2);
  });

  it('reports two quick changes once, with both names, never an older read after a newer one', async () => {
    const storage = new FakeStorage();
    const seen: (keyof Settings)[][] = [];
    watchSettings(storage, (_settings, changed) => seen.push(changed));
    storage.fire({ [key('scanMode')]: {} }, 'sync');
    storage.fire({ [key('neverScan')]: {} }, 'sync');
    await settle();
    expect(seen).toEqual([['scanMode', 'neverScan']]);
  });
});
