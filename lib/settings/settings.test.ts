import { describe, expect, it } from 'vitest';
import { notesDueForBackup, parseBackupReminder } from './backup-reminder';
import { DEFAULT_HIGHLIGHT_COLORS, highlightColorsCss, parseHighlightColors } from './highlight-colors';

describe('highlight colours', () => {
  it('keeps valid fields and defaults the rest one by one', () => {
    expect(parseHighlightColors({ target: '#FF0000', achieved: 'red', note: '#123456' })).toEqual({
      target: '#ff0000',
      achieved: DEFAULT_HIGHLIGHT_COLORS.achieved,
      note: '#123456',
    });
    expect(parseHighlightColors(null)).toEqual(DEFAULT_HIGHLIGHT_COLORS);
  });

  it('overrides nothing for the defaults and only colours otherwise', () => {
    expect(highlightColorsCss({ ...DEFAULT_HIGHLIGHT_COLORS })).toBe('');
    const css = highlightColorsCss({ ...DEFAULT_HIGHLIGHT_COLORS, target: '#ff0000' });
    expect(css).toContain(
      '::highlight(planlens-target) { background-color: color-mix(in srgb, #ff0000 35%, transparent) !important;',
    );
    expect(css).not.toMatch(/solid|dotted/);
  });

  it('never lets a stored string that is not a colour into the sheet', () => {
    const css = highlightColorsCss({
      target: 'red;} body{display:none',
      achieved: '#000000',
      note: '#000000',
    });
    expect(css).not.toContain('display');
  });
});

describe('backup reminder', () => {
  const created = ['2026-11-01T00:00:00Z', '2026-12-02T00:00:00Z', '2026-12-03T00:00:00Z'];
  it.each([
    [0, null, 0], // off by default
    [2, '2026-12-01T00:00:00Z', 2],
    [3, '2026-12-01T00:00:00Z', 0], // two new notes are below three
    [3, null, 3], // never backed up: every note counts
  ])('every %s since %s → %s due', (every, last, due) => {
    expect(notesDueForBackup(created, last, every)).toBe(due);
  });
  it('reads an unknown threshold as off', () => {
    expect(parseBackupReminder(7)).toBe(0);
    expect(parseBackupReminder(25)).toBe(25);
  });
});
