// Page risk, 0-100, from the category scores. Documented in model/README.md ("Page risk").
import type { CategoryScore, RiskLevel } from './types';

/** Weight of each category in the page risk; the strongest category counts most. */
export const RISK_LEVELS = { some: 25, high: 60 } as const;

export function levelOf(risk: number): RiskLevel {
  if (risk >= RISK_LEVELS.high) return 'high';
  return risk >= RISK_LEVELS.some ? 'some' : 'low';
}

/**
 * risk = 0.7 x the highest category score + 0.3 x the mean of the category scores: one strong
 * signal is enough to warn, several together warn more.
 */
export function riskOf(categories: CategoryScore[]): { risk: number; level: RiskLevel } {
  if (categories.length === 0) return { risk: 0, level: 'low' };
  const scores = categories.map((c) => c.score);
  const risk = Math.round(0.7 * Math.max(...scores) + 0.3 * (scores.reduce((a, b) => a + b, 0) / scores.length));
  return { risk, level: levelOf(risk) };
}
