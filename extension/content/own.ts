// Elements Unspin adds to the page (its UI host): never read, never highlighted.
const own = new WeakSet<Node>();

export function markOwn(element: Element): void {
  own.add(element);
}

export function isOwn(node: Node): boolean {
  return own.has(node);
}
