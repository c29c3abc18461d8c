// The toolbar button of each tab: badge = how many passages were flagged, coloured by the page's
// risk; title = the same in words. The per-tab title doubles as a marker: browsers reset a tab's
// action values when it loads a new document (not on #fragment or history changes), so a tab
// whose title is back to the global one has left the page its state describes.
import type { Action } from 'webextension-polyfill';
import type { RiskLevel } from '../../model/types';
import type { TabState } from '../messages';
import { OPTIONS_STRINGS } from '../options/strings';
import { t } from '../ui/i18n';
import { colon, STRINGS } from '../ui/strings';

export interface Badge {
  text: string;
  /** Background colour, when the badge has text. */
  color: string;
  /** Tooltip; never the extension's global title (see leftMarkedPage). */
  title: string;
}

export const LEVEL_COLORS: Record<RiskLevel, string> = { low: '#2e7d32', some: '#b26a00', high: '#c62828' };
const NEUTRAL = '#5f6368';

/** Badges hold about four characters. */
export function countText(n: number): string {
  return n > 999 ? '999+' : String(n);
}

const titled = (words: string) => `${STRINGS.appName} — ${words}`;

export interface BadgeOptions {
  /** The page's site is on the user's always-warn list: '!' in the high colour, whatever the analysis says. */
  alwaysWarn?: boolean;
}

export function badgeFor(state: TabState, options: BadgeOptions = {}): Badge {
  if (options.alwaysWarn && (state.status === 'done' || state.status === 'partial')) {
    const plain = badgeFor(state);
    return { text: '!', color: LEVEL_COLORS.high, title: `${titled(OPTIONS_STRINGS.alwaysWarnBadge)}. ${plain.title.slice(titled('').length)}` };
  }
  switch (state.status) {
    case 'scanning':
      return { text: '…', color: NEUTRAL, title: titled(STRINGS.scanning) };
    case 'error':
      return { text: '!', color: NEUTRAL, title: titled(STRINGS.errorTitle) };
    case 'unreadable':
      return { text: '', color: NEUTRAL, title: titled(STRINGS.unreadableTitle) };
    case 'idle':
      return { text: '', color: NEUTRAL, title: titled(STRINGS.idleTitle) };
  }
  const analysis = state.analysis;
  // Unsupported languages are not scored: an empty badge, not a reassuring "0".
  if (!analysis?.supported) return { text: '', color: NEUTRAL, title: titled(analysis?.language.code ? t('badge_unsupported_language', [analysis.language.code]) : t('badge_unsupported')) };
  const n = analysis.findings.length;
  return { text: countText(n), color: LEVEL_COLORS[analysis.level], title: titled(`${STRINGS.flaggedHeading(n)}. ${colon(STRINGS.riskLabel)} ${STRINGS.level[analysis.level]}`) };
}

export type ActionApi = Pick<Action.Static, 'setBadgeText' | 'setBadgeBackgroundColor' | 'setTitle' | 'getTitle'>;

export async function showBadge(action: ActionApi, tabId: number, state: TabState, options: BadgeOptions = {}): Promise<void> {
  const { text, color, title } = badgeFor(state, options);
  try {
    await action.setTitle({ tabId, title });
    await action.setBadgeText({ tabId, text });
    if (text) await action.setBadgeBackgroundColor({ tabId, color });
  } catch {
    // The tab closed while its page was being analysed.
  }
}

/** True when the browser has reset the tab's title: it loaded a new document since we last marked it. */
export async function leftMarkedPage(action: Pick<ActionApi, 'getTitle'>, tabId: number): Promise<boolean> {
  try {
    const [own, global] = await Promise.all([action.getTitle({ tabId }), action.getTitle({})]);
    return own === global;
  } catch {
    return false;
  }
}
