// What Unspin marks on a page, read where the page can't: in the content script's isolated world
// (the painted ranges it keeps at Symbol.for('unspin.marks')) and in its closed shadow root (the
// boxes actually drawn). The DevTools plumbing is scripts/lib/isolated.ts, shared with the benchmark.
import type { Page } from 'playwright-core';
import { IsolatedWorld, type DrawnBox } from '../../scripts/lib/isolated';

export { IsolatedWorld, type DrawnBox } from '../../scripts/lib/isolated';

const worlds = new WeakMap<Page, Promise<IsolatedWorld>>();

/** One DevTools session per page, kept for the page's life (helpers poll). */
export function worldOf(page: Page): Promise<IsolatedWorld> {
  let world = worlds.get(page);
  if (!world) {
    world = IsolatedWorld.attach(page);
    worlds.set(page, world);
    // A failed attach is not remembered: the next call tries again.
    world.catch(() => worlds.delete(page));
  }
  return world;
}

/** [mark name, text] of every painted range, in the content script's world (no world yet: none). */
const READ_PAINTED = `(() => {
  const painted = globalThis[Symbol.for('unspin.marks')];
  if (!painted) return [];
  const marks = [];
  for (const [name, ranges] of painted) for (const range of ranges) marks.push([name, range.toString().replace(/\\s+/g, ' ').trim()]);
  return marks;
})()`;

export async function paintedMarks(page: Page): Promise<[name: string, text: string][]> {
  return (await (await worldOf(page)).evaluate<[string, string][]>(READ_PAINTED)) ?? [];
}

/** The viewport rectangles of the painted ranges' text (line boxes cut by nothing), by mark name. */
const READ_TEXT_RECTS = `(() => {
  const painted = globalThis[Symbol.for('unspin.marks')];
  const rects = [];
  if (painted) for (const [name, ranges] of painted) for (const range of ranges) for (const r of range.getClientRects()) if (r.width >= 1 && r.height >= 1) rects.push({ mark: name.replace(/^unspin-/, ''), x: r.x, y: r.y, width: r.width, height: r.height });
  return rects;
})()`;

export async function markedTextRects(page: Page): Promise<DrawnBox[]> {
  return (await (await worldOf(page)).evaluate<DrawnBox[]>(READ_TEXT_RECTS)) ?? [];
}

/** The overlay's boxes as drawn in Unspin's closed shadow root. */
export async function drawnBoxes(page: Page): Promise<DrawnBox[]> {
  return (await worldOf(page)).boxes();
}
