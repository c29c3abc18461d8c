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
/** Intensifiers that go with a dropped adjective ("a very disastrous plan" → "a plan"). */
const INTENSIFIERS = new Set(['very', 'so', 'too', 'truly', 'really', 'most', 'more', 'utterly', 'totally', 'extremely', 'absolutely', 'deeply', 'especially', 'particularly', 'incredibly', 'critically', 'widely', 'highly']);
/** A dropped word after one of these is predicative ("was disastrous"): dropping breaks the sentence. */
const LINKING = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "isn't", "aren't", "wasn't", "weren't", 'am', 'seems', 'seemed', 'looks', 'looked', 'became', 'becomes', 'remain', 'remains', 'remained', 'sounds', 'sounded', 'feel', 'feels', 'felt', 'get', 'gets', 'got', 'not']);
const QUOTE_PAIRS: [string, string][] = [['"', '"'], ['“', '”'], ['«', '»'], ['„', '“'], ['„', '”'], ['‘', '’'], ["'", "'"]];
const MIN_SINGLE_QUOTE_WORDS = 3;
const MAX_CHANGES = 200;

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

function wordsIn(text: string): Word[] {
  return [...text.matchAll(WORD)].map((m) => ({ start: m.index!, end: m.index! + m[0].length, text: m[0] }));
}

function startsWithVowelSound(word: string): boolean {
  return /^[aeiou]/i.test(word) && !/^(uni|use|usu|uti|eu|one|once)/i.test(word);
}

export function createRewriter(json: unknown): Rewriter {
  const artifact = json as Partial<RewordingArtifact> | null;
  if (!artifact || typeof artifact !== 'object' || typeof artifact.table !== 'object' || artifact.table === null) throw new Error('rewording.json: missing "table"');
  const table = new Map<string, string>();
  for (const [word, to] of Object.entries(artifact.table)) if (typeof to === 'string') table.set(word.toLowerCase(), to);
  const lookup = (word: string) => table.get(word.toLowerCase().replace(/’/g, "'"));

  function rewrite(sentence: string, loaded: { start: number; end: number }[]): Rewording | null {
    if (typeof sentence !== 'string' || sentence.length === 0 || !Array.isArray(loaded) || loaded.length === 0) return null;
    const quotes = quotedRanges(sentence);
    const inQuote = (w: Word) => quotes.some((q) => w.start >= q.start && w.end <= q.end);
    const all = wordsIn(sentence);

    // The table's words inside the loaded ranges.
    const picked = new Map<number, { index: number; to: string }>();
    let quoted = false;
    for (const range of loaded) {
      if (!range || !Number.isInteger(range.start) || !Number.isInteger(range.end)) continue;
      const start = Math.max(0, range.start);
      const end = Math.min(sentence.length, range.end);
      if (end <= start) continue;
      for (let i = 0; i < all.length; i++) {
        const w = all[i];
        if (w.end <= start || w.start >= end) continue;
        // "so called" as two words, or "called" flagged out of "so-called".
        let index = i;
        let key = w.text;
        if (w.text.toLowerCase() === 'called' && i > 0 && all[i - 1].text.toLowerCase() === 'so' && all[i - 1].end + 1 === w.start) index = i - 1;
        else if (w.text.toLowerCase() === 'so' && all[i + 1]?.text.toLowerCase() === 'called' && w.end + 1 === all[i + 1].start) index = i;
        const first = all[index];
        key = index !== i || w.text.toLowerCase() === 'so' ? 'so-called' : w.text;
        const to = lookup(key);
        if (to === undefined) continue;
        if (inQuote(first)) {
          quoted = true;
          continue;
        }
        picked.set(index, { index, to });
      }
    }

    const changes: RewordingChange[] = [];
    const wordEnd = (index: number) => (sentence.slice(all[index].start, all[index].start + 3).toLowerCase() === 'so ' || sentence.slice(all[index].start, all[index].start + 3).toLowerCase() === 'so-') && all[index + 1]?.text.toLowerCase() === 'called' ? all[index + 1].end : all[index].end;
    const nextIndex = (index: number) => (wordEnd(index) === all[index].end ? index + 1 : index + 2);

    // Group drops that stand together ("shocking and outrageous", "vile, disgusting").
    const order = [...picked.values()].sort((a, b) => a.index - b.index);
    const replaced = new Set<number>();
    for (let k = 0; k < order.length && changes.length < MAX_CHANGES; k++) {
      const item = order[k];
      const w = all[item.index];
      if (item.to !== '') {
        const from = sentence.slice(w.start, wordEnd(item.index));
        const to = matchCase(from, item.to);
        if (to !== from) changes.push({ start: w.start, end: wordEnd(item.index), from, to });
        replaced.add(item.index);
        continue;
      }
      let firstIdx = item.index;
      let lastIdx = item.index;
      while (k + 1 < order.length && order[k + 1].to === '') {
        const gap = sentence.slice(wordEnd(lastIdx), all[order[k + 1].index].start);
        if (!/^(\s+|,\s+|\s+and\s+|,\s+and\s+|\s+or\s+)$/i.test(gap)) break;
        lastIdx = order[++k].index;
      }
      // A preceding intensifier goes too.
      while (firstIdx > 0 && INTENSIFIERS.has(all[firstIdx - 1].text.toLowerCase()) && /^\s+$/.test(sentence.slice(all[firstIdx - 1].end, all[firstIdx].start)) && !picked.has(firstIdx - 1)) firstIdx--;
      const groupEnd = wordEnd(lastIdx);
      let after = nextIndex(lastIdx);
      // "the notorious and ruthless governor": the conjunction goes with the dropped word.
      const conjunction = /^(and|or)$/i.test(all[after]?.text ?? '') && all[after + 1] && /^\s+$/.test(sentence.slice(all[after].end, all[after + 1].start)) && /^\s+$/.test(sentence.slice(groupEnd, all[after].start));
      if (conjunction) after++;
      const next = all[after];
      const before = all[firstIdx - 1];
      // Safe drop: attributive (a word follows after only spaces) and not after a linking verb.
      if (!next || (!conjunction && !/^\s+$/.test(sentence.slice(groupEnd, next.start)))) continue;
      if (before && LINKING.has(before.text.toLowerCase()) && /^\s+$/.test(sentence.slice(before.end, all[firstIdx].start))) continue;
      const start = all[firstIdx].start;
      const atSentenceStart = /^[\s"“«„‘'(\[]*$/.test(sentence.slice(0, start));
      let end = next.start;
      let to = '';
      if (atSentenceStart && all[firstIdx].text[0] !== all[firstIdx].text[0].toLowerCase()) {
        end = next.start + 1;
        to = sentence[next.start].toUpperCase();
      }
      changes.push({ start, end, from: sentence.slice(start, end), to });
      // "an outrageous claim" → "a claim".
      if (before && /^(a|an)$/i.test(before.text) && !replaced.has(firstIdx - 1)) {
        const article = startsWithVowelSound(next.text) ? 'an' : 'a';
        const fixed = matchCase(before.text, article);
        if (fixed.toLowerCase() !== before.text.toLowerCase()) changes.push({ start: before.start, end: before.end, from: before.text, to: fixed });
      }
    }
    // Articles before replacements ("an outrageous" never happens, but "a egregious" could).
    for (const index of replaced) {
      const before = all[index - 1];
      if (!before || !/^(a|an)$/i.test(before.text) || picked.has(index - 1)) continue;
      const change = changes.find((c) => c.start === all[index].start);
      if (!change) continue;
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
