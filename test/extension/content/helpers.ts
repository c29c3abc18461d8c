// Shared test helpers for the content script: pages in their own happy-dom windows.
import { vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Window } from 'happy-dom';
import { extractPage, type ExtractedPage } from '../../../extension/content/extract';
import { runToEnd, slicing, type Slicing } from '../../../extension/content/schedule';
import { buildTextMap, type TextMap } from '../../../extension/content/textmap';
import { walkPage } from '../../../extension/content/walk';
import type { Label } from '../../../model/labels';
import type { Finding, PageAnalysis } from '../../../model/types';
import { analysis } from '../background/fakes';

export const FIXTURES = resolve(__dirname, '..', '..', 'fixtures');

export function fixture(name: string): string {
  return readFileSync(resolve(FIXTURES, name), 'utf8');
}

/** A page loaded in a window of its own (its own URL, its own timers). */
export function loadPage(html: string, url = 'https://news.example/story'): Document {
  const window = new Window({ url, width: 1024, height: 768 });
  window.document.write(html);
  return window.document as unknown as Document;
}

/** Slicing that yields at once: the work is still sliced, the test doesn't wait. */
export function instantSlicing(overrides: Partial<Slicing> = {}): Slicing {
  return slicing({ yieldToHost: () => Promise.resolve(), ...overrides });
}

export async function extracted(document: Document): Promise<ExtractedPage> {
  const result = await extractPage(document, instantSlicing());
  if (!result.readable) throw new Error(`unreadable: ${result.reason}`);
  return result.page;
}

/** The text map of everything readable under `root`. */
export function mapOf(root: Element): TextMap {
  return runToEnd(buildTextMap(runToEnd(walkPage(root)).flow));
}

export const withoutSpace = (text: string) => text.replace(/\s+/g, '');

/** A finding on `sentence`, which must occur in `map`'s text (or, for a headline, the title). */
export function findingOn(text: string, sentence: string, overrides: Partial<Finding> = {}): Finding {
  const start = text.indexOf(sentence);
  if (start < 0) throw new Error(`"${sentence}" is not in the text`);
  const end = start + sentence.length;
  const label: Label = overrides.label ?? 'Loaded_Language';
  return {
    id: overrides.isHeadline ? 'headline' : `s${start}-${end}`,
    kind: 'technique',
    label,
    score: 0.9,
    severity: 0.6,
    labels: [{ label, score: 0.9, threshold: 0.5 }],
    sentence: { start, end, text: sentence },
    isHeadline: false,
    evidence: [],
    suggestion: { question: 'What happened, in neutral words?', restatement: '[Who] [did what].' },
    ...overrides,
  } as Finding;
}

export function analysisWith(findings: Finding[]): PageAnalysis {
  return analysis({ model: { name: 'test', version: '0' }, risk: 50, sentenceCount: 10, findings });
}

const shadowRoots = new WeakMap<Document, ShadowRoot[]>();
const patched = new WeakSet<object>();

/**
 * Unspin's closed shadow roots in `document`, caught as they are attached: tests look at the
 * overlay's boxes in them (the page never can: attachShadow is Unspin's own, from its isolated world).
 */
export function captureShadowRoots(document: Document): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  shadowRoots.set(document, roots);
  const proto = (document.defaultView as unknown as { Element: typeof Element }).Element.prototype;
  // Wrapped once per prototype (windows may share them), not with vi.spyOn: spies stacked by
  // several tests on one prototype would call one another forever.
  if (!patched.has(proto)) {
    patched.add(proto);
    const attach = proto.attachShadow;
    proto.attachShadow = function (this: Element, init: ShadowRootInit) {
      const root = attach.call(this, init);
      shadowRoots.get(this.ownerDocument)?.push(root);
      return root;
    };
  }
  return roots;
}

/** The overlay's boxes (data-mark: low, medium, high, claim or focus) in these roots. */
export function drawnBoxes(roots: readonly ShadowRoot[]): HTMLElement[] {
  return roots.flatMap((root) => Array.from(root.querySelectorAll<HTMLElement>('[data-mark]')));
}

type Rect = { left: number; top: number; width: number; height: number };
export function domRect({ left, top, width, height }: Rect): DOMRect {
  return { left, top, width, height, right: left + width, bottom: top + height, x: left, y: top, toJSON: () => ({}) } as DOMRect;
}

/** happy-dom does no layout: give every Range of the page's window these line boxes (and the document room for them). */
export function stubRects(document: Document, rects: Rect[] = [{ left: 10, top: 20, width: 200, height: 18 }]) {
  for (const [size, value] of [['scrollHeight', 4000], ['scrollWidth', 1024], ['clientHeight', 768], ['clientWidth', 1024]] as const) Object.defineProperty(document.documentElement, size, { value, configurable: true });
  const RangeClass = (document.defaultView as unknown as { Range: typeof Range }).Range;
  vi.spyOn(RangeClass.prototype, 'getClientRects').mockImplementation(() => rects.map(domRect) as unknown as DOMRectList);
  vi.spyOn(RangeClass.prototype, 'getBoundingClientRect').mockImplementation(() => domRect(rects[0]));
}
