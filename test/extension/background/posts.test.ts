// posts.ts: posts that grow a page are analysed as posts and merged into the tab's analysis,
// bounded, with the risk recomputed; posts of any other scan are refused.
import { describe, expect, it, vi } from 'vitest';
import type { AnalysisInput } from '../../../model/analyze';
import type { CategoryScore, Finding, PageAnalysis } from '../../../model/types';
import { TabStateCache } from '../../../extension/background/cache';
import { handleMessage, type HandlerDeps } from '../../../extension/background/messages';
import { mergePosts, NOT_THIS_SCAN, POST_BUDGET_SPENT, POST_LIMITS, PostAnalyses, type PostResult } from '../../../extension/background/posts';
import { Scans } from '../../../extension/background/scan';
import { ChunkAssembler } from '../../../extension/background/chunks';
import { ContentMessage, postFindingId, type AnalyzePostsPayload, type TabState } from '../../../extension/messages';
import { riskOf } from '../../../model/risk';
import { FakeArea, analysis, chunk } from './fakes';

function finding(start: number, end: number, text: string, overrides: Partial<Finding> = {}): Finding {
  return {
    id: `s${start}-${end}`,
    kind: 'loaded_language',
    label: 'loaded_language',
    score: 0.9,
    severity: 0.7,
    labels: [{ label: 'loaded_language', score: 0.9, threshold: 0.5 }],
    sentence: { start, end, text },
    isHeadline: false,
    evidence: [],
    suggestion: { question: 'Q?', restatement: 'R.' },
    ...overrides,
  } as Finding;
}

const ANGRY = 'These crooks are robbing us blind!';
const category = (id: CategoryScore['id'], score: number, flagged: number): CategoryScore => ({ id, score, flagged });

/** A post's own analysis, as analyze() with kind 'post' gives it. */
function postAnalysis(text: string): PageAnalysis {
  const angry = text.includes('crooks');
  const teaser = text.includes('believe');
  return analysis({
    sentenceCount: 1,
    findings: angry ? [finding(0, text.length, text)] : teaser ? [finding(0, text.length, text, { kind: 'clickbait', label: 'clickbait' })] : [],
    categories: [category('persuasion', 0, 0), category('loaded_language', angry ? 100 : 0, angry ? 1 : 0), category('insult', 0, 0), category('clickbait', teaser ? 90 : 40, teaser ? 1 : 0)],
  });
}

const result = (id: string, text: string): PostResult => ({ post: { id, text }, analysis: postAnalysis(text) });

describe('mergePosts', () => {
  const page = analysis({
    sentenceCount: 8,
    findings: [finding(10, 20, 'A loaded sentence.')],
    categories: [category('persuasion', 0, 0), category('loaded_language', 31, 1), category('insult', 0, 0), category('source', 60, 1)],
    risk: 24,
    level: 'low',
  });

  it("adds the posts' findings with ids of their own and recomputes categories and risk", () => {
    const merged = mergePosts(page, [result('a1', ANGRY), result('b2', 'Lost cat near the park.')]);
    expect(merged.findings.map((f) => f.id)).toEqual(['s10-20', postFindingId('a1', 0, ANGRY.length)]);
    // Offsets stay the post's own.
    expect(merged.findings[1].sentence).toEqual({ start: 0, end: ANGRY.length, text: ANGRY });
    expect(merged.sentenceCount).toBe(10);
    // 2 loaded sentences of 10: a share of 0.2 is half of the 0.4 that scores 100.
    expect(merged.categories).toEqual([category('persuasion', 0, 0), category('loaded_language', 50, 2), category('insult', 0, 0), category('source', 60, 1)]);
    expect({ risk: merged.risk, level: merged.level }).toEqual(riskOf(merged.categories));
    // A post that flags nothing adds no clickbait category: a feed's many unflagged posts never raise it.
    expect(merged.categories.some((c) => c.id === 'clickbait')).toBe(false);
  });

  it('takes the strongest flagged teaser for clickbait', () => {
    const merged = mergePosts(page, [result('t1', 'You will not believe this.'), result('t2', 'You would never believe it.')]);
    expect(merged.categories.find((c) => c.id === 'clickbait')).toEqual(category('clickbait', 90, 2));
    expect(merged.risk).toBeGreaterThan(page.risk);
  });

  it('keeps only the latest post findings, never the scan\'s own, and does not double a post analysed again', () => {
    let merged = page;
    for (let i = 0; i < 8; i++) merged = mergePosts(merged, [result(`p${i}`, `${ANGRY} ${i}`)], 5);
    merged = mergePosts(merged, [result('p7', `${ANGRY} 7`)], 5);
    expect(merged.findings.map((f) => f.id)).toEqual(['s10-20', ...[3, 4, 5, 6, 7].map((i) => postFindingId(`p${i}`, 0, ANGRY.length + 2))]);
    expect(merged.categories.find((c) => c.id === 'loaded_language')!.flagged).toBe(10);
  });

  it('leaves the analysis alone for posts in a language the model does not read', () => {
    const unsupported: PostResult = { post: { id: 'x', text: 'Texte.' }, analysis: analysis({ supported: false, sentenceCount: 1 }) };
    expect(mergePosts(page, [unsupported])).toBe(page);
  });
});

