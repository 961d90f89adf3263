/**
 * The in-page conversion: switches a document between its original text and a converted script,
 * writing text nodes and attributes in place, restoring originals exactly, and converting content
 * that arrives later. DOM glue around the pure pieces in lib/convert; the dictionaries live
 * elsewhere and are reached through `remote`.
 */
import { OBSERVED_ATTRIBUTES, isVisibleAttribute } from '../../../lib/convert/attributes';
import { detectScript } from '../../../lib/convert/detect-script';
import { ConversionLedger } from '../../../lib/convert/ledger';
import { hasPinyin, stripPinyin } from '../../../lib/convert/pinyin';
import { splitBackByCodePoints } from '../../../lib/convert/split-back';
import {
  choosePreset,
  langOfTarget,
  siblingPresets,
  type EnginePreset,
  type PageScript,
  type ScriptTarget,
} from '../../../lib/convert/targets';
import type { ConvertStatus } from '../../../lib/messaging/protocol-convert';
import {
  collectDocument,
  collectUnits,
  emptyUnits,
  frameDocument,
  isInlineElement,
  isInsideSkipped,
  isSkippedElement,
  type PageUnits,
} from './walk';
import { TEXT_CHANGED_EVENT } from '../core/page-watch';

/** Converts a batch of strings with a preset, in order (a round trip to the background). */
export type RemoteConvert = (preset: EnginePreset, texts: string[]) => Promise<string[]>;

/** The User Timing measure every switch emits (benchmarks read it). */
export const CONVERT_MEASURE = 'planlens:convert';

/** The event the core's page watcher turns into a `text-changed` change for the other features. */
export { TEXT_CHANGED_EVENT };

const HAN = /[\u3400-\u9fff\uf900-\ufaff]|[\ud840-\ud87f][\udc00-\udfff]/;

/** One switching session for a top-level document (and its shadow roots and same-origin frames). */
export class PageConverter {
  private readonly ledger = new ConversionLedger<Node>();
  /** Original `lang` attribute (or null when absent) of every element we retagged. */
  private readonly langOrig = new Map<Element, string | null>();
  private readonly written = new Set<Text>();
  private readonly writtenAttrs = new Set<Element>();
  /** Converted strings per preset: repeated switches and recurring dynamic text need no round trip. */
  private readonly cache = new Map<EnginePreset, Map<string, string>>();
  private readonly observers = new Map<Document | ShadowRoot, MutationObserver>();
  /** Frames we listen to, so a frame that (re)loads is converted too. */
  private readonly watchedFrames = new WeakSet<HTMLIFrameElement>();
  private target: ScriptTarget = 'original';
  private hidePinyin = false;
  private detected: PageScript | null = null;
  private pinyinSeen = false;
  /** Increments on every switch so late answers of an older switch are dropped. */
  private generation = 0;
  /** The most recent switch; an older one that was overtaken resolves with it. */
  private latest: Promise<ConvertStatus> = Promise.resolve({
    detected: 'unknown',
    target: 'original',
    hidePinyin: false,
    hasPinyin: false,
  });

  constructor(
    private readonly doc: Document,
    private readonly remote: RemoteConvert,
  ) {}

  /** The page's script (from original text), the shown target and the pinyin state. */
  status(): ConvertStatus {
    if (this.detected === null || this.detected === 'unknown') this.detectFrom(collectDocument(this.doc));
    return {
      detected: this.detected ?? 'unknown',
      target: this.target,
      hidePinyin: this.hidePinyin,
      hasPinyin: this.pinyinSeen,
    };
  }

  /**
   * Shows the page in `target` (converting from the originals, never from earlier output), or
   * restores it exactly with `original`. Emits the `planlens:convert` measure and the
   * `planlens:text-changed` event.
   */
  apply(target: ScriptTarget, hidePinyin: boolean): Promise<ConvertStatus> {
    const done = this.run(target, hidePinyin);
    this.latest = done;
    return done;
  }

