// npm run package: zips dist/chrome and dist/firefox (built by `npm run build`) into
// dist/unspin-<browser>-<version>.zip and records the sizes in dist/sizes.json.
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { zip } from './lib/zip';

const ROOT = join(import.meta.dirname, '..');
const DIST = join(ROOT, 'dist');
const BROWSERS = ['chrome', 'firefox'] as const;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile());
}

interface PackageSizes {
  zip: string;
  files: number;
  unpackedBytes: number;
  zipBytes: number;
  /** Unpacked bytes of the biggest parts. */
  parts: Record<string, number>;
}

function partOf(name: string): string {
  if (name.endsWith('.wasm') || name.endsWith('.wasm.gz')) return 'onnxruntime wasm';
  if (name.startsWith('model/')) return 'model artifacts';
  if (name.endsWith('.js')) return 'javascript';
  return 'other';
}

function packageBrowser(browser: (typeof BROWSERS)[number], version: string): PackageSizes {
  const dir = join(DIST, browser);
  const entries = filesUnder(dir).map((path) => ({ name: relative(dir, path).split(sep).join('/'), data: readFileSync(path) }));
  if (!entries.some((e) => e.name === 'manifest.json')) throw new Error(`${dir}: no manifest.json; run npm run build first`);
  const archive = zip(entries);
  const name = `unspin-${browser}-${version}.zip`;
  writeFileSync(join(DIST, name), archive);
  const parts: Record<string, number> = {};
  for (const e of entries) parts[partOf(e.name)] = (parts[partOf(e.name)] ?? 0) + e.data.length;
  return { zip: name, files: entries.length, unpackedBytes: entries.reduce((n, e) => n + e.data.length, 0), zipBytes: archive.length, parts };
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;

function main(): void {
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const sizes = Object.fromEntries(BROWSERS.map((b) => [b, packageBrowser(b, version)]));
  writeFileSync(join(DIST, 'sizes.json'), `${JSON.stringify({ version, ...sizes }, null, 2)}\n`);
  for (const [browser, s] of Object.entries(sizes)) {
    const parts = Object.entries(s.parts).map(([k, v]) => `${k} ${mb(v)}`).join(', ');
    console.log(`${s.zip}: ${mb(s.zipBytes)} zipped, ${mb(s.unpackedBytes)} unpacked in ${s.files} files (${parts}) [${browser}]`);
  }
}

main();
