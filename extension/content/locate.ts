// The analysis's findings, back on the page: each finding's sentence as live Ranges. Also the
// context the analysis carries: sentences that resemble a debunked claim, and the body sentence
// that a clickbait headline's spoiler names.
import type { ClaimSentence, Finding, PageAnalysis, TextRange } from '../../model/types';
import { claimTarget, claimsFor, spoilerOf, usableClaims } from '../ui/context';
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
  /** Debunked claims this sentence resembles: shown in the finding's card too. */
  claims?: ClaimSentence[];
}

/** A sentence that resembles a debunked claim and is no finding: marked quietly, with its own card. */
export interface LocatedClaim {
  /** "claim:<start>-<end>": what FocusFinding asks for. */
  id: string;
  claim: ClaimSentence;
  range: Range;
  pieces: Range[];
}

/** Anything on the page with a card: a finding or a claim-only sentence. */
export type LocatedMark = LocatedFinding | LocatedClaim;

export const isLocatedFinding = (mark: LocatedMark): mark is LocatedFinding => 'finding' in mark;

/** Everything of one analysis that was found on the page. */
export interface LocatedAnalysis {
  findings: LocatedFinding[];
  claims: LocatedClaim[];
  /** The headline finding, anchored at its spoiler's body sentence: where "Show in page" takes the reader. */
  spoiler: LocatedFinding | null;
}

export interface FindingMaps {
  map: TextMap;
  headline: TextMap | null;
}

type Sentence = TextRange & { text: string };

function isSentence(value: unknown): value is Sentence {
  const sentence = value as Sentence | null;
  return typeof sentence === 'object' && sentence !== null && Number.isInteger(sentence.start) && Number.isInteger(sentence.end) && typeof sentence.text === 'string';
}

/** The sentence's live ranges in `map`, or null if its text is not there (any more: the page may have changed). */
export function locateSentence(sentence: unknown, map: TextMap | null): { range: Range; pieces: Range[] } | null {
  if (!map || !isSentence(sentence)) return null;
  const { start, end, text } = sentence;
  const range = map.rangeOf(start, end);
  const pieces = map.piecesOf(start, end).filter((piece) => !isInsideEditable(piece.startContainer));
  // A text node the page replaced still holds its old text: only pieces on the page count.
  if (!range || pieces.length === 0 || !pieces.every((piece) => piece.startContainer.isConnected)) return null;
  if (!sameTextIgnoringSpace(pieces.map((piece) => piece.toString()).join(''), text)) return null;
  return { range, pieces };
}

/** The finding on the page, or null if its text is not there (any more: the page may have changed). */
export function locateFinding(finding: Finding, maps: FindingMaps): LocatedFinding | null {
  const found = locateSentence(finding?.sentence, finding.isHeadline ? maps.headline : maps.map);
  return found ? { finding, band: severityBand(finding.severity), ...found } : null;
}

export function locateFindings(findings: readonly Finding[], maps: FindingMaps): LocatedFinding[] {
  const located: LocatedFinding[] = [];
  for (const finding of findings) {
    const found = locateFinding(finding, maps);
    if (found) located.push(found);
  }
  return located;
}

/**
 * Findings, claim sentences and the spoiler on the page. A claim sentence over a finding's sentence
 * goes with that finding (its card shows the claim); the others are marks of their own.
 */
export function locateAnalysis(analysis: Pick<PageAnalysis, 'findings' | 'claims'>, maps: FindingMaps): LocatedAnalysis {
  const findings = locateFindings(Array.isArray(analysis.findings) ? analysis.findings : [], maps);
  const claims = usableClaims(analysis.claims);
  const taken = new Set<ClaimSentence>();
  for (const located of findings) {
    const over = claimsFor(located.finding, claims);
    if (over.length === 0) continue;
    located.claims = over;
    for (const claim of over) taken.add(claim);
  }
  const claimMarks: LocatedClaim[] = [];
  for (const claim of claims) {
    if (taken.has(claim)) continue;
    const found = locateSentence(claim.sentence, maps.map);
    if (found) claimMarks.push({ id: claimTarget(claim.sentence), claim, ...found });
  }
  let spoiler: LocatedFinding | null = null;
  const headline = findings.find((located) => located.finding.isHeadline) ?? null;
  const headlineFinding = headline?.finding ?? analysis.findings?.find((finding) => finding?.isHeadline);
  const named = headlineFinding ? spoilerOf(headlineFinding) : null;
  if (headlineFinding && named) {
    const found = locateSentence(named.sentence, maps.map);
    if (found) spoiler = { finding: headlineFinding, band: headline?.band ?? severityBand(headlineFinding.severity), ...found };
  }
  return { findings, claims: claimMarks, spoiler };
}
