// The build helpers live in scripts/lib/build.ts (the benchmark uses them too).
export { distDir, ensureBuilt, OUT_DIR, ROOT, type TargetBrowser } from '../../scripts/lib/build';
