// One pass over the live page in document order: the readable text nodes with the block and
// line breaks between them (the "flow"), and, for Readability, a copy of the readable part of
// the page in which every element carries its index, so Readability's output can be traced back.
import { isBlock, isChrome, readingRole } from './elements';

export const INDEX_ATTRIBUTE = 'data-unspin-i';

export interface TextItem {
  kind: 'text';
  node: Text;
  /** Index of the element the text node is a direct child of. */
  owner: number;
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
  /** Readability's input, when asked for; element i of the walk has INDEX_ATTRIBUTE = i. */
  copy: Document | null;
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
  index: number;
  block: boolean;
  chrome: boolean;
}

class Walk {
  readonly flow: FlowItem[] = [];
  readonly stack: Frame[] = [];
  private elements = 0;

  constructor(readonly copy: Document | null) {}

  /** Handles an element; true when its children should be walked. */
  open(element: Element, parent: Frame | undefined): boolean {
    const role = readingRole(element);
    if (role === 'skip') return false;
    if (role !== 'read') {
      if (role === 'line-break') this.flow.push(LINE_BREAK);
      this.copyElement(element, parent, -1);
      return false;
    }
    const block = isBlock(element);
    if (block) this.flow.push(BLOCK_BREAK);
    const index = this.elements++;
    const copy = this.copyElement(element, parent, index);
    this.stack.push({ live: element, copy, index, block, chrome: (parent?.chrome ?? false) || isChrome(element) });
    return true;
  }

  close(): Frame {
    const frame = this.stack.pop()!;
    if (frame.block) this.flow.push(BLOCK_BREAK);
    return frame;
  }

  text(node: Text, frame: Frame): void {
    if (node.data.length === 0) return;
    this.flow.push({ kind: 'text', node, owner: frame.index, chrome: frame.chrome });
    frame.copy?.append(this.copy!.createTextNode(node.data));
  }

  private copyElement(element: Element, parent: Frame | undefined, index: number): Element | null {
    if (!this.copy) return null;
    const copy = parent ? createLike(this.copy, element) : this.copy.body;
    if (element.localName === 'img') copy.setAttribute('src', 'data:,');
    if (element.localName === 'a') copy.setAttribute('href', linkTarget(element));
    if (index >= 0) copy.setAttribute(INDEX_ATTRIBUTE, String(index));
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
export function* walkPage(root: Element, options: { copy: boolean }): Generator<void, PageWalk> {
  const walk = new Walk(options.copy ? newCopyDocument(root.ownerDocument) : null);
  if (!walk.open(root, undefined)) return { flow: walk.flow, copy: walk.copy };
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
  return { flow: walk.flow, copy: walk.copy };
}
