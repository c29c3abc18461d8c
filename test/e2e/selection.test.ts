// End to end in Chromium: "Check what I selected". A manipulative sentence is selected in a
// fixture article; the context-menu handler (the worker's real onClicked listener, called through
// its test hook with a synthetic event: Playwright can't click a native menu) analyses it, the
// tab's state holds the result, a card shows next to the selection and the popup lists it under
// "Your selection". Then the keyboard command: the real shortcut is tried first (reported), then
// the command listener is called through the hook. Screenshot: dist/screenshots/selection.png.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SelectionListeners, SelectionOutcome } from '../../extension/background/selection';
import type { TabState } from '../../extension/messages';
import { CHROMIUM, doneState, launchWithExtension, serveFixtures, storedStates, waitFor, type ExtensionBrowser, type FixtureServer } from './browser';
import { distDir, ensureBuilt } from './build';

const SCREENSHOTS = join(__dirname, '..', '..', 'dist', 'screenshots');
const log = (line: string) => console.log(`[e2e] ${line}`);

const INSULT = 'These corrupt, power-hungry bureaucrats have once again betrayed every hardworking family in this city.';
const FEAR = 'If we do not stop them now, our children will inherit a wasteland of crime and ruin.';
const MENU_ID = 'unspin-check-selection';

declare const unspinTestHooks: SelectionListeners;

/** Selects `sentence` in the page with the Range and Selection APIs; returns its rectangle. */
function selectSentence(page: Page, sentence: string | null): Promise<{ left: number; bottom: number } | null> {
  return page.evaluate((text) => {
    const selection = document.getSelection()!;
    selection.removeAllRanges();
    if (text === null) return null;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(text);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + text.length);
      selection.addRange(range);
      const rect = range.getBoundingClientRect();
      return { left: rect.left, bottom: rect.bottom };
    }
    return null;
  }, sentence);
}

/** Selects from the start of `first`'s paragraph to the end of `last`'s. */
function selectParagraphs(page: Page, first: string, last: string): Promise<void> {
  return page.evaluate(([a, b]) => {
    const paragraphs = [...document.querySelectorAll('p')];
    const start = paragraphs.find((p) => p.textContent === a)!;
    const end = paragraphs.find((p) => p.textContent === b)!;
    const range = document.createRange();
    range.setStart(start.firstChild!, 0);
    range.setEnd(end.firstChild!, b.length);
    const selection = document.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  }, [first, last] as const);
}

const clickMenu = (worker: Worker, tabId: number, selectionText: string) =>
  worker.evaluate(([id, tab, text]) => unspinTestHooks.onClicked({ menuItemId: id, selectionText: text }, { id: tab }), [MENU_ID, tabId, selectionText] as const) as Promise<SelectionOutcome>;
const pressCommand = (worker: Worker, tabId: number) => worker.evaluate((tab) => unspinTestHooks.onCommand('check-selection', { id: tab }), tabId) as Promise<SelectionOutcome>;

async function stateOf(browser: ExtensionBrowser, tabId: number): Promise<TabState | undefined> {
  return (await storedStates(await browser.worker()))[tabId];
}

