// Reading JSONL data files (plain or .gz) with errors that name the file and line.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

export class DataFileError extends Error {
  constructor(readonly file: string, readonly line: number, reason: string) {
    super(`${file}:${line}: ${reason}`);
  }
}

export interface JsonlRow {
  file: string;
  line: number;
  value: Record<string, unknown>;
}

function readText(file: string): string {
  const bytes = readFileSync(file);
  return (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
}

/** Every non-blank line of a JSONL file parsed as an object; throws DataFileError on the first bad line. */
export function readJsonl(file: string): JsonlRow[] {
  const rows: JsonlRow[] = [];
  const lines = readText(file).split('\n');
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i].trim();
    if (text === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new DataFileError(file, i + 1, `not valid JSON (${(error as Error).message})`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new DataFileError(file, i + 1, 'expected a JSON object');
    }
    rows.push({ file, line: i + 1, value: value as Record<string, unknown> });
  }
  return rows;
}

/** Field accessors that fail with the row's file and line. */
export function stringField(row: JsonlRow, key: string): string {
  const value = row.value[key];
  if (typeof value !== 'string') throw new DataFileError(row.file, row.line, `"${key}" must be a string`);
  return value;
}

export function optionalString(row: JsonlRow, key: string): string | undefined {
  const value = row.value[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new DataFileError(row.file, row.line, `"${key}" must be a string`);
  return value;
}

export function stringArrayField(row: JsonlRow, key: string): string[] {
  const value = row.value[key];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw new DataFileError(row.file, row.line, `"${key}" must be an array of strings`);
  }
  return value as string[];
}

export interface SpanRow {
  start: number;
  end: number;
  technique: string;
}

/** Spans in UTF-16 offsets (falls back to start/end where the file has no *_utf16). */
export function spansField(row: JsonlRow, key = 'spans'): SpanRow[] {
  const value = row.value[key];
  if (!Array.isArray(value)) throw new DataFileError(row.file, row.line, `"${key}" must be an array`);
  return value.map((span, i) => {
    const s = span as Record<string, unknown>;
    const start = s.start_utf16 ?? s.start;
    const end = s.end_utf16 ?? s.end;
    if (!Number.isInteger(start) || !Number.isInteger(end) || typeof s.technique !== 'string' || (start as number) < 0 || (end as number) < (start as number)) {
      throw new DataFileError(row.file, row.line, `${key}[${i}] needs integer 0 <= start <= end and a technique`);
    }
    return { start: start as number, end: end as number, technique: s.technique };
  });
}
