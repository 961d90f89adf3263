/**
 * Clean reading for reprint sites that put pinyin after characters: `當(dāng)前` → `當前`.
 *
 * @module
 */

// A Han character, then a parenthesised syllable with at least one tone mark (plain words in
// parentheses, e.g. "(GW)" or "(试行)", are left alone). ASCII or full-width parentheses.
const PINYIN_AFTER_HAN =
  /(?<=[\u3400-\u9fff\uf900-\ufaff])[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ][a-zü]*[)）]/gu;

/** Whether `text` contains at least one pinyin group after a Han character. */
export function hasPinyin(text: string): boolean {
  PINYIN_AFTER_HAN.lastIndex = 0;
  return PINYIN_AFTER_HAN.test(text);
}

/**
 * Removes pinyin groups that follow a Han character. Text without such groups is returned as is
 * (same string). A group split across text nodes is not seen: callers strip per text node.
 */
export function stripPinyin(text: string): string {
  return text.replace(PINYIN_AFTER_HAN, '');
}
