/**
 * The backup reminder: off by default; when on, PlanLens reminds the reader once this many notes were
 * written since the last export. Pure.
 *
 * @module
 */

/** The choices the options page offers (0 = off, the default). */
export const BACKUP_REMINDER_CHOICES: readonly number[] = [0, 10, 25, 50, 100];

/** A stored threshold; anything but one of {@link BACKUP_REMINDER_CHOICES} means off. */
export function parseBackupReminder(value: unknown): number {
  return typeof value === 'number' && BACKUP_REMINDER_CHOICES.includes(value) ? value : 0;
}

/**
 * How many notes are due for a backup: the notes created after `lastBackup` (an ISO date; `null` =
 * never backed up, so every note counts), or 0 while the reminder is off or the count is below the
 * threshold.
 */
export function notesDueForBackup(
  createdDates: readonly string[],
  lastBackup: string | null,
  every: number,
): number {
  if (every <= 0) return 0;
  const fresh = lastBackup === null ? createdDates.length : createdDates.filter((d) => d > lastBackup).length;
  return fresh >= every ? fresh : 0;
}
