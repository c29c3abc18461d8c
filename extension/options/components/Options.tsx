// The settings page: one group per setting, saved on every change. Pure: settings in, changes out.
import type { Settings } from '../../settings';
import { OPTIONS_STRINGS as S } from '../strings';
import { listOf } from '../../ui/strings';
import { CategoriesGroup } from './CategoriesGroup';
import { HighlightGroup } from './HighlightGroup';
import { LanguageGroup } from './LanguageGroup';
import { ScanModeGroup } from './ScanModeGroup';
import { SensitivityGroup } from './SensitivityGroup';
import { SiteListGroup } from './SiteListGroup';
import { SiteAccessGroup } from './SiteAccessGroup';
import type { SiteAccess } from '../../ui/site-access';

export type SaveStatus = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; error: string };

export interface OptionsProps {
  settings: Settings | null;
  /** Settings that were corrupt in storage and were reset to their default. */
  repaired?: (keyof Settings)[];
  status: SaveStatus;
  onChange: (change: Partial<Settings>) => void;
  /** Whether pages may be read as they open (absent: not shown, e.g. mock data). */
  access?: SiteAccess;
}

/** The headings of the settings, for the repaired-settings notice. */
const names = (): Record<keyof Settings, string> => ({
  sensitivity: S.sensitivityHeading,
  categories: S.categoriesHeading,
  scanMode: S.scanModeHeading,
  neverScan: S.neverHeading,
  alwaysWarn: S.warnHeading,
  highlightStyle: S.highlightHeading,
  uiLanguage: S.languageHeading,
});

function Status({ status }: { status: SaveStatus }) {
  const text = status.kind === 'saved' ? S.saved : status.kind === 'saving' ? S.saving : status.kind === 'failed' ? S.saveFailed(status.error) : '';
  return (
    <p class={`status status-${status.kind}`} role="status" aria-live="polite">
      {text}
    </p>
  );
}

export function Options({ settings, repaired = [], status, onChange, access }: OptionsProps) {
  return (
    <main class="options">
      <header>
        <h1>{S.title}</h1>
        <p class="hint">{S.intro}</p>
        <Status status={status} />
      </header>
      {repaired.length > 0 && (
        <section class="repaired" role="alert" aria-labelledby="repaired-heading">
          <h2 id="repaired-heading">{S.repairedHeading}</h2>
          <p>{S.repaired(listOf(repaired.map((name) => names()[name])))}</p>
        </section>
      )}
      {settings === null ? (
        <p class="hint">{S.loading}</p>
      ) : (
        <>
          {access && <SiteAccessGroup access={access} scanMode={settings.scanMode} />}
          <SensitivityGroup value={settings.sensitivity} onChange={(sensitivity) => onChange({ sensitivity })} />
          <CategoriesGroup value={settings.categories} onChange={(categories) => onChange({ categories })} />
          <ScanModeGroup value={settings.scanMode} onChange={(scanMode) => onChange({ scanMode })} />
          <HighlightGroup value={settings.highlightStyle} onChange={(highlightStyle) => onChange({ highlightStyle })} />
          <SiteListGroup id="never-scan" heading={S.neverHeading} hint={S.neverHint} sites={settings.neverScan} onChange={(neverScan) => onChange({ neverScan })} />
          <SiteListGroup id="always-warn" heading={S.warnHeading} hint={S.warnHint} sites={settings.alwaysWarn} onChange={(alwaysWarn) => onChange({ alwaysWarn })} />
          <LanguageGroup value={settings.uiLanguage} onChange={(uiLanguage) => onChange({ uiLanguage })} />
        </>
      )}
    </main>
  );
}
