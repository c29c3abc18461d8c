// Flagged passages, most severe first, each with what, why, what to ask and the trigger words;
// the sentence reworded neutrally where the analysis has a rewording, what a clickbait headline
// holds back, and any debunked claim the sentence resembles.
import type { ClaimSentence, Finding } from '../../../model/types';
import { describeLabel, severityBand } from '../../ui/labels';
import { colon, listOf, quoted, STRINGS } from '../../ui/strings';
import { bestMatch, claimsFor, spoilerOf, SPOILER_TARGET, usableClaims } from '../../ui/context';
import { hasRewording, Rewording } from './Rewording';
import { FeedbackButtons, FeedbackGate } from './FeedbackButtons';

const MAX_QUOTE = 220;

function quote(text: string): string {
  return text.length > MAX_QUOTE ? `${text.slice(0, MAX_QUOTE - 1)}…` : text;
}

function Spoiler({ finding, onShow }: { finding: Finding; onShow?: (id: string) => void }) {
  const spoiler = spoilerOf(finding);
  if (!spoiler) return null;
  return (
    <div class="spoiler">
      <p>
        <strong>{colon(STRINGS.spoilerHeading)}</strong> <span class="spoiler-sentence">{quote(spoiler.sentence.text)}</span>
      </p>
      {onShow && (
        <button type="button" class="show" onClick={() => onShow(SPOILER_TARGET)}>
          {STRINGS.showInPage}
        </button>
      )}
      {spoiler.headline.trim() !== '' && (
        <p>
          <strong>{colon(STRINGS.betterHeadline)}</strong> <span class="spoiler-headline">{spoiler.headline}</span>
        </p>
      )}
    </div>
  );
}

/** The sentence also resembles a debunked claim: the match itself is in the claims section below. */
function ClaimPointer({ claims }: { claims: ClaimSentence[] }) {
  const sources = [...new Set(claims.map((claim) => bestMatch(claim.matches)?.source).filter((source): source is string => !!source))];
  return <p class="claim-pointer">{STRINGS.claimPointer(listOf(sources))}</p>;
}

function FindingItem({ finding, claims, onShow }: { finding: Finding; claims: ClaimSentence[]; onShow?: (id: string) => void }) {
  const text = describeLabel(finding.label);
  const others = finding.labels.slice(1).map((l) => describeLabel(l.label).name);
  return (
    <li class={`finding severity-${severityBand(finding.severity)}`}>
      <div class="finding-head">
        <span class="finding-label">{finding.isHeadline ? `${colon(STRINGS.headline)} ${text.name}` : text.name}</span>
        <span class="finding-confidence">{STRINGS.confidence(Math.round(finding.score * 100))}</span>
      </div>
      <blockquote class="finding-quote">{quote(finding.sentence.text)}</blockquote>
      <p class="finding-what">{text.what}</p>
      {others.length > 0 && <p class="finding-also">{STRINGS.also(listOf(others))}</p>}
      <Rewording finding={finding} />
      <Spoiler finding={finding} onShow={onShow} />
      {claims.length > 0 && <ClaimPointer claims={claims} />}
      <details>
        <summary>{STRINGS.whyItMatters}</summary>
        <p>{text.why}</p>
        <p>
          <strong>{colon(STRINGS.askYourself)}</strong> {text.ask}
        </p>
        {!hasRewording(finding) && (
          <p>
            <strong>{colon(STRINGS.neutralVersion)}</strong> {text.restatement}
          </p>
        )}
        <p>
          <strong>{colon(STRINGS.example)}</strong> {text.example}
        </p>
        {finding.evidence.length > 0 && (
          <p>
            <strong>{colon(STRINGS.evidence)}</strong> {listOf(finding.evidence.map((e) => quoted(e.text)))}
          </p>
        )}
      </details>
      {onShow && !finding.isHeadline && (
        <button type="button" class="show" onClick={() => onShow(finding.id)}>
          {STRINGS.showInPage}
        </button>
      )}
      <FeedbackButtons finding={finding} />
    </li>
  );
}

export function FindingList({ findings, claims, onShow }: { findings: Finding[]; claims?: ClaimSentence[]; onShow?: (id: string) => void }) {
  const usable = usableClaims(claims);
  return (
    <section aria-label={STRINGS.flaggedHeading(findings.length)}>
      <h2>{STRINGS.flaggedHeading(findings.length)}</h2>
      <ol class="findings">
        {findings.map((f) => (
          <FeedbackGate key={f.id} finding={f}>
            <FindingItem finding={f} claims={claimsFor(f, usable)} onShow={onShow} />
          </FeedbackGate>
        ))}
      </ol>
    </section>
  );
}
