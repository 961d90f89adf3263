/**
 * The reader draws each pdf.js slice in a task of its own (pdf-pages.ts `paintPage`) by turning off
 * pdf.js's internal `_useRequestAnimationFrame` and deferring slices through the public
 * `onContinue`. The field is not public API: this reads the installed pdf.js build so an update that
 * renames it or changes how slices are scheduled fails here, not silently in the bench.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const source = readFileSync(createRequire(import.meta.url).resolve('pdfjs-dist'), 'utf8');

/** The body of the method `name() {` of the class that defines it (up to the next method at the same indent). */
function readMethod(name: string): string {
  const start = source.indexOf(`\n  ${name}() {`);
  expect(start, `pdf.js has no method ${name}()`).toBeGreaterThan(-1);
  const end = source.indexOf('\n  }', start);
  return source.slice(start, end);
}

describe('pdf.js render task scheduling the reader relies on', () => {
  it('hands every continuation to the task’s onContinue when one is set', () => {
    expect(readMethod('_continue')).toMatch(/this\.task\.onContinue\(this\._scheduleNextBound\)/);
  });

  it('schedules the next slice in an animation frame only while _useRequestAnimationFrame is true', () => {
    const body = readMethod('_scheduleNext');
    expect(body).toMatch(/if \(this\._useRequestAnimationFrame\) \{[^}]*requestAnimationFrame/);
    expect(body).toMatch(/else \{\s*Promise\.resolve\(\)\.then\(this\._nextBound\)/);
  });

  it('keeps the field on the internal task that RenderTask exposes as _internalRenderTask', () => {
    expect(source).toMatch(/this\._useRequestAnimationFrame = useRequestAnimationFrame === true/);
    expect(source).toMatch(/_internalRenderTask = null;/);
    expect(source).toMatch(
      /constructor\(internalRenderTask\) \{\s*this\._internalRenderTask = internalRenderTask;/,
    );
  });
});
