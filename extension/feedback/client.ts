// The extension pages' side of feedback: messages to the worker (the store's one writer), and the
// popup's hook that keeps the tab's verdicts for FeedbackButtons.tsx.
import { useEffect, useMemo, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { Verdict } from '../feedback';
import { PopupMessage, type FeedbackExport, type PopupRequest, type Reply, type TabFeedback, type TabState } from '../messages';
import type { PopupFeedback } from '../popup/components/FeedbackButtons';
import type { FeedbackToolsApi } from '../popup/components/FeedbackTools';
import { FEEDBACK_STRINGS as S } from './strings';

export type SendRequest = (request: PopupRequest) => Promise<unknown>;

async function ask<T>(send: SendRequest, request: PopupRequest): Promise<T> {
  const reply = (await send(request)) as Reply<T> | undefined;
  if (!reply) throw new Error('no answer from the extension');
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

export interface FeedbackClient extends FeedbackToolsApi {
  get(tabId: number): Promise<TabFeedback>;
  set(tabId: number, findingId: string, verdict: Verdict | null): Promise<TabFeedback>;
}

export function feedbackClient(send: SendRequest = (request) => browser.runtime.sendMessage(request)): FeedbackClient {
  return {
    get: (tabId) => ask(send, { type: PopupMessage.GetFeedback, tabId }),
    set: (tabId, findingId, verdict) => ask(send, { type: PopupMessage.SetFeedback, tabId, findingId, verdict: verdict ?? 'none' }),
    exportJsonl: () => ask<FeedbackExport>(send, { type: PopupMessage.ExportFeedback }),
    clear: () => ask<void>(send, { type: PopupMessage.ClearFeedback }),
  };
}

export interface PopupFeedbackState {
  /** For FeedbackContext (the passages' buttons). */
  feedback: PopupFeedback;
  /** Verdicts stored in all. */
  stored: number;
  tools: FeedbackToolsApi & { onCleared: () => void };
}

/** The verdicts on the tab's findings, refreshed when its analysis changes; setting one is shown at once. */
export function usePopupFeedback(tabId: number | undefined, state: TabState, client: FeedbackClient = defaultClient()): PopupFeedbackState | undefined {
  const [tab, setTab] = useState<TabFeedback>({ verdicts: {}, stored: 0 });
  const [dismissed, setDismissed] = useState<string>();
  const [error, setError] = useState('');
  const [generation, setGeneration] = useState(0);
  const findings = state.status === 'done' || state.status === 'partial' ? (state.analysis?.findings.length ?? 0) : -1;
  useEffect(() => {
    if (tabId === undefined || findings < 0) return;
    let live = true;
    client.get(tabId).then(
      (next) => live && setTab(next),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [tabId, findings, state.analysedAt, generation]);
  return useMemo(() => {
    if (tabId === undefined) return undefined;
    const set = (findingId: string, verdict: Verdict | null) => {
      setError('');
      setDismissed(verdict === 'not_manipulative' ? findingId : undefined);
      setTab((current) => {
        const verdicts = { ...current.verdicts };
        if (verdict) verdicts[findingId] = verdict;
        else delete verdicts[findingId];
        return { ...current, verdicts };
      });
      client.set(tabId, findingId, verdict).then(setTab, () => {
        setError(S.failed);
        setGeneration((g) => g + 1);
      });
    };
    return {
      feedback: { verdicts: tab.verdicts, set, dismissed, error },
      stored: tab.stored,
      tools: { exportJsonl: client.exportJsonl, clear: client.clear, onCleared: () => setGeneration((g) => g + 1) },
    };
  }, [tabId, tab, dismissed, error, client]);
}

let shared: FeedbackClient | undefined;
const defaultClient = () => (shared ??= feedbackClient());
