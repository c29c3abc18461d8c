// The toolbar badge of each tab: how many passages were flagged, coloured by the page's risk.
import browser from 'webextension-polyfill';
import type { RiskLevel } from '../../model/types';
import type { TabState } from '../messages';

export interface Badge {
  text: string;
  /** Background colour, when the badge has text. */
  color: string;
}

export const LEVEL_COLORS: Record<RiskLevel, string> = { low: '#2e7d32', some: '#b26a00', high: '#c62828' };
const NEUTRAL = '#5f6368';
const EMPTY: Badge = { text: '', color: NEUTRAL };

/** Badges hold about four characters. */
export function countText(n: number): string {
  return n > 999 ? '999+' : String(n);
}

export function badgeFor(state: TabState): Badge {
  if (state.status === 'scanning') return { text: '…', color: NEUTRAL };
  if (state.status === 'error') return { text: '!', color: NEUTRAL };
  const analysis = state.status === 'done' ? state.analysis : undefined;
  // Unsupported languages are not scored: an empty badge, not a reassuring "0".
  if (!analysis?.supported) return EMPTY;
  return { text: countText(analysis.findings.length), color: LEVEL_COLORS[analysis.level] };
}

export async function showBadge(tabId: number, state: TabState): Promise<void> {
  const { text, color } = badgeFor(state);
  try {
    await browser.action.setBadgeText({ tabId, text });
    if (text) await browser.action.setBadgeBackgroundColor({ tabId, color });
  } catch {
    // The tab closed while its page was being analysed.
  }
}
