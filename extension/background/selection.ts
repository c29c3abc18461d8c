// "Check what I selected": the context-menu entry "Check with Unspin" and the keyboard command
// `check-selection` analyse the selected text alone (scored like a short post) and show the result
// as a card next to the selection and at the top of the popup (TabState.selection).
//
// The menu hands us the selection itself (info.selectionText), so it works where no content script
// can run (a page Unspin can't read: the result is then in the popup); the command has to ask the
// tab's content script for it. Both put the content script into the tab first if it isn't there.
import type { Menus, Tabs } from 'webextension-polyfill';
import type { AnalysisInput } from '../../model/analyze';
import type { PageAnalysis } from '../../model/types';
import { BackgroundMessage, LIMITS, type BackgroundRequest, type SelectionCheck } from '../messages';
import type { TabStateCache } from './cache';
import { askVia, type Inject, type TabMessenger } from './forward';
import { messageOf } from './scan';
import { t } from '../ui/i18n';

export const MENU_ID = 'unspin-check-selection';
export const MENU_TITLE = t('menu_check_selection');
export const COMMAND = 'check-selection';

export const EMPTY_SELECTION_MESSAGE = t('bg_empty_selection');
export const UNREACHABLE_MESSAGE = t('bg_selection_unreachable');
export const failedMessage = (reason: string) => t('bg_selection_failed', [reason]);

export interface SelectionDeps {
  cache: TabStateCache;
  /** The worker's one-at-a-time analysis queue (model.ts analyzePage). */
  analyze: (input: AnalysisInput) => Promise<PageAnalysis>;
  tabs: TabMessenger;
  /**
   * Puts the content script into the tab when none runs there (background/access.ts): the menu
   * click and the shortcut grant activeTab for it.
   */
  inject?: Inject;
  /** action.openPopup where the browser has it: shows the result when the page can't. */
  openPopup?: () => Promise<void>;
  now?: () => number;
}

export type SelectionOutcome =
  | { status: 'checked'; analysis: PageAnalysis; shownInPage: boolean }
  | { status: 'empty'; shownInPage: boolean }
  | { status: 'failed'; message: string; shownInPage: boolean };

/** Cuts text to at most `max` UTF-16 units, never inside a surrogate pair. */
export function capText(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/** Shows `payload` in the page; when the page can't (no content script), opens the popup where possible. */
async function show(tabId: number, payload: { analysis: PageAnalysis } | { message: string }, deps: SelectionDeps): Promise<boolean> {
  try {
    await askVia(deps.tabs, deps.inject)(tabId, { type: BackgroundMessage.ShowSelection, ...payload });
    return true;
  } catch {
    // Needs a user gesture in some browsers, and a focused window: the popup has the result anyway.
    await deps.openPopup?.().catch(() => undefined);
    return false;
  }
}

async function store(tabId: number, check: SelectionCheck, deps: SelectionDeps): Promise<void> {
  await deps.cache.update(tabId, (state) => ({ ...state, selection: check }));
}

/** Analyses `text` (the selection of tab `tabId`), keeps the result in the tab's state and shows it. */
export async function checkSelection(tabId: number, text: string, deps: SelectionDeps): Promise<SelectionOutcome> {
  const selected = capText(typeof text === 'string' ? text : '', LIMITS.textChars);
  if (selected.trim() === '') return { status: 'empty', shownInPage: await show(tabId, { message: EMPTY_SELECTION_MESSAGE }, deps) };
  const checkedAt = (deps.now ?? Date.now)();
  const quoted = capText(selected.trim(), LIMITS.storedSelectionChars);
  let analysis: PageAnalysis;
  try {
    analysis = await deps.analyze({ text: selected, kind: 'selection' });
  } catch (error) {
    const message = capText(failedMessage(messageOf(error)), LIMITS.reasonChars);
    await store(tabId, { text: quoted, message, checkedAt }, deps);
    return { status: 'failed', message, shownInPage: await show(tabId, { message }, deps) };
  }
  await store(tabId, { text: quoted, analysis, checkedAt }, deps);
  return { status: 'checked', analysis, shownInPage: await show(tabId, { analysis }, deps) };
}

/** The command path: the selection comes from the tab's content script. */
export async function checkTabSelection(tabId: number, deps: SelectionDeps): Promise<SelectionOutcome> {
  let text: unknown;
  try {
    text = await askVia(deps.tabs, deps.inject)(tabId, { type: BackgroundMessage.GetSelection });
  } catch {
    // No content script here and none allowed (PDF viewer, a browser page, an extension store).
    const message = UNREACHABLE_MESSAGE;
    await store(tabId, { text: '', message, checkedAt: (deps.now ?? Date.now)() }, deps);
    await deps.openPopup?.().catch(() => undefined);
    return { status: 'failed', message, shownInPage: false };
  }
  return checkSelection(tabId, typeof text === 'string' ? text : '', deps);
}

/** The part of the browser APIs registerSelectionCheck uses. */
export interface SelectionApis {
  onInstalled: { addListener(listener: () => void): void };
  contextMenus: {
    create(properties: Menus.CreateCreatePropertiesType): unknown;
    removeAll(): Promise<void>;
    onClicked: { addListener(listener: (info: Menus.OnClickData, tab: Tabs.Tab | undefined) => void): void };
  };
  commands: { onCommand: { addListener(listener: (command: string, tab: Tabs.Tab | undefined) => void): void } };
  /** The active tab of the focused window, when the command event names no tab. */
  activeTabId: () => Promise<number | undefined>;
}

export interface SelectionListeners {
  onClicked: (info: Pick<Menus.OnClickData, 'menuItemId' | 'selectionText'>, tab: Pick<Tabs.Tab, 'id'> | undefined) => Promise<SelectionOutcome | undefined>;
  onCommand: (command: string, tab: Pick<Tabs.Tab, 'id'> | undefined) => Promise<SelectionOutcome | undefined>;
}

const validTab = (id: unknown): id is number => typeof id === 'number' && Number.isInteger(id) && id >= 0;

/** Registers the menu (on install/update) and the two listeners; call synchronously at the worker's top level. */
export function registerSelectionCheck(apis: SelectionApis, deps: SelectionDeps): SelectionListeners {
  apis.onInstalled.addListener(() => {
    // Menu items outlive worker restarts; recreate them on install and update only.
    void apis.contextMenus
      .removeAll()
      .then(() => apis.contextMenus.create({ id: MENU_ID, title: MENU_TITLE, contexts: ['selection'] }))
      .catch((error: unknown) => console.warn('unspin: context menu not created:', error));
  });
  const listeners: SelectionListeners = {
    async onClicked(info, tab) {
      if (info.menuItemId !== MENU_ID || !validTab(tab?.id)) return undefined;
      return checkSelection(tab.id, info.selectionText ?? '', deps);
    },
    async onCommand(command, tab) {
      if (command !== COMMAND) return undefined;
      const tabId = validTab(tab?.id) ? tab.id : await apis.activeTabId().catch(() => undefined);
      return validTab(tabId) ? checkTabSelection(tabId, deps) : undefined;
    },
  };
  const quiet = (run: Promise<unknown>) => void run.catch((error: unknown) => console.warn('unspin: selection check failed:', error));
  apis.contextMenus.onClicked.addListener((info, tab) => quiet(listeners.onClicked(info, tab)));
  apis.commands.onCommand.addListener((command, tab) => quiet(listeners.onCommand(command, tab)));
  return listeners;
}
