// Settings page entry (options_ui): see app.tsx.
import { render } from 'preact';
import browser from 'webextension-polyfill';
import type { SettingsStorage } from '../settings';
import { OptionsApp } from './app';
import { applyPageLanguage } from '../ui/page-language';

void applyPageLanguage('options_title').then(() => render(<OptionsApp storage={browser.storage as unknown as SettingsStorage} />, document.getElementById('app')!));
