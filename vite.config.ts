// Builds the extension for one browser: `vite build` (Chrome) or `vite build --mode firefox`.
// Output: dist/<browser>/, loadable unpacked. `npm run build` builds both and zips them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { build, defineConfig, type Plugin, type ResolvedConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx } from '@crxjs/vite-plugin';
import { CONTENT_SCRIPT, manifestFor, type TargetBrowser } from './extension/manifest.config';
import { ASSETS, modelAsset } from './extension/background/assets';
import { CONTEXT_FILES } from './model/context';

const require = createRequire(import.meta.url);

/** The model artifacts and the ONNX Runtime binary ship inside the package, at fixed paths. */
function bundledAssets(): Plugin {
  const artifacts = join(import.meta.dirname, 'model', 'artifacts');
  const manifest = JSON.parse(readFileSync(join(artifacts, 'manifest.json'), 'utf8')) as { modelFile: string };
  const plain: Record<string, string> = {
    [ASSETS.modelManifest]: join(artifacts, 'manifest.json'),
  };
  const gzipped: Record<string, string> = {
    [modelAsset(manifest.modelFile)]: join(artifacts, manifest.modelFile),
    [ASSETS.context.sources]: join(artifacts, CONTEXT_FILES.sources),
    [ASSETS.context.claims]: join(artifacts, CONTEXT_FILES.claims),
    [ASSETS.context.rewording]: join(artifacts, CONTEXT_FILES.rewording),
    [ASSETS.ortWasm]: require.resolve('onnxruntime-web/ort-wasm-simd-threaded.wasm'),
  };
  // The UI texts (extension/_locales/<lang>/messages.json) go to the package root, where browsers
  // look; minified (scripts/check-locales.ts checks the sources).
  const localesDir = join(import.meta.dirname, 'extension', '_locales');
  const locales = readdirSync(localesDir).map((lang) => [`_locales/${lang}/messages.json`, join(localesDir, lang, 'messages.json')] as const);
  return {
    name: 'unspin:bundled-assets',
    apply: 'build',
    generateBundle() {
      for (const [fileName, path] of Object.entries(plain)) this.emitFile({ type: 'asset', fileName, source: readFileSync(path) });
      for (const [fileName, path] of locales) this.emitFile({ type: 'asset', fileName, source: JSON.stringify(JSON.parse(readFileSync(path, 'utf8'))) });
      // Node's gzip writes no file name or time into the header: the same input gives the same bytes.
      for (const [fileName, path] of Object.entries(gzipped)) this.emitFile({ type: 'asset', fileName, source: gzipSync(readFileSync(path), { level: 9 }) });
    },
  };
}

/**
 * ONNX Runtime's bundle keeps an `import()` fallback (for a glue file we never use: the glue is
 * inlined) and a `new URL('….wasm', import.meta.url)` default. A service worker whose module graph
 * contains `import()` fails to register, and the URL makes Vite emit a second, hashed copy of the
 * wasm. The worker always passes the binary itself (`env.wasm.wasmBinary`), so neither is reached.
 */
function ortForServiceWorker(): Plugin {
  const dynamicImport = /\bimport\(\s*(?:\/\*[^*]*\*\/\s*)*(\w+)\)/g;
  const defaultWasmUrl = /new URL\("ort-wasm-simd-threaded\.wasm",import\.meta\.url\)/g;
  return {
    name: 'unspin:ort-for-service-worker',
    enforce: 'pre',
    transform(code, id) {
      if (!/onnxruntime-web[\\/]dist[\\/]ort\.wasm\.bundle\.min\.mjs/.test(id)) return null;
      const patched = code
        .replace(dynamicImport, 'Promise.reject(new Error("dynamic import is unavailable in a service worker: "+$1))')
        .replace(defaultWasmUrl, 'new URL("about:invalid")');
      if (patched === code) this.error('onnxruntime-web bundle changed: update ortForServiceWorker() in vite.config.ts');
      return { code: patched, map: null };
    },
  };
}

/** Fails the build if anything the worker loads could stop it from registering. */
function serviceWorkerGuard(): Plugin {
  return {
    name: 'unspin:service-worker-guard',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const entry = Object.values(bundle).find((f) => f.type === 'chunk' && f.facadeModuleId?.endsWith('extension/background/index.ts'));
      if (!entry || entry.type !== 'chunk') return this.error('background entry chunk not found');
      const seen = new Set<string>();
      const visit = (fileName: string): void => {
        if (seen.has(fileName)) return;
        seen.add(fileName);
        const chunk = bundle[fileName];
        if (chunk?.type !== 'chunk') return;
        if (chunk.dynamicImports.length > 0 || /\bimport\s*\(/.test(chunk.code)) this.error(`${fileName}: import() in the service worker's module graph`);
        chunk.imports.forEach(visit);
      };
      visit(entry.fileName);
    },
  };
}

/**
 * The content script as one self-contained classic script at ASSETS.contentScript. No manifest
 * key names it (the worker registers or injects it: background/access.ts), so crxjs would not
 * build it, and crxjs's dynamic `?script` import would list it in web_accessible_resources, where
 * any page could probe for it. A second Vite build in IIFE format, emitted into this bundle.
 */
function contentScriptBundle(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'unspin:content-script',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    async generateBundle() {
      const result = await build({
        configFile: false,
        logLevel: 'warn',
        root: config.root,
        mode: config.mode,
        build: {
          write: false,
          emptyOutDir: false,
          lib: { entry: join(config.root, CONTENT_SCRIPT), formats: ['iife'], name: 'unspinContentScript', fileName: () => ASSETS.contentScript },
          rollupOptions: { output: { entryFileNames: ASSETS.contentScript, inlineDynamicImports: true } },
          minify: config.build.minify,
          sourcemap: false,
          target: config.build.target,
        },
      });
      const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => ('output' in r ? r.output : []));
      const entry = outputs.find((output) => output.type === 'chunk' && output.isEntry);
      if (!entry || entry.type !== 'chunk') return this.error('content script: no entry chunk');
      if (outputs.length > 1) return this.error(`content script: expected one file, got ${outputs.map((o) => o.fileName).join(', ')}`);
      this.emitFile({ type: 'asset', fileName: ASSETS.contentScript, source: entry.code });
    },
  };
}

/** Extension pages no manifest key names (the popup and options pages come through the manifest). */
const EXTRA_PAGES: string[] = ['extension/workshop/index.html', 'extension/history/index.html'];

export default defineConfig(({ mode }) => {
  const browser: TargetBrowser = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    plugins: [
      preact(),
      ortForServiceWorker(),
      crx({ manifest: manifestFor(browser), browser }),
      contentScriptBundle(),
      bundledAssets(),
      serviceWorkerGuard(),
    ],
    build: {
      rollupOptions: { input: Object.fromEntries(EXTRA_PAGES.map((page) => [page.replace(/\/index\.html$/, '').replace(/\W+/g, '-'), page])) },
      // UNSPIN_OUT_DIR: see test/e2e/build.ts.
      outDir: `${process.env.UNSPIN_OUT_DIR ?? 'dist'}/${browser}`,
      emptyOutDir: true,
      target: ['chrome112', 'firefox140'],
      sourcemap: false,
      // The worker's one chunk carries ONNX Runtime's JS and the language detector's tables.
      chunkSizeWarningLimit: 1500,
    },
  };
});
