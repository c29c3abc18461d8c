// npm run -s evaluate:words [-- --data DIR]
// How well the evidence words of the loaded-language head match the words BABE's experts marked
// as biased, on the held-out BABE sentences (test split) that are labelled biased.
import { join, resolve } from 'node:path';
import { LOADED } from '../model/labels';
import { normalizeToken } from '../model/text';
import { loadNodeAnalyzer } from './lib/node-model';
import { readJsonl, stringArrayField, stringField } from './training/jsonl';
import { parseFlags } from './training/options';
import { SPLIT_SEED, splitOf } from './training/splits';
import { babeGroup } from './training/datasets';

async function main(): Promise<void> {
  const { flags } = parseFlags(process.argv.slice(2));
  const dataDir = resolve(typeof flags.data === 'string' ? flags.data : join(import.meta.dirname, '..', '..', 'shared', 'data'));
  const rows = readJsonl(join(dataDir, 'bias_babe_mbic', 'babe_sg2.jsonl')).filter(
    (row) => stringField(row, 'label') === 'biased' && stringArrayField(row, 'biased_words').length > 0 && splitOf(babeGroup(row), SPLIT_SEED) === 'test',
  );
  const analyzer = await loadNodeAnalyzer();
  let hitsAt1 = 0;
  let predicted = 0;
  let correct = 0;
  let gold = 0;
  let found = 0;
  for (const row of rows) {
    const goldWords = new Set(stringArrayField(row, 'biased_words').flatMap((w) => w.split(/\s+/)).map(normalizeToken));
    const evidence = await analyzer.explain(stringField(row, 'text'), LOADED);
    const words = evidence.map((e) => normalizeToken(e.text));
    if (words.length > 0 && goldWords.has(words[0])) hitsAt1++;
    predicted += words.length;
    correct += words.filter((w) => goldWords.has(w)).length;
    gold += goldWords.size;
    found += [...goldWords].filter((w) => words.includes(w)).length;
  }
  const r3 = (x: number) => Math.round(x * 1000) / 1000;
  const result = { sentences: rows.length, top1_precision: r3(hitsAt1 / rows.length), precision: r3(correct / predicted), recall: r3(found / gold), evidence_per_sentence: r3(predicted / rows.length) };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`evaluate-words failed: ${(error as Error).message}\n`);
  process.exit(1);
});
