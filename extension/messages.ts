// The one message protocol of the extension: every message type and payload, per direction,
// and the validation the background applies at its boundary. Nothing else defines messages.
import { SENSITIVITIES, type Sensitivity } from '../model/manifest';
import { LOCALES, type Locale, type MessageTable } from './ui/i18n';
import type { Finding, PageAnalysis } from '../model/types';

/** Content script -> background. */
export enum ContentMessage {
  /** One chunk of a page's text; the last chunk's reply carries the analysis. */
  AnalyzeChunk = 'unspin:content/analyze-chunk',
  /** The page can't be read (PDF viewer, no text...): say so in the popup. */
  PageUnreadable = 'unspin:content/page-unreadable',
  /** Posts that appeared on the page after its scan (a feed growing); the reply carries their findings. */
  AnalyzePosts = 'unspin:content/analyze-posts',
  /** The reader's verdict on one of the tab's findings, from its card (extension/feedback.ts). */
  SetFeedback = 'unspin:content/set-feedback',
  /**
   * The messages of the UI language chosen in the settings, for the in-page cards: a content
   * script cannot fetch the package's _locales itself without web_accessible_resources.
   */
  GetMessages = 'unspin:content/get-messages',
}

/** Popup (or another extension page) -> background. */
export enum PopupMessage {
  GetTabState = 'unspin:popup/get-tab-state',
  SetHighlights = 'unspin:popup/set-highlights',
  FocusFinding = 'unspin:popup/focus-finding',
  Rescan = 'unspin:popup/rescan',
  /** Analyse a text on its own (a selection, a pasted text, a workshop article); replies with its PageAnalysis. */
  AnalyzeText = 'unspin:popup/analyze-text',
  /** Forget the tab's checked selection (TabState.selection). */
  ClearSelection = 'unspin:popup/clear-selection',
  /** The reader's verdicts on the tab's findings (TabFeedback). */
  GetFeedback = 'unspin:popup/get-feedback',
  /** Sets (or with 'none' removes) the verdict on one of the tab's findings; replies with TabFeedback. */
  SetFeedback = 'unspin:popup/set-feedback',
  /** Every stored verdict as JSONL (FeedbackExport). */
  ExportFeedback = 'unspin:popup/export-feedback',
  /** Deletes every stored verdict. */
  ClearFeedback = 'unspin:popup/clear-feedback',
}

/** Background -> content script. */
export enum BackgroundMessage {
  SetHighlights = 'unspin:background/set-highlights',
  FocusFinding = 'unspin:background/focus-finding',
  Rescan = 'unspin:background/rescan',
  /** What is selected in the page; the reply's value is the text (at most LIMITS.textChars). */
  GetSelection = 'unspin:background/get-selection',
  /** Show a checked selection's result (or why there is none) next to the selection. */
  ShowSelection = 'unspin:background/show-selection',
  /**
   * The full analysis of a scan whose first answer (the reply to its last chunk) was partial:
   * the same findings with evidence, rewordings and claim matches.
   */
  AnalysisComplete = 'unspin:background/analysis-complete',
}

export type PageKind = 'article' | 'feed';

export interface AnalyzeChunkPayload {
  type: ContentMessage.AnalyzeChunk;
  /** Random id of one scan of one page; chunks of a scan share it. */
  scanId: string;
  url: string;
  title: string;
  kind: PageKind;
  index: number;
  count: number;
  text: string;
}

export interface PageUnreadablePayload {
  type: ContentMessage.PageUnreadable;
  url: string;
  reason: string;
}

/** One block of text that appeared after the scan; `id` names it (a hash of its text, so the same text has the same id). */
export interface PostText {
  id: string;
  text: string;
}

export interface AnalyzePostsPayload {
  type: ContentMessage.AnalyzePosts;
  /** The scan of the page these posts grew on: the worker refuses posts of any other. */
  scanId: string;
  url: string;
  posts: PostText[];
}

/**
 * The reply to AnalyzePosts: each post's findings, with offsets into that post's text and ids
 * "p<postId>-<start>-<end>" (postFindingId), so they never collide with the scan's own.
 */
export interface AnalyzedPosts {
  posts: { id: string; findings: Finding[] }[];
}

export const postFindingId = (postId: string, start: number, end: number) => `p${postId}-${start}-${end}`;

/** A verdict on a flag; 'none' takes it back. The worker reads the finding from the tab's state. */
export type FeedbackVerdict = 'not_manipulative' | 'correct' | 'none';
export const FEEDBACK_VERDICTS: readonly FeedbackVerdict[] = ['not_manipulative', 'correct', 'none'];

