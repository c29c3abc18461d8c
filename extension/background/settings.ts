// The user's settings as the worker sees them: loaded once (repairs written back), kept current
// from storage.onChanged, and applied to open tabs when they change: a new sensitivity makes every
// tab with a result rescan (a result taken at another sensitivity is never shown as current), a
// changed always-warn list redraws the badges.
import type { TabState } from '../messages';
import { DEFAULT_SETTINGS, hostOf, isListed, loadSettings, watchSettings, type Settings, type SettingsStorage } from '../settings';

export class WorkerSettings {
  private value: Settings | null = null;
  private loading: Promise<Settings> | null = null;

  constructor(private readonly storage: SettingsStorage) {}

  /** The current settings (the defaults if storage can't be read). */
  current(): Promise<Settings> {
    if (this.value) return Promise.resolve(this.value);
    this.loading ??= loadSettings(this.storage.sync).then(
      (settings) => (this.value ??= settings),
      (error: unknown) => {
        console.warn('Unspin: could not read the settings; using the defaults', error);
        this.loading = null;
        return { ...DEFAULT_SETTINGS };
      },
    );
    return this.loading;
  }

  /**
   * Keeps the cache current and calls `onChange(before, after)` for every change. Call once, at
   * the top level of the worker, so a change that wakes the worker finds the listener.
   */
  watch(onChange: (before: Settings, after: Settings) => void | Promise<void>): () => void {
    return watchSettings(this.storage, (after) => {
      void this.current().then((before) => {
        this.value = after;
        // Our own repair write-back, or a change already read: nothing new for the tabs.
        if (JSON.stringify(before) !== JSON.stringify(after)) return onChange(before, after);
      });
    });
  }
}

/** Whether the badge and popup should warn about the tab's page whatever its analysis says. */
export function alwaysWarned(state: TabState, settings: Pick<Settings, 'alwaysWarn'>): boolean {
  const host = hostOf(state.url);
  return host !== '' && isListed(host, settings.alwaysWarn);
}

export interface ApplyDeps {
  /** Tabs the worker holds a state for. */
  tabIds(): Promise<number[]>;
  state(tabId: number): Promise<TabState>;
  /** Asks the tab's content script to read the page again (rejects when it isn't running). */
  rescan(tabId: number): Promise<void>;
  /** Forgets the tab's result and resets its badge. */
  forget(tabId: number): Promise<void>;
  showBadge(tabId: number, state: TabState): Promise<void>;
}

/** Results a rescan should replace: whatever was read (or was being read) at the old sensitivity. */
const RESCANNED: readonly TabState['status'][] = ['done', 'partial', 'scanning', 'error'];

/** Applies a settings change to the open tabs; resolves when every tab has been told. */
export async function applyToTabs(before: Settings, after: Settings, deps: ApplyDeps): Promise<void> {
  const sensitivity = before.sensitivity !== after.sensitivity;
  const warn = JSON.stringify(before.alwaysWarn) !== JSON.stringify(after.alwaysWarn);
  if (!sensitivity && !warn) return;
  const tabs = await deps.tabIds();
  await Promise.all(
    tabs.map(async (tabId) => {
      try {
        const state = await deps.state(tabId);
        if (sensitivity && RESCANNED.includes(state.status)) {
          // No content script to rescan (the extension was reloaded under it): drop the old result.
          await deps.rescan(tabId).catch(() => deps.forget(tabId));
        } else if (warn) {
          await deps.showBadge(tabId, state);
        }
      } catch (error) {
        console.warn(`Unspin: could not apply the new settings to tab ${tabId}`, error);
      }
    }),
  );
}
