// Renders Preact UI into fresh elements of the test document and unmounts them after each test:
// the component tests' one shared set-up.
import { render, type ComponentChild } from 'preact';
import { afterEach } from 'vitest';

const roots: HTMLElement[] = [];

/** Renders `ui` into a new element appended to the document body; the element is returned. */
export function show(ui: ComponentChild): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  render(ui, root);
  roots.push(root);
  return root;
}

/** The element of the latest show(). */
export function lastRoot(): HTMLElement {
  const root = roots.at(-1);
  if (!root) throw new Error('nothing shown yet');
  return root;
}

/** Renders `ui` in place of what the latest show() rendered (Preact diffs it, as an update would). */
export function rerender(ui: ComponentChild): HTMLElement {
  render(ui, lastRoot());
  return lastRoot();
}

afterEach(() => {
  for (const root of roots.splice(0)) {
    render(null, root);
    root.remove();
  }
});
