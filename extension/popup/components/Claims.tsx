// Sentences that resemble a claim fact-checkers debunked: the claim, the verdict, what the
// fact-check says, a link to it, and, always in sight, that this is a resemblance, not a verdict.
import type { ClaimSentence, Finding } from '../../../model/types';
import { bestMatch, claimTarget, isFindingSentence, safeHttpUrl, usableClaims } from '../../ui/context';
import { colon, quoted, STRINGS } from '../../ui/strings';
import { Expandable } from './Expandable';

const MAX_CORRECTION = 240;
const MAX_QUOTE = 220;

export function ClaimMatchBlock({ claim }: { claim: ClaimSentence }) {
  const match = bestMatch(claim.matches);
  if (!match) return null;
  const url = safeHttpUrl(match.url);
  const others = claim.matches.filter((m) => typeof m?.claim === 'string').length - 1;
  const correction = typeof match.correction === 'string' ? match.correction.trim() : '';
  return (
    <div class="claim-match">
      <p>
        <strong>{colon(STRINGS.claimChecked)}</strong> <span class="claim-text">{quoted(match.claim)}</span>
      </p>
      <p>
        <strong>{colon(STRINGS.verdict)}</strong> <span class="claim-verdict">{match.verdict}</span>
      </p>
      {correction && (
        <p>
          <strong>{colon(STRINGS.correction)}</strong> <Expandable class="claim-correction" text={correction} max={MAX_CORRECTION} />
        </p>
      )}
      <p class="claim-by">
        {url ? (
          <a href={url} target="_blank" rel="noopener noreferrer">
            {STRINGS.factCheckBy(match.source)}
            <span class="sr-only"> {STRINGS.opensInNewTab}</span>
          </a>
        ) : (
          STRINGS.checkedBy(match.source)
        )}
      </p>
      {others > 0 && <p class="hint">{STRINGS.otherMatches(others)}</p>}
      <p class="claim-disclaimer">{STRINGS.claimDisclaimer(match.source)}</p>
    </div>
  );
}

const quote = (text: string) => (text.length > MAX_QUOTE ? `${text.slice(0, MAX_QUOTE - 1)}…` : text);

export function ClaimsSection({ claims, findings, onShow }: { claims: ClaimSentence[] | undefined; findings: Finding[]; onShow?: (id: string) => void }) {
  const usable = usableClaims(claims);
  if (usable.length === 0) return null;
  return (
    <section class="claims" aria-labelledby="claims-heading">
      <h2 id="claims-heading">{STRINGS.claimsHeading}</h2>
      <ol class="claim-list">
        {usable.map((claim) => (
          <li key={claimTarget(claim.sentence)} class="claim">
            <blockquote class="finding-quote">{quote(claim.sentence.text)}</blockquote>
            {isFindingSentence(claim, findings) && <p class="hint">{STRINGS.alsoFlagged}</p>}
            <ClaimMatchBlock claim={claim} />
            {onShow && (
              <button type="button" class="show" onClick={() => onShow(claimTarget(claim.sentence))}>
                {STRINGS.showInPage}
              </button>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
