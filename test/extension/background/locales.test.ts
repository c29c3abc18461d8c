// extension/background/locales.ts: the worker reads a locale's table once and retries a failed read.
import { describe, expect, it, vi } from 'vitest';
import { localeLoader } from '../../../extension/background/locales';

const response = (body: unknown, ok = true) => ({ ok, status: ok ? 200 : 404, json: async () => body }) as Response;

describe('localeLoader', () => {
  it('reads the package file of the locale once and serves it from memory after', async () => {
    const load = vi.fn(async (url: string | URL | Request) => response({ locale_code: { message: String(url).includes('/fr/') ? 'fr' : '?' } }));
    const tableOf = localeLoader((path) => `chrome-extension://id/${path}`, load as typeof fetch);
    expect(await tableOf('fr')).toEqual({ locale_code: { message: 'fr' } });
    await tableOf('fr');
    expect(load).toHaveBeenCalledTimes(1);
    expect(load).toHaveBeenCalledWith('chrome-extension://id/_locales/fr/messages.json');
  });

  it('reports a missing file and tries again next time', async () => {
    const load = vi.fn<typeof fetch>().mockResolvedValueOnce(response(null, false)).mockResolvedValueOnce(response({ locale_code: { message: 'de' } }));
    const tableOf = localeLoader((path) => path, load);
    await expect(tableOf('de')).rejects.toThrow('_locales/de: HTTP 404');
    expect(await tableOf('de')).toEqual({ locale_code: { message: 'de' } });
  });
});
