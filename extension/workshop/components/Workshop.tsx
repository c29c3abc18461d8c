// Workshop mode: the list of sample articles, a round per article, the presenter view and the
// paste box. Each article is analysed when it opens (the model takes ~1 s to load the first
// time), so Unspin's result is ready by the reveal. Talks only to the extension's worker.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ARTICLES, type Article } from '../articles';
import type { Analyze } from '../connection';
import { articleItems, findingsByItem, joinSentences } from '../mapping';
import { addRound, EMPTY_SESSION, loadSession, saveSession, type RoundScore, type SessionScore } from '../scoring';
import { WS } from '../strings';
import { ArticleRound } from './ArticleRound';
import { PasteBox } from './PasteBox';
import { Presenter } from './Presenter';
import type { AnalysisState } from './state';

type View = { name: 'list' } | { name: 'round'; id: string } | { name: 'presenter'; id: string } | { name: 'paste' };

export interface WorkshopProps {
  analyze: Analyze;
  articles?: readonly Article[];
  storage?: Pick<Storage, 'getItem' | 'setItem'>;
}

export function Workshop({ analyze, articles = ARTICLES, storage }: WorkshopProps) {
  const [view, setView] = useState<View>({ name: 'list' });
  const [analyses, setAnalyses] = useState<Record<string, AnalysisState>>({});
  const [session, setSession] = useState<SessionScore>(() => loadSession(storage));
  const requested = useRef(new Set<string>());

  const prepare = useCallback(
    (article: Article, force = false) => {
      if (requested.current.has(article.id) && !force) return;
      requested.current.add(article.id);
      setAnalyses((a) => ({ ...a, [article.id]: { status: 'loading' } }));
      const { text, offsets } = joinSentences(article.sentences.map((s) => s.text));
      analyze(text, 'workshop', article.headline).then(
        (analysis) => setAnalyses((a) => ({ ...a, [article.id]: { status: 'ready', analysis, findings: findingsByItem(articleItems(article), analysis, offsets) } })),
        (error: unknown) => {
          requested.current.delete(article.id);
          setAnalyses((a) => ({ ...a, [article.id]: { status: 'error', message: error instanceof Error ? error.message : String(error) } }));
        },
      );
    },
    [analyze],
  );

  const current = view.name === 'round' || view.name === 'presenter' ? articles.find((a) => a.id === view.id) : undefined;
  useEffect(() => {
    if (current) prepare(current);
  }, [current, prepare]);

  const open = (article: Article) => {
    prepare(article);
    setView({ name: 'round', id: article.id });
  };
  const onScored = (articleId: string, round: RoundScore) =>
    setSession((s) => {
      const next = addRound(s, articleId, round);
      saveSession(storage, next);
      return next;
    });
  const resetSession = () => {
    saveSession(storage, EMPTY_SESSION);
    setSession(EMPTY_SESSION);
  };
  const state = (id: string): AnalysisState => analyses[id] ?? { status: 'loading' };

  if (view.name === 'presenter' && current) return <Presenter article={current} state={state(current.id)} onExit={() => setView({ name: 'round', id: current.id })} />;

  const nextArticle = current ? articles[(articles.indexOf(current) + 1) % articles.length] : undefined;
  return (
    <div class="workshop">
      <header class="top">
        <h1>{WS.appName}</h1>
        <nav aria-label={WS.articlesNav}>
          <button type="button" class="tab" aria-current={view.name === 'list' || view.name === 'round' ? 'page' : undefined} onClick={() => setView({ name: 'list' })}>
            {WS.articles}
          </button>
          <button type="button" class="tab" aria-current={view.name === 'paste' ? 'page' : undefined} onClick={() => setView({ name: 'paste' })}>
            {WS.pasteTab}
          </button>
        </nav>
      </header>
      <main>
        {view.name === 'list' && (
          <section aria-labelledby="list-heading">
            <p class="intro">{WS.intro}</p>
            <h2 id="list-heading">{WS.chooseArticle}</h2>
            <ul class="article-list">
              {articles.map((article) => (
                <li key={article.id}>
                  <button type="button" class="article-button" data-article={article.id} onClick={() => open(article)}>
                    <span class="article-title">{article.title}</span>
                    <span class="article-meta">
                      {WS.sentences(article.sentences.length)}
                      {session.articles.includes(article.id) ? ' · ✓' : ''}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
            <p class="hint">{WS.sessionScore(session.correct, session.total, session.rounds)}</p>
          </section>
        )}
        {view.name === 'round' && current && (
          <ArticleRound
            key={current.id}
            article={current}
            state={state(current.id)}
            session={session}
            onScored={onScored}
            onResetSession={resetSession}
            onRetry={() => prepare(current, true)}
            onPresent={() => setView({ name: 'presenter', id: current.id })}
            onNext={nextArticle ? () => open(nextArticle) : undefined}
          />
        )}
        {view.name === 'paste' && <PasteBox analyze={analyze} />}
      </main>
      <footer class="bottom">
        {WS.offline} {WS.articlesLanguage}
      </footer>
    </div>
  );
}
