/**
 * Qualifiers that bound a quantity: after it (左右, 以上 …), right before it (超过, 不低于 …), or at
 * the head of its clause (力争, 争取).
 *
 * @module
 */

/** Qualifiers written right after the quantity, longest first. */
const POST_QUALIFIERS: readonly string[] = ['左右', '以上', '以内', '以內', '以下', '上下', '多', '余', '餘'];

/** Qualifiers written right before the number, longest first. */
const PRE_QUALIFIERS: readonly string[] = [
  '不低于',
  '不低於',
  '不少于',
  '不少於',
  '不超过',
  '不超過',
  '不高于',
  '不高於',
  '稳定在',
  '穩定在',
  '控制在',
  '保持在',
  '超过',
  '超過',
  '突破',
  '达到',
  '達到',
  '力争',
  '力爭',
  '争取',
  '爭取',
  '至少',
  '最高',
  '最低',
  '最多',
  '最少',
  '跨过',
  '跨過',
  '不到',
  '不足',
  '将近',
  '將近',
  '接近',
  '大约',
  '大約',
  '高于',
  '高於',
  '低于',
  '低於',
  '近',
  '约',
  '約',
  '逾',
  '超',
  '达',
  '達',
  '≥',
  '≤',
];

/** POST_QUALIFIERS by first character, each list in POST_QUALIFIERS order (longest first). */
const POST_BY_FIRST: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const q of POST_QUALIFIERS) {
    const list = map.get(q[0]!);
    if (list) list.push(q);
    else map.set(q[0]!, [q]);
  }
  return map;
})();

/**
 * PRE_QUALIFIERS by last character, each list in PRE_QUALIFIERS order: only the qualifiers ending in
 * the character before the number can end there, and the first of them to match is the same.
 */
const PRE_BY_LAST: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const q of PRE_QUALIFIERS) {
    const last = q[q.length - 1]!;
    const list = map.get(last);
    if (list) list.push(q);
    else map.set(last, [q]);
  }
  return map;
})();

/** Clause-level qualifiers of intent: they qualify a quantity later in the same clause. */
const CLAUSE_QUALIFIER = /力争|力爭|争取|爭取|至少/;

/** Characters that end a clause for qualifiers and indicators (a tab separates table cells). */
export const CLAUSE_BREAK_CHARS: ReadonlySet<string> = new Set('，,；;。：:！？!?\n\t');

/** Returns the qualifier written at `pos` right after a quantity (`以上`, `左右` …), or ''. */
export function matchPostQualifier(text: string, pos: number): string {
  const candidates = pos < text.length ? POST_BY_FIRST.get(text[pos]!) : undefined;
  if (candidates) for (const q of candidates) if (text.startsWith(q, pos)) return q;
  return '';
}

/** Returns the qualifier that ends exactly at `pos`, right before a number (`超过`, `近` …), or ''. */
export function matchPreQualifier(text: string, pos: number): string {
  const candidates = pos > 0 ? PRE_BY_LAST.get(text[pos - 1]!) : undefined;
  if (candidates)
    for (const q of candidates) {
      if (pos < q.length || !text.startsWith(q, pos - q.length)) continue;
      // 签约369个, 下达资金, 附近: the character ends a word of its own.
      if (q.length === 1 && WORD_BEFORE[q]?.includes(text[pos - 2] ?? '')) continue;
      return q;
    }
  return '';
}

/**
 * One-character qualifiers that, after these characters, are the end of another word: 签约, 节约, 制约,
 * 预约 (约); 附近, 最近, 就近 (近); 下达, 到达, 发达, 传达 (达); 赶超 (超).
 */
const WORD_BEFORE: Readonly<Record<string, string>> = {
  约: '签节制预契公条合特相邀',
  約: '簽節制預契公條合特相邀',
  近: '附最就临臨靠贴貼',
  达: '下到发抵直传表送通',
  達: '下到發抵直傳表送通',
  超: '赶趕高',
};

/**
 * Returns 力争/争取 (either script) when it occurs in the clause that ends at `pos`, or ''. The
 * clause starts after the last ，；。：！？ or line break.
 */
export function matchClauseQualifier(text: string, clauseStart: number, pos: number): string {
  const m = CLAUSE_QUALIFIER.exec(text.slice(clauseStart, pos));
  return m ? m[0] : '';
}
