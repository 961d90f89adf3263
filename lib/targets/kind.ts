import type { TargetKind } from './target';

/**
 * Target or achieved: from the section a quantity lies in and the tense of its own sentence.
 *
 * @module
 */

/**
 * Wording that reports the past: 去年, 已经, 一年来, 截至, 以来, and verbs with 了 (完成了, 增长了).
 * Not 比上年 or 累计, which plans use for goals too.
 */
const PAST =
  /去年|已经|已經|一年来|一年來|五年来|五年來|过去|過去|截至|截止|以来|以來|完成了|增长了|增長了|实现了|實現了|达到了|達到了/g;

/** Wording that states an intent or goal: 力争, 确保, 预期, 目标 (not a completed 目标任务), 将. */
const GOAL =
  /力争|力爭|争取|爭取|确保|確保|预期|預期|目标(?!任务)|目標(?!任務)|(?<!即)将(?!近)|(?<!即)將(?!近)/g;

/** In a goal-setting section, the coming period also marks a goal: 今年, 明年 (not 今年以来). */
const COMING = /今年(?!以来|以來)|明年/g;

/** Offset of the last match of `pattern` in `text`, or -1. */
function findLastMatch(pattern: RegExp, text: string): number {
  // An exec loop on the global pattern finds the matches matchAll would, without cloning the
  // pattern and an iterator per call. No pattern here matches the empty string.
  let last = -1;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) last = m.index;
  return last;
}

/**
 * Classifies a quantity from `sentence`, the text of its sentence up to and including it.
 *
 * In a review section (工作回顾) a quantity is `achieved` unless intent wording (力争, 确保, 预期, 目标,
 * 将) comes after any past wording; elsewhere it is a `target` unless past wording (去年, 已经, 一年来,
 * 截至, 以来, 完成了, 增长了) comes after any intent or coming-period wording (今年, 明年). The last cue before the
 * quantity wins, so `去年增长5.8%，今年力争6%` gives achieved then target.
 */
export function classifyKind(sentence: string, inReview: boolean): TargetKind {
  const past = findLastMatch(PAST, sentence);
  const goal = findLastMatch(GOAL, sentence);
  if (inReview) return goal > past ? 'target' : 'achieved';
  const coming = Math.max(goal, findLastMatch(COMING, sentence));
  return past > coming ? 'achieved' : 'target';
}
