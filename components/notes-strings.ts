/**
 * @deprecated Re-exports the one string table in `lib/i18n` for files another branch is moving
 * (the reader restructure); import from `@/lib/i18n/strings` instead.
 *
 * @module
 */
export { formatString, notesStrings, type NotesStringKey, type NotesStrings } from '@/lib/i18n/strings';
