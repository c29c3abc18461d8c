// What an element of the page is to a reader: skipped, a line break, part of the page's chrome
// (navigation, sidebars), a block of its own, or editable by the user.
import { isOwn } from './own';

/** Never read: code, media, embedded documents and every form control. */
const NEVER_READ = new Set([
  'head', 'script', 'style', 'noscript', 'template', 'slot', 'svg', 'math', 'iframe', 'frame', 'frameset', 'object', 'embed',
  'canvas', 'video', 'audio', 'picture', 'map', 'input', 'textarea', 'select', 'option', 'optgroup', 'datalist', 'button', 'output', 'meter', 'progress',
]);

/** Roles of widgets that take input, like <input> and <textarea>. */
const INPUT_ROLES = new Set(['textbox', 'searchbox', 'combobox', 'spinbutton', 'slider']);

/** Around the content, not the content: read only when Readability keeps it. */
const CHROME_TAGS = new Set(['nav', 'aside', 'footer', 'header', 'form']);
const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'menu', 'menubar', 'toolbar']);

const BLOCK_TAGS = new Set([
  'html', 'body', 'address', 'article', 'aside', 'blockquote', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption',
  'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre',
  'section', 'summary', 'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'ul',
]);

export type ReadingRole = 'skip' | 'line-break' | 'image' | 'read';

export function readingRole(element: Element): ReadingRole {
  const tag = element.localName;
  if (tag === 'br') return 'line-break';
  if (tag === 'img') return 'image';
  if (NEVER_READ.has(tag) || isOwn(element) || isEditable(element) || isHidden(element)) return 'skip';
  return 'read';
}

/**
 * contenteditable regions and ARIA text inputs: the user's own writing is never read or marked.
 * Editability is inherited, and their subtrees are skipped whole, so the attribute is enough
 * (isContentEditable would compute style for every element).
 */
export function isEditable(element: Element): boolean {
  const editable = element.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  return INPUT_ROLES.has((element.getAttribute('role') ?? '').toLowerCase());
}

export function isHidden(element: Element): boolean {
  if ((element as HTMLElement).hidden === true || element.hasAttribute('hidden')) return true;
  const view = element.ownerDocument.defaultView;
  if (typeof element.checkVisibility === 'function') {
    if (element.checkVisibility({ visibilityProperty: true })) return false;
    // display: contents has no box of its own, so checkVisibility says no; its children may show.
    return view?.getComputedStyle(element).display !== 'contents';
  }
  const style = view?.getComputedStyle(element);
  return style?.display === 'none' || style?.visibility === 'hidden' || style?.visibility === 'collapse';
}

export function isChrome(element: Element): boolean {
  return CHROME_TAGS.has(element.localName) || CHROME_ROLES.has((element.getAttribute('role') ?? '').toLowerCase());
}

/** Custom elements have no default display: ask the style sheet (only for them; it costs a style lookup). */
export function isBlock(element: Element): boolean {
  if (BLOCK_TAGS.has(element.localName)) return true;
  if (!element.localName.includes('-')) return false;
  const display = element.ownerDocument.defaultView?.getComputedStyle(element).display ?? '';
  return display !== '' && display !== 'contents' && display !== 'none' && !display.startsWith('inline');
}

/** True when the node is in, or is, a region the user edits or a form control. */
export function isInsideEditable(node: Node): boolean {
  for (let current: Node | null = node; current; current = current.parentNode) {
    if (current.nodeType !== 1) continue;
    const element = current as Element;
    if (isEditable(element) || NEVER_READ.has(element.localName)) return true;
  }
  return false;
}
