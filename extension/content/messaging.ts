// The content script's side of the protocol (extension/messages.ts): the page text goes out in
// chunks of one scan, the last chunk's reply is the analysis; requests from the background
// come in and are ignored unless they validate.
import browser from 'webextension-polyfill';
import type { PageAnalysis } from '../../model/types';
import { ContentMessage, LIMITS, chunkText, parseBackgroundRequest, type AnalyzedPosts, type BackgroundRequest, type ContentRequest, type PageKind, type PostText, type Reply } from '../messages';

/** Sends one message to the background and resolves with its reply. */
export type Send = (message: ContentRequest) => Promise<unknown>;

export const sendToBackground: Send = (message) => browser.runtime.sendMessage(message);

export interface PageText {
  url: string;
  title: string;
  kind: PageKind;
  text: string;
}

/** Cuts text to at most `max` UTF-16 units, never inside a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/** Room for one character per chunk that chunkText moves to keep a surrogate pair whole. */
const MAX_TEXT_CHARS = LIMITS.chunks * (LIMITS.chunkChars - 1);

export function newScanId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function isReply(value: unknown): value is Reply<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const reply = value as { ok?: unknown; error?: unknown };
  return reply.ok === true || (reply.ok === false && typeof reply.error === 'string');
}

function isAnalysis(value: unknown): value is PageAnalysis {
  const analysis = value as PageAnalysis | null;
  return typeof analysis === 'object' && analysis !== null && Array.isArray(analysis.findings);
}

async function sendChecked(send: Send, message: ContentRequest): Promise<unknown> {
  const reply = await send(message);
  if (!isReply(reply)) throw new Error('The background sent no valid reply.');
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

/** Sends the page's text; resolves with the analysis. The signal stops sending between chunks. */
export async function requestAnalysis(send: Send, page: PageText, signal?: AbortSignal, scanId: string = newScanId()): Promise<PageAnalysis> {
  const url = truncate(page.url, LIMITS.urlChars);
  const title = truncate(page.title, LIMITS.titleChars);
  const chunks = chunkText(truncate(page.text, MAX_TEXT_CHARS));
  let value: unknown;
  for (const [index, text] of chunks.entries()) {
    signal?.throwIfAborted();
    value = await sendChecked(send, { type: ContentMessage.AnalyzeChunk, scanId, url, title, kind: page.kind, index, count: chunks.length, text });
  }
  if (!isAnalysis(value)) throw new Error('The background sent no analysis.');
  return value;
}

function isAnalyzedPosts(value: unknown): value is AnalyzedPosts {
  const posts = (value as AnalyzedPosts | null)?.posts;
  return Array.isArray(posts) && posts.every((post) => typeof post?.id === 'string' && Array.isArray(post.findings));
}

/**
 * Posts that grew the page after scan `scanId`, in as few AnalyzePosts messages as the limits
 * allow (one after the other: the worker analyses one text at a time anyway). Texts must be
 * cut to LIMITS.postChars already. Resolves with every post's findings.
 */
export async function requestPostAnalysis(send: Send, scanId: string, url: string, posts: readonly PostText[], signal?: AbortSignal): Promise<AnalyzedPosts> {
  const result: AnalyzedPosts = { posts: [] };
  for (let start = 0; start < posts.length; ) {
    let end = start;
    let chars = 0;
    while (end < posts.length && end - start < LIMITS.posts && (end === start || chars + posts[end].text.length <= LIMITS.postsChars)) chars += posts[end++].text.length;
    signal?.throwIfAborted();
    const value = await sendChecked(send, { type: ContentMessage.AnalyzePosts, scanId, url: truncate(url, LIMITS.urlChars), posts: posts.slice(start, end) });
    if (!isAnalyzedPosts(value)) throw new Error('The background sent no post findings.');
    result.posts.push(...value.posts);
    start = end;
  }
  return result;
}

export async function reportUnreadable(send: Send, url: string, reason: string): Promise<void> {
  await sendChecked(send, { type: ContentMessage.PageUnreadable, url: truncate(url, LIMITS.urlChars), reason: truncate(reason, LIMITS.reasonChars) });
}

export type RequestHandler = (request: BackgroundRequest) => Reply<unknown>;

/** Answers valid background requests; anything else (or from anyone else) gets no answer at all. */
export function listenToBackground(handle: RequestHandler): () => void {
  const listener = (message: unknown, sender: { id?: string }): Promise<Reply<unknown>> | undefined => {
    if (sender?.id !== browser.runtime.id) return undefined;
    let request: BackgroundRequest;
    try {
      request = parseBackgroundRequest(message);
    } catch {
      return undefined;
    }
    return Promise.resolve(handle(request));
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
