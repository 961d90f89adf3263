import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportCsv, exportJsonLd, exportMarkdown } from './export';
import { ImportError, importAnnotations, parseAnnotationFile } from './import';
import { saveNote } from './notes-repo';
import { draftOn, freshDb } from './test-helpers';

const fixtures = path.resolve(import.meta.dirname, '../../tests/fixtures/notes');
const fixture = (name: string) => readFileSync(path.join(fixtures, name), 'utf8');

async function twoNotes() {
  const db = freshDb();
  const a = await saveNote(
    db,
    draftOn('投入帮扶资金90亿元以上', { body: '比去年多?', tags: ['帮扶'], color: 'green' }),
  );
  const b = await saveNote(
    db,
    draftOn('推动盟市零基预算全覆盖', { body: '=SUM(A1) "引号", 逗号', url: 'https://www.gov.cn/a.html' }),
  );
  return { db, a, b };
}

describe('export', () => {
  it('cites the page of a note made in the PDF reader, and an import reads it back', async () => {
    const db = freshDb();
    const note = await saveNote(
      db,
      draftOn('城镇新增就业22万人以上', {
        url: 'https://www.nmg.gov.cn/attach/2020-plan.pdf',
        fingerprint: { title: '', docNumber: '内政发〔2020〕1号', date: '', key: 'pdf:4a1c9e0b' },
        pdfPage: 3,
      }),
    );
    const web = await saveNote(db, draftOn('推动盟市零基预算全覆盖'));
    const md = exportMarkdown([note, web]);
    expect(md).toContain('p. 3 · <https://www.nmg.gov.cn/attach/2020-plan.pdf#page=3>');
    expect(md).not.toContain('plan.html#page=');
    const csv = exportCsv([note, web]).split('\r\n');
    expect(csv[0]!.endsWith(',page')).toBe(true);
    expect(csv[1]!.endsWith(',3')).toBe(true);
    expect(csv[2]!.endsWith(',')).toBe(true);
    const json = exportJsonLd([note, web]);
    const drafts = parseAnnotationFile(json);
    expect(drafts.map((d) => d.pdfPage)).toEqual([3, undefined]);
    expect(JSON.parse(json).first.items[0].target.selector[2]).toEqual({
      type: 'FragmentSelector',
      conformsTo: 'http://tools.ietf.org/rfc/rfc3778',
      value: 'page=3',
    });
  });

  it('writes a W3C AnnotationCollection with quote and position selectors and tag bodies', async () => {
    const { db, a } = await twoNotes();
    const doc = JSON.parse(exportJsonLd(await db.notes.toArray())) as {
      '@context': unknown[];
      type: string;
      total: number;
      first: {
        items: { id: string; target: { selector: { type: string }[] }; body: { purpose: string }[] }[];
      };
    };
    expect(doc['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(doc).toMatchObject({ type: 'AnnotationCollection', total: 2 });
    const item = doc.first.items.find((i) => i.id === a.id)!;
    expect(item.target.selector.map((s) => s.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector']);
    expect(item.body.map((b) => b.purpose)).toEqual(['commenting', 'tagging']);
  });

  it('writes Markdown grouped by document with quotes and links', async () => {
    const { db } = await twoNotes();
    const md = exportMarkdown(await db.notes.toArray());
    expect(md.match(/^## /gmu)).toHaveLength(1); // both notes are on the same document (same 发文字号)
    expect(md).toContain('> 投入帮扶资金90亿元以上');
    expect(md).toContain('<http://www.nmg.gov.cn/zwgk/2026/plan.html>');
    expect(md).toContain('<https://www.gov.cn/a.html>');
    expect(md).toContain('#帮扶');
  });

  it.each([
    [
      'a title with HTML',
      { title: '<img src=x onerror=alert(1)>计划' },
      '&lt;img src=x onerror=alert(1)&gt;计划',
    ],
    [
      'a body with a script tag',
      { body: '<script>alert(1)</script>' },
      '&lt;script&gt;alert(1)&lt;/script&gt;',
    ],
    [
      'a body with a javascript: link',
      { body: '[点我](javascript:alert(1))' },
      '\\[点我\\](javascript:alert(1))',
    ],
    [
      'a body with an image',
      { body: '![x](https://evil.example/t.gif)' },
      '!\\[x\\](https://evil.example/t.gif)',
    ],
    ['a body with an autolink', { body: '<javascript:alert(1)>' }, '&lt;javascript:alert(1)&gt;'],
    ['a body with an entity', { body: '&lt;b&gt;' }, '&amp;lt;b&amp;gt;'],
    ['a body ending in a backslash', { body: '见附件\\' }, '见附件\\\\'],
    ['a quote with markup', { quote: '<b>投入</b>帮扶资金' }, '> &lt;b&gt;投入&lt;/b&gt;帮扶资金'],
    [
      'a section path with markup',
      { sectionPath: ['<a href="javascript:x">一</a>'] },
      '### &lt;a href="javascript:x"&gt;一&lt;/a&gt;',
    ],
    ['a tag with markup', { tags: ['<i>'] }, '#&lt;i&gt;'],
    ['a title with a line break', { title: '计划\n# 假标题' }, '## 计划 # 假标题'],
  ])('escapes %s in Markdown', async (_name, change, expected) => {
    const db = freshDb();
    const { quote, ...rest } = change as Partial<Record<'quote', string>> & Record<string, unknown>;
    await saveNote(db, draftOn(quote ?? '投入帮扶资金90亿元以上', rest));
    const md = exportMarkdown(await db.notes.toArray());
    expect(md).toContain(expected);
    // The only markup left is our own: <sub>, quote blocks and autolinks to http(s) addresses.
    expect(md.replace(/<\/?sub>|<https?:\/\/[^\s<>]+>|^> /gmu, '')).not.toMatch(/[<>]/u);
    expect(md).not.toMatch(/(?<!\\)\]\(/u);
  });

  it.each([
    ['javascript:alert(1)', 'javascript:alert(1)'],
    ['data:text/html,<script>alert(1)</script>', 'data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['http://www.nmg.gov.cn/a b<c>.html', '<http://www.nmg.gov.cn/a%20b%3Cc%3E.html>'],
  ])('links %s only when it is http(s)', async (url, expected) => {
    const db = freshDb();
    await saveNote(db, draftOn('投入帮扶资金90亿元以上', { url }));
    const md = exportMarkdown(await db.notes.toArray());
    expect(md).toContain(expected);
    expect(md).not.toMatch(/<(?!https?:\/\/|\/?sub>)/u);
  });

  it('writes CSV with quoting and defused formulas', async () => {
    const { db } = await twoNotes();
    const csv = exportCsv(await db.notes.toArray());
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('id,url,title,doc_number,section,quote,note,tags,color,created,modified,page');
    expect(csv).toContain(`"'=SUM(A1) ""引号"", 逗号"`);
    expect(lines).toHaveLength(4); // header, two rows, trailing empty
  });
});

describe('import', () => {
  it('round-trips an export into an empty database without losing anything', async () => {
    const { db } = await twoNotes();
    const before = await db.notes.orderBy('id').toArray();
    const file = exportJsonLd(before);
    const target = freshDb();
    expect(await importAnnotations(target, file)).toEqual({ added: 2, skipped: 0, renamed: 0 });
    expect(await target.notes.orderBy('id').toArray()).toEqual(before);
  });

  it('skips duplicates by id and by address + quote + body', async () => {
    const { db, a } = await twoNotes();
    const file = exportJsonLd(await db.notes.toArray());
    expect(await importAnnotations(db, file)).toEqual({ added: 0, skipped: 2, renamed: 0 });
    const renamed = file.replaceAll(a.id, 'urn:uuid:00000000-0000-4000-8000-000000000000');
    expect(await importAnnotations(db, renamed)).toEqual({ added: 0, skipped: 2, renamed: 0 });
  });

  it('imports a foreign W3C annotation with defaults', async () => {
    const db = freshDb();
    expect(await importAnnotations(db, fixture('foreign-w3c.jsonld'))).toEqual({
      added: 1,
      skipped: 0,
      renamed: 0,
    });
    const [note] = await db.notes.toArray();
    expect(note).toMatchObject({
      color: 'purple',
      tags: ['policy'],
      body: 'Key target.',
      site: 'www.gov.cn',
    });
    expect(note!.quoteFolded).toBe('新建改造农村牧区户厕6万个');
  });

  it.each([
    ['not-json.jsonld', /not JSON/u],
    ['foreign-other.json', /not W3C Web Annotation/u],
    ['corrupt-collection.jsonld', /Annotation 2 has no TextQuoteSelector/u],
  ])('refuses %s with a clear message and changes nothing', async (name, message) => {
    const { db } = await twoNotes();
    const before = await db.notes.toArray();
    await expect(importAnnotations(db, fixture(name))).rejects.toThrow(message);
    await expect(importAnnotations(db, fixture(name))).rejects.toBeInstanceOf(ImportError);
    expect(await db.notes.toArray()).toEqual(before);
  });

  it('validates every annotation before returning drafts', () => {
    expect(() =>
      parseAnnotationFile('[{"type":"Annotation","target":{"source":"javascript:alert(1)"}}]'),
    ).toThrow(/not a web address/u);
  });
});
