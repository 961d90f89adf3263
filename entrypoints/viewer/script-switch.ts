/**
 * 简繁 display conversion of the reader's text layer. Every span's text is converted in place with
 * the same converters the web pages use (lib/convert, loaded on the first switch; the reader is
 * an extension page, so it holds its own engine as the offscreen document does), only where the
 * converted text keeps its length in code points — so the highlights' ranges, which point into
 * these text nodes by offset, stay on the same characters. 原文 writes back every node's original.
 *
 * @module
 */
import { detectScript } from '@/lib/convert/detect-script';
import { ConversionEngine } from '@/lib/convert/engine';
import { countCodePoints, splitBackByCodePoints } from '@/lib/convert/split-back';
import { convertStraySimplified } from '@/lib/convert/stray-simplified';
import { choosePreset, langOfTarget, type ScriptTarget } from '@/lib/convert/targets';
import type { PdfStrings } from '@/lib/i18n/strings';
import type { DocumentModel } from './document-model';

const CHOICES: Array<[ScriptTarget, Parameters<PdfStrings['t']>[0]]> = [
  ['original', 'readerScriptOriginal'],
  ['cn', 'readerScriptHans'],
  ['tw', 'readerScriptHantTw'],
  ['hk', 'readerScriptHantHk'],
];

/**
 * Wires the script menu (`#script`) of a fully read PDF. `data-planlens-script` on the root names
 * the script shown once a switch is done.
 */
export function wireScriptSwitch(model: DocumentModel, reader: PdfStrings, signal: AbortSignal): void {
  const select = document.getElementById('script') as HTMLSelectElement;
  select.ariaLabel = select.title = reader.t('readerScript');
  select.replaceChildren(
    ...CHOICES.map(([value, key]) => {
      const option = document.createElement('option');
      option.value = value;
      option.textContent = reader.t(key);
      return option;
    }),
  );
  select.hidden = false;
  const script = detectScript(model.reading?.text ?? '');
  const originals = new Map<Text, string>();
  let engine: ConversionEngine | undefined;
  let pass = 0;

  /** Every text node of the laid-out text layers, page by page, with its original text. */
  const readPages = () =>
    model.pages.map((page) =>
      page.spans.flatMap((span) => {
        const node = span.firstChild;
        if (!(node instanceof Text)) return [];
        if (!originals.has(node)) originals.set(node, node.data);
        return [node];
      }),
    );

  const apply = async (target: ScriptTarget) => {
    const mine = ++pass;
    const preset = choosePreset(script, target);
    const pages = readPages();
    if (!preset) {
      for (const [node, text] of originals) if (node.data !== text) node.data = text;
    } else {
      engine ??= new ConversionEngine();
      const variants = await engine.converter(preset);
      // A traditional PDF only gets the variant pass, which keeps stray simplified characters
      // (万, 亿 in a 繁體 reprint): those few are converted from simplified, in context.
      const fromSimplified =
        preset === 't2tw'
          ? await engine.converter('cn2tw')
          : preset === 't2hk'
            ? await engine.converter('cn2hk')
            : null;
      const convert = fromSimplified
        ? (text: string) => convertStraySimplified(variants(text), fromSimplified)
        : variants;
      if (mine !== pass || signal.aborted) return;
      for (const nodes of pages) {
        const sources = nodes.map((node) => originals.get(node)!);
        // One page as one string, so phrases cut between runs convert as phrases.
        const converted =
          splitBackByCodePoints(sources, convert(sources.join(''))) ?? sources.map((text) => convert(text));
        nodes.forEach((node, i) => {
          const next = converted[i]!;
          // A piece whose length changed would move the highlights: it keeps its original.
          const text = countCodePoints(next) === countCodePoints(sources[i]!) ? next : sources[i]!;
          if (node.data !== text) node.data = text;
        });
      }
    }
    for (const page of model.pages) {
      const layer = page.box.querySelector<HTMLElement>('.textLayer');
      if (layer) {
        if (preset && target !== 'original') layer.lang = langOfTarget(target);
        else layer.removeAttribute('lang');
      }
    }
    document.documentElement.dataset.planlensScript = target;
  };
  select.addEventListener('change', () => void apply(select.value as ScriptTarget), { signal });
}
