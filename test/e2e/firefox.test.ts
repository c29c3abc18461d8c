// The Firefox package in Firefox ESR, when it is installed (CI installs Chromium only): the
// event page loads the model and analyses a fixture article read by the content script.
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TabState } from '../../extension/messages';
import { FIREFOX_ID } from '../../extension/manifest.config';
import { MODEL_LOAD_MEASURE } from '../../extension/background/assets';
import { serveFixtures, waitFor, type FixtureServer } from './browser';
import { distDir, ensureBuilt } from './build';
import { FIREFOX, launchFirefox, type FirefoxWithExtension } from './firefox';

describe.skipIf(!existsSync(FIREFOX))('extension in Firefox', () => {
  let server: FixtureServer;
  let firefox: FirefoxWithExtension;

  beforeAll(async () => {
    await ensureBuilt('firefox');
    server = await serveFixtures();
    firefox = await launchFirefox(distDir('firefox'), FIREFOX_ID);
  }, 180_000);

  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  it('analyses an article and sets the badge', async () => {
    const url = `${server.origin}/article.html`;
    const start = performance.now();
    const tabId = await firefox.evaluate<number>(`browser.tabs.create({ url: ${JSON.stringify(url)} }).then((tab) => tab.id)`);
    const state = await waitFor(async () => {
      const found = (await firefox.evaluate<Record<string, TabState>>(`browser.storage.session.get('tab:${tabId}')`))[`tab:${tabId}`];
      return found && found.status !== 'scanning' && found.status !== 'partial' ? found : undefined;
    }, 30_000, 'the analysis in Firefox');
    const modelLoad = await firefox.evaluate<number[]>(`performance.getEntriesByName('${MODEL_LOAD_MEASURE}').map((e) => Math.round(e.duration))`);
    console.log(`[e2e] Firefox: new tab -> cached result ${Math.round(performance.now() - start)} ms (first chunk -> result ${state.elapsedMs} ms; model load ${modelLoad.join(', ')} ms)`);
    expect(state.status).toBe('done');
    expect(state.analysis?.findings.length).toBeGreaterThan(0);
    expect(await firefox.evaluate<string>(`browser.action.getBadgeText({ tabId: ${tabId} })`)).toBe(String(state.analysis!.findings.length));
  });
});
