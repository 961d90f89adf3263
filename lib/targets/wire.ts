/**
 * Targets as one compact JSON string, for sending a page's targets from where they are extracted
 * (the background) to the page. A string, not an array of objects, because the page then decodes it
 * with one `JSON.parse` it can time (the messaging layer would otherwise rebuild the objects inside
 * its own task, out of sight of the `planlens:analyze` measure); compact, because the page's main
 * thread pays for every byte: one array per target instead of an object with repeated keys, and
 * each section path written once.
 *
 * @module
 */
import { METRIC_IDS, type MetricId } from './metric';
import type { Direction, Firmness, Target, TargetKind } from './target';

/** Format version, first element of the encoded array; bump when the row layout changes. */
const VERSION = 2;

/**
 * One target: quote, text, value, valueMax (null when absent), unit, qualifier, indicator, kind,
 * section index, start, end, quoteStart, quoteEnd, metric index (-1 for none), year (null), direction
 * (1 up, -1 down, 0 none), firmness (1 hard, 2 soft, 0 none).
 */
type Row = [
  string,
  string,
  number,
  number | null,
  string,
  string,
  string,
  0 | 1,
  number,
  number,
  number,
  number,
  number,
  number,
  number | null,
  -1 | 0 | 1,
  0 | 1 | 2,
];

const ROW_LENGTH = 17;
const KINDS: readonly TargetKind[] = ['target', 'achieved'];
const METRIC_INDEX: ReadonlyMap<MetricId, number> = new Map(METRIC_IDS.map((id, i) => [id, i]));
const FIRMNESS: readonly (Firmness | null)[] = [null, 'hard', 'soft'];

function encodeDirection(direction: Direction | null): -1 | 0 | 1 {
  return direction === 'up' ? 1 : direction === 'down' ? -1 : 0;
}

function decodeDirection(code: -1 | 0 | 1): Direction | null {
  return code === 1 ? 'up' : code === -1 ? 'down' : null;
}

/** Encodes `targets` for {@link decodeTargets}. Keeps order and every field. */
export function encodeTargets(targets: readonly Target[]): string {
  const sections: string[] = [];
  const sectionIndex = new Map<string, number>();
  const rows: Row[] = targets.map((t) => {
    let s = sectionIndex.get(t.section);
    if (s === undefined) {
      s = sections.length;
      sections.push(t.section);
      sectionIndex.set(t.section, s);
    }
    return [
      t.quote,
      t.text,
      t.value,
      t.valueMax ?? null,
      t.unit,
      t.qualifier,
      t.indicator,
      t.kind === 'achieved' ? 1 : 0,
      s,
      t.start,
      t.end,
      t.quoteStart,
      t.quoteEnd,
      t.metric === null ? -1 : METRIC_INDEX.get(t.metric)!,
      t.year,
      encodeDirection(t.direction),
      t.firmness === 'hard' ? 1 : t.firmness === 'soft' ? 2 : 0,
    ];
  });
  return JSON.stringify([VERSION, sections, rows]);
}

/**
 * Decodes what {@link encodeTargets} made. Throws an `Error` naming the problem when `json` is not
 * such a string (another version, truncated, wrong field types) rather than return half a list.
 */
export function decodeTargets(json: string): Target[] {
  const out: { targets?: Target[] } = {};
  for (const _ of decodeTargetsInParts(json, out, Infinity)) {
    // one unit: nothing to pause for
  }
  return out.targets!;
}

/**
 * {@link decodeTargets} as a sequence of work units, yielding `'decode'` after every
 * `rowsPerUnit` rows (a page with 17,000 targets decodes in pieces rather than one long block);
 * the list is written to `out.targets` at the end. Throws as decodeTargets does, from the unit
 * that meets the problem.
 */
export function* decodeTargetsInParts(
  json: string,
  out: { targets?: Target[] },
  rowsPerUnit = 2000,
): Generator<string, void, void> {
  const fail = (why: string): never => {
    throw new Error(`PlanLens: cannot read the targets sent to this page (${why})`);
  };
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    fail('not JSON');
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) return fail('not a target list');
  const [version, sections, rows] = parsed as unknown[];
  if (version !== VERSION) return fail(`format ${String(version)}, expected ${VERSION}`);
  if (!Array.isArray(sections) || !sections.every((s) => typeof s === 'string')) return fail('bad sections');
  if (!Array.isArray(rows)) return fail('bad rows');
  const targets: Target[] = [];
  for (let k = 0; k < rows.length; k++) {
    if (k > 0 && k % rowsPerUnit === 0) yield 'decode';
    const row: unknown = rows[k];
    if (!isRow(row, sections.length)) return fail(`bad target #${k}`);
    targets.push(decodeRow(row, sections as string[]));
  }
  out.targets = targets;
}

/**
 * One row as a target. Indexed reads, not array destructuring: destructuring walks the array's
 * iterator, and this runs once per page load in cold (interpreted) code, where that costs several
 * times more per row.
 */
function decodeRow(row: Row, sections: readonly string[]): Target {
  const target: Target = {
    quote: row[0],
    text: row[1],
    value: row[2],
    unit: row[4],
    qualifier: row[5],
    indicator: row[6],
    kind: KINDS[row[7]]!,
    section: sections[row[8]]!,
    start: row[9],
    end: row[10],
    quoteStart: row[11],
    quoteEnd: row[12],
    metric: row[13] === -1 ? null : METRIC_IDS[row[13]]!,
    year: row[14],
    direction: decodeDirection(row[15]),
    firmness: FIRMNESS[row[16]]!,
  };
  if (row[3] !== null) target.valueMax = row[3];
  return target;
}

function isRow(row: unknown, sectionCount: number): row is Row {
  // Plain typeof checks on indexed reads, no per-row closures or destructuring: a stress page
  // decodes thousands of rows, in code the JIT has not compiled yet.
  if (!Array.isArray(row) || row.length !== ROW_LENGTH) return false;
  const r = row as unknown[];
  const valueMax = r[3];
  const kind = r[7];
  const section = r[8];
  const metric = r[13];
  const year = r[14];
  const direction = r[15];
  const firmness = r[16];
  return (
    typeof r[0] === 'string' &&
    typeof r[1] === 'string' &&
    typeof r[4] === 'string' &&
    typeof r[5] === 'string' &&
    typeof r[6] === 'string' &&
    typeof r[2] === 'number' &&
    (valueMax === null || typeof valueMax === 'number') &&
    (kind === 0 || kind === 1) &&
    typeof section === 'number' &&
    Number.isInteger(section) &&
    section >= 0 &&
    section < sectionCount &&
    typeof r[9] === 'number' &&
    typeof r[10] === 'number' &&
    typeof r[11] === 'number' &&
    typeof r[12] === 'number' &&
    typeof metric === 'number' &&
    Number.isInteger(metric) &&
    metric >= -1 &&
    metric < METRIC_IDS.length &&
    (year === null || (typeof year === 'number' && Number.isInteger(year))) &&
    (direction === -1 || direction === 0 || direction === 1) &&
    (firmness === 0 || firmness === 1 || firmness === 2)
  );
}
