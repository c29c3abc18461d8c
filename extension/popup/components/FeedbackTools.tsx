// "Export feedback (JSONL)" and "Clear feedback" (popup and history page): every verdict the
// reader gave, as the JSONL `npm run train -- --feedback FILE` reads, downloaded through a Blob
// URL (no "downloads" permission); clearing asks first.
import { useEffect, useRef, useState } from 'preact/hooks';
import { feedbackFileName } from '../../feedback';
import { FEEDBACK_STRINGS as S } from '../../feedback/strings';
import type { FeedbackExport } from '../../messages';
import { downloadText } from './Export';

export interface FeedbackToolsApi {
  exportJsonl(): Promise<FeedbackExport>;
  clear(): Promise<void>;
}

export function FeedbackTools({ api, stored, headingLevel = 2, onCleared }: { api: FeedbackToolsApi; stored?: number; headingLevel?: 2 | 3; onCleared?: () => void }) {
  const [status, setStatus] = useState('');
  const [asking, setAsking] = useState(false);
  const cancel = useRef<HTMLButtonElement>(null);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  useEffect(() => {
    if (asking) cancel.current?.focus();
  }, [asking]);
  const download = async () => {
    try {
      const { jsonl, count } = await api.exportJsonl();
      if (count === 0) return setStatus(S.nothingToExport);
      const name = feedbackFileName(new Date());
      downloadText(jsonl, name, 'application/x-ndjson;charset=utf-8');
      setStatus(S.exported(count, name));
    } catch {
      setStatus(S.error);
    }
  };
  const clear = async () => {
    try {
      await api.clear();
      setStatus(S.cleared);
      onCleared?.();
    } catch {
      setStatus(S.error);
    } finally {
      setAsking(false);
    }
  };
  return (
    <section class="feedback-tools" aria-labelledby="feedback-tools-heading">
      <Heading id="feedback-tools-heading">{S.heading}</Heading>
      <p class="hint">
        {stored !== undefined && `${S.count(stored)} `}
        {S.hint}
      </p>
      <div class="export-buttons">
        <button type="button" class="feedback-export" onClick={() => void download()}>
          {S.export}
        </button>
        {!asking && (
          <button type="button" class="feedback-clear" onClick={() => setAsking(true)}>
            {S.clear}
          </button>
        )}
      </div>
      {asking && (
        <div class="confirm" role="alertdialog" aria-labelledby="feedback-confirm-text">
          <p id="feedback-confirm-text">{S.clearConfirm}</p>
          <div class="export-buttons">
            <button type="button" class="feedback-clear-yes" onClick={() => void clear()}>
              {S.clearYes}
            </button>
            <button type="button" class="feedback-clear-no" ref={cancel} onClick={() => setAsking(false)}>
              {S.clearNo}
            </button>
          </div>
        </div>
      )}
      <p class="feedback-status hint" role="status" aria-live="polite">
        {status}
      </p>
    </section>
  );
}
