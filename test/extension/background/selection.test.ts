// "Check what I selected" in the worker: the menu, its click, the keyboard command, and what is
// stored and shown for a selection.
import { describe, expect, it, vi } from 'vitest';
import { TabStateCache } from '../../../extension/background/cache';
import { ChunkAssembler } from '../../../extension/background/chunks';
import { Scans } from '../../../extension/background/scan';
import { checkSelection, COMMAND, EMPTY_SELECTION_MESSAGE, MENU_ID, MENU_TITLE, registerSelectionCheck, UNREACHABLE_MESSAGE, type SelectionApis, type SelectionDeps } from '../../../extension/background/selection';
import { handleMessage } from '../../../extension/background/messages';
import { BackgroundMessage, LIMITS, PopupMessage } from '../../../extension/messages';
import { FakeArea, analysis, chunk } from './fakes';

const FLAGGED = analysis({ findings: [{ id: 's0-10', kind: 'technique', label: 'Loaded_Language', score: 0.9, severity: 0.7, labels: [], sentence: { start: 0, end: 10, text: 'Vile crooks.' }, isHeadline: false, evidence: [], suggestion: { question: 'q', restatement: 'r' } }] });

/** A tab whose content script answers GetSelection with `selected` and accepts ShowSelection; or none (`selected` undefined). */
function setup(selected?: string) {
  const cache = new TabStateCache(new FakeArea());
  const analyze = vi.fn(async () => FLAGGED);
  const sent: unknown[] = [];
  const sendMessage = vi.fn(async (_tabId: number, message: unknown, _options: { frameId: number }) => {
    if (selected === undefined) throw new Error('Could not establish connection. Receiving end does not exist.');
    sent.push(message);
    const type = (message as { type: string }).type;
    return type === BackgroundMessage.GetSelection ? { ok: true, value: selected } : { ok: true, value: null };
  });
  const openPopup = vi.fn(async () => undefined);
  const deps: SelectionDeps = { cache, analyze, tabs: { sendMessage }, openPopup, now: () => 1234 };
  return { cache, analyze, sent, sendMessage, openPopup, deps };
}

