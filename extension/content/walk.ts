// One pass over the live page in document order: the readable text nodes with the block and
// line breaks between them (the "flow"), and, for Readability, a copy of the readable part of
// the page whose text nodes map back to the page's (article.ts traces its output with it).
import { isBlock, isChrome, readingRole } from './elements';

export interface TextItem {
  kind: 'text';
  node: Text;
  /** Whitespace only: it only ever separates words. */
  blank: boolean;
  /** Inside navigation, a sidebar, a header or footer, or a form. */
  chrome: boolean;
}

export interface BreakItem {
  kind: 'break';
  /** A <br> (line) rather than the edge of a block. */
  line: boolean;
}

export type FlowItem = TextItem | BreakItem;

export interface PageWalk {
  flow: FlowItem[];
  /** Readability's input, when asked for: the readable part of the page, without scripts or styles. */
  copy: Document | null;
  /** The copy's text nodes and the page's text nodes they copy. */
  sources: Map<Node, TextItem>;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

const BLOCK_BREAK: BreakItem = { kind: 'break', line: false };
const LINE_BREAK: BreakItem = { kind: 'break', line: true };

/** Only what Readability's scoring reads; nothing that could load or run anything. */
const COPIED_ATTRIBUTES = ['id', 'class', 'rel', 'itemprop', 'role', 'lang', 'dir'];

interface Frame {
  live: Element;
  copy: Element | null;
  block: boolean;
  chrome: boolean;
}

class Walk {
  readonly flow: FlowItem[] = [];
  readonly stack: Frame[] = [];
  readonly sources = new Map<Node, TextItem>();
  readonly copy: Document | null;

  constructor(page: Document, copy: boolean) {
    this.copy = copy ? newCopyDocument(page) : null;
  }

  /** Handles an element; true when its children should be walked. */
  open(element: Element, parent: Frame | undefined): boolean {
    const role = readingRole(element);
    if (role === 'skip') return false;
    if (role !== 'read') {
      if (role === 'line-break') this.flow.push(LINE_BREAK);
      this.copyElement(element, parent);
      return false;
    }
    const block = isBlock(element);
    if (block) this.flow.push(BLOCK_BREAK);
    const copy = this.copyElement(element, parent);
    this.stack.push({ live: element, copy, block, chrome: (parent?.chrome ?? false) || isChrome(element) });
    return true;
  }

  close(): Frame {
    const frame = this.stack.pop()!;
    if (frame.block) this.flow.push(BLOCK_BREAK);
    return frame;
  }

  text(node: Text, frame: Frame): void {
    const data = node.data;
    if (data.length === 0) return;
    const item: TextItem = { kind: 'text', node, blank: !/\S/.test(data), chrome: frame.chrome };
    this.flow.push(item);
    if (frame.copy) frame.copy.append(this.copyText(item));
  }

  private copyText(item: TextItem): Node {
    const text = this.copy!.createTextNode(item.node.data);
    this.sources.set(text, item);
    return text;
  }

  private copyElement(element: Element, parent: Frame | undefined): Element | null {
    if (!this.copy) return null;
    const copy = parent ? createLike(this.copy, element) : this.copy.body;
    if (element.localName === 'img') copy.setAttribute('src', 'data:,');
    // A javascript: link would be replaced by a new text node; no link here runs anything.
    if (element.localName === 'a') copy.setAttribute('href', linkTarget(element));
    parent?.copy?.append(copy);
    return copy;
  }
}

function createLike(document: Document, element: Element): Element {
  let copy: Element;
  try {
    copy = document.createElement(element.localName);
  } catch {
    copy = document.createElement('span');
  }
  for (const name of COPIED_ATTRIBUTES) {
    const value = element.getAttribute(name);
    if (value !== null) copy.setAttribute(name, value);
  }
  return copy;
}

/** Readability weighs in-page (#) links less; other targets only need to look like links. */
function linkTarget(link: Element): string {
  const href = link.getAttribute('href') ?? '';
  return href.startsWith('#') ? href : 'https://link.invalid/';
}

function newCopyDocument(page: Document): Document {
  const copy = page.implementation.createHTMLDocument('');
  copy.title = page.title;
  // Readability reads the title and site name from <meta> tags.
  for (const meta of Array.from(page.querySelectorAll('head > meta[content]'))) {
    const element = copy.createElement('meta');
    for (const name of ['name', 'property', 'content']) {
      const value = meta.getAttribute(name);
      if (value !== null) element.setAttribute(name, value);
    }
    copy.head.append(element);
  }
  return copy;
}

/**
 * Walks `root` one node per step (see schedule.ts). The page may change between steps: a node
 * that has moved away from the element being walked ends that element's walk instead of
 * sending it somewhere else in the tree.
 */
export function* walkPage(root: Element, options: { copy: boolean } = { copy: false }): Generator<void, PageWalk> {
  const walk = new Walk(root.ownerDocument, options.copy);
  const result = (): PageWalk => ({ flow: walk.flow, copy: walk.copy, sources: walk.sources });
  if (!walk.open(root, undefined)) return result();
  let next: Node | null = root.firstChild;
  while (walk.stack.length > 0) {
    const frame = walk.stack[walk.stack.length - 1];
    if (next === null || next.parentNode !== frame.live) {
      next = walk.close().live.nextSibling;
      continue;
    }
    yield;
    const node: Node = next;
    next = node.nextSibling;
    if (node.nodeType === TEXT_NODE) walk.text(node as Text, frame);
    else if (node.nodeType === ELEMENT_NODE && walk.open(node as Element, frame)) next = node.firstChild;
  }
  return result();
}
