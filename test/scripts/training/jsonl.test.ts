// scripts/training/jsonl.ts: data files are read with errors naming file and line.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { DataFileError, optionalString, readJsonl, spansField, stringArrayField, stringField, type JsonlRow } from '../../../scripts/training/jsonl';

const work = mkdtempSync(join(tmpdir(), 'unspin-jsonl-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let counter = 0;
function write(content: string | Buffer, ext = '.jsonl'): string {
  const file = join(work, `f${counter++}${ext}`);
  writeFileSync(file, content);
  return file;
}

function thrown(fn: () => unknown): DataFileError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DataFileError);
    return error as DataFileError;
  }
  throw new Error('expected a DataFileError');
}

const row = (value: Record<string, unknown>, line = 7): JsonlRow => ({ file: 'data/x.jsonl', line, value });

describe('readJsonl', () => {
  it('reads every non-blank line as an object, with its 1-based line number', () => {
    const file = write('{"a": 1}\n\n   \n{"b": "two"}\r\n{"c": [3]}');
    expect(readJsonl(file)).toEqual([
      { file, line: 1, value: { a: 1 } },
      { file, line: 4, value: { b: 'two' } },
      { file, line: 5, value: { c: [3] } },
    ]);
    expect(readJsonl(write(''))).toEqual([]);
  });

  it('throws a DataFileError naming file:2 for bad JSON on line 2', () => {
    const file = write('{"ok": true}\n{"text": "unterminated\n{"ok": true}\n');
    const error = thrown(() => readJsonl(file));
    expect(error.message.startsWith(`${file}:2: `)).toBe(true);
    expect(error.message).toContain('not valid JSON');
    expect(error.file).toBe(file);
    expect(error.line).toBe(2);
  });

  it('counts blank lines when naming the bad line', () => {
    const file = write('{"ok": true}\n\n\n{oops}\n');
    expect(thrown(() => readJsonl(file)).message.startsWith(`${file}:4: `)).toBe(true);
  });

  it.each([
    ['an array', '[1, 2]'],
    ['a number', '42'],
    ['a string', '"text"'],
    ['null', 'null'],
  ])('refuses a line that is %s', (_, line) => {
    const file = write(`{"ok": true}\n${line}\n`);
    const error = thrown(() => readJsonl(file));
    expect(error.message).toBe(`${file}:2: expected a JSON object`);
  });

  it('reads gzipped files, with line numbers of the uncompressed text', () => {
    const file = write(gzipSync('{"text": "héllo 😀"}\n{"text": "second"}\n'), '.jsonl.gz');
    expect(readJsonl(file).map((r) => [r.line, r.value.text])).toEqual([
      [1, 'héllo 😀'],
      [2, 'second'],
    ]);
    const bad = write(gzipSync('{"a": 1}\nnot json\n'), '.jsonl.gz');
    expect(thrown(() => readJsonl(bad)).message.startsWith(`${bad}:2: `)).toBe(true);
  });

  it('fails plainly (not with a DataFileError) for a missing file', () => {
    expect(() => readJsonl(join(work, 'missing.jsonl'))).toThrow(/ENOENT/);
  });
});

describe('field accessors', () => {
  it('stringField returns the string or names the field, file and line', () => {
    expect(stringField(row({ text: 'hi' }), 'text')).toBe('hi');
    expect(stringField(row({ text: '' }), 'text')).toBe('');
    for (const value of [undefined, null, 3, ['a'], { a: 1 }]) {
      expect(thrown(() => stringField(row({ text: value }), 'text')).message).toBe('data/x.jsonl:7: "text" must be a string');
    }
  });

  it('optionalString allows a missing or null field but not a wrong type', () => {
    expect(optionalString(row({}), 'lang')).toBeUndefined();
    expect(optionalString(row({ lang: null }), 'lang')).toBeUndefined();
    expect(optionalString(row({ lang: 'fr' }), 'lang')).toBe('fr');
    expect(thrown(() => optionalString(row({ lang: 1 }), 'lang')).message).toBe('data/x.jsonl:7: "lang" must be a string');
  });

  it('stringArrayField needs an array of strings', () => {
    expect(stringArrayField(row({ techniques: [] }), 'techniques')).toEqual([]);
    expect(stringArrayField(row({ techniques: ['a', 'b'] }), 'techniques')).toEqual(['a', 'b']);
    for (const value of [undefined, 'a', ['a', 1], [null]]) {
      expect(thrown(() => stringArrayField(row({ techniques: value }, 3), 'techniques')).message).toBe('data/x.jsonl:3: "techniques" must be an array of strings');
    }
  });

  it('spansField prefers UTF-16 offsets and falls back to start/end', () => {
    const spans = spansField(
      row({
        spans: [
          { start: 10, end: 20, start_utf16: 8, end_utf16: 18, technique: 'Doubt' },
          { start: 1, end: 4, technique: 'Slogans' },
          { start: 5, end: 5, technique: 'Repetition' },
        ],
      }),
    );
    expect(spans).toEqual([
      { start: 8, end: 18, technique: 'Doubt' },
      { start: 1, end: 4, technique: 'Slogans' },
      { start: 5, end: 5, technique: 'Repetition' },
    ]);
    expect(spansField(row({ other: [{ start: 0, end: 1, technique: 'Doubt' }] }), 'other')).toHaveLength(1);
  });

  it.each([
    ['not an array', { spans: 'x' }, '"spans" must be an array'],
    ['end before start', { spans: [{ start: 0, end: 1, technique: 'a' }, { start: 5, end: 2, technique: 'Doubt' }] }, 'spans[1] needs integer 0 <= start <= end and a technique'],
    ['a fractional offset', { spans: [{ start: 0.5, end: 2, technique: 'Doubt' }] }, 'spans[0] needs'],
    ['a string offset', { spans: [{ start: '0', end: 2, technique: 'Doubt' }] }, 'spans[0] needs'],
    ['no technique', { spans: [{ start: 0, end: 2 }] }, 'spans[0] needs'],
  ])('spansField refuses %s, naming the span', (_, value, message) => {
    const error = thrown(() => spansField(row(value, 12)));
    expect(error.message.startsWith('data/x.jsonl:12: ')).toBe(true);
    expect(error.message).toContain(message);
  });
});
