/**
 * Bookkeeping of originals and of what we wrote, so 原文 restores byte for byte (never by
 * converting back) and our own output is never converted again.
 *
 * @module
 */

/** What we know about one text slot (a text node's data, or one attribute of one element). */
export interface SlotRecord {
  /** The page's own text: what 原文 writes back. */
  orig: string;
  /** What the slot holds because we wrote it, or `null` when it holds the original. */
  out: string | null;
  /** Our last output that the page overwrote with text of its own. */
  overwritten: string | null;
  /** How often the page overwrote our output with a text that converts to that same output. */
  fights: number;
}

/** After this many fights over one slot we leave it to the page: bounded writes, no ping-pong. */
export const MAX_FIGHTS = 2;

/**
 * Originals per slot, keyed weakly by the node (text slots) or by element + attribute name.
 * Pure: keys are any objects, so the logic is testable without a DOM.
 *
 * Protocol per conversion: `readOriginal` (what to convert), then `decideWrite` with the converted
 * text (whether to write); `restore` gives what 原文 writes.
 */
export class ConversionLedger<K extends object = object> {
  private readonly texts = new WeakMap<K, SlotRecord>();
  private readonly attrs = new WeakMap<K, Map<string, SlotRecord>>();

  /** The record of a slot, if we have ever seen it. */
  get(key: K, attr?: string): SlotRecord | undefined {
    return attr === undefined ? this.texts.get(key) : this.attrs.get(key)?.get(attr);
  }

  /**
   * The original behind a slot that holds `current`. If the slot still holds what we wrote, that is
   * the recorded original (our output is never converted again). If it holds anything else, the
   * page changed it and `current` becomes the new original.
   */
  readOriginal(key: K, current: string, attr?: string): string {
    const record = this.get(key, attr);
    if (!record) {
      this.set(key, { orig: current, out: null, overwritten: null, fights: 0 }, attr);
      return current;
    }
    if (record.out !== null && current === record.out) return record.orig;
    if (record.out !== null) record.overwritten = record.out;
    record.orig = current;
    record.out = null;
    return current;
  }

  /**
   * Whether to write `next` (the converted original) into a slot that holds `current`, recording
   * the write if so. Never writes an identical string. When the page had overwritten our output and
   * its new text converts to that same output again, the page is fighting us (another rewriting
   * script): after {@link MAX_FIGHTS} such rounds we leave the page's text alone.
   */
  decideWrite(key: K, current: string, next: string, attr?: string): boolean {
    const record = this.get(key, attr);
    if (!record) return current !== next;
    if (current === next) {
      record.out = next === record.orig ? null : next;
      return false;
    }
    if (record.overwritten !== null && next === record.overwritten && ++record.fights > MAX_FIGHTS)
      return false;
    record.out = next;
    return true;
  }

  /**
   * What 原文 writes into a slot holding `current`, or `null` to leave it: only a slot that still
   * holds our output is restored; text the page wrote since is the page's own.
   */
  restore(key: K, current: string, attr?: string): string | null {
    const record = this.get(key, attr);
    if (!record || record.out === null) return null;
    const out = record.out;
    record.out = null;
    return current === out && current !== record.orig ? record.orig : null;
  }

  private set(key: K, record: SlotRecord, attr?: string): void {
    if (attr === undefined) {
      this.texts.set(key, record);
      return;
    }
    let map = this.attrs.get(key);
    if (!map) {
      map = new Map();
      this.attrs.set(key, map);
    }
    map.set(attr, record);
  }
}