export interface SetFeedbackPayload {
  type: ContentMessage.SetFeedback | PopupMessage.SetFeedback;
  /** Popup only: the content script's tab is its sender's. */
  tabId?: number;
  findingId: string;
  verdict: FeedbackVerdict;
}
export interface GetFeedbackPayload {
  type: PopupMessage.GetFeedback;
  tabId: number;
}
export interface ExportFeedbackPayload {
  type: PopupMessage.ExportFeedback;
}
export interface ClearFeedbackPayload {
  type: PopupMessage.ClearFeedback;
}

/** The reader's verdicts on a tab's findings, by finding id (findings without one are absent), and how many are stored in all. */
export interface TabFeedback {
  verdicts: Record<string, Exclude<FeedbackVerdict, 'none'>>;
  stored: number;
}

/** Every stored verdict, one JSON object per line ({"text","label","verdict"[,"lang"]}). */
export interface FeedbackExport {
  jsonl: string;
  count: number;
}

export interface GetMessagesPayload {
  type: ContentMessage.GetMessages;
  locale: Locale;
}

export type ContentRequest = AnalyzeChunkPayload | PageUnreadablePayload | AnalyzePostsPayload | GetMessagesPayload | (SetFeedbackPayload & { type: ContentMessage.SetFeedback });

export interface GetTabStatePayload {
  type: PopupMessage.GetTabState;
  tabId: number;
}
export interface SetHighlightsPayload {
  type: PopupMessage.SetHighlights | BackgroundMessage.SetHighlights;
  tabId?: number;
  enabled: boolean;
}
export interface FocusFindingPayload {
  type: PopupMessage.FocusFinding | BackgroundMessage.FocusFinding;
  tabId?: number;
  findingId: string;
}
export interface RescanPayload {
  type: PopupMessage.Rescan | BackgroundMessage.Rescan;
  tabId?: number;
}

/** Where a text analysed on its own came from: selections and pastes are scored like short posts. */
export type TextPurpose = 'selection' | 'paste' | 'workshop';

export interface AnalyzeTextPayload {
  type: PopupMessage.AnalyzeText;
  text: string;
  /** A headline to score for clickbait with it (workshop articles). */
  title?: string;
  purpose: TextPurpose;
  /** Overrides the user's sensitivity setting (workshop rounds use 'balanced' so the exercise shows more). */
  sensitivity?: Sensitivity;
}

export interface ClearSelectionPayload {
  type: PopupMessage.ClearSelection;
  tabId: number;
}

export interface GetSelectionPayload {
  type: BackgroundMessage.GetSelection;
}

/** Exactly one of `analysis` (the selection's) and `message` (why there is none, in plain words). */
export interface ShowSelectionPayload {
  type: BackgroundMessage.ShowSelection;
  analysis?: PageAnalysis;
  message?: string;
}

/** A selection checked with the context menu or the keyboard command (background/selection.ts). */
export interface SelectionCheck {
  /** The selected text, cut to LIMITS.storedSelectionChars for display. */
  text: string;
  /** Its analysis, or `message` when there is none (the page could not be asked, the analysis failed). */
  analysis?: PageAnalysis;
  message?: string;
  checkedAt: number;
}

export type PopupRequest =
  | (SetFeedbackPayload & { type: PopupMessage.SetFeedback; tabId: number })
  | GetFeedbackPayload
  | ExportFeedbackPayload
  | ClearFeedbackPayload
  | ClearSelectionPayload | AnalyzeTextPayload | GetTabStatePayload | (SetHighlightsPayload & { type: PopupMessage.SetHighlights; tabId: number }) | (FocusFindingPayload & { type: PopupMessage.FocusFinding; tabId: number }) | (RescanPayload & { type: PopupMessage.Rescan; tabId: number });

export interface AnalysisCompletePayload {
  type: BackgroundMessage.AnalysisComplete;
  scanId: string;
  analysis: PageAnalysis;
}

export type BackgroundRequest =
  | AnalysisCompletePayload
  | (SetHighlightsPayload & { type: BackgroundMessage.SetHighlights })
  | (FocusFindingPayload & { type: BackgroundMessage.FocusFinding })
  | (RescanPayload & { type: BackgroundMessage.Rescan })
  | GetSelectionPayload
  | ShowSelectionPayload;

/**
 * What the popup shows for a tab. 'partial': the scan's first answer (findings, risk) is shown while
 * the worker completes it (evidence, rewordings, claim matches); then 'done'.
 */
export type TabStatus = 'idle' | 'scanning' | 'partial' | 'done' | 'unreadable' | 'error';