describe.skipIf(!existsSync(CHROMIUM))('check what I selected, in Chromium', () => {
  let server: FixtureServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    await ensureBuilt('chrome');
    server = await serveFixtures();
    browser = await launchWithExtension(distDir('chrome'));
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the context-menu handler analyses the selected sentence; card in the page, "Your selection" in the popup', async () => {
    const url = `${server.origin}/article.html`;
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 900, height: 700 });
    await page.goto(url);
    // The page's own scan first: its tab id is in the worker's state.
    const [tabId] = await doneState(browser, url, 'the page scan');

    const rect = await selectSentence(page, FEAR);
    expect(rect).not.toBeNull();
    const started = performance.now();
    const outcome = await clickMenu(await browser.worker(), tabId, FEAR);
    log(`selection: menu click -> result ${Math.round(performance.now() - started)} ms`);
    expect(outcome.status).toBe('checked');
    expect(outcome).toMatchObject({ shownInPage: true });

    const state = await stateOf(browser, tabId);
    expect(state?.status).toBe('done');
    expect(state?.selection?.text).toBe(FEAR);
    const findings = state!.selection!.analysis!.findings;
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.some((f) => f.sentence.text === FEAR)).toBe(true);
    log(`selection: flagged as ${findings.map((f) => f.label).join(', ')}`);

    // The card (in a closed shadow root: only hit-testing and a screenshot see it) sits under the selection.
    const hit = await page.evaluate(({ left, bottom }) => {
      const element = document.elementFromPoint(left + 40, bottom + 40);
      return element ? { tag: element.tagName, parentIsRoot: element.parentElement === document.documentElement } : null;
    }, rect!);
    expect(hit).toEqual({ tag: 'DIV', parentIsRoot: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'selection.png') });

    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 400, height: 760 });
    await popup.goto(`chrome-extension://${browser.extensionId}/extension/popup/index.html?tabId=${tabId}`);
    await popup.waitForSelector('section.selection');
    expect(await popup.textContent('section.selection h2')).toBe('Your selection');
    expect(await popup.textContent('.selection-quote')).toContain('a wasteland of crime and ruin');
    expect(await popup.$$eval('section.selection .finding-quote', (nodes) => nodes.map((n) => n.textContent))).toContain(FEAR);
    expect(await popup.$$('section.selection button.show')).toHaveLength(0);
    // The page's own report is still there, under it.
    expect(await popup.$('.overview')).not.toBeNull();
    await popup.screenshot({ path: join(SCREENSHOTS, 'selection-popup.png'), fullPage: true });

    // Clear goes through the worker.
    await popup.click('section.selection button.clear');
    await popup.waitForSelector('section.selection', { state: 'detached' });
    expect((await stateOf(browser, tabId))?.selection).toBeUndefined();
    expect((await stateOf(browser, tabId))?.analysis).toBeDefined();

    // Escape closes the card.
    await page.bringToFront();
    await page.keyboard.press('Escape');
    const after = await page.evaluate(({ left, bottom }) => document.elementFromPoint(left + 40, bottom + 40)?.parentElement === document.documentElement, rect!);
    expect(after).toBe(false);
    await popup.close();
    await page.close();
  }, 120_000);

  it('the keyboard command reads the selection from the page; an empty selection gets a message', async () => {
    const url = `${server.origin}/article.html?command`;
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 900, height: 700 });
    await page.goto(url);
    const [tabId] = await doneState(browser, url, 'the page scan');
    await selectParagraphs(page, INSULT, FEAR);

    // The real shortcut, as a user would press it: reported, not required (headless may not deliver commands).
    await page.bringToFront();
    await page.keyboard.press('Alt+Shift+U');
    const viaShortcut = await waitFor(async () => ((await stateOf(browser, tabId))?.selection ? true : undefined), 5_000, 'the shortcut').catch(() => false);
    log(`selection: Alt+Shift+U in headless Chromium ${viaShortcut ? 'ran the command' : 'did not reach the extension (commands are browser accelerators; CDP key events go to the page)'}`);

    const outcome = await pressCommand(await browser.worker(), tabId);
    expect(outcome).toMatchObject({ status: 'checked', shownInPage: true });
    const state = await stateOf(browser, tabId);
    // What the page's selection holds: both paragraphs, as the content script read them.
    expect(state?.selection?.text).toMatch(/^These corrupt, power-hungry bureaucrats[^]*a wasteland of crime and ruin\.$/);
    expect(state?.selection?.analysis?.sentenceCount).toBe(2);
    expect(state?.selection?.analysis?.findings.some((f) => f.sentence.text === FEAR)).toBe(true);

    // Nothing selected: a message in the page, no analysis, the earlier result kept.
    await selectSentence(page, null);
    expect(await pressCommand(await browser.worker(), tabId)).toEqual({ status: 'empty', shownInPage: true });
    expect((await stateOf(browser, tabId))?.selection?.text).toContain(FEAR);
    await page.close();
  }, 120_000);

  it('where no content script runs, the menu still checks the text and the popup shows it', async () => {
    // An extension page: no content script, like the PDF viewer or a browser page.
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/extension/popup/index.html?mock=idle`);
    // Past the tab's load events (a new document clears the tab's state).
    await page.waitForTimeout(1000);
    const tabId = await (await browser.worker()).evaluate(async () => {
      const tabs = await (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id: number; active: boolean }[]> } } }).chrome.tabs.query({ active: true, currentWindow: true });
      return tabs[0]?.id;
    });
    expect(typeof tabId).toBe('number');
    const outcome = await clickMenu(await browser.worker(), tabId!, FEAR);
    expect(outcome).toMatchObject({ status: 'checked', shownInPage: false });
    expect((await stateOf(browser, tabId!))?.selection?.analysis?.findings.length).toBeGreaterThan(0);
    await page.close();
  }, 60_000);
});
