// @vitest-environment happy-dom
// content/settings.ts and the content script following the settings live, without a reload:
// categories and highlight style repaint at once, never-check sites are dropped, click mode waits.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContentScript } from '../../../extension/content/controller';
import { fixedSettings, pagePolicy, storageSettings } from '../../../extension/content/settings';
import { BackgroundMessage, ContentMessage, parseContentRequest, type ContentRequest } from '../../../extension/messages';
import { OPTIONS_STRINGS } from '../../../extension/options/strings';
import { DEFAULT_SETTINGS, SETTING_KEY_PREFIX, saveSettings, type Settings } from '../../../extension/settings';
import { FakeStorage, settle } from '../options/fake-storage';
import { analysisWith, captureShadowRoots, drawnBoxes, findingOn, fixture, instantSlicing, loadPage, stubRects } from './helpers';

vi.mock('webextension-polyfill', () => ({ default: { runtime: { id: 'unspin-test', sendMessage: vi.fn(), onMessage: { addListener: vi.fn(), removeListener: vi.fn() } } } }));

const LOADED = "Engineers replaced forty-two corroded beams and resurfaced the entire carriageway, the city's transport office said.";
const INSULT = 'The repairs cost 3.8 million dollars, slightly less than the council had budgeted for the work.';

function background() {
  const sent: ContentRequest[] = [];
  const send = vi.fn(async (message: ContentRequest) => {
    sent.push(parseContentRequest(message));
    if (message.type !== ContentMessage.AnalyzeChunk) return { ok: true, value: null };
    const { text } = message;
    return { ok: true, value: analysisWith([findingOn(text, LOADED, { label: 'Loaded_Language', severity: 0.6 }), findingOn(text, INSULT, { label: 'insult', kind: 'insult', severity: 0.1 })]) };
  });
  return { sent, send };
}

const scripts: ContentScript[] = [];
afterEach(() => {
  for (const script of scripts.splice(0)) script.stop();
  vi.useRealTimers();
});

function start(initial: Partial<Settings> = {}, url = 'https://coastal.example/bridge', options: { autoScan?: boolean } = {}) {
  const document = loadPage(fixture('content/article-with-chrome.html'), url);
  const { sent, send } = background();
  const settings = fixedSettings(initial);
  // Line boxes for every range (happy-dom does no layout), so that the overlay draws boxes.
  stubRects(document);
  const roots = captureShadowRoots(document);
  const script = new ContentScript({ document, send, settings, listen: () => () => undefined, slicing: (signal) => instantSlicing({ signal }), autoScan: options.autoScan ?? false });
  const registry = script.highlights.painted;
  scripts.push(script);
  // The text marked under each highlight name (one sentence per band here), in a stable order.
  const marked = () => [...registry.values()].map((h) => [...h].map(String).join('').replace(/\s+/g, ' ')).sort();
  const chunks = () => sent.filter((m) => m.type === ContentMessage.AnalyzeChunk);
  // How the boxes are drawn, read from their inline styles in Unspin's shadow root.
  const css = () => drawnBoxes(roots).map((box) => (box.style.getPropertyValue('border-bottom-style') ? `underline ${box.style.getPropertyValue('border-bottom-style')}` : `background ${box.style.getPropertyValue('background')}`)).join('\n');
  return { document, sent, script, registry, settings, marked, chunks, css };
}

describe('pagePolicy', () => {
  it('never reads a listed site or its subdomains; otherwise follows the scan mode', () => {
    const settings = { ...DEFAULT_SETTINGS, neverScan: ['example.com'] };
    expect(pagePolicy(settings, 'https://www.example.com/a')).toBe('never');
    expect(pagePolicy(settings, 'https://news.example.com/a')).toBe('never');
    expect(pagePolicy(settings, 'https://notexample.com/a')).toBe('auto');
    expect(pagePolicy({ ...settings, scanMode: 'click' }, 'https://other.org/')).toBe('click');
    expect(pagePolicy(settings, 'file:///home/me/example.com.html')).toBe('auto');
  });
});

describe('storageSettings', () => {
  it('reads storage.sync without writing, and follows changes', async () => {
    const storage = new FakeStorage();
    storage.items[`${SETTING_KEY_PREFIX}highlightStyle`] = 'glitter';
    storage.items[`${SETTING_KEY_PREFIX}scanMode`] = 'click';
    const source = storageSettings(storage);
    const loaded = await source.load();
    expect(loaded).toMatchObject({ highlightStyle: 'underline', scanMode: 'click' });
    expect(storage.items[`${SETTING_KEY_PREFIX}highlightStyle`]).toBe('glitter');
    const seen: (keyof Settings)[][] = [];
    source.watch((_s, changed) => seen.push(changed));
    await saveSettings(storage.sync, { neverScan: ['a.example'] });
    await settle();
    expect(seen).toEqual([['neverScan']]);
  });

  it('falls back to the defaults without storage', async () => {
    expect(await storageSettings(undefined).load()).toEqual(DEFAULT_SETTINGS);
  });
});