function fakeApis() {
  let installed: (() => void) | undefined;
  let clicked: Parameters<SelectionApis['contextMenus']['onClicked']['addListener']>[0] | undefined;
  let command: Parameters<SelectionApis['commands']['onCommand']['addListener']>[0] | undefined;
  const create = vi.fn();
  const removeAll = vi.fn(async () => undefined);
  const apis: SelectionApis = {
    onInstalled: { addListener: (l) => (installed = l) },
    contextMenus: { create, removeAll, onClicked: { addListener: (l) => (clicked = l) } },
    commands: { onCommand: { addListener: (l) => (command = l) } },
    activeTabId: async () => 7,
  };
  return { apis, create, removeAll, install: () => installed!(), click: (...a: Parameters<NonNullable<typeof clicked>>) => clicked!(...a), command: (...a: Parameters<NonNullable<typeof command>>) => command!(...a) };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('registerSelectionCheck', () => {
  it('creates the "Check with Unspin" menu for selections when installed or updated', async () => {
    const { apis, create, removeAll, install } = fakeApis();
    registerSelectionCheck(apis, setup('x').deps);
    expect(create).not.toHaveBeenCalled();
    install();
    await flush();
    expect(removeAll).toHaveBeenCalledOnce();
    expect(create).toHaveBeenCalledWith({ id: MENU_ID, title: MENU_TITLE, contexts: ['selection'] });
  });

  it('a menu click analyses info.selectionText as a selection, stores it and shows it in the page', async () => {
    const { apis, click } = fakeApis();
    const { deps, analyze, sent, cache } = setup();
    const setupWithPage = setup('ignored');
    const listeners = registerSelectionCheck(apis, { ...deps, tabs: setupWithPage.deps.tabs });
    const outcome = await listeners.onClicked({ menuItemId: MENU_ID, selectionText: 'Vile crooks.' }, { id: 4 });
    expect(outcome).toEqual({ status: 'checked', analysis: FLAGGED, shownInPage: true });
    expect(analyze).toHaveBeenCalledWith({ text: 'Vile crooks.', kind: 'selection' });
    expect((await cache.get(4)).selection).toEqual({ text: 'Vile crooks.', analysis: FLAGGED, checkedAt: 1234 });
    expect(setupWithPage.sent).toEqual([{ type: BackgroundMessage.ShowSelection, analysis: FLAGGED }]);
    expect(sent).toEqual([]);
    // The registered listener is the same function: other menus and tab-less clicks are ignored.
    click({ menuItemId: 'another', selectionText: 'x', editable: false, modifiers: [] } as never, { id: 4 } as never);
    expect(await listeners.onClicked({ menuItemId: MENU_ID, selectionText: 'x' }, undefined)).toBeUndefined();
    await flush();
    expect(analyze).toHaveBeenCalledOnce();
  });

  it('the command asks the tab for its selection, then analyses it', async () => {
    const { apis } = fakeApis();
    const { deps, analyze, sent, cache } = setup('  Vile crooks.  ');
    const listeners = registerSelectionCheck(apis, deps);
    expect(await listeners.onCommand('something-else', { id: 3 })).toBeUndefined();
    const outcome = await listeners.onCommand(COMMAND, { id: 3 });
    expect(outcome).toMatchObject({ status: 'checked', shownInPage: true });
    expect(sent[0]).toEqual({ type: BackgroundMessage.GetSelection });
    expect(sent[1]).toEqual({ type: BackgroundMessage.ShowSelection, analysis: FLAGGED });
    expect(analyze).toHaveBeenCalledWith({ text: '  Vile crooks.  ', kind: 'selection' });
    // Stored trimmed, for the popup's quote.
    expect((await cache.get(3)).selection?.text).toBe('Vile crooks.');
    // No tab in the event: the active tab.
    await listeners.onCommand(COMMAND, undefined);
    expect((await cache.get(7)).selection?.analysis).toEqual(FLAGGED);
  });

  it('the command on a page without the content script says how to check it instead', async () => {
    const { apis } = fakeApis();
    const { deps, analyze, cache, openPopup } = setup(undefined);
    const listeners = registerSelectionCheck(apis, deps);
    expect(await listeners.onCommand(COMMAND, { id: 5 })).toEqual({ status: 'failed', message: UNREACHABLE_MESSAGE, shownInPage: false });
    expect(analyze).not.toHaveBeenCalled();
    expect((await cache.get(5)).selection).toEqual({ text: '', message: UNREACHABLE_MESSAGE, checkedAt: 1234 });
    expect(openPopup).toHaveBeenCalledOnce();
  });
});

describe('where no content script runs yet', () => {
  it('the command puts one into the tab (the shortcut granted activeTab), then asks it', async () => {
    const { apis } = fakeApis();
    const { deps, analyze } = setup(undefined);
    let injected = false;
    const page = setup('Vile crooks.');
    const sendMessage = vi.fn(async (tabId: number, message: unknown, options: { frameId: number }) => {
      if (!injected) throw new Error('Could not establish connection. Receiving end does not exist.');
      return page.sendMessage(tabId, message, options);
    });
    const inject = vi.fn(async () => {
      injected = true;
    });
    const listeners = registerSelectionCheck(apis, { ...deps, tabs: { sendMessage }, inject });
    expect(await listeners.onCommand(COMMAND, { id: 5 })).toMatchObject({ status: 'checked', shownInPage: true });
    expect(inject).toHaveBeenCalledExactlyOnceWith(5);
    expect(analyze).toHaveBeenCalledWith({ text: 'Vile crooks.', kind: 'selection' });
    expect(page.sent).toEqual([{ type: BackgroundMessage.GetSelection }, { type: BackgroundMessage.ShowSelection, analysis: FLAGGED }]);
  });

  it('a page that refuses the script (a browser page) still gets the popup, and a refusal by a running script is not retried', async () => {
    const { apis } = fakeApis();
    const { deps, cache, openPopup } = setup(undefined);
    const inject = vi.fn(async () => {
      throw new Error('Cannot access contents of url "chrome://settings/".');
    });
    const listeners = registerSelectionCheck(apis, { ...deps, inject });
    expect(await listeners.onCommand(COMMAND, { id: 5 })).toEqual({ status: 'failed', message: UNREACHABLE_MESSAGE, shownInPage: false });
    expect((await cache.get(5)).selection?.message).toBe(UNREACHABLE_MESSAGE);
    expect(openPopup).toHaveBeenCalledOnce();
    const refusing = vi.fn(async () => ({ ok: false, error: 'busy' }));
    expect(await checkSelection(6, 'Vile crooks.', { ...deps, tabs: { sendMessage: refusing }, inject })).toMatchObject({ status: 'checked', shownInPage: false });
    expect(inject).toHaveBeenCalledOnce();
  });
});

describe('checkSelection', () => {
  it.each(['', '   \n\t '])('an empty selection (%j) gets a clear message and no analysis', async (text) => {
    const { deps, analyze, sent, cache } = setup('x');
    expect(await checkSelection(2, text, deps)).toEqual({ status: 'empty', shownInPage: true });
    expect(analyze).not.toHaveBeenCalled();
    expect(sent).toEqual([{ type: BackgroundMessage.ShowSelection, message: EMPTY_SELECTION_MESSAGE }]);
    expect((await cache.get(2)).selection).toBeUndefined();
  });

  it('without a content script (PDF viewer) the result is still stored for the popup, which it tries to open', async () => {
    const { deps, cache, openPopup } = setup(undefined);
    expect(await checkSelection(6, 'Vile crooks.', deps)).toMatchObject({ status: 'checked', shownInPage: false });
    expect((await cache.get(6)).selection?.analysis).toEqual(FLAGGED);
    expect(openPopup).toHaveBeenCalledOnce();
    // openPopup may fail (no user gesture, no focused window): nothing breaks.
    openPopup.mockRejectedValueOnce(new Error('no gesture'));
    await expect(checkSelection(6, 'Again.', deps)).resolves.toMatchObject({ status: 'checked' });
  });

  it('caps the analysed text at LIMITS.textChars (never inside a surrogate pair) and the stored quote further', async () => {
    const { deps, analyze, cache } = setup('x');
    const long = `${'a'.repeat(LIMITS.textChars - 1)}😀${'b'.repeat(100)}`;
    await checkSelection(1, long, deps);
    const analysed = (analyze.mock.calls[0] as unknown as [{ text: string }])[0].text;
    expect(analysed).toBe('a'.repeat(LIMITS.textChars - 1));
    expect((await cache.get(1)).selection?.text).toHaveLength(LIMITS.storedSelectionChars);
  });

  it('a failed analysis is stored and shown as a message', async () => {
    const { deps, analyze, sent, cache } = setup('x');
    analyze.mockRejectedValueOnce(new Error('model missing'));
    const outcome = await checkSelection(8, 'Vile crooks.', deps);
    expect(outcome).toMatchObject({ status: 'failed', message: expect.stringContaining('model missing') });
    expect(sent).toEqual([{ type: BackgroundMessage.ShowSelection, message: expect.stringContaining('model missing') }]);
    expect((await cache.get(8)).selection?.message).toContain('model missing');
  });

  it('the selection outlives a rescan of the page, not the page itself', async () => {
    const { deps, cache } = setup('x');
    const scans = new Scans({ cache, assembler: new ChunkAssembler(), analyze: async () => analysis(), showBadge: async () => undefined });
    await checkSelection(9, 'Vile crooks.', deps);
    await scans.receiveChunk(9, chunk());
    const state = await cache.get(9);
    expect(state.status).toBe('done');
    expect(state.selection?.analysis).toEqual(FLAGGED);
    await scans.forget(9);
    expect((await cache.get(9)).selection).toBeUndefined();
  });
});

describe('PopupMessage.ClearSelection', () => {
  it('forgets the selection and keeps the rest of the tab state', async () => {
    const { deps, cache } = setup('x');
    const scans = new Scans({ cache, assembler: new ChunkAssembler(), analyze: async () => analysis(), showBadge: async () => undefined });
    await scans.receiveChunk(3, chunk());
    await checkSelection(3, 'Vile crooks.', deps);
    const ID = 'abcdefghijklmnop';
    const handlerDeps = { extensionId: ID, extensionUrl: `chrome-extension://${ID}/`, scans, cache, forward: async () => undefined, analyzeText: async () => analysis() } as never;
    const reply = await handleMessage({ type: PopupMessage.ClearSelection, tabId: 3 }, { id: ID, url: `chrome-extension://${ID}/extension/popup/index.html` }, handlerDeps);
    expect(reply).toMatchObject({ ok: true, value: { status: 'done' } });
    expect((reply as { value: object }).value).not.toHaveProperty('selection');
    expect((await cache.get(3)).selection).toBeUndefined();
    expect((await cache.get(3)).analysis).toEqual(analysis());
  });
});
