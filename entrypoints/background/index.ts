import { defineBackground } from '#imports';
import { registerConvertHandlers } from './convert';
import { registerNotesHandlers } from './notes';
import { registerPageHandlers } from './page';

export default defineBackground(() => {
  registerPageHandlers();
  registerConvertHandlers();
  registerNotesHandlers();
});