export interface TabState {
  status: TabStatus;
  url?: string;
  title?: string;
  analysis?: PageAnalysis;
  /** For 'unreadable' and 'error': what happened and what to do, in plain words. */
  message?: string;
  highlights: boolean;
  /** ms from the first chunk to the result, for the popup's footer and the benchmark. */
  elapsedMs?: number;
  /** For 'done': hex SHA-256 of the UTF-8 analysed text and its length in UTF-16 units (see model/report.ts). */
  textSha256?: string;
  textLength?: number;
  /** For 'done': when the analysis finished (ms since the epoch). */
  analysedAt?: number;
  /** The scan `analysis` came from: posts that grow the page (AnalyzePosts) must name it. */
  scanId?: string;
  /** Posts analysed since the scan (a growing feed), and the AnalyzePosts messages they came in. */
  posts?: { messages: number; analysed: number };
  /** The last selection checked in this tab (context menu or keyboard command); kept across rescans. */
  selection?: SelectionCheck;
}

/** Every reply is either a result or a clear error; the background never throws at a sender. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

export const LIMITS = {
  /** Characters per chunk (messages are copied between processes; keep them moderate). */
  chunkChars: 256 * 1024,
  /** Chunks per scan: 64 x 256 k = 16 M characters, well past the analysis limit. */
  chunks: 64,
  urlChars: 8192,
  titleChars: 2048,
  idChars: 128,
  reasonChars: 512,
  /** A text analysed on its own: a long selection or pasted article, not a whole page. */
  textChars: 200_000,
  /** A checked selection's text kept in TabState for the popup to quote. */
  storedSelectionChars: 2_000,
  /** AnalyzePosts: posts per message, characters per post and per message (a long comment is cut by the sender). */
  posts: 50,
  postChars: 4000,
  postsChars: 64 * 1024,
} as const;

export class ProtocolError extends Error {}

type Check = (value: unknown, field: string) => void;

function fail(field: string, expected: string): never {
  throw new ProtocolError(`${field}: expected ${expected}`);
}

const string = (max: number): Check => (value, field) => {
  if (typeof value !== 'string') fail(field, 'a string');
  if (value.length > max) fail(field, `at most ${max} characters`);
};
const integer = (min: number, max: number): Check => (value, field) => {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) fail(field, `an integer from ${min} to ${max}`);
};
const boolean: Check = (value, field) => {
  if (typeof value !== 'boolean') fail(field, 'true or false');
};
const oneOf = (...options: string[]): Check => (value, field) => {
  if (typeof value !== 'string' || !options.includes(value)) fail(field, `one of ${options.join(', ')}`);
};

const TAB_ID = integer(0, Number.MAX_SAFE_INTEGER);
/** A plain object with exactly these fields (as messages are), each checked. */
const record = (fields: Record<string, Check>): Check => (value, field) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(field, 'an object');
  for (const key of Object.keys(value)) if (!Object.hasOwn(fields, key)) fail(`${field}.${key}`, 'no such field');
  for (const [name, check] of Object.entries(fields)) check((value as Record<string, unknown>)[name], `${field}.${name}`);
};
const array = (min: number, max: number, item: Check): Check => (value, field) => {
  if (!Array.isArray(value) || value.length < min || value.length > max) fail(field, `a list of ${min} to ${max} items`);
  value.forEach((element, index) => item(element, `${field}[${index}]`));
};
const optional = (check: Check): Check => (value, field) => {
  if (value !== undefined) check(value, field);
};

/** An analysis from the background: an object with a findings array (the content script renders it defensively). */
const analysisLike: Check = (value, field) => {
  if (typeof value !== 'object' || value === null || !Array.isArray((value as { findings?: unknown }).findings)) fail(field, 'an analysis with a findings array');
};

