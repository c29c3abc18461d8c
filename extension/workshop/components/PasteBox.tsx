// "Analyse your own text": a paste box whose text is sent to the worker (purpose 'paste') and
// shown in the same reveal view, sentence by sentence. The text is only ever rendered as text.
import { useState } from 'preact/hooks';
import { segmentSentences } from '../../../model/text';
import { LIMITS } from '../../messages';
import type { Analyze } from '../connection';
import { findingsByItem, sentenceId, type Item } from '../mapping';
import { WS } from '../strings';
import { Reveal } from './Reveal';
import type { AnalysisState } from './state';

export function PasteBox({ analyze }: { analyze: Analyze }) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string>();
  const [result, setResult] = useState<{ items: Item[]; state: AnalysisState }>();

  const submit = async (event: Event) => {
    event.preventDefault();
    const sent = text.slice(0, LIMITS.textChars);
    if (sent.trim() === '') {
      setProblem(WS.pasteEmpty);
      return;
    }
    setProblem(undefined);
    const sentences = segmentSentences(sent);
    const items: Item[] = sentences.map((s, i) => ({ id: sentenceId(i), text: s.text, isHeadline: false }));
    setResult({ items, state: { status: 'loading' } });
    try {
      const analysis = await analyze(sent, 'paste');
      setResult({ items, state: { status: 'ready', analysis, findings: findingsByItem(items, analysis, sentences) } });
    } catch (error) {
      setResult({ items, state: { status: 'error', message: error instanceof Error ? error.message : String(error) } });
    }
  };

  const state = result?.state;
  const flagged = state?.status === 'ready' ? result!.items.filter((item) => (state.findings[item.id] ?? []).length > 0).length : 0;
  return (
    <section class="paste" aria-labelledby="paste-heading">
      <h2 id="paste-heading">{WS.pasteHeading}</h2>
      <form onSubmit={submit}>
        <label for="paste-text">{WS.pasteLabel}</label>
        <p class="hint" id="paste-hint">
          {WS.pasteHint}
        </p>
        <textarea id="paste-text" aria-describedby="paste-hint" rows={8} maxLength={LIMITS.textChars} value={text} onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} />
        <div class="round-footer">
          <button type="submit" class="primary" disabled={state?.status === 'loading'}>
            {state?.status === 'loading' ? WS.analysing : WS.analyse}
          </button>
          {problem && (
            <span class="error" role="alert">
              {problem}
            </span>
          )}
        </div>
      </form>
      {state?.status === 'error' && (
        <p class="error" role="alert">
          {WS.analysisFailed(state.message)}
        </p>
      )}
      {state?.status === 'ready' && (
        <>
          <p class="paste-summary" role="status">
            {state.analysis.supported ? WS.pasteResult(flagged, result!.items.length) : WS.unsupported}
          </p>
          <Reveal items={result!.items} findings={state.findings} />
        </>
      )}
    </section>
  );
}
