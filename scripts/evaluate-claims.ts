// npm run -s evaluate:claims [-- --data DIR --artifact FILE --no-write --perturbed 500 --unrelated 6000]
// Calibrates and measures the "Known false claims" matcher. Positives: a seeded sample of indexed
// claims, perturbed automatically (word drops, clause reordering, synonym swaps, truncation,
// embedding in a reporting frame, and all of these at once). Negatives: unrelated news sentences (PTC, BABE). The threshold
// is the lowest with a false-match rate ≤ 1% on one half; the figures are from the other half.
// Writes the threshold into the artifact unless --no-write.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClaimIndex, type ClaimIndex, type ClaimsArtifact } from '../model/claims';
import { DEFAULT_OUT, serializeClaims } from './build-claims';
import { readJsonl, stringField } from './training/jsonl';
import { parseFlags } from './training/options';
import { createRandom, shuffleInPlace } from './training/random';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SEED = 29;
const MAX_FALSE_MATCH_RATE = 0.01;
const PAGE_SENTENCES = 200;

// Small hand-made list, applied in both directions.
const SYNONYMS: [string, string][] = [
  ['attack', 'assault'], ['war', 'conflict'], ['government', 'authorities'], ['president', 'leader'], ['country', 'nation'],
  ['destroy', 'ruin'], ['wants', 'seeks'], ['preparing', 'getting ready'], ['secret', 'covert'], ['people', 'citizens'],
  ['children', 'kids'], ['killed', 'murdered'], ['dangerous', 'risky'], ['big', 'large'], ['said', 'stated'],
  ['says', 'claims'], ['plans', 'intends'], ['control', 'rule'], ['banned', 'prohibited'], ['money', 'funds'],
  ['weapons', 'arms'], ['soldiers', 'troops'], ['states', 'countries'], ['huge', 'enormous'], ['fake', 'false'],
  ['created', 'made'], ['tried', 'attempted'], ['provoke', 'incite'], ['supports', 'backs'], ['voted', 'cast a vote'],
  ['increase', 'rise'], ['jobs', 'employment'], ['taxes', 'levies'], ['illegal', 'unlawful'], ['vaccine', 'jab'],
];
const SYNONYM_OF = new Map(SYNONYMS.flatMap(([a, b]) => [[a, b], [b, a]] as [string, string][]));
const FRAMES = ['According to reports, %s, the outlet said.', 'Some commentators claim that %s', 'It is no secret: %s!', 'Experts warn %s'];

type Random = () => number;
export type Perturbation = 'drop' | 'reorder' | 'synonym' | 'truncate' | 'frame' | 'combined';
export const PERTURBATIONS: Perturbation[] = ['drop', 'reorder', 'synonym', 'truncate', 'frame', 'combined'];

function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

function dropWords(text: string, random: Random): string {
  const all = words(text);
  if (all.length <= 3) return all.slice(0, -1).join(' ') || text;
  const drops = Math.max(1, Math.round(all.length * 0.25));
  const kept = [...all];
  for (let i = 0; i < drops; i++) kept.splice(Math.floor(random() * kept.length), 1);
  return kept.join(' ');
}

function reorderClauses(text: string): string {
  const clauses = text.split(/\s*[,;:–—]\s+|\s+(?=(?:and|because|while|but|as)\s)/).filter(Boolean);
  if (clauses.length > 1) return [...clauses.slice(1), clauses[0]].join(', ');
  const all = words(text);
  const cut = Math.ceil(all.length * 0.6);
  return [...all.slice(cut), ...all.slice(0, cut)].join(' ');
}

function swapSynonyms(text: string, random: Random): string {
  let swapped = false;
  const result = words(text).map((word) => {
    const replacement = SYNONYM_OF.get(word.toLowerCase());
    if (!replacement) return word;
    swapped = true;
    return replacement;
  });
  return swapped ? result.join(' ') : dropWords(text, random);
}

function truncate(text: string): string {
  const all = words(text);
  return all.slice(0, Math.max(3, Math.ceil(all.length * 0.65))).join(' ');
}

export function perturb(text: string, kind: Perturbation, random: Random): string {
  switch (kind) {
    case 'drop': return dropWords(text, random);
    case 'reorder': return reorderClauses(text);
    case 'synonym': return swapSynonyms(text, random);
    case 'truncate': return truncate(text);
    case 'frame': return FRAMES[Math.floor(random() * FRAMES.length)].replace('%s', text.replace(/[.!?]+$/, ''));
    case 'combined': return perturb(dropWords(swapSynonyms(reorderClauses(text), random), random), 'frame', random);
  }
}

interface Scored {
  half: 0 | 1;
  similarity: number;
  correct?: boolean;
  kind?: Perturbation;
}

function topMatch(index: ClaimIndex, sentence: string): { claim: string; similarity: number } | undefined {
  return index.match([sentence], { threshold: 0, limit: 1 })[0][0];
}

