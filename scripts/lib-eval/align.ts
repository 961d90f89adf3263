/**
 * Aligns extracted quantities with labelled ones by value and unit in document order.
 *
 * @module
 */

/** The fields alignment compares. */
export interface Comparable {
  value: number;
  unit: string;
}

/** Whether two quantities are the same: equal unit and value equal to 9 significant digits. */
export function isSameQuantity(a: Comparable, b: Comparable): boolean {
  if (a.unit !== b.unit) return false;
  const scale = Math.max(Math.abs(a.value), Math.abs(b.value), 1e-12);
  return Math.abs(a.value - b.value) / scale < 1e-9;
}

/**
 * Longest common subsequence of `found` and `gold` under {@link isSameQuantity}: the pairs
 * `[foundIndex, goldIndex]` in order. O(n·m) time and memory, fine for a few hundred items each.
 */
export function alignQuantities<A extends Comparable, B extends Comparable>(
  found: readonly A[],
  gold: readonly B[],
): Array<[number, number]> {
  const n = found.length;
  const m = gold.length;
  const width = m + 1;
  const table = new Uint16Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * width + j] = isSameQuantity(found[i]!, gold[j]!)
        ? table[(i + 1) * width + j + 1]! + 1
        : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
    }
  }
  const pairs: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (isSameQuantity(found[i]!, gold[j]!) && table[i * width + j] === table[(i + 1) * width + j + 1]! + 1) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (table[(i + 1) * width + j]! >= table[i * width + j + 1]!) {
      i++;
    } else {
      j++;
    }
  }
  return pairs;
}
