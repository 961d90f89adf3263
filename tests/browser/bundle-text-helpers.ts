/**
 * Bundles the DOM side of the engine (lib/dom flatten, dom-map, main-content, page-sample and
 * lib/detect) into one IIFE exposing `window.PlanLensText`, to be evaluated in a page with
 * `page.addScriptTag({ content })`. Used by the text-model browser test and benchmark, which
 * exercise these helpers in Chromium without the extension.
 *
 * @module
 */
import { build } from 'esbuild';
import { ROOT } from './harness';

const MODULES = [
  './lib/dom/flatten',
  './lib/dom/dom-map',
  './lib/dom/main-content',
  './lib/dom/page-sample',
  './lib/detect/detect',
];

/** The helpers as IIFE source text. */
export async function bundleTextHelpers(): Promise<string> {
  const result = await build({
    stdin: {
      contents: MODULES.map((m) => `export * from '${m}';`).join('\n'),
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'PlanLensText',
    target: 'es2022',
  });
  return result.outputFiles[0]!.text;
}
