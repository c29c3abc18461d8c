// The findings (and claim-only sentences) shown on the page: which are marked, how, and which
// one a FocusFinding names. Drawing is the painter's (overlay.ts, in Unspin's closed shadow root).
import { claimTarget, SPOILER_TARGET } from '../ui/context';
import type { LocatedAnalysis, LocatedClaim, LocatedFinding, LocatedMark } from './locate';
import { markName, type MarkName, type MarkPainter, type MarkRanges, type PaintedMarks } from './marks';
import type { CategoryId } from '../../model/types';
import { isFindingShown, type HighlightStyle } from '../settings';

export const FLASH_MS = 1600;

/** A range still over page text: a page that replaces its nodes while we map leaves detached or collapsed ranges. */
const onPage = (range: Range) => range.startContainer.isConnected && !range.collapsed;

function byMark(found: readonly LocatedFinding[], claims: readonly LocatedClaim[]): MarkRanges {
  const marks = new Map<MarkName, Range[]>();
  const add = (mark: MarkName, pieces: readonly Range[]) => {
    const ranges = marks.get(mark) ?? [];
    ranges.push(...pieces.filter(onPage));
    marks.set(mark, ranges);
  };
  for (const located of found) add(located.band, located.pieces);
  for (const located of claims) add('claim', located.pieces);
  return marks;
}

/** The findings (and claim-only sentences) shown on the page, and whether the user wants them marked. */
export class Highlights {
  private found: readonly LocatedFinding[] = [];
  private claimMarks: readonly LocatedClaim[] = [];
  private spoiler: LocatedFinding | null = null;
  /** The whole analysis as shown last; found/claimMarks/spoiler are what the category settings let through. */
  private all: { found: readonly LocatedFinding[]; claims: readonly LocatedClaim[]; spoiler: LocatedFinding | null } = { found: [], claims: [], spoiler: null };
  private shownCategories: Readonly<Record<CategoryId, boolean>> | null = null;
  private style: HighlightStyle = 'underline';
  private on = true;

  constructor(private readonly painter: MarkPainter) {}

  /** What is painted now, by mark name (live; the content script's isolated world only). */
  get painted(): PaintedMarks {
    return this.painter.painted;
  }

  /** How many ranges carry a mark now (not counting a focus flash). */
  get paintedCount(): number {
    let count = 0;
    for (const [name, ranges] of this.painter.painted) if (name !== markName('focus')) count += ranges.length;
    return count;
  }

  /** How long the painter's latest drawing took, ms. */
  get drawMs(): number {
    return this.painter.drawMs;
  }

  get enabled(): boolean {
    return this.on;
  }

  /** Marks are drawn (and hovering opens cards): switched on in the popup and a style other than 'none'. */
  get visible(): boolean {
    return this.on && this.style !== 'none';
  }

  /** The highlight-style setting: how marks look, or 'none' for no marks (the popup's "show in page" still works). */
  setStyle(style: HighlightStyle): void {
    if (style === this.style) return;
    this.style = style;
    if (style !== 'none') this.painter.setStyle(style);
    this.repaint();
  }

  /** The categories setting: findings only of hidden categories are neither marked nor found; claims go with 'claims'. */
  setCategories(shown: Readonly<Record<CategoryId, boolean>>): void {
    this.shownCategories = shown;
    this.filter();
    this.repaint();
  }

  get findings(): readonly LocatedFinding[] {
    return this.found;
  }

  /** Sentences that resemble a debunked claim and are no finding. */
  get claims(): readonly LocatedClaim[] {
    return this.claimMarks;
  }

  /** Everything with a card, findings first (what the pointer is tested against). */
  get marks(): readonly LocatedMark[] {
    return [...this.found, ...this.claimMarks];
  }

  show(found: readonly LocatedFinding[], claims: readonly LocatedClaim[] = [], spoiler: LocatedFinding | null = null): void {
    this.all = { found, claims, spoiler };
    this.filter();
    this.repaint();
  }

  /** One analysis, as located by locateAnalysis(). */
  showAnalysis(located: LocatedAnalysis): void {
    this.show(located.findings, located.claims, located.spoiler);
  }

  setEnabled(on: boolean): void {
    this.on = on;
    this.repaint();
  }

  /** A finding the user asked to see: flashed even when the marks are off. */
  flash(located: Pick<LocatedMark, 'pieces'>): void {
    this.painter.flash(located.pieces, FLASH_MS);
  }

  /**
   * What FocusFinding names: a finding by its id, a claim sentence by "claim:<start>-<end>" (its own
   * mark, or the finding it goes with), or "spoiler" (the headline's card at its spoiler sentence).
   */
  find(id: string): LocatedMark | undefined {
    if (id === SPOILER_TARGET) return this.spoiler ?? undefined;
    const finding = this.found.find((located) => located.finding.id === id);
    if (finding || !id.startsWith('claim:')) return finding;
    return this.claimMarks.find((located) => located.id === id) ?? this.found.find((located) => located.claims?.some((claim) => claimTarget(claim.sentence) === id));
  }

  clear(): void {
    this.show([]);
  }

  private filter(): void {
    const shown = this.shownCategories;
    const { found, claims, spoiler } = this.all;
    if (!shown) {
      [this.found, this.claimMarks, this.spoiler] = [found, claims, spoiler];
      return;
    }
    const withClaims = (located: LocatedFinding): LocatedFinding => {
      if (shown.claims !== false || !located.claims) return located;
      const { claims: _hidden, ...rest } = located;
      return rest;
    };
    this.found = found.filter((located) => isFindingShown(located.finding, shown)).map(withClaims);
    this.claimMarks = shown.claims === false ? [] : claims;
    this.spoiler = spoiler && isFindingShown(spoiler.finding, shown) ? withClaims(spoiler) : null;
  }

  private repaint(): void {
    if (this.visible && (this.found.length > 0 || this.claimMarks.length > 0)) this.painter.paint(byMark(this.found, this.claimMarks));
    else this.painter.clear();
  }
}
