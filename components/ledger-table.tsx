/**
 * The Ledger tab's content without storage or messaging: filters, chart, export buttons and the
 * table of what {@link buildLedgerView} made. Past {@link LEDGER_VIRTUAL_FROM} rows only the rows
 * near the view are drawn (as in the Targets table), so a library of thousands of cells opens as
 * fast as a short one. Rendered as is by the benchmark.
 *
 * @module
 */
import { memo, useRef } from 'react';
import { formatString, type LedgerStrings } from '@/lib/i18n/strings';
import type { LedgerComparison } from '@/lib/ledger/compare';
import type { AnchoredLedgerRow } from '@/lib/ledger/ledger-rows';
import type { MetricId } from '@/lib/targets/metric';
import { ExportBar } from './export-bar';
import type { LedgerChart, LedgerFilter, LedgerView } from './ledger-view';
import { useWindowedRows, type WindowedRowsOptions } from './use-windowed-rows';

/** Tables with more rows than this draw only the rows near the view. */
export const LEDGER_VIRTUAL_FROM = 400;
/**
 * The drawn window of a long table: the rows a side panel shows and a margin on each side, so that
 * scrolling by a screen or tabbing to the next figure finds it drawn. Before the table's place is
 * known, 24 rows: the table starts below the filters, chart and export line (about 230 px), so a
 * side panel of 800 px shows about 22 rows; the window follows the view as soon as it is measured.
 */
const WINDOW: WindowedRowsOptions = {
  virtualFrom: LEDGER_VIRTUAL_FROM,
  overscan: 10,
  rowPx: 26,
  initial: 24,
  rowSelector: 'tr[data-testid="ledger-row"]',
};

/** Qualifiers written after the quantity (`5%左右`); the others come before it (`力争5%`). */
const TRAILING_QUALIFIER = /^(?:左右|以上|以下|以内|以內|上下)$/;

/** A figure as the table writes it: `5%左右`, `力争5%`, `下降 3%`. */
export function formatLedgerFigure(row: AnchoredLedgerRow, strings: LedgerStrings): string {
  const fall = row.direction === 'down' ? `${strings.dir_down} ` : '';
  if (!row.qualifier) return `${fall}${row.quote}`;
  return TRAILING_QUALIFIER.test(row.qualifier)
    ? `${fall}${row.quote}${row.qualifier}`
    : `${row.qualifier}${fall}${row.quote}`;
}

function metricName(metric: MetricId, strings: LedgerStrings): string {
  return strings[`metric_${metric}`];
}

/** A figure in a cell: a button that opens its page and focuses its sentence. */
function FigureLink({
  row,
  strings,
  onOpen,
}: {
  row: AnchoredLedgerRow | null;
  strings: LedgerStrings;
  onOpen: (row: AnchoredLedgerRow) => void;
}) {
  if (!row) return <span className="text-slate-400">{strings.unknown}</span>;
  const open = () => onOpen(row);
  return (
    <button
      type="button"
      className="text-left underline decoration-dotted hover:decoration-solid"
      data-testid="ledger-figure"
      aria-label={formatString(strings.openSource, { quote: row.at.text, title: row.title })}
      title={row.title}
      onClick={open}
    >
      {formatLedgerFigure(row, strings)}
      {row.firmness && (
        <span className="ml-1 text-xs text-slate-500 dark:text-slate-400">
          {row.firmness === 'hard' ? strings.firm_hard : strings.firm_soft}
        </span>
      )}
    </button>
  );
}

const CHART_W = 300;
const CHART_H = 120;
const PAD = { left: 34, right: 8, top: 8, bottom: 20 };

