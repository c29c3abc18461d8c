// The background's message boundary: who may send what, validated with the protocol's parsers,
// and always answered with a Reply (never an exception reaching the sender).
import type { Runtime } from 'webextension-polyfill';
import type { AnalysisInput } from '../../model/analyze';
import type { Locale, MessageTable } from '../ui/i18n';
import type { PageAnalysis } from '../../model/types';
import { BackgroundMessage, ContentMessage, PopupMessage, parseContentRequest, parsePopupRequest, type AnalyzedPosts, type AnalyzeTextPayload, type ContentRequest, type FeedbackExport, type PopupRequest, type Reply, type TabFeedback, type TabState } from '../messages';
import type { FeedbackService } from '../feedback/worker';
import type { TabStateCache } from './cache';
import type { Forward } from './forward';
import type { PostAnalyses } from './posts';
import { INTERRUPTED_MESSAGE, messageOf, type Scans } from './scan';

export interface HandlerDeps {
  /** runtime.id */
  extensionId: string;
  /** runtime.getURL(''): the prefix of every page of this extension. */
  extensionUrl: string;
  scans: Scans;
  cache: TabStateCache;
  forward: Forward;
  /** Like forward, for what the user asked for: injects the content script where none runs (default: forward). */
  forwardAsked?: Forward;
  /** A locale's messages.json from the package (for content scripts' UI-language override). */
  messagesFor?: (locale: Locale) => Promise<MessageTable>;
  /** Analyses a text on its own (no tab): selections, pastes, workshop articles. */
  analyzeText: (input: AnalysisInput) => Promise<PageAnalysis>;
  /** Posts that grew the page after its scan (AnalyzePosts); refused when absent. */
  posts?: Pick<PostAnalyses, 'receive'>;
  /** The reader's verdicts on flags (feedback/worker.ts); refused when absent. */
  feedback?: FeedbackService;
}

function feedbackOf(deps: HandlerDeps): FeedbackService {
  if (!deps.feedback) throw new Error('feedback: not kept by this worker');
  return deps.feedback;
}

export type SenderKind = 'content' | 'extension-page' | 'unknown';

/** Content scripts run in a tab's top frame on a web page; extension pages have our own URL. */
export function senderKind(sender: Runtime.MessageSender, deps: Pick<HandlerDeps, 'extensionId' | 'extensionUrl'>): SenderKind {
  if (sender.id !== deps.extensionId) return 'unknown';
  if (typeof sender.url === 'string' && sender.url.startsWith(deps.extensionUrl)) return 'extension-page';
  const tabId = sender.tab?.id;
  if (typeof tabId === 'number' && tabId >= 0 && sender.frameId === 0) return 'content';
  return 'unknown';
}

export async function handleMessage(message: unknown, sender: Runtime.MessageSender, deps: HandlerDeps): Promise<Reply<unknown>> {
  try {
    const kind = senderKind(sender, deps);
    if (kind === 'content') return ok(await handleContent(parseContentRequest(message), sender.tab!.id!, deps));
    if (kind === 'extension-page') return ok(await handlePopup(parsePopupRequest(message), deps));
    return { ok: false, error: 'sender: not a page or content script of this extension' };
  } catch (error) {
    return { ok: false, error: messageOf(error) };
  }
}

const ok = <T>(value: T): Reply<T> => ({ ok: true, value });

async function handleContent(request: ContentRequest, tabId: number, deps: HandlerDeps): Promise<PageAnalysis | AnalyzedPosts | TabFeedback | MessageTable | null> {
  if (request.type === ContentMessage.AnalyzeChunk) return deps.scans.receiveChunk(tabId, request);
  if (request.type === ContentMessage.GetMessages) {
    if (!deps.messagesFor) throw new Error('locale: not served by this worker');
    return deps.messagesFor(request.locale);
  }
  if (request.type === ContentMessage.SetFeedback) return feedbackOf(deps).set(tabId, request.findingId, request.verdict);
  if (request.type === ContentMessage.AnalyzePosts) {
    if (!deps.posts) throw new Error('posts: not analysed by this worker');
    return deps.posts.receive(tabId, request);
  }
  await deps.scans.unreadable(tabId, request);
  return null;
}

async function handlePopup(request: PopupRequest, deps: HandlerDeps): Promise<TabState | PageAnalysis | TabFeedback | FeedbackExport | undefined> {
  if (request.type === PopupMessage.AnalyzeText) return analyzeText(request, deps);
  if (request.type === PopupMessage.ExportFeedback) return feedbackOf(deps).exportJsonl();
  if (request.type === PopupMessage.ClearFeedback) {
    await feedbackOf(deps).clear();
    return undefined;
  }
  const { tabId } = request;
  switch (request.type) {
    case PopupMessage.GetTabState:
      return tabState(tabId, deps);
    case PopupMessage.SetHighlights:
      await deps.forward(tabId, { type: BackgroundMessage.SetHighlights, enabled: request.enabled });
      await deps.cache.update(tabId, (s) => ({ ...s, highlights: request.enabled }));
      return undefined;
    case PopupMessage.FocusFinding:
      await deps.forward(tabId, { type: BackgroundMessage.FocusFinding, findingId: request.findingId });
      return undefined;
    case PopupMessage.Rescan:
      await (deps.forwardAsked ?? deps.forward)(tabId, { type: BackgroundMessage.Rescan });
      return undefined;
    case PopupMessage.ClearSelection:
      return deps.cache.update(tabId, ({ selection: _cleared, ...rest }) => rest);
    case PopupMessage.GetFeedback:
      return feedbackOf(deps).get(tabId);
    case PopupMessage.SetFeedback:
      return feedbackOf(deps).set(tabId, request.findingId, request.verdict);
  }
}

/** A selection or a paste is scored like a post (a short one is its own headline); a workshop article like an article. */
function analyzeText(request: AnalyzeTextPayload, deps: HandlerDeps): Promise<PageAnalysis> {
  const kind = request.purpose === 'workshop' ? 'article' : 'selection';
  return deps.analyzeText({ text: request.text, ...(request.title !== undefined ? { title: request.title } : {}), ...(request.sensitivity !== undefined ? { sensitivity: request.sensitivity } : {}), kind });
}

async function tabState(tabId: number, deps: HandlerDeps): Promise<TabState> {
  const state = await deps.cache.get(tabId);
  return deps.scans.isStale(tabId, state) ? { ...state, status: 'error', message: INTERRUPTED_MESSAGE } : state;
}
