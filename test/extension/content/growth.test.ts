// @vitest-environment happy-dom
// growth.ts: what a growing page adds is read in debounced batches, once per text, never from
// Unspin's own nodes, editors or hidden parts, with back-off and a budget on a page that never stops.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContentScript } from '../../../extension/content/controller';
import { GrowthWatcher, hashText, normalise, type GrowthLimits, type GrowthPost } from '../../../extension/content/growth';
import type { PaintedMarks } from '../../../extension/content/marks';
import { markOwn } from '../../../extension/content/own';
import { DEFAULT_SETTINGS } from '../../../extension/settings';
import { ContentMessage, parseContentRequest, postFindingId, type AnalyzeChunkPayload, type AnalyzePostsPayload, type ContentRequest } from '../../../extension/messages';
import { analysisWith, findingOn, instantSlicing, loadPage } from './helpers';

vi.mock('webextension-polyfill', () => ({ default: { runtime: { id: 'unspin-test', sendMessage: vi.fn(), onMessage: { addListener: vi.fn(), removeListener: vi.fn() } } } }));

const FEED = '<body><nav><a href="/">Home</a></nav><main><div id="feed"><div class="post"><p>The ferry timetable changes on Monday.</p></div></div></main></body>';

const watchers: GrowthWatcher[] = [];
const scripts: ContentScript[] = [];
afterEach(() => {
  for (const watcher of watchers.splice(0)) watcher.stop();
  for (const script of scripts.splice(0)) script.stop();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

function watch(document: Document, limits: Partial<GrowthLimits> = {}) {
  const batches: { at: number; fresh: GrowthPost[]; again: GrowthPost[] }[] = [];
  const started = Date.now();
  const watcher = new GrowthWatcher({
    document,
    slicing: (signal) => instantSlicing({ signal }),
    onPosts: async (fresh, again) => {
      batches.push({ at: Date.now() - started, fresh, again });
    },
    limits,
  });
  watchers.push(watcher);
  const texts = (which: 'fresh' | 'again' = 'fresh') => batches.flatMap((batch) => batch[which].map((post) => post.text));
  return { watcher, batches, texts };
}

function addPost(document: Document, text: string, into: Element = document.getElementById('feed')!): HTMLElement {
  const post = document.createElement('div');
  post.className = 'post';
  const author = document.createElement('a');
  author.textContent = 'sam';
  const body = document.createElement('p');
  body.textContent = text;
  post.append(author, body);
  into.append(post);
  return post;
}

describe('the growth watcher', () => {
  it('waits for the page to be quiet, then reads everything added as one batch', async () => {
    vi.useFakeTimers();
    const document = loadPage(FEED);
    const { watcher, batches, texts } = watch(document);
    watcher.release('');
    addPost(document, 'Swimming lessons start again in April.');
    await vi.advanceTimersByTimeAsync(200);
    addPost(document, 'The bakery on Quay Street is closed for repairs.');
    await vi.advanceTimersByTimeAsync(399);
    expect(batches).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(batches).toHaveLength(1);
    // The author's name is no post: too short.
    expect(texts()).toEqual(['Swimming lessons start again in April.', 'The bakery on Quay Street is closed for repairs.']);
    expect(batches[0].fresh[0].id).toBe(hashText('Swimming lessons start again in April.'));
    // Each post comes with the map back to its text nodes.
    expect(batches[0].fresh[0].map.rangeOf(0, 8)!.toString()).toBe('Swimming');
  });

  it('holds batches until the scan is done, and knows the scanned text already', async () => {
    vi.useFakeTimers();
    const document = loadPage(FEED);
    const { watcher, batches, texts } = watch(document);
    addPost(document, 'Swimming lessons start again in April.');
    addPost(document, 'The ferry timetable changes on Monday.');
    await vi.advanceTimersByTimeAsync(5000);
    expect(batches).toHaveLength(0);
    watcher.release('Home\n\nThe ferry timetable changes on Monday.\n\nSwimming lessons start   again in April.');
    await vi.advanceTimersByTimeAsync(400);
    expect(texts()).toEqual([]);
    expect(texts('again')).toEqual(['Swimming lessons start again in April.', 'The ferry timetable changes on Monday.']);
  });

  it('never hands over the same text twice as new, however often the page adds it', async () => {
    vi.useFakeTimers();
    const document = loadPage(FEED);
    const { watcher, texts } = watch(document);
    watcher.release('');
    const first = addPost(document, 'Swimming lessons start again in April.');
    await vi.advanceTimersByTimeAsync(400);
    // A re-render: the same post, new nodes; and the same text posted again elsewhere, spaced differently.
    first.remove();
    addPost(document, 'Swimming lessons start again in April.');
    addPost(document, '  Swimming lessons   start again in April. ');
    await vi.advanceTimersByTimeAsync(400);
    expect(texts()).toEqual(['Swimming lessons start again in April.']);
    expect(texts('again')).toHaveLength(2);
    expect(normalise('  a \n b ')).toBe('a b');
  });

  it("ignores Unspin's own nodes, editors, form fields, hidden posts and the page's chrome", async () => {
    vi.useFakeTimers();
    const document = loadPage(`${FEED}`);
    const { watcher, batches, texts } = watch(document);
    watcher.release('');
    const own = document.createElement('div');
    markOwn(own);
    own.textContent = 'Unspin card text about loaded language.';
    document.body.append(own);
    const editor = document.createElement('div');
    editor.setAttribute('contenteditable', 'true');
    document.body.append(editor);
    addPost(document, 'What I am typing into the editor right now.', editor);
    const box = document.createElement('div');
    box.setAttribute('role', 'textbox');
    box.textContent = 'A reply being written in a textbox.';
    document.body.append(box);
    const area = document.createElement('textarea');
    area.textContent = 'Draft text inside a textarea element.';
    document.body.append(area);
    const hidden = addPost(document, 'A post the page keeps hidden for later.');
    hidden.hidden = true;
    const styled = addPost(document, 'A post hidden with display none style.');
    styled.style.display = 'none';
    addPost(document, 'A menu entry added to the navigation bar.', document.querySelector('nav')!);
    addPost(document, 'Only this post is for reading, the rest is not.');
    await vi.advanceTimersByTimeAsync(400);
    expect(batches).toHaveLength(1);
    expect(texts()).toEqual(['Only this post is for reading, the rest is not.']);
  });

  it('backs off on a page that never stops changing, and stops at its budget', async () => {
    vi.useFakeTimers();
    const document = loadPage(FEED);
    const { watcher, batches } = watch(document, { postsPerPage: 40, postsPerBatch: 5 });
    watcher.release('');
    let n = 0;
    const timer = setInterval(() => addPost(document, `Ticker line number ${n++} of the never ending page.`), 100);
    await vi.advanceTimersByTimeAsync(31_000);
    // The first post at 100 ms; forced batches 2 s later, then 4 s, 8 s, 16 s later: not one every 2 s.
    expect(batches.map((b) => b.at)).toEqual([2100, 6100, 14100, 30100]);
    expect(watcher.stats.backoff).toBe(4);
    // At most postsPerBatch new posts per batch; the rest wait.
    expect(batches.every((b) => b.fresh.length <= 5)).toBe(true);
    await vi.advanceTimersByTimeAsync(600_000);
    clearInterval(timer);
    expect(watcher.stats.stopped).toBe(true);
    expect(watcher.stats.fresh).toBe(40);
    const count = batches.length;
    addPost(document, 'A post after the budget was spent.');
    await vi.advanceTimersByTimeAsync(5000);
    expect(batches).toHaveLength(count);
  });

  it('recovers from back-off once the page is quiet again', async () => {
    vi.useFakeTimers();
    const document = loadPage(FEED);
    const { watcher, batches } = watch(document);
    watcher.release('');
    let n = 0;
    const timer = setInterval(() => addPost(document, `Ticker line number ${n++} of a busy page.`), 100);
    await vi.advanceTimersByTimeAsync(6500);
    clearInterval(timer);
    expect(watcher.stats.backoff).toBe(2);
    await vi.advanceTimersByTimeAsync(5000);
    addPost(document, 'A quiet post after the storm has passed.');
    const before = batches.length;
    await vi.advanceTimersByTimeAsync(400);
    expect(batches.length).toBe(before + 1);
    expect(watcher.stats.backoff).toBe(0);
  });

  it('stops observing when stopped', async () => {
    vi.useFakeTimers();
    const document = loadPage(FEED);
    const { watcher, batches } = watch(document);
    watcher.release('');
    addPost(document, 'Swimming lessons start again in April.');
    watcher.stop();
    addPost(document, 'The bakery on Quay Street is closed for repairs.');
    await vi.advanceTimersByTimeAsync(5000);
    expect(batches).toHaveLength(0);
  });
});

const ANGRY = 'These crooks in city hall are robbing us blind!';

/** A background that finds ANGRY in chunks and posts. */
function fakeBackground() {
  const sent: ContentRequest[] = [];
  const send = vi.fn(async (message: ContentRequest) => {
    sent.push(parseContentRequest(message));
    if (message.type === ContentMessage.AnalyzePosts) {
      const posts = message.posts.map((post) => ({ id: post.id, findings: post.text.includes(ANGRY) ? [{ ...findingOn(post.text, ANGRY), id: postFindingId(post.id, 0, ANGRY.length) }] : [] }));
      return { ok: true, value: { posts } };
    }
    if (message.type !== ContentMessage.AnalyzeChunk) return { ok: true, value: null };
    return { ok: true, value: analysisWith(message.text.includes(ANGRY) ? [findingOn(message.text, ANGRY)] : []) };
  });
  return { sent, send };
}

describe('a growing page, in the content script', () => {
  function start(document: Document) {
    const background = fakeBackground();
    const settings = { load: async () => ({ ...DEFAULT_SETTINGS }), watch: () => () => undefined };
    const script = new ContentScript({ document, send: background.send, listen: () => () => undefined, slicing: (signal) => instantSlicing({ signal }), autoScan: false, settings });
    scripts.push(script);
    return { script, registry: script.highlights.painted, ...background };
  }
  const posts = (sent: ContentRequest[]) => sent.filter((m): m is AnalyzePostsPayload => m.type === ContentMessage.AnalyzePosts);
  const marked = (registry: PaintedMarks) => [...registry.entries()].filter(([name]) => name !== 'unspin-focus').flatMap(([, ranges]) => [...ranges].map(String));

  it("sends new posts under the scan's id and marks their findings; a post shown again is marked without asking", async () => {
    vi.useFakeTimers();
    const document = loadPage(FEED, 'https://townsquare.example/feed');
    const { script, sent, registry } = start(document);
    await script.scan();
    const scanId = sent.find((m): m is AnalyzeChunkPayload => m.type === ContentMessage.AnalyzeChunk)!.scanId;
    const angry = addPost(document, ANGRY);
    addPost(document, 'Lost cat near the park, grey and white.');
    await vi.advanceTimersByTimeAsync(400);
    expect(posts(sent)).toEqual([{ type: ContentMessage.AnalyzePosts, scanId, url: 'https://townsquare.example/feed', posts: [{ id: hashText(ANGRY), text: ANGRY }, { id: expect.any(String), text: 'Lost cat near the park, grey and white.' }] }]);
    expect(marked(registry)).toEqual([ANGRY]);
    expect(script.highlights.find(postFindingId(hashText(ANGRY), 0, ANGRY.length))).toBeDefined();

    // The page re-renders the post (a virtualised list scrolling back): new nodes, same text.
    angry.remove();
    addPost(document, ANGRY);
    await vi.advanceTimersByTimeAsync(400);
    expect(posts(sent)).toHaveLength(1);
    expect(marked(registry)).toEqual([ANGRY]);
    expect(script.highlights.findings.every((located) => located.pieces.every((piece) => piece.startContainer.isConnected))).toBe(true);
  });

  it('a new scan (a rescan, a navigation) starts a new watcher with a new memory', async () => {
    vi.useFakeTimers();
    const document = loadPage(FEED);
    const { script, sent } = start(document);
    await script.scan();
    const first = script.growth!;
    addPost(document, ANGRY);
    await vi.advanceTimersByTimeAsync(400);
    await script.scan();
    expect(first.stats.stopped).toBe(true);
    expect(script.growth).not.toBe(first);
    // The rescan read the post with the page; a post added now is new to the new watcher.
    addPost(document, 'Bus 12 is running late this morning.');
    await vi.advanceTimersByTimeAsync(400);
    expect(posts(sent).map((m) => m.posts.map((p) => p.text))).toEqual([[ANGRY], ['Bus 12 is running late this morning.']]);
  });
});