/** One indicator over the years: target ranges as orange bars, achieved figures as a blue line. */
function LedgerChartSvg({ chart, strings }: { chart: LedgerChart; strings: LedgerStrings }) {
  const { points } = chart;
  const label = formatString(strings.chartLabel, {
    metric: metricName(chart.metric, strings),
    jurisdiction: chart.jurisdiction,
  });
  const values = points.flatMap((p) => [
    ...(p.target ? [p.target.low, p.target.high] : []),
    ...(p.achieved === null ? [] : [p.achieved]),
  ]);
  if (values.length === 0) return <p>{strings.chartNone}</p>;
  const min = Math.min(0, ...values);
  const max = Math.max(...values, min + 1);
  const first = points[0]!.year;
  const span = Math.max(1, points.at(-1)!.year - first);
  const x = (year: number) => PAD.left + ((year - first) / span) * (CHART_W - PAD.left - PAD.right);
  const y = (v: number) => PAD.top + ((max - v) / (max - min)) * (CHART_H - PAD.top - PAD.bottom);
  const achieved = points.filter((p) => p.achieved !== null);
  return (
    <figure className="space-y-1">
      <svg
        role="img"
        aria-label={label}
        data-testid="ledger-chart"
        viewBox={`0 0 ${CHART_W} ${CHART_H}`}
        className="w-full max-w-sm text-slate-500"
      >
        <title>{label}</title>
        <line
          x1={PAD.left}
          x2={CHART_W - PAD.right}
          y1={y(0)}
          y2={y(0)}
          stroke="currentColor"
          strokeWidth="0.5"
        />
        <text x={PAD.left - 4} y={y(max) + 4} textAnchor="end" fontSize="9" fill="currentColor">
          {`${+max.toPrecision(3)}${chart.unit}`}
        </text>
        <text x={PAD.left - 4} y={y(min) + 3} textAnchor="end" fontSize="9" fill="currentColor">
          {`${+min.toPrecision(3)}${chart.unit}`}
        </text>
        {points.map((p) => (
          <g key={p.year}>
            <text x={x(p.year)} y={CHART_H - 6} textAnchor="middle" fontSize="9" fill="currentColor">
              {p.year}
            </text>
            {p.target && (
              <rect
                x={x(p.year) - 5}
                width="10"
                y={y(p.target.high) - 1.5}
                height={Math.max(3, y(p.target.low) - y(p.target.high) + 3)}
                fill="#f97316"
                opacity="0.8"
              />
            )}
          </g>
        ))}
        {achieved.length > 1 && (
          <polyline
            fill="none"
            stroke="#2563eb"
            strokeWidth="1.5"
            points={achieved.map((p) => `${x(p.year)},${y(p.achieved!)}`).join(' ')}
          />
        )}
        {achieved.map((p) => (
          <circle key={p.year} cx={x(p.year)} cy={y(p.achieved!)} r="3" fill="#2563eb" />
        ))}
      </svg>
      <figcaption className="flex gap-3 text-xs">
        <span>{label}</span>
        <span className="text-orange-600">■ {strings.legendTarget}</span>
        <span className="text-blue-600">● {strings.legendAchieved}</span>
      </figcaption>
    </figure>
  );
}

/** One cell of the ledger: a table row, drawn again only when its cell or strings change. */
const LedgerRowView = memo(function LedgerRowView({
  cell,
  position,
  strings,
  onOpen,
}: {
  cell: LedgerComparison<AnchoredLedgerRow>;
  /** Place among the shown cells (0-based); the header row is row 1 for assistive technology. */
  position: number;
  strings: LedgerStrings;
  onOpen: (row: AnchoredLedgerRow) => void;
}) {
  return (
    <tr
      className="border-b border-slate-100 align-top dark:border-slate-800"
      aria-rowindex={position + 2}
      data-testid="ledger-row"
      data-metric={cell.metric}
      data-year={cell.year}
      data-jurisdiction={cell.jurisdiction}
      data-met={cell.met === null ? '' : String(cell.met)}
    >
      <td>{cell.jurisdiction}</td>
      <td>{cell.year}</td>
      <td>{metricName(cell.metric, strings)}</td>
      <td>
        <FigureLink row={cell.target} strings={strings} onOpen={onOpen} />
      </td>
      <td>
        <FigureLink row={cell.achieved} strings={strings} onOpen={onOpen} />
      </td>
      <td
        className={
          cell.met === true
            ? 'text-green-700 dark:text-green-400'
            : cell.met === false
              ? 'text-red-700 dark:text-red-400'
              : ''
        }
      >
        {cell.met === null ? strings.unknown : cell.met ? strings.met : strings.missed}
      </td>
    </tr>
  );
});

