// The popup for one tab, in each of its states. Pure: data in, callbacks out (runs on mock data).
import type { TabState } from '../../messages';
import { STRINGS } from '../../ui/strings';
import { Report } from './Report';
import { AlwaysWarnBanner, SettingsButton, SettingsState } from './SettingsNotes';
import type { Settings } from '../../settings';
import { SelectionSection } from './SelectionSection';
import { openWorkshop, WORKSHOP_PAGE } from '../../workshop/link';
import { WS } from '../../workshop/strings';
import { Export } from './Export';
import { HISTORY_PAGE, openHistory } from '../../history/link';
import { EXPORT_STRINGS } from '../../history/strings';
import { FeedbackContext, FeedbackError } from './FeedbackButtons';
import { FeedbackTools } from './FeedbackTools';
import type { PopupFeedbackState } from '../../feedback/client';
import type { SiteAccess } from '../../ui/site-access';

export interface PopupProps {
  state: TabState;
  /** The user's settings (hidden categories, scan mode, site lists); absent on mock data. */
  settings?: Settings;
  /** "Check this page" / "Check this page once": asks the tab to read its page. */
  onCheck?: () => void;
  onOpenSettings?: () => void;
  onToggleHighlights?: (enabled: boolean) => void;
  onShowFinding?: (findingId: string) => void;
  /** Forget the checked selection (TabState.selection). */
  onClearSelection?: () => void;
  /** The reader's verdicts on the flags and the feedback export (feedback/client.ts); absent on mock data. */
  feedback?: PopupFeedbackState;
  /** Whether the browser lets Unspin read pages as they open (ui/site-access.ts); absent on mock data. */
  access?: SiteAccess;
}

function StateMessage({ title, hint, busy }: { title: string; hint?: string; busy?: boolean }) {
  return (
    <section class="state" role="status" aria-busy={busy ? 'true' : undefined}>
      <p class="state-title">{title}</p>
      {hint && <p class="hint">{hint}</p>}
    </section>
  );
}

function Body({ state, onShowFinding, settings, onCheck, access }: PopupProps) {
  const explained = SettingsState({ state, settings, onCheck, everyPage: access?.everyPage, onAllow: access?.allow });
  if (explained) return explained;
  switch (state.status) {
    case 'scanning':
      return <StateMessage title={STRINGS.scanning} busy />;
    case 'unreadable':
      return <StateMessage title={STRINGS.unreadableTitle} hint={state.message} />;
    case 'error':
      return <StateMessage title={STRINGS.errorTitle} hint={`${state.message ? `${state.message} ` : ''}${STRINGS.errorHint}`} />;
    case 'partial':
    case 'done':
      return state.analysis ? (
        <>
          <AlwaysWarnBanner state={state} settings={settings} />
          {state.status === 'partial' && <p class="partial-note" role="status">{STRINGS.partialNote}</p>}
          <Report analysis={state.analysis} onShow={onShowFinding} shown={settings?.categories} />
          {state.status === 'done' && <Export source={{ analysis: state.analysis, url: state.url, title: state.title, textSha256: state.textSha256, textLength: state.textLength, analysedAt: state.analysedAt }} />}
        </>
      ) : (
        <StateMessage title={STRINGS.errorTitle} hint={STRINGS.errorHint} />
      );
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
        <SettingsButton onOpen={props.onOpenSettings} />
        {(state.status === 'done' || state.status === 'partial') && state.analysis?.supported && (
          <label class="toggle">
            <input type="checkbox" checked={state.highlights} onChange={(e) => onToggleHighlights?.((e.currentTarget as HTMLInputElement).checked)} />
            {STRINGS.highlightsLabel}
          </label>
        )}
      </header>
      {state.selection && <SelectionSection selection={state.selection} onClear={props.onClearSelection} />}
      <FeedbackContext.Provider value={props.feedback?.feedback ?? null}>
        <FeedbackError />
        <Body {...props} />
      </FeedbackContext.Provider>
      {props.feedback && <FeedbackTools api={props.feedback.tools} stored={props.feedback.stored} onCleared={props.feedback.tools.onCleared} />}
      <footer>
        {STRINGS.privacy}{' '}
        <a class="workshop-link" href={`../../${WORKSHOP_PAGE}`} target="_blank" onClick={openWorkshop}>
          {WS.popupLink}
        </a>{' '}
        <a class="history-link" href={`../../${HISTORY_PAGE}`} target="_blank" onClick={openHistory}>
          {EXPORT_STRINGS.historyLink}
        </a>
      </footer>
    </main>
  );
}
