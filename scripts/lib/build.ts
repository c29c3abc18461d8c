// Builds dist/<browser> when it is missing or older than any source it is made from, so
// `npm test` and `npm run bench` exercise the current code without rebuilding on every run. Test
// files run in parallel: a lock directory keeps two of them from building the same browser at once.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

export const ROOT = join(import.meta.dirname, '..', '..');
const SOURCES = ['extension', 'model', 'vite.config.ts', 'package.json', 'package-lock.json'];
const LOCK_TIMEOUT_MS = 180_000;

export type TargetBrowser = 'chrome' | 'firefox';

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path, { recursive: true, encoding: 'utf8' }).reduce((newest, name) => Math.max(newest, statSync(join(path, name)).mtimeMs), stat.mtimeMs);
}

/** UNSPIN_OUT_DIR (relative to the repository) puts test builds elsewhere, so parallel runs don't rebuild one another's. */
export const OUT_DIR = resolve(ROOT, process.env.UNSPIN_OUT_DIR ?? 'dist');

export function distDir(browser: TargetBrowser): string {
  return join(OUT_DIR, browser);
}

function isCurrent(browser: TargetBrowser): boolean {
  const manifest = join(distDir(browser), 'manifest.json');
  const sources = Math.max(...SOURCES.map((s) => join(ROOT, s)).filter(existsSync).map(newestMtime));
  return existsSync(manifest) && statSync(manifest).mtimeMs > sources;
}

async function withLock<T>(name: string, task: () => Promise<T>): Promise<T> {
  const lock = join(OUT_DIR, `.${name}.lock`);
  mkdirSync(OUT_DIR, { recursive: true });
  const deadline = Date.now() + LOCK_TIMEOUT_MS;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock older than the timeout was left by a killed run.
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (Date.now() > deadline || age > LOCK_TIMEOUT_MS) rmSync(lock, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  try {
    return await task();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Milliseconds the build took, or 0 when dist was current. */
export function ensureBuilt(browser: TargetBrowser): Promise<number> {
  return withLock(`build-${browser}`, async () => {
    if (isCurrent(browser)) return 0;
    const start = performance.now();
    const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
    await promisify(execFile)(process.execPath, [vite, 'build', '--mode', browser, '--logLevel', 'warn'], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 });
    return Math.round(performance.now() - start);
  });
}
