// The popup for one tab, in each of its states. Pure: data in, callbacks out (runs on mock data).
import type { TabState } from '../../messages';
import { STRINGS } from '../../ui/strings';
import { Report } from './Report';

export interface PopupProps {
  state: TabState;
  onToggleHighlights?: (enabled: boolean) => void;
  onShowFinding?: (findingId: string) => void;
}

function StateMessage({ title, hint, busy }: { title: string; hint?: string; busy?: boolean }) {
  return (
    <section class="state" role="status" aria-busy={busy ? 'true' : undefined}>
      <p class="state-title">{title}</p>
      {hint && <p class="hint">{hint}</p>}
    </section>
  );
}

function Body({ state, onShowFinding }: PopupProps) {
  switch (state.status) {
    case 'scanning':
      return <StateMessage title={STRINGS.scanning} busy />;
    case 'unreadable':
      return <StateMessage title={STRINGS.unreadableTitle} hint={state.message} />;
    case 'error':
      return <StateMessage title={STRINGS.errorTitle} hint={`${state.message ? `${state.message} ` : ''}${STRINGS.errorHint}`} />;
    case 'done':
      return state.analysis ? <Report analysis={state.analysis} onShow={onShowFinding} /> : <StateMessage title={STRINGS.errorTitle} hint={STRINGS.errorHint} />;
    default:
      return <StateMessage title={STRINGS.idleTitle} hint={STRINGS.idleHint} />;
  }
}

export function Popup(props: PopupProps) {
  const { state, onToggleHighlights } = props;
  return (
    <main class="popup">
      <header>
        <h1>{STRINGS.appName}</h1>
        {state.status === 'done' && state.analysis?.supported && (
          <label class="toggle">
            <input type="checkbox" checked={state.highlights} onChange={(e) => onToggleHighlights?.((e.currentTarget as HTMLInputElement).checked)} />
            {STRINGS.highlightsLabel}
          </label>
        )}
      </header>
      <Body {...props} />
      <footer>{STRINGS.privacy}</footer>
    </main>
  );
}
