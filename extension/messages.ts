// The one message protocol of the extension: every message type and payload, per direction,
// and the validation the background applies at its boundary. Nothing else defines messages.
import type { PageAnalysis } from '../model/types';

/** Content script -> background. */
export enum ContentMessage {
  /** One chunk of a page's text; the last chunk's reply carries the analysis. */
  AnalyzeChunk = 'unspin:content/analyze-chunk',
  /** The page can't be read (PDF viewer, no text...): say so in the popup. */
  PageUnreadable = 'unspin:content/page-unreadable',
}

/** Popup (or another extension page) -> background. */
export enum PopupMessage {
  GetTabState = 'unspin:popup/get-tab-state',
  SetHighlights = 'unspin:popup/set-highlights',
  FocusFinding = 'unspin:popup/focus-finding',
  Rescan = 'unspin:popup/rescan',
  /** Analyse a text on its own (a selection, a pasted text, a workshop article); replies with its PageAnalysis. */
  AnalyzeText = 'unspin:popup/analyze-text',
}

/** Background -> content script. */
export enum BackgroundMessage {
  SetHighlights = 'unspin:background/set-highlights',
  FocusFinding = 'unspin:background/focus-finding',
  Rescan = 'unspin:background/rescan',
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

export type ContentRequest = AnalyzeChunkPayload | PageUnreadablePayload;

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
}

export type PopupRequest = AnalyzeTextPayload | GetTabStatePayload | (SetHighlightsPayload & { type: PopupMessage.SetHighlights; tabId: number }) | (FocusFindingPayload & { type: PopupMessage.FocusFinding; tabId: number }) | (RescanPayload & { type: PopupMessage.Rescan; tabId: number });

export type BackgroundRequest =
  | (SetHighlightsPayload & { type: BackgroundMessage.SetHighlights })
  | (FocusFindingPayload & { type: BackgroundMessage.FocusFinding })
  | (RescanPayload & { type: BackgroundMessage.Rescan });

/** What the popup shows for a tab. */
export type TabStatus = 'idle' | 'scanning' | 'done' | 'unreadable' | 'error';

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
const optional = (check: Check): Check => (value, field) => {
  if (value !== undefined) check(value, field);
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
  [PopupMessage.GetTabState]: { tabId: TAB_ID },
  [PopupMessage.SetHighlights]: { tabId: TAB_ID, enabled: boolean },
  [PopupMessage.FocusFinding]: { tabId: TAB_ID, findingId: string(LIMITS.idChars) },
  [PopupMessage.Rescan]: { tabId: TAB_ID },
  [PopupMessage.AnalyzeText]: { text: string(LIMITS.textChars), title: optional(string(LIMITS.titleChars)), purpose: oneOf('selection', 'paste', 'workshop') },
  [BackgroundMessage.SetHighlights]: { enabled: boolean },
  [BackgroundMessage.FocusFinding]: { findingId: string(LIMITS.idChars) },
  [BackgroundMessage.Rescan]: {},
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
  return request;
}

export function parsePopupRequest(message: unknown): PopupRequest {
  checkShape(message, Object.values(PopupMessage));
  return message as PopupRequest;
}

export function parseBackgroundRequest(message: unknown): BackgroundRequest {
  checkShape(message, Object.values(BackgroundMessage));
  return message as BackgroundRequest;
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
