// Which finding is under the pointer. Nothing in the page's DOM marks a finding (the boxes are in
// Unspin's closed shadow root and let the pointer through), so the character under the pointer is
// found (caretPositionFromPoint) and checked against the findings' ranges, then against their line
// boxes (the caret snaps to the nearest character even beside the text).
import type { LocatedMark } from './locate';

export interface CaretPoint {
  node: Node;
  offset: number;
}

export interface Hit<T extends { pieces: readonly Range[] } = LocatedMark> {
  located: T;
  /** The piece of the sentence under the pointer: the card is placed against it. */
  anchor: Range;
}

/** Pointer moves are looked at no more often than this (ms). */
export const POINTER_THROTTLE_MS = 60;
const TOLERANCE_PX = 2;

type CaretDocument = Document & {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

export function caretAt(document: Document, x: number, y: number): CaretPoint | null {
  const caretDocument = document as CaretDocument;
  if (typeof caretDocument.caretPositionFromPoint === 'function') {
    const position = caretDocument.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  if (typeof caretDocument.caretRangeFromPoint === 'function') {
    const range = caretDocument.caretRangeFromPoint(x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  }
  return null;
}

function contains(range: Range, point: CaretPoint): boolean {
  try {
    return range.isPointInRange(point.node, point.offset);
  } catch {
    return false;
  }
}

function underPointer(range: Range, x: number, y: number): boolean {
  for (const rect of Array.from(range.getClientRects())) {
    if (x >= rect.left - TOLERANCE_PX && x <= rect.right + TOLERANCE_PX && y >= rect.top - TOLERANCE_PX && y <= rect.bottom + TOLERANCE_PX) return true;
  }
  return false;
}

/** The first of `found` (findings, then claim-only sentences) under the pointer. */
export function hitTest<T extends { pieces: readonly Range[] }>(found: readonly T[], document: Document, x: number, y: number): Hit<T> | null {
  const point = caretAt(document, x, y);
  if (!point) return null;
  for (const located of found) {
    for (const piece of located.pieces) {
      if (contains(piece, point) && underPointer(piece, x, y)) return { located, anchor: piece };
    }
  }
  return null;
}

/**
 * Calls `onPointer` with the latest pointer position, at most once per `throttleMs`. Events a
 * page script made up (isTrusted false) are ignored: they only ever drive this hover UI anyway.
 */
export function watchPointer(document: Document, onPointer: (x: number, y: number, target: EventTarget | null) => void, throttleMs = POINTER_THROTTLE_MS): () => void {
  let latest: MouseEvent | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    if (!latest) return;
    const event = latest;
    latest = null;
    onPointer(event.clientX, event.clientY, event.target);
    timer = setTimeout(flush, throttleMs);
  };
  const onMove = (event: MouseEvent) => {
    if (!event.isTrusted) return;
    latest = event;
    if (timer === undefined) flush();
  };
  document.addEventListener('mousemove', onMove, { capture: true, passive: true });
  return () => {
    document.removeEventListener('mousemove', onMove, { capture: true });
    clearTimeout(timer);
  };
}
