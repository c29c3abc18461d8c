// The reader's verdict on each flagged passage of the popup: "Not manipulative" (the passage is
// hidden on the page and collapses here to a row with "Undo") and "This is right" (recorded).
// The popup's entry provides the verdicts and the way to set them (feedback/popup.ts); without a
// provider (mock data, the history page's reports) nothing is shown.
import { createContext } from 'preact';
import { useContext, useEffect, useRef } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import type { Finding } from '../../../model/types';
import type { Verdict } from '../../feedback';
import { FEEDBACK_STRINGS as S } from '../../feedback/strings';

export interface PopupFeedback {
  /** The reader's verdicts on the tab's findings, by finding id. */
  verdicts: Readonly<Record<string, Verdict>>;
  /** Sets a verdict; null takes it back. */
  set(findingId: string, verdict: Verdict | null): void;
  /** The finding just dismissed (its "Undo" takes the focus). */
  dismissed?: string;
  /** Why the last verdict could not be saved, or ''. */
  error?: string;
}

export const FeedbackContext = createContext<PopupFeedback | null>(null);

const SHORT_QUOTE = 80;
const short = (text: string) => (text.length > SHORT_QUOTE ? `${text.slice(0, SHORT_QUOTE - 1)}…` : text);

/** The two verdict buttons of a passage (aria-pressed says which one the reader chose). */
export function FeedbackButtons({ finding }: { finding: Finding }) {
  const feedback = useContext(FeedbackContext);
  if (!feedback) return null;
  const verdict = feedback.verdicts[finding.id] ?? null;
  const press = (choice: Verdict) => feedback.set(finding.id, verdict === choice ? null : choice);
  return (
    <div class="feedback" role="group" aria-label={S.groupLabel}>
      <button type="button" class="feedback-not" aria-pressed={verdict === 'not_manipulative'} title={S.notManipulativeHint} onClick={() => press('not_manipulative')}>
        {S.notManipulative}
      </button>
      <button type="button" class="feedback-correct" aria-pressed={verdict === 'correct'} title={S.correctHint} onClick={() => press('correct')}>
        {S.correct}
      </button>
    </div>
  );
}

/** A passage, or, once dismissed as not manipulative, a short row that can undo it. */
export function FeedbackGate({ finding, children }: { finding: Finding; children: ComponentChildren }) {
  const feedback = useContext(FeedbackContext);
  const undo = useRef<HTMLButtonElement>(null);
  const dismissed = feedback?.verdicts[finding.id] === 'not_manipulative';
  const focus = dismissed && feedback?.dismissed === finding.id;
  useEffect(() => {
    if (focus) undo.current?.focus();
  }, [focus]);
  if (!feedback || !dismissed) return <>{children}</>;
  const quote = short(typeof finding.sentence?.text === 'string' ? finding.sentence.text : '');
  return (
    <li class="finding finding-dismissed">
      <p class="hint">{S.dismissed(quote)}</p>
      <button type="button" class="feedback-undo" ref={undo} aria-label={S.undoLabel(quote)} onClick={() => feedback.set(finding.id, null)}>
        {S.undo}
      </button>
    </li>
  );
}

/** Says when a verdict could not be saved. */
export function FeedbackError() {
  const feedback = useContext(FeedbackContext);
  return feedback?.error ? (
    <p class="feedback-error hint" role="alert">
      {feedback.error}
    </p>
  ) : null;
}
