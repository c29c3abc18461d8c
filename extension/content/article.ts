// Readability on Unspin's copy of the page (walk.ts), traced back to the live page: which of
// the page's text nodes Readability kept. Readability moves the nodes it keeps (into new <p>s,
// renamed elements...) but never copies them, so its output's text nodes are the copy's own,
// and the walk knows which page text node each one copies.
import { Readability } from '@mozilla/readability';
import type { PageWalk, TextItem } from './walk';

export interface Article {
  title: string;
  /** Whether a text node of the walk that made the copy is in the article. */
  has(item: TextItem): boolean;
}

/** Past this many elements Readability takes too long for one task: the page is read by blocks. */
export const MAX_ARTICLE_ELEMENTS = 20_000;

/**
 * Past this nesting depth too: Readability's time grows with the square of the depth of nested
 * blocks (0.6 s at 400 levels, minutes at a few thousand, in one task that freezes the page).
 * Real articles are a few dozen levels deep.
 */
export const MAX_ARTICLE_DEPTH = 200;

/** Whether a node under `root` is more than `max` levels below it (stops at the first such node). */
export function deeperThan(root: Node, max: number): boolean {
  let node: Node = root;
  let depth = 0;
  for (;;) {
    const child = node.firstChild;
    if (child) {
      if (++depth > max) return true;
      node = child;
      continue;
    }
    while (node !== root && !node.nextSibling) {
      node = node.parentNode!;
      depth -= 1;
    }
    if (node === root) return false;
    node = node.nextSibling!;
  }
}

const SHOW_TEXT = 4;

function textNodes(root: Node): Text[] {
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, SHOW_TEXT);
  const texts: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text);
  return texts;
}

/** A deep clone of `source` whose text nodes are traced to the same page text nodes. */
function tracedClone<T extends Node>(source: T, sources: Map<Node, TextItem>): T {
  const clone = source.cloneNode(true) as T;
  const originals = textNodes(source);
  textNodes(clone).forEach((text, i) => {
    const item = sources.get(originals[i]);
    if (item) sources.set(text, item);
  });
  return clone;
}

/**
 * When its first attempt finds too little text, Readability restores the page from
 * `body.innerHTML` saved at the start and tries again: re-parsed nodes would be untraceable.
 * On this copy, reading innerHTML takes a traced snapshot instead and writing it back restores
 * a traced clone of it. (Should Readability stop using innerHTML, nothing here runs.)
 */
function keepRetriesTraceable(copy: Document, sources: Map<Node, TextItem>): void {
  const body = copy.body;
  const native = inheritedDescriptor(body, 'innerHTML');
  const token = `unspin-snapshot-${Math.random()}`;
  let snapshot: Node | null = null;
  Object.defineProperty(body, 'innerHTML', {
    configurable: true,
    get: () => {
      snapshot = tracedClone(body, sources);
      return token;
    },
    set: (html: string) => {
      if (html === token && snapshot) body.replaceChildren(...Array.from(tracedClone(snapshot, sources).childNodes));
      else native?.set?.call(body, html);
    },
  });
}

function inheritedDescriptor(object: object, name: string): PropertyDescriptor | undefined {
  for (let owner = Object.getPrototypeOf(object); owner; owner = Object.getPrototypeOf(owner)) {
    const descriptor = Object.getOwnPropertyDescriptor(owner, name);
    if (descriptor) return descriptor;
  }
  return undefined;
}

function parse(copy: Document): { title: string; content: Element } | null {
  try {
    const result = new Readability<Node>(copy, { serializer: (node) => node, disableJSONLD: true, maxElemsToParse: MAX_ARTICLE_ELEMENTS }).parse();
    const content = result?.content;
    return content && content.nodeType === 1 ? { title: result?.title ?? '', content: content as Element } : null;
  } catch {
    // Too many elements, or a document Readability cannot handle.
    return null;
  }
}

/**
 * Runs Readability on the walk's copy of the page (it changes the document it is given). Null
 * when it finds no article, when the page is nested too deep for it (MAX_ARTICLE_DEPTH), or when
 * its output can't be traced (then the page is read by blocks).
 */
export function readArticle(walk: PageWalk): Article | null {
  if (!walk.copy || deeperThan(walk.copy.body, MAX_ARTICLE_DEPTH)) return null;
  keepRetriesTraceable(walk.copy, walk.sources);
  const article = parse(walk.copy);
  if (!article) return null;
  const kept = new Set<TextItem>();
  for (const text of textNodes(article.content)) {
    if (!/\S/.test(text.data)) continue;
    const item = walk.sources.get(text);
    if (!item) return null;
    kept.add(item);
  }
  return kept.size > 0 ? { title: article.title, has: (item) => kept.has(item) } : null;
}
