/**
 * The year of each figure, given its document: what a target is for, or what an achieved figure
 * reports, when its own sentence names no year.
 *
 * @module
 */
import type { DocumentFields } from '../document/document-fields';
import type { Target } from '../targets/target';

/**
 * The year an achieved figure without a named year reports: the year before the document's for
 * annual plans and work reports (`过去一年…增长5.6%` in the 2026 report → 2025; a five-year review's
 * `年均` averages take that year too, the period's last); five years before a five-year plan's last
 * year (the previous plan's end); a statistics bulletin's (统计公报) own year. `null` when the
 * document's year is unknown.
 */
export function readReviewYear(fields: Pick<DocumentFields, 'year' | 'type' | 'title'>): number | null {
  if (fields.year === null) return null;
  if (isStatisticsBulletin(fields)) return fields.year;
  return fields.type === 'five-year-plan' ? fields.year - 5 : fields.year - 1;
}

/**
 * Whether the document is a statistics bulletin (统计公报): every figure in it reports its year,
 * whatever the sentence's tense (the extractor, reading no review section, calls them targets).
 */
export function isStatisticsBulletin(fields: Pick<DocumentFields, 'title'>): boolean {
  return /统计公报/.test(fields.title);
}

/**
 * The year of `target` in its document: the year its sentence or section names (set by
 * analyzeText: `到2027年…`), else the document's year for a target and {@link readReviewYear} for an
 * achieved figure. `null` when neither the sentence nor the document says.
 */
export function readFigureYear(
  target: Pick<Target, 'year' | 'kind'>,
  fields: Pick<DocumentFields, 'year' | 'type' | 'title'>,
): number | null {
  if (target.year !== null) return target.year;
  return target.kind === 'target' && !isStatisticsBulletin(fields) ? fields.year : readReviewYear(fields);
}
