// "What the headline hides": for a clickbait headline, the body sentence that delivers what the
// headline teases, and an informative headline built only from that sentence's own words.
// Deterministic heuristics (no model): headline-word overlap weighted by rarity in the body,
// cues for the kind of answer the teaser promises, concreteness, and a mild position prior.
import { MAX_SENTENCE_CHARS, toWellFormed, tokenize } from './text';
import type { Spoiler } from './types';

export interface BodySentence {
  start: number;
  end: number;
  text: string;
}

/** What kind of answer the headline promises. */
export type TeaserType = 'why' | 'how' | 'who' | 'amount' | 'list' | 'yesno' | 'what';

export interface RankedSentence {
  /** Index into the `sentences` given to `rankSpoilers`. */
  index: number;
  score: number;
  /** 0-1: `score` squashed, lowered when few headline words occur in the body (same shift for every sentence). */
  confidence: number;
}

/** Clickbait delivers early; past this many sentences we stop looking (keeps cost flat on long pages). */
export const MAX_SPOILER_SENTENCES = 80;
export const MAX_HEADLINE_CHARS = 110;
/**
 * Chosen on the tuning half of scripts/data/spoiler-eval.jsonl: every item there gets a spoiler,
 * while about one headline in ten gets one from an unrelated article's body.
 */
export const MIN_SPOILER_CONFIDENCE = 0.5;

/** Lower-case, without diacritics: "Por qué" and "porque" should meet, as should "razón" and "razon". */
function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC');
}

/** Word lists are compared with folded words, so they are folded too. */
function wordSet(list: string): Set<string> {
  return new Set(list.split(/\s+/).filter(Boolean).map(fold));
}

// Function words, in the two languages clickbait is trained on; they say nothing about the topic.
const STOPWORDS = wordSet(`
a an the and or but nor so yet of to in on at by for with from into onto about over under after before than then
as is are was were be been being am do does did done have has had having will would shall should can could may might must
i me my we us our you your he him his she her it its they them their this that these those there here what which who whom whose
when where why how not no yes all any some most more much many very just also only even still too own same other such
if because while until since up down out off again further once per via s t d ll re ve m y
el la los las un una unos unas lo al del de y o u e ni pero sino que qué en con por para sin sobre entre hasta desde
es son fue fueron ser sido está están estaba estar ha han había haber hay se su sus mi mis tu tus le les me te nos
este esta estos estas esto ese esa esos esas eso aquel como cómo cuando donde dónde quien quién quienes cuál muy más menos ya
no sí si también tan tanto cada todo toda todos todas otro otra otros otras mismo yo tú él ella ellos ellas usted
`);

// Teaser vocabulary: the curiosity-gap words themselves, which the answer never repeats.
const TEASER_WORDS = wordSet(`
believe won't wont you'll youll never guess next happened happens happen really finally truth secret secrets surprising
surprise surprised shocking shock shocked stunned stun strange weird real reason reasons genius inspire inspiring simple
one thing things everyone everybody suddenly nobody anyone tells tell told know knew want wants check now actually amazing
incredible unbelievable mind blowing blown revealed reveal reveals revealing here's heres what's whats that's thats it's
note jaw dropping epic trick tricks hack hacks why how who answer answers number numbers will might could
vas creer creerás creeras nunca adivinarás adivinaras pasó paso pasa pasará verdad verdadera verdadero secreto sorprendente
sorpresa increíble nadie sabías quiere quieren sepas cosas cosa así razón motivo esto lo
`);

const BOILERPLATE = /^(?:advertisement|sponsored|subscribe|sign up|read more|read also|click here|share this|follow us|photo|image|credit|getty|copyright|©|all rights reserved|related|watch|publicidad|suscr[ií]bete|lee también|leer más|foto|imagen)\b|\b(?:cookies?|newsletter|terms of service|privacy policy)\b/iu;

const WORD = /[\p{L}\p{N}]/u;

function words(text: string): { raw: string; norm: string }[] {
  return tokenize(text).filter((t) => WORD.test(t.raw)).map((t) => ({ raw: t.raw, norm: fold(t.norm.replace(/’/g, "'")) }));
}

function isContentWord(norm: string): boolean {
  if (STOPWORDS.has(norm) || TEASER_WORDS.has(norm)) return false;
  return norm.length >= 3 || /\p{N}/u.test(norm);
}

function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/**
 * Same word up to inflection, without a stemmer per language: one is the other plus a short
 * ending ("cat"/"cats"), or they share most of a long prefix ("worried"/"worry", "cancelled"/"cancel").
 */
