// One round: the article's headline and sentences as toggle buttons, then the reveal and score.
// The analysis is requested when the article opens, so it is usually ready before the reveal.
import { useMemo, useState } from 'preact/hooks';
import type { Article } from '../articles';
import { articleItems } from '../mapping';
import { scoreRound, type RoundScore, type SessionScore } from '../scoring';
import { WS } from '../strings';
import { Reveal, itemLabel } from './Reveal';
import { Score } from './Score';
import { SentenceMarker } from './SentenceMarker';
import type { AnalysisState } from './state';

export interface ArticleRoundProps {
  article: Article;
  state: AnalysisState;
  session: SessionScore;
  onScored?: (articleId: string, round: RoundScore) => void;
  onResetSession?: () => void;
  onRetry?: () => void;
  onPresent?: () => void;
  onNext?: () => void;
}

export function ArticleRound({ article, state, session, onScored, onResetSession, onRetry, onPresent, onNext }: ArticleRoundProps) {
  const items = useMemo(() => articleItems(article), [article]);
  const [marks, setMarks] = useState<ReadonlySet<string>>(new Set());
  const [revealed, setRevealed] = useState(false);
  const [round, setRound] = useState<RoundScore>();

  const toggle = (id: string) =>
    setMarks((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const reveal = () => {
    if (state.status !== 'ready') return;
    const score = scoreRound(items.map((item) => ({ marked: marks.has(item.id), keyed: (item.key?.length ?? 0) > 0, flagged: (state.findings[item.id] ?? []).length > 0 })));
    setRound(score);
    setRevealed(true);
    onScored?.(article.id, score);
  };

  return (
    <article class="round" aria-labelledby="round-heading">
      <h2 id="round-heading">{WS.roundHeading(article.title)}</h2>
      <div class="round-actions">
        {onPresent && (
          <button type="button" class="secondary" onClick={onPresent}>
            {WS.presenter}
          </button>
        )}
      </div>
      {!revealed && (
        <>
          <p class="hint">{WS.markInstructions}</p>
          <div class="markers" role="group" aria-label={WS.markInstructions}>
            {items.map((item) => (
              <SentenceMarker key={item.id} label={itemLabel(item, items)} text={item.text} isHeadline={item.isHeadline} marked={marks.has(item.id)} onToggle={() => toggle(item.id)} />
            ))}
          </div>
          <div class="round-footer">
            <button type="button" class="primary reveal-button" disabled={state.status !== 'ready'} onClick={reveal}>
              {WS.reveal}
            </button>
            {state.status === 'loading' && (
              <span class="hint" role="status">
                {WS.revealWaiting}
              </span>
            )}
            {state.status === 'error' && (
              <span class="error" role="alert">
                {WS.analysisFailed(state.message)}{' '}
                {onRetry && (
                  <button type="button" class="link" onClick={onRetry}>
                    {WS.retry}
                  </button>
                )}
              </span>
            )}
          </div>
        </>
      )}
      {revealed && state.status === 'ready' && round && (
        <>
          <Score round={round} session={session} onResetSession={onResetSession} />
          <Reveal items={items} findings={state.findings} marks={marks} />
          <div class="round-footer">
            <button
              type="button"
              class="secondary"
              onClick={() => {
                setRevealed(false);
                setMarks(new Set());
              }}
            >
              {WS.resetRound}
            </button>
            {onNext && (
              <button type="button" class="primary" onClick={onNext}>
                {WS.nextRound}
              </button>
            )}
          </div>
        </>
      )}
    </article>
  );
}
