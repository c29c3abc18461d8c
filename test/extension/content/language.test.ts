// extension/content/language.ts: the in-page cards take the table of the language chosen in the
// settings from the worker, and go back to the browser's language on "auto".
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ContentMessage } from '../../../extension/messages';
import { applyContentLanguage } from '../../../extension/content/language';
import { setMessages, t, type MessageTable } from '../../../extension/ui/i18n';

vi.mock('webextension-polyfill', () => ({ default: { storage: { sync: { get: vi.fn(async () => ({})) }, onChanged: { addListener: vi.fn(), removeListener: vi.fn() } } } }));

const french = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'extension', '_locales', 'fr', 'messages.json'), 'utf8')) as MessageTable;

afterEach(() => setMessages(null));

describe('applyContentLanguage', () => {
  it('asks the worker for the chosen locale and uses its table', async () => {
    const send = vi.fn(async () => ({ ok: true, value: french }));
    await applyContentLanguage('fr', send);
    expect(send).toHaveBeenCalledWith({ type: ContentMessage.GetMessages, locale: 'fr' });
    expect(t('locale_code')).toBe('fr');
  });

  it('follows the browser on "auto" or a value it does not know, without asking', async () => {
    const send = vi.fn(async () => ({ ok: true, value: french }));
    await applyContentLanguage('fr', send);
    await applyContentLanguage('auto', send);
    expect(t('locale_code')).toBe('en');
    await applyContentLanguage('klingon', send);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('keeps the current language when the worker cannot answer', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await applyContentLanguage('de', vi.fn(async () => { throw new Error('no worker'); }));
    await applyContentLanguage('de', vi.fn(async () => ({ ok: false, error: 'locale: not served' })));
    await applyContentLanguage('de', vi.fn(async () => ({ ok: true, value: ['not', 'a', 'table'] })));
    expect(t('locale_code')).toBe('en');
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });
});