export function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const shorter = Math.min(a.length, b.length);
  const longer = Math.max(a.length, b.length);
  const prefix = commonPrefix(a, b);
  if (shorter >= 3 && prefix === shorter && (longer - shorter === 1 || (shorter >= 4 && longer - shorter <= 2))) return true;
  return prefix >= 4 && prefix >= shorter - 2 && longer - prefix <= 4;
}

// ---- What the teaser promises -------------------------------------------------------------

export function teaserType(headline: string): TeaserType {
  const h = fold(headline.toLowerCase());
  if (/\b(?:how (?:much|many|long|big|old|far)|cuanto|cuanta|cuantos|cuantas)\b/u.test(h)) return 'amount';
  if (/\b(?:why|reason|reasons|cause|caused|por que|porque|razon|motivo|causa)\b/u.test(h)) return 'why';
  if (/\b(?:who|whose|quien|quienes)\b/u.test(h)) return 'who';
  if (/(?:^|[\s¿])(?:how|como|asi)\b/u.test(h)) return 'how';
  if (/^\s*(?:\d+|ten|five|seven|three|these)\b/u.test(h) || /\b\d+ (?:things|ways|signs|words|reasons|foods|jobs|cosas|formas|senales|palabras)\b/u.test(h)) return 'list';
  if (/^\s*¿?(?:is|are|was|were|do|does|did|can|could|will|should|has|have|es|son|esta|estan|puede|hay)\b[^?]*\?/u.test(h)) return 'yesno';
  return 'what';
}

// Connectives that introduce an explanation; folded forms.
const WHY_CUES = /(?:, so |\bso (?:that|they|it|he|she|we)\b)|\b(?:because|due to|owing to|since|caused|causes|cause|led to|leads to|blame[sd]?|credit(?:s|ed)?|as a result|thanks to|the reason|mainly|main cause|stems? from|after|so that|porque|debido|por eso|ya que|puesto que|gracias a|la causa|culpa|tras|provoco|provocado)\b/u;
const HOW_CUES = /\b(?:by \w+ing|using|through|instead of|replacing|replaced|method|steps?|mediante|gracias a|instalo|creo|empezo a|\w+ando|\w+iendo)\b/u;
const RESULT_CUES = /\b(?:found|find|finds|showed|shows|show|concluded|ruled|voted|decided|discovered|turned out|confirmed|valued|identified|encontraron|hallaron|descubrieron|descubrio|decidio|concluye|concluyo|resulto|dice que|dicen que)\b/u;
// Findings state an outcome: a comparison, a change, a quantity.
const OUTCOME_CUES = /\b(?:than|more|less|fewer|percent|per cent|lower|higher|doubled?|half|times|rose|fell|cut|increased?|decreased?|mas que|menos|por ciento|mitad|doble|subio|bajo)\b|%/u;
// Method sentences ("researchers followed 800 households") set up a finding without stating it.
const METHOD_CUES = /\b(?:followed|studied|surveyed|asked|interviewed|analy[sz]ed|reviewed|filmed|set out|looked at|was published|were asked|spent \w+ (?:weeks|months|years|days)|entrevistado|analizado|estudiado|encuesta)\b/u;
const YESNO_START = /^(?:yes|no|si)\b[\s,:;.—–-]/u;
// Two list separators; ", " with a space so that thousands separators ("81,000") do not count.
const ENUMERATION = /,\s[^,]+(?:,\s|\s(?:and|or|y|o)\s)/u;
const SUPERLATIVE = /\b(?:most|biggest|best|worst|main|top|clearest|largest|first|highest|lowest|mas importante|principal|mayoria)\b/u;

// ---- Sentence features --------------------------------------------------------------------

interface SentenceView {
  words: { raw: string; norm: string }[];
  content: string[];
  folded: string;
  text: string;
}

function view(text: string): SentenceView {
  const w = words(text);
  return { words: w, content: w.map((x) => x.norm).filter(isContentWord), folded: fold(text.toLowerCase()), text };
}

/** Capitalised words after the first: a cheap stand-in for names of people, places and bodies. */
function properNouns(v: SentenceView): number {
  let n = 0;
  for (let i = 1; i < v.words.length; i++) {
    const raw = v.words[i].raw;
    if (/^\p{Lu}\p{Ll}/u.test(raw) && !STOPWORDS.has(v.words[i].norm)) n++;
  }
  return n;
}

function numbers(v: SentenceView): number {
  return v.words.filter((x) => /\p{N}/u.test(x.raw)).length + (/[$€£%]/u.test(v.text) ? 1 : 0);
}

