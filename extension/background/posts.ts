// Posts that appear on a page after its scan (feeds, comment threads, live blogs): each one is
// analysed as a short post and its findings are merged into the tab's analysis, so the popup
// and the badge follow the page as it grows.
import { densityScore, type AnalysisInput } from '../../model/analyze';
import type { Sensitivity } from '../../model/manifest';
import { riskOf } from '../../model/risk';
import type { CategoryId, CategoryScore, Finding, PageAnalysis } from '../../model/types';
import { postFindingId, type AnalyzedPosts, type AnalyzePostsPayload, type PostText, type TabState } from '../messages';
import type { TabStateCache } from './cache';

export interface PostDeps {
  cache: TabStateCache;
  analyze: (input: AnalysisInput) => Promise<PageAnalysis>;
  showBadge: (tabId: number, state: TabState) => Promise<void>;
  /** The user's sensitivity setting, as for the page's own scan. */
  sensitivity?: () => Promise<Sensitivity>;
}

export const POST_LIMITS = {
  /** Post findings kept in the tab's stored analysis (the latest): a feed can grow for hours. */
  storedFindings: 500,
  /** Posts analysed per scan of a page; the content script stops sending at the same budget. */
  postsPerScan: 5000,
} as const;

export const NOT_THIS_SCAN = 'scanId: not the scan this tab shows (the page was rescanned or left)';
export const POST_BUDGET_SPENT = `posts: this page has had ${POST_LIMITS.postsPerScan} posts analysed; rescan it to start again`;

export interface PostResult {
  post: PostText;
  analysis: PageAnalysis;
}

const BODY_CATEGORIES: readonly CategoryId[] = ['persuasion', 'loaded_language', 'insult'];

const isPostFinding = (finding: Finding) => finding.id.startsWith('p');

/** A post's findings with ids of their own: offsets stay the post's. */
export function postFindings(result: PostResult): Finding[] {
  return result.analysis.findings.map((finding) => ({ ...finding, id: postFindingId(result.post.id, finding.sentence.start, finding.sentence.end) }));
}

/**
 * The page's analysis with the posts' findings added (the latest `maxStored` post findings are
 * kept) and its categories and risk recomputed. Body categories are the share of flagged
 * sentences, over the scan's sentences and the posts'; clickbait takes the strongest flagged
 * teaser (a post that is not flagged does not raise it); claims and source stay the scan's.
 */
export function mergePosts(analysis: PageAnalysis, results: readonly PostResult[], maxStored: number = POST_LIMITS.storedFindings): PageAnalysis {
  const scored = results.filter((r) => r.analysis.supported);
  if (scored.length === 0) return analysis;
  const added = scored.flatMap(postFindings);
  const addedIds = new Set(added.map((f) => f.id));
  const kept = analysis.findings.filter((f) => !addedIds.has(f.id));
  const posts = [...kept.filter(isPostFinding), ...added];
  const findings = [...kept.filter((f) => !isPostFinding(f)), ...posts.slice(Math.max(0, posts.length - maxStored))];
  const sentenceCount = (analysis.supported ? analysis.sentenceCount : 0) + scored.reduce((n, r) => n + r.analysis.sentenceCount, 0);
  const categories = mergeCategories(analysis.categories, scored.map((r) => r.analysis.categories), sentenceCount);
  return { ...analysis, supported: true, sentenceCount, findings, categories, ...riskOf(categories) };
}

function mergeCategories(page: readonly CategoryScore[], posts: readonly CategoryScore[][], sentences: number): CategoryScore[] {
  const merged = new Map<CategoryId, CategoryScore>(page.map((c) => [c.id, { ...c }]));
  for (const id of BODY_CATEGORIES) {
    const flagged = (merged.get(id)?.flagged ?? 0) + posts.reduce((n, categories) => n + (categories.find((c) => c.id === id)?.flagged ?? 0), 0);
    merged.set(id, { id, score: densityScore(sentences === 0 ? 0 : flagged / sentences), flagged });
  }
  const teasers = posts.map((categories) => categories.find((c) => c.id === 'clickbait' && c.flagged > 0)).filter((c): c is CategoryScore => c !== undefined);
  if (teasers.length > 0) {
    const before = merged.get('clickbait');
    merged.set('clickbait', { id: 'clickbait', score: Math.max(before?.score ?? 0, ...teasers.map((c) => c.score)), flagged: (before?.flagged ?? 0) + teasers.length });
  }
  // The page's order first (the popup lists them so), then any category the posts added.
  return [...merged.values()];
}

export class PostAnalyses {
  constructor(private readonly deps: PostDeps) {}

  /** Analyses the posts one by one (each is its own short text: its language, its teaser) and merges them. */
  async receive(tabId: number, request: AnalyzePostsPayload): Promise<AnalyzedPosts> {
    const before = await this.deps.cache.get(tabId);
    if (!accepts(before, request)) throw new Error(NOT_THIS_SCAN);
    if ((before.posts?.analysed ?? 0) + request.posts.length > POST_LIMITS.postsPerScan) throw new Error(POST_BUDGET_SPENT);
    const sensitivity = await this.deps.sensitivity?.();
    const results: PostResult[] = [];
    for (const post of request.posts) results.push({ post, analysis: await this.deps.analyze({ text: post.text, kind: 'post', ...(sensitivity ? { sensitivity } : {}) }) });
    let merged = false;
    const state = await this.deps.cache.update(tabId, (s) => {
      if (!accepts(s, request)) return s;
      merged = true;
      const counts = { messages: (s.posts?.messages ?? 0) + 1, analysed: (s.posts?.analysed ?? 0) + request.posts.length };
      return { ...s, analysis: mergePosts(s.analysis!, results), posts: counts };
    });
    if (!merged) throw new Error(NOT_THIS_SCAN);
    await this.deps.showBadge(tabId, state);
    return { posts: results.map((result) => ({ id: result.post.id, findings: postFindings(result) })) };
  }
}

function accepts(state: TabState, request: AnalyzePostsPayload): boolean {
  return state.status === 'done' && state.analysis !== undefined && state.scanId === request.scanId;
}
