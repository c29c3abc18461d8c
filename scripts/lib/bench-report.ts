// The benchmark's output: one JSON object per metric and line, then a readable table with each
// target and whether it was met. Pure functions (test/scripts/bench.test.ts).

export type Comparison = '>=' | '<=' | '<' | '>';

export interface Target {
  op: Comparison;
  value: number;
}

export interface Metric {
  metric: string;
  value: number;
  unit: string;
  /** "<= 1.5": present when the metric has a target. */
  target?: string;
  /** Whether the value meets the target; present when the metric has a target. */
  pass?: boolean;
}

/** The targets (and the model core's older size and load budgets), by metric name. */
export const TARGETS: Readonly<Record<string, Target>> = {
  classifier_sentences_per_s: { op: '>=', value: 20_000 },
  model_load_ms: { op: '<=', value: 200 },
  artifacts_bytes: { op: '<=', value: 12_000_000 },
  model_bytes: { op: '<=', value: 6_000_000 },
  package_bytes: { op: '<=', value: 20_000_000 },
  highlights_ms_20k_words: { op: '<', value: 300 },
  content_long_tasks: { op: '<=', value: 0 },
  content_longest_task_ms: { op: '<=', value: 50 },
  analysis_to_extraction_ratio: { op: '<=', value: 1.5 },
  page_load_ratio: { op: '<=', value: 1.1 },
};

export function meets(value: number, target: Target): boolean {
  switch (target.op) {
    case '>=':
      return value >= target.value;
    case '<=':
      return value <= target.value;
    case '<':
      return value < target.value;
    case '>':
      return value > target.value;
  }
}

/** Rounded to two decimals for ratios and small figures, to whole units from 100 up. */
export function roundValue(value: number): number {
  if (!Number.isFinite(value)) return value;
  return Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 100) / 100;
}

export function makeMetric(metric: string, value: number, unit: string, targets: Readonly<Record<string, Target>> = TARGETS): Metric {
  const target = targets[metric];
  const rounded = roundValue(value);
  return { metric, value: rounded, unit, ...(target ? { target: `${target.op} ${target.value}`, pass: meets(rounded, target) } : {}) };
}

/** One line of the JSON-lines output (no trailing newline). */
export function jsonLine(metric: Metric): string {
  return JSON.stringify(metric);
}

function status(metric: Metric): string {
  if (metric.pass === undefined) return '';
  return metric.pass ? 'pass' : 'MISS';
}

/** Thousands separators for big whole numbers; decimals as they are. */
export function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return Number.isInteger(value) && Math.abs(value) >= 10_000 ? value.toLocaleString('en-US') : String(value);
}

/** A fixed-width table: metric, value, unit, target, status; a summary line of targets met. */
export function formatTable(metrics: readonly Metric[]): string {
  const rows = [['metric', 'value', 'unit', 'target', 'status'], ...metrics.map((m) => [m.metric, formatValue(m.value), m.unit, m.target ?? '', status(m)])];
  const widths = rows[0].map((_, col) => Math.max(...rows.map((row) => row[col].length)));
  const line = (row: string[]) => row.map((cell, col) => (col === 1 ? cell.padStart(widths[col]) : cell.padEnd(widths[col]))).join('  ').trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const targeted = metrics.filter((m) => m.pass !== undefined);
  const summary = `targets met: ${targeted.filter((m) => m.pass).length} of ${targeted.length}`;
  return [line(rows[0]), rule, ...rows.slice(1).map(line), '', summary].join('\n');
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export interface BenchOptions {
  node: boolean;
  browser: boolean;
  runs: number;
  json: boolean;
  dataDir?: string;
}

/** `--node-only`, `--browser-only`, `--runs N`, `--json`, `--data DIR`. Throws on anything else. */
export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const options: BenchOptions = { node: true, browser: true, runs: 5, json: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [name, inline] = arg.split(/=(.*)/s, 2);
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${name} needs a value`);
      return v;
    };
    if (arg === '--node-only') options.browser = false;
    else if (arg === '--browser-only') options.node = false;
    else if (arg === '--json') options.json = true;
    else if (name === '--runs') {
      const runs = Number(value());
      if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs needs a whole number of at least 1');
      options.runs = runs;
    } else if (name === '--data') options.dataDir = value();
    else throw new Error(`unknown option ${arg} (use --node-only, --browser-only, --runs N, --json, --data DIR)`);
  }
  if (!options.node && !options.browser) throw new Error('--node-only and --browser-only exclude each other');
  return options;
}
