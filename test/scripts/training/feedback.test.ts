// scripts/training/feedback.ts: the JSONL a reader exports from the extension, parsed and checked
// line by line, turned into train-split examples for the named label only, never val or test.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ANY_TECHNIQUE, CLICKBAIT, LABELS, LABEL_INDEX, LOADED } from '../../../model/labels';
import { MASKED, type Example } from '../../../scripts/training/datasets';
import { addFeedback, FEEDBACK_SOURCE, loadFeedback } from '../../../scripts/training/feedback';
import { DataFileError } from '../../../scripts/training/jsonl';
import { feedbackJsonl, type FeedbackEntry } from '../../../extension/feedback';

const ROOT = resolve(__dirname, '..', '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'unspin-feedback-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

const targetsOf = (e: Example) => Object.fromEntries(LABELS.map((label, i) => [label, e.targets[i]]).filter(([, v]) => v !== MASKED));

describe('loadFeedback', () => {
  it('reads what the extension exports: each verdict one train example for its label, the others masked', () => {
    const entries: FeedbackEntry[] = [
      { version: 1, text: 'They are traitors!', label: 'Name_Calling-Labeling', verdict: 'correct', url: 'https://a.example/', findingId: 's0-18', at: 1, lang: 'en' },
      { version: 1, text: 'The council met on Tuesday.', label: 'Name_Calling-Labeling', verdict: 'not_manipulative', url: 'https://a.example/', findingId: 's19-46', at: 2, lang: 'en' },
      { version: 1, text: 'A calm, well-sourced report.', label: LOADED, verdict: 'not_manipulative', url: 'https://a.example/', findingId: 's47-80', at: 3 },
      { version: 1, text: 'You won’t believe this', label: CLICKBAIT, verdict: 'correct', url: 'https://b.example/', findingId: 'headline', at: 4, lang: 'es' },
    ];
    const { examples, report } = loadFeedback(file('export.jsonl', feedbackJsonl(entries).trimEnd().split('\n')));
    expect(report).toMatchObject({ examples: 4, superseded: 0, byVerdict: { correct: 2, not_manipulative: 2 } });
    expect(examples.every((e) => e.split === 'train' && e.source === FEEDBACK_SOURCE)).toBe(true);
    expect(examples.map((e) => [e.text, e.lang, targetsOf(e)])).toEqual([
      ['They are traitors!', 'en', { 'Name_Calling-Labeling': 1, [ANY_TECHNIQUE]: 1 }],
      ['The council met on Tuesday.', 'en', { 'Name_Calling-Labeling': 0, [ANY_TECHNIQUE]: 0 }],
      ['A calm, well-sourced report.', 'und', { [LOADED]: 0 }],
      ['You won’t believe this', 'es', { [CLICKBAIT]: 1 }],
    ]);
  });

  it('keeps the later of two verdicts on the same text and label', () => {
    const { examples, report } = loadFeedback(file('twice.jsonl', ['{"text":"A.","label":"Slogans","verdict":"correct"}', '', '{"text":"A.","label":"Slogans","verdict":"not_manipulative"}']));
    expect(report.superseded).toBe(1);
    expect(examples.map((e) => e.targets[LABEL_INDEX.Slogans])).toEqual([0]);
  });

  it('refuses a bad line naming the file and line', () => {
    const bad = (name: string, line: string) => () => loadFeedback(file(name, ['{"text":"Fine.","label":"Slogans","verdict":"correct"}', line]));
    expect(bad('label.jsonl', '{"text":"A.","label":"Propaganda","verdict":"correct"}')).toThrow(DataFileError);
    expect(bad('label.jsonl', '{"text":"A.","label":"Propaganda","verdict":"correct"}')).toThrow(`${join(dir, 'label.jsonl')}:2: unknown label "Propaganda"`);
    expect(bad('word.jsonl', '{"text":"A.","label":"loaded_word","verdict":"correct"}')).toThrow(`${join(dir, 'word.jsonl')}:2: unknown label "loaded_word"`);
    expect(bad('verdict.jsonl', '{"text":"A.","label":"Slogans","verdict":"maybe"}')).toThrow(`${join(dir, 'verdict.jsonl')}:2: unknown verdict "maybe"`);
    expect(bad('json.jsonl', '{"text": "A.", "label": ')).toThrow(`${join(dir, 'json.jsonl')}:2: not valid JSON`);
    expect(bad('text.jsonl', '{"text":"  ","label":"Slogans","verdict":"correct"}')).toThrow(`${join(dir, 'text.jsonl')}:2: "text" is empty`);
    expect(bad('lang.jsonl', '{"text":"A.","label":"Slogans","verdict":"correct","lang":3}')).toThrow(`${join(dir, 'lang.jsonl')}:2: "lang" must be a string`);
  });
});

describe('addFeedback', () => {
  const example = (text: string, split: Example['split']): Example => ({ text, lang: 'en', source: 'ptc', group: text, split, targets: new Int8Array(LABELS.length).fill(MASKED) });

  it('adds to the train split only, leaving validation and test untouched, and drops held-out sentences', () => {
    const train = [example('Train one.', 'train')];
    const val = [example('Held out in validation.', 'val')];
    const test = [example('Held out in test.', 'test')];
    const { examples } = loadFeedback(
      file('mixed.jsonl', [
        '{"text":"New sentence.","label":"Slogans","verdict":"correct"}',
        '{"text":"Held out in validation.","label":"Slogans","verdict":"not_manipulative"}',
        '{"text":"Held out in test.","label":"Doubt","verdict":"correct"}',
      ]),
    );
    const before = { val: structuredClone(val), test: structuredClone(test) };
    expect(addFeedback(train, [...val, ...test], examples)).toEqual({ added: 1, dropped: 2 });
    expect(train.map((e) => [e.text, e.split])).toEqual([
      ['Train one.', 'train'],
      ['New sentence.', 'train'],
    ]);
    expect({ val, test }).toEqual(before);
  });
});

describe('npm run train -- --feedback', () => {
  const train = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'train.ts'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });

  it('stops before reading any data on a bad feedback line, naming file and line, and exits 2', () => {
    const bad = file('cli.jsonl', ['{"text":"A.","label":"Slogans","verdict":"correct"}', '{"text":"B.","label":"Nope","verdict":"correct"}']);
    const result = train(['--feedback', bad, '--data', join(dir, 'no-data-here'), '--out', join(dir, 'out')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`${bad}:2: unknown label "Nope"`);
  }, 120_000);

  it('needs an existing file', () => {
    const result = train(['--feedback', join(dir, 'missing.jsonl'), '--out', join(dir, 'out')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--feedback needs an existing JSONL file');
  }, 120_000);
});
