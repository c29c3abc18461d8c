// Each tab's TabState, kept in storage.session so that a worker restart or a popup reopen shows
// the last result without running the model again. Cleared when the tab closes or navigates.
import type { Storage } from 'webextension-polyfill';
import type { TabState } from '../messages';

export const IDLE_STATE: TabState = { status: 'idle', highlights: true };

const keyOf = (tabId: number) => `tab:${tabId}`;

type Area = Pick<Storage.StorageArea, 'get' | 'set' | 'remove'>;

export class TabStateCache {
  /** Answers from this worker's life; storage.session is read once per tab after a restart. */
  private readonly memory = new Map<number, TabState>();
  /** Per-tab chain so read-modify-write updates of one tab never interleave. */
  private readonly tails = new Map<number, Promise<unknown>>();

  constructor(private readonly area: Area) {}

  get(tabId: number): Promise<TabState> {
    return this.serial(tabId, () => this.read(tabId));
  }

  /** Applies `change` to the tab's current state and stores the result. */
  update(tabId: number, change: (state: TabState) => TabState): Promise<TabState> {
    return this.serial(tabId, async () => {
      const next = change(await this.read(tabId));
      this.memory.set(tabId, next);
      await this.persist(tabId, next);
      return next;
    });
  }

  clear(tabId: number): Promise<void> {
    return this.serial(tabId, async () => {
      this.memory.delete(tabId);
      await this.area.remove(keyOf(tabId));
    });
  }

  private async read(tabId: number): Promise<TabState> {
    const known = this.memory.get(tabId);
    if (known) return known;
    const stored = (await this.area.get(keyOf(tabId)))[keyOf(tabId)] as TabState | undefined;
    const state = stored ?? IDLE_STATE;
    this.memory.set(tabId, state);
    return state;
  }

  private async persist(tabId: number, state: TabState): Promise<void> {
    try {
      await this.area.set({ [keyOf(tabId)]: state });
    } catch (error) {
      // Over the session quota (a huge page): this worker still answers from memory.
      console.warn(`unspin: tab ${tabId} state not persisted:`, error);
      await this.area.remove(keyOf(tabId)).catch(() => undefined);
    }
  }

  private serial<T>(tabId: number, task: () => Promise<T>): Promise<T> {
    const result = (this.tails.get(tabId) ?? Promise.resolve()).then(task);
    const tail = result.catch(() => undefined);
    this.tails.set(tabId, tail);
    // Drop the chain once idle, so closed tabs leave nothing behind.
    void tail.then(() => this.tails.get(tabId) === tail && this.tails.delete(tabId));
    return result;
  }
}