  private async run(target: ScriptTarget, hidePinyin: boolean): Promise<ConvertStatus> {
    const started = performance.now();
    const generation = ++this.generation;
    this.target = target;
    this.hidePinyin = hidePinyin;
    if (target === 'original' && !hidePinyin) {
      this.stopObserving();
      this.restoreAll();
    } else {
      const units = collectDocument(this.doc);
      if (this.detected === null || this.detected === 'unknown') this.detectFrom(units);
      await this.convertUnits(units, generation);
      // A newer switch took over while we waited: answer when the page shows that one.
      if (generation !== this.generation) return this.latest;
      this.observe(units.roots);
      this.watchFrames(units.frames);
      this.prefetchSiblings(units, generation);
    }
    performance.measure(CONVERT_MEASURE, { start: started, end: performance.now() });
    this.doc.dispatchEvent(new CustomEvent(TEXT_CHANGED_EVENT));
    return this.status();
  }

  /** Stops observing; the page keeps whatever it shows. */
  dispose(): void {
    this.stopObserving();
    this.generation++;
  }

  /**
   * After a switch, converts the page's strings with the other variants too, in idle time, so the
   * next switch is answered from the cache (no round trip, no dictionary build on the way).
   */
  private prefetchSiblings(units: PageUnits, generation: number): void {
    const preset = choosePreset(this.detected ?? 'unknown', this.target);
    if (!preset) return;
    const texts = [
      ...units.runs.map((run) => run.map((node) => this.originalOf(node)).join('')),
      ...units.attrs.map((slot) => this.ledger.get(slot.el, slot.name)?.orig ?? ''),
    ];
    setTimeout(() => {
      if (generation !== this.generation) return;
      for (const sibling of siblingPresets(preset)) void this.fetch(sibling, texts).catch(() => undefined);
    }, 50);
  }

  private detectFrom(units: PageUnits): void {
    let sample = '';
    for (const run of units.runs) {
      for (const node of run) sample += this.originalOf(node);
      if (sample.length > 20_000) break;
    }
    this.detected = detectScript(sample);
    this.pinyinSeen = hasPinyin(sample);
  }

  /** The original text of a node without recording anything new when it is unseen. */
  private originalOf(node: Text): string {
    const record = this.ledger.get(node);
    return record && record.out !== null && node.data === record.out ? record.orig : node.data;
  }

  /** Converts and writes `units`; resolves with the number of slots written. */
  private async convertUnits(units: PageUnits, generation: number): Promise<number> {
    const preset = choosePreset(this.detected ?? 'unknown', this.target);
    // Read originals now; what is read here is what gets written, if the node still holds it.
    const runs = units.runs.map((nodes) => {
      const seen = nodes.map((node) => node.data);
      const origs = nodes.map((node, i) => this.ledger.readOriginal(node, seen[i]!));
      return { nodes, seen, origs, joined: origs.join('') };
    });
    const attrs = units.attrs.map((slot) => {
      const seen = slot.el.getAttribute(slot.name) ?? '';
      return { ...slot, seen, orig: this.ledger.readOriginal(slot.el, seen, slot.name) };
    });
    let convert: (text: string) => string = (text) => text;
    let outsOf: (run: (typeof runs)[number]) => string[] = (run) => run.origs;
    if (preset) {
      const wanted = [...runs.map((r) => r.joined), ...attrs.map((a) => a.orig)];
      const lookup = await this.fetch(preset, wanted);
      if (generation !== this.generation) return 0;
      // Runs whose length changed cannot be cut back by position: convert their nodes one by one.
      const pieces = new Map<(typeof runs)[number], string[]>();
      const perNode: string[] = [];
      for (const run of runs) {
        const split = splitBackByCodePoints(run.origs, lookup(run.joined));
        if (split) pieces.set(run, split);
        else perNode.push(...run.origs);
      }
      const perNodeLookup = perNode.length > 0 ? await this.fetch(preset, perNode) : lookup;
      if (generation !== this.generation) return 0;
      convert = lookup;
      outsOf = (run) => pieces.get(run) ?? run.origs.map((orig) => perNodeLookup(orig));
    }
    // Page changes that happened while we waited must survive the flush of our own records below.
    const pending = this.takeRecords();
    let writes = 0;
    for (const run of runs) writes += this.writeRun(run.nodes, run.seen, outsOf(run));
    for (const attr of attrs) {
      const next = convert(attr.orig);
      const current = attr.el.getAttribute(attr.name) ?? '';
      if (current !== attr.seen) continue;
      if (this.ledger.decideWrite(attr.el, current, next, attr.name)) {
        attr.el.setAttribute(attr.name, next);
        this.writtenAttrs.add(attr.el);
        writes++;
      }
    }
    this.retag(units.langEls, preset !== null);
    this.takeRecords();
    if (pending.length > 0) this.onMutations(pending);
    return writes;
  }

