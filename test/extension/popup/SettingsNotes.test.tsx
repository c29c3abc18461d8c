// @vitest-environment happy-dom
// The popup with the user's settings: hidden categories not listed (the risk unchanged), "Check
// this page" in click mode, the never-check and always-warn notes, and the link to the settings.
import { describe, expect, it, vi } from 'vitest';
import { Popup } from '../../../extension/popup/components/Popup';
import { MOCK_ANALYSIS, MOCK_STATES } from '../../../extension/popup/mock';
import { OPTIONS_STRINGS as S } from '../../../extension/options/strings';
import { DEFAULT_SETTINGS, type Settings } from '../../../extension/settings';
import { STRINGS } from '../../../extension/ui/strings';
import { lastRoot, rerender, show } from '../../support/render';


const settings = (change: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...change });
const hiding = (...ids: string[]) => settings({ categories: Object.fromEntries(Object.keys(DEFAULT_SETTINGS.categories).map((id) => [id, !ids.includes(id)])) as Settings['categories'] });

describe('the popup with settings', () => {
  it('lists nothing of hidden categories, keeps the risk, and says some are hidden', () => {
    const el = show(<Popup state={MOCK_STATES.done} settings={hiding('persuasion', 'source')} />);
    expect(el.querySelectorAll('.finding')).toHaveLength(3);
    expect(el.querySelector('[role="meter"]')!.getAttribute('aria-valuenow')).toBe(String(MOCK_ANALYSIS.risk));
    const bars = [...el.querySelectorAll('.category .bar')].map((b) => b.getAttribute('aria-label'));
    expect(bars).not.toContain('Persuasion techniques');
    expect(bars).not.toContain('What source lists say');
    expect(el.querySelector('.source')).toBeNull();
    expect(el.querySelector('.hidden-note')!.textContent).toBe(S.categoriesHidden);
    // The summary still counts every flagged sentence.
    expect(el.querySelector('.summary')!.textContent).toMatch(/4 of 12 sentences/);
  });

  it('shows everything, with no note, when nothing is hidden', () => {
    const el = show(<Popup state={MOCK_STATES.done} settings={settings()} />);
    expect(el.querySelectorAll('.finding')).toHaveLength(5);
    expect(el.querySelector('.hidden-note')).toBeNull();
    expect(el.querySelector('.always-warn')).toBeNull();
  });

  it('hides debunked-claim matches with their category', () => {
    const el = show(<Popup state={MOCK_STATES.done} settings={hiding('claims')} />);
    expect(el.querySelector('.claims')).toBeNull();
    expect(el.querySelector('.claim-pointer')).toBeNull();
  });

  it('offers "Check this page" in click mode', () => {
    const onCheck = vi.fn();
    const el = show(<Popup state={MOCK_STATES.idle} settings={settings({ scanMode: 'click' })} onCheck={onCheck} />);
    const button = [...el.querySelectorAll('button')].find((b) => b.textContent === S.checkThisPage)!;
    button.click();
    expect(onCheck).toHaveBeenCalledTimes(1);
    // In automatic mode, the usual idle message.
    rerender(<Popup state={MOCK_STATES.idle} settings={settings()} onCheck={onCheck} />);
    expect(lastRoot().textContent).toContain(STRINGS.idleHint);
    expect(lastRoot().textContent).not.toContain(S.checkThisPage);
  });

  it('where no site is allowed yet, offers this page now or every page as it opens', () => {
    const onCheck = vi.fn();
    const allow = vi.fn();
    const access = { everyPage: false, allow, revoke: vi.fn() };
    const el = show(<Popup state={MOCK_STATES.idle} settings={settings()} onCheck={onCheck} access={access} />);
    expect(el.querySelector('.state .hint')!.textContent).toBe(S.accessMissing);
    el.querySelector<HTMLButtonElement>('button.check')!.click();
    el.querySelector<HTMLButtonElement>('button.allow-every-page')!.click();
    expect(onCheck).toHaveBeenCalledOnce();
    expect(allow).toHaveBeenCalledOnce();
    // Allowed, or not known yet: the usual idle state, no offer.
    for (const everyPage of [true, undefined]) {
      rerender(<Popup state={MOCK_STATES.idle} settings={settings()} onCheck={onCheck} access={{ ...access, everyPage }} />);
      expect(lastRoot().querySelector('button.allow-every-page')).toBeNull();
    }
  });

  it('says the user chose never to check the site, with a way to check once', () => {
    const onCheck = vi.fn();
    const state = { status: 'unreadable' as const, url: 'https://www.news.example/a', message: S.neverScanReason, highlights: true };
    const el = show(<Popup state={state} settings={settings({ neverScan: ['news.example'] })} onCheck={onCheck} />);
    expect(el.querySelector('.state-title')!.textContent).toBe(S.neverScanTitle);
    [...el.querySelectorAll('button')].find((b) => b.textContent === S.checkOnce)!.click();
    expect(onCheck).toHaveBeenCalledTimes(1);
  });

  it('warns about an always-warn site even when the analysis is low risk', () => {
    const state = { ...MOCK_STATES.done, analysis: { ...MOCK_ANALYSIS, risk: 5, level: 'low' as const } };
    const el = show(<Popup state={state} settings={settings({ alwaysWarn: ['news.example'] })} />);
    expect(el.querySelector('.always-warn')!.textContent).toBe(S.alwaysWarn);
    expect(el.querySelector('[role="meter"]')!.getAttribute('aria-valuenow')).toBe('5');
  });

  it('links to the settings page', () => {
    const onOpenSettings = vi.fn();
    const el = show(<Popup state={MOCK_STATES.done} onOpenSettings={onOpenSettings} />);
    const button = el.querySelector<HTMLButtonElement>('button.settings-link')!;
    expect(button.getAttribute('aria-label')).toBe(S.openSettingsLabel);
    button.click();
    expect(onOpenSettings).toHaveBeenCalledTimes(1);
  });
});
