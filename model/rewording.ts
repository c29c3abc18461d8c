// Neutral rewording of loaded words: replace or drop the words the model flagged, as a list of
// changes (offsets into the original sentence) the UI can show as a diff. Pure: no DOM, no Node.
// The table comes from model/artifacts/rewording.json (scripts/build-rewording.ts).

export interface RewordingArtifact {
  version: 1;
  /** word (lower-case) → neutral alternative; '' means drop. Reviewed entries win over mined ones. */
  table: Record<string, string>;
  /** Where each table entry came from: 'r' reviewed, 'm' mined from WNC. */
  origin: Record<string, 'r' | 'm'>;
  /** Mined WNC single-word edits: word → [replacement ('' = deleted), times seen]. */
  mined: Record<string, [string, number]>;
  /** Words BABE experts marked as biased (drop-or-replace candidates) → times marked. */
  babe: Record<string, number>;
  sources: string[];
  /** Verb lemma → [neutral lemma, forms it applies to: b base, s -s, d -ed, g -ing]; inflected at lookup. */
  verbs?: Record<string, [string, string]>;
  /** Two-word terms whose first word is never changed ("popular vote", "great britain"). */
  keep?: string[];
  /** Non-English keys: no English a/an fix next to them. */
  foreign?: string[];
}

export interface RewordingChange {
  start: number;
  end: number;
  from: string;
  to: string;
}

export interface Rewording {
  text: string;
  changes: RewordingChange[];
  note?: string;
}

export interface Rewriter {
  rewrite(sentence: string, loaded: { start: number; end: number }[]): Rewording | null;
  /** The table's alternative for a word ('' = drop), or undefined. */
  lookup(word: string): string | undefined;
}

export const QUOTATION_NOTE = "These words are a quotation: they are the quoted person's, not the writer's.";

