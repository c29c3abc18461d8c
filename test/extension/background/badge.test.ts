import { describe, expect, it, vi } from 'vitest';
import { LEVEL_COLORS, badgeFor, countText, leftMarkedPage, showBadge } from '../../../extension/background/badge';
import type { Finding } from '../../../model/types';
import { analysis } from './fakes';

const findings = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `s${i}` }) as Finding);

describe('badgeFor', () => {
  it('shows the number of findings in the colour of the page\'s level', () => {
    expect(badgeFor({ status: 'done', highlights: true, analysis: analysis({ level: 'high', findings: findings(3) }) })).toMatchObject({ text: '3', color: LEVEL_COLORS.high });
    expect(badgeFor({ status: 'done', highlights: true, analysis: analysis({ level: 'low', findings: [] }) })).toMatchObject({ text: '0', color: LEVEL_COLORS.low });
    expect(badgeFor({ status: 'done', highlights: true, analysis: analysis({ level: 'some', findings: findings(1) }) }).color).toBe(LEVEL_COLORS.some);
  });

  it('is empty when nothing was scored', () => {
    expect(badgeFor({ status: 'idle', highlights: true }).text).toBe('');
    expect(badgeFor({ status: 'unreadable', highlights: true, message: 'PDF' }).text).toBe('');
    expect(badgeFor({ status: 'done', highlights: true, analysis: analysis({ supported: false, findings: [] }) }).text).toBe('');
  });

  it('marks scans in progress and failures', () => {
    expect(badgeFor({ status: 'scanning', highlights: true }).text).toBe('…');
    expect(badgeFor({ status: 'error', highlights: true, message: 'x' }).text).toBe('!');
  });

  it('fits big counts in four characters', () => {
    expect(countText(999)).toBe('999');
    expect(countText(1000)).toBe('999+');
  });
});

function fakeAction(global = 'Unspin') {
  const titles = new Map<number | undefined, string>([[undefined, global]]);
  return {
    titles,
    setTitle: vi.fn(async ({ tabId, title }: { tabId?: number; title: string | null }) => void titles.set(tabId, title ?? global)),
    getTitle: vi.fn(async ({ tabId }: { tabId?: number }) => titles.get(tabId) ?? global),
    setBadgeText: vi.fn(async (_details: { tabId?: number; text: string | null }) => undefined),
    setBadgeBackgroundColor: vi.fn(async (_details: { tabId?: number; color: string | null | [number, number, number, number] }) => undefined),
  };
}

describe('badgeFor titles', () => {
  it('say what the badge shows, and never equal the global title', () => {
    const states = [
      { status: 'idle', highlights: true },
      { status: 'scanning', highlights: true },
      { status: 'error', highlights: true },
      { status: 'unreadable', highlights: true },
      { status: 'done', highlights: true, analysis: analysis({ supported: false }) },
      { status: 'done', highlights: true, analysis: analysis({ level: 'high', findings: findings(2) }) },
    ] as const;
    for (const state of states) expect(badgeFor(state).title).toMatch(/^Unspin — ./);
    expect(badgeFor(states[5]).title).toBe('Unspin — 2 flagged passages. Manipulation risk: High');
  });
});

describe('showBadge', () => {
  it('sets text, colour and title for the tab only', async () => {
    const action = fakeAction();
    await showBadge(action, 7, { status: 'done', highlights: true, analysis: analysis({ level: 'high', findings: findings(2) }) });
    expect(action.setBadgeText).toHaveBeenCalledWith({ tabId: 7, text: '2' });
    expect(action.setBadgeBackgroundColor).toHaveBeenCalledWith({ tabId: 7, color: LEVEL_COLORS.high });
    expect(action.titles.get(7)).toMatch(/2 flagged/);
  });

  it('ignores a tab that closed meanwhile', async () => {
    const action = { ...fakeAction(), setTitle: vi.fn(async () => Promise.reject(new Error('No tab with id: 7'))) };
    await expect(showBadge(action, 7, { status: 'scanning', highlights: true })).resolves.toBeUndefined();
  });
});

describe('leftMarkedPage', () => {
  it('is true once the browser has reset the tab\'s title to the global one', async () => {
    const action = fakeAction();
    await showBadge(action, 7, { status: 'scanning', highlights: true });
    expect(await leftMarkedPage(action, 7)).toBe(false);
    action.titles.delete(7);
    expect(await leftMarkedPage(action, 7)).toBe(true);
  });

  it('is false when the tab is gone', async () => {
    const action = { getTitle: vi.fn(async () => Promise.reject(new Error('No tab'))) };
    expect(await leftMarkedPage(action, 7)).toBe(false);
  });
});
