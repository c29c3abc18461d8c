// Presenter view for a room: large type, one sentence at a time. → / ← move, Space, Enter or R
// reveals the author's key and Unspin's flag with the explanation, Esc leaves.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Article } from '../articles';
import { articleItems } from '../mapping';
import { WS } from '../strings';
import { RevealItem, itemLabel } from './Reveal';
import type { AnalysisState } from './state';

export interface PresenterProps {
  article: Article;
  state: AnalysisState;
  onExit?: () => void;
}

export function Presenter({ article, state, onExit }: PresenterProps) {
  const items = useMemo(() => articleItems(article), [article]);
  // One state object, updated functionally: key handlers never read a stale index.
  const [nav, setNav] = useState<{ index: number; revealed: ReadonlySet<number> }>({ index: 0, revealed: new Set() });
  const root = useRef<HTMLElement>(null);
  const exit = useRef(onExit);
  exit.current = onExit;
  const { index } = nav;
  const item = items[index];
  const isRevealed = nav.revealed.has(index) && state.status === 'ready';
  const last = items.length - 1;

  const move = (step: number) => setNav((n) => ({ ...n, index: Math.max(0, Math.min(last, n.index + step)) }));
  const reveal = () => setNav((n) => ({ ...n, revealed: new Set(n.revealed).add(n.index) }));

  useEffect(() => root.current?.focus(), []);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
      // Buttons keep their own Space/Enter.
      const onButton = target?.tagName === 'BUTTON';
      if (event.key === 'ArrowRight' || event.key === 'PageDown') move(1);
      else if (event.key === 'ArrowLeft' || event.key === 'PageUp') move(-1);
      else if (event.key === 'r' || event.key === 'R' || (!onButton && (event.key === ' ' || event.key === 'Enter'))) reveal();
      else if (event.key === 'Escape') exit.current?.();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [last]);

  return (
    <section class="presenter" ref={root} tabIndex={-1} aria-roledescription="presenter view" aria-label={WS.presenterHeading(article.title)}>
      <div class="presenter-bar">
        <span class="presenter-title">{article.title}</span>
        <span class="presenter-position" aria-live="polite">
          {itemLabel(item, items)} · {WS.position(index + 1, items.length)}
        </span>
        <button type="button" class="secondary" onClick={onExit}>
          {WS.exitPresenter}
        </button>
      </div>
      <p class="presenter-text" aria-live="polite">
        {item.text}
      </p>
      {isRevealed && state.status === 'ready' ? (
        <ol class="presenter-reveal">
          <RevealItem item={item} items={items} findings={state.findings[item.id] ?? []} />
        </ol>
      ) : (
        state.status === 'loading' && <p class="hint">{WS.revealWaiting}</p>
      )}
      <div class="presenter-controls">
        <button type="button" onClick={() => move(-1)} disabled={index === 0}>
          ← {WS.previous}
        </button>
        <button type="button" class="primary" onClick={reveal} disabled={state.status !== 'ready' || isRevealed}>
          {WS.revealOne}
        </button>
        <button type="button" onClick={() => move(1)} disabled={index === last}>
          {WS.next} →
        </button>
      </div>
      <p class="hint presenter-help">{index === last ? `${WS.presenterEnd} ` : ''}{WS.presenterHelp}</p>
    </section>
  );
}
