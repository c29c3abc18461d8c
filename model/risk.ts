// Page risk, 0-100, from the category scores. Documented in model/README.md ("Page risk").
import type { CategoryId, CategoryScore, ClaimSentence, ContextCategoryId, RiskLevel } from './types';
import type { SourceRating, SourceReport } from './sources';

export const RISK_LEVELS = { some: 25, high: 60 } as const;

/**
 * How much a context category counts next to the text's own categories. A match with a debunked
 * claim is specific to this text, so it counts fully; a site's reputation says less about any one
 * page, so it counts half: on its own it can make a page "some" risk, never "high".
 */
export const CONTEXT_WEIGHTS: Record<ContextCategoryId, number> = { claims: 1, source: 0.5 };

const CONTEXT_IDS = new Set<CategoryId>(Object.keys(CONTEXT_WEIGHTS) as ContextCategoryId[]);

export function isContextCategory(id: CategoryId): id is ContextCategoryId {
  return CONTEXT_IDS.has(id);
}

export function levelOf(risk: number): RiskLevel {
  if (risk >= RISK_LEVELS.high) return 'high';
  return risk >= RISK_LEVELS.some ? 'some' : 'low';
}

/**
 * risk = 0.7 x the highest (weighted) category score + 0.3 x the mean of the text's own category
 * scores: one strong signal is enough to warn, several together warn more. Context categories
 * (claims, source) take part in the maximum only, so looking them up never dilutes the mean.
 */
export function riskOf(categories: CategoryScore[]): { risk: number; level: RiskLevel } {
  if (categories.length === 0) return { risk: 0, level: 'low' };
  const content = categories.filter((c) => !isContextCategory(c.id)).map((c) => c.score);
  const weighted = categories.map((c) => (isContextCategory(c.id) ? CONTEXT_WEIGHTS[c.id] * c.score : c.score));
  const mean = content.length === 0 ? 0 : content.reduce((a, b) => a + b, 0) / content.length;
  const risk = Math.round(0.7 * Math.max(...weighted) + 0.3 * (content.length === 0 ? Math.max(...weighted) : mean));
  return { risk, level: levelOf(risk) };
}

/** Each sentence resembling a debunked claim halves what is left: 1 → 50, 2 → 75, 3 → 88 … */
export function claimsConcern(claims: readonly ClaimSentence[]): number {
  return Math.round(100 * (1 - 0.5 ** claims.length));
}

/** OpenSources tags, worst first; 'satire', 'reliable' and unknown tags raise no concern. */
const TAG_CONCERN: Record<string, number> = { fake: 100, conspiracy: 100, junksci: 100, hate: 100, unreliable: 60, rumor: 60, bias: 60, clickbait: 60, political: 30, state: 30 };
/** MBFC factual-reporting grades. */
const FACTUALITY_CONCERN: Record<string, number> = { 'very low': 100, low: 80, mixed: 50, 'mostly factual': 20, high: 0, 'very high': 0 };
/** Lin et al. quality scores (0-1): at or below 0.2 is full concern, at or above 0.7 none. */
const QUALITY_FULL_CONCERN = 0.2;
const QUALITY_NO_CONCERN = 0.7;

/** 0-100 concern from one list's rating, or null when the rating's value is not one we know. */
export function ratingConcern(rating: Pick<SourceRating, 'kind' | 'value'>): number | null {
  const { kind, value } = rating;
  if (kind === 'tags' && typeof value === 'string') {
    const known = value.split(',').map((tag) => TAG_CONCERN[tag.trim()] ?? 0);
    return Math.max(0, ...known);
  }
  if (kind === 'mbfc' && typeof value === 'string') return FACTUALITY_CONCERN[value.toLowerCase()] ?? null;
  if (kind === 'score' && typeof value === 'number' && Number.isFinite(value)) {
    const share = (QUALITY_NO_CONCERN - value) / (QUALITY_NO_CONCERN - QUALITY_FULL_CONCERN);
    return Math.round(100 * Math.min(1, Math.max(0, share)));
  }
  return null;
}

/** The mean concern of the lists that rate the site: lists disagree and date, none has the last word. */
export function sourceConcern(report: SourceReport): number {
  const concerns = report.ratings.map(ratingConcern).filter((c): c is number => c !== null);
  return concerns.length === 0 ? 0 : Math.round(concerns.reduce((a, b) => a + b, 0) / concerns.length);
}
