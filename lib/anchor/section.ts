/**
 * Section paths of Chinese plan documents: the chain of headings (一、… / （一）… / 1. … / 第X章 …)
 * above a point in the text. Stored with each note so lists can group notes by section.
 *
 * @module
 */

const LEVELS: RegExp[] = [
  /^第[一二三四五六七八九十百零〇\d]+[编篇]/u,
  /^第[一二三四五六七八九十百零〇\d]+章/u,
  /^第[一二三四五六七八九十百零〇\d]+节/u,
  /^[一二三四五六七八九十]+[、.．]/u,
  /^[(（][一二三四五六七八九十]+[)）]/u,
  /^\d{1,2}[、.．](?!\d)/u,
];

const MAX_TITLE = 40;

/**
 * Returns the headings enclosing `offset` in `text`, outermost first. A heading is a line (after
 * trimming) starting with a numbering pattern; its title is cut at the first 。；: or 40 characters.
 * A deeper heading is dropped when a shallower one follows it.
 *
 * Edge cases: text without numbered headings gives []; lines longer than 200 characters are treated
 * as paragraphs even when numbered, except that their lead-in up to the first 。 is used as the title.
 */
export function sectionPathAt(text: string, offset: number): string[] {
  const path: (string | undefined)[] = [];
  let lineStart = 0;
  while (lineStart < offset && lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd).trim();
    const level = LEVELS.findIndex((re) => re.test(line));
    if (level >= 0) {
      const title = line.split(/[。；;：:]/u)[0]!.slice(0, MAX_TITLE);
      path[level] = title;
      path.length = level + 1;
    }
    lineStart = lineEnd + 1;
  }
  return path.filter((p): p is string => p !== undefined);
}
