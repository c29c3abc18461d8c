// End to end in Chromium: the reader's feedback on a flag. "Not manipulative" in the popup hides
// the passage's highlight on the page at once and after a reload; "Export feedback (JSONL)" gives
// a real download with the verdict; "Clear feedback" leaves no feedback key in storage.local (and
// the highlight comes back). Nothing leaves the machine.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, doneState, highlightedTexts, launchWithExtension, pointAt, serveFixtures, useSettings, waitFor, type ExtensionBrowser, type FixtureServer } from './browser';
import { distDir, ensureBuilt } from './build';

const SCREENSHOTS = join(__dirname, '..', '..', 'dist', 'screenshots');

declare const chrome: { storage: { local: { get(keys: null): Promise<Record<string, unknown>> } } };

const DISMISSED = 'These corrupt, power-hungry bureaucrats have once again betrayed every hardworking family in this city.';
const KEPT = 'If we do not stop them now, our children will inherit a wasteland of crime and ruin.';

const feedbackKeys = async (worker: Worker) => Object.keys(await worker.evaluate(() => chrome.storage.local.get(null))).filter((key) => key.startsWith('feedback:'));

describe.skipIf(!existsSync(CHROMIUM))('feedback on a flag, in Chromium', () => {
  let server: FixtureServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    await ensureBuilt('chrome');
    server = await serveFixtures();
    browser = await launchWithExtension(distDir('chrome'));
    // The fixture's expectations are the model's validation-tuned thresholds.
    await useSettings(await browser.worker(), { sensitivity: 'balanced' });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('dismisses a flag from the popup, keeps it hidden after a reload, exports it as JSONL and clears it', async () => {
    const url = `${server.origin}/article.html`;
    const page = await browser.context.newPage();
    await page.goto(url);
    await waitFor(async () => ((await highlightedTexts(page, ['unspin-focus'])).includes(DISMISSED) ? true : undefined), 60_000, 'the highlights');
    const [tabId] = await doneState(browser, url, 'the analysis');

    // The popup, as an extension page for the tab: "Not manipulative" on the passage.
    const popup = await browser.context.newPage();
    const popupUrl = `chrome-extension://${browser.extensionId}/extension/popup/index.html?tabId=${tabId}`;
    await popup.goto(popupUrl);
    const item = popup.locator('.findings > li', { hasText: DISMISSED.slice(0, 60) });
    await item.locator('.feedback-not').click();
    await popup.waitForSelector('.finding-dismissed .feedback-undo');
    await popup.setViewportSize({ width: 400, height: 900 });
    mkdirSync(SCREENSHOTS, { recursive: true });
    await popup.screenshot({ path: join(SCREENSHOTS, 'popup-feedback.png'), fullPage: true });

    // The page's highlight of that sentence goes at once; the other stays.
    await waitFor(async () => (!(await highlightedTexts(page, ['unspin-focus'])).includes(DISMISSED) ? true : undefined), 10_000, 'the dismissed highlight to go');
    expect(await highlightedTexts(page, ['unspin-focus'])).toContain(KEPT);

    // Reload: the page is analysed again, the dismissed flag stays hidden.
    await page.reload();
    const after = await waitFor(async () => {
      const texts = await highlightedTexts(page, ['unspin-focus']);
      return texts.includes(KEPT) ? texts : undefined;
    }, 60_000, 'the highlights after the reload');
    expect(after).not.toContain(DISMISSED);

    // Export from the popup: a real download, one JSON object per line.
    await popup.goto(popupUrl);
    await popup.waitForSelector('.finding-dismissed');
    const [download] = await Promise.all([popup.waitForEvent('download'), popup.click('.feedback-export')]);
    expect(download.suggestedFilename()).toMatch(/^unspin-feedback-\d{4}-\d{2}-\d{2}\.jsonl$/);
    const lines = readFileSync((await download.path())!, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toEqual([{ text: DISMISSED, label: expect.any(String), verdict: 'not_manipulative', lang: 'en' }]);
    expect(await feedbackKeys(await browser.worker())).not.toEqual([]);

    // Clear (after the confirmation): no feedback key is left, and the highlight is back on the page.
    await popup.click('.feedback-clear');
    await popup.click('.feedback-clear-yes');
    await popup.waitForSelector('.feedback-status:has-text("Feedback cleared.")');
    expect(await feedbackKeys(await browser.worker())).toEqual([]);
    await waitFor(async () => ((await highlightedTexts(page, ['unspin-focus'])).includes(DISMISSED) ? true : undefined), 10_000, 'the highlight to come back');
    expect(await popup.locator('.finding-dismissed').count()).toBe(0);

    // Nothing went anywhere but the fixture server and the extension itself.
    const outside = browser.requests.filter((r) => !r.url.startsWith(server.origin) && !r.url.startsWith('chrome-extension://') && !r.url.startsWith('blob:') && !r.url.startsWith('data:'));
    expect(outside).toEqual([]);
    await popup.close();
    await page.close();
  }, 240_000);

  it("dismisses a flag from its card on the page, with the keyboard", async () => {
    const url = `${server.origin}/article.html?card`;
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 900, height: 700 });
    await page.goto(url);
    await waitFor(async () => ((await highlightedTexts(page, ['unspin-focus'])).includes(KEPT) ? true : undefined), 60_000, 'the highlights');
    // Hover the sentence: its card opens (in Unspin's closed shadow root).
    const point = await pointAt(page, KEPT);
    await page.mouse.move(point!.x, point!.y);
    // A closed shadow root is out of reach of the page and of Playwright's selectors; the DevTools
    // protocol sees through it. Focus the card's "Not manipulative" button and press Enter.
    const cdp = await browser.context.newCDPSession(page);
    const nodeId = await waitFor(async () => {
      const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: { nodeId: number } };
      const found = (await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: 'div' })) as { nodeIds: number[] };
      for (const id of found.nodeIds) {
        const { node } = (await cdp.send('DOM.describeNode', { nodeId: id, depth: 0 })) as { node: { shadowRoots?: { backendNodeId: number }[] } };
        if (!node.shadowRoots?.length) continue;
        const pushed = (await cdp.send('DOM.pushNodesByBackendIdsToFrontend', { backendNodeIds: [node.shadowRoots[0].backendNodeId] })) as { nodeIds: number[] };
        const button = (await cdp.send('DOM.querySelector', { nodeId: pushed.nodeIds[0], selector: 'button[data-verdict="not_manipulative"]' })) as { nodeId: number };
        if (button.nodeId) return button.nodeId;
      }
      return undefined;
    }, 10_000, "the card's verdict buttons");
    await cdp.send('DOM.focus', { nodeId });
    await page.keyboard.press('Enter');
    await waitFor(async () => (!(await highlightedTexts(page, ['unspin-focus'])).includes(KEPT) ? true : undefined), 10_000, 'the dismissed highlight to go');
    const stored = await waitFor(async () => {
      const all = await (await browser.worker()).evaluate(() => chrome.storage.local.get(null));
      const entries = Object.entries(all).filter(([key]) => key.startsWith('feedback:entry:')).map(([, value]) => value as { text: string; verdict: string; url: string });
      return entries.length > 0 ? entries : undefined;
    }, 10_000, 'the stored verdict');
    expect(stored).toEqual([expect.objectContaining({ text: KEPT, verdict: 'not_manipulative', url })]);
    await cdp.detach();
    await page.close();
  }, 120_000);
});
