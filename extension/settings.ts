// The user's settings: schema, defaults, migrations and repair, in one place (guarded by
// test/extension/settings.test.ts). Stored in storage.sync, one key per setting, so that a
// corrupt value costs only that setting and no item nears sync's 8 kB per-item quota.
import type { Sensitivity } from '../model/manifest';
import { SENSITIVITIES } from '../model/manifest';
import type { CategoryId, Finding, PageAnalysis } from '../model/types';

export const SETTINGS_VERSION = 1;

export type ScanMode = 'auto' | 'click';
export type HighlightStyle = 'underline' | 'background' | 'none';
export const UI_LANGUAGES = ['auto', 'en', 'fr', 'de', 'pl', 'uk', 'es'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
export const CATEGORY_IDS: readonly CategoryId[] = ['persuasion', 'loaded_language', 'clickbait', 'insult', 'claims', 'source'];

export interface Settings {
  /** How readily to flag; 'cautious' keeps false positives few (precision per level: model/README.md). */
  sensitivity: Sensitivity;
  /** Which categories to show (highlights, card, popup); hidden ones still count in the page risk. */
  categories: Record<CategoryId, boolean>;
  /** Read every page as it opens, or only when asked from the popup. */
  scanMode: ScanMode;
  /** Sites never read (registrable domains or hosts, lower case). */
  neverScan: string[];
  /** Sites always warned about, whatever the analysis says. */
  alwaysWarn: string[];
  highlightStyle: HighlightStyle;
  /** 'auto' follows the browser's language. */
  uiLanguage: UiLanguage;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  sensitivity: 'cautious',
  categories: Object.fromEntries(CATEGORY_IDS.map((id) => [id, true])) as Record<CategoryId, boolean>,
  scanMode: 'auto',
  neverScan: [],
  alwaysWarn: [],
  highlightStyle: 'underline',
  uiLanguage: 'auto',
});

export const MAX_SITES = 300;
const MAX_SITE_CHARS = 253;

/** Storage key of each setting, and of the schema version. */
export const SETTING_KEY_PREFIX = 'setting:';
export const VERSION_KEY = 'settings:version';
const keyOf = (name: keyof Settings) => `${SETTING_KEY_PREFIX}${name}`;

// ---- Validation: each setting on its own, so one bad value never costs the others ----------

type Validator<T> = (value: unknown) => T | undefined;

const oneOf = <T extends string>(options: readonly T[]): Validator<T> => (value) => (typeof value === 'string' && (options as readonly string[]).includes(value) ? (value as T) : undefined);

/** A site as the user means it: host name only, lower case, no scheme, path or "www.". */
export function normaliseSite(input: string): string | undefined {
  let site = input.trim().toLowerCase();
  if (site === '') return undefined;
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(site)) {
    try {
      site = new URL(site).hostname;
    } catch {
      return undefined;
    }
  }
  site = site.split(/[/?#:]/)[0].replace(/^www\./, '').replace(/\.$/, '');
  // A site has a dot: "javascript:alert(1)" must not become the site "javascript".
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(site) && site.length <= MAX_SITE_CHARS ? site : undefined;
}

const siteList: Validator<string[]> = (value) => {
  if (!Array.isArray(value)) return undefined;
  const sites = value.map((v) => (typeof v === 'string' ? normaliseSite(v) : undefined));
  if (sites.some((s) => s === undefined)) return undefined;
  return [...new Set(sites as string[])].slice(0, MAX_SITES);
};

const categories: Validator<Record<CategoryId, boolean>> = (value) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  // A category this version doesn't know is dropped; one it knows but is missing shows (its default).
  if (CATEGORY_IDS.some((id) => id in record && typeof record[id] !== 'boolean')) return undefined;
  return Object.fromEntries(CATEGORY_IDS.map((id) => [id, typeof record[id] === 'boolean' ? record[id] : true])) as Record<CategoryId, boolean>;
};

const VALIDATORS: { [K in keyof Settings]: Validator<Settings[K]> } = {
  sensitivity: oneOf(SENSITIVITIES),
  categories,
  scanMode: oneOf(['auto', 'click'] as const),
  neverScan: siteList,
  alwaysWarn: siteList,
  highlightStyle: oneOf(['underline', 'background', 'none'] as const),
  uiLanguage: oneOf(UI_LANGUAGES),
};

export const SETTING_NAMES = Object.keys(VALIDATORS) as (keyof Settings)[];

// ---- Migrations ---------------------------------------------------------------------------

/** Stored items as read from storage.sync (every key, ours or not). */
export type StoredItems = Record<string, unknown>;

