// Known false claims: match page sentences against a bundled index of debunked claims.
// Retrieval is TF-IDF cosine over two feature families, built at load time from the claim texts:
// whole words (exact wording) and character 4-grams inside words (inflections, spelling variants,
// transliterated names). The artifact (model/artifacts/claims.json) is written by
// scripts/build-claims.ts; its threshold is calibrated by scripts/evaluate-claims.ts.
import { tokenize } from './text';

export interface ClaimMatch {
  claim: string;
  verdict: string;
  correction?: string;
  source: string;
  url: string;
  similarity: number;
}

export interface ClaimSource {
  name: string;
  licence: string;
  citation: string;
  /** Claim URLs are stored as suffixes of this prefix to keep the artifact small. */
  urlPrefix: string;
}

/** [claim text, verdict index, source index, URL suffix, origin languages ("ru,fi"), correction?] */
export type ClaimTuple = [string, number, number, string, string, string?];

export interface ClaimsArtifact {
  version: 1;
  /** Lowest cosine similarity reported as a match. */
  threshold: number;
  /** Language of every claim text (the sources publish English summaries). */
  language: string;
  /** Normalised verdicts, e.g. "false", "misleading (…)", "disinformation (EUvsDisinfo)". */
  verdicts: string[];
  sources: ClaimSource[];
  claims: ClaimTuple[];
}

export interface ClaimIndex {
  readonly size: number;
  readonly threshold: number;
  /** Matches at or above the threshold for each sentence, best first. */
  match(sentences: string[], options?: MatchOptions): ClaimMatch[][];
}

export interface MatchOptions {
  /** Overrides the artifact's threshold (used by calibration). */
  threshold?: number;
  /** At most this many matches per sentence. */
  limit?: number;
}

/** Only the start of a pathological sentence is compared: claims are short. */
const MAX_QUERY_CHARS = 1000;
const DEFAULT_LIMIT = 3;
const GRAM = 4;
const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;
/** Terms are hashed into 2^19 buckets per family; the top bit of an id is its family. */
const FAMILY_BITS = 19;
const BUCKET_MASK = (1 << FAMILY_BITS) - 1;
const GRAM_FAMILY = 1 << FAMILY_BITS;
/**
 * Candidates are found through terms in at most this share of claims, then scored exactly.
 * Frequent terms ("the", " rus") alone cannot lift a claim over any sensible threshold.
 */
const CANDIDATE_MAX_DF_SHARE = 0.01;
const CANDIDATES = 200;
/** Shorter sentences ("may", "Crimea!") share too little to identify a claim. */
const MIN_QUERY_WORDS = 3;

/** The normalised words of a text (letters or digits), as the index sees them. */
export function claimWords(text: string): string[] {
  return tokenize(text.slice(0, MAX_QUERY_CHARS)).map((t) => t.norm).filter((norm) => HAS_WORD_CHAR.test(norm));
}