const WORD = /[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*/gu;
/** Word parts: hyphenated compounds are several parts ("so-called" → so, called). */
const PART = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*/gu;
/** Intensifiers that go with a dropped adjective ("a very disastrous plan" → "a plan"). */
const INTENSIFIERS = new Set(['very', 'so', 'too', 'truly', 'really', 'most', 'more', 'utterly', 'totally', 'extremely', 'absolutely', 'deeply', 'especially', 'particularly', 'incredibly', 'critically', 'widely', 'highly', 'well', 'internationally', 'universally']);
/** A dropped word after one of these is predicative ("was disastrous"): dropping breaks the sentence. */
const LINKING = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "isn't", "aren't", "wasn't", "weren't", 'am', 'seems', 'seemed', 'looks', 'looked', 'became', 'becomes', 'remain', 'remains', 'remained', 'sounds', 'sounded', 'feel', 'feels', 'felt', 'get', 'gets', 'got', 'not', 'become', 'seem', 'look', 'appear', 'appears', 'appeared', 'proved', 'proven', 'considered', 'deemed']);
/** A dropped adjective must stand before a noun: not before these ("a man famous for" stays). */
const NOT_A_NOUN = new Set(['for', 'in', 'on', 'at', 'to', 'of', 'with', 'by', 'from', 'as', 'than', 'that', 'which', 'who', 'whom', 'whose', 'but', 'because', 'since', 'if', 'when', 'while', 'about', 'among', 'across', 'after', 'before', 'into', 'over', 'under', 'enough', 'the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'this', 'these', 'those', 'is', 'are', 'was', 'were', 'has', 'have', 'had', 'it', 'he', 'she', 'they', 'we', 'i', 'you', 'there', 'not', 'no', 'so', 'too']);
/** What may stand before an "-ed" adjective we drop ("the acclaimed film"), unlike a verb ("he acclaimed it"). */
const DETERMINERS = new Set(['a', 'an', 'the', 'this', 'that', 'these', 'those', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'some', 'many', 'several', 'most', 'other', 'another', 'such', 'every', 'each', 'both', 'two', 'three', 'four', 'five', 'and', 'or']);
/** Adverbs that do not end in -ly, and -ly words that are adjectives. */
const ADVERBS = new Set(['very', 'quite', 'indeed', 'even', 'too', 'so', 'really', 'truly']);
const LY_ADJECTIVES = new Set(['lovely', 'deadly', 'costly', 'friendly', 'unfriendly', 'ugly', 'silly', 'lonely', 'lively', 'elderly', 'early', 'only', 'holy', 'likely', 'unlikely', 'orderly', 'cowardly', 'ghastly', 'beastly', 'manly', 'womanly', 'scholarly', 'kindly', 'daily', 'weekly', 'monthly', 'yearly', 'wily', 'surly', 'smelly', 'bubbly', 'jolly', 'curly', 'burly', 'sly', 'unruly', 'unseemly', 'unsightly', 'worldly', 'heavenly', 'godly', 'ungodly', 'saintly', 'stately', 'comely', 'homely', 'leisurely', 'timely', 'untimely']);
/** Awards named before "-winning" ("Emmy Award-winning", "Pulitzer Prize-winning"). */
const AWARD_WORDS = new Set(['award', 'awards', 'prize', 'multi', 'emmy', 'pulitzer', 'bafta', 'academy', 'grammy', 'oscar', 'tony', 'nobel', 'golden', 'globe', 'peabody', 'booker', 'walkley', 'olivier', 'juno', 'brit', 'hugo', 'nebula', 'edgar', 'obie', 'césar', 'cesar', 'genie', 'gemini', 'webby', 'novello', 'mercury', 'eisner', 'stirling']);
/** A swap to "said" needs a clause or a pause after it: "claimed that …", "…, he claimed." — not "claimed the title". */
const SAY_FORMS = new Set(['say', 'says', 'said', 'saying']);
const AFTER_SAY = /^(?:\s*(?:$|[,.;:!?"“”«»„—–)]|'\s|’\s)|\s+(?:that|he|she|they|we|i|there)\b)/i;
/** Past participles for the irregular past tenses the table produces ("has soared" → "has risen"). */
const PARTICIPLES: Record<string, string> = { rose: 'risen', fell: 'fallen' };
const PERFECT = /^(has|have|had|having|'ve|’ve)$/i;
const PHRASE_GAP = /^(\s+|\s*-\s*)$/;
const COMPOUND_GAP = /^\s*-\s*$/;
const QUOTE_PAIRS: [string, string][] = [['"', '"'], ['“', '”'], ['«', '»'], ['„', '“'], ['„', '”'], ['‘', '’'], ["'", "'"]];
const MIN_SINGLE_QUOTE_WORDS = 3;
const MAX_CHANGES = 200;
const MAX_PHRASE = 4;

/** Ranges (inner, end exclusive) of quoted passages. Single quotes count only around 3+ words. */
export function quotedRanges(text: string): { start: number; end: number }[] {
  const ranges: { start: number; end: number }[] = [];
  for (const [open, close] of QUOTE_PAIRS) {
    const single = open === "'" || open === '‘';
    let from = 0;
    while (from < text.length) {
      const start = text.indexOf(open, from);
      if (start < 0) break;
      // An apostrophe inside a word (don't, O'Brien) is not an opening quote.
      if (open === "'" && start > 0 && /[\p{L}\p{N}]/u.test(text[start - 1])) {
        from = start + 1;
        continue;
      }
      let end = text.indexOf(close, start + 1);
      // Skip apostrophes inside words when looking for the closing single quote.
      while (single && end >= 0 && end + 1 < text.length && /[\p{L}]/u.test(text[end - 1] ?? '') && /[\p{L}]/u.test(text[end + 1])) end = text.indexOf(close, end + 1);
      if (end < 0) break;
      const inner = text.slice(start + 1, end);
      const words = inner.match(WORD)?.length ?? 0;
      if (!single || words >= MIN_SINGLE_QUOTE_WORDS) ranges.push({ start: start + 1, end });
      from = end + 1;
    }
  }
  return ranges;
}

function matchCase(original: string, replacement: string): string {
  if (replacement === '') return replacement;
  if (original.length > 1 && original === original.toUpperCase() && original !== original.toLowerCase()) return replacement.toUpperCase();
  const first = original[0];
  if (first !== first.toLowerCase()) return replacement[0].toUpperCase() + replacement.slice(1);
  return replacement;
}

interface Word {
  start: number;
  end: number;
  text: string;
}

function partsIn(text: string): Word[] {
  return [...text.matchAll(PART)].map((m) => ({ start: m.index!, end: m.index! + m[0].length, text: m[0] }));
}

function startsWithVowelSound(word: string): boolean {
  return /^[aeiou]/i.test(word) && !/^(uni|use|usu|uti|eu|one|once)/i.test(word);
}

const normalize = (s: string) => s.toLowerCase().replace(/’/g, "'");
/** "so-called", "so called", "So - called" → "so called". */
const phraseKey = (s: string) => normalize(s).trim().split(/\s*-\s*|\s+/).filter(Boolean).join(' ');

const IRREGULAR: Record<string, [string, string, string]> = {
  say: ['says', 'said', 'saying'],
  cut: ['cuts', 'cut', 'cutting'],
  rise: ['rises', 'rose', 'rising'],
  fall: ['falls', 'fell', 'falling'],
};

/** The form ('b' base, 's' -s, 'd' -ed, 'g' -ing) of a regular verb lemma. */
export function inflect(lemma: string, form: string): string {
  const irregular = IRREGULAR[lemma];
  if (form === 'b') return lemma;
  if (form === 's') return irregular?.[0] ?? (/(s|sh|ch|x|z)$/.test(lemma) ? `${lemma}es` : /[^aeiou]y$/.test(lemma) ? `${lemma.slice(0, -1)}ies` : `${lemma}s`);
  if (form === 'd') return irregular?.[1] ?? (lemma.endsWith('e') ? `${lemma}d` : /[^aeiou]y$/.test(lemma) ? `${lemma.slice(0, -1)}ied` : `${lemma}ed`);
  return irregular?.[2] ?? (/[^e]e$/.test(lemma) ? `${lemma.slice(0, -1)}ing` : `${lemma}ing`);
}

/** Candidate [lemma, form] readings of an inflected word: "slammed" → slamm/slamme/slam, 'd'. */
function lemmaCandidates(word: string): [string, string][] {
  const out: [string, string][] = [[word, 'b']];
  const stems = (stem: string, form: string) => {
    out.push([stem, form], [`${stem}e`, form]);
    if (/([b-df-hj-np-tv-z])\1$/.test(stem)) out.push([stem.slice(0, -1), form]);
  };
  if (word.endsWith('ing') && word.length > 5) stems(word.slice(0, -3), 'g');
  if (word.endsWith('ied') && word.length > 4) out.push([`${word.slice(0, -3)}y`, 'd']);
  else if (word.endsWith('ed') && word.length > 4) stems(word.slice(0, -2), 'd');
  if (word.endsWith('ies') && word.length > 4) out.push([`${word.slice(0, -3)}y`, 's']);
  else if (word.endsWith('es') && word.length > 3) out.push([word.slice(0, -2), 's'], [word.slice(0, -1), 's']);
  else if (word.endsWith('s') && !word.endsWith('ss') && word.length > 3) out.push([word.slice(0, -1), 's']);
  return out;
}

function isAdverb(word: string): boolean {
  const w = normalize(word);
  return ADVERBS.has(w) || (w.endsWith('ly') && w.length > 4 && !LY_ADJECTIVES.has(w));
}

/** A run of parts [a, b] the table rewrites to `to` ('' = drop). */
interface Unit {
  a: number;
  b: number;
  to: string;
}

export function createRewriter(json: unknown): Rewriter {
  const artifact = json as Partial<RewordingArtifact> | null;
  if (!artifact || typeof artifact !== 'object' || typeof artifact.table !== 'object' || artifact.table === null) throw new Error('rewording.json: missing "table"');
  const single = new Map<string, string>();
  const phrases = new Map<string, string>();
  for (const [word, to] of Object.entries(artifact.table)) {
    if (typeof to !== 'string') continue;
    const key = phraseKey(word);
    if (!key) continue;
    (key.includes(' ') ? phrases : single).set(key, to);
  }
  const verbs = new Map<string, [string, string]>();
  if (artifact.verbs && typeof artifact.verbs === 'object') for (const [lemma, v] of Object.entries(artifact.verbs)) if (Array.isArray(v) && typeof v[0] === 'string' && typeof v[1] === 'string') verbs.set(normalize(lemma), [v[0], v[1]]);
  const keep = new Set(Array.isArray(artifact.keep) ? artifact.keep.filter((k) => typeof k === 'string').map(phraseKey) : []);
  const foreign = new Set(Array.isArray(artifact.foreign) ? artifact.foreign.filter((k) => typeof k === 'string').map(phraseKey) : []);

  const lookupWord = (w: string): string | undefined => {
    const direct = single.get(w);
    if (direct !== undefined) return direct;
    for (const [lemma, form] of lemmaCandidates(w)) {
      const verb = verbs.get(lemma);
      if (verb && verb[1].includes(form)) return inflect(verb[0], form);
    }
    return undefined;
  };
  const lookup = (word: string): string | undefined => {
    if (typeof word !== 'string') return undefined;
    const key = phraseKey(word);
    if (!key) return undefined;
    return key.includes(' ') ? phrases.get(key) : lookupWord(key);
  };
  const awardWinning = phrases.get('award winning') === '';

  function rewrite(sentence: string, loaded: { start: number; end: number }[]): Rewording | null {
    if (typeof sentence !== 'string' || sentence.length === 0 || !Array.isArray(loaded) || loaded.length === 0) return null;
    const ranges: { start: number; end: number }[] = [];
    for (const range of loaded) {
      if (!range || !Number.isInteger(range.start) || !Number.isInteger(range.end)) continue;
      const start = Math.max(0, range.start);
      const end = Math.min(sentence.length, range.end);
      if (end > start) ranges.push({ start, end });
    }
    if (!ranges.length) return null;
    ranges.sort((x, y) => x.start - y.start);
    const all = partsIn(sentence);
    // Which parts the loaded ranges touch (two pointers: ranges sorted, parts in order).
    const flagged = new Uint8Array(all.length);
    {
      let r = 0;
      let reach = -1;
      for (let i = 0; i < all.length; i++) {
        while (r < ranges.length && ranges[r].start < all[i].end) reach = Math.max(reach, ranges[r++].end);
        if (reach > all[i].start) flagged[i] = 1;
      }
    }
    if (!flagged.some((f) => f)) return null;
    const quotes = quotedRanges(sentence);
    const inQuote = (w: Word) => quotes.some((q) => w.start >= q.start && w.end <= q.end);
    const gap = (i: number) => sentence.slice(all[i].end, all[i + 1]?.start ?? sentence.length);
    const lower = (i: number) => normalize(all[i]?.text ?? '');
    const anyFlagged = (a: number, b: number) => {
      for (let k = a; k <= b; k++) if (flagged[k]) return true;
      return false;
    };

    // The table's words and phrases touched by the loaded ranges, left to right.
    const units: Unit[] = [];
    let quoted = false;
    for (let i = 0; i < all.length && units.length < MAX_CHANGES; i++) {
      const candidates: Unit[] = [];
      // Longest phrase first: "passed away", "so-called", "world-class".
      let key = lower(i);
      for (let b = i + 1; b < all.length && b - i < MAX_PHRASE; b++) {
        if (!PHRASE_GAP.test(gap(b - 1))) break;
        key += ` ${lower(b)}`;
        const to = phrases.get(key);
        if (to !== undefined) candidates.unshift({ a: i, b, to });
      }
      // "Emmy Award-winning", "Oscar-winning", "multi-award-winning".
      if (awardWinning && AWARD_WORDS.has(lower(i)) && (i === 0 || !COMPOUND_GAP.test(gap(i - 1)) || !AWARD_WORDS.has(lower(i - 1)))) {
        let b = i;
        while (b + 1 < all.length && AWARD_WORDS.has(lower(b + 1)) && PHRASE_GAP.test(gap(b))) b++;
        // Not "Emmy Award- and Tony Award-winning": that would leave "Emmy Award- and".
        const dangling = /-\s*(and|or)\s+$/i.test(sentence.slice(0, all[i].start));
        if (b + 1 < all.length && lower(b + 1) === 'winning' && PHRASE_GAP.test(gap(b)) && (COMPOUND_GAP.test(gap(b)) || /^(award|prize)$/.test(lower(b)))) {
          if (dangling) {
            i = b + 1;
            continue;
          }
          candidates.unshift({ a: i, b: b + 1, to: '' });
        }
      }
      // A whole word, not part of a hyphenated compound.
      const inCompound = (i > 0 && COMPOUND_GAP.test(gap(i - 1))) || (i + 1 < all.length && COMPOUND_GAP.test(gap(i)));
      if (!inCompound) {
        const to = lookupWord(lower(i));
        if (to !== undefined && !(i + 1 < all.length && /^\s+$/.test(gap(i)) && keep.has(`${lower(i)} ${lower(i + 1)}`))) candidates.push({ a: i, b: i, to });
      }
      const unit = candidates.find((u) => anyFlagged(u.a, u.b));
      if (!unit) continue;
      if (inQuote(all[unit.a]) || inQuote(all[unit.b])) {
        quoted = true;
        i = unit.b;
        continue;
      }
      units.push(unit);
      i = unit.b;
    }

    const changes: RewordingChange[] = [];
    const picked = new Set<number>();
    for (const u of units) for (let k = u.a; k <= u.b; k++) picked.add(k);
    const replaced = new Set<number>();
    const isForeign = (u: Unit) => {
      for (let k = u.a; k <= u.b; k++) if (foreign.has(lower(k))) return true;
      return foreign.has(phraseKey(sentence.slice(all[u.a].start, all[u.b].end)));
    };

    for (let k = 0; k < units.length && changes.length < MAX_CHANGES; k++) {
      const unit = units[k];
      const first = all[unit.a];
      const last = all[unit.b];
      if (unit.to !== '') {
        let to = unit.to;
        // "claimed that" → "said that", but "claimed the title" stays.
        if (SAY_FORMS.has(normalize(to).split(' ').pop()!) && !AFTER_SAY.test(sentence.slice(last.end))) continue;
        if (PARTICIPLES[to] && unit.a > 0 && PERFECT.test(lower(unit.a - 1).replace(/^.*(?='ve$)/, ''))) to = PARTICIPLES[to];
        const from = sentence.slice(first.start, last.end);
        to = matchCase(from, to);
        if (to !== from) changes.push({ start: first.start, end: last.end, from, to });
        replaced.add(unit.a);
        continue;
      }
      // Group drops that stand together ("shocking and outrageous", "vile, disgusting").
      const group = [unit];
      while (k + 1 < units.length && units[k + 1].to === '') {
        const between = sentence.slice(all[group[group.length - 1].b].end, all[units[k + 1].a].start);
        if (!/^(\s+|\s*,\s+|\s+and\s+|\s*,\s+and\s+|\s+or\s+)$/i.test(between)) break;
        group.push(units[++k]);
      }
      let firstIdx = group[0].a;
      let lastIdx = group[group.length - 1].b;
      const adverbs = group.every((u) => u.a === u.b && isAdverb(all[u.a].text));
      // A preceding intensifier goes too.
      while (firstIdx > 0 && INTENSIFIERS.has(lower(firstIdx - 1)) && /^\s+$/.test(gap(firstIdx - 1)) && !picked.has(firstIdx - 1)) firstIdx--;
      const before = firstIdx > 0 ? all[firstIdx - 1] : undefined;
      const beforeGap = before ? sentence.slice(before.end, all[firstIdx].start) : sentence.slice(0, all[firstIdx].start);
      // "Interestingly enough, …": "enough" goes with the adverb.
      if (adverbs && lower(lastIdx + 1) === 'enough' && /^\s+$/.test(gap(lastIdx))) lastIdx++;
      const groupEnd = all[lastIdx].end;
      const atSentenceStart = !before && /^[\s"“«„‘'(\[]*$/.test(beforeGap);
      const capitalised = all[firstIdx].text[0] !== all[firstIdx].text[0].toLowerCase();
      let after = lastIdx + 1;
      const afterGap = sentence.slice(groupEnd, all[after]?.start ?? sentence.length);

      if (adverbs) {
        const start = all[firstIdx].start;
        if (/^\s*,/.test(afterGap) && all[after]) {
          const comma = groupEnd + afterGap.indexOf(',') + 1;
          if (before && /^\s*,\s*$/.test(beforeGap)) {
            // "He was, frankly, wrong" → "He was wrong".
            changes.push({ start: before.end, end: comma, from: sentence.slice(before.end, comma), to: '' });
          } else {
            // "Unfortunately, the game …" → "The game …"; "but sadly, it" → "but it".
            const end = all[after].start;
            const up = atSentenceStart && capitalised;
            changes.push({ start, end: up ? end + 1 : end, from: sentence.slice(start, up ? end + 1 : end), to: up ? sentence[end].toUpperCase() : '' });
          }
        } else if (all[after] && /^\s+$/.test(afterGap)) {
          // "clearly lied" → "lied"; "an extremely odd" → "an odd"; "an extremely big" → "a big".
          const end = all[after].start;
          const up = atSentenceStart && capitalised;
          changes.push({ start, end: up ? end + 1 : end, from: sentence.slice(start, up ? end + 1 : end), to: up ? sentence[end].toUpperCase() : '' });
          if (before && /^(a|an)$/i.test(before.text) && /^\s+$/.test(beforeGap)) {
            const fixed = matchCase(before.text, startsWithVowelSound(all[after].text) ? 'an' : 'a');
            if (fixed.toLowerCase() !== before.text.toLowerCase()) changes.push({ start: before.start, end: before.end, from: before.text, to: fixed });
          }
        } else if (before && /^\s*(?:$|[.;:!?)])/.test(afterGap) && /^\s*,?\s*$/.test(beforeGap) && beforeGap.length > 0) {
          // "played brilliantly." → "played."
          changes.push({ start: before.end, end: groupEnd, from: sentence.slice(before.end, groupEnd), to: '' });
        }
        continue;
      }

      // "the notorious and ruthless governor": the conjunction goes with the dropped word.
      const conjunction = /^(and|or)$/i.test(all[after]?.text ?? '') && all[after + 1] && /^\s+$/.test(gap(after)) && /^\s+$/.test(afterGap);
      if (conjunction) after++;
      const next = all[after];
      // Safe drop: attributive (a noun-like word follows after only spaces) and not after a linking verb.
      if (!next || (!conjunction && !/^\s+$/.test(afterGap))) continue;
      if (!conjunction && NOT_A_NOUN.has(normalize(next.text))) continue;
      if (before && LINKING.has(normalize(before.text)) && /^\s+$/.test(beforeGap)) continue;
      // "-ed" words are verbs too ("he celebrated his win"): only after a determiner or a comma.
      if (group[0].a === group[0].b && firstIdx === group[0].a && /ed$/i.test(all[firstIdx].text) && before && /^\s+$/.test(beforeGap) && !DETERMINERS.has(normalize(before.text)) && !/['’]s$/i.test(before.text) && !/^\d/.test(before.text)) continue;
      const start = all[firstIdx].start;
      let end = next.start;
      let to = '';
      if (atSentenceStart && capitalised) {
        end = next.start + 1;
        to = sentence[next.start].toUpperCase();
      }
      changes.push({ start, end, from: sentence.slice(start, end), to });
      // "an outrageous claim" → "a claim".
      if (before && /^(a|an)$/i.test(before.text) && !replaced.has(firstIdx - 1) && !group.some(isForeign)) {
        const article = startsWithVowelSound(next.text) ? 'an' : 'a';
        const fixed = matchCase(before.text, article);
        if (fixed.toLowerCase() !== before.text.toLowerCase()) changes.push({ start: before.start, end: before.end, from: before.text, to: fixed });
      }
    }
    // Articles before replacements ("a egregious" could happen).
    for (const index of replaced) {
      const before = all[index - 1];
      if (!before || !/^(a|an)$/i.test(before.text) || picked.has(index - 1)) continue;
      const change = changes.find((c) => c.start === all[index].start);
      if (!change || foreign.has(lower(index))) continue;
      const fixed = matchCase(before.text, startsWithVowelSound(change.to) ? 'an' : 'a');
      if (fixed.toLowerCase() !== before.text.toLowerCase()) changes.push({ start: before.start, end: before.end, from: before.text, to: fixed });
    }

    // Non-overlapping, in order.
    changes.sort((a, b) => a.start - b.start || a.end - b.end);
    const kept: RewordingChange[] = [];
    for (const c of changes) if (!kept.length || c.start >= kept[kept.length - 1].end) kept.push(c);
    const note = quoted ? QUOTATION_NOTE : undefined;
    if (!kept.length && !note) return null;
    let text = '';
    let at = 0;
    for (const c of kept) {
      text += sentence.slice(at, c.start) + c.to;
      at = c.end;
    }
    text += sentence.slice(at);
    return note ? { text, changes: kept, note } : { text, changes: kept };
  }

  return { rewrite, lookup };
}

/**
 * Every word and phrase of `sentence` the rewriter's table knows, as ranges: what a caller can pass
 * to `rewrite` when it has no loaded-word model (and what the evaluation uses as "loaded from table").
 */
export function tableRanges(rewriter: Rewriter, sentence: string): { start: number; end: number }[] {
  const all = partsIn(sentence);
  const out: { start: number; end: number }[] = [];
  for (let i = 0; i < all.length; i++) {
    let b = i;
    let found = -1;
    while (b + 1 < all.length && b - i + 1 < MAX_PHRASE && PHRASE_GAP.test(sentence.slice(all[b].end, all[b + 1].start))) {
      b++;
      if (rewriter.lookup(sentence.slice(all[i].start, all[b].end)) !== undefined) found = b;
    }
    if (found < 0 && all[i + 1] && normalize(all[i + 1].text) === 'winning' && AWARD_WORDS.has(normalize(all[i].text)) && COMPOUND_GAP.test(sentence.slice(all[i].end, all[i + 1].start)) && rewriter.lookup('award-winning') === '') found = i + 1;
    if (found >= 0) {
      out.push({ start: all[i].start, end: all[found].end });
      i = found;
    } else if (rewriter.lookup(all[i].text) !== undefined) out.push({ start: all[i].start, end: all[i].end });
  }
  return out;
}
