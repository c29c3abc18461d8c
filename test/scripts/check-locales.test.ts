// scripts/check-locales.ts: the shipped locales pass; each kind of mistake is named with its file.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkLocales, LOCALES_DIR, parseMessages } from '../../scripts/check-locales';

let dir = '';
const copy = () => {
  dir = mkdtempSync(join(tmpdir(), 'unspin-locales-'));
  cpSync(LOCALES_DIR, dir, { recursive: true });
  return dir;
};
const file = (locale: string) => join(dir, locale, 'messages.json');
const edit = (locale: string, change: (table: Record<string, { message: string; placeholders?: unknown }>) => void) => {
  const table = JSON.parse(readFileSync(file(locale), 'utf8')) as Record<string, { message: string }>;
  change(table);
  writeFileSync(file(locale), JSON.stringify(table, null, 2));
};
const messages = () => checkLocales(dir).map((p) => `${p.file}: ${p.message}`);

afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = '';
});

describe('check-locales', () => {
  it('passes on the shipped locales: English plus fr, de, pl, uk, es, each with every English key', () => {
    expect(checkLocales()).toEqual([]);
  });

  it('names a missing key, an extra key and an empty message', () => {
    copy();
    edit('de', (t) => {
      delete t.popup_scanning;
      t.popup_extra = { message: 'x' };
      t.popup_idle_title!.message = ' ';
    });
    const found = messages();
    expect(found.some((m) => m.includes(join('de', 'messages.json')) && m.includes('missing "popup_scanning"'))).toBe(true);
    expect(found.some((m) => m.includes('"popup_extra" is not in English'))).toBe(true);
    expect(found.some((m) => m.includes('"popup_idle_title"') && m.includes('empty message'))).toBe(true);
  });

  it('names placeholders that differ from English', () => {
    copy();
    edit('fr', (t) => {
      t.popup_confidence!.message = 'confiance';
      t.claim_checked_by!.message = 'Vérifié par $QUI$';
    });
    const found = messages();
    expect(found.some((m) => m.includes('"popup_confidence": placeholders (none) differ from English\'s percent'))).toBe(true);
    expect(found.some((m) => m.includes('"claim_checked_by": placeholders qui differ'))).toBe(true);
  });

  it('names the file and line of malformed JSON', () => {
    copy();
    const text = readFileSync(file('pl'), 'utf8').split('\n');
    text[4] = `${text[4]},,`;
    writeFileSync(file('pl'), text.join('\n'));
    const found = messages().filter((m) => m.includes('malformed JSON'));
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(join('pl', 'messages.json'));
    expect(found[0]).toMatch(/line 5\b/);
    expect(parseMessages('{\n  "a": { "message": "x" }\n  "b": {}\n}', 'x.json').problems[0]!.message).toMatch(/^line 3, column 3/);
  });

  it('keeps English guidance equal to model/guidance.ts', () => {
    copy();
    edit('en', (t) => {
      t.guidance_technique_doubt_name!.message = 'Doubting';
    });
    expect(messages().some((m) => m.includes('"guidance_technique_doubt_name" differs from model/guidance.ts'))).toBe(true);
  });
});
