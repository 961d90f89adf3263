/**
 * What the reader can ask for (a target script), what a page is written in, and which converter
 * (an engine preset) turns one into the other.
 *
 * @module
 */

/** A script the reader can switch the page to; `original` restores the page's own text. */
export type ScriptTarget = 'cn' | 'tw' | 'hk' | 'twp' | 'original';

/** Every target, in the order the UI offers them (twp last: it is an opt-in). */
export const SCRIPT_TARGETS: readonly ScriptTarget[] = ['cn', 'tw', 'hk', 'original', 'twp'];

/** The script a page is written in, as {@link detectScript} sees it. */
export type PageScript = 'simplified' | 'traditional' | 'mixed' | 'unknown';

/**
 * A converter the engine can build. `cn2*` start from simplified, `tw2cn` from traditional, and
 * `t2*` only adjust a traditional text to regional variants (裏→裡) and, for twp, vocabulary.
 */
export type EnginePreset = 'cn2tw' | 'cn2hk' | 'cn2twp' | 'tw2cn' | 't2tw' | 't2hk' | 't2twp';

/** Every engine preset. */
export const ENGINE_PRESETS: readonly EnginePreset[] = [
  'cn2tw',
  'cn2hk',
  'cn2twp',
  'tw2cn',
  't2tw',
  't2hk',
  't2twp',
];

/** Type guard for values read from storage or messages. */
export function isScriptTarget(value: unknown): value is ScriptTarget {
  return typeof value === 'string' && (SCRIPT_TARGETS as readonly string[]).includes(value);
}

/** Type guard for engine presets arriving in messages. */
export function isEnginePreset(value: unknown): value is EnginePreset {
  return typeof value === 'string' && (ENGINE_PRESETS as readonly string[]).includes(value);
}

/**
 * Picks the converter that turns a page written in `script` into `target`, or `null` when there is
 * nothing to convert (`original`, or simplified asked of a simplified page). A traditional page
 * asked for Taiwan or Hong Kong script only gets the regional variant pass, so it is never
 * "converted to traditional again". Mixed and unknown pages are treated as simplified for the
 * traditional targets (s→t leaves traditional characters alone) and as traditional for `cn`.
 */
export function choosePreset(script: PageScript, target: ScriptTarget): EnginePreset | null {
  if (target === 'original') return null;
  if (target === 'cn') return script === 'simplified' ? null : 'tw2cn';
  if (script === 'traditional') return target === 'tw' ? 't2tw' : target === 'hk' ? 't2hk' : 't2twp';
  return target === 'tw' ? 'cn2tw' : target === 'hk' ? 'cn2hk' : 'cn2twp';
}

/**
 * Whether a preset keeps every string's length in code points. All but the Taiwan-phrase ones do
 * (measured: 0 length-changing entries in their dictionaries); callers still verify per string.
 */
export function isLengthPreserving(preset: EnginePreset): boolean {
  return preset !== 'cn2twp' && preset !== 't2twp';
}

/** The BCP 47 tag converted content carries, so the browser picks fitting fonts. */
export function langOfTarget(target: Exclude<ScriptTarget, 'original'>): string {
  return target === 'cn' ? 'zh-Hans-CN' : target === 'hk' ? 'zh-Hant-HK' : 'zh-Hant-TW';
}

/**
 * The next target for the cycle-script shortcut: cn → tw → hk → original → cn. twp joins the
 * cycle (after tw) only when the reader opted in. Targets that would change nothing on a page in
 * `script` (简体 on a simplified page) are skipped, so every key press shows something new.
 */
export function nextTarget(
  current: ScriptTarget,
  twpAllowed: boolean,
  script: PageScript = 'unknown',
): ScriptTarget {
  const cycle: ScriptTarget[] = twpAllowed
    ? ['cn', 'tw', 'twp', 'hk', 'original']
    : ['cn', 'tw', 'hk', 'original'];
  let index = cycle.indexOf(current);
  for (let step = 0; step < cycle.length; step++) {
    index = (index + 1) % cycle.length;
    const target = cycle[index]!;
    if (target === 'original' || choosePreset(script, target) !== null) return target;
  }
  return 'original';
}

/**
 * The presets a reader is likely to want next on the same page (the other variants of the same
 * source script), so the engine can build them while the reader is still reading. twp is left out:
 * it is an opt-in.
 */
export function siblingPresets(preset: EnginePreset): EnginePreset[] {
  const family: EnginePreset[] = preset.startsWith('cn2') ? ['cn2tw', 'cn2hk'] : ['tw2cn', 't2tw', 't2hk'];
  return family.filter((p) => p !== preset);
}
