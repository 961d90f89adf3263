/**
 * The one way reader features put UI into a page: a custom element marked `data-planlens-ui`
 * (so text models, the page watcher and the converter skip it) holding a CLOSED shadow root, so page
 * scripts cannot read what the UI shows through `host.shadowRoot`; the feature keeps the only
 * reference. Content scripts run in an isolated world, so the page cannot patch our
 * `attachShadow` either. Styles are a static string inside the root: nothing reaches the page.
 *
 * Hosts are made on first use by the feature (pages nobody interacts with get no UI element).
 *
 * @module
 */
import { PLANLENS_UI_ATTR } from './markers';

/** A mounted UI host. */
export interface UiHost {
  /** The element in the page (light DOM); events from inside are retargeted to it. */
  host: HTMLElement;
  /** A fixed, click-through layer covering the viewport; boxes inside set `pointer-events: auto`. */
  layer: HTMLElement;
  /** Removes the host from the page. Safe to call twice. */
  destroy(): void;
}

/** Options for {@link createUiHost}. */
export interface UiHostOptions {
  /** Custom element name of the host (`planlens-notes`, `planlens-card`): tests and users can find it by name. */
  tagName: `planlens-${string}`;
  /** Static CSS for the shadow root (never page-derived). */
  css: string;
  /** Stops key events typed in the UI from reaching the page's own shortcuts. */
  isolateKeys?: boolean;
}

/** Shared base: the host ignores page styles; the layer is fixed and lets clicks through. */
const BASE_CSS = `:host { all: initial; }
.layer { position: fixed; inset: 0; pointer-events: none; z-index: 2147483647; }
`;

/** Appends a host with a closed shadow root to `<html>` and returns it (see the module comment). */
export function createUiHost({ tagName, css, isolateKeys = false }: UiHostOptions): UiHost {
  const host = document.createElement(tagName);
  host.setAttribute(PLANLENS_UI_ATTR, '');
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = BASE_CSS + css;
  const layer = document.createElement('div');
  layer.className = 'layer';
  shadow.append(style, layer);
  if (isolateKeys) {
    for (const type of ['keydown', 'keyup', 'keypress'] as const) {
      layer.addEventListener(type, (event) => event.stopPropagation());
    }
  }
  document.documentElement.append(host);
  return { host, layer, destroy: () => host.remove() };
}

type Child = Node | string | null | undefined | false;

/**
 * `document.createElement(tag)` with attributes and children; strings become text nodes (never
 * parsed as HTML), falsy children are skipped.
 */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const child of children) if (child) node.append(child);
  return node;
}
