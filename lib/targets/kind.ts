import type { TargetKind } from './target';

/**
 * Target or achieved: from the section a quantity lies in and the tense of its own sentence.
 *
 * @module
 */

/** A sentence in a goal-setting section that reports a past result (去年…增长5.8%, 已经下放了679项). */
const PAST_IN_PLAN = /去年|已经|已經|一年来|一年來|五年来|五年來|过去|過去|截至|截止|以来|以來/;

/** A sentence in a review section that states a goal after all (力争…, 确保…, 预期目标). */
const GOAL_IN_REVIEW = /力争|力爭|争取|爭取|确保|確保|预期目标|預期目標|目标是|目標是/;

/**
 * Classifies a quantity. In a review section (工作回顾) a quantity is `achieved` unless its sentence
 * states an intent (力争, 确保, 预期目标); elsewhere it is a `target` unless its sentence reports the
 * past (去年, 上年 but not 比上年, 已经, 一年来, 截至, 以来). `sentence` is the text of the quantity's
 * sentence up to and including the quantity.
 */
export function classifyKind(sentence: string, inReview: boolean): TargetKind {
  if (inReview) return GOAL_IN_REVIEW.test(sentence) ? 'target' : 'achieved';
  return PAST_IN_PLAN.test(sentence) ? 'achieved' : 'target';
}
