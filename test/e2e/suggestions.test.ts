// End to end in Chromium: what to do about a flagged page. A fixture article served under a rated
// site's name (the host resolver maps it to the local fixture server; nothing leaves the machine)
// gets, from the built extension: a neutral rewording of its loaded sentence, the sentence that
// resembles a debunked claim, what the source lists say about the site, the clickbait headline's
// spoiler, and the technique guidance - in the cached analysis and in the popup.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTEXT_LOOKUP_MEASURE } from '../../extension/background/assets';
import type { TabState } from '../../extension/messages';
import { CHROMIUM, doneState, launchWithExtension, pointAt, serveFixtures, type ExtensionBrowser, type FixtureServer } from './browser';
import { distDir, ensureBuilt } from './build';

const SCREENSHOTS = join(__dirname, '..', '..', 'dist', 'screenshots');
const log = (line: string) => console.log(`[e2e] ${line}`);
/** A site the bundled lists rate (OpenSources: satire; MBFC; Lin et al.). */
const RATED_HOST = 'www.theonion.com';
const LOADED = 'The mayor slammed the disastrous plan of the so-called experts who had wanted to build a second parking garage.';
const CLAIM = 'A widely shared post claims that Poland and Lithuania are destabilising Belarus in order to turn it into a Russophobic limitrophe state.';

describe.skipIf(!existsSync(CHROMIUM))('suggestions and context, in Chromium', () => {
  let server: FixtureServer;
  let browser: ExtensionBrowser;
  let pageUrl: string;

  beforeAll(async () => {
    await ensureBuilt('chrome');
    server = await serveFixtures();
    const port = new URL(server.origin).port;
    browser = await launchWithExtension(distDir('chrome'), [`--host-resolver-rules=MAP ${RATED_HOST} 127.0.0.1`]);
    pageUrl = `http://${RATED_HOST}:${port}/suggestions.html`;
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function analysed(): Promise<[number, TabState]> {
    return doneState(browser, pageUrl, 'the analysis of the suggestions fixture');
  }

  it('computes all five on the device: rewording, claim match, source lists, spoiler, guidance', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 900, height: 700 });
    await page.goto(pageUrl);
    const [, state] = await analysed();
    const analysis = state.analysis!;
    const worker = await browser.worker();
    const lookups = await worker.evaluate((name) => performance.getEntriesByName(name).map((e) => Math.round(e.duration * 10) / 10), CONTEXT_LOOKUP_MEASURE);
    log(`claim + source lookup for the page: ${lookups.join(', ')} ms (${analysis.sentenceCount} sentences)`);

    const loaded = analysis.findings.find((f) => f.sentence.text === LOADED);
    expect(loaded?.suggestion.rewording?.text).toBe('The mayor criticised the plan of the experts who had wanted to build a second parking garage.');
    expect(loaded?.suggestion.question.length).toBeGreaterThan(10);

    expect(analysis.claims?.map((c) => c.sentence.text)).toEqual([CLAIM]);
    expect(analysis.claims?.[0].matches[0]).toMatchObject({ source: 'EUvsDisinfo', url: expect.stringMatching(/^https:\/\/euvsdisinfo\.eu\/report\//) });
    expect(analysis.categories.find((c) => c.id === 'claims')).toEqual({ id: 'claims', score: 50, flagged: 1 });

    expect(analysis.source?.domain).toBe('theonion.com');
    expect(analysis.source?.ratings.map((r) => r.list)).toEqual(['OpenSources', 'MBFC via Baly et al.', 'Lin et al.']);
    expect(analysis.categories.some((c) => c.id === 'source')).toBe(true);

    const headline = analysis.findings.find((f) => f.isHeadline);
    expect(headline?.labels.map((l) => l.label)).toContain('clickbait');
    expect(headline?.suggestion.spoiler?.sentence.text).toMatch(/voted seven to two to move the remaining 1\.2 million euros/);
    expect(headline?.suggestion.spoiler?.headline.length).toBeGreaterThan(20);

    // Nothing was fetched for any of it: every request of the run went to the fixture page.
    const external = browser.requests.filter((r) => !r.url.startsWith(server.origin) && !r.url.startsWith(`http://${RATED_HOST}:`) && !r.url.startsWith('chrome-extension://'));
    expect(external).toEqual([]);

    // The in-page card of the loaded sentence, with its rewording (closed shadow root: a screenshot sees it).
    const point = await pointAt(page, LOADED);
    expect(point).not.toBeNull();
    await page.mouse.move(point!.x, point!.y);
    await page.waitForTimeout(600);
    await page.screenshot({ path: join(SCREENSHOTS, 'card-rewording.png') });
  });

  it('shows them in the popup', async () => {
    const [tabId] = await analysed();
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 400, height: 900 });
    await popup.goto(`chrome-extension://${browser.extensionId}/extension/popup/index.html?tabId=${tabId}`);
    await popup.waitForSelector('.finding');
    const text = (await popup.evaluate(() => document.body.innerText)).replace(/\s+/g, ' ');
    // The rewording as a diff: removed words struck through, the replacement inserted.
    expect(await popup.$$eval('del', (nodes) => nodes.map((n) => n.textContent?.trim()))).toEqual(expect.arrayContaining(['slammed', 'so-called']));
    expect(await popup.$$eval('ins', (nodes) => nodes.map((n) => n.textContent?.trim()))).toContain('criticised');
    expect(text).toContain('EUvsDisinfo');
    expect(text).toMatch(/not a verdict on this page/i);
    expect(text).toContain('OpenSources (2017)');
    expect(text).toMatch(/voted seven to two/);
    await popup.screenshot({ path: join(SCREENSHOTS, 'popup-suggestions.png'), fullPage: true });
  });
});