describe('the content script follows the settings without a reload', () => {
  it('hides and shows the findings of a category as it is switched', async () => {
    const { script, settings, marked } = start();
    await script.ready;
    await script.scan();
    expect(marked().sort()).toEqual([INSULT, LOADED].sort());
    settings.change({ categories: { ...DEFAULT_SETTINGS.categories, insult: false } });
    expect(marked()).toEqual([LOADED]);
    expect(script.highlights.find(script.highlights.findings[0].finding.id)).toBeDefined();
    expect(script.highlights.findings.map((f) => f.finding.label)).toEqual(['Loaded_Language']);
    settings.change({ categories: { ...DEFAULT_SETTINGS.categories, persuasion: false } });
    expect(marked()).toEqual([INSULT]);
    settings.change({ categories: { ...DEFAULT_SETTINGS.categories } });
    expect(marked()).toHaveLength(2);
  });

  it('restyles the marks, and draws none for "none"', async () => {
    const { script, settings, marked, registry, css } = start();
    await script.ready;
    await script.scan();
    expect(css()).toContain('underline solid');
    settings.change({ highlightStyle: 'background' });
    expect(css()).toMatch(/^background rgba/);
    expect(css()).not.toContain('underline');
    expect(marked()).toHaveLength(2);
    settings.change({ highlightStyle: 'none' });
    expect(registry.size).toBe(0);
    expect(css()).toBe('');
    expect(script.highlights.visible).toBe(false);
    settings.change({ highlightStyle: 'underline' });
    expect(marked()).toHaveLength(2);
    expect(css()).toContain('underline solid');
  });

  it('applies the stored style and categories from the start', async () => {
    const { script, marked, css } = start({ highlightStyle: 'background', categories: { ...DEFAULT_SETTINGS.categories, loaded_language: false, persuasion: false } });
    await script.ready;
    await script.scan();
    expect(marked()).toEqual([INSULT]);
    expect(css()).toMatch(/^background rgba/);
  });

  it('drops a page whose site is added to "never check", and reads it again when removed', async () => {
    const { script, settings, marked, sent, chunks } = start();
    await script.ready;
    await script.scan();
    expect(marked()).toHaveLength(2);
    settings.change({ neverScan: ['coastal.example'] });
    await settle();
    expect(marked()).toEqual([]);
    expect(sent.at(-1)).toEqual({ type: ContentMessage.PageUnreadable, url: 'https://coastal.example/bridge', reason: OPTIONS_STRINGS.neverScanReason });
    settings.change({ neverScan: [] });
    await vi.waitFor(() => expect(marked()).toHaveLength(2));
    expect(chunks()).toHaveLength(2);
  });

  it('never reads a never-check site on load, but does when asked (check once)', async () => {
    vi.useFakeTimers();
    const { script, sent, chunks, marked } = start({ neverScan: ['coastal.example'] }, undefined, { autoScan: true });
    await vi.advanceTimersByTimeAsync(3000);
    expect(chunks()).toEqual([]);
    expect(sent).toEqual([{ type: ContentMessage.PageUnreadable, url: 'https://coastal.example/bridge', reason: OPTIONS_STRINGS.neverScanReason }]);
    vi.useRealTimers();
    script.handle({ type: BackgroundMessage.Rescan });
    await vi.waitFor(() => expect(marked()).toHaveLength(2));
  });

  it('in click mode, waits to be asked; switching to automatic reads the page at once', async () => {
    vi.useFakeTimers();
    const { script, settings, chunks } = start({ scanMode: 'click' }, undefined, { autoScan: true });
    await vi.advanceTimersByTimeAsync(3000);
    expect(chunks()).toEqual([]);
    expect(script.policy()).toBe('click');
    vi.useRealTimers();
    settings.change({ scanMode: 'auto' });
    await vi.waitFor(() => expect(chunks()).toHaveLength(1));
    // Already read: switching back and forth does not read it again.
    settings.change({ scanMode: 'click' });
    settings.change({ scanMode: 'auto' });
    await settle();
    expect(chunks()).toHaveLength(1);
  });

  it('in click mode, reads the page when the popup asks', async () => {
    const { script, chunks, marked } = start({ scanMode: 'click' });
    await script.ready;
    expect(script.handle({ type: BackgroundMessage.Rescan })).toEqual({ ok: true, value: null });
    await vi.waitFor(() => expect(marked()).toHaveLength(2));
    expect(chunks()).toHaveLength(1);
  });

  it('follows real storage.onChanged events', async () => {
    const storage = new FakeStorage();
    const document = loadPage(fixture('content/article-with-chrome.html'), 'https://coastal.example/bridge');
    const { send } = background();
    const script = new ContentScript({ document, send, settings: storageSettings(storage), listen: () => () => undefined, slicing: (signal) => instantSlicing({ signal }), autoScan: false });
    const registry = script.highlights.painted;
    scripts.push(script);
    await script.ready;
    await script.scan();
    expect(registry.size).toBeGreaterThan(0);
    await saveSettings(storage.sync, { highlightStyle: 'none' });
    await vi.waitFor(() => expect(registry.size).toBe(0));
  });
});
