// scripts/evaluate.ts: the evaluation CLI, run as a user would. Scores depend on the committed
// model, so only the shape of the output, the counts and the error handling are checked.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TECHNIQUE_NAMES } from '../../model/labels';

const ROOT = resolve(__dirname, '..', '..');
const CLI_TIMEOUT = 120_000;
const work = mkdtempSync(join(tmpdir(), 'unspin-evaluate-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function evaluate(args: string[]) {
  // node --import tsx rather than npx: npm may print its own warnings on stderr.
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'evaluate.ts'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: CLI_TIMEOUT });
  if (result.error) throw result.error;
  return result;
}

function fixture(name: string, lines: unknown[]): string {
  const file = join(work, name);
  writeFileSync(file, `${lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n')}\n`);
  return file;
}

const expectUnit = (x: unknown) => {
  expect(typeof x).toBe('number');
  expect(x as number).toBeGreaterThanOrEqual(0);
  expect(x as number).toBeLessThanOrEqual(1);
};

const BINARY_ROWS = [
  { text: 'These corrupt traitors are destroying our great nation!', label: 1 },
  { text: 'The meeting started at 9 a.m. on Tuesday.', label: 0 },
  { text: 'Only a total idiot would believe these disgusting liars.', label: 1 },
  { text: 'The report has 40 pages and two appendices.', label: 0 },
  { text: 'Rain is expected on Thursday in the north.', label: 0 },
];

describe('evaluate CLI', () => {
  it.each(['loaded', 'propaganda', 'clickbait'])('prints exactly the binary keys for --task %s --json, with n = the number of rows', (task) => {
    // A blank line in the middle is not a row.
    const file = fixture(`${task}.jsonl`, [...BINARY_ROWS.slice(0, 2), '', ...BINARY_ROWS.slice(2)]);
    const result = evaluate(['--task', task, '--data', file, '--json']);
    expect(result.status, result.stderr).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const output = JSON.parse(lines[0]);
    expect(Object.keys(output).sort()).toEqual(['accuracy', 'f1', 'n', 'precision', 'recall', 'task']);
    expect(output.task).toBe(task);
    expect(output.n).toBe(BINARY_ROWS.length);
    for (const key of ['precision', 'recall', 'f1', 'accuracy']) expectUnit(output[key]);
    // Accuracy is a count out of 5 (rounded to 3 decimals).
    expect([0, 0.2, 0.4, 0.6, 0.8, 1]).toContain(output.accuracy);
  }, CLI_TIMEOUT);

  it('prints the technique keys and one entry per technique for --task techniques --json', () => {
    const rows = [
      { text: 'These corrupt traitors are destroying our great nation!', techniques: ['Loaded_Language', 'Name_Calling-Labeling'] },
      { text: 'If we do not act now, our children will inherit a wasteland.', techniques: ['Appeal_to_Fear-Prejudice'] },
      { text: 'The report has 40 pages.', techniques: [] },
    ];
    const file = fixture('techniques.jsonl', rows);
    const result = evaluate(['--task', 'techniques', '--data', file, '--json']);
    expect(result.status, result.stderr).toBe(0);
    const output = JSON.parse(result.stdout);
    const keys = Object.keys(output);
    for (const key of ['task', 'n', 'micro_f1', 'macro_f1', 'per_label']) expect(keys).toContain(key);
    // Anything else is a micro_* figure.
    for (const key of keys.filter((k) => !['task', 'n', 'macro_f1', 'per_label'].includes(k))) expect(key).toMatch(/^micro_/);
    expect(output.task).toBe('techniques');
    expect(output.n).toBe(3);
    expectUnit(output.micro_f1);
    expectUnit(output.macro_f1);
    expect(Object.keys(output.per_label).sort()).toEqual([...TECHNIQUE_NAMES].sort());
    for (const [name, m] of Object.entries(output.per_label as Record<string, Record<string, number>>)) {
      expect(Object.keys(m).sort()).toEqual(['f1', 'precision', 'recall', 'support']);
      const support = rows.filter((r) => r.techniques.includes(name)).length;
      expect(m.support, name).toBe(support);
      expectUnit(m.precision);
      expectUnit(m.recall);
      expectUnit(m.f1);
      // A technique nobody has cannot be recalled.
      if (support === 0) expect(m.recall).toBe(0);
    }
  }, CLI_TIMEOUT);

  it('prints a readable table without --json', () => {
    const file = fixture('table.jsonl', BINARY_ROWS);
    const result = evaluate(['--task', 'loaded', '--data', file]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^task loaded: 5 texts$/m);
    expect(result.stdout).toMatch(/^f1\s+\d\.\d{3}$/m);
  }, CLI_TIMEOUT);

  describe('refuses malformed input with exit code 2 and file:line on stderr', () => {
    const good = JSON.stringify(BINARY_ROWS[0]);
    it.each([
      ['bad JSON', 'loaded', [good, good, '{"text": "unterminated', good], 3, /not valid JSON/],
      ['a row that is not an object', 'loaded', [good, '[1, 2]'], 2, /JSON object/],
      ['missing text', 'loaded', [good, good, good, '{"label": 1}'], 4, /"text"/],
      ['text that is not a string', 'loaded', [good, '{"text": 42, "label": 0}'], 2, /"text"/],
      ['label 2', 'propaganda', [good, '{"text": "Hello there.", "label": 2}'], 2, /"label" must be 0 or 1/],
      ['label "1" as a string', 'clickbait', ['{"text": "Hello there.", "label": "1"}'], 1, /"label" must be 0 or 1/],
      ['unknown technique', 'techniques', ['{"text": "a", "techniques": []}', '{"text": "b", "techniques": ["Loaded_Language", "Mind_Control"]}'], 2, /unknown technique "Mind_Control"/],
      ['techniques not an array', 'techniques', ['{"text": "a", "techniques": "Loaded_Language"}'], 1, /"techniques"/],
    ] as const)('%s', (name, task, lines, line, reason) => {
      const file = fixture(`bad-${name.replace(/\W+/g, '-')}.jsonl`, [...lines]);
      const result = evaluate(['--task', task, '--data', file, '--json']);
      expect(result.status, result.stderr).toBe(2);
      expect(result.stderr.startsWith(`${file}:${line}: `), result.stderr).toBe(true);
      expect(result.stderr).toMatch(reason);
      expect(result.stdout).toBe('');
    }, CLI_TIMEOUT);
  });

  it('refuses an unknown --task with exit code 2 and the list of tasks', () => {
    const file = fixture('any.jsonl', BINARY_ROWS);
    const result = evaluate(['--task', 'sarcasm', '--data', file, '--json']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^usage: evaluate/);
    for (const task of ['clickbait', 'propaganda', 'loaded', 'techniques']) expect(result.stderr).toContain(task);
    expect(result.stdout).toBe('');
  }, CLI_TIMEOUT);

  it('refuses a missing --data or --task with exit code 2', () => {
    expect(evaluate(['--task', 'loaded']).status).toBe(2);
    expect(evaluate(['--data', fixture('x.jsonl', BINARY_ROWS)]).status).toBe(2);
    expect(evaluate(['--task', 'loaded', '--data']).status).toBe(2);
  }, CLI_TIMEOUT);

  it('names a data file that does not exist, with exit code 2', () => {
    const missing = join(work, 'missing.jsonl');
    const result = evaluate(['--task', 'loaded', '--data', missing]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(missing);
    expect(result.stderr).toContain('ENOENT');
  }, CLI_TIMEOUT);
});
