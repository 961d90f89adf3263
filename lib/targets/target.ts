/**
 * The shape of an extracted numeric target.
 *
 * @module
 */

import type { MetricId } from './metric';

/** `target`: a goal for the coming period; `achieved`: a reported result. */
export type TargetKind = 'target' | 'achieved';

/** `up` for 增长/提高/增加, `down` for 下降/降低/减少. */
export type Direction = 'up' | 'down';

/** `hard` for 确保/必须/不低于/以上 wording, `soft` for 力争/争取/左右. */
export type Firmness = 'hard' | 'soft';

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
  /** Canonical metric id (lib/targets/metric.ts), or `null` when the indicator is none of them. */
  metric: MetricId | null;
  /**
   * The year the figure is for (a target) or reports (achieved), when its sentence or section names
   * one (`到2027年`, `三、2023年重点工作任务`); `null` until lib/ledger fills in the document's.
   */
  year: number | null;
  /** A rise or a fall; `null` for a level (失业率5.5%左右) or a level reached (提高到60%). */
  direction: Direction | null;
  /** How firm a target's wording is; `null` when neutral and always for achieved figures. */
  firmness: Firmness | null;
}