  private writeRun(nodes: Text[], seen: string[], outs: string[]): number {
    let writes = 0;
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      // The page changed the node while we were converting: its own mutation record handles it.
      if (node.data !== seen[i]) continue;
      const out = this.hidePinyin ? stripPinyin(outs[i]!) : outs[i]!;
      if (this.ledger.decideWrite(node, node.data, out)) {
        node.data = out;
        this.written.add(node);
        writes++;
      }
    }
    return writes;
  }

  /** Resolves converted strings from the cache, asking the background once for all missing ones. */
  private async fetch(preset: EnginePreset, texts: string[]): Promise<(text: string) => string> {
    let cache = this.cache.get(preset);
    if (!cache) {
      cache = new Map();
      this.cache.set(preset, cache);
    }
    const missing = [...new Set(texts.filter((t) => HAN.test(t) && !cache.has(t)))];
    if (missing.length > 0) {
      const converted = await this.remote(preset, missing);
      missing.forEach((text, i) => cache.set(text, converted[i] ?? text));
    }
    return (text) => cache.get(text) ?? text;
  }

  /** Sets `lang` on converted content (once per element, remembering the original attribute). */
  private retag(elements: Element[], converted: boolean): void {
    if (this.target === 'original') return;
    const lang = converted ? langOfTarget(this.target) : null;
    for (const el of elements) {
      if (!this.langOrig.has(el)) this.langOrig.set(el, el.getAttribute('lang'));
      const want = lang ?? this.langOrig.get(el) ?? null;
      if (el.getAttribute('lang') === want) continue;
      if (want === null) el.removeAttribute('lang');
      else el.setAttribute('lang', want);
    }
  }

  /** 原文: writes every original back where the node still holds our output. */
  private restoreAll(): void {
    for (const node of this.written) {
      const orig = this.ledger.restore(node, node.data);
      if (orig !== null) node.data = orig;
    }
    this.written.clear();
    for (const el of this.writtenAttrs) {
      for (const name of OBSERVED_ATTRIBUTES) {
        const current = el.getAttribute(name);
        if (current === null) continue;
        const orig = this.ledger.restore(el, current, name);
        if (orig !== null) el.setAttribute(name, orig);
      }
    }
    this.writtenAttrs.clear();
    for (const [el, lang] of this.langOrig) {
      if (lang === null) el.removeAttribute('lang');
      else if (el.getAttribute('lang') !== lang) el.setAttribute('lang', lang);
    }
    this.langOrig.clear();
  }

  private observe(roots: (Document | ShadowRoot)[]): void {
    for (const root of roots) {
      if (this.observers.has(root)) continue;
      const observer = new MutationObserver((records) => this.onMutations(records));
      observer.observe(root, {
        childList: true,
        subtree: true,
        characterData: true,
        attributes: true,
        attributeFilter: [...OBSERVED_ATTRIBUTES],
      });
      this.observers.set(root, observer);
    }
  }

  /** Converts a same-origin frame's document whenever the frame loads, while a script is shown. */
  private watchFrames(frames: HTMLIFrameElement[]): void {
    for (const frame of frames) {
      if (this.watchedFrames.has(frame)) continue;
      this.watchedFrames.add(frame);
      frame.addEventListener('load', () => {
        if (this.target === 'original' && !this.hidePinyin) return;
        // Cross-origin frames give null: not ours to read.
        const doc = frameDocument(frame);
        if (!doc?.documentElement) return;
        const units = emptyUnits();
        units.roots.push(doc);
        units.langEls.push(doc.documentElement);
        collectUnits(doc, units);
        const generation = this.generation;
        this.convertUnits(units, generation).then(
          () => {
            if (generation !== this.generation) return;
            this.observe(units.roots);
            this.watchFrames(units.frames);
          },
          () => undefined,
        );
      });
    }
  }

  private stopObserving(): void {
    for (const observer of this.observers.values()) observer.disconnect();
    this.observers.clear();
  }

  /**
   * Takes the queued mutation records. Called right after our own writes to drop the records they
   * caused (records arrive asynchronously, so a "we are writing" flag would not work).
   */
  private takeRecords(): MutationRecord[] {
    const records: MutationRecord[] = [];
    for (const observer of this.observers.values()) records.push(...observer.takeRecords());
    return records;
  }

  /**
   * Page changes while a conversion is shown: converts what arrived or changed, as one batch, in
   * the same task when every string is cached, after one round trip otherwise.
   */
  private onMutations(records: MutationRecord[]): void {
    if (this.target === 'original' && !this.hidePinyin) return;
    const units = emptyUnits();
    const blocks = new Set<Node>();
    for (const record of records) {
      if (record.type === 'attributes') {
        const el = record.target as Element;
        const name = record.attributeName ?? '';
        if (
          el.hasAttribute(name) &&
          isVisibleAttribute(el.tagName, name, el.getAttribute('type')) &&
          !isInsideSkipped(el)
        ) {
          units.attrs.push({ el, name });
        }
      } else if (record.type === 'characterData') {
        if (record.target.isConnected) blocks.add(blockOf(record.target));
      } else {
        for (const node of record.addedNodes) {
          if (node.isConnected) blocks.add(node.nodeType === Node.TEXT_NODE ? blockOf(node) : node);
        }
      }
    }
    for (const block of blocks) {
      // A block inside another dirty block is walked with it.
      if (hasDirtyAncestor(block, blocks) || isInsideSkipped(block)) continue;
      if (block.nodeType === Node.ELEMENT_NODE && isSkippedElement(block as Element)) continue;
      collectUnits(block, units);
    }
    if (units.runs.length === 0 && units.attrs.length === 0) return;
    const generation = this.generation;
    this.convertUnits(units, generation).then(
      (writes) => {
        if (generation !== this.generation) return;
        this.observe(units.roots);
        this.watchFrames(units.frames);
        if (writes > 0) this.doc.dispatchEvent(new CustomEvent(TEXT_CHANGED_EVENT));
      },
      // The background is gone (extension updated or reloaded): the new text stays as the page wrote it.
      () => undefined,
    );
  }
}

/** The nearest ancestor whose inline content forms the run `node` belongs to. */
function blockOf(node: Node): Node {
  let current: Node = node.parentNode ?? node;
  while (
    current.nodeType === Node.ELEMENT_NODE &&
    isInlineElement(current as Element) &&
    current.parentNode
  ) {
    current = current.parentNode;
  }
  return current;
}

function hasDirtyAncestor(node: Node, dirty: Set<Node>): boolean {
  for (let p = node.parentNode; p; p = p.parentNode) if (dirty.has(p)) return true;
  return false;
}
