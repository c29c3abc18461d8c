// npx tsx scripts/evaluate-rewording.ts [-- --data DIR --no-model]
// Scores the rewriter against WNC test edits (100 pairs, never used to build the table): precision =
// share of our removed/replaced words the editors also removed; recall = share of editor-removed words
// we removed/replaced. Word tokens only; per sentence, a word counts as editor-removed when it occurs
// more often in the biased text than in the neutral one. Loaded words come (a) from the table itself
// and (b) from the committed classifier's loaded-word head, and (c) what users see: only sentences the
// analyzer flags as loaded language, with the finding's evidence as the loaded words. Prints JSON.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createRewriter, tableRanges } from '../model/rewording';
import { ARTIFACTS_DIR, loadNodeAnalyzer } from './lib/node-model';
import { DEFAULT_DATA } from './build-rewording';
import { readJsonl, stringField } from './training/jsonl';
import { parseFlags } from './training/options';

type Range = { start: number; end: number };

async function main(): Promise<void> {
  const { flags } = parseFlags(process.argv.slice(2));
  const dataDir = resolve(typeof flags.data === 'string' ? flags.data : DEFAULT_DATA);
  const rewriter = createRewriter(JSON.parse(readFileSync(join(ARTIFACTS_DIR, 'rewording.json'), 'utf8')));
  const pairs = readJsonl(join(dataDir, 'bias_wnc_sample', 'test.jsonl')).map((r) => ({ biased: stringField(r, 'biased'), neutral: stringField(r, 'neutral') }));
  const analyzer = flags['no-model'] ? undefined : await loadNodeAnalyzer();

  const score = async (pick: (s: string) => Promise<Range[]>) => {
    let ours = 0, editors = 0, both = 0, sentences = 0, flagged = 0;
    const examples: { biased: string; rewritten: string }[] = [];
    for (const { biased, neutral } of pairs) {
      const count = (s: string) => s.split(/\s+/).filter((w) => /[a-z]/.test(w)).reduce((m, w) => m.set(w, (m.get(w) ?? 0) + 1), new Map<string, number>());
      const b = count(biased);
      const n = count(neutral);
      const removed = new Set([...b].filter(([w, c]) => c > (n.get(w) ?? 0)).map(([w]) => w));
      const loaded = await pick(biased);
      if (loaded.length) flagged++;
      const r = rewriter.rewrite(biased, loaded);
      const changed = new Set((r?.changes ?? []).flatMap((c) => c.from.split(/\s+/)).filter((w) => /[a-z]/.test(w) && !/^(a|an)$/.test(w)));
      editors += removed.size;
      ours += changed.size;
      both += [...changed].filter((w) => removed.has(w)).length;
      if (changed.size) sentences++;
      if (r && r.changes.length && examples.length < 5) examples.push({ biased, rewritten: r.text });
    }
    const round = (x: number) => Math.round(x * 1000) / 1000;
    return { sentences_flagged: flagged, sentences_changed: sentences, ours, editor_removed: editors, matched: both, precision: ours ? round(both / ours) : null, recall: editors ? round(both / editors) : null, examples };
  };

  const byTable = await score(async (s) => tableRanges(rewriter, s));
  const byModel = analyzer ? await score(async (s) => (await analyzer.explain(s, 'loaded_language')).filter((e) => e.weight > 0)) : null;
  // The sentence-level view: evidence of loaded-language findings only (offsets are into the text).
  const bySentence = analyzer
    ? await score(async (s) => (await analyzer.analyze({ text: s })).findings.filter((f) => f.label === 'loaded_language' || f.label === 'Loaded_Language').flatMap((f) => f.evidence.map((e) => ({ start: e.start, end: e.end }))))
    : null;
  process.stdout.write(`${JSON.stringify({ pairs: pairs.length, loaded_from_table: byTable, loaded_from_model: byModel, loaded_sentence_level: bySentence }, null, 2)}\n`);
}

main().catch((error) => {
  process.stderr.write(`evaluate-rewording failed: ${(error as Error).message}\n`);
  process.exit(1);
});
