// The one manifest source. `manifestFor(browser)` derives the Chrome and Firefox variants; paths
// are source files that @crxjs/vite-plugin replaces with their built names.
//
// Permissions (keep this list short; each entry must say why it is needed):
// - "storage": storage.session keeps each tab's analysis, so a service-worker restart or a popup
//   reopen does not run the model again. Badges (action API), tabs.query (a tab's id only),
//   tabs.sendMessage, tabs.onRemoved and tabs.onUpdated need none. Not "tabs": the worker never
//   needs a tab's address (see extension/background/badge.ts for how it notices a new page).
// - No content_scripts and no host_permissions at install: Unspin reads no page until the user
//   says so. "activeTab" + "scripting": clicking the toolbar button (or the menu entry, or the
//   shortcut) lets the worker put the content script into that one tab, once.
// - optional_host_permissions (http/https pages), requested at runtime when the user turns on
//   "check pages as they load" (settings page, popup, first-run page): the worker then registers
//   the content script for the granted sites (scripting.registerContentScripts). The worker never
//   fetches anything from the web with them.
// - "contextMenus": the "Check with Unspin" entry on selected text (extension/background/selection.ts);
//   the browser hands the worker the selected text itself, so it works without the content script.
//   Firefox accepts the same name (an alias of "menus"). The `check-selection` keyboard command
//   needs no permission: it asks the page's content script for the selection.
import { defineManifest } from '@crxjs/vite-plugin';
import pkg from '../package.json' with { type: 'json' };
import { PAGE_ORIGINS } from './access';

export type TargetBrowser = 'chrome' | 'firefox';

export const FIREFOX_ID = 'unspin@unspin.invalid';
const BACKGROUND = 'extension/background/index.ts';
export const CONTENT_SCRIPT = 'extension/content/index.ts';

/** ONNX Runtime compiles WebAssembly: extension pages (the worker) need 'wasm-unsafe-eval'. */
const CSP = "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'";

function background(browser: TargetBrowser) {
  // Firefox MV3 has event pages (background.scripts), Chrome has service workers.
  return browser === 'firefox' ? { scripts: [BACKGROUND] } : { service_worker: BACKGROUND, type: 'module' as const };
}

function browserSpecific(browser: TargetBrowser) {
  if (browser === 'chrome') return { minimum_chrome_version: '112' };
  return {
    browser_specific_settings: {
      // 140 (desktop) / 142 (Android) are the first versions that read data_collection_permissions.
      gecko: { id: FIREFOX_ID, strict_min_version: '140.0', data_collection_permissions: { required: ['none' as const] } },
      gecko_android: { strict_min_version: '142.0' },
    },
  };
}

export function manifestFor(browser: TargetBrowser) {
  return defineManifest({
    manifest_version: 3,
    // Texts from extension/_locales (English is the default; the browser picks its UI language).
    default_locale: 'en',
    name: '__MSG_ext_name__',
    version: pkg.version,
    description: '__MSG_ext_description__',
    background: background(browser),
    action: { default_title: '__MSG_ext_action_title__', default_popup: 'extension/popup/index.html' },
    // The settings page (extension/options/); a tab of its own in Chrome and Firefox alike.
    options_ui: { page: 'extension/options/index.html', open_in_tab: true },
    permissions: ['storage', 'contextMenus', 'activeTab', 'scripting'],
    optional_host_permissions: [...PAGE_ORIGINS],
    // Alt+Shift+U: unused by Chrome, Edge and Firefox; on macOS Option+Shift+U types a character, so Ctrl+Shift+U.
    commands: { 'check-selection': { suggested_key: { default: 'Alt+Shift+U', mac: 'MacCtrl+Shift+U' }, description: '__MSG_ext_command_check_selection__' } },
    content_security_policy: { extension_pages: CSP },
    ...browserSpecific(browser),
  });
}