function setup(analyze = vi.fn(async (input: AnalysisInput) => postAnalysis(input.text))) {
  const area = new FakeArea();
  const cache = new TabStateCache(area);
  const badges: TabState[] = [];
  const showBadge = async (_tabId: number, state: TabState) => void badges.push(state);
  const scans = new Scans({ cache, assembler: new ChunkAssembler(), analyze: async () => analysis({ sentenceCount: 4 }), showBadge });
  const posts = new PostAnalyses({ cache, analyze, showBadge });
  return { cache, area, badges, scans, posts, analyze };
}

const request = (posts: { id: string; text: string }[], scanId = 'scan-1'): AnalyzePostsPayload => ({ type: ContentMessage.AnalyzePosts, scanId, url: 'https://news.example/a', posts });

describe('PostAnalyses', () => {
  it("analyses each post as a post, merges it into the scan's state, counts it and redraws the badge", async () => {
    const { scans, posts, cache, area, badges, analyze } = setup();
    await scans.receiveChunk(3, chunk());
    const reply = await posts.receive(3, request([{ id: 'a1', text: ANGRY }, { id: 'b2', text: 'Lost cat near the park.' }]));
    expect(analyze).toHaveBeenCalledWith({ text: ANGRY, kind: 'post' });
    expect(reply.posts).toEqual([{ id: 'a1', findings: [expect.objectContaining({ id: postFindingId('a1', 0, ANGRY.length) })] }, { id: 'b2', findings: [] }]);
    const state = await cache.get(3);
    expect(state.posts).toEqual({ messages: 1, analysed: 2 });
    expect(state.analysis!.findings).toHaveLength(1);
    expect(state.analysis!.sentenceCount).toBe(6);
    expect(badges.at(-1)).toEqual(state);
    // What storage.session holds is the same.
    expect((area.data.get('tab:3') as TabState).analysis!.findings).toHaveLength(1);
  });

  it('refuses posts of another scan, of a scan still running, and of a tab with no scan', async () => {
    const { scans, posts } = setup();
    await expect(posts.receive(3, request([{ id: 'a', text: ANGRY }]))).rejects.toThrow(NOT_THIS_SCAN);
    await scans.receiveChunk(3, chunk({ index: 0, count: 2 }));
    await expect(posts.receive(3, request([{ id: 'a', text: ANGRY }]))).rejects.toThrow(NOT_THIS_SCAN);
    await scans.receiveChunk(3, chunk({ index: 1, count: 2 }));
    await expect(posts.receive(3, request([{ id: 'a', text: ANGRY }], 'scan-0'))).rejects.toThrow(NOT_THIS_SCAN);
  });

  it('does not merge posts whose page was rescanned while they were analysed', async () => {
    let release!: () => void;
    const analyze = vi.fn(async (input: AnalysisInput) => {
      await new Promise<void>((resolve) => (release = resolve));
      return postAnalysis(input.text);
    });
    const { scans, posts, cache } = setup(analyze);
    await scans.receiveChunk(3, chunk());
    const pending = posts.receive(3, request([{ id: 'a', text: ANGRY }]));
    await vi.waitFor(() => expect(analyze).toHaveBeenCalled());
    await scans.receiveChunk(3, chunk({ scanId: 'scan-2' }));
    release();
    await expect(pending).rejects.toThrow(NOT_THIS_SCAN);
    expect((await cache.get(3)).analysis!.findings).toEqual([]);
  });

  it('stops at the budget of posts per scan', async () => {
    const { scans, posts, cache } = setup();
    await scans.receiveChunk(3, chunk());
    await cache.update(3, (s) => ({ ...s, posts: { messages: 100, analysed: POST_LIMITS.postsPerScan - 1 } }));
    await expect(posts.receive(3, request([{ id: 'a', text: 'One.' }, { id: 'b', text: 'Two.' }]))).rejects.toThrow(POST_BUDGET_SPENT);
  });

  it('is reached through the message boundary, from content scripts only', async () => {
    const { scans, posts, cache } = setup();
    await scans.receiveChunk(3, chunk());
    const deps = { extensionId: 'me', extensionUrl: 'chrome-extension://me/', scans, cache, forward: vi.fn(), analyzeText: vi.fn(), posts } as unknown as HandlerDeps;
    const content = { id: 'me', tab: { id: 3 }, frameId: 0, url: 'https://news.example/a' } as never;
    const reply = await handleMessage(request([{ id: 'a1', text: ANGRY }]), content, deps);
    expect(reply).toMatchObject({ ok: true, value: { posts: [{ id: 'a1' }] } });
    expect(await handleMessage({ ...request([{ id: 'a1', text: ANGRY }]), posts: [] }, content, deps)).toMatchObject({ ok: false, error: expect.stringContaining('posts: expected a list of 1 to') });
    const page = { id: 'me', url: 'chrome-extension://me/popup.html' } as never;
    expect(await handleMessage(request([{ id: 'a1', text: ANGRY }]), page, deps)).toMatchObject({ ok: false });
  });
});
