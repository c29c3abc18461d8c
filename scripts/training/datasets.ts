// Loads the training data sets from ../shared/data into one list of labelled texts.
// Each example carries a target per head: 1, 0, or MASKED where its data set says nothing.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LABELS, LABEL_INDEX, TECHNIQUES, ANY_TECHNIQUE, LOADED, LOADED_WORD, CLICKBAIT, INSULT, isTechnique, type Label, type Technique } from '../../model/labels';
import { segmentSentences, tokenize } from '../../model/text';
import { DataFileError, readJsonl, spansField, stringArrayField, stringField, type JsonlRow } from './jsonl';
import { splitOf, type Split } from './splits';

export const MASKED = -1;

export interface Example {
  text: string;
  lang: string;
  source: string;
  /** Examples sharing a group (an article, a sentence pair) always land in the same split. */
  group: string;
  split: Split;
  /** One entry per LABELS index: 1, 0 or MASKED. */
  targets: Int8Array;
}

export interface LoadReport {
  source: string;
  files: string[];
  examples: number;
  /** Rows deliberately left out, by reason (never silent). */
  skipped: Record<string, number>;
}

interface LabelMap {
  ptc_semeval2020_to_semeval2023: Record<string, string[]>;
  semeval2021_task6_to_semeval2023: Record<string, string[]>;
  semeval2023_coarse: Record<string, string[]>;
}

/** BABE's split group: sentences of one article stay together. */
export function babeGroup(row: JsonlRow): string {
  return `babe:${(row.value.news_link as string) || stringField(row, 'id')}`;
}

function maskedTargets(): Int8Array {
  return new Int8Array(LABELS.length).fill(MASKED);
}

function setTarget(targets: Int8Array, label: Label, value: 0 | 1): void {
  targets[LABEL_INDEX[label]] = value;
}

export class DatasetLoader {
  readonly reports: LoadReport[] = [];
  /** Rows read per data file, for the manifest's record of data versions. */
  readonly rowsRead = new Map<string, number>();
  private readonly labelMap: LabelMap;

  constructor(readonly dataDir: string, readonly seed: number) {
    const mapFile = join(dataDir, 'propaganda_label_map.json');
    this.labelMap = JSON.parse(readFileSync(mapFile, 'utf8')) as LabelMap;
    this.checkCoarseGroups(mapFile);
  }

  private checkCoarseGroups(mapFile: string): void {
    for (const [name, coarse] of TECHNIQUES) {
      if (!this.labelMap.semeval2023_coarse[coarse]?.includes(name)) {
        throw new DataFileError(mapFile, 1, `technique ${name} is not in coarse group ${coarse} as model/labels.ts says`);
      }
    }
  }

  private file(...parts: string[]): string {
    const path = join(this.dataDir, ...parts);
    if (!existsSync(path)) throw new Error(`missing data file ${path}`);
    return path;
  }

  private read(file: string): JsonlRow[] {
    const rows = readJsonl(file);
    this.rowsRead.set(file, rows.length);
    return rows;
  }

  private example(text: string, lang: string, source: string, group: string, targets: Int8Array): Example {
    return { text, lang, source, group, split: splitOf(group, this.seed), targets };
  }

  /** Technique targets from an older inventory: merged classes leave their members unknown. */
  private mappedTechniqueTargets(found: string[], mapping: Record<string, string[]>, row: JsonlRow): Int8Array {
    const targets = maskedTargets();
    const covered = new Set(Object.values(mapping).flat());
    for (const technique of covered) setTarget(targets, technique as Technique, 0);
    for (const name of found) {
      const mapped = mapping[name];
      if (!mapped) throw new DataFileError(row.file, row.line, `unknown technique "${name}"`);
      // A merged class says one of its members is present, not which one.
      const value = mapped.length === 1 ? 1 : MASKED;
      for (const technique of mapped) if (targets[LABEL_INDEX[technique as Technique]] !== 1) targets[LABEL_INDEX[technique as Technique]] = value;
    }
    setTarget(targets, ANY_TECHNIQUE, found.length > 0 ? 1 : 0);
    return targets;
  }

  loadPtc(): Example[] {
    const file = this.file('propaganda_ptc_semeval2020', 'train.sentences.jsonl.gz');
    const examples = this.read(file).map((row) => {
      const techniques = stringArrayField(row, 'techniques');
      const targets = this.mappedTechniqueTargets(techniques, this.labelMap.ptc_semeval2020_to_semeval2023, row);
      return this.example(stringField(row, 'text'), 'en', 'ptc', `en-article:${stringField(row, 'article_id')}`, targets);
    });
    this.reports.push({ source: 'ptc', files: [file], examples: examples.length, skipped: {} });
    return examples;
  }

