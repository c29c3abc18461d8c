// Unit tests run without chrome.i18n: the UI strings fall back to the English table, as the
// browser falls back to default_locale. Tests that need another language call setMessages().
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFallbackMessages, type MessageTable } from '../../extension/ui/i18n';

export const localeTable = (locale: string): MessageTable => JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'extension', '_locales', locale, 'messages.json'), 'utf8')) as MessageTable;

setFallbackMessages(localeTable('en'));
