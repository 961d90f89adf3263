import { describe, expect, it } from 'vitest';
import { notesDueForBackup, parseBackupReminder } from './backup-reminder';
import {
  collidingColor,
  colorsCollide,
  DEFAULT_HIGHLIGHT_COLORS,
  highlightColorsCss,
  parseHighlightColors,
} from './highlight-colors';

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

describe('colours that could be taken for each other', () => {
  it.each([
    ['#facc15', '#f5c518', true], // two yellows
    ['#facc15', '#785000', true], // a dark yellow-brown line still reads as a target's yellow
    ['#38bdf8', '#2563eb', true], // sky and royal blue
    ['#facc15', '#38bdf8', false], // the default target and achieved colours
    ['#7c3aed', '#facc15', false], // the default note line against both
    ['#7c3aed', '#38bdf8', false],
    ['#6b7280', '#38bdf8', false], // grey has no hue to share
    ['#6b7280', '#707784', true], // but two greys are one grey
    ['#ffffff', 'white', false], // not a stored colour
  ])('%s and %s → %s', (a, b, collide) => {
    expect(colorsCollide(a, b)).toBe(collide);
    expect(colorsCollide(b, a)).toBe(collide);
  });

  it('names what a choice collides with, and lets the defaults stand apart', () => {
    for (const key of ['target', 'achieved', 'note'] as const)
      expect(collidingColor({ ...DEFAULT_HIGHLIGHT_COLORS }, key)).toBeNull();
    expect(collidingColor({ ...DEFAULT_HIGHLIGHT_COLORS, note: '#eab308' }, 'note')).toBe('target');
    expect(collidingColor({ ...DEFAULT_HIGHLIGHT_COLORS, note: '#0ea5e9' }, 'note')).toBe('achieved');
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