/**
 * migrations[n] turns version-n items into version n+1. None yet: version 1 is the first
 * schema. When a setting changes shape, bump SETTINGS_VERSION and add the step here, with a test.
 */
export const MIGRATIONS: Record<number, (items: StoredItems) => StoredItems> = {};

export interface LoadedSettings {
  settings: Settings;
  /** Settings repaired to their default, with why (also logged as console warnings). */
  repaired: { name: keyof Settings; reason: string }[];
  /** Items to write back so that storage holds the repaired, current-version settings. */
  writeBack: StoredItems;
}

function versionOf(items: StoredItems): number {
  const version = items[VERSION_KEY];
  // No version: nothing was ever saved, or a build from before versions; both read as version 1.
  return version === undefined ? 1 : typeof version === 'number' && Number.isInteger(version) && version >= 1 ? version : Number.NaN;
}

/**
 * Reads settings from stored items: migrates old versions, repairs each corrupt or out-of-range
 * value to its default (with a console warning) and keeps every other one. Items from a newer
 * version than this code are read as far as they validate and never written back over.
 */
export function readSettings(stored: StoredItems, migrations = MIGRATIONS, current = SETTINGS_VERSION, warn: (message: string) => void = console.warn): LoadedSettings {
  let items = { ...stored };
  let version = versionOf(items);
  const repaired: LoadedSettings['repaired'] = [];
  if (Number.isNaN(version)) {
    warn(`Unspin settings: unreadable version ${JSON.stringify(items[VERSION_KEY])}; reading each setting as version ${current}`);
    version = current;
  }
  for (; version < current; version++) {
    const step = migrations[version];
    if (!step) throw new Error(`Unspin settings: no migration from version ${version}`);
    items = step(items);
  }
  const settings = { ...DEFAULT_SETTINGS } as Settings;
  const writeBack: StoredItems = {};
  for (const name of SETTING_NAMES) {
    const raw = items[keyOf(name)];
    if (raw === undefined) continue;
    const value = VALIDATORS[name](raw);
    if (value === undefined) {
      const reason = `stored value ${describe(raw)} is not valid; using the default`;
      warn(`Unspin settings: ${name}: ${reason}`);
      repaired.push({ name, reason });
      writeBack[keyOf(name)] = DEFAULT_SETTINGS[name];
    } else {
      (settings as unknown as Record<string, unknown>)[name] = value;
      // Migrated or normalised (e.g. "WWW.Example.com/" → "example.com"): store what is now read.
      if (JSON.stringify(value) !== JSON.stringify(stored[keyOf(name)])) writeBack[keyOf(name)] = value;
    }
  }
  if (version > current) return { settings, repaired, writeBack: {} };
  if (Object.keys(writeBack).length > 0 && stored[VERSION_KEY] !== current) writeBack[VERSION_KEY] = current;
  return { settings, repaired, writeBack };
}

