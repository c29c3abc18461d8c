// Every user-facing string of the settings page, and the few the popup, badge and content script
// show because of a setting. English for now; the languages pass moves them to _locales.
import type { Sensitivity } from '../../model/manifest';
import type { CategoryId } from '../../model/types';
import type { HighlightStyle, ScanMode, UiLanguage } from '../settings';

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
  if (share >= 0.95) return 'nearly all';
  return `about ${Math.max(1, Math.round(share * 10))} in 10`;
}

export const OPTIONS_STRINGS = {
  title: 'Unspin settings',
  intro: 'Changes are saved as you make them and apply to open tabs at once.',
  saved: 'Saved',
  saving: 'Saving…',
  saveFailed: (error: string) => `Could not save: ${error}`,
  repairedHeading: 'Some settings could not be read',
  repaired: (names: string) => `These were reset to their defaults: ${names}. Everything else was kept.`,
  loading: 'Loading settings…',

  sensitivityHeading: 'Sensitivity',
  sensitivityHint: 'How readily Unspin flags a sentence. Fewer flags means fewer mistakes, but more missed passages.',
  sensitivity: {
    cautious: 'Cautious (recommended)',
    balanced: 'Balanced',
    sensitive: 'Sensitive',
  } satisfies Record<Sensitivity, string>,
  sensitivityMeaning: (level: Sensitivity) => {
    const { precision, recall } = SENSITIVITY_FIGURES[level];
    return `Of the sentences it flags as loaded language, ${inTen(precision)} are; it catches ${inTen(recall)} of them (measured on a news test set).`;
  },

  categoriesHeading: 'What to show',
  categoriesHint: 'Hidden categories are not marked on the page or listed in the popup. They still count towards the page’s risk.',
  category: {
    persuasion: 'Persuasion techniques',
    loaded_language: 'Loaded language',
    clickbait: 'Clickbait headlines',
    insult: 'Insulting language',
    claims: 'Sentences that resemble debunked claims',
    source: 'What source lists say about the site',
  } satisfies Record<CategoryId, string>,
  categoryHint: {
    persuasion: 'Name calling, appeals to fear, whataboutism, false dilemmas and other techniques.',
    loaded_language: 'Wording chosen to stir feelings rather than inform.',
    clickbait: 'Headlines that tease instead of telling.',
    insult: 'Abusive or demeaning language.',
    claims: 'Context from fact-checkers; a resemblance, not a verdict.',
    source: 'Shown in the popup only; context, not a verdict.',
  } satisfies Record<CategoryId, string>,

  scanModeHeading: 'When to check pages',
  scanModeHint: 'Checking happens on your device either way.',
  scanMode: {
    auto: 'Check every page as it opens',
    click: 'Only when I click “Check this page” in the Unspin popup',
  } satisfies Record<ScanMode, string>,

  highlightHeading: 'How flagged sentences look',
  highlightHint: 'How flagged sentences are marked on the page.',
  highlight: {
    underline: 'Underline',
    background: 'Coloured background',
    none: 'Don’t mark them (the popup still lists them)',
  } satisfies Record<HighlightStyle, string>,

  neverHeading: 'Never check these sites',
  neverHint: 'Unspin doesn’t read these sites at all. You can still check a page once from the popup.',
  warnHeading: 'Always warn me about these sites',
  warnHint: 'The toolbar badge and the popup warn you on these sites, whatever the analysis finds.',
  siteInput: 'Site, e.g. example.com',
  addSite: 'Add',
  removeSite: 'Remove',
  removeSiteLabel: (site: string, list: string) => `Remove ${site} from “${list}”`,
  noSites: 'No sites yet.',
  invalidSite: 'That doesn’t look like a site. Type a name such as example.com or paste a page’s address.',
  duplicateSite: (site: string) => `${site} is already in this list.`,
  tooManySites: (max: number) => `This list is full (${max} sites). Remove one first.`,

  languageHeading: 'Language',
  languageHint: 'Unspin is in English for now. Your choice is kept and used as soon as translations are added.',
  languageAuto: 'Same as my browser',

  // Shown elsewhere because of a setting.
  openSettings: 'Settings',
  openSettingsLabel: 'Open Unspin settings',
  checkThisPage: 'Check this page',
  clickModeHint: 'You chose to check pages only when you ask.',
  neverScanTitle: 'You chose never to check this site',
  neverScanHint: 'Unspin doesn’t read pages of this site. You can change this in the settings.',
  checkOnce: 'Check this page once',
  alwaysWarn: 'You asked to always be warned about this site.',
  alwaysWarnBadge: 'You asked to always be warned about this site',
  categoriesHidden: 'Some categories are hidden in settings.',
  /** The reason the content script gives the popup for not reading a never-check site. */
  neverScanReason: 'You chose never to check this site.',
} as const;

/** A language's own name ("Français"), for the language list. */
export function languageName(code: Exclude<UiLanguage, 'auto'>): string {
  try {
    const name = new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
    return name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
  } catch {
    return code;
  }
}
