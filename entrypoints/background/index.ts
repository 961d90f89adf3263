import { defineBackground } from '#imports';
import { registerConvertHandlers } from './convert';
import { registerMenuLanguage } from './menu-language';
import { registerNotesHandlers } from './notes';
import { registerPageHandlers } from './page';
import { registerTargetsHandlers } from './targets';

export default defineBackground(() => {
  registerPageHandlers();
  registerConvertHandlers();
  registerNotesHandlers();
  registerTargetsHandlers();
  registerMenuLanguage();
});
