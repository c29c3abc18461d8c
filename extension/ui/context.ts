// Context about a page, shared by the in-page card and the popup: debunked-claim matches, the
// spoiler of a clickbait headline, safe links, and the ids "Show in page" uses for them. Pure.
import type { ClaimMatch } from '../../model/claims';
import type { ClaimSentence, Finding, TextRange } from '../../model/types';

/** An http(s) URL as a string safe for an href, or null (javascript:, data:, relative, malformed...). */
export function safeHttpUrl(url: unknown): string | null {
  if (typeof url !== 'string' || url.length > 4096) return null;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (parsed.username || parsed.password || !parsed.hostname) return null;
  return parsed.href;
}

function isMatch(match: unknown): match is ClaimMatch {
  const m = match as ClaimMatch | null;
  return typeof m === 'object' && m !== null && typeof m.claim === 'string' && m.claim.trim() !== '' && typeof m.source === 'string' && typeof m.verdict === 'string';
}

/** The most similar usable match of a sentence, or null. */
export function bestMatch(matches: readonly ClaimMatch[] | null | undefined): ClaimMatch | null {
  let best: ClaimMatch | null = null;
  for (const match of Array.isArray(matches) ? matches : []) {
    if (!isMatch(match)) continue;
    const similarity = Number.isFinite(match.similarity) ? match.similarity : 0;
    if (!best || similarity > (Number.isFinite(best.similarity) ? best.similarity : 0)) best = match;
  }
  return best;
}

function isRange(value: unknown): value is TextRange & { text: string } {
  const range = value as (TextRange & { text: string }) | null;
  return typeof range === 'object' && range !== null && Number.isInteger(range.start) && Number.isInteger(range.end) && range.end > range.start && typeof range.text === 'string';
}

/** The analysis's claim sentences that can be shown: a sentence and at least one usable match. */
export function usableClaims(claims: readonly ClaimSentence[] | null | undefined): ClaimSentence[] {
  return (Array.isArray(claims) ? claims : []).filter((claim) => isRange(claim?.sentence) && bestMatch(claim.matches) !== null);
}

const overlaps = (a: TextRange, b: TextRange) => a.start < b.end && b.start < a.end;

/** The claim sentences over a body finding's sentence (a headline's offsets are into the title: none). */
export function claimsFor(finding: Finding, claims: readonly ClaimSentence[]): ClaimSentence[] {
  if (finding.isHeadline || !isRange(finding.sentence)) return [];
  return claims.filter((claim) => overlaps(claim.sentence, finding.sentence));
}

/** Whether a claim sentence is also a (body) finding's sentence. */
export function isFindingSentence(claim: ClaimSentence, findings: readonly Finding[]): boolean {
  return findings.some((finding) => !finding.isHeadline && isRange(finding.sentence) && overlaps(claim.sentence, finding.sentence));
}

/** A headline finding's spoiler, when it has a usable one. */
export function spoilerOf(finding: Finding): { sentence: TextRange & { text: string }; headline: string } | null {
  const spoiler = finding.isHeadline ? finding.suggestion?.spoiler : undefined;
  if (!spoiler || !isRange(spoiler.sentence) || spoiler.sentence.text.trim() === '' || typeof spoiler.headline !== 'string') return null;
  return { sentence: spoiler.sentence, headline: spoiler.headline };
}

// "Show in page" targets beyond findings: the FocusFinding message carries an id string, and the
// content script resolves these ids as well as finding ids ("s<start>-<end>", "headline").
/** The body sentence that a clickbait headline's spoiler names. */
export const SPOILER_TARGET = 'spoiler';
export const claimTarget = (sentence: TextRange) => `claim:${sentence.start}-${sentence.end}`;

/** Text cut to `max` characters at a word boundary, with an ellipsis; whole when short enough. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  if (space > max * 0.6) cut = cut.slice(0, space);
  // Never end on half a surrogate pair.
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}
