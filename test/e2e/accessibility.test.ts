// Accessibility of Unspin's own pages in Chromium, checked by axe-core (WCAG 2.1 A and AA rules:
// contrast, names and roles, labels, keyboard focusability) in light and dark mode: the popup on a
// real analysis, the settings, workshop and history pages.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, launchWithExtension, serveFixtures, storedStates, useSettings, waitFor, type ExtensionBrowser, type FixtureServer } from './browser';
import { distDir, ensureBuilt } from './build';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's WCAG A/AA violations on the page (evaluated through DevTools: the page's CSP does not apply). */
async function violations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: unknown): Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations;
  });
  return found.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} at ${n.target.join(' ')}`));
}

describe.skipIf(!existsSync(CHROMIUM))('accessibility of the extension pages (axe-core, WCAG 2.1 AA)', () => {
  let server: FixtureServer;
  let browser: ExtensionBrowser;
  let tabId: number;

  beforeAll(async () => {
    await ensureBuilt('chrome');
    server = await serveFixtures();
    browser = await launchWithExtension(distDir('chrome'));
    await useSettings(await browser.worker(), { sensitivity: 'balanced' });
    const article = await browser.context.newPage();
    const url = `${server.origin}/suggestions.html`;
    await article.goto(url);
    tabId = await waitFor(async () => {
      const entry = Object.entries(await storedStates(await browser.worker())).find(([, s]) => s.url === url && s.status === 'done');
      return entry ? Number(entry[0]) : undefined;
    }, 60_000, 'the analysis');
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const pages: [string, () => string, string][] = [
    ['popup, with findings, claims and suggestions', () => `extension/popup/index.html?tabId=${tabId}`, '.finding'],
    ['settings', () => 'extension/options/index.html', 'h1'],
    ['workshop', () => 'extension/workshop/index.html', 'h1'],
    ['history and insights', () => 'extension/history/index.html', 'h1'],
  ];

  it('would catch a violation (the check is live): low-contrast text and an unlabelled button', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/extension/options/index.html`);
    await page.waitForSelector('h1');
    await page.evaluate(() => {
      const faint = document.createElement('p');
      faint.textContent = 'Faint text';
      faint.style.cssText = 'color:#c8c8c8;background:#ffffff';
      const button = document.createElement('button');
      document.body.append(faint, button);
    });
    const found = await violations(page);
    expect(found.some((v) => v.startsWith('color-contrast'))).toBe(true);
    expect(found.some((v) => v.startsWith('button-name'))).toBe(true);
    await page.close();
  }, 60_000);

  for (const scheme of ['light', 'dark'] as const) {
    it.each(pages)(`%s (${scheme} mode)`, async (_name, path, ready) => {
      const page = await browser.context.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`chrome-extension://${browser.extensionId}/${path()}`);
      await page.waitForSelector(ready);
      expect(await violations(page)).toEqual([]);
      await page.close();
    }, 60_000);
  }
});
