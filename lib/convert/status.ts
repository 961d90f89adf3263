/**
 * What the reader reports about a page's script and the current conversion: the answer to the
 * popup's status question and to every switch.
 *
 * @module
 */
import type { PageScript, ScriptTarget } from './targets';

/** What the reader reports about a page's script and the current conversion. */
export interface ConvertStatus {
  /** The page's own script (detected on the original text, never on our output). */
  detected: PageScript;
  /** The script currently shown. */
  target: ScriptTarget;
  /** Whether inline pinyin after characters is hidden. */
  hidePinyin: boolean;
  /** Whether the page has inline pinyin at all (the popup offers the toggle only then). */
  hasPinyin: boolean;
}
