// A finding's sentence reworded neutrally, as a diff: removed words struck through, new words
// inserted, the rest as it was. Or, when the loaded words are quoted, the note that says so.
import { Fragment } from 'preact';
import type { Finding } from '../../../model/types';
import { rewordingView, type DiffSegment } from '../../ui/diff';
import { colon, STRINGS } from '../../ui/strings';

export function Diff({ segments }: { segments: readonly DiffSegment[] }) {
  return (
    <span class="diff">
      {segments.map((segment, i) =>
        segment.kind === 'same' ? (
          segment.text
        ) : (
          // The label goes before the element, so del/ins hold the words alone.
          <Fragment key={i}>
            <span class="sr-only">{` ${segment.kind === 'del' ? STRINGS.removed : STRINGS.added} `}</span>
            {segment.kind === 'del' ? <del>{segment.text}</del> : <ins>{segment.text}</ins>}
          </Fragment>
        ),
      )}
    </span>
  );
}

/** The rewording of `finding`, or null when it has none (the restatement template is shown instead). */
export function Rewording({ finding }: { finding: Finding }) {
  const view = typeof finding.sentence?.text === 'string' ? rewordingView(finding.sentence.text, finding.suggestion?.rewording) : null;
  if (!view) return null;
  return (
    <div class="rewording">
      {view.segments.length > 0 && (
        <p>
          <strong>{colon(STRINGS.suggestedWording)}</strong> <Diff segments={view.segments} />
        </p>
      )}
      {view.note && (
        <p class="rewording-note">
          <strong>{colon(STRINGS.quotedWords)}</strong> {view.note}
        </p>
      )}
    </div>
  );
}

export const hasRewording = (finding: Finding) => typeof finding.sentence?.text === 'string' && rewordingView(finding.sentence.text, finding.suggestion?.rewording) !== null;