  /** SemEval-2023 articles cut into sentences by our own segmenter; a sentence gets every technique whose span overlaps it. */
  loadSemEval2023(): Example[] {
    const examples: Example[] = [];
    const files: string[] = [];
    const skipped: Record<string, number> = {};
    for (const lang of ['en', 'fr', 'de', 'it', 'pl', 'ru']) {
      const file = this.file('propaganda_semeval2023_task3_multilingual', `${lang}.train.articles.jsonl.gz`);
      files.push(file);
      for (const row of this.read(file)) {
        const text = stringField(row, 'text');
        const spans = spansField(row);
        for (const span of spans) {
          if (!isTechnique(span.technique)) throw new DataFileError(file, row.line, `unknown technique "${span.technique}"`);
          if (span.end > text.length) throw new DataFileError(file, row.line, `span ${span.start}-${span.end} is past the text's end`);
        }
        for (const sentence of segmentSentences(text, lang)) {
          const found = new Set(spans.filter((s) => s.start < sentence.end && s.end > sentence.start).map((s) => s.technique as Technique));
          const targets = maskedTargets();
          for (const [name] of TECHNIQUES) setTarget(targets, name, found.has(name) ? 1 : 0);
          setTarget(targets, ANY_TECHNIQUE, found.size > 0 ? 1 : 0);
          // English articles are the PTC articles re-annotated: same group keeps them on one side.
          examples.push(this.example(sentence.text, lang, 'semeval2023', `${lang}-article:${stringField(row, 'id')}`, targets));
        }
      }
    }
    this.reports.push({ source: 'semeval2023', files, examples: examples.length, skipped });
    return examples;
  }

  /**
   * The official paragraph units of the non-English SemEval-2023 files (English lines are
   * already sentences), so the model also sees the longer units that evaluation files use.
   */
  loadSemEval2023Paragraphs(): Example[] {
    const examples: Example[] = [];
    const files: string[] = [];
    for (const lang of ['fr', 'de', 'it', 'pl', 'ru']) {
      const file = this.file('propaganda_semeval2023_task3_multilingual', `${lang}.train.paragraphs.jsonl.gz`);
      files.push(file);
      for (const row of this.read(file)) {
        const found = new Set(stringArrayField(row, 'techniques'));
        const unknown = [...found].find((t) => !isTechnique(t));
        if (unknown) throw new DataFileError(file, row.line, `unknown technique "${unknown}"`);
        const targets = maskedTargets();
        for (const [name] of TECHNIQUES) setTarget(targets, name, found.has(name) ? 1 : 0);
        setTarget(targets, ANY_TECHNIQUE, found.size > 0 ? 1 : 0);
        examples.push(this.example(stringField(row, 'text'), lang, 'semeval2023_paragraphs', `${lang}-article:${stringField(row, 'article_id')}`, targets));
      }
    }
    this.reports.push({ source: 'semeval2023_paragraphs', files, examples: examples.length, skipped: {} });
    return examples;
  }

  loadMemes(): Example[] {
    const examples: Example[] = [];
    const files: string[] = [];
    for (const name of ['train.jsonl', 'dev.jsonl']) {
      const file = this.file('propaganda_semeval2021_task6_memes', name);
      files.push(file);
      for (const row of this.read(file)) {
        const targets = this.mappedTechniqueTargets(stringArrayField(row, 'techniques'), this.labelMap.semeval2021_task6_to_semeval2023, row);
        const example = this.example(stringField(row, 'text').replace(/\s*\n\s*/g, ' ').trim(), 'en', 'memes', `meme:${stringField(row, 'id')}`, targets);
        // The official dev split is our test split for memes; never trained on.
        example.split = name === 'dev.jsonl' ? 'test' : example.split === 'test' ? 'val' : example.split;
        examples.push(example);
      }
    }
    this.reports.push({ source: 'memes', files, examples: examples.length, skipped: {} });
    return examples;
  }

  private binary(source: string, file: string, label: Label, positive: string[], negative: string[], lang: string, groupOf: (row: JsonlRow) => string): Example[] {
    const examples: Example[] = [];
    const skipped: Record<string, number> = {};
    for (const row of this.read(file)) {
      const value = stringField(row, 'label');
      const target = positive.includes(value) ? 1 : negative.includes(value) ? 0 : undefined;
      if (target === undefined) {
        skipped[`label ${value}`] = (skipped[`label ${value}`] ?? 0) + 1;
        continue;
      }
      const targets = maskedTargets();
      setTarget(targets, label, target);
      examples.push(this.example(stringField(row, 'text'), lang, source, groupOf(row), targets));
    }
    this.reports.push({ source, files: [file], examples: examples.length, skipped });
    return examples;
  }

  loadBabe(): Example[] {
    const file = this.file('bias_babe_mbic', 'babe_sg2.jsonl');
    return this.binary('babe', file, LOADED, ['biased'], ['non_biased'], 'en', babeGroup);
  }

