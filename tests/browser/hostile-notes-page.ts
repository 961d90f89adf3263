/**
 * The page script of the note-secrecy tests, shared by Chromium (hostile-notes.test.ts) and
 * Firefox (tests/firefox/hostile-notes.test.ts).
 *
 * @module
 */

/**
 * Runs first in the page's own world, before any content script: claims our old host tag names as
 * its custom elements (holding their `ElementInternals`), a customized built-in `div`, overrides
 * `attachShadow` (forcing open roots), `attachInternals` and `CSS.highlights.set`, and records every
 * node added and every key and input event. Then
 * `__readAll()` collects every text, attribute and form value it can reach through any of them.
 */
export const HOSTILE_SCRIPT = `<script>
(() => {
  const got = { internals: [], roots: [], nodes: [] };
  window.__got = got;
  got.typed = [];
  for (const type of ['keydown', 'keyup', 'keypress', 'beforeinput', 'input', 'compositionend', 'textInput']) {
    window.addEventListener(type, (e) => got.typed.push(e.data ?? e.key ?? ''), true);
    document.addEventListener(type, (e) => got.typed.push(e.data ?? e.key ?? ''), true);
  }
  const grab = (el) => { try { got.internals.push(el.attachInternals()); } catch (e) {} };
  for (const name of ['planlens-notes', 'planlens-card', 'planlens-ui']) {
    customElements.define(name, class extends HTMLElement { constructor() { super(); grab(this); } });
  }
  customElements.define('planlens-div', class extends HTMLDivElement { constructor() { super(); grab(this); } }, { extends: 'div' });
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, { ...init, mode: 'open' });
    got.roots.push(root);
    return root;
  };
  const attachInternals = HTMLElement.prototype.attachInternals;
  HTMLElement.prototype.attachInternals = function () {
    const internals = attachInternals.call(this);
    got.internals.push(internals);
    return internals;
  };
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) got.nodes.push(n);
  }).observe(document, { childList: true, subtree: true });
  window.__readAll = () => {
    const texts = [];
    const seen = new Set();
    const visit = (root) => {
      if (!root || seen.has(root)) return;
      seen.add(root);
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
      for (let n = walker.currentNode; n; n = walker.nextNode()) {
        if (n.nodeType === 3) texts.push(n.data);
        if (n.nodeType === 1) {
          for (const a of n.attributes) texts.push(a.value);
          if ('value' in n && typeof n.value === 'string') texts.push(n.value);
          if (n.shadowRoot) visit(n.shadowRoot);
        }
      }
    };
    visit(document);
    for (const r of got.roots) visit(r);
    for (const i of got.internals) { try { visit(i.shadowRoot); } catch (e) {} }
    for (const n of got.nodes) { try { visit(n.shadowRoot); } catch (e) {} }
    const active = document.activeElement;
    if (active) texts.push(String(active.value ?? ''), active.textContent ?? '');
    return {
      text: texts.join('\\n'),
      rootsHeld: got.roots.length + got.internals.filter((i) => { try { return i.shadowRoot; } catch (e) { return false; } }).length,
    };
  };
  // Every name registered through the page's own registry methods (an extension world has its own).
  got.registered = [];
  const set = HighlightRegistry.prototype.set;
  HighlightRegistry.prototype.set = function (name, highlight) {
    got.registered.push(name);
    return set.call(this, name, highlight);
  };
  window.__noteHighlights = () =>
    [...CSS.highlights.keys(), ...got.registered].filter((k) => k.startsWith('planlens-note'));
})();
</script>`;

/** `html` with {@link HOSTILE_SCRIPT} first in its head. */
export const withHostileScript = (html: string) => html.replace('<head>', `<head>${HOSTILE_SCRIPT}`);
