// browser.storage as the settings code uses it: storage.sync with storage.onChanged, which fires
// (asynchronously, like the browser) after every set.
import type { SettingsStorage, StoredItems } from '../../../extension/settings';

type Listener = (changes: Record<string, unknown>, areaName: string) => void;

export class FakeStorage implements SettingsStorage {
  items: StoredItems = {};
  failSets = false;
  readonly listeners = new Set<Listener>();
  readonly sync = {
    get: async (_keys: null): Promise<StoredItems> => structuredClone(this.items),
    set: async (items: StoredItems): Promise<void> => {
      if (this.failSets) throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
      const changes: Record<string, { oldValue?: unknown; newValue: unknown }> = {};
      for (const [key, value] of Object.entries(items)) {
        changes[key] = { oldValue: this.items[key], newValue: structuredClone(value) };
        this.items[key] = structuredClone(value);
      }
      setTimeout(() => this.fire(changes, 'sync'), 0);
    },
  };
  readonly onChanged = {
    addListener: (listener: Listener) => void this.listeners.add(listener),
    removeListener: (listener: Listener) => void this.listeners.delete(listener),
  };

  fire(changes: Record<string, unknown>, areaName: string): void {
    for (const listener of this.listeners) listener(changes, areaName);
  }
}

/** Lets pending timers and promises run (onChanged fires on a timer). */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 5));
