// npx tsx scripts/build-rewording.ts [-- --data DIR --out FILE]
// Builds model/artifacts/rewording.json, the neutral-rewording table for loaded words:
// single-word biased → neutral edits mined from WNC train pairs (never test), the words BABE (SG2)
// experts mark as biased, and the reviewed table in scripts/rewording-reviewed.ts (which wins).
// Deterministic: same data, same bytes.
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RewordingArtifact } from '../model/rewording';
import { NEVER_REWORD, REVIEWED_REWORDINGS } from './rewording-reviewed';
import { readJsonl, stringArrayField, stringField } from './training/jsonl';
import { parseFlags } from './training/options';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_OUT = join(ROOT, 'model', 'artifacts', 'rewording.json');
export const DEFAULT_DATA = join(ROOT, '..', 'shared', 'data');
/** A mined edit enters the active table when seen this often, or when BABE also marks the word. */
const MIN_MINED = 2;
/** …and when at least this share of the word's single-word edits agree on the same replacement. */
const MIN_CONSISTENCY = 2 / 3;
const MIN_BABE = 2;
const STOPWORDS = new Set('a an the and or but if of to in on at by for with from as is are was were be been being it its he she they them their his her him we our us you your i me my this that these those which who whom whose what when where why how not no also only even very more most other another some any all such than then there here has have had do does did can could will would shall should may might must yet so just still'.split(' '));

// More reviewed entries (written by hand, checked against WNC train edits and BABE words, never WNC
// test). Drops ('') apply only where safe: adjectives before a noun, adverbs anywhere (with their comma
// when they open a clause). Keys with a space or hyphen are phrases.
export const EXTRA_REVIEWED: Record<string, string> = {
  // Puffery: evaluative adjectives the WNC editors delete
  renowned: '', famed: '', celebrated: '', esteemed: '', revered: '', beloved: '', acclaimed: '', respected: '',
  legendary: '', iconic: '', talented: '', gifted: '', prolific: '', remarkable: '', outstanding: '', brilliant: '',
  beautiful: '', gorgeous: '', lovely: '', stunning: '', spectacular: '', magnificent: '', fantastic: '', wonderful: '',
  excellent: '', superb: '', impressive: '', memorable: '', extraordinary: '', exceptional: '', phenomenal: '', tremendous: '',
  glorious: '', splendid: '', masterful: '', visionary: '', groundbreaking: '', 'ground-breaking': '', 'world-class': '',
  'award-winning': '', prominent: '', important: '', influential: '', famous: '', prestigious: '', successful: '', popular: '',
  // Condemnation: evaluative adjectives
  tragic: '', terrible: '', horrible: '', awful: '', dreadful: '', heinous: '', ruthless: '', barbaric: '', sinister: '',
  nefarious: '', vicious: '', deplorable: '', reprehensible: '', abhorrent: '', abysmal: '', laughable: '', ludicrous: '',
  preposterous: '', outlandish: '', shoddy: '', sleazy: '', shameless: '', fanatical: '', hateful: '', desperate: '',
  incendiary: '', inflammatory: '', divisive: '', bigoted: '',
  // Sentence adverbs and intensifiers that editorialise
  unfortunately: '', fortunately: '', sadly: '', tragically: '', ironically: '', interestingly: '', curiously: '',
  surprisingly: '', unsurprisingly: '', predictably: '', luckily: '', thankfully: '', regrettably: '', clearly: '',
  obviously: '', undoubtedly: '', undeniably: '', unquestionably: '', remarkably: '', amazingly: '', incredibly: '',
  astonishingly: '', famously: '', infamously: '', conveniently: '', truly: '', very: '', quite: '', highly: '',
  exceptionally: '', hugely: '', enormously: '', immensely: '', tremendously: '', perfectly: '', absolutely: '',
  wisely: '', cleverly: '', brilliantly: '', beautifully: '', heroically: '', bravely: '', boldly: '', courageously: '',
  shamelessly: '', cruelly: '', viciously: '', brutally: '', callously: '', recklessly: '', unfairly: '', rightly: '',
  rightfully: '', wrongly: '', indeed: '', finally: '',
  // Nouns and phrases
  mankind: 'humankind', statesman: 'politician', statesmen: 'politicians',
  'passed away': 'died', 'passes away': 'dies', 'pass away': 'die', 'passing away': 'dying',
  'self-proclaimed': 'self-described', 'self-styled': 'self-described',
  'pointed out': 'said', 'points out': 'says', 'pointing out': 'saying',
  'lashed out at': 'criticised', 'lashes out at': 'criticises', 'lashing out at': 'criticising',
  // Other languages: "so-called" (attributive, declined forms)
  'soi-disant': '', sogenannte: '', sogenannten: '', sogenannter: '', sogenanntes: '', sogenanntem: '',
  cosiddetto: '', cosiddetta: '', cosiddetti: '', cosiddette: '',
  'так называемый': '', 'так называемая': '', 'так называемое': '', 'так называемые': '', 'так называемых': '', 'так называемого': '', 'так называемой': '', 'так называемым': '',
  'tak zwany': '', 'tak zwana': '', 'tak zwane': '', 'tak zwani': '', 'tak zwanych': '', 'tak zwanego': '', 'tak zwanej': '',
};
/** Non-English keys above: no English article fixes next to them. */
export const FOREIGN_KEYS = Object.keys(EXTRA_REVIEWED).filter((k) => /^(soi-disant|sogenannt|cosiddett|так |tak zwan)/.test(k));

