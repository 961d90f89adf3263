/**
 * Messages for simplified/traditional conversion. Owned by the conversion feature.
 *
 * Flow: the popup / shortcut / context menu ask the background (`convertSetTarget`); the background
 * makes sure the reader is in the tab and tells it (`convertApply`); the reader walks the page and
 * sends all its strings in one `convertTexts` to the background, which forwards them to the
 * converter holder (Chrome: the offscreen document, `convertTextsOffscreen`; Firefox: itself).
 *
 * @module
 */
import type { ConvertSettings } from '../site-prefs/script-choice';
import type { ConvertStatus } from '../convert/status';
import type { EnginePreset, ScriptTarget } from '../convert/targets';

// The payload types belong to lib/convert; re-exported because they are this protocol's vocabulary.
export type { ConvertSettings, ConvertStatus };

/** Conversion messages. */
export interface ConvertProtocol {
  /** Reader → background: convert a batch of strings (all strings of a page in one message). */
  convertTexts: { req: { preset: EnginePreset; texts: string[] }; res: { texts: string[] } };
  /** Background → offscreen document (Chrome): the same, where the converters live. */
  convertTextsOffscreen: { req: { preset: EnginePreset; texts: string[] }; res: { texts: string[] } };
  /** Popup → background: show `target` in tab `tabId`, optionally remembering the choice. */
  convertSetTarget: {
    req: {
      tabId: number;
      target: ScriptTarget;
      hidePinyin?: boolean;
      /** true: remember for the tab's site; false: forget the site; absent: leave as is. */
      rememberSite?: boolean;
      /** true: make `target` the default for plan pages; false: clear the default. */
      rememberDefault?: boolean;
    };
    res: ConvertStatus;
  };
  /** Popup → background: the tab's conversion status, or `null` when the page cannot be reached. */
  convertGetStatus: { req: { tabId: number }; res: ConvertStatus | null };
  /** Popup → background: the stored settings, and whether the tab's site is remembered. */
  convertGetSettings: { req: { tabId?: number }; res: ConvertSettings & { siteRemembered: boolean } };
  /** Popup → background: opt in or out of the Taiwan-phrase variant. */
  convertAllowTwp: { req: { allowed: boolean }; res: null };
  /** Background → reader (top frame): switch the page. */
  convertApply: { req: { target: ScriptTarget; hidePinyin: boolean }; res: ConvertStatus };
  /** Background → reader (top frame): report the status without changing anything. */
  convertReadStatus: { req: Record<string, never>; res: ConvertStatus };
}
