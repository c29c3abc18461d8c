// What the user met over a period, from the history's summaries: techniques (finding labels),
// categories and sites. Pure.
import type { HistorySummary } from '../history';
import type { CategoryId } from '../../model/types';

export const INSIGHTS_DAYS = 30;
const DAY_MS = 24 * 3600 * 1000;

export interface Count {
  key: string;
  count: number;
}

export interface SiteCount extends Count {
  /** What the source lists said (from the newest page of the site), empty when unrated. */
  ratings: string[];
}

export interface Insights {
  pages: number;
  techniques: Count[];
  categories: Count[];
  sites: SiteCount[];
}

const sorted = <T extends Count>(items: T[], limit: number) => items.sort((a, b) => b.count - a.count || a.key.localeCompare(b.key)).slice(0, limit);

export function insightsOf(entries: readonly HistorySummary[], now: number, days = INSIGHTS_DAYS, limit = 10): Insights {
  const recent = entries.filter((e) => e.time <= now && e.time > now - days * DAY_MS);
  const techniques = new Map<string, number>();
  const categories = new Map<CategoryId, number>();
  const sites = new Map<string, SiteCount>();
  for (const e of recent) {
    for (const [label, n] of Object.entries(e.labelCounts)) techniques.set(label, (techniques.get(label) ?? 0) + n);
    for (const [id, n] of Object.entries(e.categories) as [CategoryId, number][]) if (n > 0) categories.set(id, (categories.get(id) ?? 0) + 1);
    if (e.domain) {
      // Entries are newest first: the first page of a site gives its ratings.
      const site = sites.get(e.domain) ?? { key: e.domain, count: 0, ratings: e.ratings };
      site.count += 1;
      sites.set(e.domain, site);
    }
  }
  return {
    pages: recent.length,
    techniques: sorted([...techniques].map(([key, count]) => ({ key, count })), limit),
    categories: sorted([...categories].map(([key, count]) => ({ key, count })), limit),
    sites: sorted([...sites.values()], limit),
  };
}
