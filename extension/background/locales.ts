// The package's _locales tables, for content scripts that show a UI language other than the
// browser's (the in-page cards): read once per worker life from the worker's own origin.
import type { Locale, MessageTable } from '../ui/i18n';

export function localeLoader(urlOf: (path: string) => string, load: typeof fetch = fetch): (locale: Locale) => Promise<MessageTable> {
  const tables = new Map<Locale, Promise<MessageTable>>();
  return (locale) => {
    let table = tables.get(locale);
    if (!table) {
      table = load(urlOf(`_locales/${locale}/messages.json`)).then(async (response) => {
        if (!response.ok) throw new Error(`_locales/${locale}: HTTP ${response.status}`);
        return (await response.json()) as MessageTable;
      });
      // A failed read is retried next time rather than cached.
      table.catch(() => tables.delete(locale));
      tables.set(locale, table);
    }
    return table;
  };
}