  /** One example per word of BABE's sentences: 1 if its experts marked the word as biased. */
  loadBabeWords(): Example[] {
    const file = this.file('bias_babe_mbic', 'babe_sg2.jsonl');
    const examples: Example[] = [];
    for (const row of this.read(file)) {
      const label = stringField(row, 'label');
      if (label === 'no_agreement') continue;
      const biased = new Set(stringArrayField(row, 'biased_words').flatMap((w) => tokenize(w).map((t) => t.norm)));
      const group = babeGroup(row);
      examples.push(...this.wordExamples(stringField(row, 'text'), (norm) => biased.has(norm), 'babe_words', group));
    }
    this.reports.push({ source: 'babe_words', files: [file], examples: examples.length, skipped: {} });
    return examples;
  }

  /** WNC pairs: words the Wikipedia editors removed from the biased sentence are loaded, the rest not. */
  loadWncWords(): Example[] {
    const file = this.file('bias_wnc_sample', 'train.jsonl');
    const examples: Example[] = [];
    for (const row of this.read(file)) {
      const kept = new Set(tokenize(stringField(row, 'neutral')).map((t) => t.norm));
      examples.push(...this.wordExamples(stringField(row, 'biased'), (norm) => !kept.has(norm), 'wnc_words', `wnc:${stringField(row, 'id')}`));
    }
    this.reports.push({ source: 'wnc_words', files: [file], examples: examples.length, skipped: {} });
    return examples;
  }

  private wordExamples(text: string, isLoaded: (norm: string) => boolean, source: string, group: string): Example[] {
    return tokenize(text)
      .filter((t) => /\p{L}/u.test(t.norm))
      .map((token) => {
        const targets = maskedTargets();
        setTarget(targets, LOADED_WORD, isLoaded(token.norm) ? 1 : 0);
        return this.example(token.raw, 'en', source, group, targets);
      });
  }

  loadWikiNpov(): Example[] {
    const file = this.file('bias_wikinpov_hube2019', 'statements.jsonl');
    return this.binary('wikinpov', file, LOADED, ['biased'], ['neutral'], 'en', (row) => `wikinpov:${stringField(row, 'id')}`);
  }

  /** WNC pairs: the biased sentence is loaded, its neutral edit is not; a pair stays together. */
  loadWnc(): Example[] {
    const file = this.file('bias_wnc_sample', 'train.jsonl');
    const examples: Example[] = [];
    for (const row of this.read(file)) {
      const group = `wnc:${stringField(row, 'id')}`;
      for (const [key, value] of [['biased', 1], ['neutral', 0]] as const) {
        const targets = maskedTargets();
        setTarget(targets, LOADED, value);
        examples.push(this.example(stringField(row, key), 'en', 'wnc', group, targets));
      }
    }
    this.reports.push({ source: 'wnc', files: [file], examples: examples.length, skipped: {} });
    return examples;
  }

  loadClickbaitEnglish(): Example[] {
    const file = this.file('clickbait_chakraborty2016', 'train.jsonl');
    return this.binary('clickbait_en', file, CLICKBAIT, ['clickbait'], ['not_clickbait'], 'en', (row) => `cb:${stringField(row, 'id')}`);
  }

  loadClickbaitSpanish(): Example[] {
    const train = this.binary('clickbait_es', this.file('clickbait_ta1c_es', 'train.jsonl'), CLICKBAIT, ['clickbait'], ['not_clickbait'], 'es', (row) => `ta1c:${stringField(row, 'id')}`);
    // Carve validation from train; the official validation split is our test split.
    for (const example of train) if (example.split === 'test') example.split = 'val';
    const official = this.binary('clickbait_es', this.file('clickbait_ta1c_es', 'validation.jsonl'), CLICKBAIT, ['clickbait'], ['not_clickbait'], 'es', (row) => `ta1c:${stringField(row, 'id')}`);
    for (const example of official) example.split = 'test';
    return [...train, ...official];
  }

  loadInsults(): Example[] {
    const file = this.file('insult_davidson2017', 'labeled_data.jsonl');
    return this.binary('davidson', file, INSULT, ['offensive_language', 'hate_speech'], ['neither'], 'en', (row) => `davidson:${stringField(row, 'id')}`);
  }

  loadAll(): Example[] {
    return [
      ...this.loadPtc(),
      ...this.loadSemEval2023(),
      ...this.loadSemEval2023Paragraphs(),
      ...this.loadMemes(),
      ...this.loadBabe(),
      ...this.loadBabeWords(),
      ...this.loadWikiNpov(),
      ...this.loadWnc(),
      ...this.loadWncWords(),
      ...this.loadClickbaitEnglish(),
      ...this.loadClickbaitSpanish(),
      ...this.loadInsults(),
    ];
  }
}
