// npm run bench: the analysis core in Node (the same onnxruntime-web WASM path as the extension)
// and the built extension in Chromium. Prints one JSON object per line ({"metric", "value",
// "unit"}, with "target" and "pass" where the issue sets a target), then a table.
// Options: --node-only, --browser-only, --runs N (browser rounds, default 5), --json (JSON lines
// only), --data DIR (default ../shared/data). Builds dist/chrome first when it is missing or stale
// (UNSPIN_OUT_DIR moves it). Figures are noisy on a busy machine: compare the ratios, measured in
// the same run. See README.md, "Performance".
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { benchBrowser, directoryBytes, packageParts } from './lib/bench-browser';
import { benchArticles, loadTestSentences } from './lib/bench-corpus';
import { benchNode } from './lib/bench-node';
import { formatTable, jsonLine, makeMetric, parseBenchArgs, type Metric } from './lib/bench-report';
import { distDir, ensureBuilt, ROOT } from './lib/build';
import { CHROMIUM } from '../test/e2e/browser';

let options;
try {
  options = parseBenchArgs(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`bench: ${(error as Error).message}\n`);
  process.exit(2);
}
const log = (line: string) => {
  if (!options.json) process.stderr.write(`[bench] ${line}\n`);
};

const metrics: Metric[] = [];
function record(metric: string, value: number, unit: string): void {
  const m = makeMetric(metric, value, unit);
  metrics.push(m);
  process.stdout.write(`${jsonLine(m)}\n`);
}

let failed = false;
const dataDir = options.dataDir ?? join(ROOT, '..', 'shared', 'data');
log(`reading the test split of ${dataDir}`);
const test = loadTestSentences(dataDir);
const articles = benchArticles(test);
// The data files are large: their peak is apart from the model core's (node_peak_memory_mb, whole run).
const dataPeakMb = process.resourceUsage().maxRSS / 1024;
for (const [id, a] of Object.entries(articles)) log(`article ${id}: ${a.words} words, ${a.sentences} sentences (${a.manipulative} annotated manipulative), "${a.title}"`);

if (options.node) {
  log('model core in Node');
  record('node_data_load_peak_mb', dataPeakMb, 'MB');
  await benchNode(test, articles['20k_words'], record);
}

if (options.browser) {
  const built = await ensureBuilt('chrome');
  log(built ? `built ${distDir('chrome')} in ${built} ms` : `${distDir('chrome')} is current`);
  record('package_bytes', directoryBytes(distDir('chrome')), 'bytes');
  for (const [part, bytes] of Object.entries(packageParts(distDir('chrome')))) record(`package_${part}_bytes`, bytes, 'bytes');
  if (!existsSync(CHROMIUM)) {
    process.stderr.write(`bench: Chromium not found at ${CHROMIUM}: the in-browser figures are skipped. Install it (apt-get install -y chromium) or set CHROMIUM_PATH.\n`);
    failed = true;
  } else {
    log(`extension in ${CHROMIUM}, ${options.runs} rounds`);
    await benchBrowser({ extensionDir: distDir('chrome'), articles, runs: options.runs, record, log });
  }
}

if (!options.json) process.stdout.write(`\n${formatTable(metrics)}\n`);
process.exit(failed ? 1 : 0);
