// End to end in Chromium started in French (--lang=fr): the manifest's texts, the popup, the
// in-page card (a screenshot: it lives in a closed shadow root) and the settings page speak
// French; the settings page's language choice overrides the browser's on Unspin's own pages.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatEntry, type MessageTable } from '../../extension/ui/i18n';
import { CHROMIUM, doneState, highlightedTexts, pointAt, launchWithExtension, serveFixtures, useSettings, waitFor, type ExtensionBrowser, type FixtureServer } from './browser';
import { distDir, ensureBuilt } from './build';

const SCREENSHOTS = join(__dirname, '..', '..', 'dist', 'screenshots');
const log = (line: string) => console.log(`[e2e i18n] ${line}`);

const table = (locale: string) => JSON.parse(readFileSync(join(__dirname, '..', '..', 'extension', '_locales', locale, 'messages.json'), 'utf8')) as MessageTable;
const FR = table('fr');
const EN = table('en');
const fr = (key: string, subs: string[] = []) => formatEntry(FR[key]!, subs);

/** The first flagged sentence of the article fixture (test/e2e/highlights.test.ts). */
const FLAGGED = 'These corrupt, power-hungry bureaucrats';

declare const chrome: { i18n: { getUILanguage(): string; getMessage(key: string): string } };

describe.skipIf(!existsSync(CHROMIUM))('the UI in French, in Chromium started with --lang=fr', () => {
  let server: FixtureServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    const buildMs = await ensureBuilt('chrome');
    if (buildMs) log(`built in ${buildMs} ms`);
    server = await serveFixtures();
    browser = await launchWithExtension(distDir('chrome'), ['--lang=fr']);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('ships every locale and gives the browser French', async () => {
    for (const locale of ['en', 'fr', 'de', 'pl', 'uk', 'es']) expect(existsSync(join(distDir('chrome'), '_locales', locale, 'messages.json')), locale).toBe(true);
    const worker = await browser.worker();
    const [language, code, name] = await worker.evaluate(() => [chrome.i18n.getUILanguage(), chrome.i18n.getMessage('locale_code'), chrome.i18n.getMessage('menu_check_selection')]);
    // --lang=fr picks the messages; headless Chromium still reports getUILanguage() as en-US, which is
    // why Unspin reads the language of its texts from the locale_code message (extension/ui/i18n.ts).
    log(`--lang=fr: getUILanguage() = ${language}, locale_code = ${code}`);
    expect(code).toBe('fr');
    expect(name).toBe(FR.menu_check_selection!.message);
  });

  it('shows the popup, the card and the settings page in French', async () => {
    // The fixture's sentences are flagged at the 'balanced' thresholds (test/e2e/highlights.test.ts).
    await useSettings(await browser.worker(), { sensitivity: 'balanced' });
    const url = `${server.origin}/article.html`;
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 900, height: 700 });
    await page.goto(url);
    await waitFor(async () => ((await highlightedTexts(page)).some((t) => t.startsWith(FLAGGED)) ? true : undefined), 60_000, 'highlights');

    // The card: hover the flagged sentence.
    const box = await pointAt(page, FLAGGED);
    expect(box).not.toBeNull();
    await page.mouse.move(box!.x, box!.y);
    await page.waitForTimeout(600);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'card-fr.png') });

    const [tabId, state] = await doneState(browser, url, 'the analysis');
    const findings = state.analysis!.findings.length;
    expect(findings).toBeGreaterThan(1);

    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 400, height: 760 });
    await popup.goto(`chrome-extension://${browser.extensionId}/extension/popup/index.html?tabId=${tabId}`);
    await popup.waitForSelector('.finding');
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe('fr');
    const text = await popup.locator('body').innerText();
    expect(text).toContain(fr('popup_flagged_heading_other', [String(findings)])); // "N passages signalés"
    expect(text).toContain(FR.popup_privacy!.message);
    expect(text).toContain(FR.popup_show_in_page!.message);
    expect(text).not.toContain(EN.popup_privacy!.message);
    expect(await popup.getAttribute('.gauge', 'aria-label')).toBe(FR.popup_risk_label!.message);
    await popup.screenshot({ path: join(SCREENSHOTS, 'popup-fr.png'), fullPage: true });
    await popup.close();
    await page.close();

    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/extension/options/index.html`);
    await options.locator('#sensitivity-cautious').waitFor();
    expect(await options.locator('h1').innerText()).toBe(FR.options_title!.message);
    expect(await options.title()).toBe(FR.options_title!.message);
    expect(await options.locator('#sensitivity-heading').innerText()).toBe(FR.options_sensitivity_heading!.message);
    expect(await options.locator('label[for="sensitivity-cautious"]').innerText()).toBe(FR.options_sensitivity_cautious!.message);
    expect(await options.locator('#language-hint').innerText()).toBe(FR.options_language_hint!.message);
    await options.close();
  });

  it('follows the language chosen in the settings on its own pages, over the browser’s', async () => {
    await useSettings(await browser.worker(), { uiLanguage: 'en' });
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/extension/options/index.html`);
    await options.locator('#sensitivity-cautious').waitFor();
    expect(await options.locator('h1').innerText()).toBe(EN.options_title!.message);
    expect(await options.evaluate(() => document.documentElement.lang)).toBe('en');
    // Choosing French on the page reloads it in French.
    await options.locator('#language-select').selectOption('fr');
    await waitFor(async () => ((await options.locator('h1').innerText().catch(() => '')) === FR.options_title!.message ? true : undefined), 10_000, 'the page in French');
    expect(await options.evaluate(() => document.documentElement.lang)).toBe('fr');
    await options.close();
    await useSettings(await browser.worker(), { uiLanguage: 'auto' });
  });
});
