// Every user-facing string of the settings page, and the few the popup, badge and content script
// show because of a setting (texts: extension/_locales, through ../ui/i18n.ts).
import type { Sensitivity } from '../../model/manifest';
import type { CategoryId } from '../../model/types';
import type { HighlightStyle, ScanMode, UiLanguage } from '../settings';
import { t } from '../ui/i18n';

/**
 * Measured precision and recall of loaded-language detection at each sensitivity level, on the
 * BABE news test split: model/README.md, "Sensitivity levels", column loaded_language_babe.
 * The one place these figures live in the extension (test/extension/options/strings.test.ts
 * checks them against the README's table).
 */
export const SENSITIVITY_FIGURES: Record<Sensitivity, { precision: number; recall: number }> = {
  cautious: { precision: 0.923, recall: 0.232 },
  balanced: { precision: 0.738, recall: 0.69 },
  sensitive: { precision: 0.532, recall: 0.961 },
};

/** 0.923 -> "about 9 in 10"; nearly everything -> "nearly all". */
export function inTen(share: number): string {
  if (share >= 0.95) return t('options_nearly_all');
  return t('options_in_ten', [Math.max(1, Math.round(share * 10))]);
}

const byKey = <K extends string>(ids: readonly K[], prefix: string): Record<K, string> => Object.fromEntries(ids.map((id) => [id, t(`${prefix}${id}`)])) as Record<K, string>;
const CATEGORIES: readonly CategoryId[] = ['persuasion', 'loaded_language', 'clickbait', 'insult', 'claims', 'source'];

// Looked up in extension/_locales when read (getters): see ../ui/i18n.ts.
export const OPTIONS_STRINGS = {
  get title() { return t('options_title'); },
  get intro() { return t('options_intro'); },
  get saved() { return t('options_saved'); },
  get saving() { return t('options_saving'); },
  saveFailed: (error: string) => t('options_save_failed', [error]),
  get repairedHeading() { return t('options_repaired_heading'); },
  repaired: (names: string) => t('options_repaired', [names]),
  get loading() { return t('options_loading'); },

  get sensitivityHeading() { return t('options_sensitivity_heading'); },
  get sensitivityHint() { return t('options_sensitivity_hint'); },
  get sensitivity(): Record<Sensitivity, string> { return byKey(['cautious', 'balanced', 'sensitive'], 'options_sensitivity_'); },
  sensitivityMeaning: (level: Sensitivity) => {
    const { precision, recall } = SENSITIVITY_FIGURES[level];
    return t('options_sensitivity_meaning', [inTen(precision), inTen(recall)]);
  },

  get categoriesHeading() { return t('options_categories_heading'); },
  get categoriesHint() { return t('options_categories_hint'); },
  get category(): Record<CategoryId, string> { return byKey(CATEGORIES, 'options_category_'); },
  get categoryHint(): Record<CategoryId, string> { return byKey(CATEGORIES, 'options_category_hint_'); },

  get scanModeHeading() { return t('options_scan_mode_heading'); },
  get scanModeHint() { return t('options_scan_mode_hint'); },
  get scanMode(): Record<ScanMode, string> { return byKey(['auto', 'click'], 'options_scan_mode_'); },

  get accessHeading() { return t('options_access_heading'); },
  get accessGranted() { return t('options_access_granted'); },
  get accessMissing() { return t('options_access_missing'); },
  get accessClickMode() { return t('options_access_click_mode'); },
  get accessAllow() { return t('options_access_allow'); },
  get accessRevoke() { return t('options_access_revoke'); },
  get accessAllowEveryPage() { return t('options_access_allow_every_page'); },
  get accessHint() { return t('options_access_hint'); },

  get highlightHeading() { return t('options_highlight_heading'); },
  get highlightHint() { return t('options_highlight_hint'); },
  get highlight(): Record<HighlightStyle, string> { return byKey(['underline', 'background', 'none'], 'options_highlight_'); },

  get neverHeading() { return t('options_never_heading'); },
  get neverHint() { return t('options_never_hint'); },
  get warnHeading() { return t('options_warn_heading'); },
  get warnHint() { return t('options_warn_hint'); },
  get siteInput() { return t('options_site_input'); },
  get addSite() { return t('options_add_site'); },
  get removeSite() { return t('options_remove_site'); },
  removeSiteLabel: (site: string, list: string) => t('options_remove_site_label', [site, list]),
  get noSites() { return t('options_no_sites'); },
  get invalidSite() { return t('options_invalid_site'); },
  duplicateSite: (site: string) => t('options_duplicate_site', [site]),
  tooManySites: (max: number) => t('options_too_many_sites', [max]),

  get languageHeading() { return t('options_language_heading'); },
  get languageHint() { return t('options_language_hint'); },
  get languageAuto() { return t('options_language_auto'); },

  // Shown elsewhere because of a setting.
  get openSettings() { return t('options_open_settings'); },
  get openSettingsLabel() { return t('options_open_settings_label'); },
  get checkThisPage() { return t('options_check_this_page'); },
  get clickModeHint() { return t('options_click_mode_hint'); },
  get neverScanTitle() { return t('options_never_scan_title'); },
  get neverScanHint() { return t('options_never_scan_hint'); },
  get checkOnce() { return t('options_check_once'); },
  get alwaysWarn() { return t('options_always_warn'); },
  get alwaysWarnBadge() { return t('options_always_warn_badge'); },
  get categoriesHidden() { return t('options_categories_hidden'); },
  /** The reason the content script gives the popup for not reading a never-check site (in the browser's language). */
  get neverScanReason() { return t('options_never_scan_reason'); },
};

/** A language's own name ("Français"), for the language list. */
export function languageName(code: Exclude<UiLanguage, 'auto'>): string {
  try {
    const name = new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
    return name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
  } catch {
    return code;
  }
}