function describe(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Items to store for a change of some settings; throws if a value is invalid (the options page checks first). */
export function itemsFor(change: Partial<Settings>): StoredItems {
  const items: StoredItems = { [VERSION_KEY]: SETTINGS_VERSION };
  for (const [name, value] of Object.entries(change) as [keyof Settings, unknown][]) {
    if (!VALIDATORS[name]) throw new Error(`Unspin settings: unknown setting ${name}`);
    const valid = VALIDATORS[name](value);
    if (valid === undefined) throw new Error(`Unspin settings: invalid ${name}`);
    items[keyOf(name)] = valid;
  }
  return items;
}

/** The settings a stored-items change touches (for storage.onChanged listeners). */
export function changedSettings(keys: string[]): (keyof Settings)[] {
  return SETTING_NAMES.filter((name) => keys.includes(keyOf(name)));
}

// ---- Storage ------------------------------------------------------------------------------

/** The part of storage.sync this module uses (a fake in tests). */
export interface SettingsArea {
  get(keys: null): Promise<StoredItems>;
  set(items: StoredItems): Promise<void>;
}

/** Loads the settings and writes repairs and migrations back, so they happen once. */
export async function loadSettings(area: SettingsArea): Promise<Settings> {
  const { settings, writeBack } = readSettings(await area.get(null));
  if (Object.keys(writeBack).length > 0) await area.set(writeBack).catch((error: unknown) => console.warn('Unspin settings: could not save repairs', error));
  return settings;
}

export async function saveSettings(area: SettingsArea, change: Partial<Settings>): Promise<void> {
  await area.set(itemsFor(change));
}

/** Whether `host` is `site` or one of its subdomains (never a substring match: notreuters.com is not reuters.com). */
export function siteMatches(host: string, site: string): boolean {
  const h = host.toLowerCase().replace(/^www\./, '').replace(/\.$/, '');
  return h === site || h.endsWith(`.${site}`);
}

export type AddSiteResult = { ok: true; site: string; sites: string[] } | { ok: false; reason: 'invalid' | 'duplicate' | 'full'; site?: string };

/** Adds what the user typed to a site list: normalised, never twice, never past MAX_SITES. */
export function addSite(sites: readonly string[], input: string): AddSiteResult {
  const site = normaliseSite(input);
  if (site === undefined) return { ok: false, reason: 'invalid' };
  if (sites.includes(site)) return { ok: false, reason: 'duplicate', site };
  if (sites.length >= MAX_SITES) return { ok: false, reason: 'full', site };
  return { ok: true, site, sites: [...sites, site] };
}

export function isListed(host: string, sites: readonly string[]): boolean {
  return sites.some((site) => siteMatches(host, site));
}

// ---- Categories of what is shown -----------------------------------------------------------

/** The category a label's findings belong to (a technique or any_technique is persuasion). */
export function categoryOfLabel(label: string): CategoryId {
  if (label === 'loaded_language' || label === 'loaded_word') return 'loaded_language';
  if (label === 'clickbait' || label === 'insult') return label;
  return 'persuasion';
}

/** A finding is shown when one of the categories its labels belong to is switched on. */
export function isFindingShown(finding: Pick<Finding, 'label' | 'labels'>, shown: Readonly<Record<CategoryId, boolean>>): boolean {
  const labels = [finding.label, ...(Array.isArray(finding.labels) ? finding.labels.map((l) => l.label) : [])];
  return labels.some((label) => shown[categoryOfLabel(label)] !== false);
}

/**
 * What the popup lists of an analysis: findings, bars and context of the shown categories only.
 * The risk, its level and the sentence counts stay the whole analysis's (hidden categories still count).
 */
export function visibleAnalysis(analysis: PageAnalysis, shown: Readonly<Record<CategoryId, boolean>>): PageAnalysis {
  return {
    ...analysis,
    categories: analysis.categories.filter((category) => shown[category.id] !== false),
    findings: analysis.findings.filter((finding) => isFindingShown(finding, shown)),
    claims: shown.claims === false ? [] : analysis.claims,
    source: shown.source === false ? undefined : analysis.source,
  };
}

/** The categories switched off, in CATEGORY_IDS order. */
export function hiddenCategories(shown: Readonly<Record<CategoryId, boolean>>): CategoryId[] {
  return CATEGORY_IDS.filter((id) => shown[id] === false);
}

/** The host of a page address, or '' (file:, about:, unparsable). */
export function hostOf(url: string | undefined): string {
  if (!url) return '';
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? hostname : '';
  } catch {
    return '';
  }
}

// ---- Watching for changes -----------------------------------------------------------------

/** storage.sync with the storage.onChanged event (browser.storage, or a fake in tests). */
export interface SettingsStorage {
  sync: SettingsArea;
  onChanged: {
    addListener(listener: (changes: Record<string, unknown>, areaName: string) => void): void;
    removeListener(listener: (changes: Record<string, unknown>, areaName: string) => void): void;
  };
}

export type SettingsListener = (settings: Settings, changed: (keyof Settings)[]) => void;

/**
 * Calls `listener` with the whole, validated settings whenever a setting changes in storage.sync
 * (from the options page, another device, a repair). Registered synchronously: a service worker
 * woken by the event finds its listener. Returns the unsubscribe function.
 */
export function watchSettings(storage: SettingsStorage, listener: SettingsListener, warn: (message: string) => void = () => undefined): () => void {
  let latest = 0;
  const pending = new Set<keyof Settings>();
  const onChanged = (changes: Record<string, unknown>, areaName: string) => {
    if (areaName !== 'sync') return;
    const changed = changedSettings(Object.keys(changes));
    if (changed.length === 0) return;
    for (const name of changed) pending.add(name);
    const call = ++latest;
    storage.sync.get(null).then(
      (items) => {
        // Two quick changes: only the newest read is reported (with both changes), never an older one after it.
        if (call !== latest) return;
        const names = SETTING_NAMES.filter((name) => pending.has(name));
        pending.clear();
        listener(readSettings(items, MIGRATIONS, SETTINGS_VERSION, warn).settings, names);
      },
      (error: unknown) => console.warn('Unspin settings: could not read changed settings', error),
    );
  };
  storage.onChanged.addListener(onChanged);
  return () => storage.onChanged.removeListener(onChanged);
}
