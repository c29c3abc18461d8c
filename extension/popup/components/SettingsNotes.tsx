// What the popup shows because of a setting: a link to the settings page, "Check this page" when
// pages are checked only on request, the never-check and always-warn notes, and a note when some
// categories are hidden. Pure, like the rest of the popup.
import type { TabState } from '../../messages';
import { OPTIONS_STRINGS as S } from '../../options/strings';
import { hiddenCategories, hostOf, isListed, type Settings } from '../../settings';
import { STRINGS } from '../../ui/strings';

export function SettingsButton({ onOpen }: { onOpen?: () => void }) {
  if (!onOpen) return null;
  return (
    <button type="button" class="settings-link" aria-label={S.openSettingsLabel} onClick={onOpen}>
      {S.openSettings}
    </button>
  );
}

const listed = (state: TabState, sites: readonly string[]) => {
  const host = hostOf(state.url);
  return host !== '' && isListed(host, sites);
};

/** The tab's page is on the never-check list and was not checked (the content script said why). */
export const isNeverScanned = (state: TabState, settings: Settings | undefined) => !!settings && state.status === 'unreadable' && listed(state, settings.neverScan);

export const isAlwaysWarned = (state: TabState, settings: Settings | undefined) => !!settings && (state.status === 'done' || state.status === 'partial') && listed(state, settings.alwaysWarn);

function Ask({ title, hint, action, onCheck, onAllow }: { title: string; hint: string; action: string; onCheck?: () => void; onAllow?: () => void }) {
  return (
    <section class="state" role="status">
      <p class="state-title">{title}</p>
      <p class="hint">{hint}</p>
      {onCheck && (
        <button type="button" class="check" onClick={onCheck}>
          {action}
        </button>
      )}
      {onAllow && (
        <button type="button" class="allow-every-page" onClick={onAllow}>
          {S.accessAllowEveryPage}
        </button>
      )}
    </section>
  );
}

/**
 * The popup's body when a setting explains the tab's state, else null. `everyPage`: whether the
 * browser lets Unspin read pages as they open (undefined: not known); `onAllow` asks for it.
 */
export function SettingsState({ state, settings, onCheck, everyPage, onAllow }: { state: TabState; settings?: Settings; onCheck?: () => void; everyPage?: boolean; onAllow?: () => void }) {
  if (isNeverScanned(state, settings)) return <Ask title={S.neverScanTitle} hint={S.neverScanHint} action={S.checkOnce} onCheck={onCheck} />;
  if (settings?.scanMode === 'auto' && everyPage === false && state.status === 'idle') return <Ask title={STRINGS.idleTitle} hint={S.accessMissing} action={S.checkThisPage} onCheck={onCheck} onAllow={onAllow} />;
  if (settings?.scanMode === 'click' && state.status === 'idle') return <Ask title={STRINGS.idleTitle} hint={S.clickModeHint} action={S.checkThisPage} onCheck={onCheck} />;
  return null;
}

export function AlwaysWarnBanner({ state, settings }: { state: TabState; settings?: Settings }) {
  if (!isAlwaysWarned(state, settings)) return null;
  return (
    <p class="always-warn" role="alert">
      {S.alwaysWarn}
    </p>
  );
}

export function HiddenNote({ shown }: { shown?: Readonly<Settings['categories']> }) {
  if (!shown || hiddenCategories(shown).length === 0) return null;
  return <p class="hint hidden-note">{S.categoriesHidden}</p>;
}
