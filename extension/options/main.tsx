// Settings page entry (options_ui): see app.tsx.
import { render } from 'preact';
import browser from 'webextension-polyfill';
import type { SettingsStorage } from '../settings';
import { OptionsApp } from './app';
import { applyPageLanguage } from '../ui/page-language';

import { useSiteAccess } from '../ui/site-access';

function LiveOptions() {
  return <OptionsApp storage={browser.storage as unknown as SettingsStorage} access={useSiteAccess()} />;
}

void applyPageLanguage('options_title').then(() => {
  render(<LiveOptions />, document.getElementById('app')!);
  // Opened at #site-access on first install: the page is rendered after the browser's own jump.
  if (location.hash) requestAnimationFrame(() => document.getElementById(location.hash.slice(1))?.scrollIntoView());
});
