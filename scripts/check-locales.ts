// Checks extension/_locales: every locale is well-formed JSON in Chrome's messages.json format,
// has exactly the English keys, the same placeholders in every message, and no empty message;
// English's guidance_* messages are model/guidance.ts's texts.
//   npx tsx scripts/check-locales.ts                  check (exit 1 on a problem)
//   npx tsx scripts/check-locales.ts --write-guidance rewrite English's guidance_* from model/guidance.ts
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { GUIDANCE } from '../model/guidance';
import { isTechnique, LABELS } from '../model/labels';
import { guidanceKey, LOCALES, PLURAL_FORMS, type MessageEntry, type MessageTable } from '../extension/ui/i18n';
import { GUIDANCE_FIELDS } from '../extension/ui/labels';

export const LOCALES_DIR = join(import.meta.dirname, '..', 'extension', '_locales');
const KEY = /^[a-z0-9_]+$/;

export interface Problem {
  file: string;
  message: string;
}

/** Line and column of a character offset. */
function lineOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

/** Parses a messages.json; a syntax error names the line. */
export function parseMessages(text: string, file: string): { table?: MessageTable; problems: Problem[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const lineColumn = /line (\d+) column (\d+)/.exec(message);
    const position = /position (\d+)/.exec(message);
    const where = lineColumn ? { line: Number(lineColumn[1]), column: Number(lineColumn[2]) } : position ? lineOf(text, Number(position[1])) : lineOf(text, text.length);
    return { problems: [{ file, message: `line ${where.line}, column ${where.column}: malformed JSON (${message})` }] };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { problems: [{ file, message: 'not a JSON object of messages' }] };
  const problems: Problem[] = [];
  const table: MessageTable = {};
  for (const [key, entry] of Object.entries(data as Record<string, unknown>)) {
    const where = `"${key}" (line ${lineOf(text, text.indexOf(`"${key}"`)).line})`;
    if (!KEY.test(key)) problems.push({ file, message: `${where}: keys are lower case letters, digits and _` });
    const e = entry as Partial<MessageEntry> | null;
    if (typeof e !== 'object' || e === null || typeof e.message !== 'string') {
      problems.push({ file, message: `${where}: no "message" string` });
      continue;
    }
    if (e.message.trim() === '') problems.push({ file, message: `${where}: empty message` });
    if (e.placeholders !== undefined && (typeof e.placeholders !== 'object' || e.placeholders === null || Object.values(e.placeholders).some((p) => typeof (p as { content?: unknown })?.content !== 'string'))) {
      problems.push({ file, message: `${where}: placeholders need a "content" string each` });
    }
    table[key] = e as MessageEntry;
  }
  return { table, problems };
}

/** The $NAME$ placeholders a message uses, lower case, sorted. */
export function placeholdersUsed(message: string): string[] {
  return [...new Set([...message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase()))].sort();
}

const placeholderSignature = (entry: MessageEntry) =>
  JSON.stringify(Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]).sort(([a], [b]) => (a! < b! ? -1 : 1)));

/** English's guidance_* messages, from model/guidance.ts. */
export function guidanceMessages(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const label of LABELS) for (const field of GUIDANCE_FIELDS) out[guidanceKey(label, field, isTechnique(label))] = GUIDANCE[label][field];
  return out;
}

/** Compares one locale with English. */
export function compareWithEnglish(english: MessageTable, table: MessageTable, file: string, locale: string): Problem[] {
  const problems: Problem[] = [];
  for (const key of Object.keys(english)) if (!(key in table)) problems.push({ file, message: `missing "${key}"` });
  for (const key of Object.keys(table)) if (!(key in english)) problems.push({ file, message: `"${key}" is not in English` });
  for (const [key, entry] of Object.entries(table)) {
    const en = english[key];
    if (!en) continue;
    const used = placeholdersUsed(entry.message).join(',');
    const expected = placeholdersUsed(en.message).join(',');
    if (used !== expected) problems.push({ file, message: `"${key}": placeholders ${used || '(none)'} differ from English's ${expected || '(none)'}` });
    if (placeholderSignature(entry) !== placeholderSignature(en)) problems.push({ file, message: `"${key}": "placeholders" differ from English's` });
  }
  if (table.locale_code && table.locale_code.message !== locale) problems.push({ file, message: `"locale_code" is "${table.locale_code.message}", not "${locale}"` });
  return problems;
}

/** Every problem of the locales under `dir`. */
export function checkLocales(dir = LOCALES_DIR): Problem[] {
  const problems: Problem[] = [];
  const name = (locale: string) => relative(process.cwd(), join(dir, locale, 'messages.json'));
  const folders = readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  for (const locale of LOCALES) if (!folders.includes(locale)) problems.push({ file: name(locale), message: 'missing locale' });
  const tables: Record<string, MessageTable> = {};
  for (const locale of folders) {
    const file = name(locale);
    let text: string;
    try {
      text = readFileSync(join(dir, locale, 'messages.json'), 'utf8');
    } catch {
      problems.push({ file, message: 'no messages.json' });
      continue;
    }
    const parsed = parseMessages(text, file);
    problems.push(...parsed.problems);
    if (parsed.table) tables[locale] = parsed.table;
  }
  const english = tables.en;
  if (!english) return problems;
  for (const base of Object.keys(english).filter((k) => k.endsWith('_other')).map((k) => k.slice(0, -'_other'.length))) {
    for (const form of PLURAL_FORMS) if (!(`${base}_${form}` in english)) problems.push({ file: name('en'), message: `plural "${base}" has no "_${form}" form` });
  }
  for (const [key, text] of Object.entries(guidanceMessages())) {
    if (english[key]?.message !== text) problems.push({ file: name('en'), message: `"${key}" differs from model/guidance.ts: run scripts/check-locales.ts --write-guidance` });
  }
  for (const [locale, table] of Object.entries(tables)) if (locale !== 'en') problems.push(...compareWithEnglish(english, table, name(locale), locale));
  return problems;
}

/** Rewrites English's guidance_* messages from model/guidance.ts, keeping everything else. */
export function writeGuidance(dir = LOCALES_DIR): void {
  const file = join(dir, 'en', 'messages.json');
  const table = JSON.parse(readFileSync(file, 'utf8')) as MessageTable;
  for (const [key, message] of Object.entries(guidanceMessages())) {
    const [, label, field] = /^guidance_(.+)_([a-z]+)$/.exec(key)!;
    table[key] = { message, description: `Technique guidance (${label}): ${field}. From model/guidance.ts.` };
  }
  writeFileSync(file, `${JSON.stringify(table, null, 2)}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (process.argv.includes('--write-guidance')) writeGuidance();
  const problems = checkLocales();
  for (const p of problems) console.error(`${p.file}: ${p.message}`);
  if (problems.length > 0) process.exit(1);
  console.log(`${LOCALES.length} locales, ${Object.keys(JSON.parse(readFileSync(join(LOCALES_DIR, 'en', 'messages.json'), 'utf8')) as object).length} messages each: OK`);
}
