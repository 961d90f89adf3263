/**
 * The line above a table that says how many rows are shown and offers their exports (download,
 * copy): the same group in the Targets and Ledger tabs.
 *
 * @module
 */

/** One export button: what it says, its test id, and what it does. */
export interface ExportAction {
  label: string;
  testId: string;
  run: () => void;
}

/** A labelled group: the shown count, then one button per action, in order. */
export function ExportBar({
  label,
  shown,
  shownTestId,
  actions,
  buttonClassName,
}: {
  /** The group's accessible name. */
  label: string;
  /** "N of M shown", as the tab words it. */
  shown: string;
  shownTestId: string;
  actions: readonly ExportAction[];
  buttonClassName: string;
}) {
  return (
    <div className="flex flex-wrap items-center gap-2" role="group" aria-label={label}>
      <span className="text-slate-600 dark:text-slate-300" data-testid={shownTestId}>
        {shown}
      </span>
      {actions.map((action) => (
        <button
          key={action.testId}
          type="button"
          className={buttonClassName}
          data-testid={action.testId}
          onClick={action.run}
        >
          {action.label}
        </button>
      ))}
    </div>
  );
}
