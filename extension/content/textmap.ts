// The analysed text of a page and the way back: the chosen text nodes joined into one string
// (blocks separated by "\n\n", a <br> by "\n", runs of whitespace collapsed to one space, no
// space at the edges of a block), and for every character the text node and offset it came from.
import type { FlowItem, TextItem } from './walk';

export interface TextMap {
  readonly text: string;
  /** A live Range over text[start, end) (end exclusive), or null if it is no longer on the page. */
  rangeOf(start: number, end: number): Range | null;
  /**
   * The same text as one Range per text node: exactly the characters that were read, so
   * content skipped between them (an editable field, a button) is never covered.
   */
  piecesOf(start: number, end: number): Range[];
}

/** Where text characters came from: text[at, at + length) <- node.data[offset, offset + nodeLength). */
interface Source {
  node: Text;
  offset: number;
  nodeLength: number;
}
interface Run extends Source {
  at: number;
  length: number;
}

const WHITESPACE = /\s+/g;

class Builder {
  private readonly parts: string[] = [];
  private length = 0;
  readonly runs: Run[] = [];
  /** Separator owed before the next character ("\n" or "\n\n"); never written at the edges. */
  private pendingBreak = '';
  /** The first whitespace since the last character: becomes one space before the next one. */
  private pendingSpace: Source | null = null;

  addBreak(line: boolean): void {
    this.pendingSpace = null;
    if (this.length === 0) return;
    // Two <br> in a row end a paragraph, as they do for readers and for Readability.
    this.pendingBreak = !line || this.pendingBreak !== '' ? '\n\n' : '\n';
  }

  addText(node: Text): void {
    const data = node.data;
    let position = 0;
    for (const match of data.matchAll(WHITESPACE)) {
      const index = match.index ?? 0;
      if (index > position) this.addWord({ node, offset: position, nodeLength: index - position });
      if (this.length > 0 && this.pendingBreak === '' && this.pendingSpace === null) this.pendingSpace = { node, offset: index, nodeLength: match[0].length };
      position = index + match[0].length;
    }
    if (position < data.length) this.addWord({ node, offset: position, nodeLength: data.length - position });
  }

  build(): TextMap {
    return new PageTextMap(this.parts.join(''), this.runs);
  }

  private addWord(source: Source): void {
    if (this.pendingBreak !== '') this.write(this.pendingBreak, null);
    else if (this.pendingSpace) this.write(' ', this.pendingSpace);
    this.pendingBreak = '';
    this.pendingSpace = null;
    this.write(source.node.data.slice(source.offset, source.offset + source.nodeLength), source);
  }

  private write(text: string, source: Source | null): void {
    if (source) this.addRun({ ...source, at: this.length, length: text.length });
    this.parts.push(text);
    this.length += text.length;
  }

  private addRun(run: Run): void {
    const last = this.runs[this.runs.length - 1];
    const contiguous = last && last.node === run.node && last.at + last.length === run.at && last.offset + last.nodeLength === run.offset;
    if (contiguous && last.length === last.nodeLength && run.length === run.nodeLength) {
      last.length += run.length;
      last.nodeLength += run.nodeLength;
    } else {
      this.runs.push(run);
    }
  }
}

class PageTextMap implements TextMap {
  constructor(readonly text: string, private readonly runs: Run[]) {}

  rangeOf(start: number, end: number): Range | null {
    const span = this.runSpan(start, end);
    if (!span) return null;
    const [from, to] = span;
    return makeRange(this.runs[from], Math.max(0, start - this.runs[from].at), this.runs[to], end - this.runs[to].at);
  }

  piecesOf(start: number, end: number): Range[] {
    const span = this.runSpan(start, end);
    if (!span) return [];
    const pieces: Range[] = [];
    for (let first = span[0]; first <= span[1]; ) {
      let last = first;
      while (last < span[1] && this.runs[last + 1].node === this.runs[first].node) last += 1;
      const range = makeRange(this.runs[first], Math.max(0, start - this.runs[first].at), this.runs[last], end - this.runs[last].at);
      if (range) pieces.push(range);
      first = last + 1;
    }
    return pieces;
  }

  /** Indices of the first and last runs that hold text[start, end), or null. */
  private runSpan(start: number, end: number): [number, number] | null {
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > this.text.length || start >= end) return null;
    const first = this.firstRunEndingAfter(start);
    const last = this.lastRunStartingBefore(end);
    return first < 0 || last < first ? null : [first, last];
  }

  private firstRunEndingAfter(position: number): number {
    let low = 0;
    let high = this.runs.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const run = this.runs[middle];
      if (run.at + run.length > position) high = middle;
      else low = middle + 1;
    }
    return low < this.runs.length ? low : -1;
  }

  private lastRunStartingBefore(position: number): number {
    let low = 0;
    let high = this.runs.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.runs[middle].at < position) low = middle + 1;
      else high = middle;
    }
    return low - 1;
  }
}

function makeRange(from: Run, startInRun: number, to: Run, endInRun: number): Range | null {
  const range = from.node.ownerDocument.createRange();
  try {
    range.setStart(from.node, nodeOffset(from, startInRun));
    range.setEnd(to.node, nodeOffset(to, endInRun));
  } catch {
    // The page changed the text node since it was read.
    return null;
  }
  return range;
}

/** Offset in the run's text node of the character `k` characters into the run (k may equal its length). */
function nodeOffset(run: Run, k: number): number {
  if (k >= run.length) return run.offset + run.nodeLength;
  // A collapsed whitespace run is one character standing for several.
  return run.length === run.nodeLength ? run.offset + k : run.offset;
}

/** Builds the map one flow item per step (see schedule.ts); `keep` chooses the text nodes. */
export function* buildTextMap(flow: Iterable<FlowItem>, keep: (item: TextItem) => boolean = () => true): Generator<void, TextMap> {
  const builder = new Builder();
  for (const item of flow) {
    if (item.kind === 'break') builder.addBreak(item.line);
    else if (keep(item)) builder.addText(item.node);
    yield;
  }
  return builder.build();
}

/** Equal but for whitespace: how a Range's text is compared with the text it was mapped from. */
export function sameTextIgnoringSpace(a: string, b: string): boolean {
  return a.replace(WHITESPACE, '') === b.replace(WHITESPACE, '');
}
