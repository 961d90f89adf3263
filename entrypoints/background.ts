import { defineBackground } from '#imports';

export default defineBackground(() => {
  // Handlers are registered by sibling modules; see entrypoints/background/.
});
