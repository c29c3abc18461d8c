import { chromium, type BrowserContext } from 'playwright-core';
import { createServer } from 'node:http';
import { mkdtempSync } from 'node:fs';
const words = 'the minister said that the new policy would change everything for the people of the region and beyond'.split(' ');
let body = '<!doctype html><html><head><title>Long article</title></head><body><article><h1>Headline here</h1>';
for (let p = 0; p < 1000; p++) { let s = '<p>'; for (let w = 0; w < 20; w++) s += words[(p * 7 + w) % words.length] + ' '; body += s + '.</p>'; }
body += '</article></body></html>';
const server = createServer((_q, r) => r.writeHead(200, { 'content-type': 'text/html' }).end(body));
await new Promise<void>((res) => server.listen(0, '127.0.0.1', res));
const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
async function launch(dir?: string): Promise<BrowserContext> {
  const args = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'];
  if (dir) args.push(`--disable-extensions-except=${dir}`, `--load-extension=${dir}`);
  return chromium.launchPersistentContext(mkdtempSync('/tmp/lr/p-'), { executablePath: '/usr/bin/chromium', headless: true, args });
}
const variants: Record<string, BrowserContext> = { none: await launch(), empty: await launch('/tmp/lr/B'), full: await launch('/tmp/lr/A') };
await new Promise((r) => setTimeout(r, 3000));
const res: Record<string, number[][]> = { none: [], empty: [], full: [] };
for (let i = 0; i < 12; i++) for (const [name, ctx] of Object.entries(variants)) {
  const page = await ctx.newPage();
  await page.goto(`${origin}/a${i}`, { waitUntil: 'load' });
  const t = await page.evaluate(() => { const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming; return [n.domContentLoadedEventEnd, n.loadEventEnd]; });
  res[name].push(t);
  await page.waitForTimeout(name === 'full' ? 1500 : 200);
  await page.close();
}
const med = (a: number[]) => a.sort((x, y) => x - y)[Math.floor(a.length / 2)];
for (const [name, rows] of Object.entries(res)) console.log(name, 'DCL', Math.round(med(rows.map((r) => r[0]))), 'load', Math.round(med(rows.map((r) => r[1]))), 'DCL->load', Math.round(med(rows.map((r) => r[1] - r[0]))));
for (const c of Object.values(variants)) await c.close();
server.close();