/** Verb lemmas → [neutral lemma, forms: b base, s -s, d -ed, g -ing]. Nouns' spellings are left out ("a claim", "claims"). */
export const REVIEWED_VERBS: Record<string, [string, string]> = {
  slam: ['criticise', 'bsdg'], blast: ['criticise', 'dg'], lambast: ['criticise', 'bsdg'], lambaste: ['criticise', 'bsdg'],
  bash: ['criticise', 'dg'], berate: ['criticise', 'bsdg'], scold: ['criticise', 'bsdg'], deride: ['criticise', 'bsdg'],
  excoriate: ['criticise', 'bsdg'], eviscerate: ['criticise', 'bsdg'], skewer: ['criticise', 'dg'], assail: ['criticise', 'bsdg'],
  savage: ['criticise', 'd'], trash: ['criticise', 'd'], smear: ['criticise', 'dg'], rip: ['criticise', 'd'],
  // Swapped to "say" only before "that", a pronoun, a quotation or punctuation (see model/rewording.ts).
  claim: ['say', 'dg'], admit: ['say', 'bsdg'], confess: ['say', 'bsdg'], concede: ['say', 'bsdg'], insist: ['say', 'bsdg'],
  boast: ['say', 'dg'], brag: ['say', 'bsdg'], rant: ['say', 'dg'], whine: ['say', 'dg'], reveal: ['say', 'sdg'], proclaim: ['say', 'sdg'],
  destroy: ['damage', 'bsdg'], devastate: ['damage', 'bsd'], wreck: ['damage', 'd'], slash: ['cut', 'd'], gut: ['cut', 'd'], axe: ['cut', 'd'],
  skyrocket: ['rise', 'bsdg'], soar: ['rise', 'sdg'], plummet: ['fall', 'bsdg'], plunge: ['fall', 'sdg'],
  murder: ['kill', 'dg'], slaughter: ['kill', 'dg'], massacre: ['kill', 'd'], christen: ['name', 'd'],
};

/** Terms where a table word is part of a name or a fixed phrase: left alone. */
export const KEEP_TERMS = [
  'popular vote', 'popular votes', 'popular music', 'popular culture', 'popular front', 'popular party', 'popular sovereignty', 'popular support',
  'outstanding debt', 'outstanding debts', 'outstanding loans', 'outstanding shares', 'outstanding balance', 'outstanding warrants', 'outstanding issues', 'outstanding questions',
  'important role', 'very first', 'very same', 'very end', 'very beginning', 'very top', 'very own',
];

/** Hunks of a token diff: [removed from a, inserted from b]. LCS, ties broken toward deletion. */
export function diffHunks(a: string[], b: string[]): [string[], string[]][] {
  const n = a.length;
  const m = b.length;
  const dp = Array.from({ length: n + 1 }, () => new Int32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) dp[i][j] = a[i] === b[j] ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
  const hunks: [string[], string[]][] = [];
  let del: string[] = [];
  let ins: string[] = [];
  const flush = () => {
    if (del.length || ins.length) hunks.push([del, ins]);
    del = [];
    ins = [];
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      flush();
      i++;
      j++;
    } else if (j >= m || (i < n && dp[i + 1][j] >= dp[i][j + 1])) del.push(a[i++]);
    else ins.push(b[j++]);
  }
  flush();
  return hunks;
}

const isWord = (w: string) => /^[a-z][a-z'-]*[a-z]$/.test(w) && w.length >= 3 && !STOPWORDS.has(w);

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length];
}