/** What the content shows and what it calls back. */
export interface LedgerContentProps {
  view: LedgerView;
  filter: LedgerFilter;
  strings: LedgerStrings;
  onFilter: (next: LedgerFilter) => void;
  /** Opens a figure's page with its sentence focused. */
  onOpen: (row: AnchoredLedgerRow) => void;
  onExport: (kind: 'csv' | 'json') => void;
}

/** Filters, chart, export and the table. */
export function LedgerContent({ view, filter, strings, onFilter, onOpen, onExport }: LedgerContentProps) {
  const tbody = useRef<HTMLTableSectionElement>(null);
  const windowed = useWindowedRows(view.cells.length, tbody, WINDOW, view.cells);
  const change = (next: Partial<LedgerFilter>) => onFilter({ ...filter, ...next });
  const select = 'rounded border border-slate-300 bg-transparent px-1 dark:border-slate-600';
  return (
    <>
      <div className="flex flex-wrap gap-2">
        <label className="flex items-center gap-1">
          {strings.filterJurisdiction}
          <select
            className={select}
            data-testid="ledger-filter-jurisdiction"
            value={filter.jurisdiction}
            onChange={(e) => change({ jurisdiction: e.target.value })}
          >
            <option value="">{strings.any}</option>
            {view.jurisdictions.map((j) => (
              <option key={j} value={j}>
                {j}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-1">
          {strings.filterMetric}
          <select
            className={select}
            data-testid="ledger-filter-metric"
            value={filter.metric}
            onChange={(e) => change({ metric: e.target.value as MetricId | '' })}
          >
            <option value="">{strings.any}</option>
            {view.metrics.map((m) => (
              <option key={m} value={m}>
                {metricName(m, strings)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-1">
          {strings.filterYear}
          <select
            className={select}
            data-testid="ledger-filter-year"
            value={filter.year}
            onChange={(e) => change({ year: Number(e.target.value) })}
          >
            <option value={0}>{strings.any}</option>
            {view.years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
      </div>
      {view.chart && <LedgerChartSvg chart={view.chart} strings={strings} />}
      <ExportBar
        label={strings.exportLabel}
        shown={formatString(strings.shown, { shown: view.cells.length, total: view.total })}
        shownTestId="ledger-shown"
        buttonClassName="underline"
        actions={[
          { label: strings.exportCsv, testId: 'ledger-export-csv', run: () => onExport('csv') },
          { label: strings.exportJson, testId: 'ledger-export-json', run: () => onExport('json') },
        ]}
      />
      <table
        className="w-full border-collapse text-left"
        data-testid="ledger-table"
        aria-rowcount={view.cells.length + 1}
      >
        <caption className="sr-only">{strings.tableLabel}</caption>
        <thead>
          <tr className="border-b border-slate-300 dark:border-slate-600" aria-rowindex={1}>
            <th scope="col">{strings.col_jurisdiction}</th>
            <th scope="col">{strings.col_year}</th>
            <th scope="col">{strings.col_metric}</th>
            <th scope="col">{strings.col_target}</th>
            <th scope="col">{strings.col_achieved}</th>
            <th scope="col">{strings.col_met}</th>
          </tr>
        </thead>
        <tbody ref={tbody}>
          {windowed.spaceBefore > 0 && (
            <tr aria-hidden="true" data-testid="ledger-spacer" style={{ height: windowed.spaceBefore }} />
          )}
          {view.cells.slice(windowed.from, windowed.to).map((cell, k) => (
            <LedgerRowView
              key={`${cell.jurisdiction}|${cell.year}|${cell.metric}`}
              cell={cell}
              position={windowed.from + k}
              strings={strings}
              onOpen={onOpen}
            />
          ))}
          {windowed.spaceAfter > 0 && (
            <tr aria-hidden="true" data-testid="ledger-spacer" style={{ height: windowed.spaceAfter }} />
          )}
        </tbody>
      </table>
    </>
  );
}
