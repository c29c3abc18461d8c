// npx tsx scripts/evaluate-rewording.ts [-- --data DIR --no-model]
// Scores the rewriter against WNC test edits (100 pairs, never used to build the table): precision =
// share of our removed/replaced words the editors also removed; recall = share of editor-removed words
// we removed/replaced. Word tokens only; per sentence, a word counts as editor-removed when it occurs
// more often in the biased text than in the neutral one. Loaded words come (a) from the table itself
// and (b) from the committed classifier's loaded-word head. Prints JSON.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createRewriter } from '../model/rewording';
import { ARTIFACTS_DIR, loadNodeAnalyzer } from './lib/node-model';
import { DEFAULT_DATA } from './build-rewording';
import { readJsonl, stringField } from './training/jsonl';
import { parseFlags } from './training/options';

type Range = { start: number; end: number };

function tokens(s: string): Range[] {
  return [...s.matchAll(/\S+/g)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
}

async function main(): Promise<void> {
  const { flags } = parseFlags(process.argv.slice(2));
  const dataDir = resolve(typeof flags.data === 'string' ? flags.data : DEFAULT_DATA);
  const rewriter = createRewriter(JSON.parse(readFileSync(join(ARTIFACTS_DIR, 'rewording.json'), 'utf8')));
  const pairs = readJsonl(join(dataDir, 'bias_wnc_sample', 'test.jsonl')).map((r) => ({ biased: stringField(r, 'biased'), neutral: stringField(r, 'neutral') }));
  const analyzer = flags['no-model'] ? undefined : await loadNodeAnalyzer();

  const score = async (pick: (s: string) => Promise<Range[]>) => {
    let ours = 0, editors = 0, both = 0, sentences = 0;
    const examples: { biased: string; rewritten: string }[] = [];
    for (const { biased, neutral } of pairs) {
      const count = (s: string) => s.split(/\s+/).filter((w) => /[a-z]/.test(w)).reduce((m, w) => m.set(w, (m.get(w) ?? 0) + 1), new Map<string, number>());
      const b = count(biased);
      const n = count(neutral);
      const removed = new Set([...b].filter(([w, c]) => c > (n.get(w) ?? 0)).map(([w]) => w));
      const r = rewriter.rewrite(biased, await pick(biased));
      const changed = new Set((r?.changes ?? []).flatMap((c) => c.from.split(/\s+/)).filter((w) => /[a-z]/.test(w) && !/^(a|an)$/.test(w)));
      editors += removed.size;
      ours += changed.size;
      both += [...changed].filter((w) => removed.has(w)).length;
      if (changed.size) sentences++;
      if (r && r.changes.length && examples.length < 5) examples.push({ biased, rewritten: r.text });
    }
    const round = (x: number) => Math.round(x * 1000) / 1000;
    return { sentences_changed: sentences, ours, editor_removed: editors, matched: both, precision: ours ? round(both / ours) : null, recall: editors ? round(both / editors) : null, examples };
  };

  const byTable = await score(async (s) => tokens(s).filter((t) => rewriter.lookup(s.slice(t.start, t.end)) !== undefined || (s.slice(t.start, t.end) === 'so' && s.slice(t.end, t.end + 7) === ' called')));
  const byModel = analyzer ? await score(async (s) => (await analyzer.explain(s, 'loaded_language')).filter((e) => e.weight > 0)) : null;
  process.stdout.write(`${JSON.stringify({ pairs: pairs.length, loaded_from_table: byTable, loaded_from_model: byModel }, null, 2)}\n`);
}

main().catch((error) => {
  process.stderr.write(`evaluate-rewording failed: ${(error as Error).message}\n`);
  process.exit(1);
});
