// `npm run train` must regenerate the committed artifacts byte for byte, and fail on a
// malformed data file naming the file and line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..', '..');
const DATA = resolve(ROOT, '..', 'shared', 'data');
const work = mkdtempSync(join(tmpdir(), 'unspin-train-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function train(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'train.ts'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 15 * 60_000 });
}

describe.skipIf(!existsSync(DATA))('npm run train', () => {
  it('reproduces the committed artifacts byte for byte', () => {
    const out = join(work, 'artifacts');
    const result = train(['--out', out]);
    expect(result.status, result.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['manifest.json', 'unspin.onnx']);
    // Training writes the model and its manifest; the other artifacts have builders of their own.
    for (const file of readdirSync(out)) {
      const committed = readFileSync(join(ROOT, 'model', 'artifacts', file));
      const rebuilt = readFileSync(join(out, file));
      expect(rebuilt.equals(committed), `${file} differs from the committed artifact`).toBe(true);
    }
  }, 15 * 60_000);

  it('names the file and line of a malformed data row and exits 2', () => {
    // A copy of the data directory made of links, with one file replaced by a broken one.
    const data = join(work, 'data');
    mkdirSync(data);
    for (const entry of readdirSync(DATA)) if (entry !== 'bias_wnc_sample') symlinkSync(join(DATA, entry), join(data, entry));
    mkdirSync(join(data, 'bias_wnc_sample'));
    const good = readFileSync(join(DATA, 'bias_wnc_sample', 'train.jsonl'), 'utf8').split('\n');
    writeFileSync(join(data, 'bias_wnc_sample', 'train.jsonl'), [good[0], good[1], '{"id": "x", "biased": "unterminated', good[2]].join('\n'));
    const result = train(['--data', data, '--out', join(work, 'broken')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`${join(data, 'bias_wnc_sample', 'train.jsonl')}:3: not valid JSON`);
    expect(existsSync(join(work, 'broken'))).toBe(false);
  }, 15 * 60_000);
});
