/**
 * Keeps the page from switching our content scripts off. WXT stops an older copy of a content
 * script when a newer one starts by a `CustomEvent` on `document` (and announces each start with a
 * `window.postMessage` that carries the extension's id); a page can listen to both and dispatch the
 * same event, which removed the reader (highlights, notes UI) or the gate whenever it liked.
 *
 * Here a script stops only when the extension is really gone (reloaded or updated: the runtime id
 * is no longer there, which a page cannot fake) or when a newer copy of the same script starts in
 * this frame. That handover goes through a registry on the isolated world's global object, which
 * content scripts of this extension share per frame and the page's world never sees. The
 * `postMessage` announcement is turned off in each entry point (`noScriptStartedPostMessage`).
 *
 * @module
 */
import { browser } from 'wxt/browser';

/** What the guard needs of WXT's `ContentScriptContext`. */
export interface GuardableContext {
  readonly signal: AbortSignal;
  abort(reason?: unknown): void;
  notifyInvalidated(): void;
  onInvalidated(callback: () => void): () => void;
}

/** The registry's key on the isolated world's global (a symbol: no page-visible name anywhere). */
const REGISTRY = Symbol.for('planlens.content-script-contexts');

type RegistryGlobal = { [REGISTRY]?: Map<string, GuardableContext> };

/** True when this copy of the script outlived its extension (reload, update, uninstall). */
function isExtensionGone(): boolean {
  try {
    return browser.runtime?.id == null;
  } catch {
    return true;
  }
}

/**
 * Call first thing in a content script's `main(ctx)`. From then on `ctx` is invalidated only when
 * the extension is gone (checked when anything, WXT's forgeable document event included, asks to
 * invalidate) or when the next `guardContext` (or {@link takeOverFrom}) call for the same `name`
 * in this frame's isolated world supersedes it; the previous context of that name is aborted here,
 * synchronously, so its `onInvalidated` clean-ups run before the new copy starts.
 *
 * `isGone` is injectable for tests. Calling it twice with the same context is harmless.
 */
export function guardContext(
  ctx: GuardableContext,
  name: string,
  isGone: () => boolean = isExtensionGone,
  global: object = globalThis,
): void {
  protectContext(ctx, isGone);
  takeOverFrom(ctx, name, global);
}

/**
 * The first half of {@link guardContext}: `ctx` is invalidated only when the extension is gone,
 * never by a page's forged event. For a script that must read something before it can take over
 * from the copy already running (call {@link takeOverFrom} then).
 *
 * Wrapping twice is harmless: each wrapper only adds the same check.
 */
export function protectContext(ctx: GuardableContext, isGone: () => boolean = isExtensionGone): void {
  const invalidate = ctx.notifyInvalidated.bind(ctx);
  ctx.notifyInvalidated = () => {
    if (isGone()) invalidate();
  };
}

/**
 * The second half of {@link guardContext}: makes `ctx` this frame's copy of script `name`,
 * aborting the previous copy synchronously (its clean-ups run before this returns). A script that
 * answers messages should call it in the same task in which it starts answering them, so the page
 * is never without an answering copy between the two.
 *
 * Edge cases: the previous copy already aborted, or `ctx` itself, is left alone; another world
 * (`global`) has a registry of its own.
 */
export function takeOverFrom(ctx: GuardableContext, name: string, global: object = globalThis): void {
  const registry = ((global as RegistryGlobal)[REGISTRY] ??= new Map());
  const previous = registry.get(name);
  registry.set(name, ctx);
  if (previous && previous !== ctx && !previous.signal.aborted) previous.abort('superseded by a newer copy');
  ctx.onInvalidated(() => {
    if (registry.get(name) === ctx) registry.delete(name);
  });
}