function scorePerturbed(index: ClaimIndex, artifact: ClaimsArtifact, n: number, random: Random): Scored[] {
  const order = Array.from({ length: artifact.claims.length }, (_, i) => i);
  shuffleInPlace(order, random);
  return order.slice(0, n).map((doc, i) => {
    const kind = PERTURBATIONS[i % PERTURBATIONS.length];
    const claim = artifact.claims[doc][0];
    const top = topMatch(index, perturb(claim, kind, random));
    // Halves alternate by round of perturbation kinds, so each half holds every kind.
    return { half: (Math.floor(i / PERTURBATIONS.length) % 2) as 0 | 1, similarity: top?.similarity ?? 0, correct: top?.claim === claim, kind };
  });
}

function unrelatedSentences(dataDir: string, n: number, random: Random): string[] {
  const ptc = readJsonl(join(dataDir, 'propaganda_ptc_semeval2020', 'train.sentences.jsonl.gz')).map((r) => stringField(r, 'text'));
  const babe = readJsonl(join(dataDir, 'bias_babe_mbic', 'babe_sg2.jsonl')).map((r) => stringField(r, 'text'));
  // Sentences too short to state a claim are not matched against anything useful either way.
  const all = [...ptc, ...babe].filter((s) => words(s).length >= 5);
  shuffleInPlace(all, random);
  return all.slice(0, n);
}

/** Lowest threshold (to 0.001) whose false-match rate on `scores` is at most the target. */
export function pickThreshold(scores: number[], maxRate = MAX_FALSE_MATCH_RATE): number {
  const sorted = [...scores].sort((a, b) => b - a);
  const allowed = Math.floor(sorted.length * maxRate);
  const bound = sorted[allowed] ?? 0;
  return Math.floor(bound * 1000) / 1000 + 0.001;
}

function rates(perturbed: Scored[], unrelated: Scored[], threshold: number) {
  const share = (items: Scored[], hit: (s: Scored) => boolean) => (items.length ? Math.round((items.filter(hit).length / items.length) * 1000) / 1000 : 0);
  const recall = (items: Scored[]) => share(items, (s) => Boolean(s.correct) && s.similarity >= threshold);
  const byKind = Object.fromEntries(PERTURBATIONS.map((k) => [k, recall(perturbed.filter((s) => s.kind === k))]));
  return { recall_at_1: recall(perturbed), false_match_rate: share(unrelated, (s) => s.similarity >= threshold), recall_by_perturbation: byKind };
}

function pageTimeMs(index: ClaimIndex, sentences: string[]): number {
  const page = sentences.slice(0, PAGE_SENTENCES);
  index.match(page);
  const runs = 5;
  const start = performance.now();
  for (let i = 0; i < runs; i++) index.match(page);
  return Math.round(((performance.now() - start) / runs) * 10) / 10;
}

function main(): void {
  const { flags } = parseFlags(process.argv.slice(2));
  const dataDir = resolve(typeof flags.data === 'string' ? flags.data : join(ROOT, '..', 'shared', 'data'));
  const file = resolve(typeof flags.artifact === 'string' ? flags.artifact : DEFAULT_OUT);
  const nPerturbed = Number(flags.perturbed ?? 500);
  const nUnrelated = Number(flags.unrelated ?? 6000);
  const artifact = JSON.parse(readFileSync(file, 'utf8')) as ClaimsArtifact;
  const loadStart = performance.now();
  const index = createClaimIndex(artifact);
  const loadMs = Math.round(performance.now() - loadStart);
  const random = createRandom(SEED);
  const perturbed = scorePerturbed(index, artifact, nPerturbed, random);
  const sentences = unrelatedSentences(dataDir, nUnrelated, random);
  const unrelated: Scored[] = sentences.map((s, i) => ({ half: (i % 2) as 0 | 1, similarity: topMatch(index, s)?.similarity ?? 0 }));
  const threshold = pickThreshold(unrelated.filter((s) => s.half === 0).map((s) => s.similarity));
  const heldOut = rates(perturbed.filter((s) => s.half === 1), unrelated.filter((s) => s.half === 1), threshold);
  const calibration = rates(perturbed.filter((s) => s.half === 0), unrelated.filter((s) => s.half === 0), threshold);
  if (flags['no-write'] !== true) writeFileSync(file, serializeClaims({ ...artifact, threshold }));
  const result = {
    ...heldOut, threshold, n_perturbed: perturbed.length, n_unrelated: unrelated.length, held_out_half: { n_perturbed: perturbed.filter((s) => s.half === 1).length, n_unrelated: unrelated.filter((s) => s.half === 1).length },
    calibration_half: calibration, claims: artifact.claims.length, load_ms: loadMs, match_ms_per_page: pageTimeMs(index, sentences), page_sentences: PAGE_SENTENCES,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (error) {
    process.stderr.write(`evaluate-claims failed: ${(error as Error).message}\n`);
    process.exit(1);
  }
}
