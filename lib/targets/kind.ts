import type { TargetKind } from './target';

/**
 * Target or achieved: from the section a quantity lies in and the tense of its own sentence.
 *
 * @module
 */

/** Wording that reports the past: 去年, 已经, 一年来, 截至, 以来 (not 比上年, which plans use too). */
const PAST = /去年|已经|已經|一年来|一年來|五年来|五年來|过去|過去|截至|截止|以来|以來/g;

/** Wording that states an intent or goal: 力争, 确保, 预期目标. */
const GOAL = /力争|力爭|争取|爭取|确保|確保|预期目标|預期目標|目标是|目標是/g;

/** In a goal-setting section, the coming period also marks a goal: 今年, 明年 (not 今年以来). */
const COMING = /今年(?!以来|以來)|明年/g;

/** Offset of the last match of `pattern` in `text`, or -1. */
function lastMatch(pattern: RegExp, text: string): number {
  let last = -1;
  for (const m of text.matchAll(pattern)) last = m.index;
  return last;
}

/**
 * Classifies a quantity from `sentence`, the text of its sentence up to and including it.
 *
 * In a review section (工作回顾) a quantity is `achieved` unless intent wording (力争, 确保, 预期目标)
 * comes after any past wording; elsewhere it is a `target` unless past wording (去年, 已经, 一年来,
 * 截至, 以来) comes after any intent or coming-period wording (今年, 明年). The last cue before the
 * quantity wins, so `去年增长5.8%，今年力争6%` gives achieved then target.
 */
export function classifyKind(sentence: string, inReview: boolean): TargetKind {
  const past = lastMatch(PAST, sentence);
  const goal = lastMatch(GOAL, sentence);
  if (inReview) return goal > past ? 'target' : 'achieved';
  const coming = Math.max(goal, lastMatch(COMING, sentence));
  return past > coming ? 'achieved' : 'target';
}
