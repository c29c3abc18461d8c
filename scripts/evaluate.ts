// npm run -s evaluate -- --task <clickbait|propaganda|loaded|techniques> --data FILE.jsonl [--json]
// Scores every line with the committed model, through the same analysis path as the extension.
import { readFileSync } from 'node:fs';
import { detectLanguage } from '../model/language';
import { ANY_TECHNIQUE, CLICKBAIT, LABEL_INDEX, LOADED, TECHNIQUE_NAMES, isTechnique, type Label } from '../model/labels';
import { thresholdFor } from '../model/manifest';
import { addCounts, metricsOf, type BinaryCounts } from '../model/metrics';
import { loadNodeAnalyzer } from './lib/node-model';
import { parseFlags } from './training/options';

const BINARY_TASKS: Record<string, Label> = { clickbait: CLICKBAIT, propaganda: ANY_TECHNIQUE, loaded: LOADED };
const TASKS = [...Object.keys(BINARY_TASKS), 'techniques'];

class UsageError extends Error {}
class InputError extends Error {}

interface Row {
  text: string;
  label?: 0 | 1;
  techniques?: string[];
}

function parseRows(file: string, task: string): Row[] {
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const rows: Row[] = [];
  content.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const where = `${file}:${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new InputError(`${where}: not valid JSON`);
    }
    const row = value as Record<string, unknown>;
    if (typeof row !== 'object' || row === null || Array.isArray(row)) throw new InputError(`${where}: expected a JSON object`);
    if (typeof row.text !== 'string') throw new InputError(`${where}: "text" must be a string`);
    if (task === 'techniques') {
      const techniques = row.techniques;
      if (!Array.isArray(techniques) || techniques.some((t) => typeof t !== 'string')) throw new InputError(`${where}: "techniques" must be an array of technique names`);
      const unknown = techniques.find((t) => !isTechnique(t));
      if (unknown !== undefined) throw new InputError(`${where}: unknown technique "${unknown}" (use the SemEval-2023 names)`);
      rows.push({ text: row.text, techniques });
    } else {
      if (row.label !== 0 && row.label !== 1) throw new InputError(`${where}: "label" must be 0 or 1`);
      rows.push({ text: row.text, label: row.label });
    }
  });
  return rows;
}

function count(predicted: boolean, gold: boolean, c: BinaryCounts): void {
  if (gold) predicted ? c.tp++ : c.fn++;
  else predicted ? c.fp++ : c.tn++;
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;

async function main(): Promise<void> {
  const { flags } = parseFlags(process.argv.slice(2));
  const task = flags.task;
  if (typeof task !== 'string' || !TASKS.includes(task)) throw new UsageError(`--task must be one of ${TASKS.join(', ')}`);
  if (typeof flags.data !== 'string') throw new UsageError('--data FILE.jsonl is required');
  const rows = parseRows(flags.data, task);
  const analyzer = await loadNodeAnalyzer();
  const scores = await analyzer.scoreTexts(rows.map((r) => r.text));
  const languages = rows.map((r) => detectLanguage(r.text).code);
  const decide = (i: number, label: Label) => scores[i][LABEL_INDEX[label]] >= thresholdFor(analyzer.manifest, label, languages[i]);

  let result: Record<string, unknown>;
  if (task === 'techniques') {
    const perLabel: Record<string, ReturnType<typeof metricsOf>> = {};
    let total: BinaryCounts = { tp: 0, fp: 0, fn: 0, tn: 0 };
    for (const name of TECHNIQUE_NAMES) {
      const c = { tp: 0, fp: 0, fn: 0, tn: 0 };
      rows.forEach((row, i) => count(decide(i, name), row.techniques!.includes(name), c));
      total = addCounts(total, c);
      perLabel[name] = metricsOf(c);
    }
    const micro = metricsOf(total);
    const present = TECHNIQUE_NAMES.filter((n) => perLabel[n].support > 0);
    const macro = present.reduce((sum, n) => sum + perLabel[n].f1, 0) / Math.max(1, present.length);
    result = {
      task,
      n: rows.length,
      micro_precision: r3(micro.precision),
      micro_recall: r3(micro.recall),
      micro_f1: r3(micro.f1),
      macro_f1: r3(macro),
      per_label: Object.fromEntries(TECHNIQUE_NAMES.map((n) => [n, { precision: r3(perLabel[n].precision), recall: r3(perLabel[n].recall), f1: r3(perLabel[n].f1), support: perLabel[n].support }])),
    };
  } else {
    const c = { tp: 0, fp: 0, fn: 0, tn: 0 };
    rows.forEach((row, i) => count(decide(i, BINARY_TASKS[task]), row.label === 1, c));
    const m = metricsOf(c);
    result = { task, n: rows.length, precision: r3(m.precision), recall: r3(m.recall), f1: r3(m.f1), accuracy: r3(m.accuracy) };
  }
  if (flags.json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else printTable(result);
}

function printTable(result: Record<string, unknown>): void {
  const lines = [`task ${result.task}: ${result.n} texts`];
  for (const key of ['precision', 'recall', 'f1', 'accuracy', 'micro_precision', 'micro_recall', 'micro_f1', 'macro_f1']) {
    if (key in result) lines.push(`${key.padEnd(16)} ${(result[key] as number).toFixed(3)}`);
  }
  const perLabel = result.per_label as Record<string, { precision: number; recall: number; f1: number; support: number }> | undefined;
  if (perLabel) {
    lines.push('', `${'technique'.padEnd(34)} precision  recall     f1  support`);
    for (const [name, m] of Object.entries(perLabel)) lines.push(`${name.padEnd(34)} ${m.precision.toFixed(3).padStart(9)} ${m.recall.toFixed(3).padStart(7)} ${m.f1.toFixed(3).padStart(6)} ${String(m.support).padStart(8)}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    process.stderr.write(`usage: evaluate --task <${TASKS.join('|')}> --data FILE.jsonl [--json]\nerror: ${error.message}\n`);
    process.exit(2);
  }
  if (error instanceof InputError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`evaluate failed: ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
