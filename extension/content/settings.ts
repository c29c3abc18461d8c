// The user's settings in the content script: read from storage.sync at start and followed through
// storage.onChanged, so a change on the settings page reaches every open tab without a reload.
// What the settings mean for one page (scan it? show which marks, how?) is decided here.
import browser from 'webextension-polyfill';
import { DEFAULT_SETTINGS, hostOf, isListed, readSettings, watchSettings, type Settings, type SettingsListener, type SettingsStorage } from '../settings';

/** Where the content script gets its settings (storage.sync, or a fake in tests). */
export interface SettingsSource {
  load(): Promise<Settings>;
  watch(listener: SettingsListener): () => void;
}

/** Settings from storage.sync; the defaults where storage is unavailable. Never writes (the worker writes repairs back). */
export function storageSettings(storage: SettingsStorage | undefined = (browser as { storage?: SettingsStorage }).storage): SettingsSource {
  const usable = typeof storage?.sync?.get === 'function' && typeof storage.onChanged?.addListener === 'function';
  return {
    async load() {
      if (!usable) return { ...DEFAULT_SETTINGS };
      try {
        return readSettings(await storage!.sync.get(null), undefined, undefined, () => undefined).settings;
      } catch (error) {
        console.warn('Unspin: could not read the settings; using the defaults', error);
        return { ...DEFAULT_SETTINGS };
      }
    },
    watch(listener) {
      return usable ? watchSettings(storage!, listener) : () => undefined;
    },
  };
}

/** A fixed source (tests; or a page where settings never change). */
export function fixedSettings(settings: Partial<Settings> = {}): SettingsSource & { change(next: Partial<Settings>): void } {
  let current: Settings = { ...DEFAULT_SETTINGS, ...settings };
  const listeners = new Set<SettingsListener>();
  return {
    load: async () => current,
    watch(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    change(next) {
      const changed = (Object.keys(next) as (keyof Settings)[]).filter((name) => JSON.stringify(next[name]) !== JSON.stringify(current[name]));
      current = { ...current, ...next };
      if (changed.length > 0) for (const listener of listeners) listener(current, changed);
    },
  };
}

/** How the settings treat one page: read it as it opens, only when asked, or not at all. */
export type PagePolicy = 'auto' | 'click' | 'never';

export function pagePolicy(settings: Pick<Settings, 'neverScan' | 'scanMode'>, url: string): PagePolicy {
  const host = hostOf(url);
  if (host !== '' && isListed(host, settings.neverScan)) return 'never';
  return settings.scanMode;
}