function fnv(text: string, from: number, to: number): number {
  let hash = 0x811c9dc5;
  for (let i = from; i < to; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return hash >>> 0;
}

/** A text's hashed term ids and how often each occurs, ids ascending. */
interface TermCounts {
  ids: Int32Array;
  counts: Int32Array;
}

let idScratch = new Int32Array(1024);

/** Hashed term ids → counts: whole words, and character 4-grams of each space-padded word. */
function termCounts(words: string[]): TermCounts {
  // Sorting a typed array and counting runs is several times faster than a Map per claim.
  let length = 0;
  const push = (id: number) => {
    if (length === idScratch.length) {
      const grown = new Int32Array(idScratch.length * 2);
      grown.set(idScratch);
      idScratch = grown;
    }
    idScratch[length++] = id;
  };
  for (const word of words) {
    push(fnv(word, 0, word.length) & BUCKET_MASK);
    const padded = ` ${word} `;
    for (let i = 0; i + GRAM <= padded.length; i++) push(GRAM_FAMILY | (fnv(padded, i, i + GRAM) & BUCKET_MASK));
  }
  const sorted = idScratch.subarray(0, length).sort();
  let distinct = 0;
  for (let i = 0; i < length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct++;
  const ids = new Int32Array(distinct);
  const counts = new Int32Array(distinct);
  let at = -1;
  for (let i = 0; i < length; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) ids[++at] = sorted[i];
    counts[at]++;
  }
  return { ids, counts };
}

interface Index {
  n: number;
  /** Hashed term id → dense term number + 1 (0: no claim has the term). */
  termOf: Int32Array;
  df: Int32Array;
  idf: Float32Array;
  /** Inverted index (CSR by term): claims and their weights. */
  postStart: Int32Array;
  postDocs: Int32Array;
  postWeights: Float32Array;
  /** Forward index (CSR by claim): terms and weights, for exact rescoring. */
  docStart: Int32Array;
  docTerms: Int32Array;
  docWeights: Float32Array;
}

function idfOf(n: number, df: number): number {
  return Math.log((n + 1) / (df + 1)) + 1;
}

/**
 * Calls `emit` with the TF-IDF weight of each known term, each family (words, n-grams)
 * normalised to length 1/√2: a vector has length 1 and the cosine is the mean of the two
 * families' cosines. Unknown terms still count in the norm, so unrelated words lower the similarity.
 */
function weigh({ ids, counts }: TermCounts, index: Pick<Index, 'termOf' | 'idf'>, unseenIdf: number, emit: (term: number, weight: number) => void): void {
  let wordNorm = 0;
  let gramNorm = 0;
  for (let i = 0; i < ids.length; i++) {
    const term = index.termOf[ids[i]] - 1;
    const value = (counts[i] === 1 ? 1 : 1 + Math.log(counts[i])) * (term < 0 ? unseenIdf : index.idf[term]);
    if (ids[i] & GRAM_FAMILY) gramNorm += value * value;
    else wordNorm += value * value;
  }
  const wordScale = 1 / Math.sqrt(wordNorm * 2);
  const gramScale = 1 / Math.sqrt(gramNorm * 2);
  for (let i = 0; i < ids.length; i++) {
    const term = index.termOf[ids[i]] - 1;
    if (term >= 0) emit(term, (counts[i] === 1 ? 1 : 1 + Math.log(counts[i])) * index.idf[term] * (ids[i] & GRAM_FAMILY ? gramScale : wordScale));
  }
}

function denseTerms(docs: TermCounts[]): { termOf: Int32Array; df: Int32Array } {
  const termOf = new Int32Array(2 * GRAM_FAMILY);
  const dfList: number[] = [];
  for (const { ids } of docs) {
    for (const id of ids) {
      if (termOf[id] === 0) termOf[id] = dfList.push(0);
      dfList[termOf[id] - 1]++;
    }
  }
  return { termOf, df: Int32Array.from(dfList) };
}

function buildIndex(texts: string[]): Index {
  const docs = texts.map((text) => termCounts(claimWords(text)));
  const { termOf, df } = denseTerms(docs);
  const n = texts.length;
  const idf = Float32Array.from(df, (count) => idfOf(n, count));
  const docStart = new Int32Array(n + 1);
  docs.forEach((counts, doc) => (docStart[doc + 1] = docStart[doc] + counts.ids.length));
  const docTerms = new Int32Array(docStart[n]);
  const docWeights = new Float32Array(docStart[n]);
  const postStart = new Int32Array(df.length + 1);
  for (let t = 0; t < df.length; t++) postStart[t + 1] = postStart[t] + df[t];
  const fill = postStart.slice(0, df.length);
  const postDocs = new Int32Array(docStart[n]);
  const postWeights = new Float32Array(docStart[n]);
  docs.forEach((counts, doc) => {
    let at = docStart[doc];
    weigh(counts, { termOf, idf }, idfOf(n, 0), (term, value) => {
      docTerms[at] = term;
      docWeights[at++] = value;
      postDocs[fill[term]] = doc;
      postWeights[fill[term]++] = value;
    });
  });
  return { n, termOf, df, idf, postStart, postDocs, postWeights, docStart, docTerms, docWeights };
}

/** Scratch buffers reused across queries (matching is synchronous). */
interface Scratch {
  scores: Float32Array;
  /** The query's weight per term; zero for terms not in it. */
  query: Float32Array;
}

/** Partial scores over the rarer query terms; the best-scoring claims become candidates. */
function candidates(index: Index, terms: number[], scratch: Scratch): number[] {
  const maxDf = Math.max(1, index.n * CANDIDATE_MAX_DF_SHARE);
  const { scores, query } = scratch;
  const touched: number[] = [];
  for (const term of terms) {
    if (index.df[term] > maxDf) continue;
    for (let i = index.postStart[term]; i < index.postStart[term + 1]; i++) {
      const doc = index.postDocs[i];
      if (scores[doc] === 0) touched.push(doc);
      // The tiny constant keeps a touched claim's score non-zero even for a zero weight.
      scores[doc] += query[term] * index.postWeights[i] + 1e-9;
    }
  }
  const cutoff = touched.length > CANDIDATES ? Float32Array.from(touched, (doc) => scores[doc]).sort()[touched.length - CANDIDATES] : 0;
  const best = touched.filter((doc) => scores[doc] >= cutoff);
  for (const doc of touched) scores[doc] = 0;
  return best;
}

function cosine(index: Index, query: Float32Array, doc: number): number {
  let dot = 0;
  for (let i = index.docStart[doc]; i < index.docStart[doc + 1]; i++) dot += query[index.docTerms[i]] * index.docWeights[i];
  return Math.min(1, dot);
}

function validateArtifact(json: unknown): ClaimsArtifact {
  const artifact = json as ClaimsArtifact;
  if (!artifact || artifact.version !== 1 || !Array.isArray(artifact.claims) || !Array.isArray(artifact.sources) || !Array.isArray(artifact.verdicts) || typeof artifact.threshold !== 'number') {
    throw new Error('claims artifact: expected { version: 1, threshold, verdicts, sources, claims }');
  }
  return artifact;
}

export function createClaimIndex(json: unknown): ClaimIndex {
  const artifact = validateArtifact(json);
  const index = buildIndex(artifact.claims.map((c) => c[0]));
  const scratch: Scratch = { scores: new Float32Array(index.n), query: new Float32Array(index.df.length) };

  const toMatch = (doc: number, similarity: number): ClaimMatch => {
    const [claim, verdictIndex, sourceIndex, urlSuffix, , correction] = artifact.claims[doc];
    const source = artifact.sources[sourceIndex];
    const match: ClaimMatch = { claim, verdict: artifact.verdicts[verdictIndex], source: source.name, url: source.urlPrefix + urlSuffix, similarity: Math.round(similarity * 1000) / 1000 };
    if (correction) match.correction = correction;
    return match;
  };

  const matchOne = (sentence: unknown, threshold: number, limit: number): ClaimMatch[] => {
    if (typeof sentence !== 'string' || !HAS_WORD_CHAR.test(sentence)) return [];
    const words = claimWords(sentence);
    if (words.length < MIN_QUERY_WORDS) return [];
    const terms: number[] = [];
    weigh(termCounts(words), index, idfOf(index.n, 0), (term, weight) => {
      terms.push(term);
      scratch.query[term] = weight;
    });
    const hits = candidates(index, terms, scratch)
      .map((doc) => ({ doc, similarity: cosine(index, scratch.query, doc) }))
      .filter((hit) => hit.similarity >= threshold)
      .sort((a, b) => b.similarity - a.similarity || a.doc - b.doc)
      .slice(0, limit);
    for (const term of terms) scratch.query[term] = 0;
    return hits.map((hit) => toMatch(hit.doc, hit.similarity));
  };

  return {
    size: index.n,
    threshold: artifact.threshold,
    match(sentences, options = {}) {
      const threshold = options.threshold ?? artifact.threshold;
      const limit = options.limit ?? DEFAULT_LIMIT;
      return sentences.map((s) => matchOne(s, threshold, limit));
    },
  };
}
