/**
 * The shape of an extracted numeric target.
 *
 * @module
 */

/** `target`: a goal for the coming period; `achieved`: a reported result. */
export type TargetKind = 'target' | 'achieved';

/** One quantity, per ../tests/fixtures/numeric-targets.md. Offsets are into the analysed string. */
export interface Target {
  /** The number and unit as written: `18万人`, `百分之五`, `4.5%—5%`. */
  quote: string;
  /** The highlighted phrase (quantity plus attached qualifier, e.g. `18万人以上`). */
  text: string;
  /** Value in base units (`18万人` → 180000; `5%` → 5). */
  value: number;
  /** Upper bound of a range. */
  valueMax?: number;
  /** Unit after the magnitude word: `人`, `%`, `个百分点`, `千瓦时`. */
  unit: string;
  /** 左右, 以上, 以内, 超过, 不低于, 力争, 稳定在 … or ''. */
  qualifier: string;
  /** The thing measured, as written. */
  indicator: string;
  kind: TargetKind;
  /** Section path, e.g. `二、2026年主要预期目标 > （一）…`. */
  section: string;
  /** `[start, end)` of `text`. */
  start: number;
  end: number;
  /** `[quoteStart, quoteEnd)` of `quote`. */
  quoteStart: number;
  quoteEnd: number;
}
