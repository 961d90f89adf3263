/**
 * Saving exports as files from an extension page, and reading an import file.
 *
 * @module
 */

/** Offers `text` as a download named `name`. */
export function downloadText(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** `planlens-notes-YYYY-MM-DD.<ext>` for today. */
export function exportFileName(extension: string, now = new Date()): string {
  return `planlens-notes-${now.toISOString().slice(0, 10)}.${extension}`;
}
