// Security lint for everything that runs in the browser or analyses page text: no HTML built from
// strings (Mozilla's no-unsanitized, the rules addons.mozilla.org reviews with), no eval in any
// form. `npm run lint`; test/lint.test.ts runs it in `npm test`.
import babelParser from '@babel/eslint-parser';
import noUnsanitized from 'eslint-plugin-no-unsanitized';
import globals from 'globals';

export default [
  { ignores: ['dist/**', 'dist-*/**', 'node_modules/**', 'coverage/**'] },
  {
    files: ['extension/**/*.{ts,tsx}', 'model/**/*.ts'],
    languageOptions: {
      // Browser and worker globals, so that no-implied-eval knows setTimeout and friends.
      globals: { ...globals.browser, ...globals.serviceworker },
      // Babel strips the types; no type information is needed for these rules.
      parser: babelParser,
      parserOptions: {
        requireConfigFile: false,
        babelOptions: { babelrc: false, configFile: false, presets: [['@babel/preset-typescript', { isTSX: true, allExtensions: true, jsxPragma: 'h' }]], plugins: [] },
        ecmaFeatures: { jsx: true },
      },
    },
    plugins: { 'no-unsanitized': noUnsanitized },
    rules: {
      'no-unsanitized/method': 'error',
      'no-unsanitized/property': 'error',
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-script-url': 'error',
      'no-restricted-properties': ['error', { object: 'document', property: 'write', message: 'Never write markup into a page.' }, { object: 'document', property: 'writeln', message: 'Never write markup into a page.' }],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'No HTML from strings: render text nodes.' },
        { selector: "CallExpression[callee.property.name='createContextualFragment']", message: 'No HTML from strings: build nodes.' },
        { selector: "NewExpression[callee.name='DOMParser']", message: 'No HTML parsing of strings in the extension (Readability works on a cloned document).' },
      ],
    },
  },
];