/** How well the sentence carries the kind of answer promised, 0-1. */
function answerCue(type: TeaserType, v: SentenceView): number {
  const f = v.folded;
  const concrete = Math.min(1, (numbers(v) + properNouns(v)) / 3);
  switch (type) {
    case 'why': return WHY_CUES.test(f) ? 1 : 0.2 * concrete;
    // How-answers are methods or a list of steps.
    case 'how': return HOW_CUES.test(f) ? 1 : ENUMERATION.test(f) ? 0.6 : 0.3 * concrete;
    case 'who': return Math.min(1, properNouns(v) / 2) * (/,\s*(?:a|an|the|un|una|el|la)\s/u.test(f) || /\b(?:is|was|es|era)\b/u.test(f) ? 1 : 0.6);
    case 'amount': return numbers(v) > 0 ? 1 : 0;
    case 'list': return Math.min(1, (ENUMERATION.test(f) ? 0.6 : 0) + (SUPERLATIVE.test(f) ? 0.4 : 0) + (f.includes(':') ? 0.2 : 0));
    case 'yesno': return YESNO_START.test(f) ? 1 : 0.3 * concrete;
    case 'what': return 0.5 * concrete + (RESULT_CUES.test(f) ? 0.5 : 0);
  }
}

function lengthPenalty(wordCount: number): number {
  if (wordCount < 6) return 0.6;
  if (wordCount < 9) return 0.2;
  if (wordCount > 60) return 0.4;
  return 0;
}

/** A quotation followed by who said it: commentary on the news rather than the news. */
function isQuoteWithAttribution(text: string): boolean {
  return /^["“«„']/u.test(text) && /["”»]\s*,?\s*(?:\p{L}+\s){0,4}(?:said|says|added|told|wrote|dijo|afirma|afirmó|explica|explicó)\b/u.test(text);
}

// ---- Ranking ------------------------------------------------------------------------------

interface HeadlineTerm {
  norm: string;
  idf: number;
}

interface HeadlineTerms {
  /** Headline content words found in the body, weighted by how rare they are there (sentences as documents). */
  terms: HeadlineTerm[];
  /** Share of the headline's content words that occur in the body at all: is this body about the headline? */
  coverage: number;
}

function headlineTerms(headline: string, views: SentenceView[]): HeadlineTerms {
  const seen = new Set<string>();
  const terms: HeadlineTerm[] = [];
  for (const { norm } of words(headline)) {
    if (!isContentWord(norm) || seen.has(norm)) continue;
    seen.add(norm);
    const df = views.filter((v) => v.content.some((w) => sameWord(w, norm))).length;
    if (df > 0) terms.push({ norm, idf: Math.log(1 + views.length / df) });
  }
  return { terms, coverage: seen.size > 0 ? terms.length / seen.size : 0 };
}

/** Share of the headline's content words that occur anywhere in the first MAX_SPOILER_SENTENCES sentences. */
export function headlineCoverage(headline: string, sentences: readonly BodySentence[]): number {
  return headlineTerms(headline, sentences.slice(0, MAX_SPOILER_SENTENCES).map((s) => view(s.text))).coverage;
}

function overlap(terms: HeadlineTerm[], v: SentenceView): { share: number; novelty: number } {
  const total = terms.reduce((sum, t) => sum + t.idf, 0);
  let hit = 0;
  for (const t of terms) if (v.content.some((w) => sameWord(w, t.norm))) hit += t.idf;
  const fresh = v.content.filter((w) => !terms.some((t) => sameWord(w, t.norm))).length;
  return { share: total > 0 ? hit / total : 0, novelty: v.content.length > 0 ? fresh / v.content.length : 0 };
}

const W = {
  overlap: 0.8,
  topicShare: 0.3,
  outcome: 0.3,
  method: 0.3,
  cue: 1.0,
  result: 0.25,
  concrete: 0.3,
  position: 0.04,
  lede: 0.3,
  restatement: 0.8,
  question: 1.0,
  quote: 0.4,
  offset: 1.2,
  scale: 3,
  relevance: 9,
  relevantCoverage: 0.3,
};

function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/**
 * Every candidate sentence (the first MAX_SPOILER_SENTENCES) scored as the answer to the
 * headline, best first. Empty when the headline or body gives nothing to work with.
 * `language` is accepted for callers' symmetry: the cue lists cover English and Spanish at once.
 */
