// Flagged passages, most severe first, each with what, why, what to ask and the trigger words.
import type { Finding } from '../../../model/types';
import { describeLabel, severityBand } from '../../ui/labels';
import { STRINGS } from '../../ui/strings';

const MAX_QUOTE = 220;

function quote(text: string): string {
  return text.length > MAX_QUOTE ? `${text.slice(0, MAX_QUOTE - 1)}…` : text;
}

function FindingItem({ finding, onShow }: { finding: Finding; onShow?: (id: string) => void }) {
  const text = describeLabel(finding.label);
  const others = finding.labels.slice(1).map((l) => describeLabel(l.label).name);
  return (
    <li class={`finding severity-${severityBand(finding.severity)}`}>
      <div class="finding-head">
        <span class="finding-label">{finding.isHeadline ? `${STRINGS.headline}: ${text.name}` : text.name}</span>
        <span class="finding-confidence">{STRINGS.confidence(Math.round(finding.score * 100))}</span>
      </div>
      <blockquote class="finding-quote">{quote(finding.sentence.text)}</blockquote>
      <p class="finding-what">{text.what}</p>
      {others.length > 0 && <p class="finding-also">Also: {others.join(', ')}</p>}
      <details>
        <summary>{STRINGS.whyItMatters}</summary>
        <p>{text.why}</p>
        <p>
          <strong>{STRINGS.askYourself}:</strong> {text.ask}
        </p>
        <p>
          <strong>{STRINGS.neutralVersion}:</strong> {text.restatement}
        </p>
        <p>
          <strong>{STRINGS.example}:</strong> {text.example}
        </p>
        {finding.evidence.length > 0 && (
          <p>
            <strong>{STRINGS.evidence}:</strong> {finding.evidence.map((e) => `“${e.text}”`).join(', ')}
          </p>
        )}
      </details>
      {onShow && !finding.isHeadline && (
        <button type="button" class="show" onClick={() => onShow(finding.id)}>
          {STRINGS.showInPage}
        </button>
      )}
    </li>
  );
}

export function FindingList({ findings, onShow }: { findings: Finding[]; onShow?: (id: string) => void }) {
  return (
    <section aria-label={STRINGS.flaggedHeading(findings.length)}>
      <h2>{STRINGS.flaggedHeading(findings.length)}</h2>
      <ol class="findings">
        {findings.map((f) => (
          <FindingItem key={f.id} finding={f} onShow={onShow} />
        ))}
      </ol>
    </section>
  );
}
