// model/language.ts: which pages get scored. Supported languages must be recognised, others
// refused, and too-short text must never be refused.
import { describe, expect, it } from 'vitest';
import { detectLanguage, isSupportedLanguage } from '../../model/language';
import { SUPPORTED_LANGUAGES } from '../../model/labels';

const SUPPORTED_SAMPLES: Record<string, string> = {
  en: 'The city council approved the annual budget on Tuesday evening after a long meeting with residents.',
  fr: 'Le conseil municipal a approuvé le budget annuel mardi soir après une longue réunion avec les habitants.',
  de: 'Der Stadtrat hat am Dienstagabend nach einer langen Sitzung mit den Bürgern den Jahreshaushalt beschlossen.',
  ru: 'Городской совет утвердил годовой бюджет во вторник вечером после долгого заседания с жителями.',
  es: 'El ayuntamiento aprobó el presupuesto anual el martes por la noche tras una larga reunión con los vecinos.',
  it: 'Il consiglio comunale ha approvato il bilancio annuale martedì sera dopo una lunga riunione con i cittadini.',
  pl: 'Rada miejska zatwierdziła roczny budżet we wtorek wieczorem po długim spotkaniu z mieszkańcami.',
};

const UNSUPPORTED_SAMPLES: Record<string, string> = {
  zh: '市议会在周二晚上与居民举行了长时间的会议后批准了年度预算。这项预算将用于道路维护和公共图书馆。',
  ar: 'وافق مجلس المدينة على الميزانية السنوية مساء الثلاثاء بعد اجتماع طويل مع السكان.',
  ja: '市議会は火曜日の夜、住民との長い会議の後で年間予算を承認しました。予算は道路の維持と図書館に使われます。',
};

describe('detectLanguage', () => {
  it('covers every supported language with a sample', () => {
    expect(Object.keys(SUPPORTED_SAMPLES).sort()).toEqual([...SUPPORTED_LANGUAGES].sort());
  });

  it.each(Object.entries(SUPPORTED_SAMPLES))('detects %s and marks it supported', (code, text) => {
    expect(detectLanguage(text)).toEqual({ code, reliable: true, supported: true });
  });

  it.each(Object.entries(UNSUPPORTED_SAMPLES))('detects %s as unsupported', (code, text) => {
    const guess = detectLanguage(text);
    expect(guess.supported).toBe(false);
    expect(guess.reliable).toBe(true);
    expect(guess.code).toBe(code);
    expect(isSupportedLanguage(guess.code)).toBe(false);
  });

  it.each(['', ' ', '\n\t', 'Hi', 'ok', '42', '!!!', '😀', 'x'])('calls very short or empty text %j undetermined and still scores it', (text) => {
    expect(detectLanguage(text)).toEqual({ code: 'und', reliable: false, supported: true });
  });

  it('judges a long page by samples spread across it (an English page with a Chinese preamble is English)', () => {
    const chinese = UNSUPPORTED_SAMPLES.zh;
    expect(detectLanguage(`${chinese}\n${SUPPORTED_SAMPLES.en.repeat(300)}`).code).toBe('en');
    expect(detectLanguage(`Home News Sport Login\n${chinese.repeat(5)}`).code).toBe('zh');
  });

  // Known limitation (reported): ELD scores whitespace-separated n-grams, so one English sentence
  // outweighs ~9,000 characters of unspaced Chinese and the whole page is scored as English.
  // Flip to `it` once detection weighs scripts by length.
  it.fails('calls a Chinese page with one English sentence in front Chinese', () => {
    const page = `${SUPPORTED_SAMPLES.en}\n${UNSUPPORTED_SAMPLES.zh.repeat(200)}`;
    expect(detectLanguage(page).code).toBe('zh');
  });

  it('detects a 5 MB string quickly', () => {
    const text = SUPPORTED_SAMPLES.de.repeat(Math.ceil(5_000_000 / SUPPORTED_SAMPLES.de.length));
    const started = performance.now();
    const guess = detectLanguage(text);
    const elapsed = performance.now() - started;
    console.log(`detectLanguage on ${(text.length / 1e6).toFixed(1)} M chars: ${elapsed.toFixed(1)} ms`);
    expect(guess.code).toBe('de');
    expect(elapsed).toBeLessThan(2_000);
  });

  it('does not throw on lone surrogates or control characters', () => {
    for (const text of ['\ud800', 'abc\udc00def', '\u0000\u0001\u001f', '\u200b'.repeat(5000), `${'\ud83d'.repeat(4000)} text`]) {
      const guess = detectLanguage(text);
      expect(typeof guess.code).toBe('string');
      expect(guess.supported).toBe(isSupportedLanguage(guess.code) || guess.code === 'und');
    }
  });
});

describe('isSupportedLanguage', () => {
  it('accepts exactly the training languages', () => {
    for (const code of SUPPORTED_LANGUAGES) expect(isSupportedLanguage(code)).toBe(true);
    for (const code of ['zh', 'ar', 'ja', 'und', '', 'EN', 'english']) expect(isSupportedLanguage(code)).toBe(false);
  });
});
