// The worker's side of feedback: the one writer of the feedback store. Verdicts name a finding of
// a tab; the finding's sentence, label, language and page address are read from the tab's state
// (the worker's own record of what it analysed), never taken from the sender.
import type { Finding } from '../../model/types';
import { FeedbackStore, type Verdict } from '../feedback';
import type { FeedbackExport, FeedbackVerdict, TabFeedback, TabState } from '../messages';

export interface FeedbackDeps {
  store: FeedbackStore;
  state: (tabId: number) => Promise<TabState>;
  now?: () => number;
}

export const NO_FINDING = 'That finding is not in this tab’s result any more: rescan the page.';

export class FeedbackService {
  constructor(private readonly deps: FeedbackDeps) {}

  /** The verdicts on the tab's findings, by finding id. */
  async get(tabId: number): Promise<TabFeedback> {
    const state = await this.deps.state(tabId);
    const findings = state.analysis?.findings ?? [];
    const verdicts: TabFeedback['verdicts'] = {};
    if (state.url && findings.length > 0) {
      const found = await this.deps.store.lookup(state.url, findings.map(textOf));
      for (const finding of findings) {
        const entry = found.get(textOf(finding));
        if (entry) verdicts[finding.id] = entry.verdict;
      }
    }
    return { verdicts, stored: await this.deps.store.count() };
  }

  async set(tabId: number, findingId: string, verdict: FeedbackVerdict): Promise<TabFeedback> {
    const state = await this.deps.state(tabId);
    const finding = state.analysis?.findings.find((f) => f.id === findingId);
    if (!finding || !state.url || textOf(finding).trim() === '') throw new Error(NO_FINDING);
    await this.deps.store.record({
      url: state.url,
      text: textOf(finding),
      label: finding.label,
      findingId,
      lang: state.analysis?.language?.code,
      verdict: verdict === 'none' ? null : (verdict satisfies Verdict),
      at: (this.deps.now ?? Date.now)(),
    });
    return this.get(tabId);
  }

  exportJsonl(): Promise<FeedbackExport> {
    return this.deps.store.exportJsonl();
  }

  clear(): Promise<void> {
    return this.deps.store.clear();
  }
}

const textOf = (finding: Finding) => (typeof finding.sentence?.text === 'string' ? finding.sentence.text : '');
