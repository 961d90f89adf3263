/**
 * The one way reader features put UI into a page: a plain `<div>` marked `data-planlens-ui="<name>"`
 * (so text models, the page watcher and the converter skip it) holding a CLOSED shadow root, so page
 * scripts cannot read what the UI shows through `host.shadowRoot`; the feature keeps the only
 * reference.
 *
 * Why a `div` and not a tag of our own: a page can define any custom element name first, and the
 * element we create is then upgraded to the PAGE's class, whose constructor can call
 * `attachInternals()` and so hold our "closed" root (`internals.shadowRoot`). A standard element
 * created without `is=` is never upgraded (a customized built-in needs `is=`), so no page code runs
 * on our host. Everything else is the isolated world's: our `createElement`, `attachShadow` and
 * prototypes are not the page's, so overriding them in the page changes nothing for us.
 * Styles are a static string inside the root: nothing reaches the page.
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
  /**
   * A fixed, click-through layer under {@link layer} that multiplies its colours with the page
   * (marks drawn there tint the text under them like a highlighter). Only with `underlay: true`.
   */
  underlay: HTMLElement | null;
  /** Removes the host from the page. Safe to call twice. */
  destroy(): void;
}

/** Options for {@link createUiHost}. */
export interface UiHostOptions {
  /** Value of the host's `data-planlens-ui` (`notes`, `card`): tests and users find the host by it. */
  name: string;
  /** Static CSS for the shadow root (never page-derived). */
  css: string;
  /** Stops key events typed in the UI from reaching the page's own shortcuts. */
  isolateKeys?: boolean;
  /** Adds {@link UiHost.underlay}. */
  underlay?: boolean;
}

/**
 * Shared base: the host ignores page styles (`!important` inside the root beats the page's own
 * `!important`, so `div { display: none !important }` cannot hide it); the layer is fixed and lets
 * clicks through.
 */
const BASE_CSS = `:host { all: initial !important; }
.layer { position: fixed; inset: 0; pointer-events: none; z-index: 2147483647; }
.underlay { position: fixed; inset: 0; pointer-events: none; z-index: 2147483646; mix-blend-mode: multiply; }
`;

/** Appends a host with a closed shadow root to `<html>` and returns it (see the module comment). */
export function createUiHost({ name, css, isolateKeys = false, underlay = false }: UiHostOptions): UiHost {
  const host = document.createElement('div');
  host.setAttribute(PLANLENS_UI_ATTR, name);
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = BASE_CSS + css;
  const layer = document.createElement('div');
  layer.className = 'layer';
  const under = underlay ? document.createElement('div') : null;
  if (under) under.className = 'underlay';
  shadow.append(style, ...(under ? [under] : []), layer);
  if (isolateKeys) {
    for (const type of ['keydown', 'keyup', 'keypress'] as const) {
      layer.addEventListener(type, (event) => event.stopPropagation());
    }
  }
  document.documentElement.append(host);
  return { host, layer, underlay: under, destroy: () => host.remove() };
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
