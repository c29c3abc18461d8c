// What Unspin flagged on one sentence, with the shared explanation (model/guidance.ts) and the
// suggested correction: the rewording diff, a headline's spoiler, or the restatement template.
import type { Label } from '../../../model/labels';
import type { Finding } from '../../../model/types';
import { describeLabel as guidanceFor } from '../../ui/labels';
import { hasRewording, Rewording } from '../../popup/components/Rewording';
import { spoilerOf } from '../../ui/context';
import { severityBand } from '../../ui/labels';
import { WS } from '../strings';
import { colon, quoted } from '../../ui/strings';

/** The explanation of a technique: what it is, why it matters, what to ask, an example. */
export function Explanation({ label, showTemplate = true }: { label: Label; showTemplate?: boolean }) {
  const g = guidanceFor(label);
  return (
    <div class="explanation">
      <p class="explanation-what">
        {g.what} {g.why}
      </p>
      <p>
        <strong>{colon(WS.askYourself)}</strong> {g.ask}
      </p>
      {showTemplate && (
        <p>
          <strong>{colon(WS.neutralTemplate)}</strong> {g.restatement}
        </p>
      )}
      <p class="explanation-example">
        <strong>{colon(WS.example)}</strong> {g.example}
      </p>
    </div>
  );
}

export function FindingCard({ finding }: { finding: Finding }) {
  const g = guidanceFor(finding.label);
  const others = (finding.labels ?? []).slice(1).map((l) => guidanceFor(l.label).name);
  const spoiler = spoilerOf(finding);
  return (
    <div class={`card finding severity-${severityBand(finding.severity)}`}>
      <p class="card-head">
        <span class="card-name">{g.name}</span> <span class="card-confidence">{WS.confidence(Math.round(finding.score * 100))}</span>
      </p>
      {others.length > 0 && <p class="card-also">{WS.alsoFlagged(others.join(', '))}</p>}
      <Rewording finding={finding} />
      {spoiler && (
        <div class="spoiler">
          <p>
            <strong>{colon(WS.spoiler)}</strong> <span class="spoiler-sentence">{spoiler.sentence.text}</span>
          </p>
          {spoiler.headline.trim() !== '' && (
            <p>
              <strong>{colon(WS.betterHeadline)}</strong> <span class="spoiler-headline">{spoiler.headline}</span>
            </p>
          )}
        </div>
      )}
      <Explanation label={finding.label} showTemplate={!hasRewording(finding)} />
      {finding.evidence?.length > 0 && (
        <p class="card-evidence">
          <strong>{colon(WS.evidence)}</strong> {finding.evidence.map((e) => quoted(e.text)).join(', ')}
        </p>
      )}
    </div>
  );
}

/** A technique the author put in and Unspin missed: its explanation, so the lesson is not lost. */
export function MissedCard({ label }: { label: Label }) {
  const g = guidanceFor(label);
  return (
    <div class="card missed">
      <p class="card-head">
        <span class="card-name">{g.name}</span> <span class="card-confidence">{WS.missedByUnspin}</span>
      </p>
      <Explanation label={label} showTemplate={false} />
    </div>
  );
}
