// scripts/training/datasets.ts: the loaders on a tiny fake data directory with the real label map.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANY_TECHNIQUE, CLICKBAIT, INSULT, LABELS, LABEL_INDEX, LOADED, TECHNIQUE_NAMES, type Label } from '../../../model/labels';
import { DatasetLoader, MASKED, type Example } from '../../../scripts/training/datasets';
import { DataFileError } from '../../../scripts/training/jsonl';

const LABEL_MAP = resolve(__dirname, '..', '..', '..', '..', 'shared', 'data', 'propaganda_label_map.json');
const root = mkdtempSync(join(tmpdir(), 'unspin-datasets-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const jsonl = (rows: unknown[]) => rows.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n') + '\n';

function put(dir: string, path: string, rows: unknown[]): string {
  const file = join(dir, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, path.endsWith('.gz') ? gzipSync(jsonl(rows)) : jsonl(rows));
  return file;
}

const SEMEVAL_TEXT = 'The council met on Monday. Officials told shameless lies to everyone. The vote was close.';
const LOADED_START = SEMEVAL_TEXT.indexOf('shameless');
// A span from "lies" in sentence 2 into "The vote" of sentence 3.
const CROSS_START = SEMEVAL_TEXT.indexOf('lies');
const CROSS_END = SEMEVAL_TEXT.indexOf('vote') + 4;

/** Every file the loaders read, with a few rows each. Overrides replace one file's rows. */
function makeDataDir(name: string, overrides: Record<string, unknown[]> = {}): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  copyFileSync(LABEL_MAP, join(dir, 'propaganda_label_map.json'));
  const files: Record<string, unknown[]> = {
    'propaganda_ptc_semeval2020/train.sentences.jsonl.gz': [
      { id: 'a1_0', article_id: 'a1', text: 'They are all liars and thieves.', techniques: ['Loaded_Language', 'Name_Calling,Labeling'] },
      { id: 'a1_1', article_id: 'a1', text: 'But what about the other side?', techniques: ['Whataboutism,Straw_Men,Red_Herring'] },
      { id: 'a2_0', article_id: 'a2', text: 'Everyone is joining, like those villains did.', techniques: ['Bandwagon,Reductio_ad_hitlerum'] },
      { id: 'a2_1', article_id: 'a2', text: 'The report was published on Monday.', techniques: [] },
    ],
    'propaganda_semeval2023_task3_multilingual/en.train.articles.jsonl.gz': [
      {
        id: 'a1',
        text: SEMEVAL_TEXT,
        spans: [
          // Wrong legacy offsets, right UTF-16 ones: the loader must use the UTF-16 ones.
          { start: 0, end: 3, start_utf16: LOADED_START, end_utf16: LOADED_START + 'shameless'.length, technique: 'Loaded_Language' },
          { start: CROSS_START, end: CROSS_END, technique: 'Doubt' },
        ],
      },
    ],
    'propaganda_semeval2021_task6_memes/train.jsonl': [{ id: 'm1', text: 'WAKE UP\nSHEEPLE', techniques: ['Loaded Language', 'Smears'] }],
    'propaganda_semeval2021_task6_memes/dev.jsonl': [{ id: 'm2', text: 'VOTE\n\nFOR US', techniques: ['Slogans'] }],
    'bias_babe_mbic/babe_sg2.jsonl': [
      { id: 'b1', text: 'The radical mob destroyed the city.', label: 'biased', news_link: 'https://news.example/1' },
      { id: 'b2', text: 'The city council met on Monday.', label: 'non_biased', news_link: 'https://news.example/1' },
      { id: 'b3', text: 'Annotators could not agree on this one.', label: 'no_agreement', news_link: 'https://news.example/2' },
      { id: 'b4', text: 'A sentence without a link.', label: 'non_biased', news_link: '' },
    ],
    'bias_wikinpov_hube2019/statements.jsonl': [
      { id: 'w1', text: 'He is a brilliant and visionary leader.', label: 'biased' },
      { id: 'w2', text: 'He was elected in 2010.', label: 'neutral' },
    ],
    'bias_wnc_sample/train.jsonl': [{ id: 'n1', biased: 'the notorious senator spoke .', neutral: 'the senator spoke .' }],
    'clickbait_chakraborty2016/train.jsonl': [
      { id: 'c1', text: 'You Will Never Guess What Happened Next', label: 'clickbait' },
      { id: 'c2', text: 'Parliament passes budget bill', label: 'not_clickbait' },
    ],
    'clickbait_ta1c_es/train.jsonl': [
      { id: 't1', text: 'No vas a creer lo que pasó', label: 'clickbait' },
      { id: 't2', text: 'El Congreso aprueba el presupuesto', label: 'not_clickbait' },
    ],
    'clickbait_ta1c_es/validation.jsonl': [{ id: 't3', text: 'Esto te sorprenderá', label: 'clickbait' }],
    'insult_davidson2017/labeled_data.jsonl': [
      { id: 'd1', text: 'you are a stupid idiot', label: 'offensive_language' },
      { id: 'd2', text: 'nice weather today', label: 'neither' },
      { id: 'd3', text: 'some hateful slur', label: 'hate_speech' },
    ],
  };
  for (const lang of ['fr', 'de', 'it', 'pl', 'ru']) {
    files[`propaganda_semeval2023_task3_multilingual/${lang}.train.articles.jsonl.gz`] = [];
    files[`propaganda_semeval2023_task3_multilingual/${lang}.train.paragraphs.jsonl.gz`] = [];
  }
  files['propaganda_semeval2023_task3_multilingual/fr.train.paragraphs.jsonl.gz'] = [
    { id: 'f1_0', article_id: 'f1', text: 'Ces menteurs nous trompent.', techniques: ['Name_Calling-Labeling'] },
  ];
  for (const [path, rows] of Object.entries({ ...files, ...overrides })) put(dir, path, rows);
  return dir;
}

