// Every user-facing string goes through here. The texts live in extension/_locales/<lang>/messages.json
// (Chrome's format, shipped at the package root; scripts/check-locales.ts keeps the locales in step).
//
// Lookup order for t(key):
//   1. the table of the language chosen in the settings (`uiLanguage`), when an extension page
//      loaded one (extension/ui/page-language.ts; content scripts never do: see README, "Languages");
//   2. the browser's own i18n (chrome.i18n / browser.i18n.getMessage): the browser's UI language,
//      with the browser falling back to default_locale (English) for a missing key;
//   3. a fallback table (the tests install the English one: test/setup/i18n.ts);
//   4. the key itself, so a missing text shows up as a key and never as an empty string.
// Pure: no DOM, no extension API import (the browser's i18n is read from globalThis).

export const LOCALES = ['en', 'fr', 'de', 'pl', 'uk', 'es'] as const;
export type Locale = (typeof LOCALES)[number];

export interface MessageEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
export type MessageTable = Record<string, MessageEntry>;

/** Plural messages have one key per CLDR category: `<base>_one`, `_few`, `_many`, `_other` (every locale has all four). */
export const PLURAL_FORMS = ['one', 'few', 'many', 'other'] as const;

type GetMessage = (key: string, substitutions?: string | string[]) => string;

let chosen: MessageTable | null = null;
let fallback: MessageTable | null = null;

/** The table of the language chosen in the settings (null: follow the browser). */
export function setMessages(table: MessageTable | null): void {
  chosen = table ? normalise(table) : null;
}

/** The last resort before the key (tests: the English table). */
export function setFallbackMessages(table: MessageTable | null): void {
  fallback = table ? normalise(table) : null;
}

/** Chrome's message keys are case-insensitive. */
function normalise(table: MessageTable): MessageTable {
  const out: MessageTable = {};
  for (const [key, entry] of Object.entries(table)) if (entry && typeof entry.message === 'string') out[key.toLowerCase()] = entry;
  return out;
}

function nativeGetMessage(): GetMessage | null {
  const scope = globalThis as { browser?: { i18n?: { getMessage?: GetMessage } }; chrome?: { i18n?: { getMessage?: GetMessage } } };
  const i18n = scope.browser?.i18n ?? scope.chrome?.i18n;
  return typeof i18n?.getMessage === 'function' ? i18n.getMessage.bind(i18n) : null;
}

/** Formats a table entry the way chrome.i18n does: $name$ placeholders, then $1…$9, then $$. */
export function formatEntry(entry: MessageEntry, substitutions: readonly string[] = []): string {
  const placeholders = Object.fromEntries(Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]));
  const numbered = (text: string) => text.replace(/\$(\$|[1-9])/g, (_, d: string) => (d === '$' ? '$' : (substitutions[Number(d) - 1] ?? '')));
  return entry.message.replace(/\$([A-Za-z0-9_@]+)\$|\$\$|\$[1-9]/g, (match: string, name?: string) => {
    if (name !== undefined) {
      const content = placeholders[name.toLowerCase()];
      return content === undefined ? match : numbered(content);
    }
    return numbered(match);
  });
}

function fromTable(table: MessageTable | null, key: string, substitutions: readonly string[]): string | undefined {
  const entry = table?.[key.toLowerCase()];
  return entry ? formatEntry(entry, substitutions) : undefined;
}

/** The message `key` with its substitutions, or '' when no table has it. */
export function lookup(key: string, substitutions: readonly (string | number)[] = []): string {
  const own = fromTable(chosen, key, substitutions.map(String));
  return own ?? browserLookup(key, substitutions);
}

/** `key` in the browser's language, ignoring the chosen table: the language content scripts and the worker speak. */
export function browserLookup(key: string, substitutions: readonly (string | number)[] = []): string {
  const subs = substitutions.map(String);
  const native = nativeGetMessage();
  if (native) {
    try {
      const text = native(key, subs);
      if (text) return text;
    } catch {
      // Firefox throws on some malformed keys: fall through.
    }
  }
  return fromTable(fallback, key, subs) ?? '';
}

/** The UI text of `key` (see the lookup order above). */
export function t(key: string, substitutions: readonly (string | number)[] = []): string {
  return lookup(key, substitutions) || key;
}

/** The language of the texts in use ("fr"), from the `locale_code` message every locale has. */
export function uiLanguage(): Locale {
  const code = lookup('locale_code');
  return (LOCALES as readonly string[]).includes(code) ? (code as Locale) : 'en';
}

/** A plural message: `<base>_<category>` for `count` in the UI language, `<base>_other` when that form is missing. */
export function plural(base: string, count: number, substitutions: readonly (string | number)[] = [count]): string {
  let category = 'other';
  try {
    category = new Intl.PluralRules(uiLanguage()).select(count);
  } catch {
    // keep "other"
  }
  return lookup(`${base}_${category}`, substitutions) || t(`${base}_other`, substitutions);
}

/** A message key for a label's guidance field: labels hold '-' and mixed case, keys are [a-z0-9_] (and case-insensitive). */
export function guidanceKey(label: string, field: string, technique: boolean): string {
  return `guidance_${technique ? 'technique_' : ''}${label.toLowerCase().replace(/[^a-z0-9]+/g, '_')}_${field}`;
}
