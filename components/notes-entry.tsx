/** Popup section: notes on this page and a link to the side panel. STUB: filled in by the notes feature. */
export function NotesEntry(_props: { tabId: number }) {
  return null;
}
