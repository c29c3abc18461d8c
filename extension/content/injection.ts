// Keys on the content script's global object (its isolated world: the page has another global
// object and can't see or set them), shared with the worker that injects the script.

/** Set once the content script has started in this frame. */
export const STARTED = Symbol.for('unspin.content-script');

/** Set by the worker before it injects the script because the user asked (toolbar, menu, shortcut). */
export const INJECTED_ON_REQUEST = Symbol.for('unspin.injected-on-request');

/** Runs in the page's isolated world (scripting.executeScript `func`): self-contained, no imports. */
export function markInjectedOnRequest(): void {
  (globalThis as Record<symbol, unknown>)[Symbol.for('unspin.injected-on-request')] = true;
}
