// The analysis's findings, back on the page: each finding's sentence as live Ranges.
import type { Finding } from '../../model/types';
import { severityBand, type Severity } from '../ui/labels';
import { isInsideEditable } from './elements';
import { sameTextIgnoringSpace, type TextMap } from './textmap';

export interface LocatedFinding {
  finding: Finding;
  band: Severity;
  /** The whole sentence: where to scroll and what to anchor the card to. */
  range: Range;
  /** The sentence's text nodes, to paint and to hit-test: never inside an editable region. */
  pieces: Range[];
}

export interface FindingMaps {
  map: TextMap;
  headline: TextMap | null;
}

function isSentence(value: unknown): value is Finding['sentence'] {
  const sentence = value as Finding['sentence'] | null;
  return typeof sentence === 'object' && sentence !== null && Number.isInteger(sentence.start) && Number.isInteger(sentence.end) && typeof sentence.text === 'string';
}

/** The finding on the page, or null if its text is not there (any more: the page may have changed). */
export function locateFinding(finding: Finding, maps: FindingMaps): LocatedFinding | null {
  const map = finding.isHeadline ? maps.headline : maps.map;
  if (!map || !isSentence(finding.sentence)) return null;
  const { start, end, text } = finding.sentence;
  const range = map.rangeOf(start, end);
  const pieces = map.piecesOf(start, end).filter((piece) => !isInsideEditable(piece.startContainer));
  // A text node the page replaced still holds its old text: only pieces on the page count.
  if (!range || pieces.length === 0 || !pieces.every((piece) => piece.startContainer.isConnected)) return null;
  if (!sameTextIgnoringSpace(pieces.map((piece) => piece.toString()).join(''), text)) return null;
  return { finding, band: severityBand(finding.severity), range, pieces };
}

export function locateFindings(findings: readonly Finding[], maps: FindingMaps): LocatedFinding[] {
  const located: LocatedFinding[] = [];
  for (const finding of findings) {
    const found = locateFinding(finding, maps);
    if (found) located.push(found);
  }
  return located;
}