export function rankSpoilers(headline: string, sentences: readonly BodySentence[], _language = 'en'): RankedSentence[] {
  const candidates = sentences.slice(0, MAX_SPOILER_SENTENCES);
  if (candidates.length === 0 || headline.trim() === '') return [];
  const views = candidates.map((s) => view(s.text));
  const { terms, coverage } = headlineTerms(headline, views);
  const type = teaserType(headline);
  const ranked: RankedSentence[] = [];
  views.forEach((v, index) => {
    if (v.words.length === 0 || BOILERPLATE.test(v.text.trim())) return;
    const { share, novelty } = overlap(terms, v);
    const concrete = Math.min(1, (numbers(v) + properNouns(v)) / 4);
    // Sharing the topic matters; sharing more of the headline mostly means restating it.
    let score = W.overlap * Math.min(1, share / W.topicShare) + W.cue * answerCue(type, v) + W.concrete * concrete;
    const result = RESULT_CUES.test(v.folded);
    if (type !== 'what' && result) score += W.result;
    if (OUTCOME_CUES.test(v.folded)) score += W.outcome;
    if (!result && METHOD_CUES.test(v.folded)) score -= W.method;
    // A sentence made of the headline's own words only restates the teaser.
    score -= W.restatement * share * (1 - novelty);
    if (/\?\s*["”»]?$/u.test(v.text)) score -= W.question;
    if (isQuoteWithAttribution(v.text)) score -= W.quote;
    score -= lengthPenalty(v.words.length);
    score -= W.position * Math.min(index, 20);
    if (index === 0 && type !== 'yesno') score -= W.lede;
    // Confidence also asks whether the body is about the headline at all; cues alone fire anywhere.
    const z = W.scale * (score - W.offset) + W.relevance * (coverage - W.relevantCoverage);
    ranked.push({ index, score, confidence: logistic(z) });
  });
  return ranked.sort((a, b) => b.score - a.score || a.index - b.index);
}

/** The body sentence that answers a clickbait headline, with a headline built from it; null if none does well enough. */
export function findSpoiler(headline: string, sentences: { start: number; end: number; text: string }[], language = 'en'): Spoiler | null {
  const [best] = rankSpoilers(headline, sentences, language);
  if (!best || best.confidence < MIN_SPOILER_CONFIDENCE) return null;
  const s = sentences[best.index];
  const alternative = alternativeHeadline(s.text);
  if (alternative === '') return null;
  return { sentence: { start: s.start, end: s.end, text: s.text }, headline: alternative, confidence: Math.round(best.confidence * 1000) / 1000 };
}

// ---- The alternative headline -------------------------------------------------------------

// Openers that link to the previous sentence; a headline stands alone. Bare "So"/"But" need no comma.
const LEADING_MARKER = /^(?:(?:but|and|so|yet|however|in fact|indeed|instead|meanwhile|actually|still|now|well|also|then|in short|in the end|overall|yes|no|pero|y|sin embargo|de hecho|en cambio|ademas|además|así que|asi que|por tanto|al final|en realidad|sí|si|no)(?:\s*[,:;]|\s+[—–])\s*|(?:but|and|pero|y)\s+)/iu;
// Trailing attribution: ", she said." / ", the study found." / ", said Dr Ruiz." / ", according to the county."
// / ", dijo el alcalde." / ", según el estudio." ("según" alone also means "depending on", so it needs a source).
const SAYS_EN = "(?:said|says|added|told [^,]{1,30}|wrote|explained|noted|reported|found|concluded|warned)";
const SAYS_ES = '(?:dijo|dice|afirmó|afirmo|afirma|explicó|explico|señaló|senalo|añadió|anadio)';
const WHEN = '(?:\\s(?:on|in|this|last|el|este)\\s[^,]{1,20})?';
const SOURCE_ES = '(?:(?:el|la|los|las)\\s)?(?:estudio|informe|encuesta|fuentes?|datos|expertos?|autoridades|policía|policia|gobierno|ministerio|empresa|investigadores|autores|\\p{Lu})';
const SUBJECT = "(?:[\\p{L}\\p{N}.'’-]+\\s){0,5}[\\p{L}\\p{N}.'’-]+";
const TRAILING_ATTRIBUTION = new RegExp(
  `,\\s*(?:(?:according to|de acuerdo con)\\s[^,]{1,80}|(?:según|segun)\\s${SOURCE_ES}[^,]{0,80}`
    + `|${SUBJECT}\\s(?:${SAYS_EN}|${SAYS_ES})${WHEN}|(?:${SAYS_EN}|${SAYS_ES})\\s[^,]{1,60})\\s*$`,
  'u',
);
const FINAL_PERIOD = /\.(["”’»]?)$/u;
// Punctuation and coordinators that open a new clause; never before "because", which carries the answer.
const CLAUSE_BREAK = /[,;:]\s|\s[—–]\s|\s(?=(?:and|but|while|whereas|which|y|pero|mientras|aunque)\s)/gu;
const DANGLING = /\s+(?:the|a|an|of|to|in|on|at|by|for|and|or|with|from|that|which|el|la|los|las|un|una|de|del|y|o|en|con|por|para|que|a)$/iu;

function stripEdges(text: string): string {
  let t = text.trim();
  for (let i = 0; i < 3; i++) {
    const m = LEADING_MARKER.exec(t);
    if (!m || m[0].length >= t.length) break;
    t = t.slice(m[0].length);
  }
  t = t.replace(FINAL_PERIOD, '$1').replace(/[\s,;:]+$/u, '');
  const withoutAttribution = t.replace(TRAILING_ATTRIBUTION, '');
  // An attribution that is the whole sentence is not an attribution.
  if (withoutAttribution.length >= 20) t = withoutAttribution;
  return t.replace(/[\s,;:]+$/u, '');
}

// A circumstantial opener ("After two hours of debate, …", "Tras la votación, …") gives way first
// when the sentence is too long for a headline: the main clause carries the news.
const LEADING_CIRCUMSTANCE = /^(?:after|before|during|following|despite|amid|in|on|at|by|for|over|within|with|tras|después de|despues de|antes de|durante|a pesar de|en|con)\s[^,;:"“«]{1,40},\s+/iu;
const MIN_MAIN_CLAUSE_CHARS = 30;

function withoutCircumstance(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const m = LEADING_CIRCUMSTANCE.exec(text);
  return m && text.length - m[0].length >= MIN_MAIN_CLAUSE_CHARS ? text.slice(m[0].length) : text;
}

function quotesBalanced(text: string): boolean {
  const straight = (text.match(/"/g) ?? []).length;
  const open = (text.match(/[“«]/gu) ?? []).length;
  const close = (text.match(/[”»]/gu) ?? []).length;
  return straight % 2 === 0 && open === close && (text.match(/\(/g) ?? []).length === (text.match(/\)/g) ?? []).length;
}

/** Below this share of the limit a clause cut loses too much; a longer cut with "…" says more. */
const MIN_CLAUSE_SHARE = 0.55;

/** Longest prefix ending at a clause break within the limit; mid-clause (with "…") only if that is too short. */
function shorten(text: string, limit: number): string {
  if (text.length <= limit) return text;
  let best = -1;
  for (const m of text.matchAll(CLAUSE_BREAK)) {
    const at = m.index ?? 0;
    if (at > limit) break;
    if (quotesBalanced(text.slice(0, at))) best = at;
  }
  if (best >= limit * MIN_CLAUSE_SHARE) return text.slice(0, best).replace(/[\s,;:]+$/u, '');
  // Cut at a space so no word is split, leave room for the ellipsis, drop a dangling function word.
  let cut = text.lastIndexOf(' ', limit - 1);
  if (cut <= 0) cut = Math.max(1, limit - 1);
  let head = text.slice(0, cut).replace(/[\s,;:—–-]+$/u, '');
  for (let i = 0; i < 3 && DANGLING.test(head); i++) head = head.replace(DANGLING, '');
  if (/[\uD800-\uDBFF]$/u.test(head)) head = head.slice(0, -1);
  return `${head}…`;
}

function capitaliseFirst(text: string): string {
  const m = /^([^\p{L}\p{N}]*)(\p{L})/u.exec(text);
  if (!m) return text;
  const upper = m[2].toLocaleUpperCase();
  // Some letters upper-case to two ("ẖ" to "H̱"): keep those as written rather than grow the text.
  return upper.length === m[2].length ? m[1] + upper + text.slice(m[0].length) : text;
}

/**
 * A headline made of the sentence's own words: leading connective and trailing attribution
 * dropped, no final period, at most MAX_HEADLINE_CHARS, first letter capitalised.
 */
export function alternativeHeadline(sentence: string, limit = MAX_HEADLINE_CHARS): string {
  // Only the first ~110 characters survive anyway; the cap keeps the end-anchored patterns cheap.
  const capped = sentence.length > MAX_SENTENCE_CHARS ? sentence.slice(0, MAX_SENTENCE_CHARS) : sentence;
  const core = withoutCircumstance(stripEdges(toWellFormed(capped).replace(/\s+/gu, ' ')), limit);
  return capitaliseFirst(shorten(core, limit)).trim();
}
