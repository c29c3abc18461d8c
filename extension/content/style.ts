// Inline styles set through the CSSOM, marked !important: a page's CSP may forbid <style>
// elements and style attributes in markup, never this; and !important inline styles win over
// any rule of the page's own style sheets.

export type StyleMap = Record<string, string | number>;

export function applyStyle(element: HTMLElement, style: StyleMap): void {
  for (const [property, value] of Object.entries(style)) element.style.setProperty(property, String(value), 'important');
}

export function styled<K extends keyof HTMLElementTagNameMap>(document: Document, tag: K, style: StyleMap, text?: string): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  applyStyle(element, style);
  if (text !== undefined) element.textContent = text;
  return element;
}

/** Colour per severity band: quiet for weak signals, clear for strong ones. */
export const BAND_COLOURS = { low: '#8a96a3', medium: '#d08c00', high: '#d93025' } as const;
/** Sentences that resemble a debunked claim: a quiet dotted violet, apart from the severity bands. */
export const CLAIM_COLOUR = '#8b6bd6';
export const FOCUS_COLOUR = 'rgba(255, 213, 0, 0.45)';

/** The "coloured background" highlight style: the band colours, light enough for the page's text to stay readable. */
export const BAND_BACKGROUNDS = { low: 'rgba(138, 150, 163, 0.25)', medium: 'rgba(208, 140, 0, 0.22)', high: 'rgba(217, 48, 37, 0.2)' } as const;
export const CLAIM_BACKGROUND = 'rgba(139, 107, 214, 0.2)';
/** How marks are drawn (the settings' highlightStyle, 'none' aside: then nothing is painted). */
export type MarkStyle = 'underline' | 'background';

/**
 * A visible focus ring for Unspin's buttons: inline styles can't say :focus-visible (and `all:
 * unset` drops the browser's own ring), so the outline follows focus and blur.
 */
export function focusRing(element: HTMLElement, colour: string): void {
  element.addEventListener('focus', () => applyStyle(element, { outline: `2px solid ${colour}`, 'outline-offset': '2px' }));
  element.addEventListener('blur', () => applyStyle(element, { outline: 'none' }));
}
