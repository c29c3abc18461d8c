// options/strings.ts: the sensitivity figures are model/README.md's, and read as plain words.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SENSITIVITIES } from '../../../model/manifest';
import { inTen, languageName, OPTIONS_STRINGS, SENSITIVITY_FIGURES } from '../../../extension/options/strings';

describe('sensitivity figures', () => {
  it("are the model card's measured loaded-language precision and recall at each level", () => {
    const readme = readFileSync(resolve(__dirname, '..', '..', '..', 'model', 'README.md'), 'utf8');
    const header = readme.split('\n').find((line) => line.startsWith('| level |'))!;
    const column = header.split('|').map((c) => c.trim()).indexOf('loaded_language_babe');
    expect(column).toBeGreaterThan(0);
    for (const level of SENSITIVITIES) {
      const row = readme.split('\n').find((line) => line.startsWith(`| ${level} |`))!;
      const [precision, recall] = row.split('|').map((c) => c.trim())[column].split('/').map((n) => Number(n.trim()));
      expect(SENSITIVITY_FIGURES[level]).toEqual({ precision, recall });
    }
  });

  it('say what each level means in plain words', () => {
    expect(OPTIONS_STRINGS.sensitivityMeaning('cautious')).toBe('Of the sentences it flags as loaded language, about 9 in 10 are; it catches about 2 in 10 of them (measured on a news test set).');
    expect(OPTIONS_STRINGS.sensitivityMeaning('sensitive')).toContain('catches nearly all');
    expect(inTen(0.532)).toBe('about 5 in 10');
    expect(inTen(0.01)).toBe('about 1 in 10');
  });

  it('name each interface language in itself', () => {
    expect(languageName('fr')).toBe('Français');
    expect(languageName('de')).toBe('Deutsch');
  });
});
