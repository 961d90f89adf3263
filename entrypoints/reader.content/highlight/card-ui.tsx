/**
 * Mounts the target card in a WXT shadow-root UI (host carries `data-planlens-ui`, so flatten and
 * our observer ignore it) on first use, and re-renders it with new props.
 *
 * @module
 */
import { createShadowRootUi } from '#imports';
import { createRoot, type Root } from 'react-dom/client';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { TargetCard, type TargetCardProps } from './card';
import './card.css';

/** Render, hide or remove the card. */
export interface TargetCardHandle {
  render(props: TargetCardProps): void;
  hide(): void;
  remove(): void;
}

/** Creates the card's shadow root lazily: pages nobody hovers get no UI at all. */
export function createTargetCard(ctx: ContentScriptContext): TargetCardHandle {
  let latest: TargetCardProps | null = null;
  let removed = false;
  let root: Root | null = null;
  let remove: (() => void) | null = null;
  const ready = createShadowRootUi<Root>(ctx, {
    name: 'planlens-card',
    position: 'inline',
    anchor: 'body',
    append: 'last',
    // Keys typed in the card must not reach the page's own shortcuts.
    isolateEvents: true,
    onMount(container) {
      const r = createRoot(container);
      root = r;
      return r;
    },
    onRemove(mounted) {
      mounted?.unmount();
      root = null;
    },
  }).then((ui) => {
    ui.shadowHost.setAttribute('data-planlens-ui', '');
    if (removed) return;
    ui.mount();
    remove = () => ui.remove();
    if (latest) root?.render(<TargetCard {...latest} />);
  });
  // A card that cannot mount (its stylesheet failed to load) must not break the page: say why.
  void ready.catch((error: unknown) => console.warn('PlanLens: the target card could not be shown', error));
  return {
    render(props) {
      latest = props;
      root?.render(<TargetCard {...props} />);
    },
    hide() {
      latest = null;
      root?.render(null);
    },
    remove() {
      removed = true;
      latest = null;
      remove?.();
    },
  };
}
