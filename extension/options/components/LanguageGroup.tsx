// The interface language: 'auto' follows the browser; a chosen one applies to Unspin's own pages (ui/page-language.ts).
import { UI_LANGUAGES, type UiLanguage } from '../../settings';
import { languageName, OPTIONS_STRINGS as S } from '../strings';
import { Group } from './Choice';

export function LanguageGroup({ value, onChange }: { value: UiLanguage; onChange: (value: UiLanguage) => void }) {
  return (
    <Group id="language" heading={S.languageHeading} hint={S.languageHint}>
      <select id="language-select" aria-labelledby="language-heading" aria-describedby="language-hint" value={value} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value as UiLanguage)}>
        {UI_LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code === 'auto' ? undefined : code}>
            {code === 'auto' ? S.languageAuto : languageName(code)}
          </option>
        ))}
      </select>
    </Group>
  );
}
