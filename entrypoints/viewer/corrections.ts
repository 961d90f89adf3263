/**
 * The user's corrections (the side panel's Targets table: not a target, the other kind, another
 * indicator) applied in the reader as on a web page. The reader is an extension page: it reads the
 * corrections from the database itself; the side panel asks it where a quantity is
 * (`targetsPageAnchor`), writes the correction and tells it (`targetsPageCorrectionsChanged`).
 * Corrections are kept under the PDF's document key (`fingerprintPdfDocument`: its 发文字号, shared
 * with its web copy, else the file's) and matched by each quantity's anchor on the reading text.
 *
 * @module
 */
import { FINGERPRINT_HEAD_CHARS } from '@/lib/anchor/fingerprint';
import { foldPageSliced } from '@/lib/anchor/match';
import { getT2s } from '@/lib/anchor/t2s';
import { targetAnchorKey } from '@/lib/anchor/target-anchor';
import { correctionsForDocument } from '@/lib/db/corrections-repo';
import { PlanLensDb } from '@/lib/db/schema';
import type { PanelCorrection, TargetAnchorInfo } from '@/lib/messaging/protocol-targets';
import { fingerprintPdfDocument } from '@/lib/pdf/pdf-fingerprint';
import { applyCorrections, listCorrectedFields, type TargetCorrection } from '@/lib/targets/corrections';
import type { Target } from '@/lib/targets/target';
import type { DocumentModel } from './document-model';
import { yieldToPage } from './yield-to-page';

/** What corrections need from the reader. */
export interface CorrectionsContext {
  model: DocumentModel;
  file: URL;
  /** The title shown for the document. */
  title: string;
  /** pdf.js `fingerprints[0]`. */
  pdfFingerprint: string;
  signal: AbortSignal;
}

/** The reader's corrections, as the side panel bridge uses them. */
export interface ViewerCorrections {
  /** The corrections that apply, for the panel (`index` into the placed targets; -1: dismissed). */
  describe(): PanelCorrection[];
  /** Where placed target `index` is: what the panel stores a correction under; null when none. */
  anchorOf(index: number): Promise<TargetAnchorInfo | null>;
  /** Reads the document's corrections again and applies them; false when stopped. */
  reload(): Promise<boolean>;
}

/**
 * Starts corrections on a fully read PDF: applies the stored ones (resolves once they are) and
 * answers the panel until `signal` aborts.
 */
export async function startCorrections(context: CorrectionsContext): Promise<ViewerCorrections> {
  const { model, signal } = context;
  const reading = model.reading!;
  const t2s = getT2s();
  const { key } = fingerprintPdfDocument(
    context.pdfFingerprint,
    context.title,
    reading.text.slice(0, FINGERPRINT_HEAD_CHARS),
    t2s,
  );
  const db = new PlanLensDb();
  signal.addEventListener('abort', () => db.close(), { once: true });
  let anchors: { of: Target[]; keys: Promise<string[]> } | null = null;
  /** The anchor keys of the extracted targets: the reading text folded once, in slices. */
  const anchorsOf = (extracted: Target[]) => {
    if (anchors?.of !== extracted) {
      const keys = foldPageSliced(reading.text, t2s, [], { signal }).then(({ folded }) =>
        extracted.map((target) => targetAnchorKey(folded, target.start, target.end)),
      );
      anchors = { of: extracted, keys };
    }
    return anchors.keys;
  };
  let shown: PanelCorrection[] = [];

  const apply = async (): Promise<boolean> => {
    const extracted = model.extracted;
    const rows = await correctionsForDocument(db, key);
    if (signal.aborted || model.extracted !== extracted) return false;
    if (rows.length === 0 && shown.length === 0) return true;
    const stored = new Map(
      rows.map(({ id, anchor, dismissed, kind, indicator }) => {
        const value: TargetCorrection = { dismissed, kind, indicator };
        return [anchor, { id, value }] as const;
      }),
    );
    const keys = await anchorsOf(extracted);
    await yieldToPage();
    if (signal.aborted || model.extracted !== extracted) return false;
    const items: Array<{ target: Target; source: number }> = [];
    const corrections: PanelCorrection[] = [];
    applyCorrections(extracted, (target) => target, keys, stored).forEach((item, k) => {
      if (item.correction) {
        corrections.push({
          id: item.correction.id,
          index: item.target ? items.length : -1,
          extracted: item.item,
          correction: item.correction.value,
          fields: listCorrectedFields(item.correction.value),
        });
      }
      if (item.target) items.push({ target: item.target, source: k });
    });
    shown = corrections;
    model.setPlaced(items);
    return true;
  };

  await apply();
  return {
    describe: () => shown,
    async anchorOf(index) {
      const extracted = model.extracted;
      const source = Number.isInteger(index) ? model.sourceIndex[index] : undefined;
      if (source === undefined) return null;
      const anchor = (await anchorsOf(extracted))[source];
      if (anchor === undefined || model.extracted !== extracted) return null;
      return {
        fingerprintKey: key,
        anchor,
        target: extracted[source]!,
        url: context.file.href,
        title: context.title,
      };
    },
    reload: apply,
  };
}
