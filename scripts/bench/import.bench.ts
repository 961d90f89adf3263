/**
 * Notes import benchmark: JSON-LD files of 2,000 and 8,000 notes, all on one page (the worst case
 * for a per-address duplicate check), imported into an empty in-memory IndexedDB (fake-indexeddb).
 * Baseline: writing the same records with one `bulkAdd` in one transaction, in the same run. Goals:
 * the import within a small constant of the baseline at both sizes, and linear growth (8,000 notes
 * costing about four times 2,000; the quadratic check of old took 160 s for 4,000 in Chromium).
 */
import { exportJsonLd } from '../../lib/db/export';
import { importAnnotations } from '../../lib/db/import';
import { completeNote } from '../../lib/db/notes-repo';
import { draftOn, freshDb } from '../../lib/db/test-helpers';
import type { NoteRecord } from '../../lib/db/note';

const CLAUSES = [
  '投入帮扶资金90亿元以上',
  '推动盟市零基预算全覆盖',
  '奶产量稳定在750万吨左右',
  '粮食产量超过840亿斤',
];

function makeNotes(count: number): NoteRecord[] {
  return Array.from({ length: count }, (_, k) =>
    completeNote(draftOn(CLAUSES[k % CLAUSES.length]!, { body: `第${k + 1}条批注` })),
  );
}

async function measure(count: number): Promise<{ importMs: number; baseMs: number }> {
  const notes = makeNotes(count);
  const file = exportJsonLd(notes);
  const base = freshDb();
  let t = performance.now();
  await base.transaction('rw', base.notes, () => base.notes.bulkAdd(notes));
  const baseMs = performance.now() - t;
  const db = freshDb();
  t = performance.now();
  const report = await importAnnotations(db, file);
  const importMs = performance.now() - t;
  if (report.added !== count) throw new Error(`imported ${report.added} of ${count}`);
  return { importMs, baseMs };
}

/** Runs the import benchmark and prints the figures. */
export async function run(): Promise<void> {
  const small = await measure(2_000);
  const large = await measure(8_000);
  for (const [count, r] of [
    [2_000, small],
    [8_000, large],
  ] as const) {
    console.log(
      `import ${count.toLocaleString('en')} notes  ${r.importMs.toFixed(0)} ms  ` +
        `(${(r.importMs / r.baseMs).toFixed(1)}× one bulkAdd of the same notes, ${r.baseMs.toFixed(0)} ms)`,
    );
  }
  console.log(`growth 2,000 → 8,000 notes  ${(large.importMs / small.importMs).toFixed(1)}× (linear: ≈4×)`);
}