/** Field checks per message type; a message may have no other fields. */
const SCHEMAS: Record<string, Record<string, Check>> = {
  [ContentMessage.AnalyzeChunk]: {
    scanId: string(LIMITS.idChars),
    url: string(LIMITS.urlChars),
    title: string(LIMITS.titleChars),
    kind: oneOf('article', 'feed'),
    index: integer(0, LIMITS.chunks - 1),
    count: integer(1, LIMITS.chunks),
    text: string(LIMITS.chunkChars),
  },
  [ContentMessage.PageUnreadable]: { url: string(LIMITS.urlChars), reason: string(LIMITS.reasonChars) },
  [ContentMessage.AnalyzePosts]: {
    scanId: string(LIMITS.idChars),
    url: string(LIMITS.urlChars),
    // Post ids become part of finding ids (idChars): 64 leaves room for "p", the offsets and the dashes.
    posts: array(1, LIMITS.posts, record({ id: string(64), text: string(LIMITS.postChars) })),
  },
  [PopupMessage.GetTabState]: { tabId: TAB_ID },
  [PopupMessage.SetHighlights]: { tabId: TAB_ID, enabled: boolean },
  [PopupMessage.FocusFinding]: { tabId: TAB_ID, findingId: string(LIMITS.idChars) },
  [PopupMessage.Rescan]: { tabId: TAB_ID },
  [PopupMessage.AnalyzeText]: { text: string(LIMITS.textChars), title: optional(string(LIMITS.titleChars)), purpose: oneOf('selection', 'paste', 'workshop'), sensitivity: optional(oneOf(...SENSITIVITIES)) },
  [BackgroundMessage.SetHighlights]: { enabled: boolean },
  [BackgroundMessage.FocusFinding]: { findingId: string(LIMITS.idChars) },
  [BackgroundMessage.Rescan]: {},
  [PopupMessage.ClearSelection]: { tabId: TAB_ID },
  [ContentMessage.SetFeedback]: { findingId: string(LIMITS.idChars), verdict: oneOf(...FEEDBACK_VERDICTS) },
  [ContentMessage.GetMessages]: { locale: oneOf(...LOCALES) },
  [PopupMessage.SetFeedback]: { tabId: TAB_ID, findingId: string(LIMITS.idChars), verdict: oneOf(...FEEDBACK_VERDICTS) },
  [PopupMessage.GetFeedback]: { tabId: TAB_ID },
  [PopupMessage.ExportFeedback]: {},
  [PopupMessage.ClearFeedback]: {},
  [BackgroundMessage.GetSelection]: {},
  [BackgroundMessage.ShowSelection]: { analysis: optional(analysisLike), message: optional(string(LIMITS.reasonChars)) },
  [BackgroundMessage.AnalysisComplete]: { scanId: string(LIMITS.idChars), analysis: analysisLike },
};

function checkShape(message: unknown, allowed: readonly string[]): void {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) throw new ProtocolError('message: expected an object');
  const { type } = message as { type?: unknown };
  if (typeof type !== 'string' || !allowed.includes(type)) throw new ProtocolError(`type: expected one of ${allowed.join(', ')}`);
  const schema = SCHEMAS[type];
  for (const key of Object.keys(message)) if (key !== 'type' && !Object.hasOwn(schema, key)) throw new ProtocolError(`${key}: not a field of ${type}`);
  for (const [field, check] of Object.entries(schema)) check((message as Record<string, unknown>)[field], field);
}

/** Throws ProtocolError with the first problem found. */
export function parseContentRequest(message: unknown): ContentRequest {
  checkShape(message, Object.values(ContentMessage));
  const request = message as ContentRequest;
  if (request.type === ContentMessage.AnalyzeChunk && request.index >= request.count) throw new ProtocolError('index: expected less than count');
  if (request.type === ContentMessage.AnalyzePosts) checkPosts(request.posts);
  return request;
}

function checkPosts(posts: PostText[]): void {
  let chars = 0;
  const ids = new Set<string>();
  for (const post of posts) {
    if (!/^[\w-]+$/.test(post.id)) throw new ProtocolError('posts: expected ids of letters, digits, _ and -');
    if (ids.has(post.id)) throw new ProtocolError(`posts: id ${post.id} is repeated`);
    ids.add(post.id);
    chars += post.text.length;
  }
  if (chars > LIMITS.postsChars) throw new ProtocolError(`posts: expected at most ${LIMITS.postsChars} characters in all`);
}

export function parsePopupRequest(message: unknown): PopupRequest {
  checkShape(message, Object.values(PopupMessage));
  return message as PopupRequest;
}

export function parseBackgroundRequest(message: unknown): BackgroundRequest {
  checkShape(message, Object.values(BackgroundMessage));
  const request = message as BackgroundRequest;
  if (request.type === BackgroundMessage.ShowSelection && (request.analysis === undefined) === (request.message === undefined)) throw new ProtocolError('analysis: expected an analysis or a message, not both or neither');
  return request;
}

/** Splits page text into chunks the protocol accepts (never inside a surrogate pair). */
export function chunkText(text: string, size: number = LIMITS.chunkChars): string[] {
  const chunks: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + size);
    const code = text.charCodeAt(end - 1);
    if (end < text.length && code >= 0xd800 && code <= 0xdbff) end -= 1;
    chunks.push(text.slice(start, end));
    start = end;
  }
  return chunks.length > 0 ? chunks : [''];
}
