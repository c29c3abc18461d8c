// The round's score against the author's key, Unspin's for comparison, and the session's.
import type { RoundScore, SessionScore } from '../scoring';
import { WS } from '../strings';

export function Score({ round, session, onResetSession }: { round: RoundScore; session: SessionScore; onResetSession?: () => void }) {
  return (
    <section class="score" aria-label={WS.scoreHeading} role="status">
      <h2>{WS.scoreHeading}</h2>
      <p class="score-main">{WS.roundScore(round.correct, round.total)}</p>
      <ul class="score-details">
        <li>{WS.foundKeyed(round.found, round.keyed)}</li>
        <li>{WS.falseMarks(round.falseMarks)}</li>
        <li class="score-unspin">{WS.unspinScore(round.unspinCorrect, round.total)}</li>
      </ul>
      <p class="score-session">
        {WS.sessionScore(session.correct, session.total, session.rounds)}{' '}
        {onResetSession && (
          <button type="button" class="link" onClick={onResetSession}>
            {WS.resetSession}
          </button>
        )}
      </p>
    </section>
  );
}
