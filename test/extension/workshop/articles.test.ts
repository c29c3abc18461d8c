// The workshop's sample articles: well-formed, keyed with labels the model knows, and — with the
// committed model, in Node — not empty as exercises: Unspin flags some of what the authors put in.
// Prints per-article agreement between the model and the author's key (for the model notes).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LABELS } from '../../../model/labels';
import { ARTICLES } from '../../../extension/workshop/articles';
import { articleItems, findingsByItem, joinSentences } from '../../../extension/workshop/mapping';
import { ARTIFACTS_DIR, loadNodeAnalyzer } from '../../../scripts/lib/node-model';
import { SENSITIVITIES, type Sensitivity } from '../../../model/manifest';
import { DEFAULT_SETTINGS } from '../../../extension/settings';

describe('workshop articles', () => {
  it('are 8–10 articles of 5–10 non-empty sentences with unique ids and known key labels', () => {
    expect(ARTICLES.length).toBeGreaterThanOrEqual(8);
    expect(ARTICLES.length).toBeLessThanOrEqual(10);
    expect(new Set(ARTICLES.map((a) => a.id)).size).toBe(ARTICLES.length);
    for (const article of ARTICLES) {
      expect(article.title.trim(), article.id).not.toBe('');
      expect(article.headline.trim(), article.id).not.toBe('');
      expect(article.sentences.length, article.id).toBeGreaterThanOrEqual(5);
      expect(article.sentences.length, article.id).toBeLessThanOrEqual(10);
      for (const sentence of article.sentences) {
        expect(sentence.text.trim(), article.id).not.toBe('');
        expect(sentence.text, 'no leading or trailing space').toBe(sentence.text.trim());
        for (const label of sentence.key) expect(LABELS, `${article.id}: ${label}`).toContain(label);
      }
      for (const label of article.headlineKey) expect(LABELS).toContain(label);
      // Every article has neutral controls and manipulative sentences.
      expect(article.sentences.some((s) => s.key.length === 0), article.id).toBe(true);
      expect(article.sentences.some((s) => s.key.length > 0), article.id).toBe(true);
    }
  });

  it('cover a broad set of techniques', () => {
    const keyed = new Set(ARTICLES.flatMap((a) => [...a.headlineKey, ...a.sentences.flatMap((s) => s.key)]));
    for (const label of ['Loaded_Language', 'Name_Calling-Labeling', 'Appeal_to_Fear-Prejudice', 'False_Dilemma-No_Choice', 'Whataboutism', 'Exaggeration-Minimisation', 'Doubt', 'Slogans', 'Flag_Waving', 'Causal_Oversimplification', 'Appeal_to_Authority', 'Appeal_to_Popularity', 'clickbait'] as const) expect(keyed, label).toContain(label);
  });

  it.skipIf(!existsSync(join(ARTIFACTS_DIR, 'manifest.json')))('give the committed model something to find in every article', async () => {
    const analyzer = await loadNodeAnalyzer();
    const keyedAt: Partial<Record<Sensitivity, number>> = {};
    for (const sensitivity of SENSITIVITIES) {
      let keyedFlagged = 0;
      let keyedTotal = 0;
      const rows: string[] = [];
      for (const article of ARTICLES) {
        const { text, offsets } = joinSentences(article.sentences.map((s) => s.text));
        const analysis = await analyzer.analyze({ text, title: article.headline, kind: 'article', sensitivity });
        const items = articleItems(article);
        const byItem = findingsByItem(items, analysis, offsets);
        let agree = 0, hit = 0, keyed = 0, falseFlags = 0;
        for (const item of items) {
          const isKeyed = (item.key?.length ?? 0) > 0;
          const flagged = byItem[item.id].length > 0;
          if (isKeyed === flagged) agree++;
          if (isKeyed) keyed++;
          if (isKeyed && flagged) hit++;
          if (!isKeyed && flagged) falseFlags++;
        }
        keyedFlagged += hit;
        keyedTotal += keyed;
        rows.push(`  ${article.id.padEnd(17)} items ${String(items.length).padStart(2)}  agree ${agree}/${items.length}  keyed flagged ${hit}/${keyed}  neutral flagged ${falseFlags}/${items.length - keyed}`);
      }
      keyedAt[sensitivity] = keyedFlagged;
      const note = sensitivity === DEFAULT_SETTINGS.sensitivity ? ' (the extension’s default)' : '';
      console.log(`[workshop] sensitivity ${sensitivity}${note}: model vs author's key (headline + sentences, flagged = any finding)\n${rows.join('\n')}\n  keyed items flagged overall: ${keyedFlagged}/${keyedTotal}`);
    }
    // A loose floor, at the sensitivity participants get by default: on average the model flags
    // at least one keyed sentence per article, so no exercise's reveal is empty.
    expect(keyedAt[DEFAULT_SETTINGS.sensitivity]!).toBeGreaterThanOrEqual(ARTICLES.length);
  });
});
