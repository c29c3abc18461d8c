// The built packages: what the manifests ask for, what ships, and Firefox's linter.
import { execFile } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIREFOX_ID } from '../../extension/manifest.config';
import { ASSETS, modelAsset } from '../../extension/background/assets';
import { CONTEXT_FILES } from '../../model/context';
import { ROOT, distDir, ensureBuilt, type TargetBrowser } from './build';

const BROWSERS: TargetBrowser[] = ['chrome', 'firefox'];
const CSP = "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'";

interface BuiltManifest {
  manifest_version: number;
  permissions?: string[];
  commands?: Record<string, { suggested_key?: Record<string, string>; description?: string }>;
  host_permissions?: string[];
  optional_host_permissions?: string[];
  web_accessible_resources?: unknown;
  content_security_policy?: { extension_pages?: string };
  content_scripts?: unknown;
  background: { service_worker?: string; scripts?: string[]; type?: string };
  browser_specific_settings?: { gecko?: { id?: string; strict_min_version?: string; data_collection_permissions?: { required?: string[] } } };
}

const manifestOf = (browser: TargetBrowser) => JSON.parse(readFileSync(join(distDir(browser), 'manifest.json'), 'utf8')) as BuiltManifest;
const read = (browser: TargetBrowser, file: string) => readFileSync(join(distDir(browser), file));
const filesOf = (browser: TargetBrowser) => readdirSync(distDir(browser), { recursive: true, encoding: 'utf8' });

/** The files a module statically imports, relative to the package root. */
function moduleGraph(browser: TargetBrowser, entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const code = read(browser, entry).toString('utf8');
  for (const [, path] of code.matchAll(/\bimport\s*(?:[\w${},*\s]+from\s*)?["'](\.{1,2}\/[^"']+)["']/g)) moduleGraph(browser, join(entry, '..', path), seen);
  return seen;
}

describe('built packages', () => {
  beforeAll(async () => {
    for (const browser of BROWSERS) await ensureBuilt(browser);
  }, 180_000);

  it.each(BROWSERS)('%s: reads no site at install (activeTab, optional host permissions), with the wasm CSP and nothing web-accessible', (browser) => {
    const manifest = manifestOf(browser);
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.permissions).toEqual(['storage', 'contextMenus', 'activeTab', 'scripting']);
    // Web pages only when the user allows it at runtime (extension/access.ts); no content script declared.
    expect(manifest.optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);
    expect(manifest.content_scripts).toBeUndefined();
    // "Check what I selected": one keyboard command, which needs no permission.
    expect(manifest.commands).toEqual({ 'check-selection': { suggested_key: { default: 'Alt+Shift+U', mac: 'MacCtrl+Shift+U' }, description: expect.any(String) } });
    expect(manifest.host_permissions).toBeUndefined();
    expect(manifest.web_accessible_resources).toBeUndefined();
    expect(manifest.content_security_policy?.extension_pages).toBe(CSP);
  });

  it('differs between browsers only where they do', () => {
    const chrome = manifestOf('chrome');
    const firefox = manifestOf('firefox');
    expect(chrome.background).toEqual({ service_worker: expect.any(String), type: 'module' });
    expect(chrome.browser_specific_settings).toBeUndefined();
    expect(firefox.background).toEqual({ scripts: [expect.any(String)], type: 'module' });
    expect(firefox.browser_specific_settings?.gecko).toEqual({ id: FIREFOX_ID, strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } });
  });

  it.each(BROWSERS)('%s: the content script is one classic script', (browser) => {
    const code = read(browser, ASSETS.contentScript).toString('utf8');
    // A classic script parses as a function body: no import/export statements, no import.meta.
    expect(() => new Function(code)).not.toThrow();
    expect(code).not.toMatch(/\bimport\s*\(/);
  });

  it.each(BROWSERS)('%s: nothing the background loads uses import()', (browser) => {
    const manifest = manifestOf(browser);
    const entry = manifest.background.service_worker ?? manifest.background.scripts![0];
    const graph = moduleGraph(browser, entry);
    expect(graph.size).toBeGreaterThan(1);
    for (const file of graph) expect(read(browser, file).toString('utf8'), file).not.toMatch(/\bimport\s*\(/);
  });

  it.each(BROWSERS)('%s: ships the model and the one ONNX Runtime binary it uses', (browser) => {
    const require = createRequire(import.meta.url);
    const wasm = filesOf(browser).filter((f) => f.endsWith('.wasm'));
    // The binary ships gzip-compressed (no plain .wasm at all) and inflates to ORT's own, byte for byte.
    expect(wasm).toEqual([]);
    expect(filesOf(browser).filter((f) => /\.wasm(\.gz)?$/.test(f))).toEqual([ASSETS.ortWasm]);
    expect(gunzipSync(read(browser, ASSETS.ortWasm)).equals(readFileSync(require.resolve('onnxruntime-web/ort-wasm-simd-threaded.wasm')))).toBe(true);
    const artifacts = join(ROOT, 'model', 'artifacts');
    const { modelFile } = JSON.parse(readFileSync(join(artifacts, 'manifest.json'), 'utf8')) as { modelFile: string };
    expect(read(browser, ASSETS.modelManifest).equals(readFileSync(join(artifacts, 'manifest.json')))).toBe(true);
    expect(gunzipSync(read(browser, modelAsset(modelFile))).equals(readFileSync(join(artifacts, modelFile)))).toBe(true);
  });

  it.each(BROWSERS)('%s: ships the context artifacts gzip-compressed and byte-identical once inflated', (browser) => {
    const artifacts = join(ROOT, 'model', 'artifacts');
    for (const name of Object.keys(CONTEXT_FILES) as (keyof typeof CONTEXT_FILES)[]) {
      expect(gunzipSync(read(browser, ASSETS.context[name])).equals(readFileSync(join(artifacts, CONTEXT_FILES[name]))), name).toBe(true);
    }
  });

  it('passes web-ext lint for Firefox with no errors', async () => {
    const webExt = join(ROOT, 'node_modules', 'web-ext', 'bin', 'web-ext.js');
    const run = promisify(execFile)(process.execPath, [webExt, 'lint', '--source-dir', distDir('firefox'), '--output', 'json', '--no-config-discovery'], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 });
    const { stdout } = await run.catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
    const report = JSON.parse(stdout) as { count: number; summary: { errors: number; warnings: number }; errors: { code: string; message: string }[] };
    expect(report.errors.map((e) => `${e.code}: ${e.message}`)).toEqual([]);
    expect(report.summary.errors).toBe(0);
  }, 120_000);
});
