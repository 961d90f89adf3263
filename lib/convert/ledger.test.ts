import { describe, expect, it } from 'vitest';
import { ConversionLedger, MAX_FIGHTS } from './ledger';

describe('ConversionLedger', () => {
  it('keeps the original behind our output and restores it exactly', () => {
    const ledger = new ConversionLedger();
    const node = {};
    expect(ledger.readOriginal(node, '滿洲里口岸')).toBe('滿洲里口岸');
    expect(ledger.decideWrite(node, '滿洲里口岸', '满洲里口岸')).toBe(true);
    // Our own output is never taken as a new original (conversion is not idempotent).
    expect(ledger.readOriginal(node, '满洲里口岸')).toBe('滿洲里口岸');
    expect(ledger.restore(node, '满洲里口岸')).toBe('滿洲里口岸');
    expect(ledger.restore(node, '滿洲里口岸')).toBeNull();
  });

  it('never writes an identical string', () => {
    const ledger = new ConversionLedger();
    const node = {};
    ledger.readOriginal(node, '2026年');
    expect(ledger.decideWrite(node, '2026年', '2026年')).toBe(false);
    expect(ledger.restore(node, '2026年')).toBeNull();
  });

  it('takes a page change as the new original', () => {
    const ledger = new ConversionLedger();
    const node = {};
    ledger.readOriginal(node, '发展');
    ledger.decideWrite(node, '发展', '發展');
    expect(ledger.readOriginal(node, '高质量发展')).toBe('高质量发展');
    expect(ledger.decideWrite(node, '高质量发展', '高質量發展')).toBe(true);
    expect(ledger.restore(node, '高質量發展')).toBe('高质量发展');
  });

  it('leaves a slot to a page that keeps rewriting our output (no ping-pong)', () => {
    const ledger = new ConversionLedger();
    const node = {};
    ledger.readOriginal(node, '着名');
    let writes = Number(ledger.decideWrite(node, '着名', '著名'));
    for (let round = 0; round < 10; round++) {
      // The page's script turns 著名 back into 着名 after every write of ours.
      ledger.readOriginal(node, '着名');
      writes += Number(ledger.decideWrite(node, '着名', '著名'));
    }
    expect(writes).toBe(1 + MAX_FIGHTS);
  });

  it('keeps attributes of one element apart', () => {
    const ledger = new ConversionLedger();
    const el = {};
    ledger.readOriginal(el, '主导航', 'aria-label');
    ledger.readOriginal(el, '发展', 'title');
    ledger.decideWrite(el, '主导航', '主導航', 'aria-label');
    expect(ledger.restore(el, '主導航', 'aria-label')).toBe('主导航');
    expect(ledger.restore(el, '发展', 'title')).toBeNull();
  });
});
