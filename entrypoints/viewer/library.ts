/**
 * The reader's PDFs in the library, as the web reader's pages are (see the background's
 * `library.ts`): once the whole PDF is read, its document fields (title, jurisdiction, year, type,
 * 发文字号, read from its metadata title and the opening of its reading text) and its targets are
 * written as one library entry, so they appear in the Ledger. The reader is an extension page and
 * writes the database directly, as its notes do.
 *
 * @module
 */
import { browser } from 'wxt/browser';
import { FINGERPRINT_HEAD_CHARS } from '@/lib/anchor/fingerprint';
import { getT2s } from '@/lib/anchor/t2s';
import { rememberDocument } from '@/lib/db/library-repo';
import type { LibraryDocRecord } from '@/lib/db/library';
import { PlanLensDb } from '@/lib/db/schema';
import { readDocumentFields } from '@/lib/document/document-fields';
import { LIBRARY_HEAD_CHARS, MAX_LIBRARY_FIGURES } from '@/lib/messaging/protocol-library';
import { fingerprintPdfDocument } from '@/lib/pdf/pdf-fingerprint';
import { libraryPausedItem } from '@/lib/settings/items';
import type { DocumentModel } from './document-model';
import { yieldToPage } from './yield-to-page';

/** What the library entry needs from the reader. */
export interface PdfLibraryContext {
  model: DocumentModel;
  /** The PDF's address: the entry's address. */
  file: URL;
  /** The PDF's metadata title ('' when none). */
  title: string;
  /** pdf.js `fingerprints[0]`. */
  pdfFingerprint: string;
  signal: AbortSignal;
}

/**
 * Writes the fully read PDF into the library; resolves the entry, or null when it is not written:
 * the library paused, a private window, an address that is not http(s) or a local file, no targets
 * (nothing for the Ledger) or more than a plan has ({@link MAX_LIBRARY_FIGURES}).
 *
 * The entry's key is that of `fingerprintPdfDocument`: the document's 发文字号 when its text gives
 * one (the same document as its web copy), else the file's own (`pdf:…`), wherever it is read.
 */
export async function rememberPdf(context: PdfLibraryContext): Promise<LibraryDocRecord | null> {
  const { model, file, title, signal } = context;
  const reading = model.reading;
  // The targets as shown: the user's corrections applied (dismissed ones left out).
  const figures =
    model.figures &&
    model.sourceIndex.flatMap((source, k) => {
      const figure = model.figures![source];
      const { kind, indicator, firmness } = model.placed[k]!.target;
      return figure ? [{ ...figure, kind, indicator, firmness }] : [];
    });
  if (!reading || !figures || figures.length === 0 || figures.length > MAX_LIBRARY_FIGURES) return null;
  if (!/^(https?|file):$/.test(file.protocol)) return null;
  if (await libraryPausedItem.getValue().catch(() => false)) return null;
  // A private window leaves no trace: the library is shared with normal windows.
  const tab = await browser.tabs.getCurrent().catch(() => undefined);
  if (tab?.incognito || signal.aborted) return null;
  const head = reading.text.slice(0, Math.max(LIBRARY_HEAD_CHARS, FINGERPRINT_HEAD_CHARS));
  const fields = readDocumentFields({ title, headings: [], text: head.slice(0, LIBRARY_HEAD_CHARS) });
  await yieldToPage();
  const fingerprint = fingerprintPdfDocument(context.pdfFingerprint, title, head, getT2s());
  await yieldToPage();
  if (signal.aborted) return null;
  const db = new PlanLensDb();
  try {
    return await rememberDocument(db, { url: file.href, canonicalUrl: '', fields, fingerprint, figures });
  } finally {
    db.close();
  }
}
