// The UI strings' runtime (extension/ui/i18n.ts): lookup order, substitutions, plurals, the
// language override, guidance through i18n, and every surface rendered with the French table.
// @vitest-environment happy-dom
import { h, render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { GUIDANCE } from '../../../model/guidance';
import { formatEntry, guidanceKey, lookup, plural, setFallbackMessages, setMessages, t, uiLanguage } from '../../../extension/ui/i18n';
import { CATEGORY_NAMES, describeLabel } from '../../../extension/ui/labels';
import { STRINGS, summaryOf } from '../../../extension/ui/strings';
import { OPTIONS_STRINGS } from '../../../extension/options/strings';
import { HS } from '../../../extension/history/strings';
import { WS } from '../../../extension/workshop/strings';
import { SELECTION_STRINGS } from '../../../extension/ui/selection';
import { renderCard, cardContent } from '../../../extension/content/card';
import { Options } from '../../../extension/options/components/Options';
import { Popup } from '../../../extension/popup/components/Popup';
import { MOCK_STATES } from '../../../extension/popup/mock';
import { DEFAULT_SETTINGS } from '../../../extension/settings';
import { localeTable } from '../../setup/i18n';

const FR = localeTable('fr');
const EN = localeTable('en');

afterEach(() => {
  setMessages(null);
  setFallbackMessages(EN);
  delete (globalThis as { chrome?: unknown }).chrome;
});

describe('t()', () => {
  it('formats placeholders, numbered substitutions and $$ as chrome.i18n does', () => {
    expect(formatEntry({ message: '$COUNT$ of $TOTAL$ cost $$5', placeholders: { count: { content: '$1' }, total: { content: '$2' } } }, ['3', '8'])).toBe('3 of 8 cost $5');
    expect(formatEntry({ message: 'a $1 b $2' }, ['x'])).toBe('a x b ');
    expect(t('popup_confidence', [87])).toBe('87% confidence');
    expect(t('claim_fact_check_by', ['PolitiFact'])).toBe('Read the fact-check by PolitiFact');
  });

  it('looks in the chosen table, then the browser, then the fallback, then gives the key', () => {
    (globalThis as { chrome?: unknown }).chrome = { i18n: { getMessage: (key: string) => (key === 'popup_scanning' ? 'from the browser' : '') } };
    expect(t('popup_scanning')).toBe('from the browser');
    expect(t('popup_idle_title')).toBe('Not scanned yet');
    setMessages({ popup_scanning: { message: 'from the chosen table' } });
    expect(t('popup_scanning')).toBe('from the chosen table');
    expect(t('no_such_key')).toBe('no_such_key');
    expect(lookup('no_such_key')).toBe('');
  });

  it('keys are case-insensitive, as in Chrome', () => {
    expect(t('POPUP_IDLE_TITLE')).toBe('Not scanned yet');
  });

  it('picks plural forms by the UI language (locale_code), with "other" as the fallback', () => {
    expect(plural('popup_flagged_heading', 1)).toBe('1 flagged passage');
    expect(plural('popup_flagged_heading', 4)).toBe('4 flagged passages');
    setMessages(FR);
    expect(uiLanguage()).toBe('fr');
    expect(plural('popup_flagged_heading', 1)).toBe('1 passage signalé');
    expect(plural('popup_flagged_heading', 4)).toBe('4 passages signalés');
    setMessages({ ...FR, locale_code: { message: 'pl' }, x_one: { message: '$1 one' }, x_few: { message: '$1 few' }, x_many: { message: '$1 many' }, x_other: { message: '$1 other' } });
    expect([1, 3, 5, 22, 1.5].map((n) => plural('x', n))).toEqual(['1 one', '3 few', '5 many', '22 few', '1.5 other']);
  });

  it('maps every label to a distinct message key ("Loaded_Language" and "loaded_language" too)', () => {
    const keys = Object.keys(GUIDANCE).map((label) => guidanceKey(label, 'name', label !== label.toLowerCase()));
    expect(guidanceKey('Loaded_Language', 'name', true)).toBe('guidance_technique_loaded_language_name');
    expect(guidanceKey('loaded_language', 'name', false)).toBe('guidance_loaded_language_name');
    expect(new Set(keys.map((k) => k.toLowerCase())).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(/^[a-z0-9_]+$/);
  });
});

describe('guidance through i18n', () => {
  it('is model/guidance.ts in English, translated with the French table, English when a key is missing', () => {
    expect(describeLabel('Loaded_Language')).toEqual(GUIDANCE.Loaded_Language);
    setMessages(FR);
    expect(describeLabel('Loaded_Language').name).toBe('Langage chargé');
    expect(describeLabel('False_Dilemma-No_Choice').name).toBe('Faux dilemme');
    setFallbackMessages(null);
    setMessages({ locale_code: { message: 'fr' } });
    expect(describeLabel('Whataboutism')).toEqual(GUIDANCE.Whataboutism);
    expect(describeLabel('toString' as never)).toBeUndefined();
  });
});

describe('every surface with the French table', () => {
  it('string modules', () => {
    setMessages(FR);
    expect(STRINGS.flaggedHeading(3)).toBe('3 passages signalés');
    expect(STRINGS.level.high).toBe('Élevé');
    expect(summaryOf('high', 3, 8, true)).toBe('Signes forts de manipulation\u00a0: 3 phrases sur 8 emploient des techniques de persuasion ou des formulations chargées. Le titre ressemble à un piège à clics.');
    expect(CATEGORY_NAMES.loaded_language).toBe('Langage chargé');
    expect(OPTIONS_STRINGS.sensitivityMeaning('cautious')).toBe('Parmi les phrases qu’il signale comme langage chargé, environ 9 sur 10 le sont vraiment\u00a0; il en repère environ 2 sur 10 (mesuré sur un jeu de test d’actualités).');
    expect(HS.count(2, 5)).toBe('2 sur 5 pages');
    expect(WS.sessionScore(7, 9, 1)).toBe('Cette séance\u00a0: 7 sur 9 en 1 manche');
    expect(SELECTION_STRINGS.more(2)).toBe('2 autres constats dans la fenêtre d’Unspin.');
  });

  it('the card', () => {
    setMessages(FR);
    const finding = { id: 's0-10', label: 'Loaded_Language', labels: [], score: 0.8, severity: 0.8, sentence: { start: 0, end: 10, text: 'They slammed it.' }, evidence: [{ text: 'slammed', weight: 1 }], isHeadline: false };
    const card = renderCard(document, cardContent({ finding, band: 'high' } as never), 'high', () => undefined);
    expect(card.getAttribute('aria-label')).toBe('Unspin\u00a0: Langage chargé');
    expect(card.textContent).toContain('Signal fort');
    expect(card.textContent).toContain('Pourquoi c’est important\u00a0:');
    expect(card.textContent).toContain('«\u00a0slammed\u00a0»');
    expect(card.querySelector('button')!.getAttribute('aria-label')).toBe('Fermer');
    // Keyboard users see where focus is, though inline styles can't say :focus-visible.
    const close = card.querySelector('button')!;
    close.dispatchEvent(new FocusEvent('focus'));
    expect(close.style.getPropertyValue('outline')).toMatch(/2px/);
    close.dispatchEvent(new FocusEvent('blur'));
    expect(close.style.getPropertyValue('outline')).not.toMatch(/2px/);
  });

  it('the popup and the settings page', () => {
    setMessages(FR);
    const root = document.createElement('div');
    render(h(Popup, { state: MOCK_STATES.done! }), root);
    expect(root.textContent).toContain('passages signalés');
    expect(root.textContent).toContain('Analysé sur votre appareil.');
    render(h(Options, { settings: { ...DEFAULT_SETTINGS }, status: { kind: 'saved' }, onChange: () => undefined }), root);
    expect(root.querySelector('h1')!.textContent).toBe('Paramètres d’Unspin');
    expect(root.textContent).toContain('Comme mon navigateur');
    expect(root.textContent).toContain('Enregistré');
  });
});

describe.each(['fr', 'de', 'pl', 'uk', 'es'])('%s', (locale) => {
  it('renders the popup, the settings page and the card with no English left and no missing key', () => {
    const table = localeTable(locale);
    setMessages(table);
    setFallbackMessages(null);
    expect(uiLanguage()).toBe(locale);
    const root = document.createElement('div');
    render(h(Popup, { state: MOCK_STATES.done! }), root);
    const popup = root.textContent!;
    render(h(Options, { settings: { ...DEFAULT_SETTINGS }, status: { kind: 'saved' }, onChange: () => undefined }), root);
    const options = root.textContent!;
    const finding = { id: 's0-10', label: 'Appeal_to_Fear-Prejudice', labels: [], score: 0.8, severity: 0.3, sentence: { start: 0, end: 10, text: 'Beware.' }, evidence: [], isHeadline: false };
    const card = renderCard(document, cardContent({ finding, band: 'medium' } as never), 'medium', () => undefined).textContent!;
    for (const text of [popup, options, card]) {
      expect(text).not.toMatch(/\b[a-z]+(?:_[a-z0-9]+)+\b/); // a message key shown instead of its text
      for (const english of ['Why it matters', 'Ask yourself', 'flagged passages', 'Analysed on your device', 'Sensitivity', 'Same as my browser']) expect(text).not.toContain(english);
    }
    expect(popup).toContain(table.popup_privacy!.message);
    expect(options).toContain(table.options_title!.message);
    expect(card).toContain(table.guidance_technique_appeal_to_fear_prejudice_name!.message);
  });
});