/** Single-word deletions and replacements in WNC pairs, filtered of function words, spelling fixes and typos. */
export function mineWnc(file: string): Record<string, [string, number]> {
  const counts = new Map<string, Map<string, number>>();
  for (const row of readJsonl(file)) {
    const biased = stringField(row, 'biased').split(/\s+/).filter(Boolean);
    const neutral = stringField(row, 'neutral').split(/\s+/).filter(Boolean);
    for (const [del, ins] of diffHunks(biased, neutral)) {
      if (del.length !== 1 || ins.length > 1) continue;
      const from = del[0];
      const to = ins[0] ?? '';
      if (!isWord(from) || (to !== '' && !isWord(to))) continue;
      if (to !== '' && (to.startsWith(from) || from.startsWith(to) || editDistance(from, to) <= 2)) continue;
      const tos = counts.get(from) ?? new Map<string, number>();
      tos.set(to, (tos.get(to) ?? 0) + 1);
      counts.set(from, tos);
    }
  }
  const mined: Record<string, [string, number]> = {};
  for (const from of [...counts.keys()].sort()) {
    const tos = counts.get(from)!;
    const [to, n] = [...tos].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0];
    const total = [...tos.values()].reduce((a, b) => a + b, 0);
    // Editors who disagree (half delete, half replace) make no rule.
    if (n / total < MIN_CONSISTENCY) continue;
    mined[from] = [to, n];
  }
  return mined;
}

/** Single words BABE SG2 marks as biased, lower-cased, with how many rows mark them. */
export function countBabe(file: string): Record<string, number> {
  const counts = new Map<string, number>();
  for (const row of readJsonl(file)) {
    stringField(row, 'text');
    const words = new Set(stringArrayField(row, 'biased_words').map((w) => w.trim().toLowerCase().replace(/’/g, "'")));
    for (const w of words) if (/^[a-z][a-z'-]*[a-z]$/.test(w) && !STOPWORDS.has(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  const babe: Record<string, number> = {};
  for (const w of [...counts.keys()].sort()) if (counts.get(w)! >= MIN_BABE) babe[w] = counts.get(w)!;
  return babe;
}

export function buildRewording(dataDir: string): RewordingArtifact {
  const mined = mineWnc(join(dataDir, 'bias_wnc_sample', 'train.jsonl'));
  const babe = countBabe(join(dataDir, 'bias_babe_mbic', 'babe_sg2.jsonl'));
  const table: Record<string, string> = {};
  const origin: Record<string, 'r' | 'm'> = {};
  const active: Record<string, [string, number]> = {};
  for (const [from, [to, n]] of Object.entries(mined)) {
    // Seen twice, or a deletion seen once of a word BABE also marks; never a listed exception.
    if (NEVER_REWORD.has(from) || (n < MIN_MINED && !(to === '' && from in babe))) continue;
    active[from] = [to, n];
    table[from] = to;
    origin[from] = 'm';
  }
  for (const [from, to] of Object.entries({ ...REVIEWED_REWORDINGS, ...EXTRA_REVIEWED })) {
    table[from] = to;
    origin[from] = 'r';
  }
  const sorted = <T>(o: Record<string, T>) => Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
  return {
    version: 1,
    table: sorted(table),
    origin: sorted(origin),
    mined: sorted(active),
    babe,
    verbs: sorted(REVIEWED_VERBS),
    keep: [...KEEP_TERMS].sort(),
    foreign: [...FOREIGN_KEYS].sort(),
    sources: [
      'WNC sample (train pairs only): Pryzant et al., AAAI 2020; github.com/rpryzant/neutralizing-bias, MIT; sentences CC BY-SA (Wikipedia)',
      'BABE SG2 biased words: Spinde et al., Findings of EMNLP 2021; AGPL-3.0',
      'Reviewed table: scripts/rewording-reviewed.ts and scripts/build-rewording.ts (EXTRA_REVIEWED, REVIEWED_VERBS)',
    ],
  };
}

export function serializeRewording(artifact: RewordingArtifact): string {
  return `${JSON.stringify(artifact)}\n`;
}

function main(): void {
  const { flags } = parseFlags(process.argv.slice(2));
  const dataDir = resolve(typeof flags.data === 'string' ? flags.data : DEFAULT_DATA);
  const out = resolve(typeof flags.out === 'string' ? flags.out : DEFAULT_OUT);
  const artifact = buildRewording(dataDir);
  const text = serializeRewording(artifact);
  writeFileSync(out, text);
  const values = Object.values(artifact.origin);
  process.stdout.write(`${JSON.stringify({ out, table: values.length, reviewed: values.filter((o) => o === 'r').length, mined: values.filter((o) => o === 'm').length, babe: Object.keys(artifact.babe).length, bytes: Buffer.byteLength(text) })}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (error) {
    process.stderr.write(`build-rewording failed: ${(error as Error).message}\n`);
    process.exit(1);
  }
}