const target = (e: Example, label: Label) => e.targets[LABEL_INDEX[label]];

function thrown(fn: () => unknown): DataFileError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DataFileError);
    return error as DataFileError;
  }
  throw new Error('expected a DataFileError');
}

describe.skipIf(!existsSync(LABEL_MAP))('DatasetLoader', () => {
  let dir: string;
  beforeAll(() => {
    dir = makeDataDir('good');
  });

  describe('PTC', () => {
    it('maps single classes to 1, masks the members of merged classes, and sets any_technique', () => {
      const examples = new DatasetLoader(dir, 1).loadPtc();
      expect(examples.map((e) => e.text)).toEqual([
        'They are all liars and thieves.',
        'But what about the other side?',
        'Everyone is joining, like those villains did.',
        'The report was published on Monday.',
      ]);
      const [names, whatabout, bandwagon, none] = examples;
      expect(target(names, 'Loaded_Language')).toBe(1);
      expect(target(names, 'Name_Calling-Labeling')).toBe(1);
      expect(target(names, 'Doubt')).toBe(0);
      expect(target(names, ANY_TECHNIQUE)).toBe(1);
      // "Whataboutism,Straw_Men,Red_Herring" says one of the three, not which one.
      for (const t of ['Whataboutism', 'Straw_Man', 'Red_Herring'] as const) expect(target(whatabout, t)).toBe(MASKED);
      expect(target(whatabout, 'Loaded_Language')).toBe(0);
      expect(target(whatabout, ANY_TECHNIQUE)).toBe(1);
      for (const t of ['Appeal_to_Popularity', 'Guilt_by_Association'] as const) expect(target(bandwagon, t)).toBe(MASKED);
      // In a sentence without them, merged members are known negatives.
      for (const t of ['Whataboutism', 'Straw_Man', 'Red_Herring', 'Appeal_to_Popularity'] as const) expect(target(none, t)).toBe(0);
      expect(target(none, ANY_TECHNIQUE)).toBe(0);
      for (const e of examples) {
        // Techniques PTC has no class for stay unknown; so do the non-propaganda heads.
        for (const t of ['Appeal_to_Hypocrisy', 'Questioning_the_Reputation', 'Appeal_to_Values', 'Appeal_to_Time', 'Consequential_Oversimplification', 'Obfuscation-Vagueness-Confusion'] as const) expect(target(e, t), t).toBe(MASKED);
        for (const l of [LOADED, CLICKBAIT, INSULT] as const) expect(target(e, l)).toBe(MASKED);
        expect(e.lang).toBe('en');
        expect(e.source).toBe('ptc');
        expect(e.targets).toHaveLength(LABELS.length);
      }
      expect(examples[0].group).toBe('en-article:a1');
    });

    it('names file and line of an unknown technique', () => {
      const bad = makeDataDir('ptc-unknown', {
        'propaganda_ptc_semeval2020/train.sentences.jsonl.gz': [
          { id: 'a1_0', article_id: 'a1', text: 'Fine.', techniques: [] },
          { id: 'a1_1', article_id: 'a1', text: 'Bad.', techniques: ['Mind_Control'] },
        ],
      });
      const error = thrown(() => new DatasetLoader(bad, 1).loadPtc());
      expect(error.message).toBe(`${join(bad, 'propaganda_ptc_semeval2020', 'train.sentences.jsonl.gz')}:2: unknown technique "Mind_Control"`);
    });
  });

  describe('SemEval-2023', () => {
    it('labels each sentence with the techniques whose spans overlap it, using UTF-16 offsets', () => {
      const loader = new DatasetLoader(dir, 1);
      const examples = loader.loadSemEval2023();
      expect(examples.map((e) => e.text)).toEqual(['The council met on Monday.', 'Officials told shameless lies to everyone.', 'The vote was close.']);
      const [first, second, third] = examples;
      for (const t of TECHNIQUE_NAMES) expect(target(first, t)).toBe(0);
      expect(target(first, ANY_TECHNIQUE)).toBe(0);
      expect(target(second, 'Loaded_Language')).toBe(1);
      expect(target(second, 'Doubt')).toBe(1);
      expect(target(second, ANY_TECHNIQUE)).toBe(1);
      // The cross-sentence span reaches the third sentence; the loaded-language one does not.
      expect(target(third, 'Doubt')).toBe(1);
      expect(target(third, 'Loaded_Language')).toBe(0);
      for (const e of examples) {
        expect(e.group).toBe('en-article:a1');
        expect(target(e, LOADED)).toBe(MASKED);
        expect(target(e, CLICKBAIT)).toBe(MASKED);
      }
      expect(loader.reports.at(-1)).toMatchObject({ source: 'semeval2023', examples: 3 });
    });

    it('does not give a sentence a span that only touches its boundary', () => {
      const text = 'First one here. Second one here.';
      const boundary = text.indexOf('Second');
      const touching = makeDataDir('semeval-touching', {
        'propaganda_semeval2023_task3_multilingual/en.train.articles.jsonl.gz': [
          { id: 'x', text, spans: [{ start: 0, end: boundary - 1, technique: 'Slogans' }, { start: boundary, end: text.length, technique: 'Doubt' }] },
        ],
      });
      const [first, second] = new DatasetLoader(touching, 1).loadSemEval2023();
      expect([target(first, 'Slogans'), target(first, 'Doubt')]).toEqual([1, 0]);
      expect([target(second, 'Slogans'), target(second, 'Doubt')]).toEqual([0, 1]);
    });

    it('fails with file:line for a span past the end of the text', () => {
      const bad = makeDataDir('semeval-past-end', {
        'propaganda_semeval2023_task3_multilingual/en.train.articles.jsonl.gz': [
          { id: 'ok', text: 'Short text.', spans: [] },
          { id: 'bad', text: 'Short text.', spans: [{ start: 2, end: 40, technique: 'Doubt' }] },
        ],
      });
      const error = thrown(() => new DatasetLoader(bad, 1).loadSemEval2023());
      expect(error.message.startsWith(`${join(bad, 'propaganda_semeval2023_task3_multilingual', 'en.train.articles.jsonl.gz')}:2: `)).toBe(true);
      expect(error.message).toContain('past the text');
    });

    it('fails with file:line for an unknown technique or a malformed span', () => {
      const file = (d: string) => join(d, 'propaganda_semeval2023_task3_multilingual', 'en.train.articles.jsonl.gz');
      const unknown = makeDataDir('semeval-unknown', {
        'propaganda_semeval2023_task3_multilingual/en.train.articles.jsonl.gz': [{ id: 'a', text: 'Some text.', spans: [{ start: 0, end: 4, technique: 'Loaded Language' }] }],
      });
      expect(thrown(() => new DatasetLoader(unknown, 1).loadSemEval2023()).message).toBe(`${file(unknown)}:1: unknown technique "Loaded Language"`);
      const reversed = makeDataDir('semeval-reversed', {
        'propaganda_semeval2023_task3_multilingual/en.train.articles.jsonl.gz': [{ id: 'a', text: 'Some text.', spans: [{ start: 4, end: 0, technique: 'Doubt' }] }],
      });
      expect(thrown(() => new DatasetLoader(reversed, 1).loadSemEval2023()).message.startsWith(`${file(reversed)}:1: `)).toBe(true);
    });
  });

  describe('binary sources', () => {
    it('counts BABE no_agreement rows as skipped and labels the rest', () => {
      const loader = new DatasetLoader(dir, 1);
      const examples = loader.loadBabe();
      expect(examples.map((e) => [e.text, target(e, LOADED)])).toEqual([
        ['The radical mob destroyed the city.', 1],
        ['The city council met on Monday.', 0],
        ['A sentence without a link.', 0],
      ]);
      expect(loader.reports.at(-1)).toEqual({ source: 'babe', files: [join(dir, 'bias_babe_mbic', 'babe_sg2.jsonl')], examples: 3, skipped: { 'label no_agreement': 1 } });
      // Sentences of one article share a group; a row without a link is its own group.
      expect(examples[0].group).toBe(examples[1].group);
      expect(examples[2].group).toBe('babe:b4');
      // Only the loaded-language head is known.
      for (const e of examples) for (const l of LABELS) if (l !== LOADED) expect(target(e, l)).toBe(MASKED);
    });

    it('keeps a WNC pair together, biased as loaded and neutral as not', () => {
      const examples = new DatasetLoader(dir, 1).loadWnc();
      expect(examples.map((e) => [e.text, target(e, LOADED)])).toEqual([
        ['the notorious senator spoke .', 1],
        ['the senator spoke .', 0],
      ]);
      expect(examples[0].group).toBe(examples[1].group);
      expect(examples[0].split).toBe(examples[1].split);
    });

    it('labels insults from offensive language and hate speech', () => {
      const examples = new DatasetLoader(dir, 1).loadInsults();
      expect(examples.map((e) => target(e, INSULT))).toEqual([1, 0, 1]);
    });

    it('puts the official Spanish validation set in test and never trains on the rest of test', () => {
      const examples = new DatasetLoader(dir, 1).loadClickbaitSpanish();
      expect(examples.map((e) => [e.text, target(e, CLICKBAIT), e.lang])).toEqual([
        ['No vas a creer lo que pasó', 1, 'es'],
        ['El Congreso aprueba el presupuesto', 0, 'es'],
        ['Esto te sorprenderá', 1, 'es'],
      ]);
      expect(examples[2].split).toBe('test');
      for (const e of examples.slice(0, 2)) expect(e.split).not.toBe('test');
    });

    it('puts meme dev rows in test and flattens line breaks', () => {
      const examples = new DatasetLoader(dir, 1).loadMemes();
      expect(examples.map((e) => e.text)).toEqual(['WAKE UP SHEEPLE', 'VOTE FOR US']);
      expect(examples[1].split).toBe('test');
      expect(examples[0].split).not.toBe('test');
      expect(target(examples[0], 'Loaded_Language')).toBe(1);
      expect(target(examples[0], 'Questioning_the_Reputation')).toBe(1);
      expect(target(examples[1], 'Slogans')).toBe(1);
    });

    it('names file and line of a row with a missing field', () => {
      const bad = makeDataDir('babe-missing-text', {
        'bias_babe_mbic/babe_sg2.jsonl': [{ id: 'b1', text: 'Fine.', label: 'biased' }, { id: 'b2', label: 'biased' }],
      });
      expect(thrown(() => new DatasetLoader(bad, 1).loadBabe()).message).toBe(`${join(bad, 'bias_babe_mbic', 'babe_sg2.jsonl')}:2: "text" must be a string`);
    });
  });

  describe('splits', () => {
    const loadEverything = (d: string, seed: number) => {
      const loader = new DatasetLoader(d, seed);
      return [
        ...loader.loadPtc(),
        ...loader.loadSemEval2023(),
        ...loader.loadSemEval2023Paragraphs(),
        ...loader.loadMemes(),
        ...loader.loadBabe(),
        ...loader.loadWikiNpov(),
        ...loader.loadWnc(),
        ...loader.loadClickbaitEnglish(),
        ...loader.loadClickbaitSpanish(),
        ...loader.loadInsults(),
      ];
    };

    it('are deterministic for a seed', () => {
      const a = loadEverything(dir, 7).map((e) => [e.source, e.group, e.split]);
      const b = loadEverything(dir, 7).map((e) => [e.source, e.group, e.split]);
      expect(b).toEqual(a);
    });

    it('never put one group in two splits, across every source (PTC and SemEval-2023 English share article groups)', () => {
      for (const seed of [1, 2, 3, 42, 1234]) {
        const splitsOf = new Map<string, Set<string>>();
        for (const e of loadEverything(dir, seed)) {
          if (!splitsOf.has(e.group)) splitsOf.set(e.group, new Set());
          splitsOf.get(e.group)!.add(e.split);
        }
        for (const [group, splits] of splitsOf) expect([...splits], `group ${group} with seed ${seed}`).toHaveLength(1);
        // PTC's article a1 and SemEval-2023's article a1 are the same group.
        expect(splitsOf.has('en-article:a1')).toBe(true);
      }
    });

    it('spread many groups over train, val and test, in roughly 80/10/10', () => {
      const rows = Array.from({ length: 2000 }, (_, i) => ({ id: `w${i}`, text: `Statement number ${i}.`, label: i % 2 ? 'biased' : 'neutral' }));
      const many = makeDataDir('many-groups', { 'bias_wikinpov_hube2019/statements.jsonl': rows });
      const examples = new DatasetLoader(many, 3).loadWikiNpov();
      const share = (split: string) => examples.filter((e) => e.split === split).length / examples.length;
      expect(share('train')).toBeGreaterThan(0.75);
      expect(share('train')).toBeLessThan(0.85);
      expect(share('val')).toBeGreaterThan(0.07);
      expect(share('test')).toBeGreaterThan(0.07);
      // Another seed moves some groups.
      const other = new DatasetLoader(many, 4).loadWikiNpov();
      expect(other.some((e, i) => e.split !== examples[i].split)).toBe(true);
    });
  });

  it('refuses a label map whose coarse groups disagree with model/labels.ts', () => {
    const bad = join(root, 'bad-map');
    mkdirSync(bad, { recursive: true });
    writeFileSync(
      join(bad, 'propaganda_label_map.json'),
      JSON.stringify({ ptc_semeval2020_to_semeval2023: {}, semeval2021_task6_to_semeval2023: {}, semeval2023_coarse: { Call: ['Slogans'] } }),
    );
    expect(() => new DatasetLoader(bad, 1)).toThrow(DataFileError);
  });

  it('names a missing data file', () => {
    const empty = join(root, 'only-map');
    mkdirSync(empty, { recursive: true });
    copyFileSync(LABEL_MAP, join(empty, 'propaganda_label_map.json'));
    expect(() => new DatasetLoader(empty, 1).loadBabe()).toThrow(`missing data file ${join(empty, 'bias_babe_mbic', 'babe_sg2.jsonl')}`);
  });
});
