// @vitest-environment happy-dom
// The settings page: every group with its explanation, saved on change with a visible status,
// repaired values reported, site lists validated inline, everything reachable by label.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OptionsApp } from '../../../extension/options/app';
import { Options } from '../../../extension/options/components/Options';
import { OPTIONS_STRINGS as S } from '../../../extension/options/strings';
import { DEFAULT_SETTINGS, SETTING_KEY_PREFIX, saveSettings } from '../../../extension/settings';
import { FakeStorage, settle } from './fake-storage';
import { show } from '../../support/render';

const key = (name: string) => `${SETTING_KEY_PREFIX}${name}`;

afterEach(() => {
  vi.restoreAllMocks();
});

const byId = <T extends HTMLElement = HTMLInputElement>(el: HTMLElement, id: string) => el.querySelector<T>(`#${id}`)!;
function type(input: HTMLInputElement, text: string) {
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}
const submit = (el: HTMLElement, id: string) => byId(el, `${id}-input`).closest('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));

async function app(storage = new FakeStorage()) {
  const el = show(<OptionsApp storage={storage} />);
  await vi.waitFor(() => expect(el.querySelector('#sensitivity-cautious')).not.toBeNull());
  return { el, storage };
}

describe('site access on the settings page', () => {
  const access = (everyPage: boolean | undefined) => ({ everyPage, allow: vi.fn(), revoke: vi.fn() });

  it('comes first, says whether pages may be read as they open, and offers to allow or take back', () => {
    const missing = access(false);
    const el = show(<Options settings={{ ...DEFAULT_SETTINGS }} status={{ kind: 'idle' }} onChange={() => undefined} access={missing} />);
    expect(el.querySelector('h2')!.textContent).toBe(S.accessHeading);
    expect(el.querySelector('.access-missing[role="alert"]')!.textContent).toContain(S.accessMissing);
    el.querySelector<HTMLButtonElement>('button.access-allow')!.click();
    expect(missing.allow).toHaveBeenCalledOnce();
    const granted = access(true);
    const el2 = show(<Options settings={{ ...DEFAULT_SETTINGS }} status={{ kind: 'idle' }} onChange={() => undefined} access={granted} />);
    expect(el2.querySelector('.access-granted')!.textContent).toContain(S.accessGranted);
    el2.querySelector<HTMLButtonElement>('button.access-revoke')!.click();
    expect(granted.revoke).toHaveBeenCalledOnce();
    // Only when I click: not needed, and not an alert.
    const el3 = show(<Options settings={{ ...DEFAULT_SETTINGS, scanMode: 'click' }} status={{ kind: 'idle' }} onChange={() => undefined} access={access(false)} />);
    expect(el3.querySelector('.access-missing')!.textContent).toContain(S.accessClickMode);
    expect(el3.querySelector('.access-missing')!.getAttribute('role')).toBeNull();
  });

  it('choosing "check every page" asks the browser in the same click', async () => {
    const missing = access(false);
    const storage = new FakeStorage();
    await storage.sync.set({ [key('scanMode')]: 'click' });
    const el = show(<OptionsApp storage={storage} access={missing} />);
    await vi.waitFor(() => expect(byId(el, 'scan-mode-click').checked).toBe(true));
    byId(el, 'scan-mode-auto').click();
    expect(missing.allow).toHaveBeenCalledOnce();
    await vi.waitFor(async () => expect(await storage.sync.get(null)).toMatchObject({ [key('scanMode')]: 'auto' }));
  });
});

describe('the settings page', () => {
  it('shows every setting with a plain label and a one-line explanation', () => {
    const el = show(<Options settings={{ ...DEFAULT_SETTINGS }} status={{ kind: 'idle' }} onChange={() => undefined} />);
    const headings = [...el.querySelectorAll('h2')].map((h) => h.textContent);
    expect(headings).toEqual([S.sensitivityHeading, S.categoriesHeading, S.scanModeHeading, S.highlightHeading, S.neverHeading, S.warnHeading, S.languageHeading]);
    for (const section of el.querySelectorAll('section.group')) expect(section.querySelector('.hint')!.textContent!.length).toBeGreaterThan(10);
    // Every control has a label; every radio and checkbox its own.
    for (const input of el.querySelectorAll('input[type=radio], input[type=checkbox]')) expect(el.querySelector(`label[for="${input.id}"]`)).not.toBeNull();
    expect(byId(el, 'sensitivity-cautious').checked).toBe(true);
    expect(el.querySelector('#sensitivity-cautious-note')!.textContent).toContain('about 9 in 10');
    expect(byId(el, 'sensitivity-cautious').getAttribute('aria-describedby')).toBe('sensitivity-cautious-note');
    expect(el.querySelectorAll('#language-select option')).toHaveLength(7);
    expect(el.querySelector('#language-hint')!.textContent).toBe(S.languageHint);
  });

  it('saves each change at once and says "Saved"', async () => {
    const { el, storage } = await app();
    byId(el, 'sensitivity-balanced').click();
    await vi.waitFor(() => expect(el.querySelector('[role=status]')!.textContent).toBe(S.saved));
    expect(storage.items[key('sensitivity')]).toBe('balanced');
    byId(el, 'category-insult').click();
    byId(el, 'highlight-none').click();
    byId(el, 'scan-mode-click').click();
    const language = byId<HTMLSelectElement>(el, 'language-select');
    language.value = 'fr';
    language.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect(storage.items[key('categories')]).toEqual({ ...DEFAULT_SETTINGS.categories, insult: false });
    expect(storage.items[key('highlightStyle')]).toBe('none');
    expect(storage.items[key('scanMode')]).toBe('click');
    expect(storage.items[key('uiLanguage')]).toBe('fr');
    expect(byId(el, 'category-insult').checked).toBe(false);
  });

  it('says when saving failed and shows what is really stored', async () => {
    const { el, storage } = await app();
    storage.failSets = true;
    byId(el, 'sensitivity-sensitive').click();
    await vi.waitFor(() => expect(el.querySelector('[role=status]')!.textContent).toContain('Could not save'));
    await vi.waitFor(() => expect(byId(el, 'sensitivity-cautious').checked).toBe(true));
  });

  it('reports settings that were corrupt, keeps the others, and stores the repair', async () => {
    const storage = new FakeStorage();
    storage.items = { [key('sensitivity')]: 'extreme', [key('scanMode')]: 'click' };
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { el } = await app(storage);
    await vi.waitFor(() => expect(el.querySelector('.repaired')).not.toBeNull());
    expect(el.querySelector('.repaired')!.textContent).toContain(S.sensitivityHeading);
    expect(el.querySelector('.repaired')!.getAttribute('role')).toBe('alert');
    expect(byId(el, 'scan-mode-click').checked).toBe(true);
    expect(byId(el, 'sensitivity-cautious').checked).toBe(true);
    await vi.waitFor(() => expect(storage.items[key('sensitivity')]).toBe('cautious'));
  });

  it('adds sites normalised, refuses what is not a site with an inline error, and removes them', async () => {
    const { el, storage } = await app();
    const input = byId(el, 'never-scan-input');
    type(input, 'javascript:alert(1)');
    submit(el, 'never-scan');
    await settle();
    const error = el.querySelector('#never-scan-error')!;
    expect(error.textContent).toBe(S.invalidSite);
    expect(error.getAttribute('role')).toBe('alert');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toContain('never-scan-error');
    expect(storage.items[key('neverScan')]).toBeUndefined();

    type(input, 'https://WWW.Example.com/news/today');
    await settle();
    expect(el.querySelector('#never-scan-error')).toBeNull();
    submit(el, 'never-scan');
    await settle();
    expect(storage.items[key('neverScan')]).toEqual(['example.com']);
    expect([...el.querySelectorAll('#never-scan-heading ~ .sites .site-name')].map((s) => s.textContent)).toEqual(['example.com']);
    expect(input.value).toBe('');

    type(input, 'example.com');
    submit(el, 'never-scan');
    await settle();
    expect(el.querySelector('#never-scan-error')!.textContent).toBe(S.duplicateSite('example.com'));

    const remove = el.querySelector<HTMLButtonElement>('#never-scan-heading ~ .sites button.remove')!;
    expect(remove.getAttribute('aria-label')).toBe(S.removeSiteLabel('example.com', S.neverHeading));
    remove.click();
    await settle();
    expect(storage.items[key('neverScan')]).toEqual([]);
    expect(el.querySelector('#never-scan-heading ~ .empty')).not.toBeNull();
  });

  it('follows changes made elsewhere (another window or device)', async () => {
    const { el, storage } = await app();
    await saveSettings(storage.sync, { alwaysWarn: ['tabloid.example'], highlightStyle: 'background' });
    await vi.waitFor(() => expect(byId(el, 'highlight-background').checked).toBe(true));
    expect(el.querySelector('#always-warn-heading ~ .sites')!.textContent).toContain('tabloid.example');
  });
});
